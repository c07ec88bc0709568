"""The built front ends (web/dist): resident app, staff console, kiosk and town dashboard.

They are static files that call only the public API; `make web` builds them. Each app is one
index.html with hash routes, so the gateway needs no route per screen.
"""
import gzip
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, current_app, redirect, request, send_from_directory
from werkzeug.security import safe_join

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


COMPRESSIBLE = (".js", ".css", ".svg", ".json", ".webmanifest")


@lru_cache(maxsize=128)
def _gzipped(path, mtime):
    """A built file's gzip, made once per version (hashed names never change content)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


def _compressed(response, folder, name):
    """Gzip a text asset when the client takes it: a phone on a slow link gets a third of the bytes."""
    wanted = "gzip" in request.headers.get("Accept-Encoding", "")
    if response.status_code != 200 or not wanted or not name.endswith(COMPRESSIBLE):
        return response
    path = Path(safe_join(str(folder), name))
    response.direct_passthrough = False
    response.set_data(_gzipped(str(path), path.stat().st_mtime))
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    return response


@blp.get("/assets/<path:name>")
def asset(name):
    # File names carry a content hash, so they never change under the same name.
    folder = _dist() / "assets"
    return _compressed(_send(folder, name, cache="public, max-age=31536000, immutable"), folder, name)


@blp.get("/<any(manifest.webmanifest, sw.js, icon.svg):name>")
def root_file(name):
    return _send(_dist(), name)
