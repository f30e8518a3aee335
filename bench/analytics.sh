#!/usr/bin/env bash
# Analytics bench (docs/analytics.md): p50/p95 of GET /api/analytics/ over N tickets (default 1,000,000) on SQLite and
# PostgreSQL, the time of the counters' rebuild after a bulk load, and create throughput with the counters' sink
# against the same service without it (a build of BENCH_BASE, default the merge-base with main), in one run.
#   bench/analytics.sh
#   BENCH_TICKETS=100000 BENCH_STORES=sqlite bench/analytics.sh
#   BENCH_BASE=<commit before analytics> BENCH_DURATION=10s BENCH_CONNECTIONS=16 bench/analytics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tickets=${BENCH_TICKETS:-1000000}
duration=${BENCH_DURATION:-5s}
connections=${BENCH_CONNECTIONS:-8}
stores=${BENCH_STORES:-sqlite postgres}
base=${BENCH_BASE:-$(git merge-base HEAD main)}
source bench/lib.sh
api_port=$(free_port "${BENCH_API_PORT:-18300}")
pg_port=$(free_port $((api_port + 1)))
work=$(mktemp -d)
pid=""
source bench/postgres.sh
stop_api() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
cleanup() { stop_api; pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3 >/dev/null
command -v psql >/dev/null || apt-get install -y -q postgresql-client >/dev/null

echo "building this tree and $base (Release)..." >&2
dotnet build -c Release -v q -nologo TicketApi/TicketApi.csproj -o "$work/api" >/dev/null
mkdir -p "$work/base-src" && git archive "$base" | tar -x -C "$work/base-src"
dotnet build -c Release -v q -nologo "$work/base-src/TicketApi/TicketApi.csproj" -o "$work/base" >/dev/null

start_api() { # dll connection-string
  ASPNETCORE_URLS="http://127.0.0.1:$api_port" ConnectionStrings__Tickets="$2" Logging__LogLevel__Default=Warning RATE_LIMITS=off \
    dotnet "$1" >"$work/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { cat "$work/api.log" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$api_port/health" >/dev/null 2>&1 && return 0; sleep 0.2
  done
  echo "the service did not start" >&2; exit 1
}
latency() { # url -> "p50 p95" in ms, one connection (the latency a person at the page sees)
  wrk -t1 -c1 -d2s "$1" >/dev/null 2>&1 || true   # warm-up
  local out; out=$(wrk -t1 -c1 -d"$duration" -s "$root/bench/lua/percentiles.lua" "$1")
  printf '%s %s\n' "$(awk '$1 == "p50" {print $2}' <<<"$out")" "$(awk '$1 == "p95" {print $2}' <<<"$out")"
}
creates() { # -> requests/s of POST /api/tickets/
  wrk -t2 -c"$connections" -d2s -s "$root/bench/lua/create.lua" "http://127.0.0.1:$api_port/api/tickets/" >/dev/null 2>&1 || true
  wrk -t2 -c"$connections" -d"$duration" -s "$root/bench/lua/create.lua" "http://127.0.0.1:$api_port/api/tickets/" | awk '/Requests\/sec/ {print $2}'
}

printf 'store\tcreates/s without\tcreates/s with\trebuild s\t30 days p50 ms\tp95 ms\t366 days p50 ms\tp95 ms\n'
for store in $stores; do
  if [ "$store" = sqlite ]; then
    conn() { echo "Data Source=$work/$1.db"; }
    seed() { sqlite3 "$work/$1.db" -cmd ".parameter set :n $tickets" < bench/seed.sql >/dev/null; }
  else
    [ -d "$work/pg" ] || pg_start "$work/pg" "$pg_port"
    conn() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE $1" >/dev/null; echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1"; }
    seed() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -v ON_ERROR_STOP=1 -v n="$tickets" -f bench/seed-postgres.sql >/dev/null; }
  fi
  start_api "$work/base/TicketApi.dll" "$(conn "${store}_base")"; without=$(creates); stop_api
  start_api "$work/api/TicketApi.dll" "$(conn "${store}_with")"; with=$(creates); stop_api
  start_api "$work/api/TicketApi.dll" "$(conn "${store}_read")"
  echo "seeding $tickets tickets into $store..." >&2
  seed "${store}_read"
  started=$(date +%s.%N)
  curl -sf -X POST "http://127.0.0.1:$api_port/api/analytics/rebuild" >/dev/null
  rebuild=$(echo "$(date +%s.%N) - $started" | bc)
  # The seed spreads tickets over 2024 (30 s apart): a month in the middle, and the longest period allowed.
  read -r m50 m95 < <(latency "http://127.0.0.1:$api_port/api/analytics/?from=2024-06-01&to=2024-06-30")
  read -r y50 y95 < <(latency "http://127.0.0.1:$api_port/api/analytics/?from=2024-01-01&to=2024-12-31")
  stop_api
  printf '%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%s\n' "$store" "$without" "$with" "$rebuild" "$m50" "$m95" "$y50" "$y95"
done
