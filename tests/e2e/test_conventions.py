"""The API's conventions over HTTP, against the real services: ETag / If-Match, and lists.

Each update that could collide is made once with the ETag its GET gave (it applies), then
again with that now-stale ETag: the answer is 412 problem+json and the resource reads back
unchanged. Lists page by `limit` and `cursor`, sort and filter the same way everywhere.
"""
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from gateway.seed import DEMO_PASSWORD, demo_login
from tests.e2e.platform import wait_for
from tests.e2e.test_slice import PASSWORD, login


@pytest.fixture(scope="module")
def estate(platform):
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    staff = {role: login(platform, demo_login(role), DEMO_PASSWORD) for role in ("social_worker", "community_admin")}
    return {"id": community["id"], "unit": detail["units"][0], "grid": detail["grids"][0], **staff}


@pytest.fixture
def resident(platform, estate):
    email = f"e{uuid.uuid4().hex[:8]}@example.org"
    assert platform.api("POST", "/api/v1/auth/register", json={
        "display_name": "居民", "email": email, "password": PASSWORD, "locale": "zh-CN",
        "community_id": estate["id"], "unit_id": estate["unit"]["id"]}).status_code == 201
    token = login(platform, email, PASSWORD)
    return {"token": token, "id": platform.api("GET", "/api/v1/me", token=token).json()["account"]["id"]}


def stale_update_is_refused(platform, token, read, write, method, first, second, status=200):
    """Apply `first` with the read's ETag; then `second` with that stale ETag is 412 and changes nothing."""
    etag = platform.api("GET", read, token=token).headers["ETag"]
    applied = platform.api(method, write, token=token, json=first, headers={"If-Match": etag})
    assert applied.status_code == status, applied.text
    before = platform.api("GET", read, token=token)
    assert before.headers["ETag"] != etag
    refused = platform.api(method, write, token=token, json=second,
                           headers={"If-Match": etag, "Accept-Language": "en"})
    assert refused.status_code == 412, refused.text
    assert refused.headers["Content-Type"] == "application/problem+json" and "If-Match" in refused.json()["detail"]
    after = platform.api("GET", read, token=token)
    assert after.json() == before.json() and after.headers["ETag"] == before.headers["ETag"]
    return after.json()


def report(platform, estate, resident):
    response = platform.api("POST", "/api/v1/issues", token=resident["token"], json={
        "community_id": estate["id"], "category": "noise", "title": "广场舞音响太响", "description": "每晚八点",
        "location": {"building_id": estate["unit"]["building_id"]}})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_preferences(platform, resident):
    shown = stale_update_is_refused(platform, resident["token"], "/api/v1/me/preferences", "/api/v1/me/preferences",
                                    "PUT", {"quiet_hours": {"start": "22:00", "end": "07:00"}},
                                    {"quiet_hours": {"start": "23:00", "end": "06:00"}})
    assert shown["quiet_hours"]["start"] == "22:00"


def test_a_communitys_template(platform, estate):
    path = f"/api/v1/communities/{estate['id']}/templates/announcement/zh-CN"
    shown = stale_update_is_refused(platform, estate["social_worker"], path, path, "PUT",
                                    {"title": "【通知】{title}", "body": "{body}"},
                                    {"title": "【旧】{title}", "body": "{body}"})
    assert shown["own"]["title"] == "【通知】{title}"


def test_a_volunteer_profile(platform, estate, resident):
    path = f"/api/v1/communities/{estate['id']}/volunteers/{resident['id']}"
    registered = platform.api("POST", f"/api/v1/communities/{estate['id']}/volunteers", token=resident["token"],
                              json={"display_name": "志愿者", "skills": []})
    assert registered.status_code == 201, registered.text
    shown = stale_update_is_refused(platform, resident["token"], path, path, "PUT",
                                    {"display_name": "志愿者", "max_shifts_per_week": 2},
                                    {"display_name": "志愿者", "max_shifts_per_week": 5})
    assert shown["max_shifts_per_week"] == 2


def test_a_case_move_and_a_classification(platform, estate, resident):
    issue = f"/api/v1/issues/{report(platform, estate, resident)}"
    shown = stale_update_is_refused(platform, estate["social_worker"], issue, f"{issue}/actions/accept", "POST",
                                    {}, {})
    assert shown["status"] == "accepted"
    shown = stale_update_is_refused(platform, estate["social_worker"], issue, f"{issue}/classification", "PUT",
                                    {"unreasonable": True, "note": "重复投诉"}, {"unreasonable": False, "note": "撤回"})
    assert shown["unreasonable"] is True


def test_a_topic_answer(platform, estate):
    opened = platform.api("POST", f"/api/v1/communities/{estate['id']}/topics", token=estate["social_worker"],
                          json={"title": "非机动车充电棚选址"})
    assert opened.status_code == 201, opened.text
    topic = f"/api/v1/topics/{opened.json()['id']}"
    shown = stale_update_is_refused(platform, estate["social_worker"], topic, f"{topic}/answer", "POST",
                                    {"answer": "建在28号楼旁"}, {"answer": "建在1号楼旁"}, status=201)
    assert "28号楼" in str(shown["answer"])


def test_a_meetings_minutes(platform, estate, resident):
    issue_id = report(platform, estate, resident)
    starts = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    meeting = platform.api("POST", "/api/v1/joint-meetings", token=estate["social_worker"], json={
        "community_id": estate["id"], "title": "联席会议", "starts_at": starts, "issue_ids": [issue_id]})
    assert meeting.status_code == 201, meeting.text
    path = f"/api/v1/communities/{estate['id']}/joint-meetings/{meeting.json()['id']}"
    shown = stale_update_is_refused(platform, estate["social_worker"], path, f"{path}/minutes", "PUT",
                                    {"minutes": "三方同意周六清理"}, {"minutes": "改期"})
    assert shown["minutes"] == "三方同意周六清理"


def test_the_routing_table_and_time_limits(platform, estate):
    routing = f"/api/v1/communities/{estate['id']}/case-routing"
    shown = stale_update_is_refused(platform, estate["community_admin"], routing, routing, "PUT",
                                    {"category": "noise", "grid_id": "*", "party": "pm", "handler_group": "保安队"},
                                    {"category": "noise", "grid_id": "*", "party": "oc", "handler_group": "业委会"})
    assert any(r.get("handler_group") == "保安队" for r in shown["routes"])
    stale_update_is_refused(platform, estate["community_admin"], routing,
                            f"/api/v1/communities/{estate['id']}/case-limits", "PUT",
                            {"category": "noise", "respond_hours": 4, "resolve_working_days": 2},
                            {"category": "noise", "respond_hours": 8, "resolve_working_days": 3})


def test_an_update_without_if_match_still_applies(platform, resident):
    response = platform.api("PUT", "/api/v1/me/preferences", token=resident["token"], json={"digest": []})
    assert response.status_code == 200 and response.headers["ETag"]


def walk(platform, token, path, **params):
    """Every page of a list, following `next`; each page's `Link` names the next."""
    items, cursor = [], None
    while True:
        response = platform.api("GET", path, token=token,
                                params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        if not (cursor := body["next"]):
            return items
        assert "cursor=" in response.headers["Link"] and 'rel="next"' in response.headers["Link"]


def test_a_list_pages_sorts_and_filters_by_the_one_convention(platform, estate):
    path = f"/api/v1/communities/{estate['id']}/topics"
    titles = [f"议题{uuid.uuid4().hex[:6]}" for _ in range(5)]
    for title in titles:
        assert platform.api("POST", path, token=estate["social_worker"], json={"title": title}).status_code == 201
    everything = walk(platform, estate["social_worker"], path, limit=2, sort="title")
    mine = [t["title"] for t in everything if t["title"] in titles]
    assert mine == sorted(titles) and len({t["id"] for t in everything}) == len(everything)
    newest = walk(platform, estate["social_worker"], path, limit=2)
    whole = platform.api("GET", path, token=estate["social_worker"]).json()["items"]
    assert [t["id"] for t in newest] == [t["id"] for t in whole]
    refused = platform.api("GET", path, token=estate["social_worker"], params={"sort": "password"})
    assert refused.status_code == 422 and "sort" in refused.json()["errors"]


def test_cases_and_the_inbox_keep_their_services_paging_in_the_same_shape(platform, estate, resident):
    reported = {report(platform, estate, resident) for _ in range(3)}
    cases = walk(platform, estate["social_worker"], "/api/v1/issues", community_id=estate["id"], limit=2)
    ids = [c["id"] for c in cases]
    assert reported <= set(ids) and len(ids) == len(set(ids))
    assert [c["created_at"] for c in cases] == sorted((c["created_at"] for c in cases), reverse=True)
    inbox_path = "/api/v1/me/notifications"
    wait_for(lambda: len(platform.api("GET", inbox_path, token=resident["token"]).json()["items"]) >= 3,
             30, "the three receipts")
    inbox = walk(platform, resident["token"], inbox_path, limit=1)
    assert len(inbox) >= 3 and len({i["id"] for i in inbox}) == len(inbox)
    bad = platform.api("GET", "/api/v1/issues", token=estate["social_worker"],
                       params={"community_id": estate["id"], "cursor": "nonsense!"})
    assert bad.status_code == 422 and "cursor" in bad.json()["errors"]


def test_a_services_own_field_reasons_reach_the_client_in_both_languages(platform, estate, resident):
    issue = f"/api/v1/issues/{report(platform, estate, resident)}"
    for action in ("accept", "assign"):
        moved = platform.api("POST", f"{issue}/actions/{action}", token=estate["social_worker"], json={})
        assert moved.status_code == 200, moved.text
    answers = {lang: platform.api("POST", f"{issue}/actions/assign", token=estate["social_worker"], json={},
                                  headers={"Accept-Language": lang}) for lang in ("en", "zh-CN")}
    assert {lang: answer.status_code for lang, answer in answers.items()} == {"en": 422, "zh-CN": 422}
    assert answers["en"].headers["Content-Type"] == "application/problem+json"
    assert answers["en"].json()["errors"] == {"note": ["A reassignment needs a reason."]}
    assert answers["zh-CN"].json()["errors"] == {"note": ["改派需要说明理由。"]}
    assert answers["zh-CN"].json()["detail"] != answers["en"].json()["detail"]


def test_my_cases_list_what_i_reported_and_joined_by_status(platform, estate, resident):
    first, joined = report(platform, estate, resident), report(platform, estate, resident)
    neighbour = {"token": login(platform, demo_login("resident"), DEMO_PASSWORD)}
    assert platform.api("POST", f"/api/v1/issues/{joined}/followers", token=neighbour["token"]).status_code == 200
    mine = platform.api("GET", "/api/v1/me/issues?limit=1", token=resident["token"]).json()
    assert [c["id"] for c in mine["items"]] == [joined] and mine["next"]
    rest = platform.api("GET", f"/api/v1/me/issues?limit=1&cursor={mine['next']}", token=resident["token"]).json()
    assert [c["id"] for c in rest["items"]] == [first]
    theirs = platform.api("GET", "/api/v1/me/issues?limit=100", token=neighbour["token"]).json()
    assert joined in [c["id"] for c in theirs["items"]] and first not in [c["id"] for c in theirs["items"]]
    platform.api("POST", f"/api/v1/issues/{first}/actions/accept", token=estate["social_worker"], json={})
    accepted = platform.api("GET", "/api/v1/me/issues?status=accepted", token=resident["token"]).json()
    assert [c["id"] for c in accepted["items"]] == [first]
