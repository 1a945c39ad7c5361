# ruff: noqa: F811  (the demo fixtures are imported from demo_db.py: tests/gui/conftest.py belongs to the GUI area)
"""Sở Nội vụ imports the communes' real .kpib files through the province page: the file chooser, the
import off the GUI thread with its progress dialog, the per-file result the clerk reads, the overview
tables afterwards; hostile files in the same batch as good ones; Cancel between files. And one
regression found on the way: a PDF can still be signed after bundles were read in the same process."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from collections.abc import Iterator
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
from .province_bundles import PROVINCE_PASSWORD, PROVINCE_USER, Commune, ProvinceInbox, build

pytestmark = pytest.mark.gui
WAIT = 120_000  # the machine running the suite may be loaded
Q1, Q2, Q3, Q4, YEAR = "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"
CANCELLED = "Đã huỷ theo yêu cầu."


@pytest.fixture(scope="module")
def inbox(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> ProvinceInbox:
    """The communes' exports, built once for the module (demo builder, key generation, exports)."""
    return build(demo_file, tmp_path_factory.mktemp("xa-gui-so"))


@pytest.fixture
def province_db(inbox: ProvinceInbox, tmp_path: Path, data_dir: Path) -> Iterator[Database]:
    path = tmp_path / "so-noi-vu.db"
    shutil.copyfile(inbox.province_template, path)
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


def accepted(commune: Commune, period: str, label: str = "Đã nhận") -> str:
    """The page's line for a bundle the province took in."""
    records, flags = commune.exported[period].record_count, commune.flag_count(period)
    return f"{commune.good[period]}: {label} ({records} bản ghi, {flags} cần xem lại)"


def shown(model: RecordTableModel[Any], unit_code: str, column: str) -> str:
    """The text the table shows in `column` of the row of `unit_code`."""
    row = model.row_of(lambda r: r.unit_code == unit_code)
    assert row >= 0, unit_code
    col = next(i for i in range(model.columnCount()) if model.columns[i].key == column)
    return str(model.data(model.index(row, col, QModelIndex()), Qt.ItemDataRole.DisplayRole))


def show_period(qtbot: QtBot, page: ProvincePage, period: str) -> None:
    page.period.setText(period)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert not page.period_message.isVisible()


def ledger_state(db: Database) -> tuple[list[tuple[str, str, str, str, int]], list[tuple[str, str, int]], int]:
    """Everything an import writes: ledger rows, current bundles, imported records."""
    with db.session() as s:
        ledger = sorted((r.bundle_id, r.unit_code, r.period, r.status, r.record_count)
                        for r in s.scalars(select(LedgerEntry)))
        current = sorted((c.unit_code, c.period, c.sequence) for c in s.scalars(select(CurrentBundle)))
        records = int(s.scalar(select(func.count()).select_from(ImportedRecord)) or 0)
    return ledger, current, records


def ledger_of(inbox: ProvinceInbox, *which: tuple[str, str]) -> list[tuple[str, str, str, str, int]]:
    """The ledger rows expected once the bundles (commune "first"/"second", period) are imported."""
    out = []
    for name, period in which:
        result = getattr(inbox, name).exported[period]
        out.append((result.bundle_id, result.unit_code, period, "current", result.record_count))
    return sorted(out)


def quarantined(db: Database) -> list[tuple[str, str]]:
    with db.session() as s:
        return sorted((q.file_name, q.reason_code) for q in s.scalars(select(QuarantineEntry)))


def test_import_real_bundles_through_the_page_and_see_the_communes_in_the_overview(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, inbox: ProvinceInbox,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    window, page = open_province_page(qtbot, province_db)
    a, b = inbox.first, inbox.second
    show_period(qtbot, page, Q1)
    assert shown(page.status_model, a.unit_code, "received") == ""  # nothing received yet
    assert page.summary.text().startswith(f"Kỳ {Q1}: 0/")

    files = [a.good[Q1], a.good[Q2], b.good[Q1], b.good[Q4]]
    asked = choose_and_import(qtbot, page, monkeypatch, files)
    assert asked == [("Nhập gói dữ liệu của các xã", "Gói dữ liệu KPI (*.kpib);;Mọi tệp (*)")]
    lines = wait_done(qtbot, page)

    na1, na2, nb1 = (a.exported[Q1].record_count, a.exported[Q2].record_count, b.exported[Q1].record_count)
    assert min(na1, na2, nb1) > 10
    assert lines[0] == "Đã nhận 4/4 tệp."
    assert lines[1:5] == [accepted(a, Q1), accepted(a, Q2), accepted(b, Q1), accepted(b, Q4)]
    assert lines[4].endswith(" 1 cần xem lại)")  # the second commune's old Q4 score
    assert len(lines) == 6 and lines[5].startswith("Biên nhận: ")
    assert Path(lines[5].removeprefix("Biên nhận: ")).is_file()  # the signed receipt for the communes

    # The period overview: both communes received, with their record counts; the others still missing.
    show_period(qtbot, page, Q1)
    status = page.status_model
    for commune, n in ((a, na1), (b, nb1)):
        assert shown(status, commune.unit_code, "received") == "Có"
        assert shown(status, commune.unit_code, "records") == str(n)
        assert shown(status, commune.unit_code, "flags") == "0"
        assert shown(status, commune.unit_code, "late") == ""
    total_units = status.rowCount()
    assert total_units > 2  # the demo PKI registers the demo communes besides these two
    assert page.summary.text().startswith(f"Kỳ {Q1}: 2/{total_units} xã đã gửi.")
    assert page.flags_model.rowCount() == 0  # the province's recomputation agrees with every Q1 record
    show_period(qtbot, page, Q2)
    assert shown(status, a.unit_code, "received") == "Có" and shown(status, b.unit_code, "received") == ""
    assert page.summary.text().startswith(f"Kỳ {Q2}: 1/{total_units} xã đã gửi.")
    communes = page.communes_model
    assert shown(communes, a.unit_code, "periods") == f"{Q1}, {Q2}"
    assert shown(communes, a.unit_code, "records") == str(na1 + na2)
    assert shown(communes, a.unit_code, "flags") == "0"
    assert shown(communes, b.unit_code, "periods") == f"{Q1}, {Q4}"
    assert shown(communes, b.unit_code, "records") == str(nb1 + b.exported[Q4].record_count)
    assert shown(communes, b.unit_code, "flags") == "1"

    # Q4: the second commune's bundle is in, with the one score the province computes otherwise.
    show_period(qtbot, page, Q4)
    assert shown(status, b.unit_code, "records") == str(b.exported[Q4].record_count)
    assert shown(status, b.unit_code, "flags") == "1"
    assert shown(status, a.unit_code, "received") == ""
    (flag,) = b.flags
    flags = page.flags_model
    assert flags.rowCount() == 1
    row = {c.key: str(flags.data(flags.index(0, i, QModelIndex()), Qt.ItemDataRole.DisplayRole))
           for i, c in enumerate(flags.columns)}
    assert row == {"unit": b.unit_code, "period": Q4, "person": flag.full_name, "field": "total",
                   "sent": flag.sent, "recomputed": flag.recomputed,
                   "message": f"Kết quả «total» gửi lên {flag.sent} khác kết quả tính lại {flag.recomputed}."}

    # The province holds the very numbers the communes approved, person by person.
    actor = page.ctx.actor
    for commune, period in ((a, Q1), (a, Q2), (b, Q1)):
        rows = province.results(province_db, actor, commune.unit_code, period)
        assert {r.person_code: (r.total, r.band) for r in rows} == commune.scores[period]
    assert quarantined(province_db) == []
    window.close()


def test_hostile_files_are_refused_with_their_reason_and_the_rest_of_the_batch_imports(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, inbox: ProvinceInbox,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    window, page = open_province_page(qtbot, province_db)
    a, b = inbox.first, inbox.second
    junk, tampered, foreign = inbox.not_a_bundle, inbox.tampered, inbox.foreign
    choose_and_import(qtbot, page, monkeypatch, [junk, a.good[Q1], tampered, foreign, b.good[Q1]])
    lines = wait_done(qtbot, page)

    refused = {junk: "not_der", tampered: "bad_signature", foreign: "not_for_us"}
    for path, code in refused.items():
        assert line_for(lines, path) == f"{path}: Bị từ chối — {MESSAGES[code]}"
    assert line_for(lines, a.good[Q1]) == accepted(a, Q1)
    assert line_for(lines, b.good[Q1]) == accepted(b, Q1)
    assert lines[0] == ("Đã nhận 2/5 tệp. 3 tệp bị từ chối hoặc giữ lại chờ xem xét, đã chép vào thư mục cách ly "
                        f"{data_dir / 'quarantine'}.")

    # Only the good files wrote anything; each refused file was set aside with its reason.
    ledger, current, records = ledger_state(province_db)
    assert ledger == ledger_of(inbox, ("first", Q1), ("second", Q1))
    assert current == sorted([(a.unit_code, Q1, 1), (b.unit_code, Q1, 1)])
    assert records == a.exported[Q1].record_count + b.exported[Q1].record_count
    assert quarantined(province_db) == sorted((p.name, c) for p, c in refused.items())
    kept = list((data_dir / "quarantine").glob("*.kpib"))
    assert sorted(p.name.split("-", 3)[-1] for p in kept) == sorted(p.name for p in refused)
    assert all(p.with_name(p.name + ".reason.json").is_file() for p in kept)
    for period in (Q4, YEAR):  # the periods of the tampered and the foreign bundle: still not received
        show_period(qtbot, page, period)
        assert shown(page.status_model, a.unit_code, "received") == ""

    # The same Q1 file again, with Q3: Q1 is «already imported» and changes nothing, Q3 imports.
    before = ledger_state(province_db)
    choose_and_import(qtbot, page, monkeypatch, [a.good[Q1], a.good[Q3]])
    lines = wait_done(qtbot, page)
    assert line_for(lines, a.good[Q1]) == accepted(a, Q1, "Đã nhập trước đó")
    assert line_for(lines, a.good[Q3]) == accepted(a, Q3)
    ledger, current, records = ledger_state(province_db)
    assert ledger == sorted([*before[0], *ledger_of(inbox, ("first", Q3))])
    assert current == sorted([*before[1], (a.unit_code, Q3, 1)])
    assert records == before[2] + a.exported[Q3].record_count
    assert len(quarantined(province_db)) == len(refused)  # a duplicate is not quarantined
    show_period(qtbot, page, Q1)
    assert shown(page.status_model, a.unit_code, "records") == str(a.exported[Q1].record_count)
    window.close()


class CancelAt:
    """Holds the import worker when `done` files are finished (just before the page checks for Cancel),
    until the test has pressed Cancel: when a real user's Cancel lands depends on the machine's speed;
    this makes it land at the same point every time."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, done: int) -> None:
        self.reached, self.released = threading.Event(), threading.Event()
        real_import = exchange_import.import_bundles

        def held(db: Database, actor: Any, paths: Any, *, progress: Any = None, **kw: Any) -> Any:
            def step(n: int, total: int, name: str) -> None:
                if n == done and not self.reached.is_set():
                    self.reached.set()
                    self.released.wait(60)
                progress(n, total, name)

            return real_import(db, actor, paths, progress=step, **kw)

        monkeypatch.setattr(exchange_import, "import_bundles", held)

    def press_cancel(self, qtbot: QtBot, page: ProvincePage, *, value: int, total: int, label: str) -> None:
        """Once the worker is held: the progress dialog shows `value`/`total` and `label`; click «Huỷ»."""
        try:
            qtbot.waitUntil(self.reached.is_set, timeout=WAIT)
            dialog = page.findChild(QProgressDialog, "taskProgress")
            assert dialog is not None
            qtbot.waitUntil(dialog.isVisible, timeout=WAIT)  # shown once the work lasts over 300 ms
            qtbot.waitUntil(lambda: dialog.value() == value, timeout=WAIT)
            assert dialog.maximum() == total and dialog.labelText() == label
            cancel = dialog.findChild(QPushButton)
            assert cancel is not None and cancel.text() == "Huỷ"
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        finally:
            self.released.set()


def test_cancel_in_a_province_sized_batch_keeps_whole_bundles_only(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, inbox: ProvinceInbox,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """Eight files (from eight on, the checks run in worker processes); Cancel after the third."""
    window, page = open_province_page(qtbot, province_db)
    a, b = inbox.first, inbox.second
    which = [("first", p) for p in (Q1, Q2, Q3)] + [("second", p) for p in (Q1, Q2, Q3, Q4, YEAR)]
    files = [getattr(inbox, name).good[period] for name, period in which]
    assert len(files) >= exchange_import.PARALLEL_MIN_FILES

    real_import = exchange_import.import_bundles
    hold = CancelAt(monkeypatch, done=3)
    others = set(multiprocessing.active_children())
    choose_and_import(qtbot, page, monkeypatch, files)
    qtbot.waitUntil(hold.reached.is_set, timeout=WAIT)
    workers = [p for p in multiprocessing.active_children() if p not in others]  # none on one CPU
    hold.press_cancel(qtbot, page, value=2, total=len(files), label=f"Đang nhập {files[2].name}…")
    lines = wait_done(qtbot, page)

    # The page says which files were imported before the Cancel, then that the rest was not.
    assert lines == [accepted(getattr(inbox, name), period) for name, period in which[:3]] + [CANCELLED]
    ledger, current, records = ledger_state(province_db)
    assert ledger == ledger_of(inbox, *which[:3])
    assert current == [(a.unit_code, p, 1) for p in (Q1, Q2, Q3)]
    assert records == sum(a.exported[p].record_count for p in (Q1, Q2, Q3))  # whole bundles, nothing else
    assert quarantined(province_db) == []
    # The checks not started are dropped: the worker processes go away.
    qtbot.waitUntil(lambda: not any(p.is_alive() for p in workers), timeout=WAIT)
    show_period(qtbot, page, Q1)
    assert shown(page.status_model, a.unit_code, "received") == "Có"
    assert shown(page.status_model, b.unit_code, "received") == ""

    # Importing the five not imported finishes the job: nothing half-done is in the way.
    monkeypatch.setattr(exchange_import, "import_bundles", real_import)
    choose_and_import(qtbot, page, monkeypatch, files[3:])
    lines = wait_done(qtbot, page)
    assert [line_for(lines, f) for f in files[3:]] == [accepted(b, period) for _name, period in which[3:]]
    assert ledger_state(province_db)[0] == ledger_of(inbox, *which)
    show_period(qtbot, page, YEAR)
    assert shown(page.status_model, b.unit_code, "records") == str(b.exported[YEAR].record_count)
    window.close()


def test_cancel_pressed_as_the_last_file_finishes_keeps_the_receipt(
        qtbot: QtBot, kpi_app: QApplication, province_db: Database, inbox: ProvinceInbox,
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """Every file is imported when the user's Cancel arrives: the batch is complete, so it ends as
    one, with the communes' receipt, and is not reported as cancelled."""
    window, page = open_province_page(qtbot, province_db)
    a = inbox.first
    files = [a.good[Q1], a.good[Q2]]
    hold = CancelAt(monkeypatch, done=len(files))
    choose_and_import(qtbot, page, monkeypatch, files)
    hold.press_cancel(qtbot, page, value=1, total=len(files), label=f"Đang nhập {files[1].name}…")
    lines = wait_done(qtbot, page)
    assert lines[1:3] == [accepted(a, Q1), accepted(a, Q2)]
    assert len(lines) == 4 and lines[3].startswith("Biên nhận: ")
    assert Path(lines[3].removeprefix("Biên nhận: ")).is_file()
    assert ledger_state(province_db)[0] == ledger_of(inbox, ("first", Q1), ("first", Q2))
    window.close()


def test_a_province_database_without_keys_says_what_to_do_and_writes_nothing(
        qtbot: QtBot, kpi_app: QApplication, inbox: ProvinceInbox, tmp_path: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(str(tmp_path / "so-chua-cai-khoa.db"))
    try:
        admin = auth.create_first_admin(db, "quantri", PROVINCE_PASSWORD)
        auth.create_user(db, admin, PROVINCE_USER, PROVINCE_PASSWORD, "province_hr", must_change_password=False)
        window, page = open_province_page(qtbot, db)
        choose_and_import(qtbot, page, monkeypatch, [inbox.first.good[Q1]])
        lines = wait_done(qtbot, page)
        assert lines == ["Chưa cấu hình chứng thư gốc của Sở cho trao đổi dữ liệu. "
                         "Chạy «kpi pki install» (hoặc «kpi pki demo» để thử)."]
        assert ledger_state(db) == ([], [], 0) and quarantined(db) == []
        window.close()
    finally:
        db.close()


SIGN_AFTER_READING = """
import io, sys
from pathlib import Path
from reportlab.pdfgen import canvas
from kpi_desktop.exchange import cms, pki
from kpi_desktop.exchange.signer import FileKeySigner

folder, code = Path(sys.argv[1]), sys.argv[2]
cert_path, key_path = folder / f"unit-{code}.pem", folder / f"unit-{code}.key"
root = pki.load_cert(folder / "province-root.pem")
signed = FileKeySigner(pki.load_cert(cert_path), pki.load_key(key_path), [root]).sign(b"payload.zip")
cms.verify_signed(signed, [root])  # what every import, and the export's self-check, does first

from kpi_desktop.reports.signing import load_signer, sign_pdf  # later in the same session: sign a form

buf = io.BytesIO()
page = canvas.Canvas(buf)
page.drawString(72, 720, "Mau 01")
page.save()
sign_pdf(buf.getvalue(), load_signer(cert_path, key_path))
print("signed")
"""


def test_a_pdf_can_still_be_signed_after_bundles_were_read(inbox: ProvinceInbox, tmp_path: Path) -> None:
    """Reading a bundle used to leave asn1crypto's name cache without the names pyHanko needs, so a PDF
    signed later in the same session failed ('signing_certificate_v2'). A fresh process, since the
    cache is per process and other tests may already have filled it."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", SIGN_AFTER_READING, str(inbox.pki_dir), inbox.first.unit_code],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == "signed", proc.stderr[-2000:]
