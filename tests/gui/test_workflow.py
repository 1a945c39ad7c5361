"""Each role's main path through real widgets, against a temporary database.

A staff member fills in and submits Mẫu 01 (the score updates as they type), the head adjusts one
criterion with a reason and approves, the clerk closes the period and rates the year and records
the decision; the stored figures are then checked against `kpi score`, the engine's own CLI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.services import auth, evaluation, people, units
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Product
from kpi_desktop.store.models.evaluation import Assignment, CompletionRecord, DelayEvent, QualityFailure
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.periods import PeriodsPage
from kpi_desktop.ui.pages.year import YearPage

from .helpers import type_text

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]
WARD = "22453"  # Xã Cam Lâm, Khánh Hòa
PASSWORD = "mật-khẩu-đủ-dài"


def kpi_cli(*args: str, stdin: str) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "kpi_desktop", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def unit_db(db: Database) -> dict[str, object]:
    """A commune with a head and a staff member of the same body, accounts, and Q1 with assignments."""
    units.create_unit(db, SYSTEM, WARD)
    admin = auth.create_first_admin(db, "quantri", PASSWORD)
    body = next(b for b in units.list_bodies(db, SYSTEM) if b.code == "PKT")
    head_id = people.create_person(db, SYSTEM, people.NewPerson(
        code="CC-0001", full_name="Trần Văn Bình", category="cong_chuc", start_date=date(2020, 1, 1),
        body_code="PKT", role="head", title="Trưởng phòng Kinh tế"))
    staff_id = people.create_person(db, SYSTEM, people.NewPerson(
        code="CC-0002", full_name="Nguyễn Thị Ánh", category="cong_chuc", start_date=date(2021, 3, 1),
        body_code="PKT", role="staff"))
    auth.create_user(db, admin, "binh", PASSWORD, Role.HEAD, display_name="Trần Văn Bình",
                     person_id=head_id, body_id=body.id, must_change_password=False)
    auth.create_user(db, admin, "anh", PASSWORD, Role.STAFF, display_name="Nguyễn Thị Ánh",
                     person_id=staff_id, must_change_password=False)
    auth.create_user(db, admin, "tochuc", PASSWORD, Role.CLERK, display_name="Lê Thu Hà",
                     must_change_password=False)
    clerk = auth.login(db, "tochuc", PASSWORD)
    period = evaluation.open_period(db, clerk, "2026-Q1")
    # Arrange the quarter's work directly in the store: no GUI screen records assignments yet.
    with db.session(SYSTEM) as s:
        products = s.query(Product).order_by(Product.code).limit(2).all()
        a1 = Assignment(period_id=period.id, person_id=staff_id, product_id=products[0].id,
                        quantity=Decimal(10), k=products[0].k)
        a1.completions.append(CompletionRecord(quantity=Decimal(10), completed_on=date(2026, 3, 20)))
        a1.delays.append(DelayEvent(count=2, exempt=False))
        a2 = Assignment(period_id=period.id, person_id=staff_id, product_id=products[1].id,
                        quantity=Decimal(4), k=products[1].k)
        a2.completions.append(CompletionRecord(quantity=Decimal(4), completed_on=date(2026, 3, 25)))
        a2.quality_failures.append(QualityFailure(count=1, exempt=False))
        s.add_all([a1, a2])
    return {"staff_id": staff_id, "head_id": head_id, "body_id": body.id}


def window_for(qtbot: QtBot, db: Database, username: str) -> MainWindow:
    actor = auth.login(db, username, PASSWORD)
    window = MainWindow(AppContext(db, actor))
    qtbot.addWidget(window)
    window.show()
    return window


def test_staff_head_clerk_main_paths(qtbot: QtBot, kpi_app: QApplication, db: Database,
                                     unit_db: dict[str, object], tmp_path: Path) -> None:
    staff_id = unit_db["staff_id"]

    # --- staff: fill in Mẫu 01, watch the score move, submit --------------------------------------
    window = window_for(qtbot, db, "anh")
    assert "year" in window.page_names() and "catalogues" in window.page_names()
    page = window.show_page("periods")
    assert isinstance(page, PeriodsPage)
    form = page.form
    qtbot.waitUntil(lambda: form.person_id == staff_id and form.isEnabled())
    assert not form.self_points["a"].isReadOnly() and form.review_points["a"].isReadOnly()
    assert not form.review_button.isVisible()
    for key, text in (("a", "9"), ("b", "8,5"), ("c", "9")):
        form.self_points[key].clear()
        type_text(form.self_points[key], text)
    qtbot.waitUntil(lambda: form.results["general_points"].text() == "26,50")
    live_total = form.results["total"].text()
    type_text(form.self_points["c"], "x")  # a typo: message next to the field, no score
    qtbot.waitUntil(lambda: form.point_messages["c"].isVisible())
    assert "không phải là số" in form.point_messages["c"].text()
    qtbot.keyClick(form.self_points["c"], Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not form.point_messages["c"].isVisible())
    type_text(form.strengths, "Hoàn thành đủ hồ sơ được giao.")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    view = evaluation.get_evaluation(db, SYSTEM, "2026-Q1", staff_id)  # type: ignore[arg-type]
    assert view.state == "submitted"
    assert view.strengths == "Hoàn thành đủ hồ sơ được giao."
    assert f"{view.self_total:.2f}".replace(".", ",") == live_total
    assert not form.submit_button.isVisible()  # submitted: no more edits
    window.close()

    # --- head: adjust b with a reason, approve ------------------------------------------------------
    window = window_for(qtbot, db, "binh")
    page = window.show_page("periods")
    assert isinstance(page, PeriodsPage)
    form = page.form
    row = page.model.row_of(lambda v: v.person_id == staff_id)
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.waitUntil(lambda: form.person_id == staff_id and form.review_button.isVisible())
    form.review_points["b"].clear()
    type_text(form.review_points["b"], "7")
    qtbot.waitUntil(lambda: form.results["general_points"].text() == "25,00")
    qtbot.mouseClick(form.approve_button, Qt.MouseButton.LeftButton)
    assert form.reason_message.isVisible()  # an adjustment needs a reason
    type_text(form.adjust_reason, "Chất lượng tham mưu còn hạn chế.")
    qtbot.mouseClick(form.approve_button, Qt.MouseButton.LeftButton)
    view = evaluation.get_evaluation(db, SYSTEM, "2026-Q1", staff_id)  # type: ignore[arg-type]
    assert view.state == "approved"
    assert view.general_reviewer["b"] == Decimal(7)
    assert view.adjust_reason == "Chất lượng tham mưu còn hạn chế."
    window.close()

    # the stored score is what the engine's CLI computes from the stored inputs
    cli = kpi_cli("score", "period", "-", stdin=json.dumps(view.inputs))
    assert Decimal(cli["total"]) == view.total and cli["level"] == view.band

    # --- clerk: close the period, rate the year, decide ---------------------------------------------
    window = window_for(qtbot, db, "tochuc")
    page = window.show_page("periods")
    assert isinstance(page, PeriodsPage)
    # print the period's forms: a batch in the background, with progress
    handle = page.export_pdf(folder=str(tmp_path / "pdf"))
    assert handle is not None
    with qtbot.waitSignal(handle.finished, timeout=60000) as printed:
        pass
    assert printed.args == [True]
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert [p.name[:17] for p in pdfs] == ["Mau01_2026-Q1_CC-"]
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    assert "Đã ghi 1 tệp PDF" in page.period_state.text()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert evaluation.list_periods(db, SYSTEM)[0].state == "locked"
    assert page.reopen_button.isEnabled() and not page.close_button.isEnabled()
    year = window.show_page("year")
    assert isinstance(year, YearPage)
    year.year.setValue(2026)
    qtbot.mouseClick(year.rate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not year.busy() and year.model.rowCount() == 1, timeout=20000)
    # the head has no period score of their own: reported in plain Vietnamese, not rated
    assert "Trần Văn Bình" in year.summary.text() and "không đủ dữ liệu" in year.summary.text()
    row = year.model.record(0)
    assert row.person_id == staff_id and row.mean == view.total
    assert not year.decide_button.isVisibleTo(year)  # the clerk proposes; the competent head decides
    window.close()

    # --- head: decide the year (the over-quota case first), publish ----------------------------------
    window = window_for(qtbot, db, "binh")
    year = window.show_page("year")
    assert isinstance(year, YearPage)
    year.year.setValue(2026)
    qtbot.waitUntil(lambda: year.model.rowCount() == 1)
    type_text(year.decision_no, "15/QĐ-UBND")
    if row.over_quota:
        # over the group's quota: the decision is refused until the competent level decides this case
        qtbot.mouseClick(year.decide_button, Qt.MouseButton.LeftButton)
        assert year.message.isVisible() and row.person_code in year.message.text()
        year.table.setCurrentIndex(year.model.index(0, 0))
        year.table.selectRow(0)
        year.final_combo.setCurrentIndex(year.final_combo.findData("HTXS"))
        qtbot.mouseClick(year.set_final, Qt.MouseButton.LeftButton)
        assert year.final_message.isVisible()  # keeping HTXS over the quota needs a reason
        year.final_combo.setCurrentIndex(year.final_combo.findData("HTT"))
        qtbot.mouseClick(year.set_final, Qt.MouseButton.LeftButton)
        assert not year.final_message.isVisible()
    expected_final = "HTT" if row.over_quota else row.level
    qtbot.mouseClick(year.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: year.tabs.currentIndex() == 1)
    decided = year.model.record(0)
    assert decided.final_level == expected_final
    assert "Nguyễn Thị Ánh" in year.publication.toPlainText()

    annual_in = {"ruleset": row.ruleset_id, "person": {"code": "CC-0002", "role": "staff"}, "year": 2026,
                 "periods": [{"period": "2026-Q1", "total": str(view.total)}], "months_worked": 12,
                 "maternity_leave": False, "vetoes": []}
    cli = kpi_cli("score", "annual", "-", stdin=json.dumps(annual_in))
    assert Decimal(cli["mean"]) == row.mean and cli["level"] == row.level
    window.close()


def test_locked_period_is_read_only_for_staff(qtbot: QtBot, kpi_app: QApplication, db: Database,
                                              unit_db: dict[str, object]) -> None:
    clerk = auth.login(db, "tochuc", PASSWORD)
    evaluation.close_period(db, clerk, "2026-Q1")
    window = window_for(qtbot, db, "anh")
    page = window.show_page("periods")
    assert isinstance(page, PeriodsPage)
    qtbot.waitUntil(lambda: page.form.person_id == unit_db["staff_id"])
    assert all(e.isReadOnly() for e in page.form.self_points.values())
    assert not page.form.submit_button.isVisible()
    assert "Kỳ đã khoá" in page.form.message.text()
    window.close()


def test_role_decides_pages(qtbot: QtBot, kpi_app: QApplication, db: Database, unit_db: dict[str, object]) -> None:
    admin = Actor(username="quantri", role=Role.ADMIN)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    assert "year" not in window.page_names()  # the administrator runs the machine, not the ratings
    clerk = MainWindow(AppContext(db, auth.login(db, "tochuc", PASSWORD)))
    qtbot.addWidget(clerk)
    assert {"dashboard", "periods", "year", "people", "catalogues"} <= set(clerk.page_names())
    periods = clerk.show_page("periods")
    assert isinstance(periods, PeriodsPage) and periods.close_button.isVisibleTo(periods)
    staff = MainWindow(AppContext(db, auth.login(db, "anh", PASSWORD)))
    qtbot.addWidget(staff)
    page = staff.show_page("periods")
    assert isinstance(page, PeriodsPage) and not page.close_button.isVisibleTo(page)
