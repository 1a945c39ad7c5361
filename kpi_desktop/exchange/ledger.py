"""The import ledger's decision rules, as pure functions (the store applies them in one transaction).

| case                                                    | decision   |
|---------------------------------------------------------|------------|
| same bundle_id, same content hash                       | duplicate  |
| same bundle_id, different content                       | conflict   |
| first bundle of a unit and period, supersedes null      | accepted   |
| higher sequence whose `supersedes` is the current one   | superseded (it replaces the current one; history kept) |
| `supersedes` does not match the current bundle          | fork (held for review)  |
| sequence lower than the current one                     | stale      |
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Decision(StrEnum):
    ACCEPTED = "accepted"
    SUPERSEDED = "superseded"  # accepted, and replaced the unit's current bundle for the period
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    FORK = "fork"
    STALE = "stale"

    @property
    def applies(self) -> bool:
        """Whether the bundle's records become the current ones."""
        return self in (Decision.ACCEPTED, Decision.SUPERSEDED)

    @property
    def ok(self) -> bool:
        """Whether the file counts as a success for the import's exit status."""
        return self in (Decision.ACCEPTED, Decision.SUPERSEDED, Decision.DUPLICATE)


DECISION_LABELS_VI = {
    Decision.ACCEPTED: "Đã nhận",
    Decision.SUPERSEDED: "Đã nhận, thay thế gói trước",
    Decision.DUPLICATE: "Đã nhập trước đó (không thay đổi)",
    Decision.CONFLICT: "Xung đột: cùng mã gói, nội dung khác",
    Decision.FORK: "Rẽ nhánh: giữ lại chờ xem xét",
    Decision.STALE: "Gói cũ: bị từ chối",
}


@dataclass(frozen=True)
class Incoming:
    bundle_id: str
    unit_code: str
    period: str
    sequence: int
    supersedes: str | None
    content_sha256: str


@dataclass(frozen=True)
class Known:
    """What the ledger holds about one bundle."""

    bundle_id: str
    sequence: int
    content_sha256: str
    status: str = "current"


def decide(incoming: Incoming, same_id: Known | None, current: Known | None) -> Decision:
    """Decide what importing `incoming` does, given the ledger row with the same bundle_id (if any)
    and the unit's current bundle for the period (if any)."""
    if same_id is not None:
        return Decision.DUPLICATE if same_id.content_sha256 == incoming.content_sha256 else Decision.CONFLICT
    if current is None:
        return Decision.ACCEPTED if incoming.supersedes is None else Decision.FORK
    if incoming.sequence < current.sequence:
        return Decision.STALE
    if incoming.sequence > current.sequence and incoming.supersedes == current.bundle_id:
        return Decision.SUPERSEDED
    return Decision.FORK
