"""Liveness and readiness of the gateway, its store, its broker and the services behind it."""
import pika
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from gateway import runtime
from gateway.web.problems import Problem

blp = Blueprint("health", __name__, url_prefix="/api/health", description="Health check")
probes = Blueprint("probes", __name__, description="Probes for orchestrators")
SERVICES = ("issues", "bookings", "volunteers", "notifications")


class HealthSchema(Schema):
    status = fields.String()


class ReadinessSchema(Schema):
    status = fields.String()
    checks = fields.Dict(keys=fields.String(), values=fields.String())


def service_checks():
    """Each service answers RPC when its queue has a consumer; one short broker connection."""
    params = pika.URLParameters(runtime.current().settings.amqp_uri)
    params.socket_timeout = params.blocked_connection_timeout = 2
    connection = pika.BlockingConnection(params)
    try:
        checks = {}
        for service in SERVICES:
            channel = connection.channel()
            try:
                consumers = channel.queue_declare(f"rpc-{service}", passive=True).method.consumer_count
                checks[service] = "ok" if consumers else "no consumer"
            except pika.exceptions.ChannelClosedByBroker:
                checks[service] = "no queue"
        return checks
    finally:
        connection.close()


def readiness():
    checks = {}
    try:
        runtime.current().db.command("ping")
        checks["store"] = "ok"
    except Exception:  # any store failure means not ready
        checks["store"] = "down"
    try:
        checks.update(service_checks())
        checks["broker"] = "ok"
    except pika.exceptions.AMQPError:
        checks["broker"] = "down"
    return checks


@probes.route("/healthz")
class Live(MethodView):
    @probes.response(200, HealthSchema)
    def get(self):
        """Liveness: the process answers"""
        return {"status": "ok"}


@probes.route("/readyz")
class Ready(MethodView):
    @probes.response(200, ReadinessSchema)
    def get(self):
        """Readiness: the store, the broker and every service's RPC answer (503 if not)"""
        checks = readiness()
        if any(state != "ok" for state in checks.values()):
            return {"status": "unavailable", "checks": checks}, 503
        return {"status": "ok", "checks": checks}


@blp.route("")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """Answer 200 when the gateway and its database answer"""
        try:
            runtime.current().db.command("ping")
        except Exception:
            raise Problem(503, "The gateway's database does not answer.") from None
        return {"status": "ok"}
