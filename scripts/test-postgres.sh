#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + pgvector for bbj-rag's real-server tests (Debian bookworm).
#
#   scripts/test-postgres.sh install   # apt packages + pgvector built from Debian trixie's source
#   scripts/test-postgres.sh start     # cluster under ${TMPDIR:-/tmp}/bbj-rag-pg; last stdout line = URL
#   eval "$(scripts/test-postgres.sh env)"   # start, then export TEST_DATABASE_URL
#   scripts/test-postgres.sh url | status | stop | destroy
#
# Every subcommand is idempotent. Progress goes to stderr, so stdout carries only the URL (or
# the export line). Overrides: BBJ_PG_DIR (cluster directory), BBJ_PG_PORT (first port to try),
# BBJ_PG_DB (database), PG_MAJOR (15), DEBIAN_MIRROR (default: the mirror apt already uses).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib/pg-install.sh
. "$here/lib/pg-install.sh"

PG_MAJOR=${PG_MAJOR:-15}
PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/$PG_MAJOR/bin}
BASE_DIR=${BBJ_PG_DIR:-${TMPDIR:-/tmp}/bbj-rag-pg}
DATA_DIR=$BASE_DIR/data
PORT_FILE=$BASE_DIR/port
SERVER_LOG=$BASE_DIR/server.log
DB_NAME=${BBJ_PG_DB:-bbj_rag_test}
FIRST_PORT=${BBJ_PG_PORT:-55432}
PORT_TRIES=20

# The server refuses to run as root; as root we run it as the `postgres` account instead.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd "$BASE_DIR" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

require_server() {
  local bin
  for bin in initdb pg_ctl postgres psql pg_isready; do
    [[ -x $PG_BINDIR/$bin ]] || die "$PG_BINDIR/$bin not found: run '$0 install' first"
  done
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "no 'postgres' account to run the server as: run '$0 install' first"
  fi
}

is_running() {
  [[ -f $DATA_DIR/PG_VERSION ]] && as_owner "$PG_BINDIR/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

current_port() { [[ -s $PORT_FILE ]] && cat "$PORT_FILE"; }

url_for() { echo "postgresql://postgres@127.0.0.1:$1/$DB_NAME"; }

psql_admin() {
  PGOPTIONS='-c client_min_messages=warning' "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres "${@:2}"
}

# Something accepting connections on 127.0.0.1:PORT means the port is taken.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

init_cluster() {
  mkdir -p "$BASE_DIR"
  if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$BASE_DIR"; fi
  chmod 700 "$BASE_DIR"
  # The postgres account must be able to reach the directory (a TMPDIR under /root is not).
  as_owner test -w "$BASE_DIR" || die "$BASE_DIR is not writable by the server account; set BBJ_PG_DIR"
  [[ -f $DATA_DIR/PG_VERSION ]] && return 0
  step "initdb $DATA_DIR"
  rm -rf "$DATA_DIR"
  # C collation: the same sort order on every machine. trust: a loopback-only test server.
  as_owner "$PG_BINDIR/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --no-locale >"$BASE_DIR/initdb.log" 2>&1 \
    || { cat "$BASE_DIR/initdb.log" >&2; die "initdb failed"; }
  # Durability is worthless for a test database; speed is not.
  as_owner tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<EOF

# bbj-rag test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BASE_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
maintenance_work_mem = '256MB'
EOF
}

start_server() {
  local port=$FIRST_PORT tries=0 previous
  previous=$(current_port || true)
  # Prefer the port used last time so a developer's exported URL stays valid.
  [[ -n $previous ]] && port=$previous
  while ((tries < PORT_TRIES)); do
    if ! port_in_use "$port"; then
      step "starting PostgreSQL $PG_MAJOR on 127.0.0.1:$port"
      if as_owner "$PG_BINDIR/pg_ctl" -D "$DATA_DIR" -l "$SERVER_LOG" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
        echo "$port" >"$PORT_FILE"
        return 0
      fi
      # Lost a race for the port, or a real failure: the log tells which.
      tail -n 5 "$SERVER_LOG" >&2 || true
    fi
    port=$((port + 1))
    tries=$((tries + 1))
  done
  die "could not start PostgreSQL on ports $FIRST_PORT..$port (log: $SERVER_LOG)"
}

prepare_database() {
  local port=$1 version
  if [[ -z $(psql_admin "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") ]]; then
    step "creating database $DB_NAME"
    psql_admin "$port" -d postgres -c "CREATE DATABASE \"$DB_NAME\""
  fi
  # Proves the extension really loads, not just that its files exist.
  psql_admin "$port" -d "$DB_NAME" -c 'CREATE EXTENSION IF NOT EXISTS vector'
  version=$(psql_admin "$port" -d "$DB_NAME" -tAc "SELECT extversion FROM pg_extension WHERE extname = 'vector'")
  step "ready: database $DB_NAME, pgvector $version"
}

# Starts (or reuses) the server; sets URL.
ensure_started() {
  require_server
  init_cluster
  local port
  if is_running && port=$(current_port) && "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    step "already running on 127.0.0.1:$port"
  else
    start_server
    port=$(current_port)
  fi
  prepare_database "$port"
  URL=$(url_for "$port")
}

cmd_start() { ensure_started; echo "$URL"; }

cmd_env() { ensure_started; echo "export TEST_DATABASE_URL='$URL'"; }

cmd_url() {
  local port
  if is_running && port=$(current_port); then url_for "$port"; else die "not running: use '$0 start'"; fi
}

cmd_status() {
  if is_running; then echo "running: $(cmd_url)"; else echo "stopped"; return 3; fi
}

cmd_stop() {
  if is_running; then
    step "stopping PostgreSQL ($DATA_DIR)"
    as_owner "$PG_BINDIR/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
  else
    step "not running"
  fi
}

cmd_destroy() {
  cmd_stop
  step "removing $BASE_DIR"
  rm -rf "$BASE_DIR"
}

usage() {
  sed -n '2,11s/^# \{0,1\}//p' "$0" >&2
  exit "${1:-2}"
}

case ${1:-} in
  install) install_all ;;
  start) cmd_start ;;
  env) cmd_env ;;
  url) cmd_url ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  destroy) cmd_destroy ;;
  -h | --help | help) usage 0 ;;
  *) usage ;;
esac
