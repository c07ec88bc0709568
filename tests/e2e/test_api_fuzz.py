"""schemathesis fuzzes the running gateway (five real processes, seeded) from the committed
docs/openapi.json, as a staff member and as a resident: no 5xx, no answer outside its own schema.

The CLI runs in a subprocess: tests/ runs under eventlet's monkey patching, schemathesis apart.
Bounded by examples per operation and a time budget; the two callers run side by side. Left out: the two event
streams (they stay open for minutes) and logout (it would end the session the run uses).
"""
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gateway import demo
from tests.e2e.platform import ROOT

DOCUMENT = ROOT / "docs" / "openapi.json"
CHECKS = "not_a_server_error,response_schema_conformance"
LEFT_OUT = r"(/stream$|/auth/logout$)"


def login(platform, role):
    response = platform.api("POST", "/api/v1/auth/login",
                            json={"login": demo.login_name(role), "password": demo.PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def fuzz(platform, token, examples, seconds, workdir):
    """Run schemathesis against the platform as the token's holder; its exit code and report.

    It runs in `workdir`, where it keeps its cache of failures (.schemathesis/).
    """
    command = [str(Path(sys.executable).with_name("st")), "run", str(DOCUMENT), "--url", platform.url,
               "--header", f"Authorization: Bearer {token}", "--checks", CHECKS,
               "--max-examples", str(examples), "--max-time", str(seconds), "--phases", "examples,fuzzing",
               "--exclude-path-regex", LEFT_OUT, "--seed", "7", "--no-shrink", "--request-timeout", "20",
               "--suppress-health-check", "all", "--warnings", "off", "--no-color", "--workers", "2"]
    done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=seconds + 120)
    return done.returncode, done.stdout[-12000:] + done.stderr[-3000:]


def test_no_operation_fails_or_breaks_its_schema_under_fuzzing_as_staff_or_as_a_resident(platform, tmp_path):
    roles = ("social_worker", "resident")
    tokens = {role: login(platform, role) for role in roles}
    for role in roles:
        (tmp_path / role).mkdir()
    with ThreadPoolExecutor(len(roles)) as pool:  # the two runs side by side, to keep make test short
        runs = dict(zip(roles, pool.map(lambda role: fuzz(platform, tokens[role], examples=4, seconds=20,
                                                          workdir=tmp_path / role), roles)))
    failed = {role: report for role, (code, report) in runs.items() if code != 0}
    assert not failed, "\n\n".join(f"as {role}:\n{report}" for role, report in failed.items())
