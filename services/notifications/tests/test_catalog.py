"""Every event the other services emit becomes the intended message for the intended people.

All events go through one real container on the real broker and store; each sample is
first checked against its producer's own outgoing schema, so the samples are real data.
"""
import pytest

from services.common import topology
from services.common.envelope import make_event
from services.conftest import wait_until
from services.notifications import catalog
from services.notifications.service import NotificationsService
from tests.contract.test_events import PRODUCED

AT, END = "2026-06-02T01:00:00+00:00", "2026-06-02T02:00:00+00:00"  # 09:00-10:00 in Shanghai
CASE = {"issue_id": "i1", "community_id": "c1", "reporter_id": "r1", "follower_ids": ["f1"], "title": "楼道堵塞",
        "category": "non_motor_vehicles", "grid_id": "g1", "previous_status": "submitted", "actor_id": "sw",
        "note": None, "at": AT, "party": "pm", "handler_group": "pm-team"}
BOOKING = {"booking_id": "bk1", "community_id": "c1", "account_id": "r1", "resource_id": "res1",
           "resource_name": "37°空间放映厅", "resource_kind": "room", "starts_at": AT, "ends_at": END,
           "shift_id": "s1", "volunteer_id": "v1"}
SHIFT = {"community_id": "c1", "shift_id": "s1", "activity_id": "act1", "place": "37°便民空间", "starts_at": AT,
         "ends_at": END, "activity_kind": "tuesday_service"}
COUPON = {"coupon_id": "cp1", "community_id": "c1", "account_id": "r1", "shop_id": "shop1", "shop_name": "围墙小面馆",
          "title": "满30减5", "valid_until": END}

# (source, type, data, {message kind: recipients}, a text the zh-CN title or body contains)
CASES = [
    ("issues", "issue_accepted", {**CASE, "status": "accepted", "action": "accepted"},
     {"issue_moved.follower": {"r1", "f1"}}, "已受理"),
    ("issues", "issue_assigned", {**CASE, "status": "assigned", "action": "assigned"},
     {"issue_assigned.party": {"pm1"}, "issue_moved.follower": {"r1", "f1"}}, "物业"),
    ("issues", "issue_status_changed", {**CASE, "status": "in_progress", "action": "started", "merged_into": None},
     {"issue_moved.follower": {"r1", "f1"}}, "处理中"),
    ("issues", "issue_resolved", {**CASE, "status": "resolved", "action": "resolved"},
     {"issue_resolved.follower": {"r1", "f1"}}, "评分"),
    ("issues", "issue_overdue", {"issue_id": "i1", "community_id": "c1", "title": "楼道堵塞", "category": "noise",
                                 "limit": "resolve", "due_at": AT, "party": "rc", "follower_ids": ["f1"],
                                 "escalate_to_roles": ["community_admin"]},
     {"issue_overdue.staff": {"sw", "ca"}}, "2026年06月02日 09:00"),
    ("issues", "issue_rated", {"issue_id": "i1", "community_id": "c1", "title": "楼道堵塞", "account_id": "r1",
                               "score": 2, "reopens": False, "party": "pm"},
     {"issue_rated.staff": {"sw", "pm1"}}, "2 分"),
    ("issues", "vote_opened", {"vote_id": "vo1", "community_id": "c1", "title": "停车改革", "matter": "common_parts",
                               "opens_at": AT, "closes_at": END, "units_total": 100},
     {"vote_opened.owner": {"r1", "oc1"}}, "每户一票"),
    ("issues", "vote_closed", {"vote_id": "vo1", "community_id": "c1", "title": "停车改革", "matter": "common_parts",
                               "outcome": "passed", "closed_at": END, "figures": {}},
     {"vote_closed.owner": {"r1", "oc1"}}, "通过"),
    ("issues", "survey_published", {"survey_id": "sv1", "community_id": "c1", "title": "停车需求调查", "per": "household",
                                    "scope": "buildings", "building_ids": ["b21"], "grid_ids": [], "closes_at": END},
     {"survey_published.resident": {"f1"}}, "问卷"),
    ("issues", "topic_opened", {"topic_id": "t1", "community_id": "c1", "title": "电瓶车停放", "opened_by": "sw",
                                "issue_ids": ["i1"]},
     {"topic_opened.resident": {"r1", "f1"}}, "议事厅"),
    ("issues", "joint_meeting_scheduled", {"meeting_id": "m1", "community_id": "c1", "title": "电瓶车整治联席会议",
                                           "starts_at": AT, "place": "37°便民空间", "issue_ids": ["i1"],
                                           "parties": ["rc", "oc"], "follower_ids": ["f1"]},
     {"joint_meeting.invite": {"sw", "ca", "oc1", "f1"}}, "37°便民空间"),
    ("issues", "action_item_assigned", {"action_item_id": "ai1", "meeting_id": "m1", "issue_id": "i1", "community_id": "c1",
                                        "party": "pm", "title": "清理楼道", "due_at": END, "kind": "task", "patrol": None},
     {"action_item.party": {"pm1"}}, "物业"),
    ("bookings", "booking_requested", BOOKING, {"booking_requested.staff": {"sw"}}, "待审批"),
    ("bookings", "booking_confirmed", BOOKING, {"booking_confirmed.booker": {"r1"}}, "09:00"),
    ("bookings", "booking_declined", {**BOOKING, "reason": "时间冲突"}, {"booking_declined.booker": {"r1"}}, "时间冲突"),
    ("bookings", "booking_cancelled", {**BOOKING, "reason": "志愿者请假"},
     {"booking_cancelled.booker": {"r1"}, "booking_cancelled.volunteer": {"v1"}}, "已取消"),
    ("bookings", "booking_no_show", {**BOOKING, "reason": "no_show"}, {"booking_no_show.booker": {"r1"}}, "未到场"),
    ("bookings", "booking_moved", {**BOOKING, "previous_volunteer_id": "v2"}, {"booking_moved.booker": {"r1"}}, "另一位"),
    ("bookings", "booking_reminder_due", {**BOOKING, "reminder": "day_before"},
     {"booking_reminder.booker": {"r1"}}, "预约提醒"),
    ("bookings", "booking_checked_in", BOOKING, {"booking_checked_in.booker": {"r1"}}, "已签到"),
    ("bookings", "loan_returned", BOOKING, {"loan_returned.borrower": {"r1"}}, "归还"),
    ("volunteers", "volunteer_registered", {"community_id": "c1", "volunteer_id": "v1", "display_name": "刘师傅",
                                            "skills": ["hairdressing"]},
     {"volunteer_registered.volunteer": {"v1"}, "volunteer_registered.staff": {"sw"}}, "刘师傅"),
    ("volunteers", "shift_scheduled", {**SHIFT, "title": "相约星期二", "needs": {"hairdressing": 1}},
     {"shift_scheduled.staff": {"sw"}}, "相约星期二"),
    ("volunteers", "shift_checked_in", {"community_id": "c1", "shift_id": "s1", "signup_id": "su1", "volunteer_id": "v1",
                                        "title": "相约星期二", "at": AT}, {"shift_checked_in.volunteer": {"v1"}}, "签到"),
    ("volunteers", "activity_completed", {"community_id": "c1", "activity_id": "act1", "kind": "patrol",
                                          "source": {"type": "action_item", "id": "ai1"}},
     {"activity_completed.staff": {"sw"}}, "志愿活动已完成"),
    ("bookings", "waitlist_offered", {**BOOKING, "hold_until": END}, {"waitlist_offered.booker": {"r1"}}, "保留至"),
    ("bookings", "loan_overdue", BOOKING, {"loan_overdue.borrower": {"r1"}}, "逾期"),
    ("bookings", "coupon_claimed", COUPON, {"coupon_claimed.holder": {"r1"}}, "围墙小面馆"),
    ("bookings", "coupon_redeemed", COUPON, {"coupon_redeemed.holder": {"r1"}}, "核销"),
    ("volunteers", "skill_verified", {"community_id": "c1", "volunteer_id": "v1", "skill": "hairdressing",
                                      "verified_by": "sw"}, {"skill_verified.volunteer": {"v1"}}, "理发"),
    ("volunteers", "shift_signed_up", {**SHIFT, "volunteer_id": "v1", "skill": "hairdressing"},
     {"shift_signed_up.volunteer": {"v1"}}, "37°便民空间"),
    ("volunteers", "shift_withdrawn", {**SHIFT, "volunteer_id": "v1", "skill": "hairdressing", "late": True},
     {"shift_withdrawn.staff": {"sw"}}, "替补"),
    ("volunteers", "shift_understaffed", {**SHIFT, "title": "相约星期二", "missing": {"nursing": 1},
                                          "reason": "starting_soon", "lead_id": "l1"},
     {"shift_understaffed.staff": {"sw", "l1"}}, "人手不足"),
    ("volunteers", "shift_reminder_due", {**SHIFT, "title": "相约星期二", "volunteer_id": "v1", "reminder": "day_before"},
     {"shift_reminder.volunteer": {"v1"}}, "服务提醒"),
    ("volunteers", "volunteer_invited", {**SHIFT, "title": "相约星期二", "volunteer_id": "v1", "skill": "nursing"},
     {"volunteer_invited.volunteer": {"v1"}}, "邀请"),
    ("volunteers", "shift_checked_out", {"community_id": "c1", "shift_id": "s1", "signup_id": "su1", "volunteer_id": "v1",
                                        "title": "相约星期二", "at": END, "seconds": 5400, "note": "", "photos": []},
     {"shift_checked_out.volunteer": {"v1"}}, "90 分钟"),
    ("volunteers", "shift_no_show", {"community_id": "c1", "shift_id": "s1", "signup_id": "su1", "volunteer_id": "v1",
                                    "title": "相约星期二", "starts_at": AT}, {"shift_no_show.volunteer": {"v1"}}, "未到岗"),
]
PEOPLE = {"sw": (["social_worker"], None), "ca": (["community_admin"], None), "pm1": (["pm_staff"], None),
          "oc1": (["oc_member", "owner"], "b30"), "r1": (["resident", "owner"], "b20"), "f1": (["resident"], "b21"),
          "v1": (["volunteer"], None), "l1": (["volunteer", "building_leader"], None)}


@pytest.mark.parametrize("source, kind, data", [(s, k, d) for s, k, d, _, _ in CASES])
def test_each_sample_is_what_its_producer_would_send(source, kind, data):
    assert PRODUCED[(source, kind)]().load(data)


def test_every_event_type_with_a_notice_is_tested_here():
    emitted = {kind for types in topology.EMITS.values() for kind in types}
    tested = {kind for _, kind, _, _, _ in CASES} | {"issue_reported", "announcement_published"}
    assert set(catalog.CATALOG) & emitted <= tested


@pytest.fixture
def everyone(start_service, household):
    container = start_service(NotificationsService)
    for account_id, (roles, building) in PEOPLE.items():
        household(account_id, building, roles=roles)
    return container


def test_each_event_reaches_the_intended_people_with_its_message(everyone, publish, database):
    sent = [(publish(make_event(source, kind, data))["id"], kind, messages, text)
            for source, kind, data, messages, text in CASES]
    expected = sum(len(who) for _, _, messages, _ in sent for who in messages.values())
    inbox = database("notifications").inbox
    wait_until(lambda: inbox.count_documents({}) >= expected, timeout=15)
    for event_id, kind, messages, text in sent:
        items = list(inbox.find({"event_id": event_id}))
        got = {}
        for item in items:
            got.setdefault(item["kind"], set()).add(item["account_id"])
        assert got == messages, kind
        assert any(text in item["title"] + item["body"] for item in items), (kind, text)
    assert inbox.count_documents({}) == expected


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_every_message_reads_whole_in_both_languages(locale):
    from services.notifications import domain
    for _, kind, data, messages, _ in CASES:
        for message_kind in messages:
            title, body = domain.render(message_kind, locale, **catalog.CATALOG[kind].reader().load(data))
            assert title and "{" not in title + body and "None" not in title + body, (message_kind, title, body)
