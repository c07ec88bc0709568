"""Every kind of error the gateway answers is one RFC 9457 shape, in zh-CN unless English is asked for."""
import re

import pytest

from gateway.app import make_api_app
from gateway.tests.conftest import fresh_phone
from gateway.web.problems import Problem

PROBLEM = "application/problem+json"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = {"Accept-Language": "en"}


def unauthorized(client, headers, _):
    return client.get("/api/v1/me", headers=headers)


def forbidden(client, headers, world):
    roles = {"roles": ["resident"]}
    path = f"/api/v1/communities/{world['community']}/members/{world['resident']['id']}/roles"
    return client.put(path, json=roles, headers={**headers, **world["resident"]["headers"]})


def not_found(client, headers, _):
    return client.get("/api/v1/communities/000000000000000000000000", headers=headers)


def method_not_allowed(client, headers, _):
    return client.delete("/api/v1/communities", headers=headers)


def conflict(client, headers, world):
    body = {"display_name": "重复", "phone": world["resident"]["phone"], "password": "quiet-courtyard-42",
            "community_id": world["community"]}
    return client.post("/api/v1/auth/register", json=body, headers=headers)


def precondition_failed(_, headers, __):
    """No endpoint sends 412 on its own yet; this is how the gateway renders one when it does."""
    app, _ = make_api_app()

    @app.route("/api/stale")
    def stale():
        raise Problem(412, "Precondition failed")
    return app.test_client().get("/api/stale", headers=headers)


def unsupported_media_type(client, headers, _):
    return client.post("/api/v1/auth/login", data="login=a&password=b", headers=headers,
                       content_type="application/x-www-form-urlencoded")


def invalid_input(client, headers, _):
    return client.post("/api/v1/auth/login", json={"login": ""}, headers=headers)


def too_many_requests(client, headers, _):
    name = f"nobody-{fresh_phone()}@example.cn"
    for _ in range(6):
        response = client.post("/api/v1/auth/login", json={"login": name, "password": "wrong-guess-1"},
                               headers=headers)
    return response


def service_unavailable(client, headers, world):
    """The gateway's tests start no services: the notifications service is absent."""
    return client.get("/api/v1/me/notifications", headers={**headers, **world["resident"]["headers"]})


ERRORS = {401: unauthorized, 403: forbidden, 404: not_found, 405: method_not_allowed, 409: conflict,
          412: precondition_failed, 415: unsupported_media_type, 422: invalid_input,
          429: too_many_requests, 503: service_unavailable}


@pytest.fixture
def world(community, resident):
    return {"community": community["id"], "resident": resident}


@pytest.mark.parametrize("status", sorted(ERRORS))
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_error_is_a_problem_in_the_asked_language(client, world, status, lang):
    headers = ENGLISH if lang == "en" else {}
    response = ERRORS[status](client, headers, world)
    body = response.get_json()
    assert response.status_code == status, body
    assert response.mimetype == PROBLEM
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status and body["type"].startswith("urn:linli:problem:")
    assert all(isinstance(body[key], str) and body[key] for key in ("title", "detail"))
    human = body["title"] + body["detail"]
    assert bool(CHINESE.search(human)) == (lang == "zh-CN"), human
    assert response.headers["Content-Language"] == lang
