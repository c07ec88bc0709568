"""Pure rules of the case read model: a case's row, its bucket, list pages and the rates' input.

A bucket holds the rows of one community's cases reported in one Shanghai quarter
(`<community>:<YYYY>-Q<n>`), packed into one compressed blob, because FerretDB decodes a
document value by value and a blob is one value. Rows carry what lists show and what
the rates count; the case document stays the record.
"""
import json
import zlib
from datetime import datetime, timezone

from services.issues import domain

FIELDS = ("community_id", "reporter_id", "category", "title", "status", "party", "handler_group",
          "merged_into", "reopen_count", "unreasonable")
TIMES = ("created_at", "respond_by", "resolve_by", "responded_at", "resolved_at")


def iso(moment):
    """A UTC time as the store keeps it (milliseconds), written as the case's dump writes it."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000).isoformat()


def quarter_of(moment):
    """The Shanghai quarter of a moment, `2026-Q4`: such strings sort in time order."""
    local = moment.astimezone(domain.SHANGHAI)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def quarters_back(newest, oldest):
    """Quarters from `newest` down to `oldest`, both included."""
    year, n = int(newest[:4]), int(newest[-1])
    while f"{year}-Q{n}" >= oldest:
        yield f"{year}-Q{n}"
        year, n = (year, n - 1) if n > 1 else (year - 1, 4)


def quarter_start(quarter):
    """The moment a quarter begins (Shanghai midnight of its first day)."""
    return datetime(int(quarter[:4]), (int(quarter[-1]) - 1) * 3 + 1, 1, tzinfo=domain.SHANGHAI)


def next_quarter(quarter):
    year, n = int(quarter[:4]), int(quarter[-1])
    return f"{year}-Q{n + 1}" if n < 4 else f"{year + 1}-Q1"


def within(quarter, since, until):
    """True if the whole quarter lies in [since, until) (None: open ended)."""
    return (since is None or since <= quarter_start(quarter)) and (
        until is None or quarter_start(next_quarter(quarter)) <= until)


def bucket_id(community_id, quarter):
    return f"{community_id}:{quarter}"


def row_of(case, scores=None):
    """The row of a case (a dict as stored: `_id` or `id`, `location`, `timeline`, times)."""
    location = case.get("location") or {}
    timeline = case.get("timeline") or []
    row = {"id": str(case.get("id") or case.get("_id")), **{name: case.get(name) for name in FIELDS},
           "location": {k: location.get(k) for k in ("building_id", "unit_id", "grid_id", "lat", "lng")},
           **{name: iso(case.get(name)) for name in TIMES},
           "updated_at": iso(timeline[-1]["at"]) if timeline else iso(case.get("created_at")),
           "seq": domain.next_seq(timeline), "scores": dict(scores or {})}
    row["reopen_count"] = row["reopen_count"] or 0
    row["unreasonable"] = bool(row["unreasonable"])
    return row


def moved(old, row):
    """The row to store after a write of the case, keeping its ratings; None if `old` is as new or newer."""
    if old is not None and (old["seq"] > row["seq"] or old == {**row, "scores": old["scores"]}):
        return None
    return {**row, "scores": (old or {}).get("scores", {})}


def rated(old, account_id, round_, score):
    """The row with an account's latest score; None if it already has it (or a later round's)."""
    earlier = old["scores"].get(account_id)
    if earlier is not None and earlier[0] >= round_:
        return None
    return {**old, "scores": {**old["scores"], account_id: [round_, score]}}


def pack(value):
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def unpack(blob):
    return json.loads(zlib.decompress(blob)) if blob else []


def pack_rows(rows):
    """A bucket's rows as compressed JSON lines, newest first, so a page parses only the lines it reads."""
    ordered = sorted(rows.values(), key=lambda r: _at(r["created_at"]), reverse=True)
    return zlib.compress("\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":"))
                                    for r in ordered).encode(), 6)


def lines(blob, needles=()):
    """The rows of a packed bucket, newest first, each parsed only when reached (and only if it holds `needles`)."""
    text = zlib.decompress(blob).decode() if blob else ""
    return (json.loads(line) for line in text.split("\n") if line and all(n in line for n in needles))


def needles(filters):
    """Texts the line of every row the filters pass contains (`"status":"closed"`): tested before parsing a line."""
    return [f'"{name}":{json.dumps(filters[name], ensure_ascii=False)}'
            for name in ("status", "category", "party", "grid_id") if filters.get(name)]


def unpack_rows(blob):
    return {row["id"]: row for row in lines(blob)}


# --- lists --------------------------------------------------------------------------------


def _at(text):
    return datetime.fromisoformat(text) if text else None


def matches(row, filters, now):
    """True if the row passes every filter given (status, category, party, grid_id, overdue)."""
    for name in ("status", "category", "party"):
        if filters.get(name) and row[name] != filters[name]:
            return False
    if filters.get("grid_id") and row["location"].get("grid_id") != filters["grid_id"]:
        return False
    if filters.get("overdue") is not None and filters["overdue"] != is_late(row, now):
        return False
    return True


def is_late(row, now):
    """Still open past a limit: what a case queue flags as overdue."""
    return bool(domain.overdue_limits(row["status"], now, _at(row["respond_by"]), _at(row["resolve_by"]),
                                      row["responded_at"] is not None))


def page_of(buckets, filters, before, limit, now):
    """Up to `limit` rows newest first from `buckets` (rows newest first, newest quarter first), older than `before`."""
    found = []
    for rows in buckets:
        for row in rows:
            if (before is None or _at(row["created_at"]) < before) and matches(row, filters, now):
                found.append(row)
                if len(found) == limit:
                    return found
    return found


def listed(row):
    """A row as a list item: the case without its timeline, description and ratings."""
    return {k: v for k, v in row.items() if k not in ("seq", "scores")}
