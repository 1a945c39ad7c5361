"""Reading generated PDFs back the way a user's tools would: poppler (pdftotext, pdffonts), qpdf, pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run scripts/setup.sh --dev (apt: poppler-utils, qpdf)")
    return path


def pdftotext(pdf: Path, *, layout: bool = False) -> str:
    args = [tool("pdftotext"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")


def flat(text: str) -> str:
    """Whitespace collapsed: table cells and wrapped lines become one searchable line."""
    return re.sub(r"\s+", " ", text).strip()


def pypdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool
    subset: bool
    unicode: bool


def pdffonts(pdf: Path) -> list[FontRow]:
    out = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, check=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni objnum gen
        rows.append(FontRow(parts[0], parts[-5] == "yes", parts[-4] == "yes", parts[-3] == "yes"))
    return rows


def qpdf_check(pdf: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True)


@dataclass(frozen=True)
class Word:
    page: int
    x: float
    y: float
    text: str


def words(pdf: Path) -> tuple[list[Word], list[tuple[float, float]]]:
    """Every word with its page and top-left corner (points from the top-left of the page)."""
    html = subprocess.run([tool("pdftotext"), "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    out: list[Word] = []
    sizes: list[tuple[float, float]] = []
    page = 0
    for line in html.splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if m:
            page += 1
            sizes.append((float(m.group(1)), float(m.group(2))))
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)</word>', line)
        if m:
            out.append(Word(page, float(m.group(1)), float(m.group(2)), unescape(m.group(3))))
    return out, sizes


def find_phrase(all_words: list[Word], phrase: str) -> Word | None:
    """The first word of the first occurrence of `phrase` (a run of consecutive words)."""
    target = phrase.split()
    texts = [w.text for w in all_words]
    for i in range(len(texts) - len(target) + 1):
        if texts[i:i + len(target)] == target:
            return all_words[i]
    return None


def assert_clean_vietnamese(text: str) -> None:
    """NFC throughout, and no replacement or missing-glyph characters."""
    assert unicodedata.is_normalized("NFC", text), "text extracted from the PDF is not NFC"
    assert "\ufffd" not in text
    assert "\u25a1" not in text  # the white square some viewers show for a missing glyph
