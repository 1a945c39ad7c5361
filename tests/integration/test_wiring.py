"""Wiring between areas: every file the exchange and the catalogue produce goes through the one
atomic writer (store/files.py), so a failed write leaves the old file whole and no temporary behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.exchange import pki
from kpi_desktop.services import catalog, catalog_packs, exchange_export, exchange_import, units
from kpi_desktop.store import files
from kpi_desktop.store.db import Database

CLERK = Actor(username="canbo", role=Role.CLERK)


def test_the_exchange_uses_the_store_atomic_writer() -> None:
    assert exchange_import.atomic_write is files.atomic_write
    assert exchange_export.atomic_write is files.atomic_write
    assert catalog_packs.atomic_write is files.atomic_write
    assert pki.atomic_write is files.atomic_write


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_failed_catalogue_export_keeps_the_previous_file(fmt: str, tmp_path: Path, data_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(str(tmp_path / "xa.db"))
    try:
        units.create_unit(db, SYSTEM, "22453")
        out = tmp_path / "xuat" / f"danh-muc.{fmt}"
        catalog.export_catalogue(db, CLERK, out, fmt)
        before = out.read_bytes()
        assert len(before) > 100

        def power_cut(_src: object, _dst: object) -> None:
            raise OSError("mất điện")

        monkeypatch.setattr(os, "replace", power_cut)
        with pytest.raises(OSError, match="mất điện"):
            catalog.export_catalogue(db, CLERK, out, fmt)
        monkeypatch.undo()
        assert out.read_bytes() == before
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left behind
    finally:
        db.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_key_files_are_written_atomically_and_private(tmp_path: Path) -> None:
    key = tmp_path / "khoa" / "unit-22453.key"
    pki.write_private(key, b"-----BEGIN PRIVATE KEY-----\n")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    cert = tmp_path / "khoa" / "unit-22453.pem"
    pki.write_public(cert, b"-----BEGIN CERTIFICATE-----\n")
    assert cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE")
    assert sorted(p.name for p in key.parent.iterdir()) == [key.name, cert.name]


def _kpi(*args: str) -> tuple[int, str, str]:
    """`kpi ARGS` in this process, with the real parser and error handling."""
    import contextlib
    import io

    from kpi_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_status_and_catalog_do_not_act_as_system_once_accounts_exist(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from kpi_desktop.commands.status import status_actor
    from kpi_desktop.services import auth

    monkeypatch.delenv("KPI_USER", raising=False)
    monkeypatch.delenv("KPI_PASSWORD", raising=False)
    path = str(tmp_path / "xa.db")
    code, _out, err = _kpi("init", "--db", path, "22453", "--no-catalogue")  # no accounts yet: bootstrap
    assert code == 0, err
    db = Database.open(path)
    try:
        assert status_actor(argparse.Namespace(user=None), db) is SYSTEM
        auth.create_first_admin(db, "quantri", "mật-khẩu-quản-trị")
        reader = status_actor(argparse.Namespace(user=None), db)
        assert reader is not SYSTEM and reader.role is Role.STAFF
    finally:
        db.close()

    # status: a read-only summary any role may see, still open without a login …
    code, out, err = _kpi("status", "--db", path)
    assert code == 0, err
    assert "Xã Cam Lâm (22453)" in out
    # … and with --user it logs in like every other command
    monkeypatch.setenv("KPI_PASSWORD", "sai-mật-khẩu")
    code, out, err = _kpi("status", "--db", path, "--user", "quantri")
    assert code == 3 and out == ""
    monkeypatch.setenv("KPI_PASSWORD", "mật-khẩu-quản-trị")
    code, out, err = _kpi("status", "--db", path, "--user", "quantri")
    assert code == 0 and "Xã Cam Lâm (22453)" in out, err

    # catalog: refused without a login, done with one
    out_file = tmp_path / "danh-muc.json"
    monkeypatch.delenv("KPI_PASSWORD")
    code, _out, err = _kpi("catalog", "export", "--db", path, str(out_file))
    assert code == 3 and "Lệnh này cần đăng nhập" in err and not out_file.exists()
    monkeypatch.setenv("KPI_PASSWORD", "mật-khẩu-quản-trị")
    code, _out, err = _kpi("catalog", "export", "--db", path, "--user", "quantri", str(out_file))
    assert code == 0, err
    assert out_file.exists()


@pytest.mark.parametrize(("argv", "env_lang", "english"), [
    (["--help"], None, False),
    (["--help"], "en", True),
    (["--lang", "en", "--help"], None, True),
    (["--help", "--lang=en"], "vi", True),
    (["--lang", "vi", "--help"], "en", False),
])
def test_kpi_desktop_help_speaks_the_chosen_language(argv: list[str], env_lang: str | None, english: bool,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from kpi_desktop import app

    if env_lang is None:
        monkeypatch.delenv("KPI_LANG", raising=False)
    else:
        monkeypatch.setenv("KPI_LANG", env_lang)
    with pytest.raises(SystemExit) as done:
        app.main(argv)
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "show this help message and exit" not in text  # argparse's own English never shows
    if english:
        assert text.startswith("Usage: kpi-desktop")
        assert "\noptions:\n" in text and "show this help and exit" in text
        assert "render one page to a PNG file" in text and "--db DB" in text
    else:
        assert text.startswith("Cách dùng: kpi-desktop")
        assert "\ntuỳ chọn:\n" in text and "\noptions:" not in text
        assert "hiện trợ giúp này rồi thoát" in text and "--db CSDL" in text


def test_kpi_desktop_bad_option_is_reported_in_vietnamese(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from kpi_desktop import app

    monkeypatch.delenv("KPI_LANG", raising=False)
    with pytest.raises(SystemExit) as done:
        app.main(["--role", "vua"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "kpi-desktop: lỗi:" in err and err.startswith("Cách dùng: kpi-desktop")
