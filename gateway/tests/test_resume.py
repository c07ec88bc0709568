"""`Last-Event-ID` positions and the replay of missed inbox items (pure: pages are given)."""
import pytest

from gateway import resume
from gateway.web.problems import Problem


def item(n):
    return {"id": f"e{n}:a:inbox", "kind": "announcement", "title": f"t{n}", "subject": {},
            "created_at": f"2026-11-26T10:00:0{n}.123456+00:00"}


def pages(items, size):
    """A list_inbox over `items` (newest first) answering `size` at a time."""
    def list_inbox(limit, before=None):
        start = int(before or 0)
        chunk = items[start:start + size]
        return {"items": chunk, "next": str(start + size) if start + size < len(items) else None}
    return list_inbox


def test_an_event_id_reads_back_as_its_position_to_the_millisecond():
    hint = {"item_id": "e1:a:inbox", "created_at": "2026-11-26T10:00:01.123456+00:00"}
    at, item_id = resume.read_cursor(resume.cursor(hint))
    assert item_id == "e1:a:inbox" and at.microsecond == 123000


def test_replay_gives_the_items_after_the_last_id_oldest_first_across_pages():
    newest_first = [item(n) for n in (6, 5, 4, 3, 2, 1)]
    last = resume.position(item(2))
    missed = resume.missed(pages(newest_first, 2), last, "a")
    assert [m["title"] for m in missed] == ["t3", "t4", "t5", "t6"]
    assert all(m["account_id"] == "a" for m in missed)


def test_a_stored_item_and_its_live_hint_have_the_same_id():
    stored = {**item(1), "created_at": "2026-11-26T10:00:01.123000"}  # naive UTC, as the store keeps it
    live = {"item_id": "e1:a:inbox", "created_at": "2026-11-26T10:00:01.123456+00:00"}
    assert resume.cursor(resume.as_hint(stored, "a")) == resume.cursor(live)


def test_an_id_the_stream_never_sent_is_a_422_naming_the_header():
    with pytest.raises(Problem) as refused:
        resume.read_cursor("not-an-id")
    assert refused.value.status == 422 and "Last-Event-ID" in refused.value.errors


class Arrivals:
    """What a stream's queue hands over, in order: hints, and None for a quiet interval."""

    def __init__(self, *arrivals):
        self.arrivals = arrivals

    def hints(self, wait):
        yield from self.arrivals


def test_a_stream_sends_the_missed_first_then_live_hints_once_with_heartbeats_between():
    from gateway import live
    replayed = resume.as_hint(item(1), "a")
    live_again = {**replayed, "created_at": "2026-11-26T10:00:01.123456+00:00"}  # the same item, live
    fresh = {"item_id": "e2:a:inbox", "account_id": "a", "kind": "issue_moved.follower", "title": "t2",
             "created_at": "2026-11-26T10:00:02+00:00", "subject": {"type": "issue", "id": "i1"}}
    text = "".join(live.events(Arrivals(None, live_again, fresh), [replayed], heartbeat=1, lifetime=60))
    assert text.count("data: ") == 2 and text.count(": heartbeat") == 1
    assert text.index('"title": "t1"') < text.index('"title": "t2"')
    assert "event: case" in text and text.count("event: inbox") == 1
