#!/usr/bin/env bash
# Soak: `nty-examples bench-echo` against `nty-examples echo` for DURATION seconds (default 600).
# Reports the server's RSS after WARMUP seconds of load (when heap sizing and JIT have settled)
# and at the end, with the growth in percent, a sample every SAMPLE_EVERY seconds, the server's
# open fds at both points, and bench-echo's summary line with its error count. Exit status 1 if
# bench-echo saw errors, the server died, or RSS grew by more than MAX_GROWTH_PERCENT.
# Stops everything it started; loopback only.
#
# Builds nothing: build first with   mvn -B -pl nty-examples -am verify -DskipTests
# Usage: bash scripts/soak.sh                    (10 minutes)
#        DURATION=120 bash scripts/soak.sh       (a short soak)
# Environment: DURATION=600 WARMUP=30 CONNECTIONS=100 SIZE=64 SAMPLE_EVERY=30
#   MAX_GROWTH_PERCENT=10 JAVA=<java 21+>
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/nty-examples/target/nty-examples.jar
DURATION=${DURATION:-600}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-100}
SIZE=${SIZE:-64}
SAMPLE_EVERY=${SAMPLE_EVERY:-30}
MAX_GROWTH_PERCENT=${MAX_GROWTH_PERCENT:-10}

die() { echo "soak: $*" >&2; exit 1; }
[[ -f $JAR ]] || die "missing $JAR; build first: mvn -B -pl nty-examples -am verify -DskipTests   (from $ROOT)"
for v in DURATION WARMUP CONNECTIONS SIZE SAMPLE_EVERY MAX_GROWTH_PERCENT; do
    [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a non-negative integer, got '${!v}'"
done
(( WARMUP < DURATION )) || die "WARMUP ($WARMUP s) must be shorter than DURATION ($DURATION s)"
(( SAMPLE_EVERY > 0 )) || die "SAMPLE_EVERY must be > 0"
source "$ROOT/scripts/lib/load.sh"

log=$(mktemp); bench_log=$(mktemp)
cleanup() {
    _stop_tracked
    rm -f "$log" "$bench_log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_echo_server "$log"

echo "soak: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; echo pid $server port $port; bench-echo $CONNECTIONS connections, ${SIZE}-byte messages, ${DURATION}s (RSS baseline after ${WARMUP}s)"
echo "  t=0s server RSS $(rss_kib "$server") KiB before load"
"$JAVA" -jar "$JAR" bench-echo --port "$port" --connections "$CONNECTIONS" --size "$SIZE" \
    --seconds "$DURATION" >"$bench_log" 2>&1 &
bench=$!
track "$bench"

start=$SECONDS
rss_start=; fds_start=
next=$WARMUP
while kill -0 "$bench" 2>/dev/null && (( SECONDS - start < DURATION + 60 )); do
    sleep 1
    kill -0 "$server" 2>/dev/null || die "the echo server died: $(tail -3 "$log")"
    t=$((SECONDS - start))
    if (( t >= next && t < DURATION )); then
        rss=$(rss_kib "$server")
        if [[ -z $rss_start ]]; then rss_start=$rss; fds_start=$(fds "$server"); fi
        echo "  t=${t}s server RSS $rss KiB, $(fds "$server") fds; bench: $(grep -E '^ +[0-9.]+ s' "$bench_log" | tail -1 | sed 's/^ *//')"
        next=$((next + SAMPLE_EVERY))
    fi
    # The last sample is taken just before the load ends, while every connection is still open.
    if (( t == DURATION - 2 )) && [[ -n $rss_start ]]; then
        rss_end=$(rss_kib "$server"); fds_end=$(fds "$server")
    fi
done
wait "$bench" && status=0 || status=$?
untrack "$bench"
summary=$(grep '^requests=' "$bench_log" | tail -1)
grep '^first error' "$bench_log" || true
rss_end=${rss_end:-$(rss_kib "$server")}; fds_end=${fds_end:-$(fds "$server")}
growth=$(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
echo "RSS: ${rss_start} KiB at t=${WARMUP}s, ${rss_end} KiB at the end: ${growth}% growth; fds ${fds_start} -> ${fds_end}"
echo "bench-echo: ${summary:-no summary line}"
kill -0 "$server" 2>/dev/null || die "the echo server died"
[[ $status -eq 0 && -n $summary ]] || die "bench-echo failed (status $status)"
awk -v g="$growth" -v m="$MAX_GROWTH_PERCENT" 'BEGIN { exit !(g <= m) }' || die "RSS grew ${growth}%, more than ${MAX_GROWTH_PERCENT}%"
echo "soak: passed"
