"""Application settings stored in the database (JSON values), with defaults in code."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from kpi_desktop.domain.roles import Actor
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.trust import AppSetting

DEFAULTS: dict[str, Any] = {
    "auth.max_failures": 5,  # wrong passwords in a row before the account is locked
    "auth.lockout_minutes": 15,
    "backup.keep_automatic": 14,  # automatic backups kept per database (manual ones are never pruned)
    "deadlines.self_assessment_days": 5,  # [S] days after a period ends; local Quy chế decides
    "deadlines.review_days": 10,  # [S] days after the self-assessment is due
    "deadlines.annual_self_day": "11-30",  # [S] MM-DD
    "deadlines.annual_review_day": "12-10",  # [S] MM-DD
    "deadlines.annual_decision_day": "12-14",  # before 15 December (ND 90 Art 20; ND 335 Art 21)
}


def get_setting(session: Session, key: str) -> Any:
    row = session.get(AppSetting, key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def read_setting(db: Database, key: str) -> Any:
    with db.session() as session:
        return get_setting(session, key)


def set_setting(db: Database, actor: Actor, key: str, value: Any) -> None:
    require(actor, Action.SETTINGS_EDIT)
    with db.session(actor) as session:
        row = session.get(AppSetting, key)
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if row is None:
            session.add(AppSetting(key=key, value=text))
        else:
            row.value = text
