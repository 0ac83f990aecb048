#!/usr/bin/env bash
# Idle connections on one scheduler thread: starts `nty-examples echo` (one scheduler thread),
# opens CONNECTIONS idle loopback connections to it from a second JVM (scripts/IdleClients.java,
# spread over source addresses 127.0.0.1, .2, ...), checks that the server still echoes on a new
# connection, and reports the server's heap and RSS per connection (after a full GC, against the
# same figures before the connections); the clients hold them at most HOLD_SECONDS and are
# stopped once measured. Then runs `bench-echo` with the same number of busy
# connections for BENCH_SECONDS. Stops everything it started; loopback only.
#
# Builds nothing: build first with   mvn -B -pl nty-examples -am verify -DskipTests
# Usage: bash scripts/idle-connections.sh        (about 1 minute with the defaults)
# Environment: CONNECTIONS (default: as many as `ulimit -Hn` allows per process, minus 200),
#   HOLD_SECONDS=20 BENCH_SECONDS=10 PER_SOURCE=1000 JAVA=<java 21+>
# Each process needs one fd per connection: the script raises `ulimit -n` to the hard limit;
# it cannot go beyond it (raising the hard limit needs root: /etc/security/limits.conf, or
# `prlimit`), so CONNECTIONS above about `ulimit -Hn` - 100 cannot be held by one process.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/nty-examples/target/nty-examples.jar
HOLD_SECONDS=${HOLD_SECONDS:-20}
BENCH_SECONDS=${BENCH_SECONDS:-10}
PER_SOURCE=${PER_SOURCE:-1000}

die() { echo "idle-connections: $*" >&2; exit 1; }
[[ -f $JAR ]] || die "missing $JAR; build first: mvn -B -pl nty-examples -am verify -DskipTests   (from $ROOT)"
source "$ROOT/scripts/lib/load.sh"
JCMD=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd
[[ -x $JCMD ]] || die "jcmd not found next to $JAVA"

hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=1048576
ulimit -n "$hard"
CONNECTIONS=${CONNECTIONS:-$((hard - 200))}
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be a positive integer, got '$CONNECTIONS'"
(( CONNECTIONS + 100 <= hard )) || die "$CONNECTIONS connections need 'ulimit -n' above $((CONNECTIONS + 100)); the hard limit is $hard"

log=$(mktemp); clients_log=$(mktemp)
cleanup() {
    _stop_tracked
    rm -f "$log" "$clients_log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

heap_used_kib() {  # after a full GC
    "$JCMD" "$1" GC.run >/dev/null
    "$JCMD" "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}
echo_once() {  # one round trip on a new connection, with bash's /dev/tcp
    local reply
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'ping\n' >&3
    IFS= read -r -t 5 reply <&3 || true
    exec 3<&- 3>&-
    [[ $reply == ping ]]
}

start_echo_server "$log" --idle-timeout-ms 3600000
echo_once "$port" || die "the echo server does not echo"

echo "idle-connections: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ulimit -n $(ulimit -n); echo server pid $server port $port"
heap0=$(heap_used_kib "$server"); rss0=$(rss_kib "$server"); fds0=$(fds "$server")
echo "before: heap used ${heap0} KiB after GC, RSS ${rss0} KiB, ${fds0} fds"

"$JAVA" "$ROOT/scripts/IdleClients.java" "$port" "$CONNECTIONS" "$HOLD_SECONDS" "$PER_SOURCE" >"$clients_log" 2>&1 &
clients=$!
track "$clients"
for _ in $(seq 1200); do
    grep -qE '^(connected|stopped at) ' "$clients_log" && break
    kill -0 "$clients" 2>/dev/null || break
    sleep 0.1
done
cat "$clients_log"
held=$(sed -n 's/^connected \([0-9]*\).*/\1/p; s/^stopped at \([0-9]*\):.*/\1/p' "$clients_log" | head -1)
[[ -n $held && $held -gt 0 ]] || die "the idle clients did not connect"
# The server accepts asynchronously: wait until its fd count shows every connection.
for _ in $(seq 100); do (( $(fds "$server") >= fds0 + held )) && break; sleep 0.1; done
heap1=$(heap_used_kib "$server"); rss1=$(rss_kib "$server"); fds1=$(fds "$server")
if echo_once "$port"; then echoes=yes; else echoes=NO; fi
echo "holding $held idle connections: heap used ${heap1} KiB after GC, RSS ${rss1} KiB, $fds1 fds; a new connection echoes: $echoes"
awk -v h0="$heap0" -v h1="$heap1" -v r0="$rss0" -v r1="$rss1" -v n="$held" 'BEGIN {
    printf "per connection: heap %.0f bytes, RSS %.0f bytes (RSS includes the 1 KiB off-heap receive buffer, socket buffers are kernel memory)\n",
        (h1 - h0) * 1024 / n, (r1 - r0) * 1024 / n }'
kill -TERM "$clients" 2>/dev/null || true
wait "$clients" 2>/dev/null || true
untrack "$clients"

echo "bench-echo with $held busy connections for ${BENCH_SECONDS}s:"
out=$(timeout $((BENCH_SECONDS + 120)) "$JAVA" -jar "$JAR" bench-echo --port "$port" --connections "$held" \
    --seconds "$BENCH_SECONDS" --per-source "$PER_SOURCE" --io-timeout-ms 30000 2>&1) || true
grep -E '^(all |requests=|first error)' <<<"$out" | sed 's/^/  /' || echo "  bench-echo failed: $(tail -3 <<<"$out")"
