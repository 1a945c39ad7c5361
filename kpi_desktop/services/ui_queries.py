"""Small read-only queries the GUI needs that no other service offers yet (reads only, through the
store models; each checks the actor's rights like every service)."""

from __future__ import annotations

from typing import Any

from kpi_desktop.domain.roles import Actor
from kpi_desktop.services import catalog
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database


def catalogue_document(db: Database, actor: Actor) -> dict[str, Any]:
    """The whole catalogue as the catalogue service's JSON exchange document (for editing one row)."""
    require(actor, Action.CATALOG_VIEW)
    with db.session(actor) as session:
        return catalog.catalogue_document(session)


def product_document(db: Database, actor: Actor, code: str) -> dict[str, Any] | None:
    """One product as it appears in the exchange document, or None."""
    doc = catalogue_document(db, actor)
    return next((p for p in doc.get("products", []) if p.get("code") == code), None)
