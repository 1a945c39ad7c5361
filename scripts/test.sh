#!/usr/bin/env bash
# The whole test suite, lint and type checks included. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
export LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check kpi_desktop tests benchmarks
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
