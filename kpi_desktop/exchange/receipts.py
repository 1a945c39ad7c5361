"""Receipts: the province tells communes, per bundle of an import batch, what happened and why.

A receipt is a `receipt` bundle: SignedData(payload.zip) signed by the province, with receipt.json:

    {"batch_id": "…", "created_at": "…", "items": [
       {"bundle_id": "…" | null, "unit_code": "…" | null, "period": "…" | null, "sequence": 1 | null,
        "file_sha256": "…", "status": "accepted" | "superseded" | "duplicate" | "stale" | "fork" |
        "conflict" | "rejected", "reason_code": "…" | null, "reason": "…" | null}, …]}

A file refused before its manifest could be read has no bundle_id; the commune matches it by the
sha256 of the file it exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kpi_desktop.exchange import bundle, payload
from kpi_desktop.exchange.reasons import BundleRejected
from kpi_desktop.exchange.signer import Signer

ITEM_FIELDS = ("bundle_id", "unit_code", "period", "sequence", "file_sha256", "status", "reason_code", "reason")
STATUSES = ("accepted", "superseded", "duplicate", "stale", "fork", "conflict", "rejected")


def build_receipt(batch_id: str, items: Sequence[dict[str, Any]], signer: Signer) -> tuple[bytes, dict[str, Any]]:
    clean = [{k: item.get(k) for k in ITEM_FIELDS} for item in items]
    body = {"batch_id": batch_id, "created_at": bundle.base_manifest("receipt", signer.certificate)["created_at"],
            "items": clean}
    return bundle.build_signed("receipt", {"receipt.json": payload.dumps(body) + b"\n"}, signer,
                               batch_id=batch_id, item_count=len(clean))


def open_receipt(data: bytes, trust: bundle.Trust) -> tuple[dict[str, Any], dict[str, Any]]:
    """Verify a receipt (province signature, chain to the pinned root) and return (manifest, body)."""
    opened = bundle.open_signed(data, trust, "receipt", bundle.is_province_signer)
    body = payload.loads_strict(opened.entries["receipt.json"], "receipt.json")
    if not isinstance(body, dict) or not isinstance(body.get("items"), list):
        raise BundleRejected("manifest_invalid", "receipt.json")
    for item in body["items"]:
        if not isinstance(item, dict) or item.get("status") not in STATUSES:
            raise BundleRejected("manifest_invalid", "receipt.json: items")
    return opened.manifest, body
