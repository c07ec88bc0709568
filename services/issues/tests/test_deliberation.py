"""The deliberation hall in a real nameko container, on the real broker and store."""
import pytest

from services.common.envelope import make_event
from services.common.errors import Conflict, Forbidden, InvalidInput
from services.conftest import wait_until


@pytest.fixture
def member(publish, database, issues):
    def member(account, roles=("resident",), community="c1"):
        versions = database("issues").membership_versions
        before = versions.count_documents({})
        publish(make_event("gateway", "membership_granted", {
            "account_id": account, "community_id": community, "roles": list(roles),
            "building_id": "b1", "unit_id": "u1", "grid_id": "g1"}))
        wait_until(lambda: versions.count_documents({}) > before)
    return member


@pytest.fixture
def topic(call, member):
    member("sw-1", ("social_worker",))
    return call("open_topic", {"community_id": "c1", "opened_by": "sw-1", "title": "电瓶车停放怎么管",
                               "body": "3号楼楼道", "issue_ids": ["i1", "i2"]})


def test_staff_open_a_topic_from_reports_with_topic_opened(topic, database):
    stored = database("issues").topics.find_one()
    assert topic["issue_ids"] == ["i1", "i2"] and topic["supporters"] == 0
    assert [e["type"] for e in stored["outbox"]] == ["topic_opened"]


def test_a_resident_may_not_open_a_topic(call, member, database):
    member("acc-1")
    with pytest.raises(Forbidden):
        call("open_topic", {"community_id": "c1", "opened_by": "acc-1", "title": "我的议题"})
    assert database("issues").topics.count_documents({}) == 0


def test_residents_comment_and_support_once_each(call, member, topic):
    member("acc-1")
    call("comment_on_topic", {"topic_id": topic["id"], "account_id": "acc-1", "text": "建议划线停放"})
    call("support_topic", topic["id"], "acc-1")
    seen = call("support_topic", topic["id"], "acc-1")
    assert seen["supporters"] == 1
    assert [c["text"] for c in seen["comments"]] == ["建议划线停放"]


def test_someone_from_another_community_may_not_take_part(call, member, topic, database):
    member("acc-9", community="c2")
    with pytest.raises(Forbidden):
        call("comment_on_topic", {"topic_id": topic["id"], "account_id": "acc-9", "text": "路过"})
    with pytest.raises(Forbidden):
        call("support_topic", topic["id"], "acc-9")
    assert database("issues").topic_comments.count_documents({}) == 0
    assert database("issues").topic_supports.count_documents({}) == 0


def test_staff_publish_and_revise_the_official_answer_and_plan(call, topic):
    call("answer_topic", {"topic_id": topic["id"], "account_id": "sw-1", "answer": "三方商定", "plan": "集中整治"})
    revised = call("answer_topic", {"topic_id": topic["id"], "account_id": "sw-1", "answer": "修订", "replaces": 1})
    assert revised["answer"]["version"] == 2 and revised["answer"]["answer"] == "修订"
    with pytest.raises(Conflict):
        call("answer_topic", {"topic_id": topic["id"], "account_id": "sw-1", "answer": "旧版", "replaces": 1})
    with pytest.raises(InvalidInput):
        call("answer_topic", {"topic_id": topic["id"], "account_id": "sw-1", "answer": ""})


def test_topics_are_listed_newest_first(call, topic):
    assert [t["id"] for t in call("list_topics", "c1")] == [topic["id"]]


def test_open_reports_of_one_category_in_one_building_are_offered_as_a_cluster(call):
    from services.issues.tests.test_service import make_report
    reports = [call("report_issue", make_report(title=f"电瓶车堵楼道 {i}")) for i in range(3)]
    call("report_issue", make_report(category="noise", title="夜里很吵"))
    call("report_issue", make_report(location={"building_id": "b9", "grid_id": "g2"}, title="别的楼"))
    [cluster] = call("report_clusters", "c1")
    assert cluster["category"] == "non_motor_vehicles" and cluster["building_id"] == "b3"
    assert sorted(cluster["issue_ids"]) == sorted(r["id"] for r in reports) and cluster["count"] == 3


def test_a_single_report_is_not_a_cluster():
    from services.issues.clustering import clusters
    reports = [{"_id": i, "category": "parking", "title": "t", "location": {"building_id": "b1"}} for i in range(2)]
    assert clusters(reports)[0]["count"] == 2
    assert clusters(reports[:1]) == []
