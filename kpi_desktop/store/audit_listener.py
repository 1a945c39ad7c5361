"""Flush-time listeners: the audit trail and the locked-period guard, for every service at once.

Installed once per process (importing `kpi_desktop.store.models` does it). For every row the ORM
inserts, updates or deletes in an audited table, an entry is appended to `audit_log` *in the same
transaction*, attributed to `session.info["actor"]` (set by `Database.session(actor)`), hash-chained to
the entry before it and to the previous entry of the same evaluation period. A rollback removes both
the change and its entry; a commit keeps both. Nobody has to call anything.

ORM bulk `update()`/`delete()` statements run through `Session.execute` are audited too (the affected
rows are read before and after). Plain SQL strings and Core statements on a bare connection bypass the
ORM and are not audited: services must not write audited tables that way.

The same listeners refuse any write that touches an evaluation period whose status is locked
(`StateError`), so no service can bypass the rule; reopening a locked period needs
`session.info["reason"]` and an actor with the `period.reopen` right, and the reason goes into the entry.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, bindparam, event, insert, inspect, select, update
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session

from kpi_desktop.domain.audit_chain import GENESIS, canonical_json, entry_hash, json_safe
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import StateError
from kpi_desktop.store.base import Base

log = logging.getLogger(__name__)

UNKNOWN_ACTOR = "(không rõ)"
REDACTED = "[đã ẩn]"
# Column names whose values never enter the trail, in any table (key material, secrets).
SENSITIVE_MARKERS = ("password_hash", "secret", "passphrase", "private_key", "pkcs8", "token")

# Evaluation periods: how the guard and the period attribution find them (see configure_periods()).
PERIOD_TABLE = "evaluation_periods"
PERIOD_CODE_COLUMN = "code"
PERIOD_STATUS_COLUMN = "state"
LOCKED_STATUSES = frozenset({"locked"})
MAX_FK_DEPTH = 3


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


clock: Callable[[], dt.datetime] = _utc_now
"""Where entry timestamps come from; tests may replace it."""


def configure_periods(*, table: str, code_column: str = "code", status_column: str = "status",
                      locked_statuses: Iterable[str] = ("locked",)) -> None:
    """Name the evaluation-period table (the store's model decides; called from store/models)."""
    global PERIOD_TABLE, PERIOD_CODE_COLUMN, PERIOD_STATUS_COLUMN, LOCKED_STATUSES
    PERIOD_TABLE, PERIOD_CODE_COLUMN, PERIOD_STATUS_COLUMN = table, code_column, status_column
    LOCKED_STATUSES = frozenset(locked_statuses)
    _period_paths.clear()


# --- which tables, which columns -----------------------------------------------------------------------

def is_audited(mapper: Mapper[Any]) -> bool:
    return bool(getattr(mapper.class_, "__audit__", True)) and isinstance(mapper.local_table, Table)


_redacted_cache: dict[Any, frozenset[str]] = {}
_props_cache: dict[Any, list[tuple[str, str]]] = {}


def _redacted_columns(mapper: Mapper[Any]) -> frozenset[str]:
    cached = _redacted_cache.get(mapper)
    if cached is None:
        cached = _redacted_cache[mapper] = _compute_redacted(mapper)
    return cached


def _compute_redacted(mapper: Mapper[Any]) -> frozenset[str]:
    explicit = set(getattr(mapper.class_, "__audit_redact__", ()))
    for column in mapper.local_table.columns:
        if any(marker in column.name.lower() for marker in SENSITIVE_MARKERS):
            explicit.add(column.name)
    return frozenset(explicit)


def _column_props(mapper: Mapper[Any]) -> list[tuple[str, str]]:
    """(attribute key, column name) for the mapper's own table columns."""
    cached = _props_cache.get(mapper)
    if cached is not None:
        return cached
    out = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if getattr(column, "table", None) is mapper.local_table:
            out.append((prop.key, column.name))
    _props_cache[mapper] = out
    return out


def _row_of(mapper: Mapper[Any], target: Any) -> dict[str, Any]:
    return {name: getattr(target, key, None) for key, name in _column_props(mapper)}


def _changes(mapper: Mapper[Any], target: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(target)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, name in _column_props(mapper):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else getattr(target, key, None)
        if json_safe(old) == json_safe(new) and history.deleted:
            continue
        before[name] = old
        after[name] = new
    return before, after


def _redact(row: Mapping[str, Any] | None, redacted: frozenset[str]) -> dict[str, Any] | None:
    if row is None:
        return None
    return {k: (REDACTED if k in redacted and v is not None else v) for k, v in row.items()}


def _entity_id(mapper: Mapper[Any], row: Mapping[str, Any]) -> str | None:
    table = mapper.local_table
    assert isinstance(table, Table)
    values = [row.get(col.name) for col in table.primary_key.columns]
    if all(v is None for v in values):
        return None
    return "/".join(str(v) for v in values)


# --- periods ------------------------------------------------------------------------------------------

_period_paths: dict[str, list[tuple[str, Table, str]] | None] = {}


def _period_table() -> Table | None:
    return Base.metadata.tables.get(PERIOD_TABLE)


def _path_to_period(table: Table) -> list[tuple[str, Table, str]] | None:
    """The chain of foreign keys from `table` to the period table: [(fk column, referred table, referred
    column), ...], shortest first; None when the table does not hang off a period."""
    if table.name in _period_paths:
        return _period_paths[table.name]
    periods = _period_table()
    found: list[tuple[str, Table, str]] | None = None
    if periods is not None and table is not periods:
        frontier: list[tuple[Table, list[tuple[str, Table, str]]]] = [(table, [])]
        for _depth in range(MAX_FK_DEPTH):
            next_frontier = []
            for current, path in frontier:
                for fk in sorted(current.foreign_keys, key=lambda f: f.parent.name):
                    referred = fk.column.table
                    if not isinstance(referred, Table):
                        continue
                    step = [*path, (fk.parent.name, referred, fk.column.name)]
                    if referred is periods:
                        found = step
                        break
                    next_frontier.append((referred, step))
                if found:
                    break
            if found or not next_frontier:
                break
            frontier = next_frontier
    _period_paths[table.name] = found
    return found


_hop_statements: dict[tuple[str, str, tuple[str, ...]], Any] = {}


def _hop(connection: Connection, referred: Table, ref_col: str, value: Any, wanted: tuple[str, ...],
         cache: dict[Any, Any] | None) -> Mapping[str, Any] | None:
    """One step along the foreign keys: only the columns needed next (rows can carry big JSON)."""
    key = (referred.name, ref_col, wanted, value)
    if cache is not None and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    stmt_key = (referred.name, ref_col, wanted)
    stmt = _hop_statements.get(stmt_key)
    if stmt is None:
        stmt = select(*[referred.c[c] for c in wanted]).where(referred.c[ref_col] == bindparam("v")).limit(1)
        _hop_statements[stmt_key] = stmt
    found = connection.execute(stmt, {"v": value}).mappings().first()
    result = None if found is None else dict(found)
    if cache is not None:
        cache[key] = result
    return result


def _period_columns(periods: Table) -> tuple[str, ...]:
    return tuple(c for c in ("id", PERIOD_CODE_COLUMN, PERIOD_STATUS_COLUMN, "unit_id") if c in periods.c)


def _period_row(connection: Connection, table: Table, row: Mapping[str, Any],
                cache: dict[Any, Any] | None = None) -> Mapping[str, Any] | None:
    periods = _period_table()
    if periods is None:
        return None
    if table is periods:
        return row
    path = _path_to_period(table)
    if not path:
        return _year_period(connection, periods, table, row)
    value = row.get(path[0][0])
    for index, (_col, referred, ref_col) in enumerate(path):
        if value is None:
            return None
        last = index + 1 == len(path)
        wanted = _period_columns(referred) if last else (path[index + 1][0],)
        fetched = _hop(connection, referred, ref_col, value, wanted, cache)
        if fetched is None:
            return None
        if last:
            return fetched
        value = fetched.get(path[index + 1][0])
    return None


def _year_period(connection: Connection, periods: Table, table: Table,
                 row: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Rows of a year (annual classifications, Party reviews, contracts) belong to that year's period."""
    if "year" not in table.c or row.get("year") is None:
        return None
    code = str(row["year"])
    query = select(periods).where(periods.c[PERIOD_CODE_COLUMN] == code)
    if "unit_id" in table.c and "unit_id" in periods.c and row.get("unit_id") is not None:
        query = query.where(periods.c.unit_id == row["unit_id"])
    found = connection.execute(query.limit(1)).mappings().first()
    return dict(found) if found is not None else {PERIOD_CODE_COLUMN: code}


def _period_code(connection: Connection, table: Table, row: Mapping[str, Any],
                 cache: dict[Any, Any] | None = None) -> str | None:
    if "period_code" in table.c and row.get("period_code"):
        return str(row["period_code"])
    period = _period_row(connection, table, row, cache)
    if period is None:
        return None
    code = period.get(PERIOD_CODE_COLUMN)
    return None if code is None else str(code)


def _is_locked(period: Mapping[str, Any] | None) -> bool:
    return period is not None and str(period.get(PERIOD_STATUS_COLUMN)) in LOCKED_STATUSES


_NEW_PERIODS = "_kpi_new_periods"
_LOOKUPS = "_kpi_period_lookups"


def _lookup_cache(session: Session | None) -> dict[Any, Any] | None:
    """Foreign-key lookups towards the period, cached until the (sub)transaction ends."""
    if session is None:
        return None
    cache: dict[Any, Any] = session.info.setdefault(_LOOKUPS, {})
    return cache
LOCKED_MESSAGE = "Kỳ đánh giá «{code}» đã khoá: mọi người chỉ được xem, không được sửa."
LOCKED_HINT = "Cán bộ tổ chức có thể mở lại kỳ (phải ghi rõ lý do; việc mở lại được ghi nhật ký)."


def _guard(session: Session | None, connection: Connection, mapper: Mapper[Any], target_row: Mapping[str, Any],
           *, old_row: Mapping[str, Any] | None = None) -> None:
    table = mapper.local_table
    if not isinstance(table, Table):
        return
    periods = _period_table()
    if periods is not None and table is periods:
        _guard_period_row(session, connection, table, target_row, old_row)
        return
    created_here = session.info.get(_NEW_PERIODS, set()) if session is not None else set()
    cache = _lookup_cache(session)
    for row in (old_row, target_row):
        if row is None:
            continue
        period = _period_row(connection, table, row, cache)
        if _is_locked(period):
            assert period is not None
            if period.get("id") is not None and period.get("id") in created_here:
                continue  # a period created locked in this same transaction (history brought in)
            raise StateError(LOCKED_MESSAGE.format(code=period.get(PERIOD_CODE_COLUMN)), hint=LOCKED_HINT)


def _guard_period_row(session: Session | None, connection: Connection, table: Table,
                      row: Mapping[str, Any], old_row: Mapping[str, Any] | None) -> None:
    if old_row is None:  # a new period may be created locked (e.g. history brought in by the demo)
        return
    found = connection.execute(
        select(table).where(*[c == old_row.get(c.name) for c in table.primary_key.columns])).mappings().first()
    stored = None if found is None else dict(found)
    if not _is_locked(stored):
        return
    assert stored is not None
    code = stored.get(PERIOD_CODE_COLUMN)
    if row is old_row:  # a delete
        raise StateError(LOCKED_MESSAGE.format(code=code), hint=LOCKED_HINT)
    new_status = str(row.get(PERIOD_STATUS_COLUMN))
    if new_status in LOCKED_STATUSES:
        raise StateError(LOCKED_MESSAGE.format(code=code), hint=LOCKED_HINT)
    reason = (session.info.get("reason") if session is not None else None) or ""
    if not str(reason).strip() and "reopen_reason" in table.c and row.get("reopen_reason") != stored.get("reopen_reason"):
        reason = row.get("reopen_reason") or ""
    if not str(reason).strip():
        raise StateError(f"Mở lại kỳ «{code}» phải ghi rõ lý do.", field="reason",
                         hint="Nhập lý do mở lại; lý do được ghi vào nhật ký thay đổi.")
    from kpi_desktop.services.authz import Action, require

    actor = session.info.get("actor") if session is not None else None
    require(actor, Action.PERIOD_REOPEN)


# --- writing entries ----------------------------------------------------------------------------------

def _audit_tables() -> tuple[Table, Table]:
    return Base.metadata.tables["audit_log"], Base.metadata.tables["audit_head"]


_statements: dict[str, Any] = {}


def _stmt(name: str) -> Any:
    """Statements built once: per-row construction of Core statements costs more than the SQL itself."""
    if not _statements:
        log_table, head_table = _audit_tables()
        _statements.update({
            "head": select(head_table.c.seq, head_table.c.hash).where(head_table.c.id == 1),
            "head_locked": select(head_table.c.seq, head_table.c.hash).where(head_table.c.id == 1)
            .with_for_update(),
            "period_last": select(log_table.c.hash).where(log_table.c.period_code == bindparam("code"))
            .order_by(log_table.c.seq.desc()).limit(1),
            "insert_entry": insert(log_table),
            "insert_head": insert(head_table),
            "update_head": update(head_table).where(head_table.c.id == 1),
        })
    return _statements[name]


_CHAIN = "_kpi_audit_chain"


def _chain(connection: Connection, session: Session | None) -> dict[str, Any]:
    """The chain's head as this transaction sees it, cached on the session until the (sub)transaction
    ends, plus entries waiting to be written at the end of the current flush."""
    state: dict[str, Any] | None = session.info.get(_CHAIN) if session is not None else None
    if state is None:
        # A server database serialises writers on the head row; SQLite's write lock already does.
        head = connection.execute(_stmt("head" if connection.dialect.name == "sqlite" else "head_locked")).first()
        state = {"seq": 0 if head is None else int(head.seq), "hash": GENESIS if head is None else str(head.hash),
                 "head_exists": head is not None, "periods": {}, "pending": [], "period_rows": {}}
        if session is not None:
            session.info[_CHAIN] = state
    return state


def _write_pending(connection: Connection, state: dict[str, Any]) -> None:
    pending = state["pending"]
    if not pending:
        return
    connection.execute(_stmt("insert_entry"), pending)
    values = {"seq": state["seq"], "hash": state["hash"]}
    if state["head_exists"]:
        connection.execute(_stmt("update_head"), values)
    else:
        connection.execute(_stmt("insert_head"), {"id": 1, **values})
        state["head_exists"] = True
    state["pending"] = []


def append_entry(connection: Connection, *, actor: Actor | None, action: str, entity: str,
                 entity_id: str | None, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None,
                 period_code: str | None = None, reason: str | None = None, session: Session | None = None,
                 defer: bool = False) -> dict[str, Any]:
    """Append one entry to the trail inside the caller's transaction.

    `defer=True` (only during a flush, with a session) queues it; the session's `after_flush` writes the
    queue in one statement. Otherwise it is written at once.
    """
    state = _chain(connection, session)
    period_prev_hash = None
    if period_code is not None:
        period_prev_hash = state["periods"].get(period_code)
        if period_prev_hash is None:
            last = connection.execute(_stmt("period_last"), {"code": period_code}).scalar()
            period_prev_hash = GENESIS if last is None else str(last)
    entry: dict[str, Any] = {
        "ts": clock().astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": actor.username if actor is not None else UNKNOWN_ACTOR,
        "actor_role": str(actor.role) if actor is not None else None,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "period_code": period_code,
        "before": json_safe(before) if before is not None else None,
        "after": json_safe(after) if after is not None else None,
        "reason": reason or None,
        "prev_hash": state["hash"],
        "period_prev_hash": period_prev_hash,
    }
    for key in ("ts", "actor", "action", "entity", "entity_id", "period_code", "reason"):
        entry[key] = json_safe(entry[key])  # NFC, as the verifier will see them
    entry["hash"] = entry_hash(entry, prepared=True)  # every field is JSON-safe already
    seq = state["seq"] + 1
    stored = dict(entry, seq=seq,
                  before=None if before is None else canonical_json(entry["before"], prepared=True).decode("utf-8"),
                  after=None if after is None else canonical_json(entry["after"], prepared=True).decode("utf-8"))
    state["seq"], state["hash"] = seq, entry["hash"]
    if period_code is not None:
        state["periods"][period_code] = entry["hash"]
    state["pending"].append(stored)
    if not (defer and session is not None):
        _write_pending(connection, state)
    entry["seq"] = seq
    return entry


def _after_flush(session: Session, _context: Any) -> None:
    state = session.info.get(_CHAIN)
    if state is not None and state["pending"]:
        _write_pending(session.connection(), state)


def _end_of_transaction(session: Session, _transaction: Any) -> None:
    # A rolled-back (sub)transaction may have taken entries with it: read the head afresh next time.
    session.info.pop(_CHAIN, None)
    session.info.pop(_LOOKUPS, None)


def _session_context(session: Session | None) -> tuple[Actor | None, str | None]:
    if session is None:
        return None, None
    actor = session.info.get("actor")
    reason = session.info.get("reason")
    return (actor if isinstance(actor, Actor) else None), (str(reason) if reason else None)


def _log_row(connection: Connection, session: Session | None, mapper: Mapper[Any], action: str,
             before: Mapping[str, Any] | None, after: Mapping[str, Any] | None,
             row_for_period: Mapping[str, Any], *, defer: bool = True) -> None:
    table = mapper.local_table
    assert isinstance(table, Table)
    redacted = _redacted_columns(mapper)
    actor, reason = _session_context(session)
    append_entry(connection, actor=actor, action=action, entity=table.name,
                 entity_id=_entity_id(mapper, row_for_period),
                 before=_redact(before, redacted), after=_redact(after, redacted),
                 period_code=_period_code(connection, table, row_for_period, _lookup_cache(session)),
                 reason=reason,
                 session=session, defer=defer)


# --- ORM events ----------------------------------------------------------------------------------------

def _old_row(mapper: Mapper[Any], target: Any) -> dict[str, Any]:
    """The row as stored before this flush's changes."""
    state = inspect(target)
    row = {}
    for key, name in _column_props(mapper):
        history = state.attrs[key].history
        row[name] = history.deleted[0] if history.deleted else getattr(target, key, None)
    return row


def _before_insert(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if is_audited(mapper):
        _guard(object_session(target), connection, mapper, _row_of(mapper, target))


def _before_update(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    session = object_session(target)
    if is_audited(mapper) and (session is None or session.is_modified(target, include_collections=False)):
        _guard(object_session(target), connection, mapper, _row_of(mapper, target),
               old_row=_old_row(mapper, target))


def _before_delete(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if is_audited(mapper):
        row = _old_row(mapper, target)
        _guard(object_session(target), connection, mapper, row, old_row=row)


def _after_insert(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if is_audited(mapper):
        row = _row_of(mapper, target)
        session = object_session(target)
        if session is not None and mapper.local_table is _period_table():
            session.info.setdefault(_NEW_PERIODS, set()).add(row.get("id"))
        _log_row(connection, object_session(target), mapper, "insert", None, row, row)


def _after_update(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if not is_audited(mapper):
        return
    before, after = _changes(mapper, target)
    if not after:
        return
    _log_row(connection, object_session(target), mapper, "update", before, after, _row_of(mapper, target))


def _after_delete(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if is_audited(mapper):
        row = _old_row(mapper, target)
        _log_row(connection, object_session(target), mapper, "delete", row, None, row)


_INNER = "_kpi_audit_inner"


def _do_orm_execute(state: ORMExecuteState) -> Any:
    """ORM-enabled bulk UPDATE/DELETE/INSERT statements: audit each affected row."""
    if state.execution_options.get(_INNER) or not (state.is_update or state.is_delete or state.is_insert):
        return None
    mapper = state.bind_arguments.get("mapper")
    if mapper is None or not is_audited(mapper):
        return None
    table = mapper.local_table
    session = state.session
    connection = session.connection()
    pk_cols = list(table.primary_key.columns)
    if state.is_insert:
        result = state.invoke_statement()
        params: Any = state.parameters
        rows: list[Any] = params if isinstance(params, list) else [params] if params else []
        for params_row in rows:
            row = {k if isinstance(k, str) else getattr(k, "key", str(k)): v for k, v in dict(params_row).items()}
            _guard(session, connection, mapper, row)
            _log_row(connection, session, mapper, "insert", None, row, row, defer=False)
        return result
    where = state.statement.whereclause  # type: ignore[attr-defined]
    query = select(table) if where is None else select(table).where(where)
    before_rows = [dict(r) for r in connection.execute(query).mappings()]
    for row in before_rows:
        _guard(session, connection, mapper, row, old_row=row)
    result = state.invoke_statement()
    for old in before_rows:
        if state.is_delete:
            _log_row(connection, session, mapper, "delete", old, None, old, defer=False)
            continue
        new = connection.execute(select(table).where(*[c == old[c.name] for c in pk_cols])).mappings().first()
        if new is None:
            continue
        new_row = dict(new)
        _guard(session, connection, mapper, new_row)
        changed = {k for k in new_row if json_safe(new_row[k]) != json_safe(old.get(k))}
        if changed:
            _log_row(connection, session, mapper, "update", {k: old.get(k) for k in sorted(changed)},
                     {k: new_row[k] for k in sorted(changed)}, new_row, defer=False)
    return result


_installed = False


def install() -> None:
    """Register the listeners (idempotent)."""
    global _installed
    if _installed:
        return
    for name, fn in (("before_insert", _before_insert), ("before_update", _before_update),
                     ("before_delete", _before_delete), ("after_insert", _after_insert),
                     ("after_update", _after_update), ("after_delete", _after_delete)):
        event.listen(Base, name, fn, propagate=True)
    event.listen(Session, "do_orm_execute", _do_orm_execute)
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "after_transaction_end", _end_of_transaction)
    _installed = True


def record_event(session: Session, action: str, entity: str, entity_id: str | None = None, *,
                 details: Mapping[str, Any] | None = None, period_code: str | None = None) -> None:
    """Append an entry that is not a row change (a login, an export, a verification, a forwarding)."""
    # Row changes first: their DML takes the database's write lock before the chain head is read.
    session.flush()
    actor, reason = _session_context(session)
    append_entry(session.connection(), actor=actor, action=action, entity=entity, entity_id=entity_id,
                 before=None, after=details, period_code=period_code, reason=reason, session=session)


def decode_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)
