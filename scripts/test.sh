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
echo "== PostgreSQL"
# The PostgreSQL cases need a server: use KPI_TEST_PG_URL if given, else start a throw-away cluster
# (scripts/pg-test-server.sh) and stop it afterwards. Without one they are skipped, with the reason
# in the summary; CI sets KPI_REQUIRE_PG=1, so there a missing server fails the run instead.
if [[ -z ${KPI_TEST_PG_URL:-} ]]; then
  already_running=0
  scripts/pg-test-server.sh url >/dev/null 2>&1 && already_running=1
  if pg_url=$(scripts/pg-test-server.sh start); then
    export KPI_TEST_PG_URL=$pg_url
    # Stop it afterwards only if this run started it (someone else may be using it).
    [[ $already_running == 1 ]] || trap 'scripts/pg-test-server.sh stop || true' EXIT
    echo "test server: $KPI_TEST_PG_URL"
  elif [[ ${KPI_REQUIRE_PG:-0} != 0 ]]; then
    echo "PostgreSQL test server did not start, and KPI_REQUIRE_PG is set" >&2
    exit 1
  else
    echo "no PostgreSQL test server: the PostgreSQL tests will be skipped"
  fi
else
  echo "using KPI_TEST_PG_URL"
fi
echo "== pytest"
.venv/bin/python -m pytest "$@"
