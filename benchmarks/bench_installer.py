"""Installer figures: build time, onedir and package sizes, start-up of the frozen programs.

    .venv/bin/python benchmarks/bench_installer.py [--deb-compression xz|gzip|zstd] [--nsis]

Builds into a temporary folder with installer/build-linux.sh, then times `kpi --version`,
`kpi-desktop --smoke-test` (both under `env -i` with no fonts) and, with --nsis, the LZMA
compile of the Windows installer by makensis. Prints the biggest parts of the onedir.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tree_bytes(path: Path) -> int:
    if path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def clean_run(cmd: list[str], home: Path) -> tuple[float, int]:
    conf = home / "fonts.conf"
    conf.write_text(f"<fontconfig><cachedir>{home / 'fc'}</cachedir></fontconfig>\n", encoding="utf-8")
    env = ["PATH=/usr/bin:/bin", f"HOME={home}", "LANG=C.UTF-8", "QT_QPA_PLATFORM=offscreen",
           f"FONTCONFIG_FILE={conf}"]
    start = time.perf_counter()
    proc = subprocess.run(["env", "-i", *env, *cmd], capture_output=True, text=True, check=False, cwd=home)
    return time.perf_counter() - start, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deb-compression", default="xz")
    parser.add_argument("--nsis", action="store_true", help="also time the LZMA compile of the Windows installer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kpi-bench-installer-") as tmp:
        out = Path(tmp)
        env = dict(os.environ, PYTHON=sys.executable, DEB_COMPRESSION=args.deb_compression)
        start = time.perf_counter()
        subprocess.run(["bash", str(ROOT / "installer" / "build-linux.sh"), str(out)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        build = time.perf_counter() - start
        onedir = out / "kpi-desktop"
        deb = next(out.glob("*.deb"))
        print(f"build (PyInstaller + .deb {args.deb_compression}): {build:.0f} s")
        print(f"onedir: {tree_bytes(onedir) / 1e6:.1f} MB   .deb: {deb.stat().st_size / 1e6:.1f} MB")
        internal = onedir / "_internal"
        parts = sorted(((tree_bytes(p), p.name) for p in internal.iterdir()), reverse=True)[:10]
        print("biggest parts: " + ", ".join(f"{name} {size / 1e6:.1f}" for size, name in parts))
        for label, cmd in (("kpi --version", [str(onedir / "kpi"), "--version"]),
                           ("kpi-desktop --smoke-test", [str(onedir / "kpi-desktop"), "--smoke-test"])):
            if "smoke" in label and not (ROOT / "kpi_desktop" / "app.py").exists():
                continue
            home = Path(tempfile.mkdtemp(dir=tmp))
            clean_run(cmd, home)  # first run warms the page cache
            seconds, rc = clean_run(cmd, home)
            print(f"{label}: {seconds:.2f} s (exit {rc})")
        if args.nsis and shutil.which("makensis"):
            start = time.perf_counter()
            subprocess.run(["makensis", "-V1", "-INPUTCHARSET", "UTF8", f"-DPYTHON={sys.executable}",
                            f"-DDISTDIR={onedir}", f"-DOUTDIR={out}", str(ROOT / "installer" / "kpi_desktop.nsi")],
                           check=True)
            setup = next(out.glob("*-setup.exe"))
            print(f"NSIS (LZMA solid): {time.perf_counter() - start:.0f} s, setup {setup.stat().st_size / 1e6:.1f} MB "
                  "(from the Linux onedir: the Windows one differs, see docs/performance.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
