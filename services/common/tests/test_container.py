"""A service whose reply cannot be sent (the broker went away) keeps serving."""
import pytest
from kombu.exceptions import OperationalError
from nameko import rpc as nameko_rpc
from nameko.exceptions import RpcTimeout
from nameko.rpc import rpc
from nameko.standalone.rpc import ClusterRpcProxy

from services.common.container import SurvivingContainer


class Echo:
    name = "echo"

    @rpc
    def echo(self, value):
        return value


def failing_first_reply(monkeypatch):
    """Make the first reply's publish fail as it does when the broker is gone."""
    send, calls = nameko_rpc.Responder.send_response, []

    def send_response(self, result, exc_info):
        calls.append(result)
        if len(calls) == 1:
            raise OperationalError("connection to the broker lost")
        return send(self, result, exc_info)
    monkeypatch.setattr(nameko_rpc.Responder, "send_response", send_response)
    return calls


def test_a_reply_lost_with_the_broker_leaves_the_service_running(container_factory, linli_config, monkeypatch):
    config = {**linli_config, "SERVICE_CONTAINER_CLS": "services.common.container.SurvivingContainer"}
    container = container_factory(Echo, config)
    assert isinstance(container, SurvivingContainer)
    container.start()
    calls = failing_first_reply(monkeypatch)
    with ClusterRpcProxy(config, timeout=3) as proxy:
        with pytest.raises(RpcTimeout):
            proxy.echo.echo("lost")
        assert proxy.echo.echo("answered") == "answered"
    assert calls[0] == "lost" and not container._died.ready()


def test_a_plain_container_dies_of_the_same_lost_reply(container_factory, linli_config, monkeypatch):
    container = container_factory(Echo, linli_config)
    container.start()
    failing_first_reply(monkeypatch)
    with ClusterRpcProxy(linli_config, timeout=3) as proxy:
        with pytest.raises(RpcTimeout):
            proxy.echo.echo("lost")
    with pytest.raises(OperationalError):
        container.wait()  # what the SurvivingContainer prevents
