#!/usr/bin/env bash
# The front ends: build | browser.
#
# build: install the pinned npm packages (web/package-lock.json) and build web/dist, skipped
#        when nothing under web/ changed since the last build. Needs Node.js 20 and npm
#        (Debian's nodejs/npm are installed if missing).
# browser: make sure Debian's Chromium is there for the browser tests (Playwright drives the
#        system browser, never a downloaded one).
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"

WEB="$ROOT/web"
STAMP="$WEB/dist/.source.sha256"
as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_install() {
    say "installing Debian's $*"
    { as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; } >/dev/null \
        || die "could not install $* with apt-get"
}

source_hash() {
    (cd "$WEB" && find package.json package-lock.json vite.config.js src -type f -print0 | sort -z \
        | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

build() {
    command -v npm >/dev/null || apt_install nodejs npm
    local hash
    hash="$(source_hash)"
    if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]]; then
        return
    fi
    if [[ ! -d "$WEB/node_modules" || "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]]; then
        say "installing the front ends' npm packages (web/package-lock.json)"
        (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in web/"
    fi
    say "building the front ends into web/dist"
    (cd "$WEB" && npm run --silent build -- --logLevel warn) || die "the front-end build failed (cd web && npm run build)"
    echo "$hash" >"$STAMP"
}

browser() {
    local chromium="${LINLI_CHROMIUM:-/usr/bin/chromium}"
    [[ -x "$chromium" ]] || apt_install chromium
    [[ -x "$chromium" ]] || die "no Chromium at $chromium (set LINLI_CHROMIUM)"
}

case "${1:-build}" in
    build) build ;;
    browser) browser ;;
    *) die "usage: $0 build|browser" ;;
esac
