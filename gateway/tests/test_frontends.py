"""The gateway serves the built front ends with a policy that allows only its own files."""
import gzip

import pytest

from gateway.web import frontends


@pytest.fixture
def dist(app, tmp_path):
    for name in frontends.APPS:
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(f"<title>{name}</title>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app-1a2b.js").write_text("console.log(1)")
    (tmp_path / "sw.js").write_text("// sw")
    app.config["LINLI_WEB_DIST"] = str(tmp_path)
    yield tmp_path
    app.config.pop("LINLI_WEB_DIST")


@pytest.mark.parametrize("name", frontends.APPS)
def test_each_app_is_served_with_a_self_only_policy(client, dist, name):
    response = client.get(f"/{name}/")
    assert response.status_code == 200
    assert f"<title>{name}</title>" in response.get_data(as_text=True)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_the_root_leads_to_the_resident_app(client, dist):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/resident/")


def test_hashed_assets_are_cached_for_a_year_and_the_worker_is_not(client, dist):
    assert "immutable" in client.get("/assets/app-1a2b.js").headers["Cache-Control"]
    assert client.get("/sw.js").headers["Cache-Control"] == "no-cache"


def test_text_assets_are_gzipped_for_clients_that_take_gzip(client, dist):
    plain = client.get("/assets/app-1a2b.js")
    packed = client.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain.headers and plain.get_data(as_text=True) == "console.log(1)"
    assert packed.headers["Content-Encoding"] == "gzip" and packed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(packed.get_data()) == b"console.log(1)"


def test_a_missing_build_is_a_clear_503_problem(client, app, tmp_path):
    app.config["LINLI_WEB_DIST"] = str(tmp_path / "nowhere")
    try:
        response = client.get("/resident/")
    finally:
        app.config.pop("LINLI_WEB_DIST")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert "make web" in response.get_json()["detail"]


def test_paths_outside_the_build_are_not_served(client, dist):
    assert client.get("/assets/../../etc/passwd").status_code == 404
