#!/usr/bin/env bash
# Runs the scheduler and switch JMH benchmarks (nty beside virtual threads and the bare
# continuation, in the same run) and prints the median of the measurement iterations of each,
# plus the native switch micro-benchmark. Builds nothing: run `mvn -B -DskipTests package` first.
#   FORKS=1 WARMUP=3 ITERATIONS=10 [BENCHMARKS=<JMH regex>] bash scripts/bench-scheduler.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=nty-benchmarks/target/benchmarks.jar
BENCH=nty-switch-x86_64/target/native/nty_switch_bench
[ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT=${OUT_DIR:-nty-benchmarks/target/bench-scheduler}
mkdir -p "$OUT"

"$JAVA" -jar "$JAR" "${BENCHMARKS:-YieldBenchmark|SpawnBenchmark|NativeSwitchBenchmark}" \
  -f "${FORKS:-1}" -wi "${WARMUP:-3}" -i "${ITERATIONS:-10}" -rf json -rff "$OUT/jmh.json" \
  > "$OUT/jmh.log" 2>&1 || { tail -30 "$OUT/jmh.log" >&2; exit 1; }

python3 - "$OUT/jmh.json" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))
for r in rows:
    values = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
    name = r["benchmark"].replace("io.nty.benchmarks.", "")
    print(f"{name:45s} median_ns={statistics.median(values):8.1f} "
          f"min={min(values):7.1f} max={max(values):7.1f} n={len(values)}")
PY
if [ -x "$BENCH" ]; then
  "$BENCH" | grep -E '^(ns_per_resume_yield_pair|ns_per_switch_mxcsr_compare|mxcsr_policy|ns_per_switch)='
fi
