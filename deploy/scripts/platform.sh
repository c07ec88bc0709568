#!/usr/bin/env bash
# The running platform: start | stop | status.
#
# start declares the broker topology, seeds the demo community, starts the Procfile
# under honcho detached from this shell, waits for the gateway's health check and prints
# where to go. The broker and the store must already answer (make infra).
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"

PIDFILE="$STATE/honcho.pid"
LOG="$STATE/logs/platform.log"
URL="http://127.0.0.1:${LINLI_GATEWAY_PORT:-8000}"
TIMEOUT="${LINLI_RUN_TIMEOUT:-90}"

export PATH="$VENV/bin:$PATH"
cd "$ROOT"

welcome() {
    echo
    echo "Linli is running: $URL  (API docs: $URL/api/docs)"
    echo "Logs: make logs    Stop: make stop"
    echo
    "$PY" -m gateway.seed --print-logins || warn "could not print the demo logins"
}

# explain_failure: the last lines of the process that stopped first (honcho then stops the rest).
explain_failure() {
    local first
    first="$(grep -m1 -oE 'system +\| [a-z]+\.[0-9]+ stopped' "$LOG" | awk '{ print $3 }')" || true
    if [[ -z "$first" ]]; then
        show_tail "$LOG"
        return
    fi
    printf -- '--- %s stopped first; its last lines in %s ---\n' "$first" "$LOG" >&2
    grep -E "^[0-9:]+ $first +\|" "$LOG" | tail -n "${LINLI_TAIL_LINES:-40}" | cut -c1-400 >&2
    printf -- '---\n' >&2
}

wait_for_health() {
    local pid="$1" deadline=$((SECONDS + TIMEOUT))
    until probe http "$URL/api/health"; do
        if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
            stop 2>/dev/null
            explain_failure
            die "the platform did not come up: no answer from $URL/api/health (timeout ${TIMEOUT}s; full log: $LOG)"
        fi
        sleep 1
    done
}

launch() {
    local pid
    mkdir -p "$(dirname "$LOG")"
    [[ -f "$LOG" ]] && mv "$LOG" "$LOG.1"
    say "starting the gateway and the four services under honcho (log $LOG)"
    # Its own session, so the command returns and stop can signal the whole group.
    setsid honcho --env /dev/null --procfile "$ROOT/Procfile" start >"$LOG" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PIDFILE"
    wait_for_health "$pid"
    say "seeding the 37° space, the life-circle places and a wall shop's coupon"
    "$PY" -m services.bookings.seed >/dev/null || warn "could not seed the 37° space: run make seed-space"
}

start() {
    need_venv
    if pid_alive "$PIDFILE" honcho; then
        say "Linli is already running (honcho pid $(cat "$PIDFILE"))"
        probe http "$URL/api/health" || warn "but $URL/api/health does not answer: see make logs"
        welcome
        return
    fi
    probe http "$URL/api/health" && die "something else already answers on $URL; stop it or set LINLI_GATEWAY_PORT"
    say "declaring the broker topology"
    "$PY" -m services.common.topology
    say "seeding the demo community"
    "$PY" -m gateway.seed >/dev/null  # it lists the logins; welcome prints them once, last
    launch
    welcome
}

# sessions_under PID: the sessions honcho's children run in (honcho starts each in its own).
sessions_under() {
    ps -eo pid=,ppid=,sid= | awk -v root="$1" '
        { parent[$1] = $2; sid[$1] = $3 }
        END { for (p in parent) { q = p; while ((q in parent) && q != root && q > 1) q = parent[q];
                                  if (q == root && sid[p] != root) print sid[p] } }' | sort -u
}

stop() {
    local pid sessions sid
    if ! pid_alive "$PIDFILE" honcho; then
        say "Linli is not running"
        rm -f "$PIDFILE"
        return
    fi
    pid="$(cat "$PIDFILE")"
    sessions="$(sessions_under "$pid")"
    say "stopping honcho (pid $pid) and the processes it started"
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    for sid in $sessions; do
        kill -KILL -- "-$sid" 2>/dev/null || true
    done
    rm -f "$PIDFILE"
}

status() {
    if pid_alive "$PIDFILE" honcho; then
        echo "platform: honcho running (pid $(cat "$PIDFILE")); health $(probe http "$URL/api/health" && echo ok || echo 'not answering') at $URL"
    else
        echo "platform: not running"
        return 1
    fi
}

case "${1:-}" in
    start | stop | status) "$1" ;;
    *) die "usage: $0 start|stop|status" ;;
esac
