"""The bare stack's ceilings: a trivial Flask app and a trivial nameko service.

    gunicorn ... 'bench.load.trivial:create_app()'     GET /ping, GET /rpc (Flask→nameko echo)
    nameko run bench.load.trivial:Echo                  the service /rpc calls

/rpc goes through the gateway's own RPC client (one open proxy per thread), so the
ceiling is the same path a gateway endpoint takes, minus the platform's work.
"""
import os

from flask import Flask, jsonify
from nameko.rpc import rpc

from gateway.rpc import RpcClient


class Echo:
    """A nameko service that does nothing but answer."""

    name = "echo"

    @rpc
    def ping(self, payload):
        return payload


def create_app():
    """The trivial Flask app, run by gunicorn with the gateway's settings."""
    app = Flask("trivial")
    client = RpcClient(os.environ.get("AMQP_URI", "amqp://guest:guest@127.0.0.1:5672/"), 5)

    @app.get("/ping")
    def ping():
        return jsonify(status="ok")

    @app.get("/rpc")
    def echo():
        return jsonify(client.call("echo", "ping", {"status": "ok"}))

    return app
