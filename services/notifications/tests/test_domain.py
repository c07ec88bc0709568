"""Messages in the reader's language, without broker or store."""
from services.common import people
from services.notifications import domain


def test_staff_read_a_new_report_in_chinese_by_default():
    title, body = domain.render("issue_reported.staff", None, title="楼道堵塞", category="non_motor_vehicles")
    assert title == "新报事：楼道堵塞"
    assert "非机动车" in body


def test_an_english_reader_gets_english_with_the_category_named():
    title, body = domain.render("issue_reported.receipt", "en", title="Blocked stairwell", category="parking")
    assert title == "We received your report: Blocked stairwell"
    assert "parking" in body


def test_one_delivery_of_an_event_to_a_person_has_one_id():
    assert domain.item_id("e1", "a1") == domain.item_id("e1", "a1")
    assert domain.item_id("e1", "a1") != domain.item_id("e1", "a2")


def test_the_latest_membership_version_wins():
    versions = [
        {"account_id": "a", "community_id": "c", "roles": ["resident"]},
        {"account_id": "b", "community_id": "c", "roles": ["social_worker"]},
        {"account_id": "a", "community_id": "c", "roles": ["resident", "social_worker"]},
        {"account_id": "b", "community_id": "c", "roles": ["resident"]},
    ]
    assert people.holders(people.latest(versions), ["social_worker"]) == ["a"]
