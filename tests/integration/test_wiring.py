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
