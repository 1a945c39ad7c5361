"""Fill the unfinished translations of one Qt Linguist file from another, by (context, source).

Used when a branch brings its English in its own .ts file (e.g. gui2_en.ts for the reports and admin
pages): after `pyside6-lupdate` has added the new source strings to kpi_desktop_en.ts as unfinished,

    python scripts/i18n_fill_from.py kpi_desktop/resources/i18n/gui2_en.ts kpi_desktop/resources/i18n/kpi_desktop_en.ts
    pyside6-lrelease kpi_desktop/resources/i18n/kpi_desktop_en.ts

Prints how many entries were filled and which unfinished ones are left.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(source: Path, target: Path) -> tuple[int, list[tuple[str, str]]]:
    known: dict[tuple[str, str], str] = {}
    for context in ET.parse(source).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished" and translation.text:
                known[(name, message.findtext("source") or "")] = translation.text
    text = target.read_text(encoding="utf-8")
    tree = ET.ElementTree(ET.fromstring(text))
    filled, left = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            key = (name, message.findtext("source") or "")
            if key in known:
                translation.text = known[key]
                del translation.attrib["type"]
                filled += 1
            else:
                left.append(key)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    target.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled, left


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    filled, left = fill(Path(argv[0]), Path(argv[1]))
    print(f"filled {filled}; still unfinished: {len(left)}")
    for context, source in left:
        print(f"  [{context}] {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
