# ruff: noqa: F811  (the demo fixtures are imported from demo_db.py: tests/gui/conftest.py belongs to the GUI area)
"""Sở Nội vụ imports the communes' real .kpib files through the province page: the file chooser, the
import off the GUI thread with its progress dialog, the per-file result the clerk reads, the overview
tables afterwards; hostile files in the same batch as good ones; Cancel between files."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kpi_desktop.exchange.reasons import MESSAGES
from kpi_desktop.services import auth, exchange_import, province
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.exchange import CurrentBundle, ImportedRecord, LedgerEntry, QuarantineEntry
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.models.records import RecordTableModel
from kpi_desktop.ui.pages.province import ProvincePage

from .demo_db import demo_file  # noqa: F401
from .province_bundles import PROVINCE_PASSWORD, PROVINCE_USER, CommuneBundles, build

pytestmark = pytest.mark.gui
WAIT = 120_000  # the machine running the suite may be loaded
Q1, Q2, Q3 = "2026-Q1", "2026-Q2", "2026-Q3"
CANCELLED = "Đã huỷ theo yêu cầu."


@pytest.fixture(scope="module")
def bundles(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> CommuneBundles:
    """The demo commune's exports, built once for the module (key generation and export are the slow part)."""
    return build(demo_file, tmp_path_factory.mktemp("xa-gui-so"))


@pytest.fixture
def province_db(bundles: CommuneBundles, tmp_path: Path, data_dir: Path) -> Iterator[Database]:
    path = tmp_path / "so-noi-vu.db"
    shutil.copyfile(bundles.province_template, path)
    db = Database.open(str(path))
    yield db
    db.close()


def open_province_page(qtbot: QtBot, db: Database) -> tuple[MainWindow, ProvincePage]:
    actor = auth.login(db, PROVINCE_USER, PROVINCE_PASSWORD)
    window = MainWindow(AppContext(db, actor))
    qtbot.addWidget(window)
    window.show()
    assert window.page_names()[0] == "province"  # Sở Nội vụ starts on the communes' results
    page = window.show_page("province")
    assert isinstance(page, ProvincePage)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    return window, page


def choose_and_import(qtbot: QtBot, page: ProvincePage, monkeypatch: pytest.MonkeyPatch,
                      files: list[Path]) -> list[tuple[str, str]]:
    """Click «Nhập gói dữ liệu…», pick `files` in the (stubbed) file chooser; returns what it was asked."""
    asked: list[tuple[str, str]] = []

    def chooser(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append((caption, filters))
        return [str(f) for f in files], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(chooser))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.busy()  # the import runs off the GUI thread
    return asked


def wait_done(qtbot: QtBot, page: ProvincePage) -> list[str]:
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert page.tabs.currentWidget() is page.report  # the result of the import is brought to the front
    return page.report.toPlainText().splitlines()


def line_for(lines: list[str], path: Path) -> str:
    found = [ln for ln in lines if ln.startswith(f"{path}: ")]
    assert len(found) == 1, (path, lines)
    return found[0]


def shown(model: RecordTableModel[Any], key: Callable[[Any], bool], column: str) -> str:
    """The text the table shows in `column` of the row whose record matches `key`."""
    row = model.row_of(key)
    assert row >= 0
    col = next(i for i in range(model.columnCount()) if model.columns[i].key == column)
    return str(model.data(model.index(row, col, QModelIndex()), Qt.ItemDataRole.DisplayRole))


def show_period(qtbot: QtBot, page: ProvincePage, period: str) -> None:
    page.period.setText(period)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert not page.period_message.isVisible()


def ledger_state(db: Database) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, int]], int]:
    """Everything an import writes: ledger rows, current bundles, imported records."""
    with db.session() as s:
        ledger = sorted((r.bundle_id, r.period, r.status, r.record_count) for r in s.scalars(select(LedgerEntry)))
        current = sorted((c.unit_code, c.period, c.sequence) for c in s.scalars(select(CurrentBundle)))
        records = int(s.scalar(select(func.count()).select_from(ImportedRecord)) or 0)
    return ledger, current, records


def quarantined(db: Database) -> list[tuple[str, str]]:
    with db.session() as s:
        return sorted((q.file_name, q.reason_code) for q in s.scalars(select(QuarantineEntry)))


def test_import_real_bundles_through_the_page_and_see_the_commune_in_the_overview(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, bundles: CommuneBundles,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    window, page = open_province_page(qtbot, province_db)
    unit = bundles.unit_code
    show_period(qtbot, page, Q1)
    assert shown(page.status_model, lambda r: r.unit_code == unit, "received") == ""  # nothing yet
    assert page.summary.text().startswith(f"Kỳ {Q1}: 0/")

    asked = choose_and_import(qtbot, page, monkeypatch, [bundles.good[Q1], bundles.good[Q2]])
    assert asked == [("Nhập gói dữ liệu của các xã", "Gói dữ liệu KPI (*.kpib);;Mọi tệp (*)")]
    lines = wait_done(qtbot, page)

    n1, n2 = bundles.exported[Q1].record_count, bundles.exported[Q2].record_count
    assert n1 > 10 and n2 > 10
    assert line_for(lines, bundles.good[Q1]) == f"{bundles.good[Q1]}: Đã nhận ({n1} bản ghi, 0 cần xem lại)"
    assert line_for(lines, bundles.good[Q2]) == f"{bundles.good[Q2]}: Đã nhận ({n2} bản ghi, 0 cần xem lại)"
    receipt = [ln for ln in lines if ln.startswith("Biên nhận: ")]
    assert len(receipt) == 1 and Path(receipt[0].removeprefix("Biên nhận: ")).is_file()

    # The overview of the period the page shows, and of the communes.
    show_period(qtbot, page, Q1)
    status = page.status_model
    assert shown(status, lambda r: r.unit_code == unit, "received") == "Có"
    assert shown(status, lambda r: r.unit_code == unit, "records") == str(n1)
    assert shown(status, lambda r: r.unit_code == unit, "flags") == "0"
    assert shown(status, lambda r: r.unit_code == unit, "late") == ""
    total_units = status.rowCount()
    assert total_units >= 2  # the demo PKI registers the demo communes besides this one
    assert page.summary.text().startswith(f"Kỳ {Q1}: 1/{total_units} xã đã gửi.")
    show_period(qtbot, page, Q3)
    assert shown(status, lambda r: r.unit_code == unit, "received") == ""
    communes = page.communes_model
    assert shown(communes, lambda c: c.unit_code == unit, "periods") == f"{Q1}, {Q2}"
    assert shown(communes, lambda c: c.unit_code == unit, "records") == str(n1 + n2)
    assert shown(communes, lambda c: c.unit_code == unit, "flags") == "0"
    assert page.flags_model.rowCount() == 0

    # The province holds the very numbers the commune approved, person by person.
    actor = page.ctx.actor
    for period in (Q1, Q2):
        rows = province.results(province_db, actor, unit, period)
        assert {r.person_code: (r.total, r.band) for r in rows} == bundles.scores[period]
    assert quarantined(province_db) == []
    window.close()


def test_hostile_files_are_refused_with_their_reason_and_the_rest_of_the_batch_imports(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, bundles: CommuneBundles,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    window, page = open_province_page(qtbot, province_db)
    junk, tampered, foreign = bundles.not_a_bundle, bundles.tampered, bundles.foreign
    good1, good2, good3 = bundles.good[Q1], bundles.good[Q2], bundles.good[Q3]
    choose_and_import(qtbot, page, monkeypatch, [junk, good1, tampered, foreign, good2])
    lines = wait_done(qtbot, page)

    refused = {junk: "not_der", tampered: "bad_signature", foreign: "not_for_us"}
    for path, code in refused.items():
        assert line_for(lines, path) == f"{path}: Bị từ chối — {MESSAGES[code]}"
    n1, n2 = bundles.exported[Q1].record_count, bundles.exported[Q2].record_count
    assert line_for(lines, good1) == f"{good1}: Đã nhận ({n1} bản ghi, 0 cần xem lại)"
    assert line_for(lines, good2) == f"{good2}: Đã nhận ({n2} bản ghi, 0 cần xem lại)"

    # Only the good files wrote anything; each refused file was set aside with its reason.
    ledger, current, records = ledger_state(province_db)
    assert [(b, p, s, n) for b, p, s, n in ledger] == sorted(
        [(bundles.exported[Q1].bundle_id, Q1, "current", n1), (bundles.exported[Q2].bundle_id, Q2, "current", n2)])
    assert current == [(bundles.unit_code, Q1, 1), (bundles.unit_code, Q2, 1)]
    assert records == n1 + n2
    assert quarantined(province_db) == sorted((p.name, c) for p, c in refused.items())
    kept = list((data_dir / "quarantine").glob("*.kpib"))
    assert sorted(p.name.split("-", 3)[-1] for p in kept) == sorted(p.name for p in refused)
    assert all(p.with_name(p.name + ".reason.json").is_file() for p in kept)
    show_period(qtbot, page, "2026-Q4")  # the tampered bundle's period: still not received
    assert shown(page.status_model, lambda r: r.unit_code == bundles.unit_code, "received") == ""

    # The same Q1 file again, with Q3: Q1 is «already imported» and changes nothing, Q3 imports.
    before = ledger_state(province_db)
    choose_and_import(qtbot, page, monkeypatch, [good1, good3])
    lines = wait_done(qtbot, page)
    n3 = bundles.exported[Q3].record_count
    assert line_for(lines, good1) == f"{good1}: Đã nhập trước đó ({n1} bản ghi, 0 cần xem lại)"
    assert line_for(lines, good3) == f"{good3}: Đã nhận ({n3} bản ghi, 0 cần xem lại)"
    ledger, current, records = ledger_state(province_db)
    assert [row for row in ledger if row[1] != Q3] == before[0]
    assert current == [*before[1], (bundles.unit_code, Q3, 1)]
    assert records == before[2] + n3
    assert len(quarantined(province_db)) == len(refused)  # a duplicate is not quarantined
    show_period(qtbot, page, Q1)
    assert shown(page.status_model, lambda r: r.unit_code == bundles.unit_code, "records") == str(n1)
    window.close()


def test_cancel_between_files_keeps_whole_bundles_only(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, bundles: CommuneBundles,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    window, page = open_province_page(qtbot, province_db)
    files = [bundles.good[Q1], bundles.good[Q2], bundles.good[Q3]]

    # Hold the worker after the first file is imported, until the user has pressed Cancel: the moment
    # a real user's Cancel lands depends on the machine's speed, this makes it land here every time.
    first_done, cancelled = threading.Event(), threading.Event()
    real_import = exchange_import.import_bundles

    def held(db: Database, actor: Any, paths: Any, *, progress: Any = None, **kw: Any) -> Any:
        def step(done: int, total: int, name: str) -> None:
            if done == 1 and not first_done.is_set():
                first_done.set()
                cancelled.wait(60)
            progress(done, total, name)

        return real_import(db, actor, paths, progress=step, **kw)

    monkeypatch.setattr(exchange_import, "import_bundles", held)
    try:
        choose_and_import(qtbot, page, monkeypatch, files)
        qtbot.waitUntil(first_done.is_set, timeout=WAIT)
        dialog = page.findChild(QProgressDialog, "taskProgress")
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT)  # shown once the work lasts over 300 ms
        assert dialog.maximum() == len(files) and dialog.value() == 0
        assert dialog.labelText() == f"Đang nhập {files[0].name}…"
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Huỷ"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        cancelled.set()
    lines = wait_done(qtbot, page)

    n1 = bundles.exported[Q1].record_count
    assert lines[-1] == CANCELLED
    assert line_for(lines, files[0]) == f"{files[0]}: Đã nhận ({n1} bản ghi, 0 cần xem lại)"
    assert not any(str(f) in ln for f in files[1:] for ln in lines)  # never started: not reported
    ledger, current, records = ledger_state(province_db)
    assert ledger == [(bundles.exported[Q1].bundle_id, Q1, "current", n1)]
    assert current == [(bundles.unit_code, Q1, 1)]
    assert records == n1  # the first bundle whole, nothing of the others
    assert quarantined(province_db) == []
    show_period(qtbot, page, Q1)
    assert shown(page.status_model, lambda r: r.unit_code == bundles.unit_code, "received") == "Có"
    show_period(qtbot, page, Q2)
    assert shown(page.status_model, lambda r: r.unit_code == bundles.unit_code, "received") == ""

    # Importing the same three again finishes the job: nothing was left half-done to get in the way.
    monkeypatch.setattr(exchange_import, "import_bundles", real_import)
    choose_and_import(qtbot, page, monkeypatch, files)
    lines = wait_done(qtbot, page)
    assert [ln.split(": ", 1)[1].split(" (")[0] for ln in lines if not ln.startswith("Biên nhận")] == [
        "Đã nhập trước đó", "Đã nhận", "Đã nhận"]
    assert ledger_state(province_db)[2] == sum(bundles.exported[p].record_count for p in (Q1, Q2, Q3))
    window.close()
