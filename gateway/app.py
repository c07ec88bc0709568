"""The gateway's Flask application: `create_app()` is the one way to make it."""
import atexit

from flask import Flask
from flask_smorest import Api

from gateway import access, runtime, settings as gateway_settings
from gateway.api import announcements, auth, communities, health, issues, me, preferences, stream
from gateway.api import shifts, volunteers
from gateway.api import bookings, coupons, places, resources
from gateway.api import surveys, topics, votes
from gateway.api import cases
from gateway.schemas.fields import ProblemSchema
from gateway.api import audit
from gateway.web import audit as audit_log, cors, headers, idempotency, metrics, problems, requestid, safety
from gateway.web import frontends
from gateway.api import open311, open311_keys
from gateway.api import kiosk

BLUEPRINTS = (health.blp, auth.blp, me.blp, communities.blp, issues.blp, announcements.blp, preferences.blp, stream.blp)
BLUEPRINTS += (volunteers.blp, shifts.blp)
BLUEPRINTS += (bookings.blp, resources.blp, coupons.blp, places.blp)
BLUEPRINTS += (votes.blp, surveys.blp, topics.blp)
BLUEPRINTS += (cases.blp,)
BLUEPRINTS += (health.probes, audit.blp)
BLUEPRINTS += (open311_keys.blp,)
BLUEPRINTS += (kiosk.blp,)
API_CONFIG = {
    "API_TITLE": "Linli 邻里 gateway",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    "OPENAPI_SWAGGER_UI_URL": "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/",
}


class LinliApi(Api):
    """flask-smorest answering and documenting errors as RFC 9457 problems."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):
        return problems.from_http_exception(error)

    def _register_responses(self):
        """Document the error responses under the problem media type, not application/json."""
        self.DEFAULT_RESPONSE_CONTENT_TYPE = problems.MEDIA_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE


def create_app(overrides=None):
    """Make the gateway; `overrides` replace environment variables of the same name."""
    gateway_settings.configure_logging()
    settings = gateway_settings.load(overrides)
    app, _ = make_api_app(overrides)
    cors.init_app(app, settings.cors_origins)
    app.extensions[runtime.KEY] = _start_runtime(settings)
    return app


def make_api_app(overrides=None):
    """The Flask app with its routes and error handling, not yet connected to anything."""
    app = Flask("gateway")
    app.config.update(API_CONFIG)
    app.config.update({k: v for k, v in (overrides or {}).items() if k.isupper()})
    app.json.ensure_ascii = False
    requestid.init_app(app)
    headers.init_app(app)
    metrics.init_app(app)
    audit_log.init_app(app)
    idempotency.init_app(app)
    safety.init_app(app)
    app.register_error_handler(problems.Problem, problems.render)
    app.register_error_handler(Exception, problems.handle_unexpected)
    api = LinliApi(app, spec_kwargs={"extra_plugins": [access.AccessPlugin()]})
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer",
                                                       "bearerFormat": "JWT"})
    api.spec.components.security_scheme("deviceToken", {  # a kiosk: gateway/kiosk/devices.py
        "type": "apiKey", "in": "header", "name": "Authorization",
        "description": "`Device <token>`: a kiosk's device token, registered by the community admin"})
    for blp in BLUEPRINTS:
        api.register_blueprint(blp)
    app.register_blueprint(frontends.blp)  # static files, not part of the API document
    app.register_blueprint(open311.blp)  # Open311 GeoReport v2: its own standard, formats and errors
    return app, api


def _start_runtime(settings):
    """Connect the store, declare the broker topology, start this process's relay thread."""
    state = runtime.build(settings)
    if settings.background:
        state.start_background()
        atexit.register(state.close)
    return state
