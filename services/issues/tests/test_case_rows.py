"""The read model's pure parts: quarters, pages and the rates' input, against plain reference computations."""
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from services.issues import case_rows, domain

START = datetime(2024, 1, 1, tzinfo=timezone.utc)
NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)


def make_row(n, minutes, status, party, grid):
    created = START + timedelta(minutes=minutes)
    return case_rows.row_of({"_id": f"case-{n}", "community_id": "c1", "category": "parking", "status": status,
                             "party": party, "location": {"building_id": "b1", "grid_id": grid},
                             "created_at": created, "respond_by": created + timedelta(hours=24),
                             "resolve_by": created + timedelta(days=7), "timeline": []})


rows = st.lists(st.tuples(st.integers(0, 2 * 365 * 24 * 60), st.sampled_from(["submitted", "closed", "assigned"]),
                          st.sampled_from(["rc", "pm", None]), st.sampled_from(["g1", "g2"])),
                max_size=60, unique_by=lambda t: t[0])


def bucketed(made):
    """Rows split into quarter buckets, newest quarter first, as the store walks them."""
    buckets = {}
    for row in made:
        buckets.setdefault(case_rows.quarter_of(datetime.fromisoformat(row["created_at"])), {})[row["id"]] = row
    return [buckets[q] for q in sorted(buckets, reverse=True)]


@settings(max_examples=150, deadline=None)
@given(rows, st.sampled_from([None, "submitted", "closed"]), st.sampled_from([None, "rc", "pm"]),
       st.sampled_from([None, "g1"]), st.sampled_from([None, True, False]), st.integers(1, 20),
       st.one_of(st.none(), st.integers(0, 2 * 365 * 24 * 60)))
def test_a_page_from_quarter_buckets_is_the_newest_matching_rows_before_the_cursor(
        specs, status, party, grid, overdue, limit, before_minutes):
    made = [make_row(n, *spec) for n, spec in enumerate(specs)]
    before = START + timedelta(minutes=before_minutes) if before_minutes is not None else None
    filters = {"status": status, "party": party, "grid_id": grid, "overdue": overdue}
    expected = sorted((r for r in made if (before is None or datetime.fromisoformat(r["created_at"]) < before)
                       and (not status or r["status"] == status) and (not party or r["party"] == party)
                       and (not grid or r["location"]["grid_id"] == grid)
                       and (overdue is None or overdue == (r["status"] in domain.OPEN))),
                      key=lambda r: r["created_at"], reverse=True)[:limit]
    assert case_rows.page_of(bucketed(made), filters, before, limit, NOW) == expected


@given(st.integers(2000, 2100), st.integers(1, 4), st.integers(0, 40))
def test_quarters_back_walks_every_quarter_once_newest_first(year, n, back):
    newest = f"{year}-Q{n}"
    walked = list(case_rows.quarters_back(newest, "0000-Q1"))[:back + 1]
    assert walked == sorted(set(walked), reverse=True) and len(walked) == back + 1
    assert all(int(q[-1]) in (1, 2, 3, 4) for q in walked)


def test_a_quarter_is_the_shanghai_one():
    assert case_rows.quarter_of(datetime(2026, 3, 31, 16, 30, tzinfo=timezone.utc)) == "2026-Q2"
    assert case_rows.quarter_of(datetime(2026, 3, 31, 15, 30, tzinfo=timezone.utc)) == "2026-Q1"


@settings(max_examples=60, deadline=None)
@given(rows)
def test_rates_from_rows_equal_rates_from_the_cases(specs):
    made = [make_row(n, *spec) for n, spec in enumerate(specs)]
    cases = [{"id": r["id"], "community_id": "c1", "party": r["party"], "category": "parking",
              "grid_id": r["location"]["grid_id"], "status": r["status"], "unreasonable": False,
              **{t: datetime.fromisoformat(r[t]) if r[t] else None for t in case_rows.TIMES}} for r in made]
    got, scores = case_rows.rate_input(made, None, None)
    assert domain.rates_by("grid", got, scores, NOW) == domain.rates_by("grid", cases, {}, NOW)


def test_a_rating_keeps_the_latest_round_and_a_move_keeps_the_ratings():
    row = make_row(1, 0, "resolved", "rc", "g1")
    rated = case_rows.rated(row, "acc-1", 0, 2)
    assert case_rows.rated(rated, "acc-1", 0, 5) is None
    assert case_rows.rated(rated, "acc-1", 1, 5)["scores"] == {"acc-1": [1, 5]}
    later = {**make_row(1, 0, "reopened", "rc", "g1"), "seq": 3}
    assert case_rows.moved(rated, later)["scores"] == {"acc-1": [0, 2]}
    assert case_rows.moved(later, rated) is None  # an older write arriving late changes nothing
