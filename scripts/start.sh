#!/usr/bin/env bash
# Sets everything up, builds the demo commune (once) and starts KPI Desktop on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
DB=${KPI_DB:-$PWD/demo/kpi-demo.db}
mkdir -p "$(dirname "$DB")"
[[ -f $DB ]] || .venv/bin/kpi demo --db "$DB"
if .venv/bin/python -c "import kpi_desktop.app" 2>/dev/null; then
  exec .venv/bin/kpi-desktop --db "$DB" "$@"
fi
exec .venv/bin/kpi status --db "$DB"
