#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the test suite, built from Debian's `postgresql` packages.
#
#   scripts/pg-test-server.sh [start]   start it (creating it first if needed); print its SQLAlchemy URL
#   scripts/pg-test-server.sh url       print the URL of the running cluster (exit 1 if it is not running)
#   scripts/pg-test-server.sh stop      stop it (the data stays, `start` reuses it)
#   scripts/pg-test-server.sh destroy   stop it and delete its folder
#
# The cluster lives in $KPI_PG_DIR (default /tmp/kpi-pg-test), listens only on a unix socket inside
# that folder (no TCP port, so nothing collides with a real server on 5432), trusts local connections
# and runs with fsync off: it holds nothing worth keeping. Running it again is safe (idempotent).
# As root the server runs as the `postgres` system account the package creates (initdb refuses root).
set -euo pipefail

DIR=${KPI_PG_DIR:-/tmp/kpi-pg-test}
DATA=$DIR/data
SOCK=$DIR/run
LOG=$DIR/server.log
ROLE=kpi
DBNAME=kpi_test
ACTION=${1:-start}

find_bindir() {
  local candidate
  # Newest installed major version first (Debian keeps each under /usr/lib/postgresql/N/bin).
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    [[ -x $candidate/initdb && -x $candidate/pg_ctl ]] && { echo "$candidate"; return 0; }
  done
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  return 1
}

if ! BIN=$(find_bindir); then
  echo "pg-test-server: PostgreSQL is not installed (Debian: apt-get install -y postgresql)" >&2
  exit 3
fi

# Run a server-side command as the account that owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port() { cat "$DIR/port"; }

url() {
  echo "postgresql+psycopg://${ROLE}@/${DBNAME}?host=${SOCK}&port=$(port)"
}

running() {
  [[ -f $DATA/PG_VERSION ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

psql_admin() {
  as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$(port)" -d postgres "$@"
}

create_cluster() {
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "pg-test-server: running as root but there is no 'postgres' account to own the cluster" >&2
    exit 3
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  # The port only names the socket file; any number works as nothing listens on TCP.
  echo $((20000 + RANDOM % 20000)) >"$DIR/port"
  mkdir -p "$SOCK"
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$DIR"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  cat >>"$DATA/postgresql.conf" <<EOF
# kpi-desktop test cluster: throw-away data, speed over durability
listen_addresses = ''
unix_socket_directories = '$SOCK'
unix_socket_permissions = 0777
port = $(port)
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 64MB
log_min_messages = warning
EOF
}

start() {
  if [[ ! -f $DATA/PG_VERSION || ! -f $DIR/port ]]; then
    create_cluster
  fi
  if ! running; then
    rm -f "$DATA/postmaster.pid"  # stale after a crash; pg_ctl status said nothing runs
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null \
      || { tail -n 30 "$LOG" >&2; exit 1; }
  fi
  # Role and database (idempotent): the role may create databases, so tests get one each.
  psql_admin <<SQL
SELECT 'CREATE ROLE ${ROLE} LOGIN CREATEDB' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}')\gexec
SELECT 'CREATE DATABASE ${DBNAME} OWNER ${ROLE} ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DBNAME}')\gexec
SQL
  url
}

case $ACTION in
  start) start ;;
  url)
    running || { echo "pg-test-server: not running" >&2; exit 1; }
    url ;;
  stop)
    if running; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    fi ;;
  destroy)
    if running; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    fi
    rm -rf "$DIR" ;;
  *)
    echo "usage: $0 [start|url|stop|destroy]" >&2
    exit 2 ;;
esac
