"""What the kiosk shows and does: today's and next Tuesday's service turns, and check-in by code."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from gateway import runtime
from gateway.web.problems import Problem

SHANGHAI = ZoneInfo("Asia/Shanghai")
TURN = timedelta(minutes=30)  # a service turn, as the resident app offers them
TAKEN = ("requested", "confirmed", "offered", "checked_in")


def bookings_rpc(method, *args):
    return runtime.current().rpc.call("bookings", method, *args)


def moment(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def shown_days(now):
    """Today and the next Tuesday after it, as Shanghai dates."""
    today = now.astimezone(SHANGHAI).date()
    return [today, today + timedelta(days=(1 - today.weekday()) % 7 or 7)]


def free_turns(windows, taken, day, now):
    """The 30-minute turns of `day` still to come with a volunteer free: seats are the windows then."""
    starts = sorted({w[0] + TURN * n for w in windows for n in range(int((w[1] - w[0]) / TURN))})
    free = []
    for start in starts:
        end = start + TURN
        seats = sum(1 for a, b in windows if a <= start and end <= b)
        busy = sum(1 for a, b in taken if a < end and start < b)
        if start > now and start.astimezone(SHANGHAI).date() == day and busy < seats:
            free.append({"starts_at": start, "ends_at": end, "free": seats - busy})
    return free


def service_days(community_id, now):
    """Each service session of the community with its free turns today and next Tuesday."""
    days, items = shown_days(now), []
    for resource in bookings_rpc("list_resources", community_id, "service"):
        detail = bookings_rpc("get_resource", resource["id"], community_id)
        windows = [(moment(w["starts_at"]), moment(w["ends_at"])) for w in detail.get("windows", [])]
        taken = [(moment(b["starts_at"]), moment(b["ends_at"]))
                 for b in bookings_rpc("list_bookings", community_id, None, resource["id"]) if b["status"] in TAKEN]
        for day in days:
            scheduled = [w for w in windows if w[0].astimezone(SHANGHAI).date() == day]
            if scheduled:
                items.append({"resource_id": resource["id"], "name": resource["name"],
                              "name_en": resource.get("name_en"), "skill": resource.get("skill"),
                              "day": day, "windows": [{"starts_at": a, "ends_at": b} for a, b in scheduled],
                              "free": free_turns(scheduled, taken, day, now)})
    return {"days": days, "items": sorted(items, key=lambda i: (i["day"], i["windows"][0]["starts_at"]))}


def check_in(community_id, device_id, code):
    """Check in the community's booking with this code whose check-in is open now; 404/409 otherwise."""
    try:
        done = bookings_rpc("check_in_by_code", {"community_id": community_id, "code": code,
                                                 "actor_id": f"kiosk-{device_id}"})
    except Problem as refused:
        if refused.status == 409:
            raise Problem(409, "This booking is already checked in.", slug="already-checked-in") from None
        if refused.status == 404:
            raise Problem(404, "No booking with this code can be checked in now "
                               "(check-in opens 30 minutes before the start).", slug="no-such-code") from None
        raise
    return {"booking_id": done["id"], "resource_id": done["resource_id"], "status": done["status"],
            "resource_name": done.get("resource_name"),
            "starts_at": done["starts_at"], "ends_at": done["ends_at"]}
