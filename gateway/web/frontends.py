"""The built front ends (web/dist): resident app, staff console, kiosk and town dashboard.

They are static files that call only the public API; `make web` builds them. Each app is one
index.html with hash routes, so the gateway needs no route per screen.
"""
from pathlib import Path

from flask import Blueprint, current_app, redirect, send_from_directory

from gateway.web.problems import Problem

APPS = ("resident", "staff", "kiosk", "town")
ROOT_FILES = ("manifest.webmanifest", "sw.js", "icon.svg")
DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
POLICY = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
          "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
          "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")

blp = Blueprint("frontends", __name__)


def _dist():
    dist = Path(current_app.config.get("LINLI_WEB_DIST") or DIST)
    if not (dist / "resident" / "index.html").exists():
        raise Problem(503, "The front ends are not built: run make web.")
    return dist


def _send(folder, name, cache="no-cache"):
    response = send_from_directory(folder, name, max_age=None)
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["Cache-Control"] = cache
    return response


@blp.get("/")
def home():
    return redirect("/resident/", code=302)


@blp.get("/<any(resident, staff, kiosk, town):app>/")
def app_page(app):
    return _send(_dist() / app, "index.html")


@blp.get("/<any(resident, staff, kiosk, town):app>")
def app_without_slash(app):
    return redirect(f"/{app}/", code=301)


@blp.get("/assets/<path:name>")
def asset(name):
    # File names carry a content hash, so they never change under the same name.
    return _send(_dist() / "assets", name, cache="public, max-age=31536000, immutable")


@blp.get("/<any(manifest.webmanifest, sw.js, icon.svg):name>")
def root_file(name):
    return _send(_dist(), name)
