#!/usr/bin/env bash
# Side-by-side HTTP keep-alive "Hello, World!" benchmark: the nty server against the same server
# on JDK virtual threads (one carrier) and on Netty's epoll transport (one event loop).
#
# Each server runs pinned to core 0 (taskset), wrk -t1 -c100 drives it from core 1. All three
# start once on free loopback ports; each gets a warm-up run, then the servers take turns for
# ROUNDS rounds of DURATION seconds, and the median requests/s of each is reported. A separate
# run under `strace -c -f` (attached to the warmed-up server) counts syscalls per request.
#
# Builds nothing: build first with   mvn -B -DskipTests package
# Usage: bash scripts/bench-http.sh            (under 3 minutes with the defaults)
# Environment: ROUNDS=3 DURATION=10 WARMUP=15 CONNECTIONS=100 STRACE_DURATION=5
#              OUT_DIR=nty-benchmarks/target/bench-http  JAVA=<java 21+>  SERVER_CORE=0 CLIENT_CORE=1
# Output: one line per server, then
#   nty_vs_virtual_threads=R nty_vs_netty=R2 nty_syscalls_per_request=S
# and OUT_DIR/rounds.tsv (server, round, rps), OUT_DIR/http-hello.png (its chart) and the strace
# summaries.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXAMPLES_JAR=$ROOT/nty-examples/target/nty-examples.jar
BENCH_JAR=$ROOT/nty-benchmarks/target/benchmarks.jar
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-100}
STRACE_DURATION=${STRACE_DURATION:-5}
OUT_DIR=${OUT_DIR:-$ROOT/nty-benchmarks/target/bench-http}
SERVER_CORE=${SERVER_CORE:-0}
CLIENT_CORE=${CLIENT_CORE:-1}
HEAP=${HEAP:--Xmx512m}
SERVERS=(nty virtual_threads netty)

die() { echo "bench-http: $*" >&2; exit 1; }

# ---------------------------------------------------------------- preconditions

for jar in "$EXAMPLES_JAR" "$BENCH_JAR"; do
    [[ -f $jar ]] || die "missing $jar; build first: mvn -B -DskipTests package   (from $ROOT)"
done
for n in "$ROUNDS" "$DURATION" "$WARMUP" "$CONNECTIONS" "$STRACE_DURATION"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "ROUNDS, DURATION, WARMUP, CONNECTIONS and STRACE_DURATION must be positive integers, got '$n'"
done
if [[ -z ${JAVA:-} ]]; then
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
fi
java_major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
[[ ${java_major:-0} -ge 21 ]] 2>/dev/null || die "$JAVA is Java ${java_major:-?}; nty needs 21+ (set JAVA_HOME, e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
install_if_missing() {
    command -v "$1" >/dev/null && return
    echo "bench-http: installing $1" >&2
    { apt-get update -qq && apt-get install -y -qq "$1"; } >/dev/null 2>&1 || die "$1 is missing and apt-get install $1 failed; install it and run again"
}
install_if_missing wrk
install_if_missing strace
command -v taskset >/dev/null || die "taskset (util-linux) is missing"
cores=$(nproc)
(( SERVER_CORE < cores && CLIENT_CORE < cores )) || die "need cores $SERVER_CORE and $CLIENT_CORE; this machine has $cores"

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/*.log "$OUT_DIR"/rounds.tsv "$OUT_DIR"/strace-*.txt

# ---------------------------------------------------------------- processes, stopped on any exit

declare -A PID PORT
STARTED=()
cleanup() {
    for p in "${STARTED[@]}"; do
        kill -TERM "$p" 2>/dev/null || true
    done
    for p in "${STARTED[@]}"; do
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

server_command() {
    case $1 in
        nty) echo "$JAVA $HEAP -jar $EXAMPLES_JAR http --port 0" ;;
        virtual_threads) echo "$JAVA $HEAP -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1 -cp $BENCH_JAR io.nty.benchmarks.http.VirtualThreadHttpServer --port 0" ;;
        netty) echo "$JAVA $HEAP --enable-native-access=ALL-UNNAMED -cp $BENCH_JAR io.nty.benchmarks.http.NettyHttpServer --port 0" ;;
    esac
}

start_server() {
    local name=$1 log=$OUT_DIR/$1.log
    # shellcheck disable=SC2046 # the command is split on purpose
    taskset -c "$SERVER_CORE" $(server_command "$name") >"$log" 2>&1 &
    PID[$name]=$!
    STARTED+=("$!")
    for _ in $(seq 300); do
        if grep -q '^listening on ' "$log"; then
            PORT[$name]=$(sed -n 's/^listening on [^ ]*:\([0-9]*\).*/\1/p' "$log" | head -1)
            return
        fi
        kill -0 "${PID[$name]}" 2>/dev/null || { cat "$log" >&2; die "$name server exited before listening"; }
        sleep 0.1
    done
    die "$name server did not print 'listening on' within 30 s; see $log"
}

# Runs wrk against a server; prints "requests rps".
drive() {
    local name=$1 seconds=$2 out
    out=$(timeout $((seconds + 30)) taskset -c "$CLIENT_CORE" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "http://127.0.0.1:${PORT[$name]}/") \
        || die "wrk against $name failed: $out"
    if grep -qE 'Socket errors|Non-2xx' <<<"$out"; then
        echo "bench-http: $name: $(grep -E 'Socket errors|Non-2xx' <<<"$out" | tr -s ' ')" >&2
    fi
    awk '/requests in/ {req=$1} /^Requests\/sec:/ {rps=$2} END {print req, rps}' <<<"$out"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# ---------------------------------------------------------------- throughput

echo "bench-http: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $cores cores, $("$JAVA" -version 2>&1 | head -1)"
echo "bench-http: servers on core $SERVER_CORE, wrk -t1 -c$CONNECTIONS on core $CLIENT_CORE; warm-up ${WARMUP}s, $ROUNDS rounds of ${DURATION}s"
for s in "${SERVERS[@]}"; do
    start_server "$s"
    drive "$s" "$WARMUP" >/dev/null
done
printf 'server\tround\trps\n' >"$OUT_DIR/rounds.tsv"
for round in $(seq "$ROUNDS"); do
    for s in "${SERVERS[@]}"; do
        result=$(drive "$s" "$DURATION")
        read -r _ rps <<<"$result"
        [[ -n $rps ]] || die "wrk printed no Requests/sec for $s"
        printf '%s\t%d\t%s\n' "$s" "$round" "$rps" >>"$OUT_DIR/rounds.tsv"
        echo "  round $round  $s  rps=$rps"
    done
done

# ---------------------------------------------------------------- syscalls per request

# Attach strace to the warmed-up server (all its threads), drive it for a fixed time, and divide
# the syscalls counted by the requests wrk completed. Sets SYSCALLS[name].
declare -A MEDIAN SYSCALLS
count_syscalls() {
    local name=$1 trace=$OUT_DIR/strace-$1.txt spid result requests calls
    strace -f -c -o "$trace" -p "${PID[$name]}" 2>"$OUT_DIR/strace-$name.err" &
    spid=$!
    STARTED+=("$spid")
    sleep 1
    kill -0 "$spid" 2>/dev/null || die "strace could not attach to $name (ptrace not permitted?); see $OUT_DIR/strace-$name.err"
    result=$(drive "$name" "$STRACE_DURATION")
    read -r requests _ <<<"$result"
    kill -INT "$spid" 2>/dev/null || true
    wait "$spid" 2>/dev/null || true
    calls=$(awk '$NF == "total" {print $4}' "$trace")
    [[ -n $calls && ${requests:-0} -gt 0 ]] || die "could not count syscalls of $name; see $trace"
    SYSCALLS[$name]=$(awk -v c="$calls" -v r="$requests" 'BEGIN {printf "%.2f", c / r}')
}

for s in "${SERVERS[@]}"; do
    MEDIAN[$s]=$(awk -v s="$s" -F'\t' '$1 == s {print $3}' "$OUT_DIR/rounds.tsv" | median)
    count_syscalls "$s"
done
# The chart of docs/performance.md, drawn from this run (XChart, in benchmarks.jar).
"$JAVA" -cp "$BENCH_JAR" io.nty.benchmarks.charts.HttpChart "$OUT_DIR/rounds.tsv" "$OUT_DIR/http-hello.png" \
    >/dev/null 2>&1 || echo "bench-http: could not draw $OUT_DIR/http-hello.png (the figures below stand)" >&2
for s in "${SERVERS[@]}"; do
    rounds=$(awk -v s="$s" -F'\t' '$1 == s {printf "%s%s", sep, $3; sep=","}' "$OUT_DIR/rounds.tsv")
    printf '%-16s rps_median=%.0f rounds=%s syscalls_per_request=%s\n' "$s" "${MEDIAN[$s]}" "$rounds" "${SYSCALLS[$s]}"
done
awk -v n="${MEDIAN[nty]}" -v v="${MEDIAN[virtual_threads]}" -v t="${MEDIAN[netty]}" -v s="${SYSCALLS[nty]}" \
    'BEGIN {printf "nty_vs_virtual_threads=%.2f nty_vs_netty=%.2f nty_syscalls_per_request=%s\n", n / v, n / t, s}'
