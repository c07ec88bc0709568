"""Owners' assembly votes in a real nameko container, on the real broker and store."""
from datetime import datetime, timedelta, timezone

import pytest
from kombu import Connection, Exchange, Queue

from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound
from services.common.envelope import make_event
from services.conftest import wait_until


def now():
    return datetime.now(timezone.utc)


def make_vote(**overrides):
    vote = {"community_id": "c1", "created_by": "staff-1", "question": "停车改革方案",
            "matter": "change_common_parts_use",
            "opens_at": (now() - timedelta(minutes=1)).isoformat(),
            "closes_at": (now() + timedelta(hours=1)).isoformat(),
            "units": [{"unit_id": f"u{i}", "building_id": "b1", "grid_id": "g1", "floor_area_m2": "90.50"}
                      for i in range(4)]}
    vote.update(overrides)
    return vote


@pytest.fixture
def owner(publish, database, issues):
    """Make `account` an owner (or other roles) of `unit` through a real membership_granted event."""
    def owner(account, unit, roles=("owner", "resident"), community="c1"):
        versions = database("issues").membership_versions
        before = versions.count_documents({})
        publish(make_event("gateway", "membership_granted", {
            "account_id": account, "community_id": community, "roles": list(roles),
            "building_id": "b1", "unit_id": unit, "grid_id": "g1"}))
        wait_until(lambda: versions.count_documents({}) > before)
    return owner


@pytest.fixture
def event_tap(linli_config):
    with Connection(linli_config["AMQP_URI"]) as conn:
        queue = Queue("tap", Exchange("issues.events", type="topic", durable=True), routing_key="#",
                      auto_delete=True)(conn.channel())
        queue.declare()

        def drain():
            messages = []
            while (message := queue.get(no_ack=True)) is not None:
                messages.append(message.payload)
            return messages
        yield drain


def ballot(vote, unit, account, choice="for", replaces=None):
    return {"vote_id": vote["id"], "unit_id": unit, "account_id": account, "choice": choice,
            "replaces": replaces}


def test_a_vote_open_now_is_announced_once_with_vote_opened(call, event_tap):
    shanghai = timezone(timedelta(hours=8))
    vote = call("create_vote", make_vote(closes_at=(now() + timedelta(hours=1)).astimezone(shanghai).isoformat()))
    assert vote["closes_at"].endswith("+00:00") and vote == call("get_vote", vote["id"])
    assert vote["status"] == "open" and vote["units_total"] == 4 and vote["area_total_m2"] == "362.00"
    wait_until(lambda: True)
    events = event_tap()
    assert [e["type"] for e in events] == ["vote_opened"]
    assert events[0]["data"]["vote_id"] == vote["id"] and events[0]["data"]["title"] == "停车改革方案"


def test_an_owner_casts_one_ballot_and_may_change_it_with_a_new_version(call, owner, database):
    vote = call("create_vote", make_vote())
    owner("acc-1", "u0")
    first = call("cast_ballot", ballot(vote, "u0", "acc-1", "for"))
    changed = call("cast_ballot", ballot(vote, "u0", "acc-1", "against", replaces=1))
    assert (first["version"], changed["version"]) == (1, 2)
    assert call("my_ballot", vote["id"], "u0")["choice"] == "against"
    assert database("issues").ballots.count_documents({}) == 2


def test_a_second_ballot_from_a_unit_that_is_not_a_change_is_refused_and_changes_nothing(call, owner, database):
    vote = call("create_vote", make_vote())
    owner("acc-1", "u0")
    owner("acc-2", "u0")  # a co-owner of the same unit
    call("cast_ballot", ballot(vote, "u0", "acc-1", "for"))
    with pytest.raises(Conflict):
        call("cast_ballot", ballot(vote, "u0", "acc-2", "against"))
    with pytest.raises(Conflict):  # a stale change: version 2 already replaced version 1
        call("cast_ballot", ballot(vote, "u0", "acc-1", "against", replaces=1))
        call("cast_ballot", ballot(vote, "u0", "acc-2", "abstain", replaces=1))
    assert call("my_ballot", vote["id"], "u0")["choice"] == "against"


@pytest.mark.parametrize("account,roles,community", [
    ("tenant", ("resident",), "c1"),  # lives there but does not own it
    ("stranger", ("owner",), "c2"),  # an owner in another community
    ("nobody", None, None),  # no membership at all
])
def test_a_ballot_from_anyone_but_an_owner_of_the_unit_is_forbidden_and_stores_nothing(
        call, owner, database, account, roles, community):
    vote = call("create_vote", make_vote())
    if roles:
        owner(account, "u0", roles, community)
    with pytest.raises(Forbidden):
        call("cast_ballot", ballot(vote, "u0", account))
    assert database("issues").ballots.count_documents({}) == 0


def test_an_owner_cannot_vote_for_a_unit_they_do_not_own(call, owner, database):
    vote = call("create_vote", make_vote())
    owner("acc-1", "u0")
    with pytest.raises(Forbidden):
        call("cast_ballot", ballot(vote, "u1", "acc-1"))
    assert database("issues").ballots.count_documents({}) == 0


def test_ballots_before_the_window_are_refused_and_store_nothing(call, owner, database):
    vote = call("create_vote", make_vote(opens_at=(now() + timedelta(minutes=10)).isoformat()))
    owner("acc-1", "u0")
    with pytest.raises(Conflict):
        call("cast_ballot", ballot(vote, "u0", "acc-1"))
    assert call("get_vote", vote["id"])["status"] == "scheduled"
    assert database("issues").ballots.count_documents({}) == 0


def test_ballots_after_the_close_time_are_refused_and_store_nothing(call, owner, database):
    import eventlet
    vote = call("create_vote", make_vote(closes_at=(now() + timedelta(seconds=1)).isoformat()))
    owner("acc-1", "u0")
    eventlet.sleep(max(0.0, (datetime.fromisoformat(vote["closes_at"]) - now()).total_seconds()) + 0.05)
    with pytest.raises(Conflict):
        call("cast_ballot", ballot(vote, "u0", "acc-1"))
    assert database("issues").ballots.count_documents({}) == 0


def test_a_vote_that_would_already_be_over_is_refused(call, database):
    with pytest.raises(InvalidInput) as raised:
        call("create_vote", make_vote(opens_at=(now() - timedelta(hours=2)).isoformat(),
                                      closes_at=(now() - timedelta(hours=1)).isoformat()))
    assert "closes_at" in raised.value.extra["errors"]
    assert database("issues").votes.count_documents({}) == 0


def test_staff_enter_a_paper_ballot_recording_who_entered_it(call, owner):
    vote = call("create_vote", make_vote())
    owner("sw-1", None, ("social_worker",))
    entered = call("enter_paper_ballot", ballot(vote, "u2", "sw-1", "for"))
    assert entered["entered_by"] == "sw-1" and entered["cast_by"] is None
    owner("acc-9", "u3")
    with pytest.raises(Forbidden):
        call("enter_paper_ballot", ballot(vote, "u3", "acc-9", "for"))


def test_turnout_shows_who_voted_but_not_how_unless_the_ballot_is_open(call, owner):
    secret = call("create_vote", make_vote())
    public = call("create_vote", make_vote(open_ballot=True))
    owner("acc-1", "u0")
    for vote in (secret, public):
        call("cast_ballot", ballot(vote, "u0", "acc-1", "against"))
    seen = call("vote_turnout", secret["id"])
    assert seen["voted_unit_ids"] == ["u0"] and seen["units_voted"] == 1 and seen["choices"] is None
    assert seen["area_voted_m2"] == "90.50" and seen["area_total_m2"] == "362.00"
    assert call("vote_turnout", public["id"])["choices"] == {"u0": "against"}


def test_a_bad_vote_names_the_field_and_an_unknown_vote_is_not_found(call, database):
    with pytest.raises(InvalidInput) as raised:
        call("create_vote", make_vote(closes_at=(now() - timedelta(hours=1)).isoformat()))
    assert "closes_at" in raised.value.extra["errors"]
    with pytest.raises(InvalidInput) as raised:
        call("create_vote", make_vote(matter="coup"))
    assert "matter" in raised.value.extra["errors"]
    assert database("issues").votes.count_documents({}) == 0
    with pytest.raises(NotFound):
        call("get_vote", "000000000000000000000000")


def test_closing_before_the_close_time_is_refused(call):
    vote = call("create_vote", make_vote())
    with pytest.raises(Conflict):
        call("close_vote", vote["id"], "staff-1")


def test_the_timer_closes_a_vote_once_with_the_article_278_tally(call, owner, event_tap, database):
    vote = call("create_vote", make_vote(closes_at=(now() + timedelta(seconds=3)).isoformat()))
    for i, choice in enumerate(("for", "for", "for", "against")):
        owner(f"acc-{i}", f"u{i}")
        call("cast_ballot", ballot(vote, f"u{i}", f"acc-{i}", choice))
    wait_until(lambda: database("issues").vote_results.count_documents({}) == 1, timeout=10)
    closed = call("get_vote", vote["id"])
    assert closed["status"] == "closed" and closed["result"]["outcome"] == "passed"
    assert closed["result"]["for"]["units_share"] == "3/4"
    call("close_vote", vote["id"], "staff-1")  # a second close keeps the first result
    wait_until(lambda: not database("issues").outbox_pending.count_documents({}))
    events = [e for e in event_tap() if e["type"] == "vote_closed"]
    assert len({e["id"] for e in events}) == 1  # the outbox may relay one event twice; never two events
    assert events[0]["data"]["outcome"] == "passed"
    assert events[0]["data"]["figures"]["participating"]["units"] == 4
    assert database("issues").vote_results.find_one()["closed_by"] == "timer"


def test_concurrent_first_ballots_for_one_unit_store_exactly_one(call, owner, database, linli_config):
    import eventlet
    from nameko.exceptions import RemoteError
    from nameko.standalone.rpc import ServiceRpcProxy
    vote = call("create_vote", make_vote())
    owner("acc-1", "u0")
    owner("acc-2", "u0")

    def attempt(i):
        with ServiceRpcProxy("issues", linli_config) as issues:
            try:
                return issues.cast_ballot(ballot(vote, "u0", f"acc-{1 + i % 2}", "for"))
            except RemoteError as err:
                return err.exc_type
    results = list(eventlet.GreenPool(8).imap(attempt, range(8)))
    assert sorted(r if isinstance(r, str) else "ok" for r in results) == ["Conflict"] * 7 + ["ok"]
    assert database("issues").ballots.count_documents({}) == 1


def test_the_store_itself_refuses_a_second_ballot_of_the_same_version(call, owner, database):
    vote = call("create_vote", make_vote())
    owner("acc-1", "u0")
    call("cast_ballot", ballot(vote, "u0", "acc-1"))
    duplicate = dict(database("issues").ballots.find_one(), _id="another-id")
    with pytest.raises(Exception, match="E11000|duplicate"):
        database("issues").ballots.insert_one(duplicate)


def test_concurrent_closes_keep_one_result_and_one_vote_closed(call, owner, database, linli_config, event_tap):
    import eventlet
    from nameko.standalone.rpc import ServiceRpcProxy
    vote = call("create_vote", make_vote(closes_at=(now() + timedelta(seconds=1)).isoformat()))
    owner("acc-1", "u0")
    call("cast_ballot", ballot(vote, "u0", "acc-1"))
    eventlet.sleep(max(0.0, (datetime.fromisoformat(vote["closes_at"]) - now()).total_seconds()) + 2.1)

    def close(i):
        with ServiceRpcProxy("issues", linli_config) as issues:
            return issues.close_vote(vote["id"], f"staff-{i}")["result"]["outcome"]
    assert set(eventlet.GreenPool(6).imap(close, range(6))) == {"no_quorum"}
    assert database("issues").vote_results.count_documents({}) == 1
    seen = []  # a losing closer's outbox marker is an orphan the relay drops later; its event is never sent
    wait_until(lambda: seen.extend(e["id"] for e in event_tap() if e["type"] == "vote_closed") or seen, 10)
    eventlet.sleep(0.5)
    seen.extend(e["id"] for e in event_tap() if e["type"] == "vote_closed")
    assert len(set(seen)) == 1


def test_a_scheduled_vote_is_opened_by_the_timer_and_announced_once(call, database, event_tap):
    vote = call("create_vote", make_vote(opens_at=(now() + timedelta(seconds=1)).isoformat()))
    assert vote["status"] == "scheduled" and not event_tap()
    wait_until(lambda: database("issues").vote_openings.count_documents({"_id": vote["id"]}) == 1, 10)
    assert call("get_vote", vote["id"])["status"] == "open"
    wait_until(lambda: not database("issues").outbox_pending.count_documents({}), 10)
    events = [e for e in event_tap() if e["type"] == "vote_opened"]
    assert len({e["id"] for e in events}) == 1 and events[0]["data"]["vote_id"] == vote["id"]


def test_a_communitys_votes_are_listed_newest_first(call):
    older = call("create_vote", make_vote(opens_at=(now() - timedelta(minutes=5)).isoformat()))
    newer = call("create_vote", make_vote())
    call("create_vote", make_vote(community_id="c2"))
    assert [v["id"] for v in call("list_votes", "c1")] == [newer["id"], older["id"]]
