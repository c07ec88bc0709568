"""A case of the issues service as an Open311 service request, without anything personal.

A request shows the case's title (the reporter's own headline), its category, status,
responsible party and times, and the building it is about, placed by the building's
coordinates. It never shows who reported or follows it, the unit, the description,
photos or staff notes: a list is public, and those could name a household.
"""
from datetime import datetime
from zoneinfo import ZoneInfo

from gateway.open311 import services
from gateway.web.i18n import language

SHANGHAI = ZoneInfo("Asia/Shanghai")
OPEN = frozenset({"submitted", "accepted", "assigned", "in_progress", "reopened"})
NOTES = {  # status -> (zh-CN, English), what a resident reads about the step reached
    "submitted": ("已提交，等待居委会受理", "Submitted, waiting for the residents' committee"),
    "accepted": ("居委会已受理", "Accepted by the residents' committee"),
    "assigned": ("已派单", "Assigned to the party that handles it"),
    "in_progress": ("处理中", "Being handled"),
    "reopened": ("已重新打开", "Reopened"),
    "resolved": ("已解决，等待评价", "Resolved; the reporters are asked to rate it"),
    "closed": ("已办结", "Closed"),
    "rejected": ("不予受理", "Not accepted"),
    "merged": ("已并入同类报事", "Merged into a report of the same problem"),
}


def status(case):
    return "open" if case["status"] in OPEN else "closed"


def shanghai(value):
    """An ISO time as W3C date-time in Shanghai time, with its offset; None stays None."""
    if not value:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.astimezone(SHANGHAI).isoformat(timespec="seconds")


def note(case):
    zh, en = NOTES.get(case["status"], (case["status"], case["status"]))
    return zh if language() == "zh-CN" else en


def as_request(case, building, community_name):
    """The public Open311 view of one case; `building` is its directory entry (or None)."""
    timeline = case.get("timeline") or []
    return {
        "service_request_id": case["id"], "status": status(case), "status_notes": note(case),
        "service_name": services.name(case["category"]), "service_code": case["category"],
        "description": case["title"], "agency_responsible": services.party_name(case.get("party")),
        "service_notice": None, "requested_datetime": shanghai(case["created_at"]),
        "updated_datetime": shanghai(timeline[-1]["at"] if timeline else case.get("updated_at") or case["created_at"]),
        "expected_datetime": shanghai(case.get("resolve_by")),
        "address": f"{community_name} {building.name}" if building else community_name,
        "address_id": str(building.id) if building else None, "zipcode": None,
        "lat": building.lat if building else None, "long": building.lng if building else None,
        "media_url": None,
    }
