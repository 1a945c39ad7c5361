#!/usr/bin/env bash
# Sets everything up, builds the demo commune (once) and starts KPI Desktop on it.
# Until the GUI is installed, it prints the demo database's summary with the CLI instead.
# Usage: scripts/start.sh [arguments passed to kpi-desktop]; KPI_DB=PATH picks another database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export LANG=${LANG:-C.UTF-8}
DB=${KPI_DB:-$PWD/demo/kpi-demo.db}
mkdir -p "$(dirname "$DB")"
if [[ ! -s $DB ]]; then
  echo "== demo: $DB"
  .venv/bin/kpi demo --db "$DB"
fi
if .venv/bin/python -c "import kpi_desktop.app" 2>/dev/null; then
  # The demo's accounts (created by `kpi demo`) and their shared password, for the login dialog.
  .venv/bin/python -c "from kpi_desktop.services.auth import DEMO_PASSWORD as p; \
print('Đăng nhập demo / demo logins: tochuc, lanhdao, nhanvien, sonoivu, quantri — mật khẩu / password:', p)" \
    2>/dev/null || true
  exec .venv/bin/kpi-desktop --db "$DB" "$@"
fi
.venv/bin/kpi status --db "$DB"
echo
echo "Giao diện đồ hoạ chưa được cài; thử: .venv/bin/kpi --help   (GUI not installed yet; try: .venv/bin/kpi --help)"
