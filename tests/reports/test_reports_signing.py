"""PAdES signatures with the unit's certificate: valid and trusted for the unit's root, broken by any
change to the signed bytes, still a clean PDF for qpdf and readable text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pypdf import PdfReader
from reports_pdfcheck import flat, pdftotext, qpdf_check

from kpi_desktop.errors import InputError
from kpi_desktop.reports.render import write_report
from kpi_desktop.reports.signing import load_certificate, load_signer, sign_pdf, verify_pdf
from kpi_desktop.reports.specimen import specimen_annual_form

NOW = dt.datetime.now(dt.UTC)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def test_signed_form_verifies_and_stays_a_clean_pdf(pki: dict[str, Path], tmp_path: Path) -> None:
    form = specimen_annual_form(2)
    signer = load_signer(pki["cert"], pki["key"])
    path = write_report(form, tmp_path / "signed.pdf", signer=signer, location="An Bình")
    data = path.read_bytes()
    checks = verify_pdf(data, [load_certificate(pki["ca"].read_bytes())])
    assert len(checks) == 1
    check = checks[0]
    assert check.ok and check.pades
    assert check.signer == "Ủy ban nhân dân xã An Bình"
    assert qpdf_check(path).returncode == 0
    assert form.person.full_name in flat(pdftotext(path))
    sig_field = PdfReader(str(path)).get_fields()
    assert sig_field is not None and any(f.get("/FT") == "/Sig" for f in sig_field.values())


def test_untrusted_root_and_tampering_are_detected(pki: dict[str, Path], tmp_path: Path) -> None:
    from kpi_desktop.reports.render import render_pdf

    signed = sign_pdf(render_pdf(specimen_annual_form(3)), load_signer(pki["p12"], passphrase="mat-khau"))
    other_key = ec.generate_private_key(ec.SECP256R1())
    other_root = (x509.CertificateBuilder().subject_name(_name("Other CA")).issuer_name(_name("Other CA"))
                  .public_key(other_key.public_key()).serial_number(x509.random_serial_number())
                  .not_valid_before(NOW - dt.timedelta(days=1)).not_valid_after(NOW + dt.timedelta(days=30))
                  .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                  .sign(other_key, hashes.SHA256()))
    untrusted = verify_pdf(signed, [load_certificate(other_root.public_bytes(serialization.Encoding.PEM))])[0]
    assert untrusted.intact and untrusted.valid and not untrusted.trusted and not untrusted.ok
    # Change one figure inside the signed range: the signature no longer matches the bytes.
    start = signed.index(b"/Contents <")  # signature placeholder; edit a byte well before it
    pos = signed.rindex(b"stream", 0, start // 2)
    tampered = signed[:pos + 20] + bytes([signed[pos + 20] ^ 0x01]) + signed[pos + 21:]
    check = verify_pdf(tampered, [load_certificate(pki["ca"].read_bytes())])[0]
    assert not check.intact and not check.ok


def test_appending_after_signing_is_not_whole_file(pki: dict[str, Path]) -> None:
    from kpi_desktop.reports.render import render_pdf

    signed = sign_pdf(render_pdf(specimen_annual_form(4)), load_signer(pki["cert"], pki["key"]))
    extended = signed + b"\n% appended later\n"
    check = verify_pdf(extended, [load_certificate(pki["ca"].read_bytes())])[0]
    assert check.intact and not check.covers_whole_file and not check.ok


def test_bad_key_material_is_a_clear_error(pki: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="sai mật khẩu"):
        load_signer(pki["p12"], passphrase="sai")
    with pytest.raises(InputError, match="Thiếu tệp khoá riêng"):
        load_signer(pki["cert"])
    with pytest.raises(InputError, match="Không tìm thấy"):
        load_signer(tmp_path / "none.p12")
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(InputError):
        load_signer(junk, pki["key"])
