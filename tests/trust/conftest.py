"""Fixtures for the trust tests: a fresh migrated database, a small commune, ready-made accounts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kpi_desktop.domain.roles import SYSTEM, Actor
from kpi_desktop.services import auth
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.people import Person, RoleAssignment

ADMIN_PASSWORD = "Quan-tri-2026!"
PASSWORDS = {"canbo": "Can-bo-to-chuc-1", "lanhdao": "Lanh-dao-phong-1", "nhanvien": "Nhan-vien-mot-1",
             "nhanvien2": "Nhan-vien-hai-2", "lanhdao2": "Lanh-dao-hai-2", "sonoivu": "So-noi-vu-2026"}


@dataclass(frozen=True)
class Org:
    unit_id: int
    body_a: int
    body_b: int
    head_a: int  # person ids
    staff_a: int
    staff_a2: int
    head_b: int
    staff_b: int


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests hash with minimal argon2 cost (the algorithm is the same; only time is saved).
    Subprocess CLI tests keep the real cost."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    auth._dummy_hash.cache_clear()


@pytest.fixture
def db_path(tmp_path: Path, data_dir: Path) -> Path:
    return tmp_path / "kpi.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(str(db_path))
    yield database
    database.close()


@pytest.fixture
def admin(db: Database) -> Actor:
    return auth.create_first_admin(db, "quantri", ADMIN_PASSWORD, "Quản trị viên")


def _person(unit_id: int, code: str, family: str, middle: str, given: str, citizen_id: str) -> Person:
    return Person(unit_id=unit_id, code=code, full_name=f"{family} {middle} {given}", family_name=family,
                  middle_name=middle, given_name=given, sort_key=f"{given} {middle} {family}".lower(),
                  category="cong_chuc", citizen_id=citizen_id)


@pytest.fixture
def org(db: Database) -> Org:
    with db.session(SYSTEM) as s:
        unit = Unit(code="26734", name="Xã Thử Nghiệm", division_type="xã", province_code="79",
                    province_name="Thành phố Hồ Chí Minh", is_home=True)
        s.add(unit)
        s.flush()
        a = Body(unit_id=unit.id, code="VP", name="Văn phòng HĐND và UBND", kind="van_phong")
        b = Body(unit_id=unit.id, code="KT", name="Phòng Kinh tế", kind="phong_chuyen_mon")
        s.add_all([a, b])
        s.flush()
        people = [_person(unit.id, f"CC-{i:03d}", fam, mid, giv, f"0790990000{i:02d}")
                  for i, (fam, mid, giv) in enumerate([("Nguyễn", "Văn", "An"), ("Trần", "Thị", "Bình"),
                                                        ("Lê", "Thị", "Chi"), ("Phạm", "Văn", "Dũng"),
                                                        ("Hoàng", "Thị", "Én")], start=1)]
        s.add_all(people)
        s.flush()
        start = dt.date(2025, 1, 1)
        for person, body, role in [(people[0], a, "head"), (people[1], a, "staff"), (people[2], a, "staff"),
                                   (people[3], b, "head"), (people[4], b, "staff")]:
            s.add(RoleAssignment(person_id=person.id, body_id=body.id, role=role, start_date=start))
        return Org(unit.id, a.id, b.id, people[0].id, people[1].id, people[2].id, people[3].id, people[4].id)


@dataclass(frozen=True)
class Accounts:
    admin: Actor
    clerk: Actor
    head: Actor  # head of body A
    staff: Actor  # staff in body A
    staff2: Actor  # another staff in body A
    head_b: Actor
    province: Actor


@pytest.fixture
def accounts(db: Database, admin: Actor, org: Org) -> Accounts:
    for username, role, person, body in [("canbo", "clerk", None, None), ("lanhdao", "head", org.head_a, org.body_a),
                                         ("nhanvien", "staff", org.staff_a, org.body_a),
                                         ("nhanvien2", "staff", org.staff_a2, org.body_a),
                                         ("lanhdao2", "head", org.head_b, org.body_b),
                                         ("sonoivu", "province_hr", None, None)]:
        auth.create_user(db, admin, username, PASSWORDS[username], role, person_id=person, body_id=body,
                         must_change_password=False)
    login = {name: auth.login(db, name, pw) for name, pw in PASSWORDS.items()}
    return Accounts(admin, login["canbo"], login["lanhdao"], login["nhanvien"], login["nhanvien2"],
                    login["lanhdao2"], login["sonoivu"])
