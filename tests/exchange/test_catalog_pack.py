"""Catalogue packs: signed by the province, verified by the commune, never silently overwriting a local edit."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from exchange_helpers import Pki
from sqlalchemy import select

from kpi_desktop.cli import main
from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import StateError
from kpi_desktop.exchange import bundle, payload
from kpi_desktop.exchange.reasons import BundleRejected
from kpi_desktop.services import catalog_packs, exchange_settings
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Competency, CompetencyLevel, JobPosition, Product

PROVINCE = Actor(username="so", role=Role.PROVINCE_HR)
CLERK = Actor(username="xa", role=Role.CLERK)


def _db(path: Path, pki_dir: Path) -> Database:
    db = Database.open(str(path))
    exchange_settings.install_demo_pki(db, pki_dir)
    return db


def _seed_province(db: Database) -> None:
    with db.session() as s:
        s.add(JobPosition(code="VT-TP", name="Tư pháp - hộ tịch", group="chuyen_mon_nghiep_vu"))
        s.add(Product(code="VB-01", name="Văn bản hành chính", unit_of_measure="văn bản", complexity_group="N2",
                      k=Decimal("1.000")))
        comp = Competency(code="NL-01", name="Giao tiếp", kind="chung")
        comp.levels = [CompetencyLevel(level=1, descriptor="Cơ bản"), CompetencyLevel(level=2, descriptor="Khá")]
        s.add(comp)


def test_pack_applies_then_protects_local_edits(tmp_path: Path, demo_pki: Pki, data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    tinh = _db(tmp_path / "tinh.db", demo_pki.paths.folder)
    xa = _db(tmp_path / "xa.db", demo_pki.paths.folder)
    _seed_province(tinh)
    v1 = catalog_packs.build_pack(tinh, PROVINCE, tmp_path / "v1.kpib", ruleset_params={"ND335-2025": {"band_htxs": 90}})
    first = catalog_packs.import_pack(xa, CLERK, v1.path)
    assert first.applied and {d.kind for d in first.differences} == {"add"}
    with xa.session() as s:
        product = s.scalar(select(Product).where(Product.code == "VB-01"))
        assert product is not None and product.k == Decimal("1.000")
        comp = s.scalar(select(Competency).where(Competency.code == "NL-01"))
        assert comp is not None and [lv.descriptor for lv in comp.levels] == ["Cơ bản", "Khá"]

    # The commune edits the product locally; the province changes the same product and a position.
    with xa.session() as s:
        s.scalar(select(Product).where(Product.code == "VB-01")).name = "Văn bản (xã sửa)"  # type: ignore[union-attr]
    with tinh.session() as s:
        s.scalar(select(Product).where(Product.code == "VB-01")).name = "Văn bản hành chính thông thường"  # type: ignore[union-attr]
        s.scalar(select(JobPosition).where(JobPosition.code == "VT-TP")).name = "Tư pháp – hộ tịch"  # type: ignore[union-attr]
    v2 = catalog_packs.build_pack(tinh, PROVINCE, tmp_path / "v2.kpib")
    xa.close()

    rc = main(["catalog-pack", "import", "--db", str(tmp_path / "xa.db"), str(v2.path)])
    out = capsys.readouterr().out
    assert rc == 1
    assert "XUNG ĐỘT" in out and "Văn bản (xã sửa)" in out and "--accept" in out
    xa = Database.open(str(tmp_path / "xa.db"))
    with xa.session() as s:  # nothing applied, not even the unconflicted position change
        assert s.scalar(select(Product.name).where(Product.code == "VB-01")) == "Văn bản (xã sửa)"
        assert s.scalar(select(JobPosition.name).where(JobPosition.code == "VT-TP")) == "Tư pháp - hộ tịch"
    xa.close()

    rc = main(["catalog-pack", "import", "--db", str(tmp_path / "xa.db"), "--accept", "--json", str(v2.path)])
    report = json.loads(capsys.readouterr().out)
    assert rc == 0 and report["applied"]
    kinds = {(d["section"], d["field"]): d["kind"] for d in report["differences"]}
    assert kinds == {("products", "name"): "conflict", ("positions", "name"): "update"}
    xa = Database.open(str(tmp_path / "xa.db"))
    with xa.session() as s:
        assert s.scalar(select(Product.name).where(Product.code == "VB-01")) == "Văn bản hành chính thông thường"
    # Re-importing an applied pack changes nothing; another, older-numbered pack is refused.
    again = catalog_packs.import_pack(xa, CLERK, v1.path)
    assert not again.applied and not again.differences
    other = _db(tmp_path / "tinh2.db", demo_pki.paths.folder)
    old = catalog_packs.build_pack(other, PROVINCE, tmp_path / "old.kpib")
    assert old.version == 1
    with pytest.raises(StateError, match="cũ hơn"):
        catalog_packs.import_pack(xa, CLERK, old.path)


def test_pack_signed_by_a_unit_or_tampered_is_refused(tmp_path: Path, demo_pki: Pki, data_dir: Path) -> None:
    xa = _db(tmp_path / "xa.db", demo_pki.paths.folder)
    content = {"version": 1, "sections": {"products": {}}}
    data, _ = bundle.build_signed("catalog-pack", {"catalog.json": payload.dumps(content) + b"\n"},
                                  demo_pki.signer("26734"))
    (tmp_path / "unit.kpib").write_bytes(data)
    with pytest.raises(BundleRejected) as info:
        catalog_packs.import_pack(xa, CLERK, tmp_path / "unit.kpib")
    assert info.value.code == "signer_not_registered"
    good, _ = bundle.build_signed("catalog-pack", {"catalog.json": payload.dumps(content) + b"\n"},
                                  demo_pki.province_signer())
    bad = bytearray(good)
    bad[bytes(bad).index(b"catalog.json") + 40] ^= 0x01
    (tmp_path / "bad.kpib").write_bytes(bytes(bad))
    with pytest.raises(BundleRejected):
        catalog_packs.import_pack(xa, CLERK, tmp_path / "bad.kpib")
