"""Small read-only queries the GUI needs that no other service offers yet (reads only, through the
store models; each checks the actor's rights like every service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from kpi_desktop.domain.roles import Actor
from kpi_desktop.services import catalog
from kpi_desktop.services.authz import Action, allowed, require
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


@dataclass(frozen=True)
class ContractTargetView:
    seq: int
    name: str
    pillar: str | None
    unit_of_measure: str | None
    baseline: Decimal | None
    target: Decimal
    actual: Decimal | None
    direction: str
    weight: Decimal


@dataclass(frozen=True)
class ContractView:
    person_id: int
    person_code: str
    person_name: str
    body_name: str | None
    year: int
    signed_on: date | None
    state: str
    targets: list[ContractTargetView]
    vetoes: list[tuple[str, bool]]  # (description, triggered)
    targets_met_percent: str | None  # the annual service's scorecard figure; None until every actual is in


def list_contracts(db: Database, actor: Actor, year: int) -> list[ContractView]:
    """Heads' responsibility contracts for a year, with the scorecard figure the annual rating uses."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from kpi_desktop.services.annual import _contract_percent
    from kpi_desktop.store.models.core import Body
    from kpi_desktop.store.models.evaluation import ResponsibilityContract
    from kpi_desktop.store.models.people import Person

    require(actor, Action.ANNUAL_VIEW)
    out: list[ContractView] = []
    with db.session(actor) as session:
        rows = session.execute(
            select(ResponsibilityContract, Person).join(Person, Person.id == ResponsibilityContract.person_id)
            .where(ResponsibilityContract.year == year)
            .options(selectinload(ResponsibilityContract.targets), selectinload(ResponsibilityContract.veto_items))
            .order_by(Person.sort_key)).all()
        for contract, person in rows:
            if not allowed(actor, Action.ANNUAL_VIEW, person_id=person.id, body_id=contract.body_id):
                continue
            body = session.get(Body, contract.body_id) if contract.body_id else None
            out.append(ContractView(
                person.id, person.code, person.full_name, body.name if body else None, contract.year,
                contract.signed_on, contract.state,
                [ContractTargetView(t.seq, t.name, t.pillar, t.unit_of_measure, t.baseline, t.target, t.actual,
                                    t.direction, t.weight) for t in contract.targets],
                [(v.description, v.triggered) for v in contract.veto_items],
                _contract_percent(person, contract)))
    return out
