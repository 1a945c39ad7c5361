"""Language choice for the CLI and for messages built outside Qt.

Vietnamese is the source language. English strings live in `resources/i18n/cli/en/*.json`
(source text → English), one file per concern so that areas of the code own their strings. The GUI uses Qt Linguist files instead; both read the same choice:
`KPI_LANG` (vi/en), else the locale variables.
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import cache
from importlib import resources


def current_language() -> str:
    lang = os.environ.get("KPI_LANG")
    if not lang:
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(var, "")
            if value and value not in ("C", "C.UTF-8", "POSIX"):
                lang = value
                break
    return "en" if (lang or "vi").lower().startswith("en") else "vi"


@cache
def _catalog(lang: str) -> dict[str, str]:
    if lang == "vi":
        return {}
    folder = resources.files("kpi_desktop.resources").joinpath("i18n", "cli", lang)
    merged: dict[str, str] = {}
    if not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            merged.update({unicodedata.normalize("NFC", k): v for k, v in data.items()})
    return merged


def tr(text: str) -> str:
    """Translate a Vietnamese source string into the current language (identity for Vietnamese)."""
    text = unicodedata.normalize("NFC", text)
    return _catalog(current_language()).get(text, text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
