#!/usr/bin/env bash
# Run every test suite against the running broker and store (make infra first).
#
# services/ and tests/ run under eventlet (their conftests monkey-patch); gateway/ runs
# apart, unpatched. Every suite runs even when an earlier one fails; the run fails if
# any suite fails, or if no suite ran a single test (pytest's exit 5 everywhere).
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"
need_venv
cd "$ROOT"

export LINLI_DB_PREFIX="${LINLI_DB_PREFIX:-test_}"
export AMQP_URI="${AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/linli-test}"
export LINLI_RABBIT_MANAGEMENT="${LINLI_RABBIT_MANAGEMENT:-http://guest:guest@127.0.0.1:15672}"
RESULTS="$STATE/test-results"
failed=0
ran=0

# run_suite NAME "PATHS" PYTEST-OPTIONS...: one pytest run over the PATHS that exist.
run_suite() {
    local name="$1" rc=0 paths=() path
    for path in $2; do
        if [[ -e "$path" ]]; then paths+=("$path"); fi
    done
    shift 2
    if ((${#paths[@]} == 0)); then
        say "pytest ($name): none of $2 exists; skipped"
        return
    fi
    say "pytest ($name): ${paths[*]}"
    "$PY" -m pytest -q -p no:cacheprovider --junitxml="$RESULTS/$name.xml" "$@" "${paths[@]}" || rc=$?
    case "$rc" in
        0) ran=1 ;;
        5) say "pytest ($name) collected no tests" ;;
        *) failed=1; warn "pytest ($name) failed with exit code $rc" ;;
    esac
}

rm -rf "$RESULTS" && mkdir -p "$RESULTS"
run_suite services "services tests" --amqp-uri "$AMQP_URI" --rabbit-api-uri "$LINLI_RABBIT_MANAGEMENT"
run_suite gateway "gateway" --suppress-nameko-eventlet-notification
run_suite browser "web/tests" --suppress-nameko-eventlet-notification

"$PY" - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
totals = dict(tests=0, failures=0, errors=0, skipped=0)
for path in glob.glob(sys.argv[1] + "/*.xml"):
    for suite in ET.parse(path).getroot().iter("testsuite"):
        for key in totals:
            totals[key] += int(suite.get(key, 0))
bad = totals["failures"] + totals["errors"]
print(f"total: {totals['tests'] - bad - totals['skipped']} passed, {bad} failed, {totals['skipped']} skipped")
PY

((failed == 0)) || die "some test suites failed"
((ran == 1)) || die "no suite ran any test"
say "all test suites passed"
