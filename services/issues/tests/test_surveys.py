"""Surveys in a real nameko container, on the real broker and store."""
import pytest

from services.common.envelope import make_event
from services.common.errors import Conflict, Forbidden, InvalidInput
from services.conftest import wait_until
from services.issues.tests.test_surveying import PARKING


@pytest.fixture
def member(publish, database, issues):
    """A resident living in `unit` of `building` in `grid`, through a real membership_granted event."""
    def member(account, unit, building="b1", grid="g1", community="c1"):
        versions = database("issues").membership_versions
        before = versions.count_documents({})
        publish(make_event("gateway", "membership_granted", {
            "account_id": account, "community_id": community, "roles": ["resident"],
            "building_id": building, "unit_id": unit, "grid_id": grid}))
        wait_until(lambda: versions.count_documents({}) > before)
    return member


def make_survey(**overrides):
    return {"community_id": "c1", "created_by": "sw-1", "title": "居民停车需求分析", "questions": PARKING,
            "per": "household", **overrides}


def test_a_survey_is_published_with_survey_published(call, database):
    survey = call("create_survey", make_survey(target={"scope": "grids", "grid_ids": ["g1"]}))
    stored = database("issues").surveys.find_one()
    assert str(stored["_id"]) == survey["id"]
    assert [e["type"] for e in stored["outbox"]] == ["survey_published"]
    assert stored["outbox"][0]["data"]["grid_ids"] == ["g1"]


def test_one_answer_per_household_the_second_from_the_same_home_is_refused(call, member, database):
    survey = call("create_survey", make_survey())
    member("acc-1", "u1")
    member("acc-2", "u1")
    call("answer_survey", {"survey_id": survey["id"], "account_id": "acc-1", "answers": {"cars": 1, "need": "yes"}})
    with pytest.raises(Conflict):
        call("answer_survey", {"survey_id": survey["id"], "account_id": "acc-2", "answers": {"cars": 0, "need": "no"}})
    assert database("issues").survey_answers.count_documents({}) == 1


def test_a_per_person_survey_takes_one_answer_from_each_person(call, member, database):
    survey = call("create_survey", make_survey(per="person"))
    member("acc-1", "u1")
    member("acc-2", "u1")
    for account in ("acc-1", "acc-2"):
        call("answer_survey", {"survey_id": survey["id"], "account_id": account, "answers": {"cars": 1, "need": "yes"}})
    assert database("issues").survey_answers.count_documents({}) == 2


def test_bad_answers_name_the_question_and_store_nothing(call, member, database):
    survey = call("create_survey", make_survey())
    member("acc-1", "u1")
    with pytest.raises(InvalidInput) as raised:
        call("answer_survey", {"survey_id": survey["id"], "account_id": "acc-1", "answers": {"cars": -1}})
    assert set(raised.value.extra["errors"]["answers"]) == {"cars", "need"}
    assert database("issues").survey_answers.count_documents({}) == 0


def test_people_outside_the_target_or_the_community_may_not_answer(call, member, database):
    survey = call("create_survey", make_survey(target={"scope": "buildings", "building_ids": ["b2"]}))
    member("acc-1", "u1", building="b1")
    member("acc-3", "u9", building="b2", community="c2")
    for account in ("acc-1", "acc-3", "nobody"):
        with pytest.raises(Forbidden):
            call("answer_survey", {"survey_id": survey["id"], "account_id": account,
                                   "answers": {"cars": 1, "need": "yes"}})
    assert database("issues").survey_answers.count_documents({}) == 0


def test_a_bad_survey_names_the_field(call):
    with pytest.raises(InvalidInput) as raised:
        call("create_survey", make_survey(questions=[{"key": "need", "kind": "single", "prompt": "?", "options": ["y"]}]))
    assert "questions" in raised.value.extra["errors"]


def test_results_and_the_demand_table_are_by_building_and_grid(call, member):
    survey = call("create_survey", make_survey())
    member("acc-1", "u1", building="b1", grid="g1")
    member("acc-2", "u2", building="b2", grid="g1")
    call("answer_survey", {"survey_id": survey["id"], "account_id": "acc-1", "answers": {"cars": 2, "need": "yes"}})
    call("answer_survey", {"survey_id": survey["id"], "account_id": "acc-2", "answers": {"cars": 1, "need": "no"}})
    results = call("survey_results", survey["id"])
    assert results["respondents"] == 2 and results["overall"]["need"] == {"yes": 1, "no": 1}
    table = call("survey_table", survey["id"])
    assert table[0][:5] == ["scope", "id", "respondents", "cars (sum)", "need=yes"]
    assert table[1:] == [["building", "b1", 1, 2, 1, 0, 0, 0], ["building", "b2", 1, 1, 0, 1, 0, 0],
                         ["grid", "g1", 2, 3, 1, 1, 0, 0]]


def test_concurrent_answers_from_one_household_store_exactly_one(call, member, database, linli_config):
    import eventlet
    from nameko.exceptions import RemoteError
    from nameko.standalone.rpc import ServiceRpcProxy
    survey = call("create_survey", make_survey())
    member("acc-1", "u1")
    member("acc-2", "u1")

    def attempt(i):
        with ServiceRpcProxy("issues", linli_config) as issues:
            try:
                return issues.answer_survey({"survey_id": survey["id"], "account_id": f"acc-{1 + i % 2}",
                                             "answers": {"cars": i % 3, "need": "yes"}})["respondent"]
            except RemoteError as err:
                return err.exc_type
    assert sorted(eventlet.GreenPool(6).imap(attempt, range(6))) == ["Conflict"] * 5 + ["unit:u1"]
    assert database("issues").survey_answers.count_documents({}) == 1


def test_answers_after_a_survey_closes_are_refused(call, member, database):
    import eventlet
    from datetime import datetime, timedelta, timezone
    survey = call("create_survey", make_survey(closes_at=(datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat()))
    member("acc-1", "u1")
    eventlet.sleep(max(0.0, (datetime.fromisoformat(survey["closes_at"]) - datetime.now(timezone.utc)).total_seconds()) + 0.05)
    with pytest.raises(Conflict):
        call("answer_survey", {"survey_id": survey["id"], "account_id": "acc-1", "answers": {"cars": 1, "need": "yes"}})
    assert database("issues").survey_answers.count_documents({}) == 0


def test_a_communitys_surveys_are_listed(call):
    survey = call("create_survey", make_survey())
    call("create_survey", make_survey(community_id="c2"))
    assert [s["id"] for s in call("list_surveys", "c1")] == [survey["id"]]
