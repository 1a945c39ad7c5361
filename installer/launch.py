"""Entry point of the frozen build: one script behind both executables of the onedir.

PyInstaller builds two executables from this file, `kpi-desktop` (the window, no console on Windows)
and `kpi` (the command line). They share one `_internal/` folder, so the script looks at its own
executable name to decide which program it is.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def _program_name() -> str:
    return Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).stem.lower()


def _prepare_environment() -> None:
    # A clean machine may have no locale set at all (`env -i`, a bare Windows service account);
    # Python then falls back to ASCII for the console and Qt warns about the "C" locale.
    if sys.platform != "win32" and not os.environ.get("LANG") and not os.environ.get("LC_ALL"):
        os.environ["LANG"] = "C.UTF-8"
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(encoding="utf-8", errors="replace")


def main() -> int:
    _prepare_environment()
    if _program_name() == "kpi":
        from kpi_desktop.cli import main as cli_main

        return cli_main()
    try:
        from kpi_desktop.app import main as app_main
    except ModuleNotFoundError as exc:
        if exc.name != "kpi_desktop.app":
            raise
        print("Bản dựng này không có giao diện đồ hoạ (thiếu kpi_desktop.app); hãy dùng lệnh `kpi`.",
              file=sys.stderr)
        return 1
    return int(app_main() or 0)


if __name__ == "__main__":
    # Child processes of multiprocessing re-enter the frozen executable; let them run their task.
    import multiprocessing

    multiprocessing.freeze_support()
    raise SystemExit(main())
