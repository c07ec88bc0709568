"""What a kiosk may show: the community's recent announcements to everyone or to places, never to named people."""
from services.notifications.tests.conftest import call


def announce(container, title, community_id="c1", **audience):
    return call(container, "publish_announcement", {
        "community_id": community_id, "author_id": "sw-1", "title": title, "body": "正文",
        "audience": audience, "priority": "normal", "channels": []})


def test_a_kiosk_gets_notices_to_everyone_and_to_buildings_newest_first_but_none_to_named_people_staff_or_skills(
        notifications):
    announce(notifications, "全体通知", roles=["resident", "owner"])
    announce(notifications, "20号楼停水", building_ids=["b20"])
    announce(notifications, "给王阿姨", account_ids=["a1"])
    announce(notifications, "楼组长会议", roles=["building_leader"])
    announce(notifications, "志愿护士", skills=["nursing"])
    announce(notifications, "别的小区", community_id="c2", roles=["resident"])
    shown = call(notifications, "public_announcements", "c1")
    assert [a["title"] for a in shown] == ["20号楼停水", "全体通知"]
    assert set(shown[0]) == {"id", "title", "body", "priority", "audience", "created_at"}
    assert [a["title"] for a in call(notifications, "public_announcements", "c1", limit=1)] == ["20号楼停水"]
