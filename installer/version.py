"""The build's view of the version: read from `kpi_desktop.__version__`, the one place it lives.

Read with a regular expression rather than an import so that build scripts can call this with any
Python, before the package's dependencies are installed.

    python installer/version.py                         # prints 0.1.0
    python installer/version.py --nsh build/version.nsh # !define VERSION … for makensis
    python installer/version.py --win-version-info build/version-info.txt
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INIT = ROOT / "kpi_desktop" / "__init__.py"
TEMPLATE = Path(__file__).resolve().parent / "version-info.txt.in"

_VERSION_RE = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_PEP440_RE = re.compile(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?")


def version() -> str:
    match = _VERSION_RE.search(INIT.read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit(f"{INIT}: no __version__ = '…' line")
    return match.group(1)


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """The four numbers Windows wants (FILEVERSION); pre-release tags are dropped (1.2.0rc1 → 1,2,0,0)."""
    text = text or version()
    match = _PEP440_RE.match(text)
    if match is None:
        raise SystemExit(f"version {text!r} does not start with a number")
    parts = [int(p) if p else 0 for p in match.groups()]
    return parts[0], parts[1], parts[2], parts[3]


def debian_version(text: str | None = None) -> str:
    """PEP 440 → Debian ordering: a pre-release sorts before the release (1.0rc1 → 1.0~rc1)."""
    text = text or version()
    return re.sub(r"(\d)(a|b|rc|\.dev)(\d*)", lambda m: f"{m.group(1)}~{m.group(2).lstrip('.')}{m.group(3)}", text)


def win_version_info(name: str = "kpi-desktop", text: str | None = None) -> str:
    """The version resource of one executable (`name` without .exe)."""
    text = text or version()
    numbers = version_tuple(text)
    return TEMPLATE.read_text(encoding="utf-8").format(
        name=name,
        version=text,
        version_tuple=repr(numbers),
        version_dotted=".".join(str(n) for n in numbers),
    )


def nsh(text: str | None = None) -> str:
    text = text or version()
    dotted = ".".join(str(n) for n in version_tuple(text))
    return f'!define VERSION "{text}"\n!define VERSION_DOTTED "{dotted}"\n'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nsh", type=Path, help="write an NSIS include defining VERSION")
    parser.add_argument("--win-version-info", type=Path,
                        help="write PyInstaller's Windows version resource of kpi-desktop.exe")
    parser.add_argument("--debian", action="store_true", help="print the Debian package version")
    args = parser.parse_args()
    if args.nsh:
        args.nsh.parent.mkdir(parents=True, exist_ok=True)
        args.nsh.write_text(nsh(), encoding="utf-8")
    if args.win_version_info:
        args.win_version_info.parent.mkdir(parents=True, exist_ok=True)
        args.win_version_info.write_text(win_version_info(), encoding="utf-8")
    if not (args.nsh or args.win_version_info):
        print(debian_version() if args.debian else version())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
