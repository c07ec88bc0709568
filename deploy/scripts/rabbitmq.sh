#!/usr/bin/env bash
# The local RabbitMQ: start | stop | status.
#
# An AMQP_URI that answers is used as it is. Otherwise Debian's rabbitmq-server is
# installed if missing and started with the management plugin, and the vhost the tests
# use (linli-test) is created. `stop` stops the broker only if `start` started it.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"
export PATH="$PATH:/usr/sbin:/sbin"

PORT="${RABBITMQ_NODE_PORT:-5672}"
MARK="$STATE/rabbitmq.started"
VHOSTS=(linli-test)
TIMEOUT="${LINLI_RABBITMQ_TIMEOUT:-120}"

redact() { sed -E 's#(//[^:/@]*):[^@]*@#\1:***@#' <<<"$1"; }
local_uri() { echo "amqp://guest:guest@127.0.0.1:$PORT/"; }
as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }

install_if_missing() {
    command -v rabbitmq-server >/dev/null && return
    say "installing Debian's rabbitmq-server"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server \
        || die "could not install rabbitmq-server with apt-get"
}

node_log() {
    echo "${RABBITMQ_LOG_BASE:-/var/log/rabbitmq}/${RABBITMQ_NODENAME:-rabbit@$(hostname -s)}.log"
}

wait_until_answers() {
    local deadline=$((SECONDS + TIMEOUT))
    until probe amqp "$(local_uri)"; do
        if ((SECONDS >= deadline)); then
            show_tail "$(node_log)"
            die "RabbitMQ did not answer on port $PORT within ${TIMEOUT}s (errors before its log starts show when run in the foreground: rabbitmq-server)"
        fi
        sleep 2
    done
}

boot() {
    if rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
        say "RabbitMQ node is up but not answering on port $PORT yet; waiting"
    else
        rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
        say "starting RabbitMQ (rabbitmq-server -detached)"
        rabbitmq-server -detached || die "rabbitmq-server -detached failed"
        mkdir -p "$STATE" && date -u +%FT%TZ >"$MARK"
    fi
    wait_until_answers
}

ensure_vhosts() {
    local vhost existing
    existing="$(rabbitmqctl list_vhosts --quiet --no-table-headers name)" \
        || die "rabbitmqctl cannot reach the broker on port $PORT (is it a local rabbitmq-server?)"
    for vhost in "${VHOSTS[@]}"; do
        grep -qxF -- "$vhost" <<<"$existing" || rabbitmqctl add_vhost "$vhost" >/dev/null
        rabbitmqctl set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
    done
}

# An AMQP_URI on this machine that does not answer names the port and vhost to provide.
adopt_local_uri() {
    local where port vhost
    where="$("$PY" "$PROBE" local "$AMQP_URI")" \
        || die "AMQP_URI=$(redact "$AMQP_URI") does not answer and is not on this machine"
    read -r port vhost <<<"$where"
    PORT="$port"
    export RABBITMQ_NODE_PORT="$port"
    [[ "$vhost" == "/" ]] || VHOSTS+=("$vhost")
}

start() {
    need_venv
    if [[ -n "${AMQP_URI:-}" ]]; then
        if probe amqp "$AMQP_URI"; then
            say "using the RabbitMQ at AMQP_URI=$(redact "$AMQP_URI")"
            return
        fi
        adopt_local_uri
    fi
    install_if_missing
    if probe amqp "$(local_uri)"; then
        say "RabbitMQ already answers on port $PORT; leaving it be"
        rabbitmq-plugins enable rabbitmq_management >/dev/null 2>&1 \
            || warn "could not enable the management plugin on the running broker"
    else
        boot
    fi
    ensure_vhosts
    say "RabbitMQ ready: amqp://127.0.0.1:$PORT/ (vhosts /, ${VHOSTS[*]}); management http://127.0.0.1:15672/"
}

stop() {
    if [[ ! -f "$MARK" ]]; then
        say "RabbitMQ was not started by these scripts; leaving it be"
        return
    fi
    say "stopping the RabbitMQ we started"
    rabbitmqctl stop >/dev/null 2>&1 || warn "rabbitmqctl stop failed; is it already stopped?"
    rm -f "$MARK"
}

status() {
    local uri="${AMQP_URI:-$(local_uri)}"
    if [[ -x "$PY" ]] && probe amqp "$uri"; then
        echo "rabbitmq: answering at $(redact "$uri")$([[ -f "$MARK" ]] && echo ' (started by make infra)')"
    else
        echo "rabbitmq: not answering at $(redact "$uri")"
        return 1
    fi
}

case "${1:-}" in
    start | stop | status) "$1" ;;
    *) die "usage: $0 start|stop|status" ;;
esac
