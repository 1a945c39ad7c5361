"""What every page needs: the open database and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.store.db import Database


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    lang: str = "vi"

    def has_role(self, *roles: Role) -> bool:
        return self.actor.role in roles
