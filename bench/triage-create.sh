#!/usr/bin/env bash
# Issue 10's target "POST create with triage keeps >= 90% of its throughput without", measured the way
# bench/run.sh measures its POST create row: wrk against a service process, 32 connections (and 1). Two
# services run side by side, the ticket service's own Program in bench/TriageCost's serve mode on SQLite
# files of their own, one with triage on create as shipped, one with it left out (TriageOnCreate). Rounds
# alternate between them, so the shared machine's load falls on both; the table gives medians over rounds,
# and each service's CPU time per create (utime + stime from /proc), which other processes inflate far less.
#   bench/triage-create.sh
#   BENCH_DURATION=5s BENCH_ROUNDS=7 bench/triage-create.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=${BENCH_DURATION:-5s}
rounds=${BENCH_ROUNDS:-7}
source bench/lib.sh
need wrk wrk

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "building (Release)..." >&2
dotnet build -c Release -v q -nologo bench/TriageCost/TriageCost.csproj -o "$work/bin" >/dev/null

declare -A port pid
next_port=${BENCH_API_PORT:-18100}
for side in on off; do
  # Searched from past the first service's port: that one is not listening yet, so it would look free again.
  port[$side]=$(free_port "$next_port")
  next_port=$((port[$side] + 1))
  dotnet "$work/bin/TriageCost.dll" serve "http://127.0.0.1:${port[$side]}" "$work/$side.db" "$side" >"$work/$side.log" 2>&1 &
  pid[$side]=$!
  pids+=($!)
done
for side in on off; do
  wait_for "http://127.0.0.1:${port[$side]}/health" "${pid[$side]}" || { cat "$work/$side.log" >&2; exit 1; }
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

once() { # side connections -> "requests/s cpu_us_per_request"
  local side=$1 conns=$2 threads=2; [ "$conns" -lt 2 ] && threads=1
  local before out after
  before=$(cpu_ticks "${pid[$side]}")
  out=$(wrk -t"$threads" -c"$conns" -d"$duration" -s "$root/bench/lua/create-labelled.lua" "http://127.0.0.1:${port[$side]}" -- "$root/eval/triage/holdout.jsonl")
  after=$(cpu_ticks "${pid[$side]}")
  if grep -q "Non-2xx" <<<"$out"; then echo "the $side service answered errors:" >&2; echo "$out" >&2; exit 1; fi
  local requests; requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  echo "$(awk '/Requests\/sec/ { print $2 }' <<<"$out") $(awk -v b="$before" -v a="$after" -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.0f", (a - b) / hz * 1e6 / n }')"
}

printf '\nPOST /api/tickets/ on SQLite, %s rounds of %s per side, sides alternating; %s cores\n' "$rounds" "$duration" "$(nproc)"
printf '| %-14s | %-16s | %-16s | %-9s | %-22s | %-22s | %-9s |\n' "connections" "without, req/s" "with, req/s" "ratio" "without, CPU us/create" "with, CPU us/create" "CPU ratio"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "----------------" "------------------" "------------------" "-----------" "------------------------" "------------------------" "-----------"
for conns in 1 32; do
  alternate on off "$conns"
  with=$(cut -d' ' -f1 "$work/on.txt" | median); without=$(cut -d' ' -f1 "$work/off.txt" | median)
  cpu_with=$(cut -d' ' -f2 "$work/on.txt" | median); cpu_without=$(cut -d' ' -f2 "$work/off.txt" | median)
  printf '| %-14s | %16.0f | %16.0f | %9.2f | %22.0f | %22.0f | %9.2f |\n' "$conns" "$without" "$with" \
    "$(echo "$with / $without" | bc -l)" "$cpu_without" "$cpu_with" "$(echo "$cpu_without / $cpu_with" | bc -l)"
done
printf 'load average now %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
