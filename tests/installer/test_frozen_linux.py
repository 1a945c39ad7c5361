"""The frozen Linux build on a "clean machine": `env -i`, no Python, no fonts, no network.

One PyInstaller build and .deb per session (tests/installer/conftest.py, about 1.5 minutes on
2 cores); every test here uses it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf
import pytest
from PIL import Image

import kpi_desktop
from kpi_desktop.services.auth import DEMO_PASSWORD

from .conftest import INSTALLER, REPO, LinuxBuild, load_installer_module, run_clean
from .test_packaging_files import compile_nsis, control_fields, needs_makensis, package_names

pytestmark = pytest.mark.slow

BUDGET_BYTES = 150_000_000  # issue 7: the Linux onedir under 150 MB
HAS_GUI = (REPO / "kpi_desktop" / "app.py").exists()
NO_GUI = "kpi_desktop/app.py (app shell, --smoke-test) chưa có trên nhánh này: phần giao diện của bản đóng gói chưa kiểm được"


def tree_bytes(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())


# --- the command line ---------------------------------------------------------------------------

def test_frozen_cli_answers_in_a_bare_environment(linux_build: LinuxBuild, tmp_path: Path) -> None:
    kpi = str(linux_build.onedir / "kpi")
    proc = run_clean([kpi, "--version"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"kpi-desktop {kpi_desktop.__version__}"
    vi = run_clean([kpi, "--help"], tmp_path)
    assert vi.returncode == 0, vi.stderr
    assert "Cách dùng: kpi" in vi.stdout and "ngoại tuyến" in vi.stdout
    en = run_clean([kpi, "--help"], tmp_path, KPI_LANG="en")
    assert "Usage: kpi" in en.stdout and "fully offline" in en.stdout


def test_frozen_cli_has_every_command_of_the_source(linux_build: LinuxBuild, tmp_path: Path) -> None:
    """Sub-commands are found with pkgutil at run time; a frozen build that lost one shows it here."""
    from kpi_desktop.cli import build_parser

    expected = build_parser().format_help()
    proc = run_clean([str(linux_build.onedir / "kpi"), "--help"], tmp_path)
    assert proc.stdout == expected


def test_frozen_cli_reports_bad_input_without_traceback(linux_build: LinuxBuild, tmp_path: Path) -> None:
    proc = run_clean([str(linux_build.onedir / "kpi"), "khong-co-lenh"], tmp_path)
    assert proc.returncode == 2
    assert "lỗi" in proc.stderr and "Traceback" not in proc.stderr


def test_frozen_cli_builds_and_reads_a_database(linux_build: LinuxBuild, tmp_path: Path) -> None:
    """`kpi demo`, `kpi status`, `kpi catalog export`, `kpi report` from the bundle: Alembic runs
    the migrations it reads from `_internal/`, the catalogues and ward codes load from the bundled
    data, the workbook and the PDF are written; nothing needs Python or system fonts."""
    from kpi_desktop.store.migrate import head_revision

    kpi = str(linux_build.onedir / "kpi")
    db = tmp_path / "demo.db"
    made = run_clean([kpi, "demo", "--db", str(db)], tmp_path, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    status = run_clean([kpi, "status", "--db", str(db)], tmp_path)
    assert status.returncode == 0, status.stderr
    first, *rest = status.stdout.splitlines()
    assert f"(schema {head_revision()})" in first
    assert any("Khánh Hòa" in line for line in rest)
    # openpyxl in the bundle (without lxml, which the spec leaves out) writes the catalogue workbook
    login = {"KPI_PASSWORD": DEMO_PASSWORD}
    xlsx = tmp_path / "danh-muc.xlsx"
    exported = run_clean([kpi, "catalog", "export", "--db", str(db), "--user", "tochuc", str(xlsx)], tmp_path,
                         **login)
    assert exported.returncode == 0, exported.stderr
    workbook = openpyxl.load_workbook(xlsx, read_only=True)
    assert "Vị trí việc làm" in workbook.sheetnames
    # reportlab with the bundled DejaVu: the Vietnamese text of the form comes back out of the PDF
    pdf = tmp_path / "tong-hop.pdf"
    report = run_clean([kpi, "report", "unit", "--year", "2026", "--db", str(db), "--user", "tochuc", "--out", str(pdf)],
                       tmp_path, **login)
    assert report.returncode == 0, report.stderr
    text = pypdf.PdfReader(pdf).pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "XẾP LOẠI" in text
    assert not list((tmp_path / ".local" / "share" / "kpi-desktop" / "logs").glob("crash-*.log"))


# --- the window ---------------------------------------------------------------------------------

@pytest.mark.skipif(not HAS_GUI, reason=NO_GUI)
def test_frozen_smoke_test_without_system_fonts(linux_build: LinuxBuild, tmp_path: Path) -> None:
    """`kpi-desktop --smoke-test`: migrates a fresh database, renders Vietnamese with the bundled
    font (the environment has none), writes the PNG and exits 0."""
    png = tmp_path / "smoke.png"
    proc = run_clean([str(linux_build.onedir / "kpi-desktop"), "--smoke-test", str(png)], tmp_path, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.width >= 400 and image.height >= 300
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 16  # text was drawn, not an empty window


@pytest.mark.skipif(not HAS_GUI, reason=NO_GUI)
def test_frozen_smoke_test_fails_when_the_bundled_fonts_are_gone(linux_build: LinuxBuild, tmp_path: Path) -> None:
    """Proves the environment above really has no fonts: without the bundled DejaVu the same smoke
    test must fail (if system fonts leaked in, it would pass)."""
    copy = tmp_path / "kpi-desktop"
    subprocess.run(["cp", "-al", str(linux_build.onedir), str(copy)], check=True)
    fonts = copy / "_internal" / "kpi_desktop" / "resources" / "fonts"
    for ttf in fonts.glob("*.ttf"):
        ttf.unlink()  # removes the hard link in the copy only
    proc = run_clean([str(copy / "kpi-desktop"), "--smoke-test", str(tmp_path / "x.png")], tmp_path, timeout=180)
    assert proc.returncode != 0
    assert "phông" in proc.stderr  # it says the font is wrong, rather than crashing
    assert "Traceback" not in proc.stderr


# --- contents and size --------------------------------------------------------------------------

def test_bundle_carries_data_files_and_licences(linux_build: LinuxBuild) -> None:
    internal = linux_build.onedir / "_internal"
    resources = internal / "kpi_desktop" / "resources"
    assert (resources / "fonts" / "DejaVuSans.ttf").is_file()
    assert (resources / "fonts" / "LICENSE-DejaVu.txt").is_file()
    migrations = internal / "kpi_desktop" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    sources = {p.name for p in (REPO / "kpi_desktop" / "store" / "migrations" / "versions").glob("*.py")}
    assert sources <= {p.name for p in (migrations / "versions").glob("*.py")}
    notices = (linux_build.onedir / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for component in ("PySide6", "SQLAlchemy", "alembic", "cryptography", "LGPL-3.0"):
        assert component in notices
    # the Qt parts a widgets application never loads stay out
    names = {p.name for p in internal.rglob("*")}
    assert not {n for n in names if re.match(r"libQt6(Qml|Quick|WebEngine|Pdf|3D)", n)}
    assert "libqgtk3.so" not in names and "tkinter" not in names


def test_bundle_uses_the_trimmed_icu(linux_build: LinuxBuild) -> None:
    icu = linux_build.onedir / "_internal" / "PySide6" / "Qt" / "lib" / "libicudata.so.73"
    assert icu.stat().st_size < 8_000_000
    assert "icu_trim:" in linux_build.log


def test_deb_depends_cover_what_the_bundle_links_to(linux_build: LinuxBuild) -> None:
    """Every shared library a bundled binary needs and the bundle does not carry comes from a
    package the .deb depends on (or libc6, which every system has)."""
    onedir = linux_build.onedir
    present = {p.name for p in onedir.rglob("*")}
    needed: dict[str, str] = {}
    for path in onedir.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
        for soname in re.findall(r"^\s*NEEDED\s+(\S+)", out, re.MULTILINE):
            if soname not in present:
                needed.setdefault(soname, str(path.relative_to(onedir)))
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    fields = control_fields()
    allowed = package_names(fields["Depends"]) | package_names(fields["Recommends"]) | {"libc6"}
    uncovered = {}
    for soname, user in sorted(needed.items()):
        match = re.search(rf"^\s*{re.escape(soname)} \(libc6,x86-64[^)]*\) => (\S+)", cache, re.MULTILINE)
        if match:
            owner = subprocess.run(["dpkg", "-S", str(Path(match.group(1)).resolve())], capture_output=True,
                                   text=True, check=False).stdout or subprocess.run(
                ["dpkg", "-S", match.group(1)], capture_output=True, text=True, check=False).stdout
            package = owner.split(":")[0].strip()
        else:  # not installed on this machine: Debian names it after the soname (libfoo.so.1 -> libfoo1)
            stem, _, major = soname.partition(".so.")
            package = stem.lower().replace("_", "-") + ("-" if stem[-1].isdigit() else "") + major
        if package not in allowed:
            uncovered[soname] = (package, user)
    assert not uncovered, uncovered


def test_deb_installs_the_onedir_commands_menu_entry_and_icon(linux_build: LinuxBuild, tmp_path: Path) -> None:
    version = load_installer_module("version")
    info = {k: subprocess.run(["dpkg-deb", "-f", str(linux_build.deb), k], capture_output=True, text=True,
                              check=True).stdout.strip() for k in ("Package", "Version", "Architecture", "Depends")}
    assert info["Package"] == "kpi-desktop"
    assert info["Version"] == version.debian_version()
    assert "libxcb-cursor0" in info["Depends"]
    listing = subprocess.run(["dpkg-deb", "-c", str(linux_build.deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/kpi-desktop/kpi-desktop", "./opt/kpi-desktop/kpi",
                 "./usr/bin/kpi-desktop -> /opt/kpi-desktop/kpi-desktop", "./usr/bin/kpi -> /opt/kpi-desktop/kpi",
                 "./usr/share/applications/vn.kpidesktop.KpiDesktop.desktop",
                 "./usr/share/metainfo/vn.kpidesktop.KpiDesktop.metainfo.xml",
                 "./usr/share/icons/hicolor/256x256/apps/kpi-desktop.png",
                 "./usr/share/doc/kpi-desktop/copyright"):
        assert path in listing, path
    assert " root/root " in listing
    # What dpkg would unpack runs as it is, from /opt, through the /usr/bin link.
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(linux_build.deb), str(root)], check=True)
    link = root / "usr" / "bin" / "kpi"
    link.unlink()
    link.symlink_to(root / "opt" / "kpi-desktop" / "kpi")
    proc = run_clean([str(link), "--version"], tmp_path)
    assert proc.returncode == 0 and kpi_desktop.__version__ in proc.stdout, proc.stderr
    metainfo = (root / "usr/share/metainfo/vn.kpidesktop.KpiDesktop.metainfo.xml").read_text(encoding="utf-8")
    assert f'<release version="{kpi_desktop.__version__}"' in metainfo


# --- Windows installer script against the real onedir, and the size budget -----------------------

def test_onedir_within_budget_and_nsis_compiles_it(linux_build: LinuxBuild, tmp_path: Path) -> None:
    size = tree_bytes(linux_build.onedir)
    assert size < BUDGET_BYTES, f"onedir {size / 1e6:.1f} MB > {BUDGET_BYTES / 1e6:.0f} MB"
    needs_makensis()
    proc = compile_nsis(linux_build.onedir, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    setup = tmp_path / "out" / f"kpi-desktop-{kpi_desktop.__version__}-setup.exe"
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert len(data) > 0.9 * size  # stored, not compressed (-DNOCOMPRESS): the whole onedir is in
    assert 'File: "kpi-desktop"' in proc.stdout and 'File: "THIRD-PARTY-NOTICES.txt"' in proc.stdout


def test_build_script_refuses_without_its_tools(tmp_path: Path) -> None:
    """A build machine without icupkg/dpkg-deb gets told what to install, not a half-made package."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "realpath", "env"):
        found = shutil.which(tool)
        assert found
        (bin_dir / tool).symlink_to(found)
    proc = subprocess.run(["bash", str(INSTALLER / "build-linux.sh"), str(tmp_path / "out")], capture_output=True,
                          text=True, env={"PATH": str(bin_dir), "PYTHON": sys.executable}, check=False)
    assert proc.returncode == 2
    assert "icupkg" in proc.stderr and "dpkg-deb" in proc.stderr
    assert not (tmp_path / "out").exists()
