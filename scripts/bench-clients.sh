#!/usr/bin/env bash
# Side by side: the same unmodified clients (PostgreSQL JDBC, Jedis) with the same code against the
# same servers, on nty coroutines (one scheduler thread, java.net hooked) and on virtual threads
# (one carrier), alternating, ROUNDS times. Starts throw-away PostgreSQL and Redis servers on
# loopback (.ci/services.sh; installs them from Debian packages if missing) and stops them at the end.
#
#   scripts/bench-clients.sh [ROUNDS] [CONNECTIONS] [PG_QUERIES] [REDIS_QUERIES]
#
# Needs nty-examples/target/nty-examples.jar (mvn -pl nty-examples -am package -DskipTests).
# Prints, per run, the command's sentinel, phase and summary lines.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/nty-examples/target/nty-examples.jar
ROUNDS=${1:-3}
CONNECTIONS=${2:-100}
PG_QUERIES=${3:-500}
REDIS_QUERIES=${4:-1000}
die() { echo "bench-clients: $*" >&2; exit 1; }
[[ -f $JAR ]] || die "$JAR is missing: mvn -pl nty-examples -am package -DskipTests"
if [[ -z ${JAVA:-} ]]; then
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
fi
# One carrier for virtual threads; the same flags are harmless for the nty runs.
ONE_CARRIER=(-Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1)

# shellcheck source=../.ci/services.sh
source "$ROOT/.ci/services.sh"
trap services_stop EXIT
services_start

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
    for runtime in nty virtual; do
        echo "== round $round: pg, $runtime"
        "$JAVA" "${ONE_CARRIER[@]}" -jar "$JAR" pg --port "$NTY_PG_PORT" --connections "$CONNECTIONS" \
            --queries "$PG_QUERIES" --runtime "$runtime" 2>/dev/null | tail -3
        echo "== round $round: redis, $runtime"
        "$JAVA" "${ONE_CARRIER[@]}" -jar "$JAR" redis --port "$NTY_REDIS_PORT" --connections "$CONNECTIONS" \
            --queries "$REDIS_QUERIES" --runtime "$runtime" 2>/dev/null | tail -3
    done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
