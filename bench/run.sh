#!/usr/bin/env bash
# Benchmarks the ticket service on SQLite and on PostgreSQL against this machine's ceiling (a bare
# minimal API returning a constant ticket), side by side in one run, and prints requests/s, p50, p99 and
# the ratio to the ceiling. PostgreSQL is a server of its own started here (bench/postgres.sh).
#   bench/run.sh                 # 100,000 tickets in each store
#   BENCH_STORES=sqlite bench/run.sh   # one store only (sqlite, postgres)
#   BENCH_TICKETS=1000000 bench/run.sh
#   BENCH_DURATION=10s BENCH_CONNECTIONS=32 BENCH_ROUNDS=3 bench/run.sh
#   BENCH_ONLY="search" bench/run.sh   # only the rows whose name matches
#   BENCH_RETRIAGE_RUNS=5 bench/run.sh  # runs of the bulk re-triage row (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tickets=${BENCH_TICKETS:-100000}
duration=${BENCH_DURATION:-5s}
connections=${BENCH_CONNECTIONS:-32}
# A port someone else listens on would have the bench measure their service: take the first free one.
source bench/lib.sh
api_port=$(free_port "${BENCH_API_PORT:-18000}")
ceiling_port=$(free_port "${BENCH_CEILING_PORT:-$((api_port + 1))}")
pg_api_port=$(free_port "${BENCH_PG_API_PORT:-$((ceiling_port + 1))}")
pg_port=$(free_port "${BENCH_PG_PORT:-$((pg_api_port + 1))}")
stores=${BENCH_STORES:-sqlite postgres}
work=$(mktemp -d)
pids=()
source bench/postgres.sh
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

need wrk wrk
need sqlite3 sqlite3
need psql postgresql-client
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "installing postgresql..." >&2; apt-get update -q >/dev/null; apt-get install -y -q postgresql >/dev/null; }

echo "building (Release)..." >&2
dotnet build -c Release -v q -nologo TicketApi/TicketApi.csproj -o "$work/api" >/dev/null
dotnet build -c Release -v q -nologo bench/Ceiling/Ceiling.csproj -o "$work/ceiling" >/dev/null


start_api() { # port connection-string log
  # RATE_LIMITS=off: the bench measures the service at full speed; the limits would turn most of it into 429s.
  ASPNETCORE_URLS="http://127.0.0.1:$1" ConnectionStrings__Tickets="$2" Logging__LogLevel__Default=Warning RATE_LIMITS=off \
    dotnet "$work/api/TicketApi.dll" >"$3" 2>&1 &
  pids+=($!)
}
pg_sql() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d tickets -v ON_ERROR_STOP=1 "$@"; }

ASPNETCORE_URLS="http://127.0.0.1:$ceiling_port" dotnet "$work/ceiling/Ceiling.dll" >"$work/ceiling.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$ceiling_port/ticket" "${pids[-1]}"

if [[ " $stores " == *" sqlite "* ]]; then
  db="$work/tickets.db"
  start_api "$api_port" "Data Source=$db" "$work/api.log"
  sqlite_api_pid=${pids[-1]}
  wait_for "http://127.0.0.1:$api_port/health" "${pids[-1]}" || { cat "$work/api.log" >&2; exit 1; }
  echo "seeding $tickets tickets into SQLite..." >&2
  seed_start=$(date +%s.%N)
  sqlite3 "$db" -cmd ".parameter set :n $tickets" < bench/seed.sql
  printf 'SQLite: seeded %s tickets in %.1f s\n' "$tickets" "$(echo "$(date +%s.%N) - $seed_start" | bc)"
fi
if [[ " $stores " == *" postgres "* ]]; then
  echo "starting PostgreSQL..." >&2
  pg_start "$work/pg" "$pg_port"
  psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE tickets" >/dev/null
  start_api "$pg_api_port" "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=tickets" "$work/pg-api.log"
  pg_api_pid=${pids[-1]}
  wait_for "http://127.0.0.1:$pg_api_port/health" "${pids[-1]}" || { cat "$work/pg-api.log" >&2; exit 1; }
  echo "seeding $tickets tickets into PostgreSQL..." >&2
  seed_start=$(date +%s.%N)
  pg_sql -v n="$tickets" -f bench/seed-postgres.sql >/dev/null
  printf 'PostgreSQL: seeded %s tickets in %.1f s\n' "$tickets" "$(echo "$(date +%s.%N) - $seed_start" | bc)"
fi

export BENCH_TICKETS=$tickets
results="$work/results.tsv"
: >"$results"   # a run of only the re-triage row measures no wrk row but still prints its table
only=${BENCH_ONLY:-}
rounds=${BENCH_ROUNDS:-3}
ceiling_url="http://127.0.0.1:$ceiling_port/ticket"

to_ms() { # wrk latency (815.00us, 1.23ms, 1.01s) -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'
}

wrk_once() { # url [lua] [connections] -> "rps p50_ms p99_ms non2xx"
  local url=$1 script=${2:-} conns=${3:-$connections}
  local threads=2; [ "$conns" -lt 2 ] && threads=1
  local args=(-t"$threads" -c"$conns" -d"$duration" --latency)
  [ -n "$script" ] && args+=(-s "$root/bench/lua/$script")
  local out; out=$(wrk "${args[@]}" "$url")
  printf '%s %s %s %s\n' "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")" "$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")" \
    "$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out" | grep . || echo 0)"
}

# Each endpoint is measured in rounds, each round right after a ceiling run, so a noisy neighbour
# hits both sides of a ratio; the table gives the medians over the rounds.
measure() { # name url [lua] [connections]
  local name=$1 url=$2 script=${3:-} conns=${4:-$connections}
  if [ -n "$only" ] && ! grep -qiE "$only" <<<"$name"; then return; fi
  local args=(-t2 -c"$conns" -d2s); [ "$conns" -lt 2 ] && args=(-t1 -c1 -d2s)
  [ -n "$script" ] && args+=(-s "$root/bench/lua/$script")
  wrk "${args[@]}" "$url" >/dev/null 2>&1 || true   # warm-up
  local rows="$work/rows.txt"; : >"$rows"
  for _ in $(seq 1 "$rounds"); do
    local c e
    c=$(wrk_once "$ceiling_url")
    e=$(wrk_once "$url" "$script" "$conns")
    echo "$e $(awk -v e="${e%% *}" -v c="${c%% *}" 'BEGIN { printf "%.1f", 100 * e / c }') ${c%% *}" >>"$rows"
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" \
    "$(cut -d' ' -f1 "$rows" | median)" "$(cut -d' ' -f2 "$rows" | median)" "$(cut -d' ' -f3 "$rows" | median)" \
    "$(cut -d' ' -f4 "$rows" | awk '{ s += $1 } END { print s + 0 }')" "$(cut -d' ' -f5 "$rows" | median)" \
    "$(cut -d' ' -f6 "$rows" | median)" >>"$results"
}

wrk -t2 -c"$connections" -d2s "$ceiling_url" >/dev/null 2>&1 || true   # warm-up
echo "measuring ($rounds rounds of $duration, each after a ceiling run; $connections connections unless noted)..." >&2
measure_store() { # store-label port
  local store=$1 base="http://127.0.0.1:$2"
  measure "$store: GET by id" "$base" get_by_id.lua
  measure "$store: filtered list (OPEN, -created)" "$base/api/tickets/?resolution_status=OPEN&ordering=-created"
  # The agent's queue: open tickets, most urgent first, oldest first within a priority (ix_tickets_status_priority).
  measure "$store: queue page (OPEN, -priority,created)" "$base/api/tickets/?resolution_status=OPEN&ordering=-priority,created"
  measure "$store: search page" "$base" search.lua
  # Latency of one search at a time: what a person waits, without queueing behind 31 others.
  measure "$store: search page, 1 connection" "$base" search.lua 1
  measure "$store: POST create" "$base/api/tickets/" create.lua
  measure "$store: PATCH title" "$base" patch.lua
}
[[ " $stores " == *" sqlite "* ]] && measure_store SQLite "$api_port"
[[ " $stores " == *" postgres "* ]] && measure_store PostgreSQL "$pg_api_port"

# Bulk re-triage (POST /api/tickets/triage/, no filter: every ticket) after the triager changed. Each run
# starts from the seeded triage values (bench/seed-triage*.sql), which the offline triager disagrees with,
# so every ticket is triaged and (but for a few) written. Wall time of the request and the service's CPU
# time for it (utime + stime from /proc), which a noisy neighbour does not inflate; medians over the runs.
retriage_results="$work/retriage.tsv"
: >"$retriage_results"
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
retriage() { # store-label port api-pid reset-command...
  local name="$1: bulk re-triage, all $tickets" url="http://127.0.0.1:$2/api/tickets/triage/" pid=$3; shift 3
  if [ -n "$only" ] && ! grep -qiE "$only" <<<"$name"; then return; fi
  local runs="$work/retriage-runs.txt" answer="" load=""; : >"$runs"
  for _ in $(seq 1 "${BENCH_RETRIAGE_RUNS:-3}"); do
    "$@" >/dev/null
    local cpu_start start; cpu_start=$(cpu_seconds "$pid"); start=$(date +%s.%N)
    answer=$(curl -sf -X POST "$url")
    echo "$(echo "$(date +%s.%N) - $start" | bc) $(echo "$(cpu_seconds "$pid") - $cpu_start" | bc)" >>"$runs"
    load="$load $(cut -d' ' -f1 /proc/loadavg)"
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(cut -d' ' -f1 "$runs" | median)" "$(cut -d' ' -f2 "$runs" | median)" \
    "$(cut -d' ' -f1 "$runs" | xargs printf '%.1f ')" "$answer" "$load" >>"$retriage_results"
}
[[ " $stores " == *" sqlite "* ]] && retriage SQLite "$api_port" "$sqlite_api_pid" sqlite3 "$db" ".read bench/seed-triage.sql"
[[ " $stores " == *" postgres "* ]] && retriage PostgreSQL "$pg_api_port" "$pg_api_pid" \
  pg_sql -f bench/seed-triage-postgres.sql -c "VACUUM ANALYZE tickets"

printf '\n%s tickets, wrk %s x %s connections, %s cores, median of %s rounds; load average now %s\n' \
  "$tickets" "$duration" "$connections" "$(nproc)" "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-44s | %9s | %9s | %9s | %10s | %12s | %7s |\n' "endpoint" "req/s" "p50 ms" "p99 ms" "vs ceiling" "ceiling req/s" "non-2xx"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "-----------" "-----------" "-----------" "------------" "---------------" "---------"
while IFS=$'\t' read -r name rps p50 p99 errors ratio ceiling; do
  printf '| %-44s | %9.0f | %9.2f | %9.2f | %9.1f%% | %13.0f | %7s |\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$ceiling" "$errors"
done <"$results"

if [ -s "$retriage_results" ]; then
  printf '\n| %-44s | %8s | %8s | %-22s | %-34s | %s\n' "bulk re-triage" "median s" "CPU s" "runs, s" "answer" "load average"
  printf '|%s|%s|%s|%s|%s|%s\n' "----------------------------------------------" "----------" "----------" "------------------------" "------------------------------------" "---"
  while IFS=$'\t' read -r name wall cpu runs answer load; do
    printf '| %-44s | %8.2f | %8.2f | %-22s | %-34s |%s\n' "$name" "$wall" "$cpu" "$runs" "$answer" "$load"
  done <"$retriage_results"
fi

# One search answer per store, to show what a page costs at this size.
for port in $([[ " $stores " == *" sqlite "* ]] && echo "$api_port") $([[ " $stores " == *" postgres "* ]] && echo "$pg_api_port"); do
  sample=$(curl -s "http://127.0.0.1:$port/api/tickets/?search=printer" | head -c 100000 | grep -o '"count":[0-9]*' || true)
  echo "search 'printer' matches on :$port: ${sample#\"count\":}"
done
