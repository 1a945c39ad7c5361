"""The ledger's decision table, as pure functions."""

from __future__ import annotations

from kpi_desktop.exchange.ledger import Decision, Incoming, Known, decide

A, B, C = "aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002", "aaaaaaaa-0000-4000-8000-000000000003"


def inc(bid: str, seq: int, sup: str | None, sha: str = "h1") -> Incoming:
    return Incoming(bid, "26734", "2026-Q1", seq, sup, sha)


def test_same_id_same_hash_is_a_duplicate() -> None:
    assert decide(inc(A, 1, None), Known(A, 1, "h1"), Known(A, 1, "h1")) is Decision.DUPLICATE


def test_same_id_other_content_is_a_conflict() -> None:
    assert decide(inc(A, 1, None, "h2"), Known(A, 1, "h1"), Known(A, 1, "h1")) is Decision.CONFLICT


def test_first_bundle_is_accepted_and_one_claiming_a_predecessor_is_a_fork() -> None:
    assert decide(inc(A, 1, None), None, None) is Decision.ACCEPTED
    assert decide(inc(B, 2, A), None, None) is Decision.FORK


def test_higher_sequence_superseding_current_replaces_it() -> None:
    d = decide(inc(B, 2, A), None, Known(A, 1, "h1"))
    assert d is Decision.SUPERSEDED and d.applies and d.ok


def test_fork_and_stale() -> None:
    assert decide(inc(C, 3, A), None, Known(B, 2, "h2")) is Decision.FORK  # skips the current one
    assert decide(inc(C, 2, A), None, Known(B, 2, "h2")) is Decision.FORK  # same number, other bundle
    assert decide(inc(C, 3, None), None, Known(B, 2, "h2")) is Decision.FORK
    stale = decide(inc(C, 1, None), None, Known(B, 2, "h2"))
    assert stale is Decision.STALE and not stale.ok and not stale.applies
