"""Which certificates and keys a database uses for the exchange, and the province's certificate registry.

Settings hold file paths (never key material) in `exchange_settings`:

- `province_root`        path of the pinned province root certificate (PEM)
- `decryption`           [{"cert": path, "key": path}, …] the province's encryption certificates and keys,
                         current first, then older ones kept during a rotation (province side)
- `recipients`           [path, …] the province encryption certificate(s) a commune encrypts to
- `province_signer`      {"cert": path, "key": path} signs catalogue packs and receipts (province side)
- `unit_signer`          {"cert": path, "key": path | "installed"} signs results bundles (commune side)
- `production`           true: demo certificates are refused
- `quarantine_dir`, `receipt_dir`  folders (defaults under the data folder)

`install_demo_pki(db, folder)` points all of these at a `kpi pki demo` folder and registers the demo
units' certificates, so the demo database exports and imports out of the box.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import select

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, StateError
from kpi_desktop.exchange import bundle, keystore, pki
from kpi_desktop.exchange.signer import FileKeySigner, Signer
from kpi_desktop.paths import data_dir
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.exchange import ExchangeSetting, UnitCertificate


def get_settings(db: Database) -> dict[str, Any]:
    with db.session() as s:
        return {row.key: row.value for row in s.scalars(select(ExchangeSetting))}


def set_settings(db: Database, values: dict[str, Any]) -> None:
    with db.session() as s:
        for key, value in values.items():
            row = s.get(ExchangeSetting, key)
            if row is None:
                s.add(ExchangeSetting(key=key, value=value))
            else:
                row.value = value


def _path(value: Any, what: str) -> Path:
    if not isinstance(value, str) or not value:
        raise StateError(f"Chưa cấu hình {what} cho trao đổi dữ liệu.",
                         hint="Chạy «kpi pki install» (hoặc «kpi pki demo» để thử).")
    return Path(value)


def _installed(name: str) -> Path | None:
    path = keystore.pki_dir() / name
    return path if path.exists() else None


def province_roots(db: Database, settings: dict[str, Any] | None = None) -> list[x509.Certificate]:
    settings = settings if settings is not None else get_settings(db)
    value = settings.get("province_root") or (str(_installed("province-root.pem") or ""))
    return pki.load_certs(_path(value, "chứng thư gốc của Sở"))


def load_trust(db: Database, *, allow_expired: bool = False, with_decryption: bool = True) -> bundle.Trust:
    settings = get_settings(db)
    roots = province_roots(db, settings)
    keys: list[tuple[x509.Certificate, Any]] = []
    if with_decryption:
        for item in settings.get("decryption") or []:
            keys.append((pki.load_cert(Path(item["cert"])), pki.load_key(Path(item["key"]))))
        if not keys:
            raise StateError("Chưa cấu hình chứng thư và khoá giải mã của Sở.",
                             hint="Chạy «kpi pki install --province …» (hoặc «kpi pki demo» để thử).")
    return bundle.Trust(roots=roots, decryption=keys, production=bool(settings.get("production")),
                        allow_expired=allow_expired)


def recipients(db: Database) -> list[x509.Certificate]:
    settings = get_settings(db)
    paths = settings.get("recipients") or ([str(p)] if (p := _installed("province-enc.pem")) else [])
    certs = [c for p in paths for c in pki.load_certs(Path(p))]
    if not certs:
        raise StateError("Chưa có chứng thư mã hoá của Sở.", hint="Chạy «kpi pki install».")
    return certs


def unit_signer(db: Database, *, passphrase: str | None = None) -> Signer:
    settings = get_settings(db)
    roots = province_roots(db, settings)
    conf = settings.get("unit_signer")
    if conf and conf.get("key") != "installed":
        cert = pki.load_cert(Path(conf["cert"]))
        key = pki.load_key(Path(conf["key"]))
    else:
        unit = keystore.installed_unit()
        if unit is None or unit.cert_path is None:
            raise StateError("Máy này chưa cài chứng thư ký của đơn vị.",
                             hint="Chạy «kpi pki request», gửi yêu cầu cho Sở, rồi «kpi pki install».")
        cert = pki.load_cert(unit.cert_path)
        key = keystore.load_unit_key(unit, passphrase)
    return FileKeySigner(cert, key, roots)


def province_signer(db: Database) -> Signer:
    settings = get_settings(db)
    conf = settings.get("province_signer")
    if not conf:
        raise StateError("Chưa cấu hình chứng thư ký của Sở (ký gói danh mục và biên nhận).",
                         hint="Chạy «kpi pki install --province …» (hoặc «kpi pki demo»).")
    return FileKeySigner(pki.load_cert(Path(conf["cert"])), pki.load_key(Path(conf["key"])), province_roots(db, settings))


def folder(db: Database, key: str, default_name: str) -> Path:
    value = get_settings(db).get(key)
    path = Path(value) if value else data_dir() / default_name
    path.mkdir(parents=True, exist_ok=True)
    return path


# ---------------------------------------------------------------------------------------------
# Registry of unit certificates (province side)


def register_certificate(db: Database, actor: Actor, cert: x509.Certificate, unit_code: str) -> None:
    """Record that `cert` signs for `unit_code` (checked against the pinned root first)."""
    require(actor, Action.BUNDLE_IMPORT)
    pki.check_unit_code(unit_code)
    settings = get_settings(db)
    roots = province_roots(db, settings)
    if pki.unit_code_of(cert) not in (None, unit_code):
        raise InputError(f"Chứng thư ghi mã đơn vị {pki.unit_code_of(cert)}, không phải {unit_code}.", field="unit_code")
    if settings.get("production") and pki.is_demo(cert):
        raise InputError("Chứng thư DEMO không được đăng ký ở chế độ vận hành thật.", field="cert")
    root_fps = {pki.cert_sha256(r) for r in roots}
    if not any(cert.issuer == r.subject for r in roots) and pki.cert_sha256(cert) not in root_fps:
        raise InputError("Chứng thư không do CA gốc của Sở cấp.", field="cert")
    fp = pki.cert_sha256(cert)
    with db.session(actor) as s:
        row = s.scalar(select(UnitCertificate).where(UnitCertificate.cert_sha256 == fp))
        if row is not None:
            if row.unit_code != unit_code:
                raise InputError(f"Chứng thư này đã được đăng ký cho đơn vị {row.unit_code}.", field="cert")
            row.revoked_at = None
            return
        s.add(UnitCertificate(
            unit_code=unit_code, cert_sha256=fp, subject=cert.subject.rfc4514_string(),
            not_before=cert.not_valid_before_utc.replace(tzinfo=None),
            not_after=cert.not_valid_after_utc.replace(tzinfo=None),
            pem=pki.cert_pem(cert).decode("ascii"), demo=pki.is_demo(cert), registered_by=actor.username,
        ))


def registered_units(db: Database) -> dict[str, set[str]]:
    """cert sha256 → unit codes it may sign for (revoked registrations excluded)."""
    out: dict[str, set[str]] = {}
    with db.session() as s:
        for fp, code in s.execute(select(UnitCertificate.cert_sha256, UnitCertificate.unit_code)
                                  .where(UnitCertificate.revoked_at.is_(None))):
            out.setdefault(fp, set()).add(code)
    return out


def revoke_certificate(db: Database, actor: Actor, cert_sha256: str) -> None:
    require(actor, Action.BUNDLE_IMPORT)
    with db.session(actor) as s:
        row = s.scalar(select(UnitCertificate).where(UnitCertificate.cert_sha256 == cert_sha256))
        if row is None:
            raise InputError("Không có chứng thư nào với dấu vân tay này.", field="cert")
        row.revoked_at = datetime.now(UTC).replace(tzinfo=None)


# ---------------------------------------------------------------------------------------------
# Demo


def install_demo_pki(db: Database, folder_: Path, *, units: Iterable[str] | None = None,
                     actor: Actor | None = None) -> pki.DemoPki:
    """Point this database at a `kpi pki demo` folder (creating it if empty) and register the demo
    units' certificates, so the demo exports and imports out of the box. Refused in production mode."""
    from kpi_desktop.domain.roles import SYSTEM

    if get_settings(db).get("production"):
        raise StateError("Cơ sở dữ liệu đang ở chế độ vận hành thật: không dùng PKI DEMO.")
    paths = pki.demo_paths(folder_)
    if not paths.root.exists():
        paths = pki.make_demo_pki(folder_)
    else:
        found = sorted(folder_.glob("unit-*.pem"))
        paths = pki.demo_paths(folder_, [p.stem.removeprefix("unit-") for p in found])
    set_settings(db, {
        "province_root": str(paths.root),
        "decryption": [{"cert": str(paths.enc_cert), "key": str(paths.enc_key)}],
        "recipients": [str(paths.enc_cert)],
        "province_signer": {"cert": str(paths.sign_cert), "key": str(paths.sign_key)},
        "production": False,
        "demo_dir": str(folder_),
    })
    home = _home_unit(db)
    if home is not None and home[0] not in paths.units:
        paths = add_demo_unit(folder_, *home)
    wanted = set(units) if units is not None else set(paths.units)
    for code, (cert_path, _key) in paths.units.items():
        if code in wanted:
            register_certificate(db, actor or SYSTEM, pki.load_cert(cert_path), code)
    if home is not None:
        use_demo_unit(db, folder_, home[0])
    return paths


def _home_unit(db: Database) -> tuple[str, str] | None:
    from kpi_desktop.store.models.core import Unit

    with db.session() as s:
        row = s.scalar(select(Unit).where(Unit.is_home.is_(True)))
        return (row.code, row.name) if row is not None else None


def add_demo_unit(folder_: Path, unit_code: str, unit_name: str) -> pki.DemoPki:
    """Issue a demo signing certificate for one more unit with the demo root kept in `folder_`."""
    paths = pki.demo_paths(folder_)
    root = pki.load_cert(paths.root)
    root_key = pki.load_key(folder_ / "province-root.key")
    key = pki.new_key()
    cert = pki.issue(root, root_key, key.public_key(), common_name=unit_name, purpose="sign", demo=True,
                     unit_code=unit_code)
    pki.write_private(folder_ / f"unit-{unit_code}.key", pki.key_pem(key))
    pki.write_public(folder_ / f"unit-{unit_code}.pem", pki.cert_pem(cert))
    found = sorted(folder_.glob("unit-*.pem"))
    return pki.demo_paths(folder_, [p.stem.removeprefix("unit-") for p in found])


def use_demo_unit(db: Database, folder_: Path, unit_code: str) -> None:
    """Make this (commune) database sign with the demo certificate of `unit_code`."""
    paths = pki.demo_paths(folder_, [unit_code])
    cert_path, key_path = paths.units[unit_code]
    if not cert_path.exists():
        raise InputError(f"Thư mục PKI DEMO không có chứng thư cho đơn vị {unit_code}.", field="unit_code")
    set_settings(db, {"unit_signer": {"cert": str(cert_path), "key": str(key_path)}})
