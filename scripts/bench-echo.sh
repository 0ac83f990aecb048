#!/usr/bin/env bash
# Echo benchmark: `nty-examples echo` pinned to core 0, `nty-examples bench-echo` pinned to core 1,
# for each connection count in CONNECTIONS (one run each, SECONDS long, SIZE-byte messages).
#
# Builds nothing: build first with   mvn -B -DskipTests package
# Usage: bash scripts/bench-echo.sh          (about 40 s with the defaults)
# Environment: CONNECTIONS="100 1000 10000" SECONDS_EACH=10 SIZE=64 JAVA=<java 21+>
# Output: per run, bench-echo's time to open all connections and rps once all are open, then
# `connections=C requests=… rps=… p50_us=… p99_us=… errors=…` (rps over the whole run).
# 10,000 connections need `ulimit -n` above 10,000 in each process (the client spreads its
# connections over 127.0.0.x source addresses above 1,000).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/nty-examples/target/nty-examples.jar
CONNECTIONS=${CONNECTIONS:-100 1000 10000}
SECONDS_EACH=${SECONDS_EACH:-10}
SIZE=${SIZE:-64}

die() { echo "bench-echo: $*" >&2; exit 1; }
[[ -f $JAR ]] || die "missing $JAR; build first: mvn -B -DskipTests package   (from $ROOT)"
if [[ -z ${JAVA:-} ]]; then
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
fi
command -v taskset >/dev/null || die "taskset (util-linux) is missing"
for c in $CONNECTIONS; do
    [[ $c =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be positive integers, got '$c'"
    (( c + 100 < $(ulimit -n) )) || die "$c connections need 'ulimit -n' above $((c + 100)); it is $(ulimit -n)"
done

log=$(mktemp)
server=
cleanup() {
    if [[ -n $server ]]; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

taskset -c 0 "$JAVA" -jar "$JAR" echo --port 0 >"$log" 2>&1 &
server=$!
for _ in $(seq 300); do
    grep -q '^listening on ' "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; die "the echo server exited before listening"; }
    sleep 0.1
done
port=$(sed -n 's/^listening on [^ ]*:\([0-9]*\).*/\1/p' "$log" | head -1)
[[ -n $port ]] || die "the echo server did not print 'listening on' within 30 s"

echo "bench-echo: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; server on core 0 port $port, client on core 1, ${SECONDS_EACH}s per run, ${SIZE}-byte messages"
for c in $CONNECTIONS; do
    out=$(timeout $((SECONDS_EACH + 60)) taskset -c 1 "$JAVA" -jar "$JAR" bench-echo --port "$port" \
        --connections "$c" --seconds "$SECONDS_EACH" --size "$SIZE" 2>/dev/null) || true
    grep '^all ' <<<"$out" | sed 's/^/  /' || true
    echo "connections=$c $(tail -1 <<<"$out" | grep '^requests=' || echo failed)"
done
