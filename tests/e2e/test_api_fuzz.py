"""schemathesis fuzzes the running gateway (five real processes, seeded) from the committed
docs/openapi.json, as a staff member and as a resident: no 5xx, no answer outside its own schema.

The CLI runs in a subprocess: tests/ runs under eventlet's monkey patching, schemathesis apart.
Bounded by examples per operation and a time budget; the two callers run side by side. Left out: the two event
streams (they stay open for minutes) and logout (it would end the session the run uses).

Its JSON and NDJSON reports say what was found: a failed check fails the test at once, and so
does an error on the wire (a refused connection, a timeout). An operation whose test data
schemathesis itself could not generate (an exception inside its generator, seen once in CI) is
fuzzed again alone with another seed: it fails the test only if it cannot be fuzzed then either,
so every operation is fuzzed in every run and no finding is waved through.
"""
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gateway import demo
from tests.e2e.platform import ROOT

DOCUMENT = ROOT / "docs" / "openapi.json"
CHECKS = "not_a_server_error,response_schema_conformance"
LEFT_OUT = r"(/stream$|/auth/logout$)"
ON_THE_WIRE = ("ConnectionError", "Timeout", "ReadTimeout", "ConnectTimeout", "ChunkedEncodingError",
               "ContentDecodingError", "TooManyRedirects", "InvalidHeader")


def login(platform, role):
    response = platform.api("POST", "/api/v1/auth/login",
                            json={"login": demo.login_name(role), "password": demo.PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def fuzz(platform, token, examples, seconds, workdir, seed=7, only=None):
    """Run schemathesis against the platform as the token's holder: its findings.

    It runs in `workdir`, where it keeps its reports and its cache of failures (.schemathesis/).
    `only` names one operation ("GET /api/v1/issues") to fuzz alone.
    """
    command = [str(Path(sys.executable).with_name("st")), "run", str(DOCUMENT), "--url", platform.url,
               "--header", f"Authorization: Bearer {token}", "--checks", CHECKS,
               "--max-examples", str(examples), "--max-time", str(seconds), "--phases", "examples,fuzzing",
               "--seed", str(seed), "--no-shrink", "--request-timeout", "20",
               "--suppress-health-check", "all", "--warnings", "off", "--no-color", "--workers", "2",
               "--report", "json,ndjson", "--report-json-path", "run.json", "--report-ndjson-path", "run.ndjson"]
    command += ["--include-name", only] if only else ["--exclude-path-regex", LEFT_OUT]
    done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=seconds + 120)
    (workdir / "output.txt").write_text(done.stdout + done.stderr)
    return findings(workdir, done)


def findings(workdir, done):
    """{"failures", "wire", "generator": {operation: error}, "report"} from one run's reports."""
    summary = json.loads((workdir / "run.json").read_text())
    errors = [event["NonFatalError"] for event in map(json.loads, (workdir / "run.ndjson").read_text().splitlines())
              if "NonFatalError" in event]
    wire = [e for e in errors if e["value"]["type"].split(".")[-1] in ON_THE_WIRE or not e.get("label")]
    generator = {e["label"]: f'{e["value"]["type"]}: {e["value"]["message"][:2000]}' for e in errors if e not in wire}
    return {"failures": summary["failures"], "wire": wire, "generator": generator,
            "unexplained": done.returncode != 0 and not (summary["failures"] or errors),
            "report": done.stdout[-8000:] + done.stderr[-2000:]}


def refuzz(platform, token, operation, workdir):
    """Fuzz one operation alone, with another seed, after its generator failed: its findings."""
    workdir.mkdir()
    return fuzz(platform, token, examples=8, seconds=30, workdir=workdir, seed=11, only=operation)


def problems(found):
    return found["failures"] or found["wire"] or found["generator"] or found["unexplained"]


def test_no_operation_fails_or_breaks_its_schema_under_fuzzing_as_staff_or_as_a_resident(platform, tmp_path):
    roles = ("social_worker", "resident")
    tokens = {role: login(platform, role) for role in roles}
    for role in roles:
        (tmp_path / role).mkdir()
    with ThreadPoolExecutor(len(roles)) as pool:  # the two runs side by side, to keep make test short
        runs = dict(zip(roles, pool.map(lambda role: fuzz(platform, tokens[role], examples=4, seconds=20,
                                                          workdir=tmp_path / role), roles)))
    failed = {}
    for role, found in runs.items():
        again = {operation: refuzz(platform, tokens[role], operation, tmp_path / f"{role}-again-{n}")
                 for n, operation in enumerate(found["generator"])}
        if found["failures"] or found["wire"] or found["unexplained"] or any(map(problems, again.values())):
            failed[role] = found, again
    assert not failed, "\n\n".join(
        f"as {role}:\n{found['report']}\nerrors: {found['wire'] or found['generator']}\n"
        + "".join(f"\nfuzzed again alone, {op}:\n{redo['report']}\n{redo['generator']}" for op, redo in again.items())
        for role, (found, again) in failed.items())
