#!/usr/bin/env bash
# The local MongoDB-wire store, FerretDB 1.24 embedded: build | start | stop | status.
#
# A MONGODB_URI that answers is used as it is. Otherwise deploy/ferretdb is built (when
# its sources are newer than the binary) and started in the background on
# FERRETDB_LISTEN (default 127.0.0.1:27017). `stop` stops only the one `start` started.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"

SRC="$ROOT/deploy/ferretdb"
BIN="$STATE/bin/linli-ferretdb"
DATA="$STATE/ferretdb"
LOG="$STATE/logs/ferretdb.log"
PIDFILE="$STATE/ferretdb.pid"
LISTEN="${FERRETDB_LISTEN:-127.0.0.1:27017}"
TIMEOUT="${LINLI_FERRETDB_TIMEOUT:-60}"
GO_MIN=1.24
export PATH="$PATH:/usr/local/go/bin"  # where Go's own tarball installs, if not on PATH

local_uri() { echo "mongodb://$LISTEN/"; }

needs_build() {
    [[ ! -x "$BIN" || "$SRC/main.go" -nt "$BIN" || "$SRC/go.mod" -nt "$BIN" || "$SRC/go.sum" -nt "$BIN" ]]
}

check_go() {
    local version
    command -v go >/dev/null \
        || die "Go is not installed: FerretDB is built from source and needs Go $GO_MIN or newer (or set MONGODB_URI to a running MongoDB)"
    version="$(go env GOVERSION)"
    version="${version#go}"
    [[ "$(printf '%s\n' "$GO_MIN" "$version" | sort -V | head -n1)" == "$GO_MIN" ]] \
        || die "Go $version is too old: FerretDB 1.24 needs Go $GO_MIN or newer"
}

build() {
    if ! needs_build; then
        say "FerretDB binary up to date: $BIN"
        return
    fi
    check_go
    say "building FerretDB into $BIN (about a minute the first time)"
    mkdir -p "$(dirname "$BIN")"
    (cd "$SRC" && CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" .) \
        || die "building FerretDB failed (see the Go errors above)"
    mv "$BIN.tmp" "$BIN"
}

# A MONGODB_URI on this machine that does not answer names the address to serve.
adopt_local_uri() {
    local where port
    where="$("$PY" "$PROBE" local "$MONGODB_URI")" \
        || die "MONGODB_URI=$MONGODB_URI does not answer and is not on this machine"
    read -r port _ <<<"$where"
    LISTEN="127.0.0.1:$port"
}

ours_running() {
    pid_alive "$PIDFILE" linli-ferretdb
}

wait_until_answers() {
    local pid="$1" deadline=$((SECONDS + TIMEOUT))
    until probe mongo "$(local_uri)"; do
        kill -0 "$pid" 2>/dev/null || { show_tail "$LOG"; die "FerretDB exited during start"; }
        ((SECONDS < deadline)) || { show_tail "$LOG"; die "FerretDB did not answer on $LISTEN within ${TIMEOUT}s"; }
        sleep 1
    done
}

launch() {
    local pid
    mkdir -p "$DATA" "$(dirname "$LOG")"
    say "starting FerretDB on $LISTEN (data $DATA, log $LOG)"
    setsid nohup "$BIN" -listen "$LISTEN" -data "$DATA" >>"$LOG" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PIDFILE"
    wait_until_answers "$pid"
}

start() {
    need_venv
    if [[ -n "${MONGODB_URI:-}" ]]; then
        if probe mongo "$MONGODB_URI"; then
            say "using the MongoDB at MONGODB_URI=$MONGODB_URI"
            return
        fi
        adopt_local_uri
    fi
    if probe mongo "$(local_uri)"; then
        if ours_running; then
            say "FerretDB already running (pid $(cat "$PIDFILE")) on $LISTEN"
        else
            say "a MongoDB-wire store already answers on $LISTEN; leaving it be"
        fi
        return
    fi
    build
    launch
    say "FerretDB ready: $(local_uri) (pid $(cat "$PIDFILE"))"
}

stop() {
    local pid
    if ! ours_running; then
        say "FerretDB was not started by these scripts; leaving it be"
        rm -f "$PIDFILE"
        return
    fi
    pid="$(cat "$PIDFILE")"
    say "stopping FerretDB (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && { warn "FerretDB ignored SIGTERM; killing it"; kill -KILL "$pid"; }
    rm -f "$PIDFILE"
}

status() {
    local uri="${MONGODB_URI:-$(local_uri)}"
    if [[ -x "$PY" ]] && probe mongo "$uri"; then
        echo "ferretdb: answering at $uri$(ours_running && echo " (pid $(cat "$PIDFILE"), started by make infra)")"
    else
        echo "ferretdb: not answering at $uri"
        return 1
    fi
}

case "${1:-}" in
    build | start | stop | status) "$1" ;;
    *) die "usage: $0 build|start|stop|status" ;;
esac
