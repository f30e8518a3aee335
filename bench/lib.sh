# Sourced by the bench scripts (run.sh, analytics.sh, auth-cost.sh, triage-create.sh, create-ab.sh): the helpers
# they share, kept in one place so a fix reaches every bench.

# port_busy PORT: true when something listens on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port PORT: PORT, or the first port above it that nothing listens on.
free_port() { local p=$1; while port_busy "$p"; do p=$((p + 1)); done; echo "$p"; }

# need COMMAND PACKAGE: installs Debian's PACKAGE when COMMAND is missing (the benches run on the test machine).
need() { command -v "$1" >/dev/null || { echo "installing $2..." >&2; (apt-get install -y -q "$2" >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null)); }; }

# wait_for URL [PID]: polls until URL answers below 400, failing early when process PID has died; about 60 s at most.
wait_for() {
  for _ in $(seq 1 300); do
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then echo "the service for $1 exited; see its log" >&2; return 1; fi
    curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2
  done
  echo "timed out waiting for $1" >&2; return 1
}

# median: the median of the numbers on stdin, one per line.
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# alternate A B CONNECTIONS: one warm-up of each side, then $rounds rounds of `once SIDE CONNECTIONS` (the caller's
# function), the order swapped every round so the shared machine's load falls on both sides alike. Each side's
# output lines go to $work/SIDE.txt, for `median`.
alternate() {
  local a=$1 b=$2 conns=$3 round side order
  for side in "$a" "$b"; do once "$side" "$conns" >/dev/null; done
  : >"$work/$a.txt"; : >"$work/$b.txt"
  for round in $(seq 1 "$rounds"); do
    order="$a $b"; [ $((round % 2)) -eq 0 ] && order="$b $a"
    for side in $order; do once "$side" "$conns" >>"$work/$side.txt"; done
  done
}
