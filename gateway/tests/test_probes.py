"""Probes for orchestrators and the security headers every answer carries."""


def test_liveness_answers_while_the_process_runs(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_readiness_names_what_is_missing_and_answers_503(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.get_json()["checks"]
    assert checks["store"] == "ok" and checks["broker"] == "ok"
    assert checks["issues"] in ("no queue", "no consumer")  # the services are not started here


def test_every_answer_carries_the_security_headers(client):
    for response in (client.get("/api/v1/communities"), client.get("/api/v1/nowhere")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]


def test_the_docs_page_may_load_its_script(client):
    policy = client.get("/api/docs").headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net" in policy
