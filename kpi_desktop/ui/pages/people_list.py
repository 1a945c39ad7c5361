"""The searchable, filterable people table used by the people page (and by the list benchmark).

Rows are the people service's DTOs; the table only reads the attributes named in `PersonRowLike`.
Names sort the Vietnamese way by the service's own order (it sorts by given name, then middle and
family name, in Vietnamese letter order); other text columns sort by `vi_text_key`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kpi_desktop.ui.labels import category_label
from kpi_desktop.ui.models.records import Column, Prepared, RecordRole, RecordTableModel, vi_text_key
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths
from kpi_desktop.ui.workers import CancelToken, ProgressFn, TaskHandle, gc_paused, run_task


class PersonRowLike(Protocol):
    """What the table reads from a row (the people service's `PersonRow`)."""

    @property
    def id(self) -> int: ...

    @property
    def code(self) -> str: ...

    @property
    def full_name(self) -> str: ...

    @property
    def category(self) -> str: ...

    @property
    def body_name(self) -> str | None: ...

    @property
    def position_name(self) -> str | None: ...


ALL = "__all__"
_Choices = tuple[list[str], list[str], list[str]]


def _choices(people: Sequence[PersonRowLike]) -> _Choices:
    key = vi_text_key
    bodies = sorted({p.body_name for p in people if p.body_name}, key=key)
    positions = sorted({p.position_name for p in people if p.position_name}, key=key)
    categories = sorted({p.category for p in people if p.category})
    return bodies, positions, categories


def person_columns(name_order: dict[int, int]) -> list[Column[Any]]:
    """`name_order`: person id → place in the service's list, which is already in Vietnamese name order."""
    return [
        Column("name", QCoreApplication.translate("PeopleListWidget", "Họ và tên"), lambda p: p.full_name,
               sort_key=lambda p: name_order.get(p.id, 0)),
        Column("code", QCoreApplication.translate("PeopleListWidget", "Mã"), lambda p: p.code),
        Column("body", QCoreApplication.translate("PeopleListWidget", "Cơ quan, đơn vị"), lambda p: p.body_name or ""),
        Column("position", QCoreApplication.translate("PeopleListWidget", "Vị trí việc làm"), lambda p: p.position_name or ""),
        Column("category", QCoreApplication.translate("PeopleListWidget", "Đối tượng"), lambda p: category_label(p.category)),
    ]


class PeopleListWidget(QWidget):
    SEARCH_DELAY_MS = 150
    person_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._name_order: dict[int, int] = {}
        self.model: RecordTableModel[Any] = RecordTableModel(
            person_columns(self._name_order), self,
            search_text=lambda p: f"{p.full_name} {p.code} {p.position_name or ''}")
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("Tìm theo tên, mã hoặc vị trí (không cần gõ dấu)…"))
        self.search.setAccessibleName(self.tr("Tìm cán bộ"))
        self.search.setClearButtonEnabled(True)
        self.body_filter = self._combo("bodyFilter", self.tr("Lọc theo cơ quan, đơn vị"))
        self.position_filter = self._combo("positionFilter", self.tr("Lọc theo vị trí việc làm"))
        self.category_filter = self._combo("categoryFilter", self.tr("Lọc theo đối tượng"))
        self.count = QLabel()
        self.count.setObjectName("peopleCount")
        self.table = make_table(self.model, self.tr("Danh sách cán bộ, công chức, viên chức"))
        self.table.setObjectName("peopleTable")
        set_column_widths(self.table, [240, 90, 220, 240, 120])

        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Tìm:"))
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        filters = QHBoxLayout()
        for combo in (self.body_filter, self.position_filter, self.category_filter):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.body_filter.currentIndexChanged.connect(
            lambda _i: self._set_filter("body", self.body_filter, lambda p: p.body_name or ""))
        self.position_filter.currentIndexChanged.connect(
            lambda _i: self._set_filter("position", self.position_filter, lambda p: p.position_name or ""))
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self._set_filter("category", self.category_filter, lambda p: p.category))
        self.model.filtered.connect(self._show_count)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        return combo

    def _fill(self, combo: QComboBox, all_text: str, values: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        combo.addItem(all_text, ALL)
        for value, text in values:
            combo.addItem(text, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def load(self, fetch: Callable[[], Sequence[PersonRowLike]],
             on_error: Callable[[BaseException, str], None] | None = None) -> TaskHandle:
        """Fetch and prepare the rows in a worker thread; the GUI thread only swaps them in."""
        self._loading = True
        model = self.model

        def work(_progress: ProgressFn, cancel: CancelToken) -> tuple[Prepared[Any], _Choices]:
            with gc_paused():
                rows = list(fetch())
                cancel.check()
                self._remember_order(rows)
                return model.prepare(rows), _choices(rows)

        def done(result: tuple[Prepared[Any], _Choices]) -> None:
            self._loading = False
            self._apply(*result)

        def failed(error: BaseException, details: str) -> None:
            self._loading = False
            if on_error is not None:
                on_error(error, details)
            else:
                raise error

        return run_task(work, on_success=done, on_failure=failed)

    def busy(self) -> bool:
        return self._loading

    def _remember_order(self, rows: Sequence[PersonRowLike]) -> None:
        self._name_order.clear()
        self._name_order.update({p.id: i for i, p in enumerate(rows)})

    def set_people(self, people: Sequence[PersonRowLike]) -> None:
        """Load rows synchronously (small lists, tests)."""
        rows = list(people)
        self._remember_order(rows)
        self._apply(self.model.prepare(rows, sort_keys=False), _choices(rows))

    def _apply(self, prepared: Prepared[Any], choices: _Choices) -> None:
        bodies, positions, categories = choices
        self._fill(self.body_filter, self.tr("Mọi cơ quan, đơn vị"), [(b, b) for b in bodies])
        self._fill(self.position_filter, self.tr("Mọi vị trí việc làm"), [(p, p) for p in positions])
        self._fill(self.category_filter, self.tr("Mọi đối tượng"), [(c, category_label(c)) for c in categories])
        self.model.set_prepared(prepared)
        for name, combo, getter in (("body", self.body_filter, lambda p: p.body_name or ""),
                                    ("position", self.position_filter, lambda p: p.position_name or ""),
                                    ("category", self.category_filter, lambda p: p.category)):
            self._set_filter(name, combo, getter)

    def _set_filter(self, name: str, combo: QComboBox, getter: Callable[[Any], str]) -> None:
        value = combo.currentData()
        if value in (None, ALL):
            self.model.set_filter(name, None)
        else:
            self.model.set_filter_equals(name, getter, value)

    def _show_count(self, shown: int, total: int) -> None:
        self.count.setText(self.tr("Hiển thị {shown} / {total} người").format(shown=shown, total=total))

    def _activated(self, index: QModelIndex) -> None:
        record = self.model.data(index, RecordRole)
        if record is not None:
            self.person_activated.emit(int(record.id))

    def current_person_id(self) -> int | None:
        index = self.table.currentIndex()
        record = self.model.data(index, RecordRole) if index.isValid() else None
        return int(record.id) if record is not None else None

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
