"""Catalogue import/export: round trips, every kind of bad input, nothing half-imported."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import InputError, PermissionDenied
from kpi_desktop.services.catalog import (
    catalogue_document,
    default_catalogue,
    export_catalogue,
    import_catalogue,
    list_positions,
    list_products,
)
from kpi_desktop.services.units import create_unit
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import JobPosition, Product

CLERK = Actor(username="canbo", role=Role.CLERK)
STAFF = Actor(username="nhanvien", role=Role.STAFF, person_id=1)


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
    database = _seeded_unit(tmp_path / "unit.db")
    yield database
    database.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(str(tmp_path / "empty.db"))
    yield database
    database.close()


def _doc(db: Database) -> dict[str, Any]:
    with db.session(SYSTEM) as s:
        return catalogue_document(s)


def _snapshot(db: Database) -> str:
    doc = _doc(db)
    doc["unit_code"] = None
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _errors(exc: pytest.ExceptionInfo[InputError]) -> str:
    return exc.value.user_text()


# --- the shipped catalogue ---------------------------------------------------------------------------


def test_default_catalogue_is_complete(db: Database) -> None:
    positions = list_positions(db, CLERK)
    groups = {p.group for p in positions}
    assert groups == {"lanh_dao_quan_ly", "chuyen_mon_nghiep_vu", "ho_tro_phuc_vu"}
    assert sum(p.group == "lanh_dao_quan_ly" for p in positions) == 8  # CV 7415: 8 leadership positions
    assert all(p.has_description and p.competency_count >= 5 for p in positions)
    products = list_products(db, CLERK)
    assert len(products) >= 30
    assert {p.complexity_group for p in products} == {"N1", "N2", "N3", "N4", "N5"}
    assert all(p.k > 0 for p in products)
    doc = _doc(db)
    for pos in doc["positions"]:
        desc = pos["description"]
        assert desc["objective"] and desc["tasks"] and desc["requirements"] and desc["working_relations"]
        assert all(t["output_products"] and t["evaluation_criteria"] for t in desc["tasks"])
        kinds = {c["competency"][:2] for c in pos["competencies"]}
        assert "CH" in kinds  # general competencies everywhere
        if pos["group"] == "lanh_dao_quan_ly":
            assert "QL" in kinds
    assert all(set(c["levels"]) == {"1", "2", "3", "4", "5"} for c in doc["competencies"])


def test_default_file_says_what_is_not_official() -> None:
    header = default_catalogue()["header"]
    text = " ".join(header["provenance"])
    assert "[R]" in text and "[S]" in text and "[V]" in text
    assert "Nghị định 361/2025" in text


def test_default_catalogue_text_is_nfc() -> None:
    raw = json.dumps(default_catalogue(), ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", raw)


# --- round trips --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_round_trip_loses_nothing(db: Database, empty_db: Database, tmp_path: Path, fmt: str) -> None:
    # Give the catalogue the awkward things a clerk produces: a second description version, empty
    # optional fields, formula-like text, decimals with 3 places.
    doc = _doc(db)
    doc["positions"][0]["version"] = 2
    doc["positions"][0]["other_descriptions"] = [dict(doc["positions"][0]["description"], version=1,
                                                      objective="Mục tiêu phiên bản cũ")]
    doc["positions"][0]["description"] = dict(doc["positions"][0]["description"], version=2)
    doc["products"][0]["name"] = "=SUM(A1:A3) không phải công thức"
    doc["products"][1]["description"] = "+84 905 123 456"
    doc["products"][2]["description"] = "-5% so với kế hoạch"
    doc["products"][3]["description"] = "@tag"
    doc["products"][4]["k"] = "1.125"
    doc["products"][5]["standard_points"] = None
    src = tmp_path / "src.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    import_catalogue(db, CLERK, src)
    before = _snapshot(db)

    out = tmp_path / f"catalogue.{fmt}"
    export_catalogue(db, CLERK, out, fmt)
    result = import_catalogue(empty_db, CLERK, out, fmt)
    assert result.counts.products == len(doc["products"])
    assert _snapshot(empty_db) == before

    again = tmp_path / f"again.{fmt}"
    export_catalogue(empty_db, CLERK, again, fmt)
    import_catalogue(db, CLERK, again, fmt)  # re-importing the same catalogue changes nothing
    assert _snapshot(db) == before


def test_xlsx_formula_like_text_is_text_never_formula(db: Database, tmp_path: Path) -> None:
    doc = _doc(db)
    doc["products"][0]["name"] = "=HYPERLINK(\"http://x\")"
    doc["products"][1]["name"] = "+1+1"
    doc["products"][2]["name"] = "-2"
    doc["products"][3]["name"] = "@SUM(1)"
    src = tmp_path / "f.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    import_catalogue(db, CLERK, src)
    out = tmp_path / "f.xlsx"
    export_catalogue(db, CLERK, out)

    with zipfile.ZipFile(out) as z:
        names = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any("<f>" in z.read(n).decode("utf-8") for n in names), "a formula was written"
    ws = load_workbook(out)["Sản phẩm"]
    cells = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=2) for r in range(2, ws.max_row + 1)}
    for text in ("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(1)"):
        assert cells[text].data_type == "s"
        assert cells[text].quotePrefix


def test_a_real_formula_typed_in_excel_is_stored_as_its_text(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "c.xlsx"
    export_catalogue(db, CLERK, out)
    wb = load_workbook(out)
    ws = wb["Sản phẩm"]
    ws.cell(row=2, column=2).value = "=1+1"  # openpyxl stores this as a formula, as Excel would
    assert ws.cell(row=2, column=2).data_type == "f"
    code = ws.cell(row=2, column=1).value
    wb.save(out)
    import_catalogue(db, CLERK, out)
    with db.session(SYSTEM) as s:
        assert s.scalars(select(Product.name).where(Product.code == code)).one() == "=1+1"


def test_nfd_names_become_nfc(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "n.xlsx"
    export_catalogue(db, CLERK, out)
    wb = load_workbook(out)
    ws = wb["Vị trí việc làm"]
    code = ws.cell(row=2, column=1).value
    ws.cell(row=2, column=2).value = unicodedata.normalize("NFD", "Chánh Văn phòng Hội đồng nhân dân")
    wb.save(out)
    import_catalogue(db, CLERK, out)
    with db.session(SYSTEM) as s:
        name = s.scalars(select(JobPosition.name).where(JobPosition.code == code)).one()
    assert name == unicodedata.normalize("NFC", "Chánh Văn phòng Hội đồng nhân dân")
    assert unicodedata.is_normalized("NFC", name)


def test_json_nfd_is_normalised(db: Database, tmp_path: Path) -> None:
    doc = _doc(db)
    doc["products"][0]["name"] = unicodedata.normalize("NFD", "Báo cáo tổng kết năm")
    src = tmp_path / "n.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    import_catalogue(db, CLERK, src)
    assert _doc(db)["products"][0]["name"] == "Báo cáo tổng kết năm"


# --- bad input: every problem reported, nothing written ------------------------------------------------


def _xlsx_with(db: Database, tmp_path: Path, edit: Any) -> Path:
    out = tmp_path / "bad.xlsx"
    export_catalogue(db, CLERK, out)
    wb = load_workbook(out)
    edit(wb)
    wb.save(out)
    return out


def _col(ws: Any, header: str) -> int:
    for c in range(1, ws.max_column + 1):
        if ws.cell(row=1, column=c).value == header:
            return c
    raise AssertionError(header)


def test_wrong_types_are_reported_by_sheet_row_column(db: Database, tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Sản phẩm"]
        ws.cell(row=3, column=_col(ws, "Hệ số k")).value = "hai"
        ws.cell(row=4, column=_col(ws, "Hệ số k")).value = -1
        ws.cell(row=5, column=_col(ws, "Nhóm độ phức tạp")).value = "N9"
        ws.cell(row=6, column=_col(ws, "Hiệu lực từ")).value = "32/13/2026"
        ws.cell(row=7, column=_col(ws, "Đang dùng")).value = "có lẽ"
        ws.cell(row=8, column=_col(ws, "Tên sản phẩm")).value = None
        fw = wb["Khung năng lực"]
        fw.cell(row=2, column=_col(fw, "Cấp độ yêu cầu")).value = 7
        pos = wb["Vị trí việc làm"]
        pos.cell(row=2, column=_col(pos, "Nhóm vị trí")).value = "Lãnh đạo cấp cao"

    before = _snapshot(db)
    path = _xlsx_with(db, tmp_path, edit)
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, path)
    text = _errors(exc)
    assert "Trang «Sản phẩm», dòng 3, cột F «Hệ số k»: «hai» không phải số" in text
    assert "Trang «Sản phẩm», dòng 4, cột F «Hệ số k»: -1 phải là số dương" in text
    assert "dòng 5, cột E «Nhóm độ phức tạp»: «N9» không hợp lệ" in text
    assert "dòng 6" in text and "không phải ngày (dd/mm/yyyy)" in text
    assert "dòng 7" in text and "phải là «Có» hoặc «Không»" in text
    assert "dòng 8, cột B «Tên sản phẩm»: thiếu giá trị bắt buộc" in text
    assert "Trang «Khung năng lực», dòng 2, cột C «Cấp độ yêu cầu»: 7 nằm ngoài khoảng cho phép" in text
    assert "Trang «Vị trí việc làm», dòng 2, cột C «Nhóm vị trí»" in text
    assert "chưa nhập gì" in text
    assert _snapshot(db) == before


def test_missing_column_and_sheet(db: Database, tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Sản phẩm"]
        ws.delete_cols(_col(ws, "Hệ số k"))
        del wb["Khung năng lực"]

    path = _xlsx_with(db, tmp_path, edit)
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, path)
    text = _errors(exc)
    assert "Trang «Sản phẩm», dòng 1: thiếu cột «Hệ số k»" in text
    assert "thiếu trang «Khung năng lực»" in text


def test_duplicate_codes(db: Database, tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Sản phẩm"]
        ws.cell(row=4, column=1).value = ws.cell(row=2, column=1).value.lower()  # codes are case-insensitive
        pos = wb["Vị trí việc làm"]
        pos.cell(row=3, column=1).value = pos.cell(row=2, column=1).value

    path = _xlsx_with(db, tmp_path, edit)
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, path)
    text = _errors(exc)
    assert "Trang «Sản phẩm», dòng 4, cột A «Mã sản phẩm»: Mã sản phẩm" in text
    assert "bị trùng (đã có ở Trang «Sản phẩm», dòng 2)" in text
    assert "Mã vị trí" in text and "(đã có ở Trang «Vị trí việc làm», dòng 2)" in text


def test_unknown_references(db: Database, tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Sản phẩm"]
        ws.cell(row=2, column=_col(ws, "Áp dụng cho vị trí")).value = "XA-KHONG-CO"
        fw = wb["Khung năng lực"]
        fw.cell(row=2, column=_col(fw, "Mã năng lực")).value = "NL-KHONG-CO"

    path = _xlsx_with(db, tmp_path, edit)
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, path)
    text = _errors(exc)
    assert "vị trí «XA-KHONG-CO» không có trong tệp hay trong cơ sở dữ liệu" in text
    assert "năng lực «NL-KHONG-CO» không có" in text


def test_unknown_commune_code_rejected(db: Database, tmp_path: Path) -> None:
    doc = _doc(db)
    doc["unit_code"] = "99999"
    src = tmp_path / "u.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, src)
    assert "mã xã, phường «99999» không có trong danh mục đơn vị hành chính" in _errors(exc)

    def edit(wb: Any) -> None:
        wb["Thông tin"]["B3"].value = "12345678"

    path = _xlsx_with(db, tmp_path, edit)
    with pytest.raises(InputError) as exc2:
        import_catalogue(db, CLERK, path)
    assert "Trang «Thông tin», dòng 3, cột B: mã xã, phường «12345678»" in _errors(exc2)


def test_catalogue_of_another_real_commune_is_accepted_with_a_note(db: Database, tmp_path: Path) -> None:
    doc = _doc(db)
    doc["unit_code"] = "22453"  # Xã Cam Lâm, Khánh Hòa
    src = tmp_path / "o.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = import_catalogue(db, CLERK, src)
    assert result.unit_code == "22453"
    assert any("Xã Cam Lâm" in n for n in result.notes)


def test_nothing_half_imported(db: Database, tmp_path: Path) -> None:
    doc = _doc(db)
    doc["positions"][0]["name"] = "Tên mới của vị trí"
    doc["products"].append(dict(doc["products"][0], code="SP-MOI"))
    doc["products"][-1]["k"] = "không biết"
    src = tmp_path / "h.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = _snapshot(db)
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, src)
    assert "JSON products[46], trường «k»" in _errors(exc)
    assert _snapshot(db) == before


def test_database_error_mid_import_rolls_back(db: Database, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import kpi_desktop.services.catalog as catalog

    doc = _doc(db)
    doc["positions"][0]["name"] = "Đổi tên"
    src = tmp_path / "x.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = _snapshot(db)

    real = catalog._apply

    def failing(session: Any, v: Any) -> tuple[int, int]:
        real(session, v)
        raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(catalog, "_apply", failing)
    with pytest.raises(RuntimeError):
        import_catalogue(db, CLERK, src)
    assert _snapshot(db) == before


def test_malformed_json_and_wrong_shapes(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="không phải JSON hợp lệ"):
        import_catalogue(db, CLERK, bad)
    bad.write_text(json.dumps({"format": "kpi-desktop-catalogue", "products": {"a": 1}, "positions": [3]}),
                   encoding="utf-8")
    with pytest.raises(InputError) as exc:
        import_catalogue(db, CLERK, bad)
    assert "JSON «products»: phải là một danh sách" in _errors(exc)
    assert "JSON positions[0]: phải là một đối tượng" in _errors(exc)


def test_not_an_xlsx_file(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "b.xlsx"
    bad.write_bytes(b"this is not a workbook")
    with pytest.raises(InputError, match="Không đọc được tệp Excel"):
        import_catalogue(db, CLERK, bad)


def test_only_a_clerk_may_import(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    export_catalogue(db, STAFF, out)  # anyone may look
    with pytest.raises(PermissionDenied):
        import_catalogue(db, STAFF, out)


def test_new_rows_are_added_and_existing_kept(db: Database, tmp_path: Path) -> None:
    doc = {"format": "kpi-desktop-catalogue", "format_version": 1, "competencies": [], "positions": [],
           "products": [{"code": "SP-01", "name": "Sản phẩm mới", "unit_of_measure": "văn bản",
                         "complexity_group": "Nhóm 2", "k": 1.5, "positions": ["XA-CM-09"]}]}
    src = tmp_path / "add.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with db.session(SYSTEM) as s:
        n = s.scalar(select(func.count()).select_from(Product))
    result = import_catalogue(db, CLERK, src)
    assert result.created == 1
    assert result.counts.products == n + 1
    product = next(p for p in list_products(db, CLERK) if p.code == "SP-01")
    assert product.complexity_group == "N2" and str(product.k) == "1.500"
    assert product.position_codes == ["XA-CM-09"]


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


def test_cli_export_import(tmp_path: Path) -> None:
    src_db, dst_db = tmp_path / "a.db", tmp_path / "b.db"
    assert _kpi("init", "--db", str(src_db), "22366").returncode == 0
    out = tmp_path / "dm.xlsx"
    proc = _kpi("catalog", "export", "--format", "xlsx", "--db", str(src_db), str(out))
    assert proc.returncode == 0, proc.stderr
    assert "32 vị trí việc làm" in proc.stdout
    proc = _kpi("catalog", "import", "--format", "xlsx", "--db", str(dst_db), str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Đã nhập danh mục" in proc.stdout

    wb = load_workbook(out)
    wb["Sản phẩm"]["F2"].value = "abc"
    wb.save(out)
    proc = _kpi_process("catalog", "import", "--db", str(dst_db), str(out))  # a real process: no traceback
    assert proc.returncode == 2
    assert "Trang «Sản phẩm», dòng 2, cột F «Hệ số k»" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- the clerk's edit forms ----------------------------------------------------------------------------


def test_save_items_validates_like_an_import_and_names_the_field(db: Database) -> None:
    from kpi_desktop.services.catalog import product_document, save_items

    doc = product_document(db, CLERK, "VB-01")
    before = _snapshot(db)
    with pytest.raises(InputError) as exc:
        save_items(db, CLERK, products=[dict(doc, k="nhiều", name="")])
    text = _errors(exc)
    assert "Dữ liệu danh mục có 2 lỗi, chưa nhập gì" in text
    assert "Sản phẩm «VB-01», «Hệ số k»: «nhiều» không phải số" in text
    assert "Sản phẩm «VB-01», «Tên sản phẩm»: thiếu giá trị bắt buộc" in text
    assert _snapshot(db) == before

    result = save_items(db, CLERK, products=[dict(doc, k="1.25", name="Công văn, thông báo")])
    assert result.updated == 1
    saved = product_document(db, CLERK, "VB-01")
    assert saved["k"] == "1.250" and saved["name"] == "Công văn, thông báo"
    with pytest.raises(PermissionDenied):
        save_items(db, STAFF, products=[doc])


def test_edit_a_position_framework(db: Database) -> None:
    from kpi_desktop.services.catalog import position_document, save_items

    pos = position_document(db, CLERK, "XA-CM-09")
    pos["competencies"] = [c for c in pos["competencies"] if c["competency"] != "CH-07"]
    pos["competencies"].append({"competency": "CM-XD", "required_level": 2})
    pos["description"]["tasks"].append({"seq": 9, "task": "Cập nhật cơ sở dữ liệu đất đai",
                                        "output_products": "Dữ liệu", "evaluation_criteria": "Đúng hạn"})
    save_items(db, CLERK, positions=[pos])
    again = position_document(db, CLERK, "XA-CM-09")
    assert {c["competency"] for c in again["competencies"]} == {c["competency"] for c in pos["competencies"]}
    assert again["description"]["tasks"][-1]["task"] == "Cập nhật cơ sở dữ liệu đất đai"
    pos["competencies"].append({"competency": "CM-XD", "required_level": 3})
    with pytest.raises(InputError, match="Khung năng lực «XA-CM-09» năng lực «CM-XD»"):
        save_items(db, CLERK, positions=[pos])


def test_delete_refused_while_in_use(db: Database) -> None:
    from datetime import date

    from kpi_desktop.errors import NotFoundError, StateError
    from kpi_desktop.services.catalog import delete_position, delete_product
    from kpi_desktop.services.people import NewPerson, create_person

    create_person(db, CLERK, NewPerson(code="CC-1", full_name="Lê Văn An", category="cong_chuc",
                                       start_date=date(2026, 1, 1), body_code="PKT", position_code="XA-CM-09"))
    with pytest.raises(StateError, match="không xoá được"):
        delete_position(db, CLERK, "XA-CM-09")
    delete_position(db, CLERK, "XA-CM-19")
    delete_product(db, CLERK, "PV-02")
    codes = {p.code for p in list_products(db, CLERK)}
    assert "PV-02" not in codes
    assert all("XA-CM-19" not in p.position_codes for p in list_products(db, CLERK))
    with pytest.raises(NotFoundError):
        delete_product(db, CLERK, "PV-02")


def test_reimporting_an_unchanged_catalogue_writes_nothing(db: Database, tmp_path: Path) -> None:
    from sqlalchemy import inspect, text

    def audit_entries() -> int:
        with db.session(SYSTEM) as s:
            if "audit_log" not in inspect(s.connection()).get_table_names():
                return 0
            return int(s.execute(text("select count(*) from audit_log")).scalar_one())

    for fmt in ("json", "xlsx"):
        out = tmp_path / f"same.{fmt}"
        export_catalogue(db, CLERK, out, fmt)
        before = audit_entries()
        result = import_catalogue(db, CLERK, out, fmt)
        assert (result.created, result.updated) == (0, 0)
        assert audit_entries() == before  # no row rewritten, so nothing for the audit trail


def test_changes_are_counted_per_item(db: Database, tmp_path: Path) -> None:
    doc = _doc(db)
    doc["positions"][0]["description"]["tasks"][0]["task"] = "Việc đã sửa"
    doc["positions"][1]["competencies"][0]["required_level"] = 5
    doc["positions"][2]["description"]["tasks"] = []  # all tasks removed
    doc["products"][0]["positions"] = list(reversed(doc["products"][0]["positions"]))  # same set: no change
    doc["products"][1]["k"] = "9.5"
    src = tmp_path / "c.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = import_catalogue(db, CLERK, src)
    assert (result.created, result.updated) == (0, 4)
    again = _doc(db)
    assert again["positions"][2]["description"]["tasks"] == []
    assert again["positions"][0]["description"]["tasks"][0]["task"] == "Việc đã sửa"


def _history(db: Database, code: str) -> list[tuple[int, str, dict[str, Any]]]:
    from kpi_desktop.store.models.catalog import JobPositionVersion

    with db.session(SYSTEM) as s:
        pos = s.scalars(select(JobPosition).where(JobPosition.code == code)).one()
        rows = s.scalars(select(JobPositionVersion).where(JobPositionVersion.position_id == pos.id)
                         .order_by(JobPositionVersion.version)).all()
        return [(r.version, r.name, dict(r.snapshot)) for r in rows]


def test_editing_a_description_in_place_keeps_the_version_as_it_was(db: Database) -> None:
    from kpi_desktop.services.catalog import position_document, save_items

    pos = position_document(db, CLERK, "XA-CM-09")
    old_objective = pos["description"]["objective"]
    old_task = pos["description"]["tasks"][0]["task"]
    assert _history(db, "XA-CM-09") == []
    save_items(db, CLERK, positions=[pos])  # nothing changed: no history row
    assert _history(db, "XA-CM-09") == []

    pos["description"]["objective"] = "Mục tiêu đã đính chính"
    pos["description"]["tasks"][0]["task"] = "Nhiệm vụ đã đính chính"
    save_items(db, CLERK, positions=[pos])
    history = _history(db, "XA-CM-09")
    assert len(history) == 1
    version, name, snapshot = history[0]
    assert version == pos["version"] and name == pos["name"]
    assert snapshot["description"]["objective"] == old_objective
    assert snapshot["description"]["tasks"][0]["task"] == old_task
    assert position_document(db, CLERK, "XA-CM-09")["description"]["objective"] == "Mục tiêu đã đính chính"


def test_a_new_version_keeps_the_old_description_beside_it(db: Database) -> None:
    from kpi_desktop.services.catalog import position_document, save_items

    pos = position_document(db, CLERK, "XA-CM-09")
    old = pos["description"]
    new_version = pos["version"] + 1
    pos.update(version=new_version, effective_from="2027-01-01", name="Công chức Địa chính - Xây dựng (2027)")
    pos["description"] = {**old, "version": new_version, "effective_from": "2027-01-01",
                          "objective": "Mục tiêu mới từ 2027", "tasks": old["tasks"][:1]}
    save_items(db, CLERK, positions=[pos])
    again = position_document(db, CLERK, "XA-CM-09")
    assert again["version"] == new_version and again["description"]["objective"] == "Mục tiêu mới từ 2027"
    assert len(again["description"]["tasks"]) == 1
    others = next(d for d in _doc(db)["positions"] if d["code"] == "XA-CM-09")["other_descriptions"]
    assert [d["objective"] for d in others] == [old["objective"]]
    assert len(others[0]["tasks"]) == len(old["tasks"])
    history = _history(db, "XA-CM-09")
    assert [h[0] for h in history] == [new_version - 1] and history[0][1] != pos["name"]


def test_an_empty_framework_in_the_form_removes_every_competency(db: Database) -> None:
    from kpi_desktop.services.catalog import position_document, save_items

    pos = position_document(db, CLERK, "XA-CM-09")
    assert pos["competencies"]
    result = save_items(db, CLERK, positions=[dict(pos, competencies=[])])
    assert result.updated == 1
    assert position_document(db, CLERK, "XA-CM-09")["competencies"] == []
    assert _history(db, "XA-CM-09")[0][2]["competencies"] == pos["competencies"]
