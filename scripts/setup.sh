#!/usr/bin/env bash
# Installs what KPI Desktop needs on Debian/Ubuntu: the apt libraries Qt uses, the tools the tests
# call, a virtual environment in .venv and the Python packages. Safe to run again: it only adds
# what is missing. Usage: scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[[ "${1:-}" == "--dev" ]] && DEV=1

# Qt offscreen/xcb needs these; the rest are the tools the tests call (pdftotext, qpdf, sqlite3,
# openssl, SoftHSM for the token signer, makensis for the Windows installer script, PostgreSQL;
# icupkg, desktop-file-validate and appstreamcli for the Linux package).
APT_RUNTIME=(libegl1 libgl1 libglx0 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libfreetype6 libdbus-1-3 libglib2.0-0 libx11-6 libxcb1 libpng16-16 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core)
APT_DEV=(poppler-utils qpdf sqlite3 openssl softhsm2 opensc nsis postgresql binutils python3-venv
  icu-devtools desktop-file-utils appstream)

want=("${APT_RUNTIME[@]}")
[[ $DEV == 1 ]] && want+=("${APT_DEV[@]}")
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "== apt: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "== venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.kpi-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  echo "== pip"
  .venv/bin/python -m pip install -q --upgrade pip
  if [[ $DEV == 1 ]]; then
    .venv/bin/python -m pip install -q -e ".[dev,build]"
  else
    .venv/bin/python -m pip install -q -e .
  fi
  touch "$stamp"
fi
