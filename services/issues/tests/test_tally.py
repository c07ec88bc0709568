"""The Article 278 tally, without broker or store: boundaries and a reference computation."""
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from services.issues import tally
from services.issues.tally import NO_QUORUM, PASSED, REJECTED


def equal_units(n, area=10000):
    return {f"u{i}": area for i in range(n)}


def votes(**counts):
    """Ballots for units u0, u1, ... in the order for, against, abstain."""
    ballots, i = {}, 0
    for choice in ("for", "against", "abstain"):
        for _ in range(counts.get(choice, 0)):
            ballots[f"u{i}"] = choice
            i += 1
    return ballots


def test_exactly_two_thirds_taking_part_is_a_quorum():
    result = tally.tally("ordinary", equal_units(3), votes(**{"for": 2}))
    assert result["quorate"] and result["outcome"] == PASSED
    assert result["participating"] == {"area_m2": "200.00", "units": 2, "area_share": "2/3",
                                       "units_share": "2/3"}


def test_one_unit_short_of_two_thirds_is_no_quorum_however_they_vote():
    result = tally.tally("ordinary", equal_units(30), votes(**{"for": 19}))
    assert not result["quorate"]
    assert result["outcome"] == NO_QUORUM and not result["carried"]


def test_exactly_half_of_the_participants_for_an_ordinary_matter_is_not_enough():
    result = tally.tally("ordinary", equal_units(4), votes(**{"for": 2, "against": 2}))
    assert result["quorate"] and result["outcome"] == REJECTED
    assert result["for"]["units_share"] == result["for"]["area_share"] == "1/2"


def test_one_more_than_half_carries_an_ordinary_matter():
    result = tally.tally("ordinary", equal_units(6), votes(**{"for": 4, "against": 2}))
    assert result["outcome"] == PASSED


def test_abstentions_count_as_taking_part_but_not_as_for():
    result = tally.tally("ordinary", equal_units(4), votes(**{"for": 2, "abstain": 2}))
    assert result["quorate"] and result["outcome"] == REJECTED
    assert result["abstain"]["units"] == 2


def test_exactly_three_quarters_carries_a_special_matter():
    result = tally.tally("change_common_parts_use", equal_units(4), votes(**{"for": 3, "against": 1}))
    assert result["special"] and result["outcome"] == PASSED
    assert result["for"]["units_share"] == "3/4"


def test_just_under_three_quarters_fails_a_special_matter_that_would_pass_as_ordinary():
    units, ballots = equal_units(100), votes(**{"for": 74, "against": 26})
    assert tally.tally("raise_maintenance_funds", units, ballots)["outcome"] == REJECTED
    assert tally.tally("ordinary", units, ballots)["outcome"] == PASSED


def test_a_majority_of_area_without_a_majority_of_owners_fails():
    units = {"big": 30000, "a": 5000, "b": 5000}
    result = tally.tally("ordinary", units, {"big": "for", "a": "against", "b": "against"})
    assert result["for"]["area_share"] == "3/4" and result["for"]["units_share"] == "1/3"
    assert result["outcome"] == REJECTED


def test_a_majority_of_owners_without_a_majority_of_area_fails():
    units = {"big": 30000, "a": 5000, "b": 5000}
    result = tally.tally("ordinary", units, {"big": "against", "a": "for", "b": "for"})
    assert result["for"]["units_share"] == "2/3" and result["for"]["area_share"] == "1/4"
    assert result["outcome"] == REJECTED


def test_enough_owners_but_too_little_area_is_no_quorum():
    units = {"big": 30000, "a": 5000, "b": 5000}
    result = tally.tally("ordinary", units, {"a": "for", "b": "for"})
    assert result["participating"]["units_share"] == "2/3"
    assert result["participating"]["area_share"] == "1/4"
    assert result["outcome"] == NO_QUORUM


def test_areas_are_exact_hundredths_so_float_noise_cannot_cross_a_threshold():
    assert tally.centi_m2(0.1) + tally.centi_m2(0.2) == tally.centi_m2(0.3) == 30
    assert tally.centi_m2("89.455") == 8946 and tally.m2(8946) == "89.46"
    with pytest.raises(ValueError):
        tally.centi_m2(0)


def test_ballots_of_units_that_are_not_eligible_are_ignored():
    result = tally.tally("ordinary", equal_units(3), {"u0": "for", "u1": "for", "stranger": "against"})
    assert result["participating"]["units"] == 2 and result["against"]["units"] == 0


def test_the_result_states_every_figure_it_used():
    result = tally.tally("rebuild", {"u0": 8946, "u1": 12000}, {"u0": "for"})
    assert result["total"] == {"area_m2": "209.46", "units": 2}
    assert set(result) >= {"matter", "rule", "total", "participating", "for", "against", "abstain",
                           "quorate", "carried", "outcome"}


def test_an_unknown_matter_is_refused():
    with pytest.raises(ValueError):
        tally.tally("coup", equal_units(1), {})


def reference(matter, units, ballots):
    """Article 278 read straight off the text, with Fractions, independent of the module."""
    voters = [u for u in ballots if u in units]
    if not units:
        return NO_QUORUM
    total_area = sum(units.values())
    area = sum(units[u] for u in voters)
    if Fraction(area, total_area) < Fraction(2, 3) or Fraction(len(voters), len(units)) < Fraction(2, 3):
        return NO_QUORUM
    yes = [u for u in voters if ballots[u] == "for"]
    area_share = Fraction(sum(units[u] for u in yes), area)
    head_share = Fraction(len(yes), len(voters))
    if matter == "ordinary":
        ok = area_share > Fraction(1, 2) and head_share > Fraction(1, 2)
    else:
        ok = area_share >= Fraction(3, 4) and head_share >= Fraction(3, 4)
    return PASSED if ok else REJECTED


unit_sets = st.dictionaries(st.text("abcdef", min_size=1, max_size=3),
                            st.integers(min_value=1, max_value=30000), min_size=1, max_size=12)


@st.composite
def elections(draw):
    units = draw(unit_sets)
    voters = draw(st.lists(st.sampled_from(sorted(units)), unique=True))
    ballots = {u: draw(st.sampled_from(tally.CHOICES)) for u in voters}
    return draw(st.sampled_from(tally.MATTERS)), units, ballots


@settings(max_examples=500, deadline=None)
@given(elections())
def test_the_tally_agrees_with_a_reference_reading_of_article_278(election):
    matter, units, ballots = election
    assert tally.tally(matter, units, ballots)["outcome"] == reference(matter, units, ballots)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.sampled_from(tally.MATTERS), st.data())
def test_equal_units_sit_exactly_on_the_thresholds_the_reference_draws(n, matter, data):
    taking_part = data.draw(st.integers(min_value=0, max_value=n))
    in_favour = data.draw(st.integers(min_value=0, max_value=taking_part))
    ballots = votes(**{"for": in_favour, "against": taking_part - in_favour})
    assert tally.tally(matter, equal_units(n), ballots)["outcome"] == reference(matter, equal_units(n), ballots)


@settings(max_examples=300, deadline=None)
@given(elections(), st.data())
def test_turning_a_ballot_into_for_never_turns_a_pass_into_a_failure(election, data):
    matter, units, ballots = election
    if not ballots:
        return
    unit = data.draw(st.sampled_from(sorted(ballots)))
    before = tally.tally(matter, units, ballots)["outcome"]
    after = tally.tally(matter, units, {**ballots, unit: "for"})["outcome"]
    assert not (before == PASSED and after != PASSED)
