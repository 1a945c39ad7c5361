"""The generic record model: qtmodeltester, Vietnamese order, accent-free search, filters, sorting."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpi_desktop.ui.fmt import fmt_number, fold, parse_decimal
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel, vi_text_key
from kpi_desktop.ui.pages.people_list import PeopleListWidget

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Row:
    id: int
    code: str
    full_name: str
    sort_key: str
    body_name: str
    position_name: str
    category: str
    score: Decimal | None = None


ROWS = [
    Row(1, "CC-10", "Nguyễn Văn Ân", "03", "Phòng Kinh tế", "Kế toán", "cong_chuc", Decimal("91.5")),
    Row(2, "CC-2", "Trần Thị Ánh", "02", "Văn phòng HĐND và UBND", "Văn thư", "cong_chuc", Decimal("72")),
    Row(3, "VC-1", "Lê Đức Anh", "01", "Trường Tiểu học", "Giáo viên", "vien_chuc", None),
    Row(4, "CB-1", "Đặng Thu Đào", "04", "Đảng ủy", "Bí thư", "can_bo", Decimal("88.25")),
]


def make_model() -> RecordTableModel[Row]:
    return RecordTableModel([
        Column("name", "Họ và tên", lambda r: r.full_name, sort_key=lambda r: r.sort_key),
        Column("code", "Mã", lambda r: r.code),
        Column("body", "Cơ quan", lambda r: r.body_name),
        Column("score", "Điểm", lambda r: r.score, numeric=True),
    ])


def test_record_model_passes_qtmodeltester(qtmodeltester, kpi_app: QApplication) -> None:  # type: ignore[no-untyped-def]
    model = make_model()
    model.set_records(ROWS)
    qtmodeltester.check(model, force_py=True)
    model.set_search("anh")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_vi_text_key_matches_qcollator_vietnamese(kpi_app: QApplication) -> None:
    words = ["Đức", "Dũng", "An", "Ân", "Ăn", "Bình", "Ý", "Yến", "Ơn", "Ôn", "O", "ô", "Ò", "Ó", "Ọ", "Ỏ", "Õ",
             "Hà", "Ha", "Hạ", "Hả", "Hã", "Há", "Ưng", "Uyên", "Ư", "Đào", "Dao", "an2", "an10", "Zô", "Thư", "Thu"]
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setNumericMode(True)
    assert sorted(words, key=vi_text_key) == sorted(words, key=collator.sortKey)


def test_search_ignores_diacritics_and_filters_combine(kpi_app: QApplication) -> None:
    model = make_model()
    model.set_records(ROWS)
    model.set_search("dang")  # matches "Đặng" and "Đảng ủy"
    assert [r.id for r in model.visible_records()] == [4]
    model.set_search("")
    model.set_filter_equals("body", lambda r: r.body_name, "Phòng Kinh tế")
    assert [r.id for r in model.visible_records()] == [1]
    model.set_filter("body", None)
    assert model.rowCount() == 4
    assert fold("Nguyễn Đức") == "nguyen duc"


def test_sort_names_by_service_key_text_the_vietnamese_way_numbers_last_none(kpi_app: QApplication) -> None:
    model = make_model()
    model.set_records(ROWS)
    model.sort(0)
    assert [model.record(i).full_name for i in range(4)] == ["Lê Đức Anh", "Trần Thị Ánh", "Nguyễn Văn Ân",
                                                             "Đặng Thu Đào"]
    model.sort(1)  # codes: numeric parts compared as numbers
    assert [model.record(i).code for i in range(4)] == ["CB-1", "CC-2", "CC-10", "VC-1"]
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert [model.record(i).id for i in range(4)] == [2, 4, 1, 3]  # no score sorts last
    assert model.data(model.index(0, 3)) == fmt_number(Decimal("72"))
    assert model.data(model.index(0, 0), RecordRole) is ROWS[1]


def test_decimal_display_and_parsing(kpi_app: QApplication) -> None:
    assert fmt_number(Decimal("95.325")) == "95,33"  # half-up, Vietnamese comma
    assert parse_decimal("9,5") == Decimal("9.5") and parse_decimal("9.5") == Decimal("9.5")
    assert parse_decimal(" ") is None
    with pytest.raises(ArithmeticError):
        parse_decimal("chín")


def test_people_list_widget_search_filters_and_activation(qtbot: QtBot, kpi_app: QApplication) -> None:
    widget = PeopleListWidget()
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.model.filtered):
        handle = widget.load(lambda: ROWS)
    qtbot.waitUntil(lambda: not widget.busy())
    assert handle.done and widget.model.rowCount() == 4
    assert widget.count.text() == "Hiển thị 4 / 4 người"
    # bodies offered in Vietnamese order, after "all"
    assert [widget.body_filter.itemText(i) for i in range(widget.body_filter.count())][1:] == [
        "Đảng ủy", "Phòng Kinh tế", "Trường Tiểu học", "Văn phòng HĐND và UBND"]
    qtbot.keyClicks(widget.search, "thi anh")
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    assert widget.model.record(0).id == 2
    widget.search.clear()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 4)
    widget.category_filter.setCurrentIndex(widget.category_filter.findText("Viên chức"))
    assert [r.id for r in widget.model.visible_records()] == [3]
    widget.select_first()
    with qtbot.waitSignal(widget.person_activated) as blocker:
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert blocker.args == [3]
