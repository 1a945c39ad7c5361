"""Opening a database for an interactive session (the GUI), with the trust chores done in order.

    opened = open_for_session(db_arg)      # AlreadyRunning (a StateError) if another window has it
    ...                                    # opened.db, opened.warnings (show them), opened.forwarded
    opened.close()                         # at exit: closes the database, releases the lock

1. the instance lock (`<db>.lock`) is taken *before* the database is opened or migrated;
2. the database is opened (and migrated, with the store's backup before a migration);
3. the once-a-day backup is made;
4. steps past their deadline are forwarded (as SYSTEM) and the defaults recorded.
A failing backup or forwarding does not stop the session; it becomes a warning to show.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.errors import KpiError
from kpi_desktop.services import backup, deadlines
from kpi_desktop.services.instance_lock import InstanceLock, acquire_instance_lock
from kpi_desktop.store.db import Database

log = logging.getLogger(__name__)


@dataclass
class OpenedSession:
    db: Database
    lock: InstanceLock | None
    daily_backup: Path | None = None
    forwarded: list[deadlines.DueStep] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()


def open_for_session(db_arg: str | None, *, program: str = "KPI Desktop",
                     today: dt.date | None = None) -> OpenedSession:
    lock = acquire_instance_lock(db_arg, program=program)
    try:
        db = Database.open(db_arg)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    opened = OpenedSession(db=db, lock=lock)
    try:
        opened.daily_backup = backup.daily_backup(db)
    except (KpiError, OSError) as exc:
        log.warning("daily backup failed: %s", exc)
        opened.warnings.append("Không sao lưu tự động được hôm nay: "
                               + (exc.message if isinstance(exc, KpiError) else str(exc)))
    try:
        opened.forwarded = deadlines.forward_overdue(db, SYSTEM, today=today)
    except KpiError as exc:
        log.warning("deadline forwarding failed: %s", exc)
        opened.warnings.append("Không tự chuyển được các bước quá hạn: " + exc.message)
    return opened


def close_quietly(opened: OpenedSession | None) -> None:
    if opened is not None:
        with contextlib.suppress(Exception):
            opened.close()
