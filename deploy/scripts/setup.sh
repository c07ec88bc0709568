#!/usr/bin/env bash
# Create .venv and install the pinned requirements; skip the install when
# requirements.txt has not changed since the last successful one.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"

PYTHON3="${LINLI_PYTHON3:-python3}"
REQUIREMENTS="$ROOT/requirements.txt"
STAMP="$VENV/.requirements.sha256"

command -v "$PYTHON3" >/dev/null || die "$PYTHON3 not found: Linli needs Python 3.11"
"$PYTHON3" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "$PYTHON3 is $("$PYTHON3" --version 2>&1); Linli needs Python 3.11 or newer (set LINLI_PYTHON3)"

# The volunteers' certificate of service prints Chinese, so it needs a CJK font (Debian's fonts-wqy-zenhei).
if [[ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc && -z "${LINLI_CJK_FONT:-}" ]] && command -v apt-get >/dev/null; then
    say "installing Debian's fonts-wqy-zenhei (Chinese text in PDFs)"
    sudo_cmd=(); [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
    { "${sudo_cmd[@]}" apt-get update -q && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-zenhei; } >/dev/null \
        || warn "could not install fonts-wqy-zenhei: certificates of service need it (or LINLI_CJK_FONT)"
fi

# A venv whose interpreter no longer runs (moved, or its Python removed) is rebuilt.
if [[ -d "$VENV" ]] && ! "$PY" -c '' 2>/dev/null; then
    warn "$VENV is broken; recreating it"
    rm -rf "$VENV"
fi
if [[ ! -d "$VENV" ]]; then
    say "creating virtualenv $VENV"
    "$PYTHON3" -m venv "$VENV"
fi

wanted="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$wanted" ]]; then
    say "python dependencies up to date"
    exit 0
fi
say "installing $REQUIREMENTS into $VENV"
"$PY" -m pip install --disable-pip-version-check --quiet -r "$REQUIREMENTS" \
    || die "pip install failed (see above)"
echo "$wanted" >"$STAMP"
say "python dependencies installed"
