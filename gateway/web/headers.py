"""Security headers on every response; the API documentation page may load its own script."""
from flask import request

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(self), camera=(self), microphone=()",
}
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_POLICY = ("default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
               "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data:; "
               "connect-src 'self'; frame-ancestors 'none'")


def init_app(app):
    @app.after_request
    def secure(response):
        response.headers.update({k: v for k, v in COMMON.items() if k not in response.headers})
        if "Content-Security-Policy" not in response.headers:
            docs = request.path.startswith("/api/docs")
            response.headers["Content-Security-Policy"] = DOCS_POLICY if docs else API_POLICY
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
