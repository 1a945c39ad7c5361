"""The hash chain of the audit trail: canonical JSON, entry hashes, and the verifiers.

Each entry's hash is the SHA-256 of the canonical JSON of its content *including the previous entry's
hash* (`prev_hash`), so editing, deleting, inserting or reordering any entry breaks the chain from
that point on. Entries of one evaluation period are also chained among themselves
(`period_prev_hash`), so that a period's entries exported into a bundle (audit.jsonl) can be verified
on their own, without the rest of the database.

The sequence number `seq` is *not* hashed: it is the stored order, and the chain says what the order
should be, so a reordering shows up as a link pointing at the wrong neighbour.

Canonical JSON: UTF-8, Unicode NFC, keys sorted, no insignificant whitespace, no NaN or infinities.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import hashlib
import json
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

GENESIS = "0" * 64

HASHED_FIELDS: tuple[str, ...] = (
    "ts", "actor", "actor_role", "action", "entity", "entity_id", "period_code",
    "before", "after", "reason", "prev_hash", "period_prev_hash",
)
EXPORT_FIELDS: tuple[str, ...] = ("seq", *HASHED_FIELDS, "hash")


def json_safe(value: Any) -> Any:
    """A JSON-ready copy of `value`: dates as ISO 8601, decimals as strings, bytes by their digest."""
    kind = type(value)
    if kind is str:
        return unicodedata.normalize("NFC", value)
    if kind is dict:
        return {(unicodedata.normalize("NFC", k) if type(k) is str else str(json_safe(k))): json_safe(v)
                for k, v in value.items()}
    if value is None or kind is int or kind is bool:
        return value
    if kind is list:
        return [json_safe(v) for v in value]
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("NaN/Infinity cannot go into the audit trail")
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, enum.Enum):
        return json_safe(value.value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        # Digest only: binary columns can hold key material, which the trail must never carry.
        return {"$bytes": {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}}
    if isinstance(value, Mapping):
        return {str(json_safe(k)): json_safe(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((json_safe(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return json_safe(str(value))


def canonical_json(value: Any, *, prepared: bool = False) -> bytes:
    """`prepared=True`: `value` already went through json_safe (skip the second walk)."""
    return json.dumps(value if prepared else json_safe(value), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False).encode("utf-8")


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def entry_hash(entry: Mapping[str, Any], *, prepared: bool = False) -> str:
    """The hash of an entry: SHA-256 over the canonical JSON of its hashed fields."""
    content = {name: entry.get(name) for name in HASHED_FIELDS}
    return hashlib.sha256(canonical_json(content, prepared=prepared)).hexdigest()


@dataclass(frozen=True)
class Problem:
    """One finding of a verification. `seq` is the entry it names (None: the chain as a whole)."""

    seq: int | None
    kind: str  # edited | deleted | reordered | inserted | truncated | malformed
    message: str  # Vietnamese

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "kind": self.kind, "message": self.message}


def _seq(entry: Mapping[str, Any]) -> int:
    return int(entry["seq"])


def verify_chain(entries: Sequence[Mapping[str, Any]], *, head: tuple[int, str] | None = None) -> list[Problem]:
    """Check the whole trail, in stored order (ascending `seq`). Names every entry that was edited,
    deleted, inserted or reordered. `head` is the (seq, hash) of the last entry as recorded separately
    at write time; with it, entries deleted at the end are found as well."""
    problems: list[Problem] = []
    entries = sorted(entries, key=_seq)
    self_ok: dict[int, bool] = {}
    position_of_hash: dict[str, int] = {}
    for entry in entries:
        seq = _seq(entry)
        ok = entry_hash(entry) == entry.get("hash")
        self_ok[seq] = ok
        if not ok:
            problems.append(Problem(seq, "edited",
                                    f"Mục #{seq} đã bị sửa: nội dung không còn khớp với mã băm của nó."))
        position_of_hash.setdefault(str(entry.get("hash")), seq)

    reported_edited_after_rehash: set[int] = set()
    prev: Mapping[str, Any] | None = None
    for entry in entries:
        seq = _seq(entry)
        expected_seq = 1 if prev is None else _seq(prev) + 1
        gap = seq > expected_seq
        for missing in range(expected_seq, seq):
            problems.append(Problem(missing, "deleted", f"Mục #{missing} đã bị xoá khỏi nhật ký."))
        expected_link = GENESIS if prev is None else str(prev.get("hash"))
        link = entry.get("prev_hash")
        if link != expected_link:
            target = position_of_hash.get(str(link))
            prev_seq = None if prev is None else _seq(prev)
            if link == GENESIS and prev is not None:
                problems.append(Problem(seq, "inserted",
                                        f"Mục #{seq} tự nhận là mục đầu tiên của nhật ký nhưng lại đứng sau "
                                        f"mục #{prev_seq}: có mục bị chèn hoặc đảo thứ tự."))
            elif target is not None and target != prev_seq:
                problems.append(Problem(seq, "reordered",
                                        f"Mục #{seq} đứng sau mục #{prev_seq} nhưng chuỗi băm nối nó với "
                                        f"mục #{target}: thứ tự các mục đã bị đảo."))
            elif gap:
                pass  # explained by the deletion reported above
            elif prev is not None and self_ok.get(_seq(prev), False):
                if _seq(prev) not in reported_edited_after_rehash:
                    reported_edited_after_rehash.add(_seq(prev))
                    problems.append(Problem(_seq(prev), "edited",
                                            f"Mục #{_seq(prev)} đã bị sửa (kể cả mã băm): mục #{seq} "
                                            "không còn trỏ tới nó."))
            elif prev is None:
                problems.append(Problem(seq, "deleted",
                                        f"Phần đầu nhật ký trước mục #{seq} đã bị xoá hoặc thay thế."))
            # else: prev is already reported as edited
        prev = entry

    if head is not None:
        head_seq, head_hash = head
        last_seq = _seq(entries[-1]) if entries else 0
        if last_seq < head_seq:
            for missing in range(last_seq + 1, head_seq + 1):
                problems.append(Problem(missing, "deleted", f"Mục #{missing} đã bị xoá khỏi cuối nhật ký."))
        elif last_seq == head_seq and entries and entries[-1].get("hash") != head_hash:
            problems.append(Problem(last_seq, "edited",
                                    f"Mục cuối #{last_seq} đã bị thay: không khớp với dấu ghi khi lưu."))
        elif last_seq > head_seq:
            for extra in range(head_seq + 1, last_seq + 1):
                problems.append(Problem(extra, "inserted",
                                        f"Mục #{extra} được thêm vào ngoài chương trình (sau dấu cuối đã ghi)."))
    problems.sort(key=lambda p: (p.seq if p.seq is not None else 0, p.kind))
    return _dedupe(problems)


def _dedupe(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[int | None, str]] = set()
    out = []
    for p in problems:
        if (p.seq, p.kind) not in seen:
            seen.add((p.seq, p.kind))
            out.append(p)
    return out


def verify_period_entries(entries: Sequence[Mapping[str, Any]], *, period_code: str | None = None,
                          last_hash: str | None = None) -> list[Problem]:
    """Check a period's exported entries (audit.jsonl) on their own, through `period_prev_hash`.

    They must be that period's complete sub-chain in order: the first links to GENESIS, each next to
    the one before. `last_hash`, when the carrier (a signed manifest) states it, also catches entries
    cut off at the end.
    """
    problems: list[Problem] = []
    prev_hash = GENESIS
    prev_seq: int | None = None
    for index, entry in enumerate(entries, start=1):
        missing = [f for f in EXPORT_FIELDS if f not in entry]
        if missing:
            problems.append(Problem(entry.get("seq") if isinstance(entry.get("seq"), int) else None,
                                    "malformed", f"Dòng {index} thiếu trường: {', '.join(missing)}."))
            continue
        seq = _seq(entry)
        if entry_hash(entry) != entry["hash"]:
            problems.append(Problem(seq, "edited", f"Mục #{seq} đã bị sửa: nội dung không khớp mã băm."))
        if period_code is not None and entry.get("period_code") != period_code:
            problems.append(Problem(seq, "inserted", f"Mục #{seq} thuộc kỳ «{entry.get('period_code')}», "
                                                     f"không phải kỳ «{period_code}»."))
        if prev_seq is not None and seq <= prev_seq:
            problems.append(Problem(seq, "reordered", f"Mục #{seq} đứng sau mục #{prev_seq}: sai thứ tự."))
        if entry["period_prev_hash"] != prev_hash:
            if prev_seq is None:
                problems.append(Problem(seq, "deleted",
                                        f"Các mục của kỳ trước mục #{seq} đã bị bỏ đi hoặc chuỗi bị thay."))
            else:
                problems.append(Problem(seq, "deleted",
                                        f"Giữa mục #{prev_seq} và mục #{seq} có mục bị xoá, chèn hoặc đảo."))
        prev_hash = str(entry["hash"])
        prev_seq = seq
    if last_hash is not None and prev_hash != last_hash:
        problems.append(Problem(prev_seq, "truncated",
                                "Mục cuối không khớp với mã băm ghi trong gói: nhật ký bị cắt bớt hoặc thay."))
    return _dedupe(problems)
