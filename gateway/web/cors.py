"""Cross-origin access for the browser origins named in LINLI_CORS_ORIGINS (none by default)."""
from flask import request

ALLOWED_HEADERS = "Authorization, Content-Type, Accept-Language, X-Request-Id"
METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS"


def init_app(app, origins):
    if not origins:
        return

    @app.after_request
    def allow_origin(response):
        origin = request.headers.get("Origin")
        if origin and ("*" in origins or origin in origins):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response.headers["Access-Control-Allow-Methods"] = METHODS
            response.headers["Access-Control-Expose-Headers"] = "Location, X-Request-Id"
            response.headers.add("Vary", "Origin")
        return response
