"""Catalogue packs as use cases: the province builds and signs one; a commune verifies, compares and applies.

`build_pack(db, actor, out)` snapshots the province database's positions, job descriptions, competency
frameworks, products and rule-set parameters into a signed `catalog-pack` bundle.

`import_pack(db, actor, file, accept=False)` verifies the province's signature (chain to the pinned
root, signer not a unit certificate), compares the pack with the local catalogue three ways (against
the last pack applied here) and applies it. When the commune edited an item that the pack changes, it
applies nothing, stores the pack as pending and returns the differences; `accept=True` applies anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, StateError
from kpi_desktop.exchange import bundle, catalog_pack, payload, pki
from kpi_desktop.exchange.catalog_pack import Difference
from kpi_desktop.exchange.reasons import BundleRejected
from kpi_desktop.services import exchange_settings as settings_svc
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write
from kpi_desktop.store.models.catalog import (
    Competency,
    CompetencyLevel,
    JobDescription,
    JobPosition,
    JobTask,
    Product,
)
from kpi_desktop.store.models.exchange import CatalogPack, ExchangeSetting

POSITION_FIELDS = ("name", "group", "framework_list", "framework_code", "category", "field", "career_step_min",
                   "career_step_max", "active", "note")
COMPETENCY_FIELDS = ("name", "kind", "description", "sort_order")
PRODUCT_FIELDS = ("name", "unit_of_measure", "work_group", "complexity_group", "k", "standard_points",
                  "standard_hours", "status", "description", "active")
DESCRIPTION_FIELDS = ("objective", "working_relations", "scope_of_authority", "requirements", "conditions")
TASK_FIELDS = ("kind", "task", "output_products", "evaluation_criteria", "career_step")
DECIMAL_FIELDS = {"k": 3, "standard_points": 2, "standard_hours": 2}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def snapshot(s: Session) -> dict[str, dict[str, dict[str, Any]]]:
    """The local catalogue in the pack's shape."""
    positions = {p.code: {f: _plain(getattr(p, f)) for f in POSITION_FIELDS} for p in s.scalars(select(JobPosition))}
    competencies: dict[str, dict[str, Any]] = {}
    for c in s.scalars(select(Competency)):
        item = {f: getattr(c, f) for f in COMPETENCY_FIELDS}
        item["levels"] = {str(lv.level): lv.descriptor for lv in sorted(c.levels, key=lambda x: x.level)}
        competencies[c.code] = item
    products = {p.code: {f: _plain(getattr(p, f)) for f in PRODUCT_FIELDS} for p in s.scalars(select(Product))}
    descriptions: dict[str, dict[str, Any]] = {}
    for pos in s.scalars(select(JobPosition)):
        if not pos.descriptions:
            continue
        desc = max(pos.descriptions, key=lambda d: d.version)
        item = {f: getattr(desc, f) for f in DESCRIPTION_FIELDS}
        item["tasks"] = [{f: getattr(t, f) for f in TASK_FIELDS} for t in sorted(desc.tasks, key=lambda t: t.seq)]
        descriptions[pos.code] = item
    params_row = s.get(ExchangeSetting, "ruleset_params")
    params = dict(params_row.value) if params_row is not None and isinstance(params_row.value, dict) else {}
    return {"positions": positions, "competencies": competencies, "products": products,
            "descriptions": descriptions, "ruleset_params": params}


# ---------------------------------------------------------------------------------------------
# Province: build


@dataclass(frozen=True)
class BuiltPack:
    path: Path
    pack_id: str
    version: int
    counts: dict[str, int]


def build_pack(db: Database, actor: Actor, out: Path, *, title: str = "",
               ruleset_params: dict[str, Any] | None = None) -> BuiltPack:
    require(actor, Action.BUNDLE_EXPORT)
    require(actor, Action.CATALOG_EDIT)
    signer = settings_svc.province_signer(db)
    if pki.unit_code_of(signer.certificate) is not None:
        raise StateError("Chứng thư ký gói danh mục phải là của Sở, không phải của một đơn vị.")
    with db.session(actor) as s:
        sections = snapshot(s)
        if ruleset_params is not None:
            sections["ruleset_params"] = ruleset_params
        last = s.scalar(select(CatalogPack.version).order_by(CatalogPack.version.desc()).limit(1))
        version = (last or 0) + 1
    content = {"version": version, "title": title or f"Danh mục của Sở Nội vụ, phiên bản {version}",
               "sections": sections}
    try:
        data, manifest = bundle.build_signed("catalog-pack", {"catalog.json": payload.dumps(content) + b"\n"},
                                             signer, pack_version=version)
    except BundleRejected as exc:
        raise StateError(f"Danh mục có giá trị không đóng gói được: {exc.user_text()}") from exc
    atomic_write(out, data)
    with db.session(actor) as s:
        s.add(CatalogPack(pack_id=manifest["bundle_id"], version=version, status="built", content=content,
                          signer_cert_sha256=manifest["signer_cert_sha256"]))
    return BuiltPack(out, manifest["bundle_id"], version, {k: len(v) for k, v in sections.items()})


# ---------------------------------------------------------------------------------------------
# Commune: import


@dataclass
class PackImport:
    pack_id: str
    version: int
    applied: bool
    differences: list[Difference] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Difference]:
        return [d for d in self.differences if d.kind == "conflict"]


def open_pack(db: Database, data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    trust = settings_svc.load_trust(db, with_decryption=False)
    opened = bundle.open_signed(data, trust, "catalog-pack", bundle.is_province_signer)
    content = catalog_pack.validate_content(payload.loads_strict(opened.entries["catalog.json"], "catalog.json"))
    return opened.manifest, content


def import_pack(db: Database, actor: Actor, path: Path, *, accept: bool = False) -> PackImport:
    require(actor, Action.CATALOG_EDIT)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp «{path}»: {exc.strerror}.", field="file") from exc
    manifest, content = open_pack(db, data)
    version = content["version"]
    with db.session(actor) as s:
        existing = s.scalar(select(CatalogPack).where(CatalogPack.pack_id == manifest["bundle_id"]))
        if existing is not None and existing.status == "applied":
            return PackImport(manifest["bundle_id"], version, applied=False)
        last = s.scalar(select(CatalogPack).where(CatalogPack.status == "applied")
                        .order_by(CatalogPack.version.desc()).limit(1))
        if last is not None and version <= last.version:
            raise StateError(f"Gói danh mục phiên bản {version} cũ hơn (hoặc bằng) phiên bản đang dùng {last.version}.",
                             hint="Hãy nhập gói mới nhất của Sở.")
        diffs = catalog_pack.compare(content["sections"], snapshot(s), last.content["sections"] if last else None)
        conflicts = [d for d in diffs if d.kind == "conflict"]
        apply = accept or not conflicts
        row = existing or CatalogPack(pack_id=manifest["bundle_id"], version=version, status="pending",
                                      content=content, signer_cert_sha256=manifest["signer_cert_sha256"])
        row.differences = [d.as_dict() for d in diffs]
        if apply:
            _apply(s, content["sections"])
            row.status = "applied"
            row.applied_at = datetime.now(UTC).replace(tzinfo=None)
        if existing is None:
            s.add(row)
    return PackImport(manifest["bundle_id"], version, applied=apply, differences=diffs)


def _dec(name: str, value: Any) -> Any:
    if name in DECIMAL_FIELDS and value is not None:
        return Decimal(str(value))
    return value


def _apply(s: Session, sections: dict[str, dict[str, dict[str, Any]]]) -> None:
    positions = {p.code: p for p in s.scalars(select(JobPosition))}
    for code, item in sections.get("positions", {}).items():
        pos = positions.get(code)
        if pos is None:
            pos = JobPosition(code=code, name=item.get("name", code), group=item.get("group", "chuyen_mon_nghiep_vu"))
            s.add(pos)
            positions[code] = pos
        for f in POSITION_FIELDS:
            if f in item:
                setattr(pos, f, item[f])
    s.flush()
    comps = {c.code: c for c in s.scalars(select(Competency))}
    for code, item in sections.get("competencies", {}).items():
        comp = comps.get(code)
        if comp is None:
            comp = Competency(code=code, name=item.get("name", code), kind=item.get("kind", "chung"))
            s.add(comp)
        for f in COMPETENCY_FIELDS:
            if f in item:
                setattr(comp, f, item[f])
        if isinstance(item.get("levels"), dict):
            wanted = {int(k): v for k, v in item["levels"].items()}
            if {lv.level: lv.descriptor for lv in comp.levels} != wanted:
                comp.levels.clear()
                s.flush()  # delete before insert: (competency, level) is unique
                comp.levels.extend(CompetencyLevel(level=k, descriptor=v) for k, v in sorted(wanted.items()))
    products = {p.code: p for p in s.scalars(select(Product))}
    for code, item in sections.get("products", {}).items():
        prod = products.get(code)
        if prod is None:
            prod = Product(code=code, name=item.get("name", code), unit_of_measure=item.get("unit_of_measure", ""),
                           complexity_group=item.get("complexity_group", "N1"), k=_dec("k", item.get("k", "1")))
            s.add(prod)
        for f in PRODUCT_FIELDS:
            if f in item:
                setattr(prod, f, _dec(f, item[f]))
    for code, item in sections.get("descriptions", {}).items():
        pos = positions.get(code)
        if pos is None:
            continue
        desc = max(pos.descriptions, key=lambda d: d.version) if pos.descriptions else None
        if desc is None:
            desc = JobDescription(position=pos, version=1)
            s.add(desc)
        for f in DESCRIPTION_FIELDS:
            if f in item:
                setattr(desc, f, item[f])
        if isinstance(item.get("tasks"), list):
            current = [{f: getattr(t, f) for f in TASK_FIELDS} for t in desc.tasks]
            wanted_tasks = [{f: t.get(f) for f in TASK_FIELDS} for t in item["tasks"]]
            if current != wanted_tasks:
                desc.tasks.clear()
                s.flush()
                desc.tasks.extend(JobTask(seq=i, **{f: v for f, v in t.items() if v is not None})
                                  for i, t in enumerate(wanted_tasks, 1))
    if "ruleset_params" in sections:
        row = s.get(ExchangeSetting, "ruleset_params")
        if row is None:
            s.add(ExchangeSetting(key="ruleset_params", value=sections["ruleset_params"]))
        else:
            row.value = sections["ruleset_params"]
