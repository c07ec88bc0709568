"""Documents as the plain dicts RPC answers and events carry (times as ISO 8601 UTC)."""
from services.volunteers.domain import utc


def iso(moment):
    return utc(moment).isoformat() if moment is not None else None


def shift_facts(shift):
    """The facts every shift event carries."""
    return {"shift_id": shift.id, "activity_id": shift.activity_id, "community_id": shift.community_id,
            "place": shift.place, "starts_at": iso(shift.starts_at), "ends_at": iso(shift.ends_at),
            "activity_kind": shift.activity_kind}


def shift(doc, taken=None):
    out = {**shift_facts(doc), "id": doc.id, "title": doc.title, "needs": dict(doc.needs),
           "lead_id": doc.lead_id, "team_id": doc.team_id}
    if taken is not None:
        out["taken"] = taken
    return out


def signup(doc, status="signed_up"):
    return {"id": doc.id, "status": status, "shift_id": doc.shift_id, "activity_id": doc.activity_id,
            "community_id": doc.community_id, "volunteer_id": doc.volunteer_id, "skill": doc.skill,
            "starts_at": iso(doc.starts_at), "ends_at": iso(doc.ends_at)}


def volunteer(doc):
    return {"account_id": doc.account_id, "community_id": doc.community_id,
            "display_name": doc.display_name, "party_member": doc.party_member,
            "building_id": doc.building_id, "grid_id": doc.grid_id,
            "skills": {name: {"verified": bool(s.get("verified"))} for name, s in doc.skills.items()},
            "availability": list(doc.availability), "max_shifts_per_week": doc.max_shifts_per_week,
            "registered_at": iso(doc.registered_at)}


def activity(doc, shifts=()):
    return {"id": doc.id, "community_id": doc.community_id, "kind": doc.kind, "title": doc.title,
            "place": doc.place, "lead_id": doc.lead_id, "team_id": doc.team_id,
            "source": dict(doc.source) or None, "shift_count": doc.shift_count,
            "shifts": [shift(s) for s in shifts]}


def mark(doc):
    return {"id": doc.id, "kind": doc.kind, "signup_id": doc.signup_id, "shift_id": doc.shift_id,
            "volunteer_id": doc.volunteer_id, "at": iso(doc.at), "late": doc.late,
            "note": doc.note, "photos": list(doc.photos or [])}
