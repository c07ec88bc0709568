"""Liveness and readiness of the gateway and its store."""
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from gateway import runtime
from gateway.web.problems import Problem

blp = Blueprint("health", __name__, url_prefix="/api/health", description="Health check")


class HealthSchema(Schema):
    status = fields.String()


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
