# shellcheck shell=bash disable=SC2034  # sourced: its variables are used by the scripts
# Shared helpers for the deploy scripts: paths, messages, waiting. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${LINLI_STATE_DIR:-$ROOT/.state}"
VENV="${LINLI_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
PROBE="$ROOT/deploy/scripts/probe.py"

say() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_venv() {
    [[ -x "$PY" ]] || die "no virtualenv at $VENV: run 'make setup' first"
}

# probe KIND URI: true when the broker (amqp) or store (mongo) at URI answers.
probe() {
    "$PY" "$PROBE" "$@" >/dev/null 2>&1
}

# show_tail FILE: the last lines of a log, to explain a failure.
show_tail() {
    local file="$1"
    if [[ -r "$file" ]]; then
        printf -- '--- last lines of %s ---\n' "$file" >&2
        tail -n "${LINLI_TAIL_LINES:-40}" "$file" >&2
        printf -- '---\n' >&2
    else
        printf '(no log at %s)\n' "$file" >&2
    fi
}

# pid_alive PIDFILE [WORD]: true when the pidfile names a running process (whose command
# line contains WORD, so that a pid reused after a reboot is not mistaken for ours).
pid_alive() {
    local pid
    [[ -s "$1" ]] || return 1
    pid="$(cat "$1")"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    [[ -z "${2:-}" ]] || ps -o args= -p "$pid" | grep -qF -- "$2"
}
