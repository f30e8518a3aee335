#!/usr/bin/env bash
# What authentication costs (docs/accounts.md, "API keys"): GET /api/tickets/{id}/ from two ticket services on one
# SQLite file, side by side in one run, one in local mode (no credentials) and one in required mode answering an
# API key (Authorization: Bearer at_..., looked up by hash on every request). Rounds alternate local, key, local,
# key, ... so a noisy neighbour hits both sides; the ratio is taken per round and the median is printed.
#   bench/auth-cost.sh
#   BENCH_TICKETS=100000 BENCH_DURATION=5s BENCH_CONNECTIONS=32 BENCH_ROUNDS=5 bench/auth-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tickets=${BENCH_TICKETS:-100000}
duration=${BENCH_DURATION:-5s}
connections=${BENCH_CONNECTIONS:-32}
rounds=${BENCH_ROUNDS:-5}
export BENCH_TICKETS=$tickets # get_by_id.lua draws ids up to it
source bench/lib.sh
local_port=$(free_port "${BENCH_LOCAL_PORT:-18100}")
key_port=$(free_port "$((local_port + 1))")
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

need wrk wrk
need sqlite3 sqlite3

echo "building (Release)..." >&2
dotnet build -c Release -v q -nologo TicketApi/TicketApi.csproj -o "$work/api" >/dev/null

wait_for() { # url pid
  for _ in $(seq 1 300); do
    kill -0 "$2" 2>/dev/null || { echo "the service for $1 exited; see its log" >&2; return 1; }
    curl -s -o /dev/null "$1" && return 0; sleep 0.2
  done
  echo "timed out waiting for $1" >&2; return 1
}
start_api() { # port mode log
  ASPNETCORE_URLS="http://127.0.0.1:$1" AUTH_MODE="$2" ConnectionStrings__Tickets="Data Source=$work/tickets.db" \
    Logging__LogLevel__Default=Warning dotnet "$work/api/TicketApi.dll" >"$3" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/health" "${pids[-1]}" || { cat "$3" >&2; exit 1; }
}

# The first process creates the schema; the tickets and the key's owner go straight into the file.
start_api "$local_port" local "$work/local.log"
echo "seeding $tickets tickets..." >&2
sqlite3 "$work/tickets.db" -cmd ".parameter set :n $tickets" < bench/seed.sql
# An agent (the role that reads every ticket) and a read key of theirs, stored as the service stores one: SHA-256.
key="at_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
sqlite3 "$work/tickets.db" <<SQL
INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
VALUES ('bench-agent', 'bench@example.com', 'BENCH@EXAMPLE.COM', 'bench@example.com', 'BENCH@EXAMPLE.COM', 1, 0, 0, 0, 0);
INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('bench-agent', 'agent');
INSERT INTO api_keys (user_id, name, prefix, secret_hash, scope, created)
VALUES ('bench-agent', 'bench', substr('$key', 1, 11), X'$hash', 'read', 0);
SQL
start_api "$key_port" required "$work/key.log"

local_url="http://127.0.0.1:$local_port"
key_url="http://127.0.0.1:$key_port"
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status_of "$key_url/api/tickets/1/")" = 401 ] || { echo "the required-mode service answered without a key" >&2; exit 1; }
[ "$(status_of -H "Authorization: Bearer $key" "$key_url/api/tickets/1/")" = 200 ] || { echo "the key was not accepted" >&2; exit 1; }

wrk_rps() { # url [header] -> "rps non2xx"
  local args=(-t2 -c"$connections" -d"$duration" -s "$root/bench/lua/get_by_id.lua")
  [ -n "${2:-}" ] && args+=(-H "$2")
  local out; out=$(wrk "${args[@]}" "$1")
  printf '%s %s\n' "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out" | grep . || echo 0)"
}

echo "warming up..." >&2
wrk -t2 -c"$connections" -d2s -s bench/lua/get_by_id.lua "$local_url" >/dev/null
wrk -t2 -c"$connections" -d2s -s bench/lua/get_by_id.lua -H "Authorization: Bearer $key" "$key_url" >/dev/null
echo "measuring ($rounds rounds of $duration each side, $connections connections)..." >&2
rows="$work/rows"
for round in $(seq 1 "$rounds"); do
  read -r l lerr < <(wrk_rps "$local_url")
  read -r k kerr < <(wrk_rps "$key_url" "Authorization: Bearer $key")
  ratio=$(awk -v k="$k" -v l="$l" 'BEGIN { printf "%.3f", k / l }')
  printf 'round %s: local %s req/s, key %s req/s, ratio %s (non-2xx: %s, %s)\n' "$round" "$l" "$k" "$ratio" "$lerr" "$kerr" >&2
  echo "$l $k $ratio $lerr $kerr" >>"$rows"
done

printf '\nGET /api/tickets/{id}/, %s tickets, SQLite, wrk %s x %s connections, %s cores, median of %s rounds; load average now %s\n' \
  "$tickets" "$duration" "$connections" "$(nproc)" "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| local mode req/s | API key req/s | key / local | non-2xx |\n|---|---|---|---|\n'
printf '| %.0f | %.0f | %s | %s |\n' "$(cut -d' ' -f1 "$rows" | median)" "$(cut -d' ' -f2 "$rows" | median)" \
  "$(cut -d' ' -f3 "$rows" | median)" "$(awk '{ s += $4 + $5 } END { print s + 0 }' "$rows")"
