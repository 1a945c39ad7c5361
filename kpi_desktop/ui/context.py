"""What every page needs: the open database and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kpi_desktop.domain.roles import Actor, Role

if TYPE_CHECKING:  # importing the store pulls in SQLAlchemy, which the window does not need to paint
    from kpi_desktop.services.instance_lock import InstanceLock
    from kpi_desktop.store.db import Database


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    lang: str = "vi"
    # The single-instance lock this window holds on `db`; a restore must reuse it rather than take a
    # second one (which it would refuse as "already running").
    lock: InstanceLock | None = None

    def has_role(self, *roles: Role) -> bool:
        return self.actor.role in roles
