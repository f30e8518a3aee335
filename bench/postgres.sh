# Sourced by bench/run.sh: a throw-away PostgreSQL server in a folder, started the way the tests start
# theirs (initdb + pg_ctl from the newest /usr/lib/postgresql/*/bin, as the postgres user when root).
# Durability matches the SQLite store's (synchronous=NORMAL in WAL mode: a crash loses no committed
# transaction's consistency, a power cut at most the last few): synchronous_commit=off.
pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install 'postgresql'" >&2; return 1; }
  echo "$bin"
}

pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() { # folder port
  local folder=$1 port=$2 bin
  bin=$(pg_bin)
  mkdir -p "$folder/socket"
  if [ "$(id -u)" = 0 ]; then chmod 755 "$(dirname "$folder")"; chown -R postgres "$folder"; fi
  pg_as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  pg_as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start \
    -o "-p $port -k $folder/socket -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c shared_buffers=256MB -c max_connections=200" >/dev/null
}

pg_stop() { # folder
  local bin; bin=$(pg_bin) || return 0
  [ -f "$1/data/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$1/data" -w stop -m immediate >/dev/null 2>&1 || true
}
