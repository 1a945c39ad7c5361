"""THIRD-PARTY-NOTICES.txt for the bundle: every Python distribution the build actually froze, with
its version, licence and licence text, plus the non-Python parts (Python itself, Qt, ICU, fonts).

Called by the spec after COLLECT with the module names of the analysis, so the list follows what is
shipped, not what someone remembered to write down. Qt is LGPL-3.0: it is linked dynamically, its
libraries sit unmodified in `_internal/PySide6/Qt/lib` (except ICU's data, cut down, see
icu_trim.py) and can be replaced by the user; the sources are at https://download.qt.io/.
"""

from __future__ import annotations

import importlib.metadata as md
import platform
from collections.abc import Iterable
from pathlib import Path
from typing import Any

STATIC = """\
KPI Desktop {version} — third-party components
==============================================

KPI Desktop itself: MIT licence, © KPI Desktop developers.

Python {python} — PSF-2.0 (https://docs.python.org/3/license.html).
Qt 6 (via PySide6/shiboken6) — LGPL-3.0-only. Dynamically linked, unmodified libraries in
  _internal/PySide6/Qt/lib; you may replace them with your own build. Source code:
  https://download.qt.io/official_releases/qt/ and https://code.qt.io/.
ICU — Unicode-3.0 licence. The ICU data library is a reduced copy (Vietnamese and English locale
  data only) rebuilt from the one Qt ships, by installer/icu_trim.py.
DejaVu fonts (kpi_desktop/resources/fonts) — Bitstream Vera licence with public-domain DejaVu
  changes; full text in _internal/kpi_desktop/resources/fonts/LICENSE-DejaVu.txt.
"""


def _licence(dist: md.Distribution) -> str:
    meta: Any = dist.metadata  # an email.message.Message underneath; .get() is what we need
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:80] if text else "see the project's licence"


def _licence_texts(dist: md.Distribution) -> list[tuple[str, str]]:
    out = []
    for file in dist.files or []:
        name = file.name.upper()
        if name.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")) or "/licenses/" in str(file).lower():
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if text.strip():
                out.append((str(file), text.strip()))
    return out


def distributions_for(modules: Iterable[str]) -> list[md.Distribution]:
    tops = {m.split(".")[0] for m in modules}
    mapping = md.packages_distributions()
    names: set[str] = set()
    for top in tops:
        names.update(mapping.get(top, []))
    dists = []
    for name in sorted(names, key=str.lower):
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        if dist.metadata["Name"].lower().replace("_", "-") not in ("kpi-desktop", "pyinstaller"):
            dists.append(dist)
    return dists


def write(dest: Path, modules: Iterable[str], version: str) -> Path:
    dists = distributions_for(modules)
    parts = [STATIC.format(version=version, python=platform.python_version()), "", "Python packages", "-" * 15]
    for dist in dists:
        parts.append(f"{dist.metadata['Name']} {dist.version} — {_licence(dist)}")
    for dist in dists:
        for path, text in _licence_texts(dist):
            parts += ["", "=" * 78, f"{dist.metadata['Name']} {dist.version}: {path}", "=" * 78, text]
    dest.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return dest
