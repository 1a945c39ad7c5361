"""Where a unit's keys and the province certificates live on a machine.

The unit's signing key is an encrypted PKCS#8 file in the data folder (`pki/unit.key`). What unlocks
it is either a random secret kept in the OS keyring (Windows Credential Manager, macOS Keychain,
Secret Service) or, when the keyring backend is the fail, null or a plaintext one (keyrings.alt on a
headless Linux stores base64 in a file), a passphrase the user types. `pki/unit.json` records which.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from kpi_desktop.errors import InputError, StateError
from kpi_desktop.exchange import pki
from kpi_desktop.paths import data_dir

SERVICE = "kpi-desktop"
PASSPHRASE_ENV = "KPI_KEY_PASSPHRASE"
MIN_PASSPHRASE = 12
# Module or class names of keyring backends that do not protect a secret.
REFUSED = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file.PlaintextKeyring",
           "keyrings.alt.file", "keyrings.alt.Gnome", "keyrings.alt.Google")


def pki_dir() -> Path:
    path = data_dir() / "pki"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _backend_names(backend: Any) -> list[str]:
    inner = getattr(backend, "backends", None)
    if inner is not None:  # ChainerBackend: usable only if one of its members is
        return [n for b in inner for n in _backend_names(b)]
    cls = type(backend)
    return [f"{cls.__module__}.{cls.__qualname__}"]


def keyring_problem() -> str | None:
    """None when the OS keyring can keep a secret safely, else why not (Vietnamese)."""
    try:
        import keyring
    except ImportError:
        return "chưa cài thư viện keyring"
    backend = keyring.get_keyring()
    names = _backend_names(backend)
    usable = [n for n in names if not n.startswith(REFUSED)]
    if not usable:
        return f"kho khoá của hệ điều hành không an toàn hoặc không có ({', '.join(names) or 'trống'})"
    return None


@dataclass(frozen=True)
class InstalledUnit:
    unit_code: str
    key_path: Path
    cert_path: Path | None
    unlock: str  # "keyring" or "passphrase"


def _meta_path(folder: Path) -> Path:
    return folder / "unit.json"


def store_unit_key(key: rsa.RSAPrivateKey, unit_code: str, *, passphrase: str | None = None,
                   folder: Path | None = None) -> InstalledUnit:
    """Encrypt and write the unit key; the unlocking secret goes to the keyring when it is safe."""
    folder = folder or pki_dir()
    problem = keyring_problem()
    if problem is None:
        import keyring

        secret = secrets.token_urlsafe(48)  # far below Windows Credential Manager's 2,560 bytes
        keyring.set_password(SERVICE, f"unit-key:{unit_code}", secret)
        password, unlock = secret, "keyring"
    else:
        if not passphrase:
            raise StateError(
                f"Không dùng được kho khoá của hệ điều hành: {problem}.",
                hint=f"Hãy đặt mật khẩu bảo vệ khoá (biến môi trường {PASSPHRASE_ENV} hoặc nhập khi được hỏi).",
            )
        if len(passphrase) < MIN_PASSPHRASE:
            raise InputError(f"Mật khẩu bảo vệ khoá phải dài ít nhất {MIN_PASSPHRASE} ký tự.", field="passphrase")
        password, unlock = passphrase, "passphrase"
    key_path = folder / "unit.key"
    pki.write_private(key_path, pki.key_pem(key, password.encode("utf-8")))
    pki.write_public(_meta_path(folder), json.dumps({"unit_code": unit_code, "unlock": unlock}).encode())
    return InstalledUnit(unit_code, key_path, None, unlock)


def installed_unit(folder: Path | None = None) -> InstalledUnit | None:
    folder = folder or pki_dir()
    meta = _meta_path(folder)
    if not meta.exists():
        return None
    info = json.loads(meta.read_text(encoding="utf-8"))
    cert = folder / "unit.pem"
    return InstalledUnit(info["unit_code"], folder / "unit.key", cert if cert.exists() else None, info["unlock"])


def load_unit_key(unit: InstalledUnit, passphrase: str | None = None) -> rsa.RSAPrivateKey:
    if unit.unlock == "keyring":
        problem = keyring_problem()
        if problem is not None:
            raise StateError(f"Không mở được kho khoá của hệ điều hành: {problem}.")
        import keyring

        secret = keyring.get_password(SERVICE, f"unit-key:{unit.unit_code}")
        if secret is None:
            raise StateError("Không tìm thấy bí mật mở khoá của đơn vị trong kho khoá hệ điều hành.",
                             hint="Hãy tạo lại yêu cầu cấp chứng thư (kpi pki request).")
        return pki.load_key(unit.key_path, secret.encode("utf-8"))
    passphrase = passphrase or os.environ.get(PASSPHRASE_ENV)
    if not passphrase:
        raise InputError("Cần mật khẩu để mở khoá ký của đơn vị.", field="passphrase",
                         hint=f"Đặt biến môi trường {PASSPHRASE_ENV} hoặc nhập khi được hỏi.")
    return pki.load_key(unit.key_path, passphrase.encode("utf-8"))


def install_certificates(cert: x509.Certificate, root: x509.Certificate,
                         encryption: list[x509.Certificate], *, folder: Path | None = None,
                         passphrase: str | None = None) -> InstalledUnit:
    """The unit installs the certificate the province issued plus the province's root and
    encryption certificates; the certificate must match the unit's key and chain to the root."""
    from kpi_desktop.exchange import cms, signer

    folder = folder or pki_dir()
    unit = installed_unit(folder)
    if unit is None:
        raise StateError("Máy này chưa tạo khoá của đơn vị.", hint="Chạy «kpi pki request» trước.")
    if pki.unit_code_of(cert) != unit.unit_code:
        raise InputError(f"Chứng thư cấp cho đơn vị {pki.unit_code_of(cert)}, không phải {unit.unit_code}.",
                         field="cert")
    key = load_unit_key(unit, passphrase)
    sig = signer.FileKeySigner(cert, key, [root])
    cms.verify_signed(sig.sign(b"install-check"), [root])  # chains to the root, today
    pki.write_public(folder / "unit.pem", pki.cert_pem(cert))
    pki.write_public(folder / "province-root.pem", pki.cert_pem(root))
    pki.write_public(folder / "province-enc.pem", b"".join(pki.cert_pem(c) for c in encryption))
    return InstalledUnit(unit.unit_code, unit.key_path, folder / "unit.pem", unit.unlock)
