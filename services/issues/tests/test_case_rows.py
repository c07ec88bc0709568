"""The read model's pure parts: quarters, pages and the rates' input, against plain reference computations."""
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from services.issues import case_facts, case_rows, domain

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


def bucketed(made, needles=()):
    """Rows split into quarter buckets, newest quarter first, as the store walks them."""
    buckets = {}
    for row in made:
        buckets.setdefault(case_rows.quarter_of(datetime.fromisoformat(row["created_at"])), {})[row["id"]] = row
    return [case_rows.lines(case_rows.pack_rows(buckets[q]), needles) for q in sorted(buckets, reverse=True)]


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
    assert case_rows.page_of(bucketed(made, case_rows.needles(filters)), filters, before, limit, NOW) == expected
    assert case_facts.any_match([case_facts.fact_of(r) for r in made], filters, before, NOW) == bool(expected)


@given(st.integers(2000, 2100), st.integers(1, 4), st.integers(0, 40))
def test_quarters_back_walks_every_quarter_once_newest_first(year, n, back):
    newest = f"{year}-Q{n}"
    walked = list(case_rows.quarters_back(newest, "0000-Q1"))[:back + 1]
    assert walked == sorted(set(walked), reverse=True) and len(walked) == back + 1
    assert all(int(q[-1]) in (1, 2, 3, 4) for q in walked)


def test_a_quarter_is_the_shanghai_one():
    assert case_rows.quarter_of(datetime(2026, 3, 31, 16, 30, tzinfo=timezone.utc)) == "2026-Q2"
    assert case_rows.quarter_of(datetime(2026, 3, 31, 15, 30, tzinfo=timezone.utc)) == "2026-Q1"


facts = st.lists(st.tuples(
    st.integers(0, 2 * 365 * 24 * 60), st.sampled_from(sorted(domain.TRANSITIONS)), st.sampled_from(["rc", "pm", None]),
    st.sampled_from(["g1", "g2", None]), st.booleans(), st.integers(1, 60 * 24 * 20), st.integers(1, 60 * 24 * 20),
    st.one_of(st.none(), st.integers(0, 3_600_000 * 500)), st.one_of(st.none(), st.integers(0, 3_600_000 * 900)),
    st.lists(st.integers(1, 5), max_size=3)), max_size=40)


def case_of(n, spec):
    minutes, status, party, grid, unreasonable, respond, resolve, responded, resolved, scores = spec
    created = START + timedelta(minutes=minutes, milliseconds=n)
    later = lambda value: None if value is None else created + timedelta(milliseconds=value)  # noqa: E731
    return {"_id": f"case-{n}", "community_id": f"c{n % 2}", "category": "parking", "status": status,
            "party": party, "unreasonable": unreasonable, "location": {"building_id": "b1", "grid_id": grid},
            "created_at": created, "respond_by": created + timedelta(minutes=respond),
            "resolve_by": created + timedelta(minutes=resolve), "responded_at": later(responded),
            "resolved_at": later(resolved), "timeline": []}, {f"acc-{k}": [0, s] for k, s in enumerate(scores)}


@settings(max_examples=200, deadline=None)
@given(facts, st.sampled_from(domain.DIMENSIONS), st.one_of(st.none(), st.integers(0, 2 * 365)))
def test_rates_from_compact_facts_equal_the_reference_rates_of_the_cases(specs, by, since_days):
    made = [case_of(n, spec) for n, spec in enumerate(specs)]
    since = START + timedelta(days=since_days) if since_days is not None else None
    counted = [dict(c, id=c["_id"], grid_id=c["location"]["grid_id"]) for c, _ in made
               if since is None or c["created_at"] >= since]
    scores = {c["_id"]: [s for _, s in sc.values()] for c, sc in made if sc}
    expected = {"by": by, "total": domain.rates(counted, scores, NOW),
                "groups": domain.rates_by(by, counted, scores, NOW)}
    got_facts = [case_facts.fact_of(case_rows.row_of(c, sc)) for c, sc in made]
    assert case_facts.rates(got_facts, by, since, None, NOW) == expected


def quarter_parts(made, by, since, until):
    """The rates' input as the read model gives it: whole quarters by their stored summaries, edges as facts."""
    buckets = {}
    for case, scores in made:
        fact = case_facts.fact_of(case_rows.row_of(case, scores))
        buckets.setdefault(case_rows.quarter_of(case["created_at"]), []).append(fact)
    facts, tallies = [], []
    for quarter, found in buckets.items():
        if not case_rows.within(quarter, since, until):
            facts += found
            continue
        stored = {name: case_rows.unpack(case_rows.pack(value)) for name, value in case_facts.summary(found).items()}
        facts += stored["loose"]
        tallies.append(stored[f"tally_{by}"])
    return facts, tallies


@settings(max_examples=200, deadline=None)
@given(facts, st.sampled_from(domain.DIMENSIONS), st.one_of(st.none(), st.integers(0, 2 * 365)),
       st.one_of(st.none(), st.integers(0, 2 * 365)))
def test_rates_from_whole_quarters_tallies_and_edge_facts_equal_the_rates_of_all_facts(specs, by, since_days,
                                                                                        until_days):
    made = [case_of(n, spec) for n, spec in enumerate(specs)]
    since = START + timedelta(days=since_days, hours=7) if since_days is not None else None
    until = START + timedelta(days=until_days) if until_days is not None else None
    every = [case_facts.fact_of(case_rows.row_of(c, sc)) for c, sc in made]
    facts, tallies = quarter_parts(made, by, since, until)
    assert case_facts.rates(facts, by, since, until, NOW, tallies) == case_facts.rates(every, by, since, until, NOW)


@settings(max_examples=150, deadline=None)
@given(facts, st.sampled_from([None, "closed", "rejected", "in_progress"]), st.sampled_from([None, "rc", "pm"]),
       st.sampled_from([None, "g1", "g2"]))
def test_a_bucket_s_kinds_match_a_filter_exactly_when_one_of_its_cases_does(specs, status, party, grid):
    found = [case_facts.fact_of(case_rows.row_of(c, sc)) for c, sc in (case_of(n, s) for n, s in enumerate(specs))]
    filters = {"status": status, "party": party, "grid_id": grid, "category": "parking"}
    kinds = case_rows.unpack(case_rows.pack(case_facts.summary(found)["kinds"]))
    assert case_facts.kinds_match(kinds, filters) == case_facts.any_match(found, filters, None, NOW)


def test_a_quarter_is_whole_in_a_period_only_from_its_first_shanghai_moment_to_the_next_quarter_s():
    start = datetime(2026, 3, 31, 16, 0, tzinfo=timezone.utc)  # 2026-04-01 00:00 in Shanghai
    assert case_rows.within("2026-Q2", start, datetime(2026, 6, 30, 16, 0, tzinfo=timezone.utc))
    assert not case_rows.within("2026-Q2", start + timedelta(milliseconds=1), None)
    assert not case_rows.within("2026-Q2", None, datetime(2026, 6, 30, 15, 59, tzinfo=timezone.utc))
    assert case_rows.within("2026-Q4", None, None) and case_rows.next_quarter("2026-Q4") == "2027-Q1"


def test_a_rating_keeps_the_latest_round_and_a_move_keeps_the_ratings():
    row = make_row(1, 0, "resolved", "rc", "g1")
    rated = case_rows.rated(row, "acc-1", 0, 2)
    assert case_rows.rated(rated, "acc-1", 0, 5) is None
    assert case_rows.rated(rated, "acc-1", 1, 5)["scores"] == {"acc-1": [1, 5]}
    later = {**make_row(1, 0, "reopened", "rc", "g1"), "seq": 3}
    assert case_rows.moved(rated, later)["scores"] == {"acc-1": [0, 2]}
    assert case_rows.moved(later, rated) is None  # an older write arriving late changes nothing
