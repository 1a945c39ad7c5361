"""A smaller ICU data library for the Linux bundle.

Qt's Linux wheels link ICU 73, whose data library (libicudata.so.73) is 31 MB: every locale of
CLDR, Chinese/Japanese/Korean converters and word-break dictionaries, transliterators. KPI Desktop
needs the ICU parts Qt uses for Vietnamese and English: collation (QCollator: Vietnamese orders
A < Ă < Â, D < Đ), case mapping, break rules, time zones, normalisation. This keeps those and
rebuilds a drop-in libicudata.so.73 (same soname, same `icudt73_dat` symbol) of about 5 MB.

Needs `icupkg` (Debian: icu-devtools; the package format is the same across ICU versions), `objdump`,
`as` and `ld` (binutils). Windows builds do not need it: Qt uses the system's ICU there.

    python installer/icu_trim.py PySide6/Qt/lib/libicudata.so.73 OUT/libicudata.so.73
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Locales whose data is kept, with their parents (ICU falls back en_GB → en_001 → en → root).
KEEP_LOCALES = {"root", "vi", "vi_VN", "en", "en_US", "en_US_POSIX", "en_001", "en_150", "en_GB",
                # not locales, but named like one: the locale index and the shared key pool
                "res_index", "pool"}
# Trees of per-locale data (the top level of the package is the main locale tree).
LOCALE_TREES = {"", "brkitr", "coll", "curr", "lang", "rbnf", "region", "unit", "zone"}
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
# Single-byte code pages (windows-1258 among them) are a few KB each; the multi-byte CJK tables are
# 50–550 KB each. Qt only reaches ICU converters for legacy encodings, none of them CJK here.
MAX_CONVERTER_BYTES = 20_000


class TrimError(RuntimeError):
    pass


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]
    except FileNotFoundError as exc:
        raise TrimError(f"{cmd[0]} not found (apt-get install icu-devtools binutils)") from exc
    except subprocess.CalledProcessError as exc:
        raise TrimError(f"{' '.join(cmd)} failed: {exc.stderr.strip()}") from exc


def data_symbol(lib: Path) -> str:
    for line in _run(["objdump", "-T", str(lib)]).stdout.splitlines():
        match = re.search(r"\s(icudt\d+_dat)$", line)
        if match:
            return match.group(1)
    raise TrimError(f"{lib}: no icudt*_dat symbol")


def extract_data(lib: Path) -> tuple[str, bytes]:
    """The ICU common data package embedded in the library, as bytes."""
    symbol = data_symbol(lib)
    value = size = None
    for line in _run(["objdump", "-T", str(lib)]).stdout.splitlines():
        if line.rstrip().endswith(" " + symbol):
            fields = line.split()
            value, size = int(fields[0], 16), int(fields[-2], 16)
    offset = None
    for line in _run(["objdump", "-h", str(lib)]).stdout.splitlines():
        fields = line.split()
        # Idx Name Size VMA LMA File-off Algn
        if len(fields) >= 7 and fields[0].isdigit() and value is not None:
            vma, sec_size, file_off = int(fields[3], 16), int(fields[2], 16), int(fields[5], 16)
            if vma <= value < vma + sec_size:
                offset = value - vma + file_off
    if value is None or size is None or offset is None:
        raise TrimError(f"{lib}: cannot locate {symbol}")
    blob = lib.read_bytes()[offset:offset + size]
    if blob[12:16] != b"CmnD":
        raise TrimError(f"{lib}: {symbol} is not an ICU common data package")
    return symbol, blob


def items_to_remove(items: list[str]) -> list[str]:
    remove = []
    for item in items:
        tree, _, name = item.rpartition("/")
        other_locale = tree in LOCALE_TREES and LOCALE_FILE.match(name) and name[:-4] not in KEEP_LOCALES
        # character names, transliterators, CJK/Thai/Lao/Khmer/Burmese word dictionaries
        if item == "unames.icu" or tree == "translit" or item.endswith(".dict") or other_locale:
            remove.append(item)
    return remove


def trim_package(dat: Path, out: Path, work: Path) -> list[str]:
    items = [line.strip() for line in _run(["icupkg", "-l", str(dat)]).stdout.splitlines() if line.strip()]
    remove = items_to_remove(items)
    extracted = work / "items"
    extracted.mkdir(exist_ok=True)
    converters = [i for i in items if i.endswith(".cnv")]
    if converters:
        listing = work / "converters.txt"
        listing.write_text("\n".join(converters) + "\n", encoding="ascii")
        _run(["icupkg", "-x", str(listing), "-d", str(extracted), str(dat)])
        remove += [c for c in converters if (extracted / c).stat().st_size > MAX_CONVERTER_BYTES]
    listing = work / "remove.txt"
    listing.write_text("\n".join(remove) + "\n", encoding="ascii")
    _run(["icupkg", "--ignore-deps", "-r", str(listing), str(dat), str(out)])
    return remove


def build_library(symbol: str, dat: Path, out: Path, soname: str, work: Path) -> None:
    asm = work / "icudata.s"
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{dat}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    obj = work / "icudata.o"
    _run(["as", "-o", str(obj), str(asm)])
    _run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj)])


def trim(lib: Path, out: Path) -> dict[str, int]:
    """Write a trimmed copy of `lib` to `out`; returns sizes for the build log."""
    symbol, blob = extract_data(lib)
    with tempfile.TemporaryDirectory(prefix="icu-trim-") as tmp:
        work = Path(tmp)
        # icupkg wants the file named like the package's item prefix (icudt73l: little-endian ASCII).
        prefix = symbol.removesuffix("_dat") + "l"
        full = work / prefix / f"{prefix}.dat"
        small = work / "trimmed" / f"{prefix}.dat"
        full.parent.mkdir()
        small.parent.mkdir()
        full.write_bytes(blob)
        removed = trim_package(full, small, work)
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(out.name + ".part")
        build_library(symbol, small, part, lib.name, work)
        shutil.move(str(part), out)
        return {"before": lib.stat().st_size, "after": out.stat().st_size, "removed_items": len(removed)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lib", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    stats = trim(args.lib, args.out)
    print(f"{args.lib.name}: {stats['before'] / 1e6:.1f} MB -> {stats['after'] / 1e6:.1f} MB "
          f"({stats['removed_items']} items removed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
