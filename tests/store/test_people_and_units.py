"""Units, geography, people services and `kpi status` / `kpi init` / `kpi wards`."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import InputError, NotFoundError, PermissionDenied, StateError
from kpi_desktop.services.geography import find_ward, provinces, search_wards, wards_of
from kpi_desktop.services.people import (
    NewPerson,
    PersonFilter,
    create_person,
    list_people,
    person_page,
    record_competency,
    record_discipline,
    record_leave,
    record_transfer,
    work_time,
)
from kpi_desktop.services.status import database_status, format_status
from kpi_desktop.services.units import create_unit, list_bodies, list_quota_groups
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.people import Person

CLERK = Actor(username="canbo", role=Role.CLERK)
DAY = date(2026, 6, 1)


_TEMPLATE: dict[str, Path] = {}


def _seeded_unit(path: Path, ward: str = "22366") -> Database:
    """A fresh copy of a database created once with `create_unit` (seeding is slow with the audit trail)."""
    import sqlite3
    import tempfile

    if ward not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="kpi-unit-template-"))
        template = Database.open(str(folder / "template.db"))
        create_unit(template, SYSTEM, ward)
        template.close()
        _TEMPLATE[ward] = folder / "template.db"
    with sqlite3.connect(_TEMPLATE[ward]) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return Database.open(str(path))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = _seeded_unit(tmp_path / "u.db")
    yield database
    database.close()


def _person(db: Database, code: str, name: str, body: str = "PKT", role: str = "staff",
            position: str = "XA-CM-09", **kw: object) -> int:
    return create_person(db, CLERK, NewPerson(code=code, full_name=name, category=kw.pop("category", "cong_chuc"),  # type: ignore[arg-type]
                                              start_date=kw.pop("start", date(2020, 1, 1)),  # type: ignore[arg-type]
                                              body_code=body, role=role, position_code=position, **kw))  # type: ignore[arg-type]


# --- geography -----------------------------------------------------------------------------------------


def test_geography_after_the_2025_reform() -> None:
    assert len(provinces()) == 34
    kh = [p for p in provinces() if p.name == "Khánh Hòa"]
    assert kh and kh[0].code == "56"
    wards = wards_of(56)
    assert len(wards) > 40 and all(w.province_name == "Khánh Hòa" for w in wards)
    assert find_ward("22366").name == "Phường Nha Trang"
    assert [w.code for w in search_wards("cam lam", 56)] == ["22453"]
    with pytest.raises(InputError, match="không có trong danh mục"):
        find_ward("99999")
    with pytest.raises(NotFoundError):
        wards_of(999)


# --- units ---------------------------------------------------------------------------------------------


def test_create_unit_seeds_everything(db: Database) -> None:
    bodies = list_bodies(db, CLERK)
    assert [b.code for b in bodies] == ["VP", "PKT", "PVHXH", "TTPVHCC"]
    assert {g.code for g in list_quota_groups(db, CLERK)} == {"LDQL", "CMNV", "HTPV"}
    report = database_status(db, CLERK)
    assert report.unit_name == "Phường Nha Trang" and report.province_name == "Khánh Hòa"
    assert report.positions == 32 and report.products >= 30 and report.competencies >= 20


def test_second_unit_and_unknown_code_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(StateError, match="đã thuộc về Phường Nha Trang"):
        create_unit(db, SYSTEM, "22453")
    other = Database.open(str(tmp_path / "o.db"))
    try:
        with pytest.raises(InputError):
            create_unit(other, SYSTEM, "00000")
        with pytest.raises(PermissionDenied):
            create_unit(other, Actor(username="x", role=Role.STAFF), "22453")
    finally:
        other.close()


# --- people --------------------------------------------------------------------------------------------


def test_list_sorted_the_vietnamese_way_and_filtered(db: Database) -> None:
    _person(db, "CC-1", "Trần Văn Đức")
    _person(db, "CC-2", "Lê Thị Ánh", body="PVHXH", position="XA-CM-14")
    _person(db, "CC-3", "Nguyễn Văn Dũng", position="XA-CM-10")
    _person(db, "CC-4", "Phạm Thị Anh", body="VP", position="XA-CM-01")
    _person(db, "HD-1", "Võ Văn Bình", body="VP", position="XA-HT-01", category="hop_dong")
    names = [p.full_name for p in list_people(db, CLERK, PersonFilter(on=DAY))]
    assert names == ["Phạm Thị Anh", "Lê Thị Ánh", "Võ Văn Bình", "Nguyễn Văn Dũng", "Trần Văn Đức"]

    bodies = {b.code: b.id for b in list_bodies(db, CLERK)}
    pkt = [p.full_name for p in list_people(db, CLERK, PersonFilter(body_id=bodies["PKT"], on=DAY))]
    assert pkt == ["Nguyễn Văn Dũng", "Trần Văn Đức"]
    assert [p.code for p in list_people(db, CLERK, PersonFilter(category="hop_dong", on=DAY))] == ["HD-1"]
    assert [p.code for p in list_people(db, CLERK, PersonFilter(text="duc", on=DAY))] == ["CC-1"]
    assert [p.code for p in list_people(db, CLERK, PersonFilter(text="ÁNH", on=DAY))] == ["CC-2"]
    row = list_people(db, CLERK, PersonFilter(text="CC-3", on=DAY))[0]
    assert row.position_code == "XA-CM-10" and row.body_name == "Phòng Kinh tế" and row.role == "staff"


def test_position_filter_respects_dates(db: Database) -> None:
    pid = _person(db, "CC-1", "Trần Văn Đức", start=date(2026, 7, 1))
    with db.session(SYSTEM) as s:
        from kpi_desktop.store.models.catalog import JobPosition

        pos_id = s.scalars(select(JobPosition.id).where(JobPosition.code == "XA-CM-09")).one()
    assert list_people(db, CLERK, PersonFilter(position_id=pos_id, on=DAY)) == []
    assert [p.id for p in list_people(db, CLERK, PersonFilter(position_id=pos_id, on=date(2026, 8, 1)))] == [pid]


def test_person_validation(db: Database) -> None:
    with pytest.raises(InputError, match="căn cước"):
        _person(db, "CC-1", "Trần Văn Đức", citizen_id="12345")
    with pytest.raises(InputError, match="căn cước"):
        _person(db, "CC-1", "Trần Văn Đức", citizen_id="999123456789")  # province 999 does not exist
    _person(db, "CC-1", "Trần Văn Đức", citizen_id="056090001234")
    with pytest.raises(InputError, match="đã có"):
        _person(db, "CC-1", "Lê Văn An")
    with pytest.raises(InputError, match="thuộc về người khác"):
        _person(db, "CC-2", "Lê Văn An", citizen_id="056090001234")
    with pytest.raises(InputError, match="cơ quan, đơn vị mã «XX»"):
        _person(db, "CC-3", "Lê Văn An", body="XX")
    with pytest.raises(InputError, match="vị trí việc làm mã"):
        _person(db, "CC-3", "Lê Văn An", position="KHONG-CO")
    with pytest.raises(InputError, match="Đối tượng"):
        _person(db, "CC-3", "Lê Văn An", category="si_quan")
    with pytest.raises(InputError, match="ít nhất họ và tên"):
        _person(db, "CC-3", "An")


def test_nfd_name_stored_nfc_and_split(db: Database) -> None:
    import unicodedata

    pid = _person(db, "CC-1", unicodedata.normalize("NFD", "  Nguyễn   Thị Minh Khai "))
    with db.session(SYSTEM) as s:
        p = s.get(Person, pid)
        assert p is not None
        assert (p.full_name, p.family_name, p.middle_name, p.given_name) == (
            "Nguyễn Thị Minh Khai", "Nguyễn", "Thị Minh", "Khai")


def test_person_page_history_and_gaps(db: Database) -> None:
    pid = _person(db, "CC-1", "Trần Thị Hương", citizen_id="056190001234", gender="nu",
                  salary_coefficient=Decimal("3.33"))
    record_leave(db, CLERK, pid, "maternity", date(2026, 2, 1), date(2026, 7, 31), "Sinh con")
    record_discipline(db, CLERK, pid, "khien_trach", "administrative", date(2026, 9, 1), violation_id="V-1")
    record_transfer(db, CLERK, pid, date(2026, 10, 1), from_unit_code="22453", from_unit_name="Xã Cam Lâm",
                    to_unit_code="22366", to_unit_name="Phường Nha Trang",
                    carried_scores=[{"period": "2026-Q1", "total": "88.00"}])
    record_competency(db, CLERK, pid, "CH-01", 2, date(2026, 3, 1))
    record_competency(db, CLERK, pid, "CH-01", 3, date(2026, 5, 1))  # the latest counts
    record_competency(db, CLERK, pid, "CM-DD", 4, date(2026, 5, 1))

    page = person_page(db, CLERK, pid, on=DAY)
    assert page.body_name == "Phòng Kinh tế" and page.role == "staff"
    assert [lv.kind for lv in page.leaves] == ["maternity"]
    assert page.discipline[0].form_label == "Khiển trách"
    assert page.transfers[0].carried_scores[0]["total"] == "88.00"
    assert page.citizen_id == "056190001234" and page.salary_coefficient == Decimal("3.33")
    gaps = {g.competency_code: g for g in page.competency_gaps}
    assert gaps["CH-01"].assessed_level == 3 and gaps["CH-01"].gap == 0  # required 3 for professionals
    assert gaps["CM-DD"].gap == -1  # above requirement
    assert gaps["CH-07"].assessed_level is None and gaps["CH-07"].gap is None

    with db.session(SYSTEM) as s:
        wt = work_time(s, pid, 2026)
    assert wt.maternity_leave and wt.months_worked == 6


def test_rights_on_people(db: Database) -> None:
    a = _person(db, "CC-1", "Trần Văn Đức", citizen_id="056090001234")
    b = _person(db, "CC-2", "Lê Văn An", body="VP", position="XA-CM-01")
    record_discipline(db, CLERK, a, "canh_cao", "party", date(2026, 3, 1))
    pkt = next(x.id for x in list_bodies(db, CLERK) if x.code == "PKT")
    staff = Actor(username="duc", role=Role.STAFF, person_id=a)
    head = Actor(username="truong", role=Role.HEAD, person_id=None, body_id=pkt)
    assert [p.id for p in list_people(db, staff, PersonFilter(on=DAY))] == [a]
    assert [p.id for p in list_people(db, head, PersonFilter(on=DAY))] == [a]
    with pytest.raises(PermissionDenied):
        person_page(db, staff, b, on=DAY)
    with pytest.raises(PermissionDenied):
        person_page(db, head, b, on=DAY)
    with pytest.raises(PermissionDenied):
        record_leave(db, staff, a, "sick", DAY, DAY)
    admin = Actor(username="qt", role=Role.ADMIN)
    page = person_page(db, admin, a, on=DAY)  # the administrator may see who is who, not personal data
    assert page.citizen_id == "********1234" and page.discipline == []


def test_leave_validation(db: Database) -> None:
    pid = _person(db, "CC-1", "Trần Văn Đức")
    with pytest.raises(InputError, match="Loại nghỉ"):
        record_leave(db, CLERK, pid, "vacation", DAY, DAY)
    with pytest.raises(InputError, match="sau ngày bắt đầu"):
        record_leave(db, CLERK, pid, "sick", DAY, date(2026, 5, 1))
    with pytest.raises(NotFoundError):
        record_leave(db, CLERK, 999, "sick", DAY, DAY)


# --- the CLI -------------------------------------------------------------------------------------------


def _kpi(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `kpi ARGS` in this process (same parser, handlers and error handling as the real command)."""
    import contextlib
    import io

    from kpi_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def _kpi_process(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kpi_desktop", *args], capture_output=True, text=True,
                          timeout=300)


def test_cli_init_status_wards(tmp_path: Path) -> None:
    path = str(tmp_path / "c.db")
    proc = _kpi("status", "--db", path)
    assert proc.returncode == 0 and "Chưa gắn với xã, phường nào" in proc.stdout
    proc = _kpi("init", "--db", path, "22366")
    assert proc.returncode == 0, proc.stderr
    proc = _kpi("status", "--db", path)
    assert "Đơn vị: Phường Nha Trang (22366), Khánh Hòa" in proc.stdout
    assert "32 vị trí việc làm" in proc.stdout and "Kỳ đánh giá: chưa có" in proc.stdout
    proc = _kpi_process("init", "--db", path, "22453")  # a real process: exit status and no traceback
    assert proc.returncode == 2 and "đã thuộc về" in proc.stderr and "Traceback" not in proc.stderr
    proc = _kpi("init", "--db", str(tmp_path / "x.db"), "1")
    assert proc.returncode == 2 and "không có trong danh mục" in proc.stderr
    proc = _kpi("wards", "56", "--search", "nha trang")
    assert "22366  Phường Nha Trang, Khánh Hòa" in proc.stdout


def test_status_text(db: Database) -> None:
    _person(db, "CC-1", "Trần Văn Đức", role="head")
    text = format_status(database_status(db, CLERK))
    assert "Phòng Kinh tế: 1 người; trưởng: Trần Văn Đức" in text
    assert "Nhân sự đang công tác: 1 (công chức 1)" in text


def test_cli_strings_have_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ast
    import json

    import kpi_desktop

    root = Path(kpi_desktop.__file__).parent
    english = json.loads((root / "resources/i18n/cli/en/store.json").read_text(encoding="utf-8"))
    core = json.loads((root / "resources/i18n/cli/en/core.json").read_text(encoding="utf-8"))
    english.update(json.loads((root / "resources/i18n/cli/en/catalog.json").read_text(encoding="utf-8")))
    missing = []
    for rel in ("commands/demo.py", "commands/catalog.py", "commands/status.py", "services/status.py"):
        for node in ast.walk(ast.parse((root / rel).read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value not in english
                    and node.args[0].value not in core):
                missing.append(node.args[0].value)
    assert missing == []
    path = str(tmp_path / "e.db")
    assert _kpi("init", "--db", path, "22366").returncode == 0
    monkeypatch.setenv("KPI_LANG", "en")
    proc = _kpi("status", "--db", path)
    assert "Unit: Phường Nha Trang (22366), Khánh Hòa" in proc.stdout
    assert "Evaluation periods: none yet" in proc.stdout


def test_nested_command_help_has_one_usage_line() -> None:
    proc = _kpi("catalog", "import", "--help")
    assert proc.returncode == 0
    assert proc.stdout.count("Cách dùng:") == 1
    assert "Cách dùng: kpi catalog import" in proc.stdout


def test_update_person_and_change_post(db: Database) -> None:
    from kpi_desktop.services.people import change_post, update_person

    pid = _person(db, "CC-1", "Trần Văn Đức")
    update_person(db, CLERK, pid, {"full_name": "Trần Văn Ân", "citizen_id": "056090001234",
                                   "quota_group_code": "CMNV", "salary_coefficient": "3.66", "party_member": True})
    page = person_page(db, CLERK, pid, on=DAY)
    assert (page.given_name, page.quota_group, page.salary_coefficient) == ("Ân", "CMNV", Decimal("3.66"))
    assert page.party_member
    with pytest.raises(InputError, match="Không sửa được trường"):
        update_person(db, CLERK, pid, {"unit_id": 2})
    with pytest.raises(InputError, match="căn cước"):
        update_person(db, CLERK, pid, {"citizen_id": "1"})

    change_post(db, CLERK, pid, date(2026, 7, 1), body_code="VP", role="deputy", position_code="XA-LD-02",
                title="Phó Chánh Văn phòng")
    before = person_page(db, CLERK, pid, on=DAY)
    after = person_page(db, CLERK, pid, on=date(2026, 7, 2))
    assert (before.body_name, before.role) == ("Phòng Kinh tế", "staff")
    assert (after.body_name, after.role, after.title) == ("Văn phòng HĐND và UBND", "deputy", "Phó Chánh Văn phòng")
    assert [s.end for s in after.roles] == [date(2026, 6, 30), None]
    assert after.positions[-1].label.startswith("XA-LD-02") and after.positions[0].end == date(2026, 6, 30)
    with pytest.raises(InputError, match="Đã có thay đổi"):
        change_post(db, CLERK, pid, date(2026, 7, 1), role="head")
    staff = Actor(username="x", role=Role.STAFF, person_id=pid)
    with pytest.raises(PermissionDenied):
        update_person(db, staff, pid, {"phone": "0900000000"})
