"""The installer's source files: version plumbing, Linux metadata, icons, ICU cut, NSIS script.

Fast checks that need no frozen build (the frozen build is in test_frozen_linux.py, marked slow).
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import kpi_desktop

from .conftest import INSTALLER, REPO, load_installer_module

version_mod = load_installer_module("version")
icu_trim = load_installer_module("icu_trim")

LINUX = INSTALLER / "linux"
APP_ID = "vn.kpidesktop.KpiDesktop"
# style.md §4: what Qt needs from the system to draw (offscreen and xcb); the .deb must pull them in.
QT_RUNTIME = ["libegl1", "libgl1", "libglx0", "libopengl0", "libxkbcommon0", "libxkbcommon-x11-0",
              "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0", "libx11-6", "libxcb1",
              "libpng16-16", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
              "libxcb-randr0", "libxcb-render-util0", "libxcb-image0"]


def control_fields(version: str = "1.0", arch: str = "amd64") -> dict[str, str]:
    text = (LINUX / "control.in").read_text(encoding="utf-8")
    text = text.replace("@VERSION@", version).replace("@ARCH@", arch).replace("@INSTALLED_SIZE@", "1")
    fields: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def package_names(relation: str) -> set[str]:
    """Every package named in a Depends-style field, alternatives included."""
    names = set()
    for clause in relation.replace("\n", " ").split(","):
        for alternative in clause.split("|"):
            name = re.sub(r"\(.*?\)", "", alternative).strip()
            if name:
                names.add(name)
    return names


# --- version: one place ---------------------------------------------------------------------------

def test_version_is_read_from_the_package() -> None:
    assert version_mod.version() == kpi_desktop.__version__
    out = subprocess.run([sys.executable, str(INSTALLER / "version.py")], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == kpi_desktop.__version__


@pytest.mark.parametrize(("pep440", "debian", "windows"), [
    ("0.1.0", "0.1.0", (0, 1, 0, 0)),
    ("1.2", "1.2", (1, 2, 0, 0)),
    ("1.2.0rc1", "1.2.0~rc1", (1, 2, 0, 0)),
    ("2.0b3", "2.0~b3", (2, 0, 0, 0)),
    ("1.4.2.dev5", "1.4.2~dev5", (1, 4, 2, 0)),
])
def test_version_translations_keep_the_order(pep440: str, debian: str, windows: tuple[int, ...]) -> None:
    assert version_mod.debian_version(pep440) == debian
    assert version_mod.version_tuple(pep440) == windows


def test_debian_version_orders_prerelease_before_release() -> None:
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg không có")
    pre, final = version_mod.debian_version("1.0rc1"), version_mod.debian_version("1.0")
    assert subprocess.run(["dpkg", "--compare-versions", pre, "lt", final], check=False).returncode == 0


def _eval_version_resource(text: str) -> Any:
    """Evaluate the version resource as PyInstaller does, with recording stand-ins for its classes."""
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct"]
    def recorder(name: str) -> Any:
        return lambda *args, **kwargs: {"type": name, "args": args, **kwargs}

    namespace: dict[str, Any] = {name: recorder(name) for name in names}
    return eval(text, namespace)  # the template is PyInstaller's own Python-expression format


def test_windows_version_resource_carries_the_version() -> None:
    for exe in ("kpi-desktop", "kpi"):
        resource = _eval_version_resource(version_mod.win_version_info(exe, "1.2.3"))
        assert resource["ffi"]["filevers"] == (1, 2, 3, 0)
        tables = resource["kids"][0]["args"][0]
        assert [t["args"][0] for t in tables] == ["042a04b0", "040904b0"]  # Vietnamese, English
        strings = {s["args"][0]: s["args"][1] for s in tables[0]["args"][1]}
        assert strings["ProductVersion"] == "1.2.3"
        assert strings["OriginalFilename"] == f"{exe}.exe"


def test_nsis_include_defines_the_version() -> None:
    text = version_mod.nsh()
    assert f'!define VERSION "{kpi_desktop.__version__}"' in text
    assert re.search(r'!define VERSION_DOTTED "\d+\.\d+\.\d+\.\d+"', text)


def test_no_version_number_is_written_anywhere_else() -> None:
    version = kpi_desktop.__version__
    for path in INSTALLER.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".nsi", ".in", ".desktop", ".md", ".sh", ".spec", ".txt"):
            assert f'"{version}"' not in path.read_text(encoding="utf-8", errors="replace"), path


# --- Linux metadata ------------------------------------------------------------------------------

def test_desktop_entry_names_the_installed_command_and_icon() -> None:
    entry = configparser.RawConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "kpi-desktop"
    assert section["Icon"] == "kpi-desktop"
    assert section["Terminal"] == "false"
    assert "viên chức" in section["Comment[vi]"]
    for size in ("48x48", "128x128", "256x256"):
        assert (LINUX / "icons" / size / "kpi-desktop.png").is_file()


def test_desktop_entry_validates() -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate không có (apt-get install desktop-file-utils)")
    proc = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_validates(tmp_path: Path) -> None:
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli không có (apt-get install appstream)")
    text = (LINUX / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    assert "@VERSION@" in text  # filled in by build-linux.sh, never written by hand
    out = tmp_path / f"{APP_ID}.metainfo.xml"
    out.write_text(text.replace("@VERSION@", "1.0").replace("@DATE@", "2026-01-01"), encoding="utf-8")
    proc = subprocess.run(["appstreamcli", "validate", "--no-net", str(out)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in text


def test_deb_control_depends_on_the_qt_runtime() -> None:
    fields = control_fields()
    depends = package_names(fields["Depends"])
    assert set(QT_RUNTIME) <= depends, set(QT_RUNTIME) - depends
    assert fields["Package"] == "kpi-desktop"
    assert fields["Version"] == "1.0"
    # Vietnamese in the long description survives as UTF-8
    assert "viên chức" in fields["Description"]


def test_icons_have_every_size_windows_and_linux_ask_for() -> None:
    with Image.open(INSTALLER / "images" / "kpi-desktop.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    for size in (48, 128, 256):
        with Image.open(LINUX / "icons" / f"{size}x{size}" / "kpi-desktop.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"


def test_no_private_key_is_shipped_with_the_resources() -> None:
    """The installers copy every certificate under kpi_desktop/resources; a key there would leak."""
    for path in (REPO / "kpi_desktop" / "resources").rglob("*"):
        if path.is_file() and path.suffix.lower() in (".pem", ".crt", ".cer", ".key", ".p12", ".pfx", ".der"):
            assert path.suffix.lower() not in (".key", ".p12", ".pfx"), path
            assert b"PRIVATE KEY" not in path.read_bytes(), path


# --- ICU cut --------------------------------------------------------------------------------------

def test_icu_cut_keeps_vietnamese_english_and_shared_data() -> None:
    items = ["vi.res", "vi_VN.res", "en.res", "en_GB.res", "en_001.res", "root.res", "pool.res", "res_index.res",
             "fr.res", "zh_Hant_TW.res", "coll/vi.res", "coll/zh.res", "coll/root.res", "coll/ucadata.icu",
             "brkitr/cjdict.dict", "brkitr/line.brk", "brkitr/th.res", "translit/root.res", "unames.icu",
             "zone/vi.res", "zone/ja.res", "zone/tzdbNames.res", "curr/pool.res", "supplementalData.res",
             "zoneinfo64.res", "likelySubtags.res", "plurals.res", "nfkc.nrm"]
    removed = set(icu_trim.items_to_remove(items))
    assert removed == {"fr.res", "zh_Hant_TW.res", "coll/zh.res", "brkitr/cjdict.dict", "brkitr/th.res",
                       "translit/root.res", "unames.icu", "zone/ja.res"}


def _qt_icu_library() -> Path:
    import PySide6

    lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
    if not sys.platform.startswith("linux") or not lib.exists():
        pytest.skip("thư viện ICU của Qt (Linux) không có ở đây")
    missing = [t for t in ("objdump", "icupkg", "as", "ld") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"thiếu {', '.join(missing)} (apt-get install icu-devtools binutils)")
    return lib


COLLATION_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QTimeZone, QDateTime
vi = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
names = ["Âm", "Ăn", "Anh", "Đức", "Dũng", "Ơn", "Ô", "Bình"]
print("|".join(sorted(names, key=QCollator(vi).sortKey)))
print(vi.toUpper("đức ơn"))
tz = QTimeZone(b"Asia/Ho_Chi_Minh")
print(tz.isValid(), tz.displayName(QDateTime(2026, 1, 1, 0, 0, 0), QTimeZone.NameType.LongName, vi))
"""


def test_trimmed_icu_still_sorts_vietnamese(tmp_path: Path) -> None:
    """Qt with the cut-down ICU data: Vietnamese collation (A < Ă < Â, D < Đ, O < Ô < Ơ) and time
    zone names still come out right; without the vi collation data the order would be the root one."""
    lib = _qt_icu_library()
    out = tmp_path / "lib" / lib.name
    stats = icu_trim.trim(lib, out)
    assert stats["after"] < 8_000_000 < stats["before"]
    env = {"LD_LIBRARY_PATH": str(out.parent), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
           "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.path[:0] = " + repr(sys.path) + "\n" + COLLATION_PROBE],
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    order, upper, zone = proc.stdout.splitlines()
    assert order.split("|") == ["Anh", "Ăn", "Âm", "Bình", "Dũng", "Đức", "Ô", "Ơn"]
    assert upper == "ĐỨC ƠN"
    assert zone.startswith("True ") and "Đông Dương" in zone


def test_trimmed_icu_library_is_really_loaded(tmp_path: Path) -> None:
    """Guards the previous test: LD_LIBRARY_PATH must win over Qt's $ORIGIN run path."""
    lib = _qt_icu_library()
    out = tmp_path / "lib" / lib.name
    icu_trim.trim(lib, out)
    env = {"LD_LIBRARY_PATH": str(out.parent), "LD_DEBUG": "libs", "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.path[:0] = " + repr(sys.path)
                           + "\nfrom PySide6.QtCore import QCollator"],
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert f"calling init: {out}" in proc.stderr


# --- NSIS script ---------------------------------------------------------------------------------

def _fake_onedir(root: Path, *, certificates: bool) -> Path:
    dist = root / "kpi-desktop"
    resources = dist / "_internal" / "kpi_desktop" / "resources"
    (resources / "fonts").mkdir(parents=True)
    (resources / "fonts" / "DejaVuSans.ttf").write_bytes(b"\0" * 64)
    for exe in ("kpi-desktop.exe", "kpi.exe"):
        (dist / exe).write_bytes(b"MZ" + b"\0" * 62)
    (dist / "THIRD-PARTY-NOTICES.txt").write_text("notices\n", encoding="utf-8")
    if certificates:
        (resources / "pki").mkdir()
        (resources / "pki" / "province-root.pem").write_text(
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", encoding="ascii")
        (resources / "pki" / "province-enc.crt").write_text("crt\n", encoding="ascii")
        (resources / "pki" / "province-enc.key").write_text("not a certificate\n", encoding="ascii")
    return dist


def compile_nsis(dist: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    out.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        ["makensis", "-V4", "-INPUTCHARSET", "UTF8", f"-DPYTHON={sys.executable}", "-DNOCOMPRESS",
         f"-DDISTDIR={dist}", f"-DOUTDIR={out}", *extra, str(INSTALLER / "kpi_desktop.nsi")],
        capture_output=True, text=True, check=False, timeout=600)


def needs_makensis() -> None:
    if shutil.which("makensis") is None:
        pytest.skip("makensis không có (apt-get install nsis)")


def test_nsis_ships_province_certificates_but_never_keys(tmp_path: Path) -> None:
    needs_makensis()
    proc = compile_nsis(_fake_onedir(tmp_path, certificates=True), tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    log = proc.stdout
    # Whole onedir, then the certificates again in $INSTDIR\certificates
    assert log.count('File: "province-root.pem"') == 2
    assert log.count('File: "province-enc.crt"') == 2
    assert log.count('File: "province-enc.key"') == 1  # only inside _internal, as part of the onedir
    warnings = re.findall(r"^\s*(\d{4}): (.*)$", log.split("warning:", 1)[-1], re.MULTILINE)
    assert all(code == "7010" and '*.cer"' in text for code, text in warnings), warnings
    setup = tmp_path / "out" / f"kpi-desktop-{kpi_desktop.__version__}-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"


def test_nsis_without_certificates_still_builds(tmp_path: Path) -> None:
    needs_makensis()
    proc = compile_nsis(_fake_onedir(tmp_path, certificates=False), tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    warnings = re.findall(r"^\s*(\d{4}): (.*)$", proc.stdout.split("warnings:", 1)[-1], re.MULTILINE)
    # The only warnings allowed: "no *.pem/*.crt/*.cer found" for the optional certificates.
    assert warnings and all(code == "7010" and re.search(r"\*\.(pem|crt|cer)\"", text) for code, text in warnings)


def test_nsis_is_per_user_bilingual_and_keeps_user_data() -> None:
    script = (INSTALLER / "kpi_desktop.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APPNAME}"' in script
    assert '!insertmacro MUI_LANGUAGE "Vietnamese"' in script and '!insertmacro MUI_LANGUAGE "English"' in script
    assert 'WriteRegStr HKCU "${UNINST_KEY}" "UninstallString"' in script
    assert "HKLM" not in script
    uninstall = script.split('Section "Uninstall"', 1)[1]
    assert "RMDir /r \"$INSTDIR\"" not in uninstall  # never wipe a folder the user chose
    assert "$APPDATA" not in uninstall.replace("%APPDATA%", "") and "KPI Desktop\\kpi-desktop" not in uninstall


def test_nsis_refuses_a_missing_build(tmp_path: Path) -> None:
    needs_makensis()
    proc = compile_nsis(tmp_path / "nothing-here", tmp_path / "out")
    assert proc.returncode != 0
    assert "No PyInstaller build" in proc.stdout + proc.stderr
