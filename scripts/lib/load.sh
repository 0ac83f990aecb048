# Shared by the load scripts (idle-connections.sh, soak.sh); sourced, not run.
# The caller sets ROOT, JAR and defines die() before sourcing. Provides:
#   JAVA                    java 21+: $JAVA, else $JAVA_HOME/bin/java, else java on PATH
#   track PID               stop PID (TERM, then wait) when the script exits
#   untrack PID             PID was stopped by the caller
#   start_echo_server LOG [ARGS...]   starts `nty-examples echo --port 0 ARGS` and sets
#                           $server (its pid) and $port once it prints 'listening on'
#   rss_kib PID, fds PID    the process's resident memory and open fds, from /proc

if [[ -z ${JAVA:-} ]]; then
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
fi

_tracked=()
_stop_tracked() {
    local p
    for p in "${_tracked[@]}"; do
        kill -TERM "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
}
track() { _tracked=("$1" "${_tracked[@]}"); }
untrack() { local keep=() p; for p in "${_tracked[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done; _tracked=("${keep[@]}"); }

start_echo_server() {
    local log=$1; shift
    "$JAVA" -jar "$JAR" echo --port 0 "$@" >"$log" 2>&1 &
    server=$!
    track "$server"
    for _ in $(seq 300); do
        grep -q '^listening on ' "$log" && break
        kill -0 "$server" 2>/dev/null || { cat "$log" >&2; die "the echo server exited before listening"; }
        sleep 0.1
    done
    port=$(sed -n 's/^listening on [^ ]*:\([0-9]*\).*/\1/p' "$log" | head -1)
    [[ -n $port ]] || die "the echo server did not print 'listening on' within 30 s"
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
fds() { ls "/proc/$1/fd" | wc -l; }
