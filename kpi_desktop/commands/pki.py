"""`kpi pki …`: the demo PKI, a unit's key and certificate request, issuing, installing, registering."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.bundle import add_user_argument, cli_actor
from kpi_desktop.domain.roles import Role
from kpi_desktop.errors import InputError
from kpi_desktop.exchange import keystore, pki
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database


def _passphrase(confirm: bool) -> str | None:
    value = os.environ.get(keystore.PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(tr("Mật khẩu bảo vệ khoá ký: "))
    if confirm and getpass.getpass(tr("Nhập lại mật khẩu: ")) != first:
        raise InputError(tr("Hai lần nhập mật khẩu không khớp."), field="passphrase")
    return first


def _demo(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if args.db:
        from kpi_desktop.errors import PermissionDenied
        from kpi_desktop.services import exchange_settings
        from kpi_desktop.services.authz import Action, allowed

        db = Database.open(args.db)
        try:
            actor = cli_actor(args, db, Role.ADMIN)
            if not any(allowed(actor, a) for a in (Action.KEYS_MANAGE, Action.BUNDLE_EXPORT, Action.BUNDLE_IMPORT)):
                raise PermissionDenied(tr("Tài khoản này không được cấu hình chứng thư cho trao đổi dữ liệu."),
                                       field="--user")
            paths = exchange_settings.install_demo_pki(db, folder)
        finally:
            db.close()
    else:
        paths = pki.make_demo_pki(folder) if not pki.demo_paths(folder).root.exists() else pki.demo_paths(
            folder, [p.stem.removeprefix("unit-") for p in sorted(folder.glob("unit-*.pem"))])
    print(tr("PKI DEMO (chỉ để thử, không dùng thật) tại ") + str(folder))
    root = pki.load_cert(paths.root)
    print(f"  {tr('CA gốc')}: {paths.root}  SHA-256 {pki.fingerprint_text(root)}")
    print(f"  {tr('Chứng thư mã hoá của Sở')}: {paths.enc_cert}, {tr('khoá')}: {paths.enc_key}")
    print(f"  {tr('Chứng thư ký của Sở')}: {paths.sign_cert}")
    for code, (cert, _key) in sorted(paths.units.items()):
        print(f"  {tr('Đơn vị')} {code}: {cert}")
    if args.db:
        print(tr("Đã cấu hình cơ sở dữ liệu dùng PKI DEMO và đăng ký chứng thư các đơn vị DEMO."))
    return 0


def _request(args: argparse.Namespace) -> int:
    key = pki.new_key(args.bits)
    problem = keystore.keyring_problem()
    passphrase = None
    if problem is not None:
        print(tr("Kho khoá của hệ điều hành không dùng được an toàn: ") + problem + ".", file=sys.stderr)
        passphrase = _passphrase(confirm=True)
    unit = keystore.store_unit_key(key, args.unit_code, passphrase=passphrase)
    csr = pki.make_csr(key, args.unit_code, args.unit_name)
    from cryptography.hazmat.primitives import serialization

    pki.write_public(Path(args.out), csr.public_bytes(serialization.Encoding.PEM))
    print(tr("Đã tạo khoá ký của đơn vị (mã hoá, mở bằng ") +
          (tr("kho khoá hệ điều hành") if unit.unlock == "keyring" else tr("mật khẩu")) + "): " + str(unit.key_path))
    print(tr("Yêu cầu cấp chứng thư (gửi cho Sở Nội vụ): ") + args.out)
    return 0


def _issue(args: argparse.Namespace) -> int:
    csr = pki.load_csr(Path(args.csr))
    root = pki.load_cert(Path(args.ca_cert))
    password = os.environ.get("KPI_CA_PASSPHRASE")
    root_key = pki.load_key(Path(args.ca_key), password.encode() if password else None)
    cert = pki.issue_from_csr(csr, root, root_key, unit_code=args.unit_code, days=args.days)
    pki.write_public(Path(args.out), pki.cert_pem(cert))
    print(tr("Đã cấp chứng thư cho đơn vị ") + args.unit_code + ": " + args.out)
    print(f"  SHA-256 {pki.fingerprint_text(cert)}")
    if args.db:
        from kpi_desktop.services import exchange_settings

        db = Database.open(args.db)
        try:
            exchange_settings.register_certificate(db, cli_actor(args, db, Role.PROVINCE_HR), cert, args.unit_code)
        finally:
            db.close()
        print(tr("Đã đăng ký chứng thư cho đơn vị trong cơ sở dữ liệu của Sở."))
    return 0


def _install(args: argparse.Namespace) -> int:
    cert = pki.load_cert(Path(args.cert))
    root = pki.load_cert(Path(args.root))
    enc = [c for path in args.enc for c in pki.load_certs(Path(path))]
    unit = keystore.install_certificates(cert, root, enc, passphrase=os.environ.get(keystore.PASSPHRASE_ENV))
    print(tr("Đã cài chứng thư của đơn vị ") + unit.unit_code + tr(" và chứng thư của Sở."))
    print(f"  {tr('CA gốc')}: SHA-256 {pki.fingerprint_text(root)}")
    for c in enc:
        print(f"  {tr('Mã hoá tới')}: SHA-256 {pki.fingerprint_text(c)}")
    if args.db:
        from kpi_desktop.services import exchange_settings

        db = Database.open(args.db)
        try:
            d = keystore.pki_dir()
            exchange_settings.set_settings(db, {"province_root": str(d / "province-root.pem"),
                                                "recipients": [str(d / "province-enc.pem")],
                                                "unit_signer": {"cert": str(d / "unit.pem"), "key": "installed"}})
        finally:
            db.close()
    return 0


def _install_province(args: argparse.Namespace) -> int:
    from kpi_desktop.services import exchange_settings

    root = pki.load_cert(Path(args.root))
    if args.production and pki.is_demo(root):
        raise InputError(tr("Chế độ vận hành thật không chấp nhận CA gốc DEMO."), field="--root")
    decryption = [{"cert": str(Path(c).resolve()), "key": str(Path(k).resolve())}
                  for c, k in zip(args.enc_cert, args.enc_key, strict=False)]
    if len(args.enc_cert) != len(args.enc_key):
        raise InputError(tr("Mỗi --enc-cert cần đúng một --enc-key."), field="--enc-key")
    for item in decryption:  # fail now, not during an import
        pki.load_cert(Path(item["cert"]))
        pki.load_key(Path(item["key"]))
    values: dict[str, object] = {"province_root": str(Path(args.root).resolve()), "decryption": decryption,
                                 "production": bool(args.production)}
    if args.sign_cert and args.sign_key:
        values["province_signer"] = {"cert": str(Path(args.sign_cert).resolve()), "key": str(Path(args.sign_key).resolve())}
    db = Database.open(args.db)
    try:
        cli_actor(args, db, Role.PROVINCE_HR)
        exchange_settings.set_settings(db, values)
    finally:
        db.close()
    print(tr("Đã cấu hình chứng thư của Sở cho cơ sở dữ liệu."))
    return 0


def _register(args: argparse.Namespace) -> int:
    from kpi_desktop.services import exchange_settings

    cert = pki.load_cert(Path(args.cert))
    db = Database.open(args.db)
    try:
        exchange_settings.register_certificate(db, cli_actor(args, db, Role.PROVINCE_HR), cert, args.unit_code)
    finally:
        db.close()
    print(tr("Đã đăng ký chứng thư ký cho đơn vị ") + args.unit_code + f" (SHA-256 {pki.fingerprint_text(cert)})")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("pki", prog="kpi pki", help=tr("khoá và chứng thư số cho trao đổi với Sở"),
                                   description=tr("Khoá và chứng thư số: PKI DEMO, yêu cầu cấp, cấp, cài đặt, đăng ký."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="pki_command", metavar=tr("LỆNH"))
    sub.required = True

    demo = sub.add_parser("demo", prog="kpi pki demo", help=tr("tạo PKI DEMO (CA gốc, chứng thư Sở, chứng thư các đơn vị)"))
    demo.add_argument("dir", metavar=tr("THƯ_MỤC"), help=tr("thư mục ghi các tệp"))
    add_db_argument(demo)
    add_user_argument(demo)
    demo.set_defaults(func=_demo)

    req = sub.add_parser("request", prog="kpi pki request", help=tr("đơn vị tạo khoá ký và yêu cầu cấp chứng thư (CSR)"))
    req.add_argument("--unit-code", required=True, metavar=tr("MÃ"), help=tr("mã đơn vị hành chính"))
    req.add_argument("--unit-name", required=True, metavar=tr("TÊN"), help=tr("tên đơn vị"))
    req.add_argument("--out", required=True, metavar=tr("TỆP"), help=tr("tệp CSR sẽ ghi"))
    req.add_argument("--bits", type=int, default=pki.DEFAULT_RSA_BITS, help=tr("độ dài khoá RSA (≥ 2048)"))
    req.set_defaults(func=_request)

    iss = sub.add_parser("issue", prog="kpi pki issue", help=tr("Sở cấp chứng thư từ yêu cầu, gắn với mã đơn vị"))
    iss.add_argument("--csr", required=True, metavar=tr("TỆP"), help=tr("yêu cầu của đơn vị"))
    iss.add_argument("--unit-code", required=True, metavar=tr("MÃ"), help=tr("mã đơn vị mà chứng thư ký thay"))
    iss.add_argument("--ca-cert", required=True, metavar=tr("TỆP"), help=tr("chứng thư CA của Sở"))
    iss.add_argument("--ca-key", required=True, metavar=tr("TỆP"),
                     help=tr("khoá CA của Sở (mật khẩu: biến KPI_CA_PASSPHRASE)"))
    iss.add_argument("--out", required=True, metavar=tr("TỆP"), help=tr("tệp chứng thư sẽ ghi"))
    iss.add_argument("--days", type=int, default=1095, help=tr("thời hạn (ngày)"))
    add_db_argument(iss)
    add_user_argument(iss)
    iss.set_defaults(func=_issue)

    ins = sub.add_parser("install", prog="kpi pki install", help=tr("đơn vị cài chứng thư được cấp và chứng thư của Sở"))
    ins.add_argument("--cert", required=True, metavar=tr("TỆP"), help=tr("chứng thư của đơn vị"))
    ins.add_argument("--root", required=True, metavar=tr("TỆP"), help=tr("chứng thư gốc của Sở"))
    ins.add_argument("--enc", required=True, action="append", metavar=tr("TỆP"),
                     help=tr("chứng thư mã hoá của Sở (lặp lại khi đang đổi khoá)"))
    add_db_argument(ins)
    ins.set_defaults(func=_install)

    prov = sub.add_parser("install-province", prog="kpi pki install-province", help=tr("Sở cấu hình CA gốc, khoá giải mã và chứng thư ký"))
    add_db_argument(prov)
    add_user_argument(prov)
    prov.add_argument("--root", required=True, metavar=tr("TỆP"))
    prov.add_argument("--enc-cert", required=True, action="append", metavar=tr("TỆP"))
    prov.add_argument("--enc-key", required=True, action="append", metavar=tr("TỆP"))
    prov.add_argument("--sign-cert", metavar=tr("TỆP"))
    prov.add_argument("--sign-key", metavar=tr("TỆP"))
    prov.add_argument("--production", action="store_true", help=tr("chế độ vận hành thật: từ chối chứng thư DEMO"))
    prov.set_defaults(func=_install_province)

    reg = sub.add_parser("register", prog="kpi pki register", help=tr("Sở đăng ký chứng thư nào ký thay đơn vị nào"))
    add_db_argument(reg)
    add_user_argument(reg)
    reg.add_argument("--cert", required=True, metavar=tr("TỆP"))
    reg.add_argument("--unit-code", required=True, metavar=tr("MÃ"))
    reg.set_defaults(func=_register)
