"""The HTTP edge: request ids, problem+json for every error, languages, OpenAPI, health."""
import json

from gateway import openapi
from gateway.app import create_app

PROBLEM = "application/problem+json"


def test_health_answers_ok(client):
    response = client.get("/api/health")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_a_given_request_id_is_echoed(client):
    assert client.get("/api/health", headers={"X-Request-Id": "abc-123"}).headers["X-Request-Id"] == "abc-123"


def test_a_request_id_is_made_when_missing_or_unusable(client):
    made = client.get("/api/health").headers["X-Request-Id"]
    replaced = client.get("/api/health", headers={"X-Request-Id": "bad id\u4e2d"}).headers["X-Request-Id"]
    assert len(made) == 32 and len(replaced) == 32 and made != replaced


def test_errors_carry_the_request_id_too(client):
    response = client.get("/api/v1/me", headers={"X-Request-Id": "err-1"})
    assert response.status_code == 401 and response.headers["X-Request-Id"] == "err-1"


def test_not_found_and_method_not_allowed_are_problems(client):
    missing = client.get("/api/v1/nowhere")
    wrong_method = client.delete("/api/v1/communities")
    assert (missing.status_code, missing.mimetype) == (404, PROBLEM)
    assert (wrong_method.status_code, wrong_method.mimetype) == (405, PROBLEM)
    assert "GET" in wrong_method.headers["Allow"]
    assert {"type", "title", "status", "detail"} <= set(missing.get_json())


def test_messages_are_chinese_by_default_and_english_on_request(client):
    chinese = client.get("/api/v1/me").get_json()
    english = client.get("/api/v1/me", headers={"Accept-Language": "en-US,en;q=0.9"}).get_json()
    assert chinese["title"] == "需要登录"
    assert english["title"] == "Authentication required"


def test_field_errors_are_translated_too(client):
    body = client.post("/api/v1/auth/login", json={}).get_json()
    assert body["errors"]["login"] == ["缺少必填字段。"]
    english = client.post("/api/v1/auth/login", json={}, headers={"Accept-Language": "en"}).get_json()
    assert english["errors"]["login"] == ["Missing data for required field."]


def test_a_body_that_is_not_json_is_a_problem(client):
    response = client.post("/api/v1/auth/login", data="{not json", content_type="application/json")
    assert response.status_code in (400, 422) and response.mimetype == PROBLEM


def test_an_unexpected_error_is_a_500_problem_without_a_stack_trace(stack):
    app = create_app()

    @app.route("/api/boom")
    def boom():
        raise RuntimeError("secret internals")
    response = app.test_client().get("/api/boom")
    app.extensions["linli"].close()
    assert response.status_code == 500 and response.mimetype == PROBLEM
    assert "secret" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_the_openapi_document_describes_the_api(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                 "/api/v1/me", "/api/v1/me/notifications", "/api/v1/communities/{community_id}",
                 "/api/v1/issues", "/api/v1/issues/{issue_id}"):
        assert path in spec["paths"], path
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert spec["paths"]["/api/v1/me"]["get"]["security"] == [{"bearerAuth": []}]


def test_the_interactive_docs_are_served(client):
    response = client.get("/api/docs")
    assert response.status_code == 200 and "swagger-ui" in response.get_data(as_text=True)


def test_cors_is_off_unless_origins_are_named(stack):
    app = create_app({"LINLI_CORS_ORIGINS": "https://linli.example"})
    allowed = app.test_client().get("/api/health", headers={"Origin": "https://linli.example"})
    other = app.test_client().get("/api/health", headers={"Origin": "https://evil.example"})
    app.extensions["linli"].close()
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://linli.example"
    assert "Access-Control-Allow-Origin" not in other.headers


def test_the_committed_openapi_document_is_current(client):
    """If this fails, run `python -m gateway.openapi` and commit docs/openapi.json."""
    committed = json.loads(openapi.PATH.read_text(encoding="utf-8"))
    assert client.get("/api/openapi.json").get_json() == committed, \
        "docs/openapi.json differs from the code: run `python -m gateway.openapi` and commit docs/openapi.json"


def test_error_responses_are_documented_as_problems(client):
    spec = client.get("/api/openapi.json").get_json()
    assert "application/problem+json" in spec["components"]["responses"]["UNPROCESSABLE_ENTITY"]["content"]
