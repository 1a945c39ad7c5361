"""`--db`/`KPI_DB` with PostgreSQL addresses: the accepted spellings, and a clear Vietnamese message
(never a traceback, never a password) when the server, the database or the driver is not there."""

from __future__ import annotations

import pytest
from pg_fixtures import PgServer
from sqlalchemy.engine import make_url

from kpi_desktop.errors import KpiError
from kpi_desktop.paths import resolve_db
from kpi_desktop.store.db import Database
from kpi_desktop.store.postgres import is_postgres_url, lock_key, normalise_url, safe_url


@pytest.mark.parametrize(("given", "expected"), [
    ("postgresql://kpi:pw@db.tinh.gov.vn/kpi", "postgresql+psycopg://kpi:pw@db.tinh.gov.vn/kpi"),
    ("postgres://kpi@/kpi?host=/run/postgresql", "postgresql+psycopg://kpi@/kpi?host=/run/postgresql"),
    ("postgresql+psycopg://kpi@h:5433/kpi", "postgresql+psycopg://kpi@h:5433/kpi"),
    ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
])
def test_libpq_spellings_get_the_psycopg3_driver(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_urls_are_recognised_and_paths_stay_sqlite(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_postgres_url("postgresql+psycopg://a@b/c")
    assert is_postgres_url("postgres://a@b/c")
    assert not is_postgres_url("sqlite:///x.db")
    monkeypatch.setenv("KPI_DB", "postgresql+psycopg://kpi@db/kpi_tinh")
    assert resolve_db(None) == "postgresql+psycopg://kpi@db/kpi_tinh"
    assert resolve_db("kpi.db").startswith("sqlite:///")


def test_password_is_masked() -> None:
    shown = safe_url("postgresql+psycopg://kpi:Bi-Mat_2026@db.tinh/kpi")
    assert "Bi-Mat_2026" not in shown and "***" in shown


def test_lock_keys_are_stable_signed_64_bit() -> None:
    a = lock_key("ledger", "22366", "2026-Q1")
    assert a == lock_key("ledger", "22366", "2026-Q1")
    assert a != lock_key("ledger", "22366", "2026-Q2")
    assert -(2**63) <= a < 2**63


def test_unreachable_server_is_a_clear_message(tmp_path: object) -> None:
    url = f"postgresql://kpi:Bi-Mat@/kpi?host={tmp_path}/no-server&port=5999"
    with pytest.raises(KpiError) as caught:
        Database.open(url)
    text = caught.value.user_text()
    assert "Không kết nối được máy chủ PostgreSQL" in text
    assert "Bi-Mat" not in text
    assert caught.value.field == "--db"


def test_url_without_database_name() -> None:
    with pytest.raises(KpiError, match="thiếu tên cơ sở dữ liệu"):
        Database.open("postgresql+psycopg://kpi@db.tinh")


def test_missing_driver_says_what_to_install() -> None:
    with pytest.raises(KpiError) as caught:
        Database.open("postgresql+nosuchdriver://kpi@db.tinh/kpi")
    assert "kpi-desktop[postgres]" in caught.value.user_text()


@pytest.mark.postgres
def test_missing_database_on_a_live_server(pg_server: PgServer) -> None:
    url = pg_server.url_for("kpi_khong_co")
    with pytest.raises(KpiError) as caught:
        Database.open(url)
    assert "chưa có cơ sở dữ liệu «kpi_khong_co»" in caught.value.user_text()
    assert "createdb" in (caught.value.hint or "")


@pytest.mark.postgres
def test_unknown_role_on_a_live_server(pg_server: PgServer) -> None:
    url = make_url(pg_server.url).set(username="khong_ai").render_as_string(hide_password=False)
    with pytest.raises(KpiError) as caught:
        Database.open(url)
    assert "khong_ai" in caught.value.user_text()


@pytest.mark.postgres
def test_a_database_that_cannot_hold_vietnamese_is_refused(pg_server: PgServer) -> None:
    name = "kpi_latin1_test"
    pg_server.drop_database(name)
    pg_server._exec(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        with pytest.raises(KpiError, match="không lưu được tiếng Việt"):
            Database.open(pg_server.url_for(name))
    finally:
        pg_server.drop_database(name)


@pytest.mark.postgres
def test_a_locale_collation_is_refused_because_reports_would_sort_differently(pg_server: PgServer) -> None:
    """With ICU Vietnamese collation PostgreSQL puts "sp-02" before "SP-10"; SQLite does the opposite."""
    name = "kpi_icu_vi_test"
    pg_server.drop_database(name)
    pg_server._exec(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'")
    try:
        with pytest.raises(KpiError) as caught:
            Database.open(pg_server.url_for(name))
        assert "icu:vi-VN" in caught.value.user_text()
        assert "--locale=C.UTF-8" in (caught.value.hint or "")
    finally:
        pg_server.drop_database(name)


def test_every_message_has_an_english_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    import ast
    import inspect as pyinspect

    from kpi_desktop import i18n
    from kpi_desktop.store import postgres

    tree = ast.parse(pyinspect.getsource(postgres))
    constants = {n.targets[0].id: n.value.value for n in tree.body  # type: ignore[attr-defined]
                 if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
                 and isinstance(n.targets[0], ast.Name)}
    sources = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
            arg = node.args[0]
            if isinstance(arg, ast.Name):
                sources.append(constants[arg.id])
            else:
                sources.append(ast.literal_eval(arg))
    assert len(sources) >= 15
    monkeypatch.setenv("KPI_LANG", "en")
    untranslated = [s for s in sources if i18n.tr(s) == i18n.nfc(s)]
    assert untranslated == []


def test_messages_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_LANG", "en")
    with pytest.raises(KpiError, match="has no database name"):
        Database.open("postgresql+psycopg://kpi@db.tinh")


@pytest.mark.postgres
def test_status_never_shows_the_password(pg_url: str) -> None:
    from kpi_desktop.domain.roles import SYSTEM
    from kpi_desktop.services.status import database_status

    url = make_url(pg_url).set(password="Bi-Mat_2026").render_as_string(hide_password=False)
    db = Database.open(url)  # the test server trusts local connections: any password works
    try:
        assert "Bi-Mat_2026" not in database_status(db, SYSTEM).location
    finally:
        db.close()
