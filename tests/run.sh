#!/usr/bin/env bash
# The test command (README, .ci/run): installs what the suites need when it is missing, then runs every
# test project and closes with one plain summary line. Works on a fresh Debian/Ubuntu machine that has
# only the .NET SDK: as root it installs with apt-get, otherwise through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian package that provides each command the tests start. PostgreSQL: the contract suite runs on a
# real server (initdb + pg_ctl into a temporary folder). Chromium: browser tests (EventSource, CORS, the
# desk). docker-compose: the compose file is checked by Docker's own parser (no engine is needed).
# Node/npm: the OpenAPI document is linted by a third-party linter from npm.
declare -A needs=(
  [/usr/lib/postgresql]=postgresql
  [chromium]=chromium
  [docker-compose]=docker-compose
  [npx]=npm
)
missing=()
for probe in "${!needs[@]}"; do
  if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] || missing+=("${needs[$probe]}")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("${needs[$probe]}"); fi
done
if ((${#missing[@]})); then
  echo "tests/run.sh: installing ${missing[*]}" >&2
  sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Every test project, with their per-project summaries added up into one plain closing line.
log=$(mktemp)
status=0
dotnet test "$@" 2>&1 | tee "$log" || status=$?
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1) + 0
         if ($i == "Passed:") passed += $(i + 1) + 0
         if ($i == "Skipped:") skipped += $(i + 1) + 0
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
rm -f "$log"
exit "$status"
