#!/usr/bin/env bash
# The test command (README, .ci/run; docs/testing.md): installs what the suites start when it is missing,
# then runs every test project and closes with one plain summary line. Works on a fresh Debian/Ubuntu
# machine that has only the .NET SDK: as root it installs with apt-get, otherwise through sudo. When all
# is there it installs nothing and asks apt nothing.
#   bash tests/run.sh                         every test
#   bash tests/run.sh --filter 'FullyQualifiedName~Compose'   arguments go to dotnet test
#   bash tests/run.sh --install-only          only make sure the tools are there
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# What the tests start, and the Debian package that provides it. A probe is a command looked up on PATH,
# or a file pattern. PostgreSQL: the contract suite runs on a real server (initdb + pg_ctl into a temporary
# folder; the server binaries are not on PATH). Chromium: browser tests (EventSource, CORS, the desk).
# docker-compose: the compose files are checked by Docker's own parser (no engine is needed). Node/npm:
# the OpenAPI document is linted by a third-party linter from npm, and the mail tests run MailDev (a real
# SMTP server) installed from npm into ~/.cache/agenttickets-maildev on first use.
declare -A needs=(
  ['/usr/lib/postgresql/*/bin/initdb']=postgresql
  [chromium]=chromium
  [docker-compose]=docker-compose
  [npx]=npm
  # the mailbox tests' IMAP server (tests/TicketApi.Tests/Channels/Mail/Infrastructure/DovecotServer.cs)
  ['/usr/sbin/dovecot']=dovecot-imapd
)

present() {
  if [[ "$1" == /* ]]; then compgen -G "$1" >/dev/null
  else command -v "$1" >/dev/null 2>&1; fi
}

missing_packages() {
  local probe
  for probe in "${!needs[@]}"; do
    present "$probe" || echo "${needs[$probe]}"
  done | sort -u
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]})); then
  as_root=()
  if [[ $(id -u) != 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "tests/run.sh: ${missing[*]} missing, and this is not root and has no sudo." >&2
      echo "  Install them, then run this again:  apt-get install ${missing[*]}" >&2
      exit 1
    fi
    as_root=(sudo)
  fi
  echo "tests/run.sh: installing ${missing[*]} (apt-get${as_root:+ through sudo})" >&2
  # sudo drops the environment, so the non-interactive front end is passed on the command line. Another
  # apt (e.g. unattended upgrades on a new machine) holding the lock is waited for, not failed on.
  apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  # A stale or unreachable extra repository makes update exit non-zero although Debian's own lists were
  # fetched; the install below says whether that mattered.
  if ! "${apt[@]}" update -qq; then
    echo "tests/run.sh: warning: apt-get update reported a problem; installing from the lists it has" >&2
  fi
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  mapfile -t still < <(missing_packages)
  if ((${#still[@]})); then
    echo "tests/run.sh: apt-get ran, but what the tests start from ${still[*]} is still not found" >&2
    exit 1
  fi
  echo "tests/run.sh: installed ${missing[*]}" >&2
else
  echo "tests/run.sh: nothing to install ($(printf '%s\n' "${needs[@]}" | sort -u | tr '\n' ' ')present)" >&2
fi

if [[ "${1:-}" == --install-only ]]; then
  exit 0
fi

# Every test project, with their per-project summaries added up into one plain closing line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
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
exit "$status"
