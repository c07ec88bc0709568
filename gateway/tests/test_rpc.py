"""Calls to the services: the contracts sent, errors mapped once, absent or slow services."""
import json
from concurrent.futures import ThreadPoolExecutor
import time
import uuid

import pika
import pytest
from nameko.exceptions import MethodNotFound, RemoteError

from gateway import roles
from gateway.rpc import RpcClient, remote_problem
from gateway.tests.broker import StandInService
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound


def issue_body(community, **overrides):
    return {"community_id": community["id"], "category": "non_motor_vehicles", "title": "楼道里停满电瓶车",
            "description": "3号楼一楼楼道被电瓶车堵住了", "location": {"building_id": community["building"]["id"],
                                                               "unit_id": community["unit"]["id"]}, **overrides}


def stored_issue(payload):
    return {"id": "66aa00000000000000000001", **payload, "status": "submitted",
            "created_at": "2024-11-22T07:00:00.000+00:00", "timeline": [{"status": "submitted"}]}


@pytest.fixture
def issues_service(stack):
    store = {}

    def report_issue(payload):
        store["issue"] = stored_issue(payload)
        return store["issue"]

    def get_issue(issue_id):
        if issue_id != store.get("issue", {}).get("id"):
            raise NotFound("no such issue")
        return store["issue"]
    with StandInService(stack["amqp_uri"], "issues", {"report_issue": report_issue, "get_issue": get_issue}) as svc:
        yield svc


def test_a_report_is_sent_with_the_reporter_and_grid_filled_in(client, community, resident, issues_service):
    headers = resident["headers"] | {"X-Request-Id": "report-1"}
    response = client.post("/api/v1/issues", json=issue_body(community), headers=headers)
    assert response.status_code == 201, response.get_json()
    assert response.headers["Location"] == "/api/v1/issues/66aa00000000000000000001"
    [call] = issues_service.calls
    assert call["headers"]["nameko.request_id"] == "report-1"
    submission_key = call["args"][0].pop("submission_key")
    assert submission_key.startswith(resident["id"] + ":") and len(submission_key) > 30
    assert call["args"] == [{"community_id": community["id"], "reporter_id": resident["id"],
                             "category": "non_motor_vehicles", "title": "楼道里停满电瓶车",
                             "description": "3号楼一楼楼道被电瓶车堵住了",
                             "location": {"building_id": community["building"]["id"],
                                          "unit_id": community["unit"]["id"],
                                          "grid_id": community["building"]["grid_id"]}}]
    assert response.get_json()["status"] == "submitted"


def test_an_idempotency_key_becomes_the_reporters_submission_key(client, community, resident, issues_service):
    headers = resident["headers"] | {"Idempotency-Key": "tap-42"}
    assert client.post("/api/v1/issues", json=issue_body(community), headers=headers).status_code == 201
    assert issues_service.calls[0]["args"][0]["submission_key"] == f"{resident['id']}:tap-42"
    bad = client.post("/api/v1/issues", json=issue_body(community), headers=resident["headers"] | {
        "Idempotency-Key": "x" * 200})
    assert bad.status_code == 422 and "Idempotency-Key" in bad.get_json()["errors"]


def test_a_report_is_seen_by_its_reporter_and_staff_only(client, community, resident, register, login,
                                                        demo_login, issues_service):
    issue_id = client.post("/api/v1/issues", json=issue_body(community), headers=resident["headers"]).get_json()["id"]
    url = f"/api/v1/issues/{issue_id}"
    assert client.get(url, headers=resident["headers"]).status_code == 200
    assert client.get(url, headers=demo_login(roles.SOCIAL_WORKER)).status_code == 200
    assert client.get(url, headers=demo_login(roles.VOLUNTEER)).status_code == 403
    assert client.get("/api/v1/issues/66aa000000000000000000ff", headers=resident["headers"]).status_code == 404


def test_the_services_invalid_input_is_a_422_with_its_field_errors(client, community, resident, stack):
    def refuse(payload):
        raise InvalidInput({"title": ["Title is too vague."]})
    with StandInService(stack["amqp_uri"], "issues", {"report_issue": refuse}):
        response = client.post("/api/v1/issues", json=issue_body(community), headers=resident["headers"])
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert response.get_json()["errors"] == {"title": ["Title is too vague."]}


def test_a_bad_report_never_reaches_the_service(client, community, resident, issues_service):
    bad = [issue_body(community, category="aliens"),
           issue_body(community, location={"building_id": community["building"]["id"],
                                           "unit_id": community["other_unit"]["id"]}),
           issue_body(community, location={"building_id": "0" * 24})]
    responses = [client.post("/api/v1/issues", json=body, headers=resident["headers"]) for body in bad]
    assert [r.status_code for r in responses] == [422, 422, 422]
    assert "category" in responses[0].get_json()["errors"]
    assert "unit_id" in responses[1].get_json()["errors"]["location"]
    assert "building_id" in responses[2].get_json()["errors"]["location"]
    assert issues_service.calls == []


def test_only_members_may_report_in_a_community(client, community, resident):
    response = client.post("/api/v1/issues", json=issue_body(community, community_id="0" * 24),
                           headers=resident["headers"])
    assert response.status_code == 403


def test_the_inbox_passes_the_cursor_and_marks_items_read(client, resident, stack):
    item = {"id": "n1", "kind": "issue_reported.receipt", "title": "已收到", "body": "…",
            "created_at": "2024-11-22T07:00:00Z", "read_at": None, "subject": {"type": "issue", "id": "i1"}}
    methods = {"list_inbox": lambda account_id, limit=20, before=None: {"items": [item], "next": "c2"},
               "mark_read": lambda account_id, item_id: {**item, "read_at": "2024-11-22T08:00:00Z"}}
    with StandInService(stack["amqp_uri"], "notifications", methods) as svc:
        page = client.get("/api/v1/me/notifications?limit=5&before=c1", headers=resident["headers"])
        read = client.post("/api/v1/me/notifications/n1/read", headers=resident["headers"])
    assert page.get_json() == {"items": [item], "next": "c2"}
    assert read.get_json()["read_at"] == "2024-11-22T08:00:00Z"
    assert svc.calls[0]["args"] == [resident["id"]] and svc.calls[0]["kwargs"] == {"limit": 5, "before": "c1"}
    assert svc.calls[1]["args"] == [resident["id"], "n1"]


def test_an_absent_service_is_a_503_quickly(client, resident):
    started = time.monotonic()
    response = client.get("/api/v1/me/notifications", headers=resident["headers"])
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert time.monotonic() - started < 1.5


def test_an_unknown_service_name_is_a_503_too(app, stack):
    client = RpcClient(stack["amqp_uri"], timeout=2)
    with app.test_request_context():
        started = time.monotonic()
        with pytest.raises(Exception) as refused:
            client.call(f"absent_{uuid.uuid4().hex[:8]}", "anything")
    assert refused.value.status == 503 and time.monotonic() - started < 1.5


def test_a_silent_service_is_a_504_and_got_the_request_id(client, resident, stack):
    connection = pika.BlockingConnection(pika.URLParameters(stack["amqp_uri"]))
    channel = connection.channel()
    channel.exchange_declare("nameko-rpc", "topic", durable=True)
    queue = channel.queue_declare("", exclusive=True).method.queue
    channel.queue_bind(queue, "nameko-rpc", routing_key="notifications.*")
    try:
        with ThreadPoolExecutor(1) as pool:  # read the request while it waits: it expires with the timeout
            asked = pool.submit(client.get, "/api/v1/me/notifications",
                                headers=resident["headers"] | {"X-Request-Id": "slow-1"})
            _, properties, body = next(got for got in iter(lambda: channel.basic_get(queue, auto_ack=True), None)
                                       if got[0] is not None)
            response = asked.result()
    finally:
        connection.close()
    assert response.status_code == 504 and response.mimetype == "application/problem+json"
    assert properties.headers["nameko.request_id"] == "slow-1"
    assert json.loads(body)["args"] == [resident["id"]]
    assert float(properties.expiration) == app_rpc_timeout(client) * 1000  # stale requests expire in the queue


def app_rpc_timeout(client):
    return client.application.extensions["linli"].rpc.timeout


@pytest.mark.parametrize("error, status", [(InvalidInput({"title": ["bad"]}), 422), (NotFound("gone"), 404),
                                           (Conflict("taken"), 409), (Forbidden("no"), 403)])
def test_each_service_error_maps_to_one_status(app, error, status):
    problem = remote_problem("issues", RemoteError(type(error).__name__, str(error)))
    assert problem.status == status
    if status == 422:
        assert problem.errors == {"title": ["bad"]}
    else:
        assert problem.detail == json.loads(str(error))["detail"]


def test_any_other_service_error_is_a_502(client, community, resident, stack):
    def crash(payload):
        raise KeyError("location")

    def wrong_contract(payload):
        raise MethodNotFound("report_issue")
    for method in (crash, wrong_contract):
        with StandInService(stack["amqp_uri"], "issues", {"report_issue": method}):
            response = client.post("/api/v1/issues", json=issue_body(community), headers=resident["headers"])
        assert response.status_code == 502 and response.mimetype == "application/problem+json"
        assert "location" not in response.get_json()["detail"]


@pytest.mark.parametrize("lang, english, reason, missing", [
    ("en", "A reassignment needs a reason.", "A reassignment needs a reason.", "Missing data for required field."),
    ("zh-CN", "A reassignment needs a reason.", "改派需要说明理由。", "缺少必填字段。"),
    ("zh-CN", "a booking lasts at least 30 minutes", "预约至少 30 分钟。", "缺少必填字段。")])
def test_the_services_field_reasons_are_translated_like_the_gateways_own(client, community, resident, stack,
                                                                         lang, english, reason, missing):
    def refuse(payload):
        raise InvalidInput({"note": [english], "location": {"unit_id": ["Missing data for required field."]}})
    with StandInService(stack["amqp_uri"], "issues", {"report_issue": refuse}):
        response = client.post("/api/v1/issues", json=issue_body(community),
                               headers={**resident["headers"], "Accept-Language": lang})
    body = response.get_json()
    assert response.status_code == 422 and response.headers["Content-Language"] == lang
    assert body["errors"]["note"] == [reason]
    assert body["errors"]["location"]["unit_id"] == [missing]


@pytest.mark.parametrize("value, errors", [({"kind": "InvalidInput", "detail": "bad"}, {"_schema": ["bad"]}),
                                           ({"kind": "InvalidInput", "errors": ["one", "two"]}, {"_schema": ["one", "two"]})])
def test_a_service_422_without_a_field_map_still_names_its_reason(app, value, errors):
    problem = remote_problem("issues", RemoteError("InvalidInput", json.dumps(value)))
    assert problem.status == 422 and problem.errors == errors
