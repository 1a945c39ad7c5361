"""Every line of the contract's hostile-input list as a file builder and the refusal it must get.

Each builder takes (pki, other province's pki, scratch folder) and returns the bytes of one .kpib.
"""

from __future__ import annotations

import base64
import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

from asn1crypto import algos
from asn1crypto import cms as acms
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7
from exchange_helpers import (
    UNIT_A,
    UNIT_B,
    Pki,
    cert_with,
    make_bundle,
    manifest_for,
    openssl,
    payload_files,
    raw_zip,
    record,
    records,
    seal,
    valid_payload,
    write,
    zip_with_manifest,
)

from kpi_desktop.exchange import cms, payload
from kpi_desktop.exchange.signer import FileKeySigner

Builder = Callable[[Pki, Pki, Path], bytes]


def _valid(p: Pki) -> bytes:
    return make_bundle(p)[0]


def _ber_indefinite(p: Pki, o: Pki, t: Path) -> bytes:
    data = _valid(p)
    ci = acms.ContentInfo.load(data)
    inner = ci.contents  # the content octets of the outer SEQUENCE
    return b"\x30\x80" + inner + b"\x00\x00"


def _crlf(p: Pki, o: Pki, t: Path) -> bytes:
    for _ in range(50):
        data = _valid(p)
        if b"\n" in data and b"\r\n" not in data:
            return data.replace(b"\n", b"\r\n")
    raise AssertionError("could not build a CRLF case")


def _sign_openssl(p: Pki, t: Path, zipped: bytes, *extra: str, unit: str = UNIT_A) -> bytes:
    cert, key = p.paths.units[unit]
    return openssl("cms", "-sign", "-binary", "-nodetach", "-outform", "DER", "-signer", str(cert),
                   "-inkey", str(key), "-in", str(write(t / "payload.zip", zipped)), *extra)


def _encrypt_openssl(p: Pki, t: Path, signed: bytes, *extra: str) -> bytes:
    return openssl("cms", "-encrypt", "-binary", "-outform", "DER", "-inform", "DER",
                   "-in", str(write(t / "signed.der", signed)), *extra, str(p.paths.enc_cert))


def _oaep(p: Pki, o: Pki, t: Path) -> bytes:
    signed = p.signer().sign(valid_payload(p))
    inp = write(t / "signed.der", signed)
    return openssl("cms", "-encrypt", "-binary", "-outform", "DER", "-in", str(inp), "-aes256",
                   "-recip", str(p.paths.enc_cert), "-keyopt", "rsa_padding_mode:oaep")


def _gcm(p: Pki, o: Pki, t: Path) -> bytes:
    return _encrypt_openssl(p, t, p.signer().sign(valid_payload(p)), "-aes-256-gcm")


def _des3(p: Pki, o: Pki, t: Path) -> bytes:
    return _encrypt_openssl(p, t, p.signer().sign(valid_payload(p)), "-des3")


def _rc2(p: Pki, o: Pki, t: Path) -> bytes:
    # OpenSSL 3 keeps RC2 in the legacy provider; rewrite the algorithm identifier instead.
    ci = acms.ContentInfo.load(_valid(p))
    eci = ci["content"]["encrypted_content_info"]
    eci["content_encryption_algorithm"] = algos.EncryptionAlgorithm(
        {"algorithm": "rc2", "parameters": algos.Rc2Params({"rc2_parameter_version": 58, "iv": b"\x00" * 8})})
    return ci.dump(force=True)


def _sha(md: str) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        return cms.envelope(_sign_openssl(p, t, valid_payload(p), "-md", md), [p.enc])
    return build


def _tampered(p: Pki, o: Pki, t: Path) -> bytes:
    data = bytearray(_valid(p))
    data[-1] ^= 0x55
    return bytes(data)


def _detached(p: Pki, o: Pki, t: Path) -> bytes:
    cert, key = p.units[UNIT_A]
    sig = (pkcs7.PKCS7SignatureBuilder().set_data(valid_payload(p)).add_signer(cert, key, hashes.SHA256())
           .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.DetachedSignature]))
    return cms.envelope(sig, [p.enc])


def _no_attrs(p: Pki, o: Pki, t: Path) -> bytes:
    return cms.envelope(_sign_openssl(p, t, valid_payload(p), "-md", "sha256", "-noattr"), [p.enc])


def _several(n: int) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        builder = pkcs7.PKCS7SignatureBuilder().set_data(valid_payload(p))
        cert, key = p.units[UNIT_A]
        for _ in range(n):
            builder = builder.add_signer(cert, key, hashes.SHA256())
        return cms.envelope(builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary]), [p.enc])
    return build


def _no_cert(p: Pki, o: Pki, t: Path) -> bytes:
    cert, key = p.units[UNIT_A]
    sig = (pkcs7.PKCS7SignatureBuilder().set_data(valid_payload(p)).add_signer(cert, key, hashes.SHA256())
           .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoCerts]))
    return cms.envelope(sig, [p.enc])


def _many_certs(p: Pki, o: Pki, t: Path) -> bytes:
    cert, key = p.units[UNIT_A]
    builder = pkcs7.PKCS7SignatureBuilder().set_data(valid_payload(p)).add_signer(cert, key, hashes.SHA256())
    for _ in range(2000):
        builder = builder.add_certificate(p.root)
    return cms.envelope(builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary]), [p.enc])


def _with_cert(**kw: object) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        if kw.get("other_root"):
            cert, key = cert_with(p, root=(o.root, o.root_key))
        else:
            cert, key = cert_with(p, **kw)  # type: ignore[arg-type]
        zipped = payload.build_zip(manifest_for(p, signer_cert=cert), payload_files())
        return cms.envelope(FileKeySigner(cert, key, [p.root]).sign(zipped), [p.enc])
    return build


def _zip_case(**kw: object) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        files = payload_files()
        mode = kw["mode"]
        if mode == "traversal":
            zipped = zip_with_manifest(p, {**files, "../evil.txt": b"x"})
        elif mode == "absolute":
            zipped = zip_with_manifest(p, {**files, "/etc/passwd": b"x"})
        elif mode == "duplicate":
            m = manifest_for(p)
            good = payload.build_zip(m, files)
            with zipfile.ZipFile(__import__("io").BytesIO(good)) as zf:
                entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
            entries.append(("records.jsonl", payload.dumps_jsonl(records(5))))
            zipped = raw_zip(entries)
        elif mode == "symlink":
            zipped = zip_with_manifest(p, {**files, "link": b"/etc/passwd"}, symlink="link")
        elif mode == "encrypted":
            zipped = zip_with_manifest(p, files)
            # zipfile never writes the "encrypted" flag; set it in the central directory entry.
            name = b"records.jsonl"
            at = zipped.index(b"PK\x01\x02" + zipped[zipped.index(b"PK\x01\x02") + 4:][:0])
            while True:
                at = zipped.index(b"PK\x01\x02", at)
                nlen = int.from_bytes(zipped[at + 28:at + 30], "little")
                if zipped[at + 46:at + 46 + nlen] == name:
                    break
                at += 4
            flags = int.from_bytes(zipped[at + 8:at + 10], "little") | 0x1
            zipped = zipped[:at + 8] + flags.to_bytes(2, "little") + zipped[at + 10:]
        elif mode == "compression":
            zipped = zip_with_manifest(p, files, compression={"records.jsonl": zipfile.ZIP_BZIP2})
        elif mode == "missing":
            zipped = zip_with_manifest(p, {k: v for k, v in files.items() if k != "audit.jsonl"}, listed=files)
        elif mode == "extra":
            zipped = zip_with_manifest(p, {**files, "extra.txt": b"x"}, listed=files)
        elif mode == "hash":
            listed = dict(files)
            listed["catalog.json"] = b'{"positions":"v2"}\n'
            zipped = zip_with_manifest(p, files, listed=listed)
        elif mode == "bomb":
            zipped = zip_with_manifest(p, {**files, "audit.jsonl": b"\n" * (60 * 1024 * 1024)})
        else:
            raise AssertionError(mode)
        return seal(p, zipped)
    return build


def _records_raw(raw: bytes, count: int = 1) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        zipped = payload.build_zip(manifest_for(p, record_count=count), payload_files(**{"records.jsonl": raw}))
        return seal(p, zipped)
    return build


def _recs(recs: list[dict[str, object]], count: int | None = None, unit: str = UNIT_A, **mkw: object) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        m = manifest_for(p, unit=unit, record_count=len(recs) if count is None else count, **mkw)
        return seal(p, payload.build_zip(m, payload_files(recs)), unit=unit)
    return build


_GOOD_LINE = payload.dumps(record()).decode()


def _line(text: str) -> bytes:
    return text.encode("utf-8") + b"\n"


def _other_recipient(which: str) -> Builder:
    def build(p: Pki, o: Pki, t: Path) -> bytes:
        target = o.enc if which == "other" else cert_with(p, unit=UNIT_A)[0]
        zipped = payload.build_zip(manifest_for(p, recipients=[target]), payload_files())
        return seal(p, zipped, recipients=[target])
    return build


def _forwarded(p: Pki, o: Pki, t: Path) -> bytes:
    # Encrypted to us, but the manifest says it was meant for another province.
    zipped = payload.build_zip(manifest_for(p, recipients=[o.enc]), payload_files())
    return seal(p, zipped)


def _a_for_b(p: Pki, o: Pki, t: Path) -> bytes:
    m = manifest_for(p, unit=UNIT_B, signer_cert=p.units[UNIT_A][0])
    zipped = payload.build_zip(m, payload_files(records(unit=UNIT_B)))
    return seal(p, zipped, unit=UNIT_A)


def _many_recipients(p: Pki, o: Pki, t: Path) -> bytes:
    return cms.envelope(p.signer().sign(valid_payload(p)), [p.enc] * 1000)


CASES: dict[str, tuple[Builder, str]] = {
    "not DER": (lambda p, o, t: b"\x00\x01 not a bundle \xff\xfe" * 10, "not_der"),
    "PEM instead of DER": (lambda p, o, t: b"-----BEGIN CMS-----\n" + base64.encodebytes(_valid(p)) + b"-----END CMS-----\n", "pem_not_der"),
    "base64 instead of DER": (lambda p, o, t: base64.encodebytes(_valid(p)), "pem_not_der"),
    "BER indefinite lengths": (_ber_indefinite, "ber_indefinite"),
    "trailing bytes": (lambda p, o, t: _valid(p) + b"\x00\x00trailing", "trailing_bytes"),
    "truncated copy": (lambda p, o, t: _valid(p)[:-300], "truncated"),
    "CRLF conversion in transit": (_crlf, "crlf_converted"),
    "huge file": (lambda p, o, t: b"\x30\x84\x01\x40\x00\x00" + b"\x00" * (20 * 1024 * 1024), "file_too_large"),
    "ZIP bomb": (_zip_case(mode="bomb"), "zip_too_large"),
    "thousands of recipients": (_many_recipients, "too_many_recipients"),
    "thousands of signers": (_several(1000), "several_signers"),
    "thousands of certificates": (_many_certs, "too_many_certificates"),
    "another province's key": (_other_recipient("other"), "not_for_us"),
    "an old key": (_other_recipient("old"), "not_for_us"),
    "forwarded bundle (manifest names another recipient)": (_forwarded, "not_our_recipient"),
    "OAEP key transport": (_oaep, "unsupported_key_transport"),
    "AES-GCM content encryption": (_gcm, "unsupported_cipher"),
    "3DES content encryption": (_des3, "unsupported_cipher"),
    "RC2 content encryption": (_rc2, "unsupported_cipher"),
    "SHA-1 digest": (_sha("sha1"), "unsupported_digest"),
    "MD5 digest": (_sha("md5"), "unsupported_digest"),
    "tampered ciphertext": (_tampered, "decrypt_failed"),
    "detached signature": (_detached, "detached_signature"),
    "no signed attributes": (_no_attrs, "no_signed_attributes"),
    "several signers": (_several(2), "several_signers"),
    "missing signer certificate": (_no_cert, "missing_signer_cert"),
    "look-alike self-signed certificate": (_with_cert(self_signed=True), "self_signed"),
    "wrong root": (_with_cert(other_root=True), "wrong_root"),
    "expired certificate": (_with_cert(not_before=dt.datetime.now(dt.UTC) - dt.timedelta(days=400), days=30), "cert_expired"),
    "not-yet-valid certificate": (_with_cert(not_before=dt.datetime.now(dt.UTC) + dt.timedelta(days=10)), "cert_not_yet_valid"),
    "RSA under 2048 bits": (_with_cert(bits=1024), "weak_key"),
    "commune A signing for commune B": (_a_for_b, "signer_not_registered"),
    "ZIP path traversal": (_zip_case(mode="traversal"), "zip_path"),
    "ZIP absolute name": (_zip_case(mode="absolute"), "zip_path"),
    "ZIP duplicate names": (_zip_case(mode="duplicate"), "zip_duplicate"),
    "ZIP symlink": (_zip_case(mode="symlink"), "zip_symlink"),
    "ZIP encrypted entry": (_zip_case(mode="encrypted"), "zip_encrypted"),
    "ZIP odd compression": (_zip_case(mode="compression"), "zip_compression"),
    "missing entry": (_zip_case(mode="missing"), "missing_entry"),
    "extra entry": (_zip_case(mode="extra"), "extra_entry"),
    "hash mismatch": (_zip_case(mode="hash"), "hash_mismatch"),
    "JSON duplicate keys": (_records_raw(_line(_GOOD_LINE[:-1] + ',"kind":"annual"}')), "json_duplicate_key"),
    "JSON NaN": (_records_raw(_line(_GOOD_LINE.replace('"k":1', '"k":NaN', 1))), "json_nan"),
    "JSON huge integer": (_records_raw(_line(_GOOD_LINE.replace('"k":1', '"k":' + "9" * 400, 1))), "json_huge_number"),
    "JSON BOM": (_records_raw(b"\xef\xbb\xbf" + _line(_GOOD_LINE)), "json_bom"),
    "invalid UTF-8": (_records_raw(_line(_GOOD_LINE).replace("Nguyễn".encode(), b"Nguy\xff\xfen")), "json_utf8"),
    "NFD text": (_records_raw(_line(_GOOD_LINE.replace("Nguyễn", "Nguye\u0302\u0303n"))), "json_not_nfc"),
    "control characters": (_records_raw(_line(_GOOD_LINE.replace("Nguyễn Văn An", "Nguyễn\\u0007Văn An"))), "json_control_char"),
    "value starting with =": (_recs([record(name="=HYPERLINK(\"http://x\",\"An\")")]), "json_formula"),
    "value starting with +": (_recs([record(name="+1+cmd")]), "json_formula"),
    "value starting with -": (_recs([record(name="-2+3")]), "json_formula"),
    "value starting with @": (_recs([record(name="@SUM(A1)")]), "json_formula"),
    "staff of another unit": (_recs([record(), record("CC-0099", unit=UNIT_B)]), "foreign_staff"),
    "duplicate staff": (_recs([record(), record()]), "duplicate_staff"),
    "score out of range": (_recs([record(result={**record()["result"], "total": "130.00"})]), "score_out_of_range"),
    "general points out of range": (_recs([record(input={**record()["input"], "general": {"a": 50, "b": 9, "c": 9}})]), "score_out_of_range"),
    "record count mismatch": (_recs(records(3), count=4), "record_count_mismatch"),
    "unknown rule set": (_recs([record(input={**record()["input"], "ruleset": "ND999-2030"})]), "unknown_ruleset"),
}
