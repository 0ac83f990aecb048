#!/usr/bin/env bash
# nty's budget (docs/performance.md): 100,000 concurrent idle connections on one scheduler thread. Run from the
# repository root after `mvn -B -pl nty-socket -am verify` and the build-classpath step of
# measure.sh. The server and the client are separate processes; each needs a file limit above
# the connection count (raise the hard limit, `ulimit -Hn`, for 100,000).
# Usage: nty-socket/src/test/syscalls/idle.sh [connections] [listeners]
set -euo pipefail
n=${1:-100000}
listeners=${2:-8}
base=${PORT:-19000}
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((n + 200)) ]; then
    echo "file limit $(ulimit -n) is too low for $n connections; raise ulimit -Hn" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp=$(cat nty-socket/target/test-classpath.txt):nty-socket/target/classes:nty-socket/target/test-classes
out=$(mktemp -d)
timeout 300 "$java" -Xmx1g --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED -cp "$cp" io.nty.socket.bench.IdleConnectionsServer \
    "$base" "$listeners" "$n" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^LISTENING' "$out/server.log" 2>/dev/null && break; sleep 0.1; done
timeout 240 python3 "$here/idle_client.py" "$base" "$listeners" "$n" 8
wait "$server"
grep -v WARNING "$out/server.log"
