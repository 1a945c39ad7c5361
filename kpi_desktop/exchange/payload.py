"""payload.zip: building it, and reading it back under strict rules.

A payload is a flat ZIP: manifest.json, SHA256SUMS (sha256sum -c compatible) and the kind's data
files. Reading never trusts the ZIP's own size fields: entries are read with a hard byte budget.
JSON is parsed strictly (no duplicate keys, NaN, huge numbers, BOM, invalid UTF-8, non-NFC text,
control characters or spreadsheet-formula-looking strings).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kpi_desktop.exchange.reasons import BundleRejected

FORMAT = "kpi-desktop.bundle"
SCHEMA_VERSION = 1
MAX_ENTRIES = 64
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_INT_DIGITS = 15
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
FORMULA_PREFIXES = ("=", "+", "-", "@")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

KIND_FILES: dict[str, tuple[str, ...]] = {
    "results": ("records.jsonl", "catalog.json", "audit.jsonl"),
    "catalog-pack": ("catalog.json",),
    "receipt": ("receipt.json",),
}


# ---------------------------------------------------------------------------------------------
# Strict JSON


def _reject_constant(name: str) -> Any:
    raise BundleRejected("json_nan", name)


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise BundleRejected("json_huge_number", text[:20])
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > 10 ** MAX_INT_DIGITS:
        raise BundleRejected("json_huge_number", text[:20])
    return value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise BundleRejected("json_duplicate_key", key[:40])
        out[key] = value
    return out


def check_text(value: str, where: str, *, formula: bool = True) -> None:
    if unicodedata.normalize("NFC", value) != value:
        raise BundleRejected("json_not_nfc", f"{where}: «{value[:40]}»")
    if _CONTROL.search(value):
        raise BundleRejected("json_control_char", where)
    if formula and value.startswith(FORMULA_PREFIXES):
        raise BundleRejected("json_formula", f"{where}: «{value[:40]}»")


def _walk(value: Any, where: str, formula: bool = True) -> None:
    if isinstance(value, str):
        check_text(value, where, formula=formula)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_text(k, where, formula=formula)
            _walk(v, f"{where}.{k}", formula)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk(v, f"{where}[{i}]", formula)


_FORMULA_RAW = re.compile(r'"[=+\-@]')
_RISKY_NUMBER = re.compile(r"\d{16,}|[eE][+-]?\d{3,}|NaN|Infinity")


def _needs_walk(text: str, formula: bool) -> bool:
    """Whether the parsed value can hold anything the text rules refuse. Without a \\u escape every
    string is verbatim in `text`, so NFC, control characters and formula prefixes show in the raw text."""
    if "\\u" in text or not unicodedata.is_normalized("NFC", text) or _CONTROL.search(text):
        return True
    return formula and _FORMULA_RAW.search(text) is not None


def loads_strict(data: bytes, where: str, *, formula: bool = True) -> Any:
    """Parse one JSON document with the contract's rules; raise BundleRejected naming `where`."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise BundleRejected("json_bom", where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRejected("json_utf8", where) from exc
    if _CONTROL.search(text):  # raw ones; escaped ones are found in the parsed strings
        raise BundleRejected("json_control_char", where)
    # Number hooks cost a Python call per number: use them only when the text could hold a huge or
    # non-finite number (a long digit run, a big exponent, NaN/Infinity); otherwise every number is small.
    risky = _RISKY_NUMBER.search(text) is not None
    try:
        if risky:
            value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant,
                               parse_int=_parse_int, parse_float=_parse_float)
        else:
            value = json.loads(text, object_pairs_hook=_pairs)
    except BundleRejected as exc:
        raise BundleRejected(exc.code, f"{where}: {exc.detail}") from None
    except (ValueError, RecursionError) as exc:
        raise BundleRejected("json_syntax", where) from exc
    if _needs_walk(text, formula):
        _walk(value, where, formula)
    return value


def loads_jsonl(data: bytes, where: str, *, formula: bool = True) -> list[Any]:
    if data.startswith(b"\xef\xbb\xbf"):
        raise BundleRejected("json_bom", where)
    if not data:
        return []
    if not data.endswith(b"\n"):
        raise BundleRejected("json_syntax", f"{where}: thiếu xuống dòng cuối")
    return [loads_strict(line, f"{where}:{n}", formula=formula) for n, line in enumerate(data[:-1].split(b"\n"), 1)]


def dumps(value: Any) -> bytes:
    """Canonical JSON: UTF-8, NFC (checked), keys sorted, no insignificant whitespace."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def dumps_jsonl(values: Iterable[Any]) -> bytes:
    return b"".join(dumps(v) + b"\n" for v in values)


# ---------------------------------------------------------------------------------------------
# Building


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sums_text(files: Mapping[str, bytes]) -> bytes:
    return "".join(f"{sha256_hex(files[n])}  {n}\n" for n in sorted(files)).encode("ascii")


def build_zip(manifest: dict[str, Any], files: Mapping[str, bytes]) -> bytes:
    """Write payload.zip. `manifest["files"]` is filled in here from `files` (+ SHA256SUMS)."""
    for name in files:
        if not _SAFE_NAME.match(name) or name in (MANIFEST, SUMS):
            raise ValueError(f"bad payload entry name {name!r}")
    entries = dict(files)
    entries[SUMS] = sums_text(files)
    manifest = dict(manifest)
    manifest["files"] = {n: {"sha256": sha256_hex(d), "size": len(d)} for n, d in sorted(entries.items())}
    manifest_bytes = dumps(manifest) + b"\n"
    _walk(manifest, MANIFEST)  # never write what we would refuse to read
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in [(MANIFEST, manifest_bytes), *sorted(entries.items())]:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            zf.writestr(info, data)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class Payload:
    manifest: dict[str, Any]
    entries: dict[str, bytes]  # every entry but manifest.json, checked against the manifest
    manifest_bytes: bytes


def _read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    try:
        with zf.open(info) as fh:
            data = fh.read(budget + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise BundleRejected("zip_corrupt", info.filename[:60]) from exc
    if len(data) > budget:
        raise BundleRejected("zip_too_large")
    if len(data) != info.file_size:
        raise BundleRejected("zip_corrupt", info.filename[:60])
    return data


def open_zip(data: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """Structural checks on the archive, before any entry is trusted."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BundleRejected("not_zip") from exc
    if len(infos) > MAX_ENTRIES:
        raise BundleRejected("too_many_entries", str(len(infos)))
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.filename
        raw = info.orig_filename
        if (not name or "/" in raw or "\\" in raw or ".." in raw or raw.startswith(("/", "\\"))
                or ":" in raw or info.is_dir() or not _SAFE_NAME.match(raw)):
            raise BundleRejected("zip_path", raw[:60])
        if name in seen:
            raise BundleRejected("zip_duplicate", name)
        seen.add(name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleRejected("zip_symlink", name)
        if info.flag_bits & 0x1:
            raise BundleRejected("zip_encrypted", name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleRejected("zip_compression", name)
        declared += info.file_size
        if declared > MAX_UNZIPPED:
            raise BundleRejected("zip_too_large")
    return zf, infos


def read_manifest(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> tuple[dict[str, Any], bytes]:
    by_name = {i.filename: i for i in infos}
    if MANIFEST not in by_name:
        raise BundleRejected("missing_manifest")
    raw = _read_limited(zf, by_name[MANIFEST], 1024 * 1024)
    manifest = loads_strict(raw, MANIFEST)
    if not isinstance(manifest, dict):
        raise BundleRejected("manifest_invalid", "không phải đối tượng JSON")
    return manifest, raw


def read_entries(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], manifest: dict[str, Any]) -> dict[str, bytes]:
    """Step 6: the entry set equals `files` exactly, every hash and size matches, SHA256SUMS agrees."""
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("sha256"), str) and isinstance(v.get("size"), int)
        for v in files.values()
    ):
        raise BundleRejected("manifest_invalid", "files")
    names = {i.filename for i in infos} - {MANIFEST}
    for missing in sorted(set(files) - names):
        raise BundleRejected("missing_entry", missing[:60])
    for extra in sorted(names - set(files)):
        raise BundleRejected("extra_entry", extra[:60])
    budget = MAX_UNZIPPED
    out: dict[str, bytes] = {}
    for info in infos:
        if info.filename == MANIFEST:
            continue
        data = _read_limited(zf, info, budget)
        budget -= len(data)
        spec = files[info.filename]
        if len(data) != spec["size"] or sha256_hex(data) != spec["sha256"]:
            raise BundleRejected("hash_mismatch", info.filename)
        out[info.filename] = data
    if SUMS not in out:
        raise BundleRejected("missing_entry", SUMS)
    expected = sums_text({n: d for n, d in out.items() if n != SUMS})
    if out[SUMS] != expected:
        raise BundleRejected("sums_mismatch")
    return out


def read_payload(data: bytes) -> Payload:
    zf, infos = open_zip(data)
    manifest, raw = read_manifest(zf, infos)
    entries = read_entries(zf, infos, manifest)
    return Payload(manifest, entries, raw)
