"""Story 2 over HTTP: a parking-needs survey per household gives the demand table by building and
grid; a parking reform goes to the owners' assembly as a special matter; owners vote online,
staff enter paper ballots, and the vote closes once with the Article 278 tally. Also story 1's
deliberation step: e-bike reports cluster into a topic and a per-grid survey."""
import csv
import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from tests.e2e.platform import wait_for
from tests.e2e.test_slice import PASSWORD, login

QUESTIONS = [
    {"key": "cars", "kind": "number", "prompt": "家中机动车数量", "required": True, "min": 0, "max": 5},
    {"key": "need", "kind": "single", "prompt": "是否需要固定车位", "options": ["yes", "no"], "required": True},
    {"key": "note", "kind": "text", "prompt": "其他建议"},
]


@pytest.fixture(scope="module")
def estate(platform):
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    by_number = {b["number"]: b for b in detail["buildings"]}
    units = {n: [u for u in detail["units"] if u["building_id"] == b["id"]] for n, b in by_number.items()}
    return {"id": community["id"], "buildings": by_number, "units": units}


@pytest.fixture(scope="module")
def staff(platform):
    from gateway.seed import DEMO_PASSWORD, demo_login
    return {role: login(platform, demo_login(role), DEMO_PASSWORD)
            for role in ("social_worker", "community_admin", "oc_member")}


def person(platform, estate, staff, unit, roles=("resident",)):
    """Register someone living in `unit`; the community admin gives them `roles`."""
    phone = "137" + str(uuid.uuid4().int)[:8]
    response = platform.api("POST", "/api/v1/auth/register", json={
        "display_name": "居民" + phone[-4:], "phone": phone, "password": PASSWORD,
        "community_id": estate["id"], "unit_id": unit["id"]})
    assert response.status_code == 201, response.text
    token = login(platform, phone, PASSWORD)
    account_id = platform.api("GET", "/api/v1/me", token=token).json()["account"]["id"]
    if set(roles) != {"resident"}:
        response = platform.api("PUT", f"/api/v1/communities/{estate['id']}/members/{account_id}/roles",
                                token=staff["community_admin"], json={"roles": list(roles)})
        assert response.status_code == 200, response.text
    for service in ("issues", "notifications"):
        wait_for(lambda: platform.db(service).membership_versions.count_documents(
            {"account_id": account_id, "roles": list(roles)}) >= 1, 15, f"the membership in {service}")
    return token


def test_the_parking_survey_gives_a_demand_table_by_building_and_grid(platform, estate, staff):
    first, second = estate["units"][3][0], estate["units"][8][0]
    answers = [(person(platform, estate, staff, first), {"cars": 2, "need": "yes"}),
               (person(platform, estate, staff, second), {"cars": 0, "need": "no", "note": "多装充电桩"})]
    response = platform.api("POST", f"/api/v1/communities/{estate['id']}/surveys", token=staff["social_worker"],
                            json={"title": "居民停车需求分析", "questions": QUESTIONS, "per": "household"})
    assert response.status_code == 201, response.text
    survey = response.json()
    listed = platform.api("GET", f"/api/v1/communities/{estate['id']}/surveys", token=answers[0][0]).json()["items"]
    assert survey["id"] in [s["id"] for s in listed]
    for token, _ in answers:  # every resident is asked
        wait_for(lambda: announced(platform, token, "survey_published.resident", survey["id"]) == 1, 20, "the survey")
    for token, answer in answers:
        response = platform.api("POST", f"/api/v1/surveys/{survey['id']}/answers", token=token, json={"answers": answer})
        assert response.status_code == 201, response.text
    housemate = person(platform, estate, staff, first)
    again = platform.api("POST", f"/api/v1/surveys/{survey['id']}/answers", token=housemate,
                         json={"answers": {"cars": 1, "need": "yes"}})
    assert again.status_code == 409 and again.headers["Content-Type"].startswith("application/problem+json")
    table = platform.api("GET", f"/api/v1/surveys/{survey['id']}/demand.csv", token=staff["social_worker"])
    assert table.status_code == 200 and table.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text.lstrip("\ufeff"))))
    by_name = {(r["scope"], r["name"]): r for r in rows}
    assert by_name[("building", "3号楼")]["cars (sum)"] == "2" and by_name[("building", "3号楼")]["need=yes"] == "1"
    assert by_name[("building", "8号楼")]["need=no"] == "1"
    assert sum(int(r["respondents"]) for r in rows if r["scope"] == "grid") == 2
    resident = platform.api("GET", f"/api/v1/surveys/{survey['id']}/demand.csv", token=answers[0][0])
    assert resident.status_code == 403


def test_a_special_matter_vote_is_tallied_once_under_article_278(platform, estate, staff):
    units = sorted(estate["units"][5], key=lambda u: u["floor_area_m2"])  # building 5: 24 units
    owners = [person(platform, estate, staff, unit, ("resident", "owner")) for unit in units[-2:]]
    tenant = person(platform, estate, staff, units[-3])
    shanghai = timezone(timedelta(hours=8))
    closes_at = datetime.now(shanghai) + timedelta(seconds=12)
    response = platform.api("POST", f"/api/v1/communities/{estate['id']}/votes", token=staff["oc_member"], json={
        "question": "5号楼停车改革：公共绿地改建车位", "matter": "change_common_parts_use",
        "opens_at": datetime.now(shanghai).isoformat(), "closes_at": closes_at.isoformat(),
        "building_ids": [estate["buildings"][5]["id"]]})
    assert response.status_code == 201, response.text
    vote = response.json()
    assert vote["status"] == "open" and vote["units_total"] == 24
    listed = platform.api("GET", f"/api/v1/communities/{estate['id']}/votes", token=owners[0]).json()["items"]
    assert vote["id"] in [v["id"] for v in listed]
    ballots = f"/api/v1/votes/{vote['id']}/ballots"

    for token in owners:
        assert platform.api("POST", ballots, token=token, json={"choice": "for"}).status_code == 201
    second = platform.api("POST", ballots, token=owners[0], json={"choice": "against"})
    assert second.status_code == 409 and second.headers["Content-Type"].startswith("application/problem+json")
    assert "已投第 1 版选票" in second.json()["detail"]  # zh-CN by default
    assert platform.api("POST", ballots, token=tenant, json={"choice": "against"}).status_code == 403
    changed = platform.api("POST", ballots, token=owners[1], json={"choice": "against", "replaces": 1})
    assert changed.status_code == 201 and changed.json()["version"] == 2
    platform.api("POST", ballots, token=owners[1], json={"choice": "for", "replaces": 2})

    # four smallest units stay away; two small ones vote against on paper; the rest vote for on paper
    for i, unit in enumerate(units[4:-2]):
        response = platform.api("POST", f"/api/v1/votes/{vote['id']}/paper-ballots", token=staff["social_worker"],
                                json={"unit_id": unit["id"], "choice": "against" if i < 2 else "for"})
        assert response.status_code == 201, response.text
    turnout = platform.api("GET", f"/api/v1/votes/{vote['id']}/turnout", token=staff["social_worker"]).json()
    assert turnout["units_voted"] == 20 and turnout["choices"] is None
    assert platform.api("GET", f"/api/v1/votes/{vote['id']}/turnout", token=owners[0]).status_code == 403

    wait_for(lambda: platform.api("GET", f"/api/v1/votes/{vote['id']}", token=owners[0]).json()["status"] == "closed"
             and platform.db("issues").vote_results.count_documents({"_id": vote["id"]}) == 1, 40, "the close")
    result = platform.api("GET", f"/api/v1/votes/{vote['id']}", token=owners[0]).json()["result"]
    assert result["outcome"] == "passed" and result["special"]
    assert result["participating"]["units"] == 20 and result["for"]["units"] == 18
    assert result["total"]["area_m2"] == f"{sum(u['floor_area_m2'] for u in units):.2f}"
    late = platform.api("POST", ballots, token=owners[0], json={"choice": "against", "replaces": 1})
    assert late.status_code == 409
    closed = [e for e in platform.db("issues").vote_results.find_one({"_id": vote["id"]})["outbox"]]
    assert [e["type"] for e in closed] == ["vote_closed"] and closed[0]["data"]["outcome"] == "passed"
    for token in owners:  # the result is announced to every owner, once
        wait_for(lambda: announced(platform, token, "vote_closed.owner", vote["id"]) == 1, 20, "the result")
    assert announced(platform, tenant, "vote_closed.owner", vote["id"]) == 0


def announced(platform, token, kind, subject_id):
    items = platform.api("GET", "/api/v1/me/notifications", token=token, params={"limit": 100}).json()["items"]
    return sum(1 for i in items if i["kind"] == kind and i["subject"]["id"] == subject_id)


def test_the_e_bike_reports_become_a_topic_and_a_grid_survey_in_the_deliberation_hall(platform, estate, staff):
    """Story 1's deliberation step: reports cluster into a topic, residents weigh in, staff publish the plan."""
    building = estate["buildings"][11]
    neighbours = [person(platform, estate, staff, unit) for unit in estate["units"][11][:2]]
    for token in neighbours:
        response = platform.api("POST", "/api/v1/issues", token=token, json={
            "community_id": estate["id"], "category": "non_motor_vehicles", "title": "电瓶车堵住楼道",
            "description": "11号楼楼道", "location": {"building_id": building["id"]}})
        assert response.status_code == 201, response.text
    clusters = platform.api("GET", f"/api/v1/communities/{estate['id']}/report-clusters", token=staff["social_worker"])
    [cluster] = [c for c in clusters.json()["items"] if c["building_id"] == building["id"]]
    assert cluster["count"] == 2 and cluster["category"] == "non_motor_vehicles"
    response = platform.api("POST", f"/api/v1/communities/{estate['id']}/topics", token=staff["social_worker"],
                            json={"title": "11号楼电瓶车停放", "issue_ids": cluster["issue_ids"]})
    assert response.status_code == 201, response.text
    topic = response.json()
    wait_for(lambda: announced(platform, neighbours[0], "topic_opened.resident", topic["id"]) == 1, 20, "the topic")
    platform.api("POST", f"/api/v1/topics/{topic['id']}/comments", token=neighbours[0], json={"text": "建议建车棚"})
    for token in (*neighbours, neighbours[0]):
        platform.api("POST", f"/api/v1/topics/{topic['id']}/support", token=token)
    response = platform.api("POST", f"/api/v1/topics/{topic['id']}/answer", token=staff["social_worker"],
                            json={"answer": "三方同意集中整治", "plan": "周六清理，之后一周志愿者值守"})
    assert response.status_code == 201, response.text
    seen = platform.api("GET", f"/api/v1/topics/{topic['id']}", token=neighbours[1]).json()
    assert seen["supporters"] == 2 and seen["answer"]["plan"].startswith("周六")
    assert [c["text"] for c in seen["comments"]] == ["建议建车棚"]

    response = platform.api("POST", f"/api/v1/communities/{estate['id']}/surveys", token=staff["social_worker"], json={
        "title": "电瓶车停放意见", "per": "person", "target": {"scope": "grids", "grid_ids": [building["grid_id"]]},
        "questions": [{"key": "shed", "kind": "single", "prompt": "是否支持建车棚", "options": ["yes", "no"],
                       "required": True}]})
    assert response.status_code == 201, response.text
    survey = response.json()
    assert platform.api("POST", f"/api/v1/surveys/{survey['id']}/answers", token=neighbours[0],
                        json={"answers": {"shed": "yes"}}).status_code == 201
    outsider = person(platform, estate, staff, estate["units"][30][0])
    refused = platform.api("POST", f"/api/v1/surveys/{survey['id']}/answers", token=outsider,
                           json={"answers": {"shed": "no"}})
    assert refused.status_code == 403 and refused.headers["Content-Type"].startswith("application/problem+json")
