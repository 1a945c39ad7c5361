"""`kpi recompute`: recompute every stored score from its stored inputs and report every difference.

A stored score is reproducible when the same inputs, under the same rule set (same id *and* same
sha256 of the rule-set file), give the same result. Differences reported:
- any field of the stored result that the engine now computes differently;
- the stored `total`/`band` columns disagreeing with the stored result (an edited row);
- a rule set whose file has changed since (its sha256 differs) or that no longer exists.
A different engine version alone is not a difference; it is counted so the operator can see it.

For a province-sized database the check can run in several processes (`jobs`); rows are read in one
read-only transaction and checked in chunks.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import String, Text, cast, select, type_coerce

from kpi_desktop.domain.roles import Actor
from kpi_desktop.domain.scoring import ENGINE_VERSION, load_ruleset, score_annual, score_period
from kpi_desktop.errors import KpiError
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.people import Person

CHUNK = 2000
IGNORED = frozenset({"engine_version"})


@dataclass(frozen=True)
class Difference:
    kind: str  # "period" or "annual"
    record_id: int
    person_code: str
    period: str  # period code, or the year for an annual classification
    field: str
    stored: str | None
    recomputed: str | None

    def text_vi(self) -> str:
        what = "kỳ" if self.kind == "period" else "năm"
        return (f"{self.person_code} {what} {self.period}: {self.field} đã lưu «{self.stored}», "
                f"tính lại «{self.recomputed}»")


@dataclass(frozen=True)
class RecomputeReport:
    checked: int
    differences: list[Difference]
    engine_versions: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.differences


Row = tuple[str, int, str, str, str | None, str | None, str | None, str | None, str | None, str | None]
# (kind, id, person code, period, inputs json, result json, ruleset id, ruleset sha256, total, band)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def check_rows(rows: Sequence[Row]) -> tuple[list[Difference], Counter[str]]:
    """Recompute a chunk of stored rows (pure: runs in a worker process too)."""
    diffs: list[Difference] = []
    versions: Counter[str] = Counter()
    shas: dict[str, str | None] = {}
    for kind, rid, person, period, inputs_json, result_json, rs_id, rs_sha, total, band in rows:
        def add(field_: str, stored: Any, new: Any, *, kind: str = kind, rid: int = rid, person: str = person,
                period: str = period) -> None:
            diffs.append(Difference(kind, rid, person, period, field_, _text(stored), _text(new)))

        if inputs_json is None or result_json is None:
            add("inputs", None if inputs_json is None else "…", "không có dữ liệu đầu vào hoặc kết quả đã lưu")
            continue
        stored = json.loads(result_json)
        versions[str(stored.get("engine_version"))] += 1
        if rs_id not in shas:
            try:
                shas[rs_id or ""] = load_ruleset(rs_id).sha256
            except KpiError:
                shas[rs_id or ""] = None
        current_sha = shas[rs_id or ""]
        if current_sha is None:
            add("ruleset", rs_id, "bộ quy tắc không còn trong phần mềm")
            continue
        if rs_sha != current_sha:
            add("ruleset_sha256", rs_sha, current_sha)
            continue
        try:
            doc = json.loads(inputs_json, parse_float=Decimal)
            new = score_period(doc) if kind == "period" else score_annual(doc)
        except KpiError as exc:
            add("inputs", "…", exc.user_text())
            continue
        for key in sorted(set(stored) | set(new)):
            if key not in IGNORED and stored.get(key) != new.get(key):
                add(key, stored.get(key), new.get(key))
        col_total = new.get("total") if kind == "period" else new.get("mean")
        if total is not None and col_total is not None and Decimal(total) != Decimal(col_total):
            add("cột total", total, col_total)
        col_band = new.get("level")
        if band is not None and kind == "period" and band != col_band:
            add("cột band", band, col_band)
        if kind == "annual" and band is not None and band != new.get("band"):
            add("cột band", band, new.get("band"))
    return diffs, versions


def _period_rows(db: Database, period: str | None, id_range: tuple[int, int] | None = None) -> Iterator[Row]:
    # CAST(… AS TEXT) hands over the JSON exactly as stored on every back end (PostgreSQL's driver
    # would otherwise parse a json column itself, with binary floats), for json.loads(parse_float=Decimal).
    pe = PeriodEvaluation
    q = (select(pe.id, Person.code, EvaluationPeriod.code, cast(pe.inputs, Text),
                cast(pe.result, Text), pe.ruleset_id, pe.ruleset_sha256, type_coerce(pe.total, String),
                pe.band)
         .join(Person, Person.id == pe.person_id).join(EvaluationPeriod, EvaluationPeriod.id == pe.period_id)
         .where(pe.result.is_not(None)).order_by(pe.id))
    if period is not None:
        q = q.where(EvaluationPeriod.code == period)
    if id_range is not None:
        q = q.where(pe.id >= id_range[0], pe.id < id_range[1])
    with db.engine.connect() as conn:
        for r in conn.execution_options(yield_per=CHUNK).execute(q):
            yield ("period", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])


def _annual_rows(db: Database, year: int | None, id_range: tuple[int, int] | None = None) -> Iterator[Row]:
    ac = AnnualClassification
    q = (select(ac.id, Person.code, ac.year, cast(ac.inputs, Text), cast(ac.result, Text),
                ac.ruleset_id, ac.ruleset_sha256, type_coerce(ac.total, String), ac.band)
         .join(Person, Person.id == ac.person_id).where(ac.result.is_not(None)).order_by(ac.id))
    if year is not None:
        q = q.where(ac.year == year)
    if id_range is not None:
        q = q.where(ac.id >= id_range[0], ac.id < id_range[1])
    with db.engine.connect() as conn:
        for r in conn.execution_options(yield_per=CHUNK).execute(q):
            yield ("annual", r[0], r[1], str(r[2]), r[3], r[4], r[5], r[6], r[7], r[8])


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def recompute(db: Database, actor: Actor, *, period: str | None = None, jobs: int = 1) -> RecomputeReport:
    """Recompute the stored period evaluations (of `period`, or all) and annual classifications (of
    the year `period`, or all when no period is given)."""
    require(actor, Action.SCORE_RECOMPUTE)
    started = time.perf_counter()
    jobs = max(1, jobs if jobs > 0 else (os.cpu_count() or 1))
    tasks: list[tuple[str, str | int | None]] = []
    if period is None:
        tasks = [("period", None), ("annual", None)]
    elif period.strip().isdigit():
        tasks = [("annual", int(period))]
    else:
        from kpi_desktop.services.evaluation import _normalise_code

        tasks = [("period", _normalise_code(period))]
    diffs: list[Difference] = []
    versions: Counter[str] = Counter()
    checked = 0
    for kind, which in tasks:
        if jobs == 1 or db.path is None:
            rows = _period_rows(db, which) if kind == "period" else _annual_rows(db, which)  # type: ignore[arg-type]
            outputs: Iterator[tuple[tuple[list[Difference], Counter[str]], int]] = (
                _counted(c) for c in _chunks(rows, CHUNK))
            checked += _collect(outputs, diffs, versions)
        else:
            # Each worker reads its own slice of ids from its own connection: no row crosses processes.
            ranges = _id_ranges(db, kind, CHUNK * 2)
            work = [(db.url, kind, which, lo, hi) for lo, hi in ranges]
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                checked += _collect(pool.map(_check_range, work), diffs, versions)
    diffs.sort(key=lambda d: (d.kind != "period", d.record_id, d.field))
    return RecomputeReport(checked, diffs, dict(versions), time.perf_counter() - started)


def _collect(outputs: Iterable[tuple[tuple[list[Difference], Counter[str]], int]], diffs: list[Difference],
             versions: Counter[str]) -> int:
    checked = 0
    for (d, v), n in outputs:
        diffs.extend(d)
        versions.update(v)
        checked += n
    return checked


def _id_ranges(db: Database, kind: str, size: int) -> list[tuple[int, int]]:
    table = PeriodEvaluation if kind == "period" else AnnualClassification
    with db.engine.connect() as conn:
        ids = [row[0] for row in conn.execute(select(table.id).order_by(table.id))]
    return [(ids[i], (ids[i + size] if i + size < len(ids) else ids[-1] + 1)) for i in range(0, len(ids), size)]


_WORKER_DB: dict[str, Database] = {}


def _check_range(job: tuple[str, str, str | int | None, int, int]) -> tuple[tuple[list[Difference], Counter[str]], int]:
    url, kind, which, lo, hi = job
    db = _WORKER_DB.get(url)
    if db is None:
        db = _WORKER_DB[url] = Database.open(url, migrate=False)
    rows = list(_period_rows(db, which, (lo, hi)) if kind == "period"  # type: ignore[arg-type]
                else _annual_rows(db, which, (lo, hi)))  # type: ignore[arg-type]
    return check_rows(rows), len(rows)


def _counted(chunk: list[Row]) -> tuple[tuple[list[Difference], Counter[str]], int]:
    return check_rows(chunk), len(chunk)


__all__ = ["ENGINE_VERSION", "Difference", "RecomputeReport", "check_rows", "recompute"]
