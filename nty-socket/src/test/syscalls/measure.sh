#!/usr/bin/env bash
# Counts the syscalls the scheduler thread makes per keep-alive request (strace -c on that
# thread only), for docs/socket.md. Run from the repository root after
#   mvn -B -pl nty-socket -am verify
# Usage: nty-socket/src/test/syscalls/measure.sh [connections] [rounds] [LAZY_LEVEL|ONE_SHOT]
set -euo pipefail
conns=${1:-50}
rounds=${2:-400}
mode=${3:-LAZY_LEVEL}
port=${PORT:-18080}
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp=$(cat nty-socket/target/test-classpath.txt):nty-socket/target/classes:nty-socket/target/test-classes
out=$(mktemp -d)
"$java" --add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -cp "$cp" io.nty.socket.bench.KeepAliveServer "$port" "$conns" "$mode" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^TID' "$out/server.log" 2>/dev/null && break; sleep 0.1; done
tid=$(awk '/^TID/ {print $2}' "$out/server.log")
timeout 120 strace -c -p "$tid" -o "$out/strace.txt" &
tracer=$!
sleep 1
timeout 120 python3 "$here/client.py" "$port" "$conns" "$rounds"
wait "$server"
wait "$tracer" || true
cat "$out/server.log"
cat "$out/strace.txt"
total=$(awk '$NF == "total" {print $(NF-2)}' "$out/strace.txt")
echo "requests $((conns * rounds)), syscalls on the scheduler thread $total," \
     "per request $(python3 -c "print(round($total / ($conns * $rounds), 2))")"
