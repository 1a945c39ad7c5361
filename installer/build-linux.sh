#!/usr/bin/env bash
# Builds KPI Desktop for Linux: the PyInstaller onedir and a .deb made with dpkg-deb.
#
#   installer/build-linux.sh [OUT_DIR]          (default: dist/)
#
# Writes OUT_DIR/kpi-desktop/ (the onedir: kpi-desktop, kpi, _internal/) and
# OUT_DIR/kpi-desktop_<version>_<arch>.deb, which installs the onedir in /opt/kpi-desktop, the
# commands kpi-desktop and kpi in /usr/bin, the menu entry, icons and AppStream metadata.
# Environment: PYTHON (default .venv/bin/python; needs the project and PyInstaller installed:
# pip install -e ".[build]"), KPI_BUILD_WORK (PyInstaller's work folder, default OUT_DIR/build),
# DEB_COMPRESSION (xz, gzip, zstd or none; default xz; the tests use none).
# Needs objdump, as, ld (binutils), icupkg (icu-devtools) and dpkg-deb; scripts/setup.sh --dev
# installs them.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/dist}")
WORK=$(realpath -m "${KPI_BUILD_WORK:-$OUT/build}")
PY=${PYTHON:-$ROOT/.venv/bin/python}
[[ -x $PY ]] || PY=$(command -v python3)
COMPRESSION=${DEB_COMPRESSION:-xz}

missing=()
for tool in objdump as ld icupkg dpkg-deb; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "build-linux: thiếu công cụ / missing tools: ${missing[*]} (apt-get install binutils icu-devtools dpkg)" >&2
  exit 2
fi
if ! "$PY" -c "import PyInstaller, kpi_desktop" 2>/dev/null; then
  echo "build-linux: $PY cannot import PyInstaller and kpi_desktop (pip install -e '.[build]')" >&2
  exit 2
fi

VERSION=$("$PY" "$ROOT/installer/version.py")
DEB_VERSION=$("$PY" "$ROOT/installer/version.py" --debian)
ARCH=$(dpkg --print-architecture)
START=$(date +%s)

# The checkout being built, not whatever kpi_desktop the virtual environment points at.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
echo "== PyInstaller: kpi-desktop $VERSION -> $OUT/kpi-desktop"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT" --workpath "$WORK" "$ROOT/installer/kpi_desktop.spec"
BUNDLE=$OUT/kpi-desktop
FROZEN=$(date +%s)

echo "== .deb"
STAGE=$WORK/deb/kpi-desktop
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin"
# Hard links when the stage is on the same file system: 140 MB need not be copied again.
cp -al "$BUNDLE" "$STAGE/opt/kpi-desktop" 2>/dev/null || cp -a "$BUNDLE" "$STAGE/opt/kpi-desktop"
ln -s /opt/kpi-desktop/kpi-desktop "$STAGE/usr/bin/kpi-desktop"
ln -s /opt/kpi-desktop/kpi "$STAGE/usr/bin/kpi"
LINUX=$ROOT/installer/linux
install -Dm644 "$LINUX/vn.kpidesktop.KpiDesktop.desktop" \
  "$STAGE/usr/share/applications/vn.kpidesktop.KpiDesktop.desktop"
install -d "$STAGE/usr/share/metainfo"
# Release date: SOURCE_DATE_EPOCH when set (reproducible builds; dpkg-deb honours it too), else today.
RELEASE_DATE=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$RELEASE_DATE/" \
  "$LINUX/vn.kpidesktop.KpiDesktop.metainfo.xml.in" \
  >"$STAGE/usr/share/metainfo/vn.kpidesktop.KpiDesktop.metainfo.xml"
for size in 48x48 128x128 256x256; do
  install -Dm644 "$LINUX/icons/$size/kpi-desktop.png" "$STAGE/usr/share/icons/hicolor/$size/apps/kpi-desktop.png"
done
install -Dm644 "$LINUX/copyright" "$STAGE/usr/share/doc/kpi-desktop/copyright"
INSTALLED_SIZE=$(du -sk --apparent-size --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
  "$LINUX/control.in" >"$STAGE/DEBIAN/control"
DEB=$OUT/kpi-desktop_${DEB_VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$STAGE" "$DEB" >/dev/null
END=$(date +%s)

BUNDLE_BYTES=$(du -sb --apparent-size "$BUNDLE" | cut -f1)
DEB_BYTES=$(stat -c %s "$DEB")
echo "== done in $((END - START)) s (PyInstaller $((FROZEN - START)) s, .deb $((END - FROZEN)) s)"
awk -v b="$BUNDLE_BYTES" -v p="$BUNDLE" 'BEGIN { printf "onedir  %s  %.1f MB\n", p, b / 1e6 }'
awk -v b="$DEB_BYTES" -v p="$DEB" 'BEGIN { printf "deb     %s  %.1f MB\n", p, b / 1e6 }'
