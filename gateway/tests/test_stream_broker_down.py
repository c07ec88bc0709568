"""With no broker to bind a queue on, the live stream says so (503) instead of failing."""
import dataclasses
import socket

import pytest


@pytest.fixture
def no_broker(app):
    """The app's runtime pointed at a port where nothing listens, for one test."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    state = app.extensions["linli"]
    saved = state.settings
    state.settings = dataclasses.replace(saved, amqp_uri=f"amqp://guest:guest@127.0.0.1:{port}/")
    yield
    state.settings = saved


def test_the_stream_answers_503_when_the_broker_is_unreachable(client, resident, no_broker):
    response = client.get("/api/v1/stream", headers=resident["headers"])
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
