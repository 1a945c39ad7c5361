"""The Linux build, made once per test session into a temporary folder (never into the checkout)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


def load_installer_module(name: str) -> ModuleType:
    """installer/ is not a package (PyInstaller and makensis run its scripts directly)."""
    spec = importlib.util.spec_from_file_location(f"kpi_installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class LinuxBuild:
    out: Path
    onedir: Path
    deb: Path
    log: str


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh machine gives a program: no Python, no locale settings of ours, no fonts.

    `env -i` semantics: nothing is inherited. FONTCONFIG_FILE points at a configuration with no
    font folders, so the system's fonts (DejaVu is installed here) are invisible.
    """
    fonts_conf = home / "fonts.conf"
    if not fonts_conf.exists():
        fonts_conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                              f"<fontconfig><cachedir>{home / 'fc-cache'}</cachedir></fontconfig>\n",
                              encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "FONTCONFIG_FILE": str(fonts_conf)}
    env.update(extra)
    return env


def run_clean(cmd: list[str], home: Path, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run `cmd` as `env -i …` would, from an empty working folder."""
    work = home / "cwd"
    work.mkdir(exist_ok=True)
    return subprocess.run(["env", "-i", *[f"{k}={v}" for k, v in clean_env(home, **extra).items()], *cmd],
                          capture_output=True, text=True, timeout=timeout, cwd=work, check=False)


@pytest.fixture(scope="session")
def linux_build(tmp_path_factory: pytest.TempPathFactory) -> LinuxBuild:
    missing = [t for t in ("objdump", "as", "ld", "icupkg", "dpkg-deb") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"thiếu công cụ để dựng bản Linux: {', '.join(missing)} (scripts/setup.sh --dev)")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller chưa cài (pip install -e '.[build]')")
    out = tmp_path_factory.mktemp("linux-build")
    env = dict(os.environ, PYTHON=sys.executable, DEB_COMPRESSION="none", KPI_BUILD_WORK=str(out / "work"))
    proc = subprocess.run(["bash", str(INSTALLER / "build-linux.sh"), str(out)], capture_output=True, text=True,
                          env=env, timeout=900, check=False)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    debs = sorted(out.glob("kpi-desktop_*.deb"))
    assert len(debs) == 1, log[-2000:]
    return LinuxBuild(out=out, onedir=out / "kpi-desktop", deb=debs[0], log=log)
