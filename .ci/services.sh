# Real servers for the tests that need them: PostgreSQL and Redis, from Debian packages, on
# loopback, with throw-away data directories. Source this file, then:
#   services_start   installs what is missing, starts both, waits until they answer, and exports
#                    NTY_PG_HOST NTY_PG_PORT NTY_PG_USER NTY_PG_DATABASE NTY_REDIS_HOST NTY_REDIS_PORT
#   services_stop    stops both and deletes their data (call it from an EXIT trap)
# .ci/run does both. By hand: `source .ci/services.sh && services_start`, run the tests in that
# shell, then `services_stop`.

NTY_SERVICES_DIR=""
NTY_PG_BIN=""
NTY_REDIS_PID=""

svc_log() { printf '[services] %s\n' "$*"; }

svc_apt_install() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n" # GitHub runners: not root, passwordless sudo
  if command -v apt-get >/dev/null && { [ -z "$sudo" ] || sudo -n true 2>/dev/null; }; then
    svc_log "installing $*"
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    svc_log "missing $* and cannot install it (need root or passwordless sudo, and apt-get)"; return 1
  fi
}

svc_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

svc_free_port() { # a port nothing listens on now, away from the usual ones
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    svc_port_in_use "$p" || { echo "$p"; return 0; }
  done
  return 1
}

svc_pg_bin() { # the newest installed PostgreSQL's bin directory
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

svc_as_postgres() { # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

services_start() {
  NTY_PG_BIN=$(svc_pg_bin) || true
  if [ -z "$NTY_PG_BIN" ]; then svc_apt_install postgresql || return 1; NTY_PG_BIN=$(svc_pg_bin); fi
  command -v redis-server >/dev/null || svc_apt_install redis-server || return 1

  NTY_SERVICES_DIR=$(mktemp -d /tmp/nty-services.XXXXXX)
  chmod 755 "$NTY_SERVICES_DIR"
  mkdir -p "$NTY_SERVICES_DIR/pg" "$NTY_SERVICES_DIR/redis"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$NTY_SERVICES_DIR/pg"

  # PostgreSQL: max_connections above the 200 connections of the tests; fsync off (throw-away data).
  local pg_port
  pg_port=$(svc_free_port) || { svc_log "no free port for PostgreSQL"; return 1; }
  svc_as_postgres "$NTY_PG_BIN/initdb" -D "$NTY_SERVICES_DIR/pg/data" -U postgres -A trust --no-sync \
    >"$NTY_SERVICES_DIR/pg/initdb.log" 2>&1 || { svc_log "initdb failed:"; tail -20 "$NTY_SERVICES_DIR/pg/initdb.log"; return 1; }
  svc_as_postgres "$NTY_PG_BIN/pg_ctl" -D "$NTY_SERVICES_DIR/pg/data" -l "$NTY_SERVICES_DIR/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c max_connections=300 -c shared_buffers=32MB -c fsync=off -c unix_socket_directories=$NTY_SERVICES_DIR/pg" \
    start >/dev/null || { svc_log "PostgreSQL did not start:"; tail -20 "$NTY_SERVICES_DIR/pg/server.log"; return 1; }
  for _ in $(seq 1 60); do
    "$NTY_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1
  done
  "$NTY_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { svc_log "PostgreSQL does not answer on $pg_port"; return 1; }
  export NTY_PG_HOST=127.0.0.1 NTY_PG_PORT=$pg_port NTY_PG_USER=postgres NTY_PG_DATABASE=postgres
  svc_log "PostgreSQL $("$NTY_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (max_connections=300)"

  # Redis: no persistence, room for many clients.
  local redis_port
  redis_port=$(svc_free_port) || { svc_log "no free port for Redis"; return 1; }
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$NTY_SERVICES_DIR/redis" --save '' --appendonly no \
    --maxclients 1000 --daemonize yes --pidfile "$NTY_SERVICES_DIR/redis/redis.pid" \
    --logfile "$NTY_SERVICES_DIR/redis/redis.log" || { svc_log "redis-server did not start"; return 1; }
  local answer=""
  for _ in $(seq 1 60); do
    answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$redis_port" && printf 'PING\r\n' >&3 && head -c 5 <&3) 2>/dev/null || true)
    [ "$answer" = "+PONG" ] && break; sleep 0.5
  done
  [ "$answer" = "+PONG" ] || { svc_log "Redis does not answer on $redis_port"; tail -20 "$NTY_SERVICES_DIR/redis/redis.log"; return 1; }
  NTY_REDIS_PID=$(cat "$NTY_SERVICES_DIR/redis/redis.pid")
  export NTY_REDIS_HOST=127.0.0.1 NTY_REDIS_PORT=$redis_port
  svc_log "Redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') on 127.0.0.1:$redis_port"
}

services_stop() {
  [ -n "$NTY_SERVICES_DIR" ] || return 0
  if [ -n "$NTY_PG_BIN" ] && [ -d "$NTY_SERVICES_DIR/pg/data" ]; then
    svc_as_postgres "$NTY_PG_BIN/pg_ctl" -D "$NTY_SERVICES_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$NTY_REDIS_PID" ]; then
    kill "$NTY_REDIS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$NTY_REDIS_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$NTY_SERVICES_DIR"
  svc_log "stopped PostgreSQL and Redis"
  NTY_SERVICES_DIR=""
}
