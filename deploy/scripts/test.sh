#!/usr/bin/env bash
# Run every test suite against the running broker and store (make infra first).
#
# services/ and tests/ run under eventlet (their conftests monkey-patch); gateway/ runs
# apart, unpatched. The suites run in LINLI_TEST_LANES lanes at once (2 by default; 4, or 1:
# one after another), which their own vhosts and database prefixes keep apart; each suite's
# output is printed whole when it ends, and tests that assert a speed bound run alone at the
# end. Every suite runs even when another fails; the run fails if any suite fails, or if no
# suite ran a single test (pytest's exit 5).
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "$0")/lib.sh"
need_venv
cd "$ROOT"

export LINLI_DB_PREFIX="${LINLI_DB_PREFIX:-test_}"
export AMQP_URI="${AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/linli-test}"
export LINLI_RABBIT_MANAGEMENT="${LINLI_RABBIT_MANAGEMENT:-http://guest:guest@127.0.0.1:15672}"
RESULTS="$STATE/test-results"
BROKER=(--amqp-uri "$AMQP_URI" --rabbit-api-uri "$LINLI_RABBIT_MANAGEMENT")
# The e2e modules run as a suite of their own (about half of tests/e2e's time); new modules go to `e2e`.
E2E_APART="tests/e2e/test_permission_matrix.py tests/e2e/test_announcement_story.py tests/e2e/test_api_fuzz.py
           tests/e2e/test_outage.py tests/e2e/test_replicas.py tests/e2e/test_stream.py"
NOT_APART=()
for path in $E2E_APART; do NOT_APART+=("--ignore=$path"); done
# Tests that assert a speed bound run alone, after the lanes, so the other lanes cannot slow them.
TIMED="web/tests/test_resident_speed.py"

# run_suite NAME "PATHS" PYTEST-OPTIONS...: one pytest run over the PATHS that exist; its
# output goes to RESULTS/NAME.log (printed whole when it ends), its exit code to RESULTS/NAME.rc.
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
    "$PY" -m pytest -q -p no:cacheprovider --junitxml="$RESULTS/$name.xml" "$@" "${paths[@]}" \
        >"$RESULTS/$name.log" 2>&1 || rc=$?
    echo "$rc" >"$RESULTS/$name.rc"
    {
        flock 9  # one whole log at a time
        printf -- '--- pytest (%s), exit %s ---\n' "$name" "$rc"
        cat "$RESULTS/$name.log"
    } 9>"$RESULTS/.print" >&2
}

core_lane() {
    run_suite gateway "gateway" --suppress-nameko-eventlet-notification
    run_suite services "services tests" "${BROKER[@]}" --ignore=tests/e2e --ignore=tests/chaos
}
e2e_lane() { run_suite e2e "tests/e2e" "${BROKER[@]}" "${NOT_APART[@]}"; }
apart_lane() { run_suite e2e-apart "$E2E_APART" "${BROKER[@]}"; }
browser_lane() { run_suite browser "web/tests" --suppress-nameko-eventlet-notification "--ignore=$TIMED"; }

rm -rf "$RESULTS" && mkdir -p "$RESULTS"
started=$SECONDS
case "${LINLI_TEST_LANES:-2}" in
    1) core_lane; e2e_lane; apart_lane; browser_lane ;;
    2) { core_lane; browser_lane; } & { e2e_lane; apart_lane; } & wait ;;
    4) core_lane & e2e_lane & apart_lane & browser_lane & wait ;;
    *) die "LINLI_TEST_LANES must be 1, 2 or 4" ;;
esac
# The short chaos run asserts recovery within seconds of a mended fault: it too runs alone.
run_suite chaos "tests/chaos" "${BROKER[@]}"
run_suite timed "$TIMED" --suppress-nameko-eventlet-notification
say "the suites took $((SECONDS - started)) s"

failed=0
ran=0
for result in "$RESULTS"/*.rc; do
    [[ -e "$result" ]] || continue
    name="$(basename "$result" .rc)"
    case "$(cat "$result")" in
        0) ran=1 ;;
        5) say "pytest ($name) collected no tests" ;;
        *) failed=1; warn "pytest ($name) failed with exit code $(cat "$result")" ;;
    esac
done

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
