"""Engine options that protect data: SQL errors never carry the statement's values."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from kpi_desktop.store.db import Database
from kpi_desktop.store.models.trust import User

SECRET_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LXNhbHQ$bMuOaGlhSGFzaC1vZi1hLXBhc3N3b3Jk"


def test_an_sql_error_message_never_contains_a_password_hash(database: Database) -> None:
    now = dt.datetime(2026, 11, 25, 9, 0)
    with database.session() as s:
        s.add(User(username="trung", password_hash="$argon2id$khac", role="clerk", created_at=now))
    with pytest.raises(IntegrityError) as caught, database.session() as s:
        s.add(User(username="trung", password_hash=SECRET_HASH, role="clerk", created_at=now))
    text = str(caught.value)
    assert "users" in text.lower()  # still says what failed …
    assert SECRET_HASH not in text and "c2VjcmV0LXNhbHQ" not in text  # … but not with which values
    assert "hidden due to hide_parameters" in text
    assert database.engine.hide_parameters


def test_both_back_ends_hide_parameters() -> None:
    from kpi_desktop.store.db import make_engine

    sqlite = make_engine("sqlite://")
    postgres = make_engine("postgresql+psycopg://kpi:mat-khau@localhost:5432/kpi_tinh")  # no connection made
    try:
        assert sqlite.hide_parameters and postgres.hide_parameters
    finally:
        sqlite.dispose()
        postgres.dispose()
