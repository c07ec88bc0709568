"""A running service keeps its heartbeat file fresh; a silent one reads as dead."""
import os
import time

from nameko.rpc import rpc

from services.common import heartbeat
from services.common.dependencies import RequestContext
from services.conftest import wait_until


class Quiet:
    name = "quiet"
    context = RequestContext()

    @rpc
    def ping(self):
        return "pong"


def test_a_running_service_touches_its_heartbeat(start_service, tmp_path, monkeypatch):
    monkeypatch.setenv("LINLI_HEARTBEAT_FILE", str(tmp_path / "beat"))
    start_service(Quiet)
    wait_until(lambda: heartbeat.alive(max_age=30))


def test_a_stale_or_missing_heartbeat_is_not_alive(tmp_path, monkeypatch):
    beat = tmp_path / "beat"
    monkeypatch.setenv("LINLI_HEARTBEAT_FILE", str(beat))
    assert not heartbeat.alive(max_age=30)
    beat.touch()
    old = time.time() - 120
    os.utime(beat, (old, old))
    assert not heartbeat.alive(max_age=30)
