# Sourced by the bench scripts (run.sh, analytics.sh, auth-cost.sh, triage-create.sh): the small helpers
# they all need, kept in one place so a fix reaches every bench.

# port_busy PORT: true when something listens on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port PORT: PORT, or the first port above it that nothing listens on.
free_port() { local p=$1; while port_busy "$p"; do p=$((p + 1)); done; echo "$p"; }

# need COMMAND PACKAGE: installs Debian's PACKAGE when COMMAND is missing (the benches run on the test machine).
need() { command -v "$1" >/dev/null || { echo "installing $2..." >&2; (apt-get install -y -q "$2" >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null)); }; }

# median: the median of the numbers on stdin, one per line.
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
