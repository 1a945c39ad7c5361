"""The store behaves the same on SQLite and PostgreSQL: what goes in comes out, and what the schema
forbids is refused on both, leaving nothing half-written.

Each test runs twice through the shared `database` fixture (tests/pg_fixtures.py).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Product
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.people import Person
from kpi_desktop.store.postgres import advisory_xact_lock

NAME = "Nguyễn Thị Ánh Tuyết"


def _unit(db: Database) -> int:
    with db.session() as s:
        unit = Unit(code="22366", name="Phường Hạc Thành", division_type="phường",
                    province_code="38", province_name="Tỉnh Thanh Hoá", is_home=True)
        s.add(unit)
        s.flush()
        return unit.id


def _person(unit_id: int, code: str, **kw: object) -> Person:
    values: dict[str, object] = dict(
        unit_id=unit_id, code=code, full_name=NAME, family_name="Nguyễn", middle_name="Thị Ánh",
        given_name="Tuyết", sort_key="0", category="cong_chuc",
    )
    values.update(kw)
    return Person(**values)


def test_values_come_back_exactly(database: Database) -> None:
    unit_id = _unit(database)
    with database.session() as s:
        s.add(_person(unit_id, "CC-0001", birth_date=date(1988, 2, 29), party_member=True,
                      salary_coefficient=Decimal("4.98"), citizen_id="038188000123",
                      note="Ghi chú: «đạt» — 100%"))
        s.add(Product(code="SP-01", name="Hồ sơ hộ tịch được giải quyết", unit_of_measure="hồ sơ",
                      complexity_group="B", k=Decimal("1.125"), standard_points=Decimal("0.35"),
                      status="active", version=1, description="Sản phẩm thường xuyên", active=True))
    with database.session() as s:
        person = s.scalars(select(Person)).one()
        product = s.scalars(select(Product)).one()
        assert person.full_name == NAME and unicodedata.is_normalized("NFC", person.full_name)
        assert person.birth_date == date(1988, 2, 29)
        assert person.party_member is True
        assert person.salary_coefficient == Decimal("4.98")
        assert person.note == "Ghi chú: «đạt» — 100%"
        assert isinstance(person.created_at, datetime) and person.created_at.tzinfo is None
        assert product.k == Decimal("1.125") and str(product.k) == "1.125"
        assert product.standard_points == Decimal("0.35")


def test_exact_decimals_are_not_rounded_through_floats(database: Database) -> None:
    with database.session() as s:
        for i, k in enumerate(("0.1", "0.2", "0.3")):
            s.add(Product(code=f"SP-{i}", name=f"Sản phẩm {i}", unit_of_measure="cái",
                          complexity_group="A", k=Decimal(k), status="active", version=1,
                          description="", active=True))
    with database.session() as s:
        ks = s.scalars(select(Product.k).order_by(Product.code)).all()
    assert sum(ks, Decimal(0)) == Decimal("0.600")


@pytest.mark.parametrize("bad", [
    {"code": "CC-0001"},  # duplicate staff code in the unit
    {"code": "CC-0002", "citizen_id": "123"},  # CCCD must be 12 digits
    {"code": "CC-0003", "unit_id": 999_999},  # no such unit
])
def test_the_schema_refuses_bad_rows_and_keeps_nothing(database: Database, bad: dict[str, object]) -> None:
    unit_id = _unit(database)
    with database.session() as s:
        s.add(_person(unit_id, "CC-0001"))
    values = {"unit_id": unit_id, **bad}
    with pytest.raises(IntegrityError), database.session() as s:
        s.add(Body(unit_id=unit_id, code="VP", name="Văn phòng", kind="van_phong"))
        s.flush()
        code = str(values.pop("code"))
        s.add(_person(code=code, **values))  # type: ignore[arg-type]
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
        assert s.scalar(select(func.count()).select_from(Body)) == 0, "half-written transaction kept"


def test_deleting_a_unit_with_staff_is_refused(database: Database) -> None:
    unit_id = _unit(database)
    with database.session() as s:
        s.add(_person(unit_id, "CC-0001"))
    with pytest.raises(IntegrityError), database.session() as s:
        s.delete(s.get(Unit, unit_id))
    with database.session() as s:
        assert s.get(Unit, unit_id) is not None


def test_generated_ids_continue_after_explicit_ones(database: Database) -> None:
    """Rows copied with their ids (a restore, a bundle) must not make the next insert collide."""
    with database.session() as s:
        s.add(Unit(id=5, code="00001", name="Xã A", province_code="01", province_name="Hà Nội"))
    with database.session() as s:
        if database.is_postgres:
            from sqlalchemy import text

            # What a copy that keeps ids must do on PostgreSQL (SQLite takes max(id) + 1 by itself).
            s.execute(text("SELECT setval(pg_get_serial_sequence('units', 'id'), "
                           "(SELECT max(id) FROM units))"))
        unit = Unit(code="00002", name="Xã B", province_code="01", province_name="Hà Nội")
        s.add(unit)
        s.flush()
        assert unit.id == 6


def test_advisory_lock_is_usable_in_a_session_on_both(database: Database) -> None:
    with database.session() as s:
        advisory_xact_lock(s, "ledger", "22366", "2026-Q1")
        advisory_xact_lock(s, "ledger", "22366", "2026-Q1")  # re-entrant within a transaction
        s.add(Unit(code="00003", name="Xã C", province_code="01", province_name="Hà Nội"))
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 1
