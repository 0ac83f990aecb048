#!/usr/bin/env bash
# Side-by-side HTTP keep-alive "Hello, World!" benchmark: the nty server against the same server
# on JDK virtual threads as a Java developer writes it (blocking ServerSocket, a virtual thread per
# connection, one carrier, idle connections closed by a reaper like nty's) and on Netty's epoll
# transport (one event loop).
#
# Each server runs pinned to core SERVER_CORE (taskset), wrk -t1 -cCONNECTIONS drives it from
# core CLIENT_CORE. All start once on free loopback ports (port 0). Each is warmed up in steps of
# WARMUP_STEP seconds until a step no longer beats the best earlier step by more than 2 % (at least
# WARMUP_MIN, at most WARMUP_MAX seconds: the JIT has settled). Then ROUNDS rounds of DURATION
# seconds, interleaved between the servers (the order rotates every round), so drift of this shared
# machine hits all alike. For every round it records wrk's requests/s, the server's CPU time over
# exactly the wrk run (utime and stime of the whole JVM from /proc/PID/stat) and wrk's own CPU
# (user + system of the wrk process, as % of its core: near 100 % means the client is the limit).
# Last, `strace -f -c` attached to each warmed-up server counts system calls per request.
#
# Reported per server: req/s (median of rounds), server CPU per request split into user and system
# (total CPU of all rounds / total requests), system calls per request, the server's and wrk's CPU
# use; servers ranked by CPU per request, the number that ranks them when wrk is saturated.
#
# Builds nothing: build first with   mvn -B -DskipTests package
# Usage: bash scripts/bench-http.sh            (about 5 minutes with the defaults)
# Environment: ROUNDS=5 DURATION=10 WARMUP_STEP=5 WARMUP_MIN=20 WARMUP_MAX=60 CONNECTIONS=100
#              STRACE_DURATION=5 SERVERS="nty virtual_threads netty" (add virtual_threads_so_timeout
#              for the labelled SO_TIMEOUT variant, never counted as a peer)
#              OUT_DIR=nty-benchmarks/target/bench-http  JAVA=<java 21+>  SERVER_CORE=0 CLIENT_CORE=1
# Output: a table, then the last line
#   nty_vs_virtual_threads=R nty_vs_netty=R2 nty_syscalls_per_request=S nty_user_us_per_request=U
#   nty_sys_us_per_request=K nty_cpu_vs_best_peer=C
# (R, R2: req/s ratios; C: nty's CPU per request / the cheapest peer's), and in OUT_DIR:
# rounds.tsv (server, round, rps), cpu.tsv (every round's figures), http-hello.png, strace-*.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXAMPLES_JAR=$ROOT/nty-examples/target/nty-examples.jar
BENCH_JAR=$ROOT/nty-benchmarks/target/benchmarks.jar
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP_STEP=${WARMUP_STEP:-5}
WARMUP_MIN=${WARMUP_MIN:-20}
WARMUP_MAX=${WARMUP_MAX:-60}
CONNECTIONS=${CONNECTIONS:-100}
STRACE_DURATION=${STRACE_DURATION:-5}
OUT_DIR=${OUT_DIR:-$ROOT/nty-benchmarks/target/bench-http}
SERVER_CORE=${SERVER_CORE:-0}
CLIENT_CORE=${CLIENT_CORE:-1}
HEAP=${HEAP:--Xmx512m}
read -r -a SERVERS <<<"${SERVERS:-nty virtual_threads netty}"

die() { echo "bench-http: $*" >&2; exit 1; }

# ---------------------------------------------------------------- preconditions

for jar in "$EXAMPLES_JAR" "$BENCH_JAR"; do
    [[ -f $jar ]] || die "missing $jar; build first: mvn -B -DskipTests package   (from $ROOT)"
done
for n in "$ROUNDS" "$DURATION" "$WARMUP_STEP" "$WARMUP_MIN" "$WARMUP_MAX" "$CONNECTIONS" "$STRACE_DURATION"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "ROUNDS, DURATION, WARMUP_*, CONNECTIONS and STRACE_DURATION must be positive integers, got '$n'"
done
(( WARMUP_MIN <= WARMUP_MAX )) || die "WARMUP_MIN ($WARMUP_MIN) must not exceed WARMUP_MAX ($WARMUP_MAX)"
have_nty=0
for s in "${SERVERS[@]}"; do
    case $s in
        nty) have_nty=1 ;;
        virtual_threads | virtual_threads_so_timeout | netty) ;;
        *) die "unknown server '$s' in SERVERS; known: nty virtual_threads virtual_threads_so_timeout netty" ;;
    esac
done
(( have_nty )) || die "SERVERS must include nty"
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
CLK_TCK=$(getconf CLK_TCK)

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/*.log "$OUT_DIR"/rounds.tsv "$OUT_DIR"/cpu.tsv "$OUT_DIR"/strace-*.txt "$OUT_DIR"/wrk.*

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

VT_FLAGS="-Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1"
server_command() {
    case $1 in
        nty) echo "$JAVA $HEAP -jar $EXAMPLES_JAR http --port 0" ;;
        virtual_threads) echo "$JAVA $HEAP $VT_FLAGS -cp $BENCH_JAR io.nty.benchmarks.http.VirtualThreadHttpServer --port 0" ;;
        virtual_threads_so_timeout) echo "$JAVA $HEAP $VT_FLAGS -cp $BENCH_JAR io.nty.benchmarks.http.VirtualThreadHttpServer --port 0 --so-timeout" ;;
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

# utime + stime of a whole process (all its threads, live and ended), in clock ticks: "user system".
cpu_ticks() {
    local stat
    stat=$(<"/proc/$1/stat") || die "cannot read /proc/$1/stat (did the server exit?)"
    stat=${stat##*) }          # the command name may hold spaces: cut through its closing paren
    # shellcheck disable=SC2086 # split into fields on purpose
    set -- $stat               # now $1 is field 3 (state), so utime (14) is $12 and stime (15) $13
    echo "${12} ${13}"
}

# Runs wrk against a server for SECONDS and prints "requests rps wall_s wrk_user_s wrk_sys_s".
drive() {
    local name=$1 seconds=$2 out=$OUT_DIR/wrk.out tf=$OUT_DIR/wrk.time
    local TIMEFORMAT='%R %U %S'
    { time timeout $((seconds + 30)) taskset -c "$CLIENT_CORE" \
          wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "http://127.0.0.1:${PORT[$name]}/" >"$out" 2>"$OUT_DIR/wrk.err"; } 2>"$tf" \
        || die "wrk against $name failed: $(cat "$out" "$OUT_DIR/wrk.err")"
    if grep -qE 'Socket errors|Non-2xx' "$out"; then
        echo "bench-http: $name: $(grep -E 'Socket errors|Non-2xx' "$out" | tr -s ' ')" >&2
    fi
    local req_rps
    req_rps=$(awk '/requests in/ {req=$1} /^Requests\/sec:/ {rps=$2} END {print req, rps}' "$out")
    echo "$req_rps $(tail -1 "$tf")"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# ---------------------------------------------------------------- warm-up

echo "bench-http: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $cores cores, $(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo), $("$JAVA" -version 2>&1 | head -1)"
echo "bench-http: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench-http: servers on core $SERVER_CORE, wrk -t1 -c$CONNECTIONS on core $CLIENT_CORE; warm-up steps of ${WARMUP_STEP}s (${WARMUP_MIN}-${WARMUP_MAX}s), $ROUNDS interleaved rounds of ${DURATION}s"
for s in "${SERVERS[@]}"; do
    start_server "$s"
done
for s in "${SERVERS[@]}"; do
    elapsed=0 best=0 steps=()
    while :; do
        read -r _ rps _ <<<"$(drive "$s" "$WARMUP_STEP")"
        [[ -n $rps ]] || die "wrk printed no Requests/sec for $s during warm-up (see the errors above)"
        steps+=("${rps%.*}")
        elapsed=$((elapsed + WARMUP_STEP))
        settled=$(awk -v r="$rps" -v b="$best" 'BEGIN {print (b > 0 && r <= b * 1.02) ? 1 : 0}')
        (( (settled && elapsed >= WARMUP_MIN) || elapsed >= WARMUP_MAX )) && break
        best=$(awk -v r="$rps" -v b="$best" 'BEGIN {print (r > b) ? r : b}')
    done
    echo "  warm-up  $s  ${elapsed}s  rps per step: ${steps[*]}$( ((settled)) || echo '  (still rising at WARMUP_MAX)')"
done

# ---------------------------------------------------------------- interleaved rounds

declare -A REQ USR SYS WALL
printf 'server\tround\trps\n' >"$OUT_DIR/rounds.tsv"
printf 'server\tround\trequests\trps\tserver_user_s\tserver_sys_s\twall_s\twrk_user_s\twrk_sys_s\n' >"$OUT_DIR/cpu.tsv"
n=${#SERVERS[@]}
for round in $(seq "$ROUNDS"); do
    for k in $(seq 0 $((n - 1))); do
        s=${SERVERS[$(((k + round - 1) % n))]}
        read -r u0 s0 <<<"$(cpu_ticks "${PID[$s]}")"
        read -r requests rps wall wu ws <<<"$(drive "$s" "$DURATION")"
        read -r u1 s1 <<<"$(cpu_ticks "${PID[$s]}")"
        [[ -n $rps && ${requests:-0} -gt 0 ]] || die "wrk printed no requests for $s"
        su=$(awk -v a="$u0" -v b="$u1" -v t="$CLK_TCK" 'BEGIN {printf "%.2f", (b - a) / t}')
        ss=$(awk -v a="$s0" -v b="$s1" -v t="$CLK_TCK" 'BEGIN {printf "%.2f", (b - a) / t}')
        printf '%s\t%d\t%s\n' "$s" "$round" "$rps" >>"$OUT_DIR/rounds.tsv"
        printf '%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$round" "$requests" "$rps" "$su" "$ss" "$wall" "$wu" "$ws" >>"$OUT_DIR/cpu.tsv"
        awk -v s="$s" -v r="$round" -v q="$requests" -v rps="$rps" -v su="$su" -v ss="$ss" -v w="$wall" -v wu="$wu" -v ws="$ws" \
            'BEGIN {printf "  round %d  %-27s rps=%-9.0f cpu/req=%.2f+%.2f us  server_cpu=%3.0f%%  wrk_cpu=%3.0f%%\n",
                    r, s, rps, su / q * 1e6, ss / q * 1e6, (su + ss) / w * 100, (wu + ws) / w * 100}'
    done
done
echo "bench-http: load after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- syscalls per request

# Attach strace to the warmed-up server (all its threads), drive it for a fixed time, and divide
# the syscalls counted by the requests wrk completed. Sets SYSCALLS[name].
declare -A SYSCALLS
count_syscalls() {
    local name=$1 trace=$OUT_DIR/strace-$1.txt spid requests calls
    strace -f -c -o "$trace" -p "${PID[$name]}" 2>"$OUT_DIR/strace-$name.err" &
    spid=$!
    STARTED+=("$spid")
    sleep 1
    kill -0 "$spid" 2>/dev/null || die "strace could not attach to $name (ptrace not permitted?); see $OUT_DIR/strace-$name.err"
    read -r requests _ <<<"$(drive "$name" "$STRACE_DURATION")"
    kill -INT "$spid" 2>/dev/null || true
    wait "$spid" 2>/dev/null || true
    calls=$(awk '$NF == "total" {print $4}' "$trace")
    [[ -n $calls && ${requests:-0} -gt 0 ]] || die "could not count syscalls of $name; see $trace"
    SYSCALLS[$name]=$(awk -v c="$calls" -v r="$requests" 'BEGIN {printf "%.2f", c / r}')
}
for s in "${SERVERS[@]}"; do
    count_syscalls "$s"
done

# ---------------------------------------------------------------- report

# The chart of docs/performance.md, drawn from this run (XChart, in benchmarks.jar).
"$JAVA" -cp "$BENCH_JAR" io.nty.benchmarks.charts.HttpChart "$OUT_DIR/rounds.tsv" "$OUT_DIR/http-hello.png" \
    >/dev/null 2>&1 || echo "bench-http: could not draw $OUT_DIR/http-hello.png (the figures below stand)" >&2

declare -A MEDIAN CPU
summary=$OUT_DIR/summary.tsv
: >"$summary"
for s in "${SERVERS[@]}"; do
    MEDIAN[$s]=$(awk -v s="$s" -F'\t' '$1 == s {print $3}' "$OUT_DIR/rounds.tsv" | median)
    rounds=$(awk -v s="$s" -F'\t' '$1 == s {printf "%s%.0f", sep, $3; sep=","}' "$OUT_DIR/rounds.tsv")
    awk -v s="$s" -F'\t' '$1 == s {q += $3; su += $5; ss += $6; w += $7; wc += $8 + $9}
        END {printf "%s\t%.3f\t%.3f\t%.3f\t%.0f\t%.0f\n", s, su / q * 1e6, ss / q * 1e6, (su + ss) / q * 1e6, (su + ss) / w * 100, wc / w * 100}' \
        "$OUT_DIR/cpu.tsv" >>"$summary.tmp"
    read -r _ user_us sys_us cpu_us server_pct wrk_pct < <(tail -1 "$summary.tmp")
    CPU[$s]=$cpu_us
    printf '%s\t%s\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cpu_us" "$s" "${MEDIAN[$s]}" "$user_us" "$sys_us" \
        "${SYSCALLS[$s]}" "$server_pct" "$wrk_pct" "$rounds" >>"$summary"
done
rm -f "$summary.tmp"
echo
echo "ranked by server CPU per request (user + system, all rounds; lower is better):"
printf '%-27s %10s %11s %11s %11s %13s %11s %8s  %s\n' server rps_median user_us/req sys_us/req cpu_us/req syscalls/req server_cpu wrk_cpu rounds_rps
sort -g -k1,1 "$summary" | while IFS=$'\t' read -r cpu_us s rps user_us sys_us sc server_pct wrk_pct rounds; do
    printf '%-27s %10s %11.2f %11.2f %11.2f %13s %10s%% %7s%%  %s\n' "$s" "$rps" "$user_us" "$sys_us" "$cpu_us" "$sc" "$server_pct" "$wrk_pct" "$rounds"
done
echo "(virtual_threads_so_timeout, when run, is the labelled SO_TIMEOUT variant: shown, never counted as a peer)"

best_peer= best_cpu=
for s in virtual_threads netty; do
    [[ -n ${CPU[$s]:-} ]] || continue
    if [[ -z $best_cpu ]] || awk -v a="${CPU[$s]}" -v b="$best_cpu" 'BEGIN {exit !(a < b)}'; then
        best_peer=$s best_cpu=${CPU[$s]}
    fi
done
ratio() { if [[ -n ${2:-} ]]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; else echo n/a; fi; }
nty_user=$(awk -F'\t' '$2 == "nty" {printf "%.2f", $4}' "$summary")
nty_sys=$(awk -F'\t' '$2 == "nty" {printf "%.2f", $5}' "$summary")
echo "cheapest peer: ${best_peer:-none}"
echo "nty_vs_virtual_threads=$(ratio "${MEDIAN[nty]}" "${MEDIAN[virtual_threads]:-}") nty_vs_netty=$(ratio "${MEDIAN[nty]}" "${MEDIAN[netty]:-}") nty_syscalls_per_request=${SYSCALLS[nty]} nty_user_us_per_request=$nty_user nty_sys_us_per_request=$nty_sys nty_cpu_vs_best_peer=$(ratio "${CPU[nty]}" "$best_cpu")"
