# PostgreSQL for the benchmark: Debian's PostgreSQL 15 binaries, run as the user postgres in a data
# directory under bench/work/, on loopback only. Sourced by bench/run.
#
# Durability is ON, as in production: fsync, synchronous_commit and full_page_writes keep their
# defaults. The other settings size PostgreSQL for this machine and keep checkpoints out of the
# measurements; they are written to postgresql.auto.conf below and recorded in every result file.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55432}
PG_DATA="$WORK/pgdata"
PG_LOG="$WORK/postgres.log"

# name=value lines, applied with ALTER SYSTEM
PG_SETTINGS=(
  "listen_addresses=127.0.0.1"
  "max_connections=200"
  "shared_buffers=2GB"
  "effective_cache_size=8GB"
  "work_mem=16MB"
  "maintenance_work_mem=512MB"
  "wal_buffers=32MB"
  "max_wal_size=16GB"
  "min_wal_size=2GB"
  "checkpoint_timeout=30min"
  "checkpoint_completion_target=0.9"
  "random_page_cost=1.1"
  "effective_io_concurrency=200"
  "fsync=on"
  "synchronous_commit=on"
  "full_page_writes=on"
  "track_io_timing=on"
  "shared_preload_libraries=pg_stat_statements"
)

as_postgres() {
  runuser -u postgres -- "$@"
}

pg_settings_json() {
  local first=1
  printf '{'
  for setting in "${PG_SETTINGS[@]}"; do
    [[ $first == 1 ]] || printf ','
    first=0
    printf '"%s":"%s"' "${setting%%=*}" "${setting#*=}"
  done
  printf '}'
}

pg_start() {
  mkdir -p "$WORK"
  chmod 755 "$WORK"
  # the data directory lives in the worktree: postgres must be able to reach it
  local dir="$WORK"
  while [[ "$dir" != "/" ]]; do
    [[ -x "$dir" ]] && chmod o+x "$dir" 2>/dev/null || true
    dir=$(dirname "$dir")
  done
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log "initdb $PG_DATA"
    mkdir -p "$PG_DATA"
    chown postgres:postgres "$PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
  fi
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "-p $PG_PORT -c listen_addresses=127.0.0.1" -w start >/dev/null
  fi
  for setting in "${PG_SETTINGS[@]}"; do
    psql_admin -c "ALTER SYSTEM SET ${setting%%=*} = '${setting#*=}'" >/dev/null
  done
  # shared_buffers and wal_buffers need a restart
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "-p $PG_PORT" -w restart >/dev/null
  log "PostgreSQL $(psql_admin -Atc 'SHOW server_version') on 127.0.0.1:$PG_PORT (data $PG_DATA)"
}

pg_stop() {
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

psql_admin() {
  as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"
}

# a fresh, empty database owned by the application user
pg_fresh_db() {
  local db=$1
  psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  psql_admin -tc "SELECT 1 FROM pg_roles WHERE rolname = 'openrma'" | grep -q 1 \
    || psql_admin -c "CREATE ROLE openrma LOGIN PASSWORD 'openrma'"
  psql_admin -c "CREATE DATABASE $db OWNER openrma"
}

# pgbench's built-in tpcb-like script, scale 10, 8 clients: what this PostgreSQL commits per second
pgbench_tps() {
  local seconds=$1
  pg_fresh_db pgbench >/dev/null
  as_postgres "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q pgbench >"$WORK/pgbench-init.log" 2>&1
  psql_admin -d pgbench -c "VACUUM ANALYZE" >/dev/null
  as_postgres "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 8 -j 2 -T "$seconds" -P 10 pgbench \
    >"$WORK/pgbench.log" 2>&1
  psql_admin -c "DROP DATABASE pgbench" >/dev/null
  grep -E '^tps = ' "$WORK/pgbench.log" | head -1 | sed -E 's/^tps = ([0-9.]+).*/\1/'
}
