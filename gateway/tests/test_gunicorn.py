"""The gateway as it runs for real: gunicorn, two worker processes, their relay threads."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from gateway.tests.test_events import _store_while_broker_is_down

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(stack, app, tmp_path):
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w")
    env = {**os.environ, "LINLI_GATEWAY_BACKGROUND": "1", "LINLI_RELAY_INTERVAL": "0.2"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "8",
         "gateway.app:create_app()"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, tmp_path / "gunicorn.log")
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def _wait_healthy(url, process, log_path):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, log_path.read_text()
        try:
            if requests.get(f"{url}/api/health", timeout=2).ok:
                return
        except requests.RequestException:  # not listening yet, or a worker still booting
            pass
        time.sleep(0.2)
    raise AssertionError("gunicorn did not become healthy:\n" + log_path.read_text())


def test_gunicorn_serves_the_api_and_its_workers_relay_pending_events(app, gunicorn, community, events):
    communities = requests.get(f"{gunicorn}/api/v1/communities", timeout=5)
    assert communities.json()["items"][0]["id"] == community["id"]
    assert requests.get(f"{gunicorn}/api/v1/me", timeout=5).headers["Content-Type"] == "application/problem+json"
    event = _store_while_broker_is_down(app)
    events.wait_for(lambda e: e["id"] == event["id"], timeout=10)
