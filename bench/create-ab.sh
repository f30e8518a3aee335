#!/usr/bin/env bash
# POST /api/tickets/ throughput of this tree against BENCH_BASE (default HEAD~1), on SQLite and PostgreSQL: both
# builds run side by side, each on a database of its own, and wrk rounds alternate between them, so the shared
# machine's load falls on both. Prints the median creates/s of each and their ratio, with 1 and 32 connections.
# For a change to the write path: run it with BENCH_BASE at the commit before the change.
#   bench/create-ab.sh
#   BENCH_BASE=<commit> BENCH_STORES=sqlite BENCH_DURATION=5s BENCH_ROUNDS=7 bench/create-ab.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=${BENCH_BASE:-HEAD~1}
duration=${BENCH_DURATION:-5s}
rounds=${BENCH_ROUNDS:-7}
stores=${BENCH_STORES:-sqlite postgres}
source bench/lib.sh
source bench/postgres.sh
need wrk wrk
need psql postgresql-client

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

echo "building this tree and $base (Release)..." >&2
dotnet build -c Release -v q -nologo TicketApi/TicketApi.csproj -o "$work/this" >/dev/null
mkdir -p "$work/base-src" && git archive "$base" | tar -x -C "$work/base-src"
dotnet build -c Release -v q -nologo "$work/base-src/TicketApi/TicketApi.csproj" -o "$work/base" >/dev/null

declare -A port pid
next_port=${BENCH_API_PORT:-18400}
start() { # side connection-string
  # Searched from past the last service's port: a service still starting would look free.
  port[$1]=$(free_port "$next_port")
  next_port=$((port[$1] + 1))
  ASPNETCORE_URLS="http://127.0.0.1:${port[$1]}" ConnectionStrings__Tickets="$2" Logging__LogLevel__Default=Warning RATE_LIMITS=off \
    dotnet "$work/$1/TicketApi.dll" >"$work/$1.log" 2>&1 &
  pid[$1]=$!
  pids+=($!)
  wait_for "http://127.0.0.1:${port[$1]}/health" "${pid[$1]}" || { cat "$work/$1.log" >&2; exit 1; }
}
stop() { for side in this base; do kill "${pid[$side]}" 2>/dev/null || true; wait "${pid[$side]}" 2>/dev/null || true; done; }

once() { # side connections -> requests/s
  local threads=2; [ "$2" -lt 2 ] && threads=1
  local out; out=$(wrk -t"$threads" -c"$2" -d"$duration" -s "$root/bench/lua/create.lua" "http://127.0.0.1:${port[$1]}/api/tickets/")
  if grep -q "Non-2xx" <<<"$out"; then echo "the $1 service answered errors:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ { print $2 }' <<<"$out"
}

printf '\nPOST /api/tickets/: this tree against %s (%s), %s rounds of %s per side, alternating; %s cores\n' \
  "$base" "$(git rev-parse --short "$base")" "$rounds" "$duration" "$(nproc)"
printf '| %-8s | %-11s | %-14s | %-14s | %-6s |\n' "store" "connections" "base, req/s" "this, req/s" "ratio"
printf '|%s|%s|%s|%s|%s|\n' "----------" "-------------" "----------------" "----------------" "--------"
for store in $stores; do
  if [ "$store" = sqlite ]; then
    conn() { echo "Data Source=$work/$1.db"; }
  else
    pg_port=$(free_port "${BENCH_PG_PORT:-18450}")
    pg_start "$work/pg" "$pg_port"
    conn() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE $1" >/dev/null; echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1"; }
  fi
  start this "$(conn "${store}_this")"
  start base "$(conn "${store}_base")"
  for conns in 1 32; do
    alternate this base "$conns"
    this=$(median <"$work/this.txt"); before=$(median <"$work/base.txt")
    printf '| %-8s | %11s | %14.0f | %14.0f | %6.2f |\n' "$store" "$conns" "$before" "$this" "$(echo "$this / $before" | bc -l)"
  done
  stop
done
printf 'load average now %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
