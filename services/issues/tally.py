"""Pure rules of an owners' assembly vote under PRC Civil Code Article 278.

One vote per unit, weighted by the unit's floor area; the headcount of owners is counted
by unit. Areas are integers in hundredths of a square metre and every comparison is made
by integer cross-multiplication, so no rounding can move a result across a threshold.
"""
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ORDINARY = "ordinary"
SPECIAL_MATTERS = ("raise_maintenance_funds", "rebuild", "change_common_parts_use",
                   "business_on_common_parts")
MATTERS = (ORDINARY, *SPECIAL_MATTERS)
CHOICES = ("for", "against", "abstain")

QUORUM = Fraction(2, 3)  # at least, of both the total area and the total owners
ORDINARY_MAJORITY = Fraction(1, 2)  # more than, of the participating area and owners
SPECIAL_MAJORITY = Fraction(3, 4)  # at least, of the participating area and owners

PASSED, REJECTED, NO_QUORUM = "passed", "rejected", "no_quorum"


def centi_m2(area_m2):
    """A floor area in m² (number or string) as an integer count of 0.01 m²."""
    hundredths = (Decimal(str(area_m2)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if hundredths <= 0:
        raise ValueError(f"a floor area must be positive, not {area_m2}")
    return int(hundredths)


def m2(centi):
    """Hundredths of a m² shown as an exact decimal string, e.g. 12345 -> '123.45'."""
    return f"{centi // 100}.{centi % 100:02d}"


def at_least(part, whole, share):
    return part * share.denominator >= whole * share.numerator


def more_than(part, whole, share):
    return part * share.denominator > whole * share.numerator


def _sums(units, ballots):
    """Area and unit count per choice, from the ballots of eligible units only."""
    sums = {choice: [0, 0] for choice in CHOICES}
    for unit_id, choice in ballots.items():
        if unit_id in units:
            sums[choice][0] += units[unit_id]
            sums[choice][1] += 1
    return sums


def _share(part, whole):
    return str(Fraction(part, whole)) if whole else "0"


def tally(matter, units, ballots):
    """The outcome of a vote and every figure it used.

    `units` maps each eligible unit id to its floor area in 0.01 m²; `ballots` maps a
    unit id to its latest choice. Ballots of units not eligible are ignored.
    """
    if matter not in MATTERS:
        raise ValueError(f"unknown matter {matter}")
    sums = _sums(units, ballots)
    total_area, total_units = sum(units.values()), len(units)
    area = sum(s[0] for s in sums.values())
    count = sum(s[1] for s in sums.values())
    for_area, for_count = sums["for"]
    quorate = (total_units > 0 and at_least(area, total_area, QUORUM)
               and at_least(count, total_units, QUORUM))
    if matter == ORDINARY:
        carried = (more_than(for_area, area, ORDINARY_MAJORITY)
                   and more_than(for_count, count, ORDINARY_MAJORITY))
    else:
        carried = (at_least(for_area, area, SPECIAL_MAJORITY)
                   and at_least(for_count, count, SPECIAL_MAJORITY))
    outcome = NO_QUORUM if not quorate else (PASSED if carried else REJECTED)
    return {
        "matter": matter, "special": matter != ORDINARY, "outcome": outcome,
        "rule": {"quorum": "at least 2/3 of the total area and at least 2/3 of the owners",
                 "majority": ("more than 1/2" if matter == ORDINARY else "at least 3/4")
                 + " of the participating area and of the participating owners"},
        "total": {"area_m2": m2(total_area), "units": total_units},
        "participating": {"area_m2": m2(area), "units": count,
                          "area_share": _share(area, total_area), "units_share": _share(count, total_units)},
        **{choice: {"area_m2": m2(a), "units": n, "area_share": _share(a, area),
                    "units_share": _share(n, count)} for choice, (a, n) in sums.items()},
        "quorate": quorate, "carried": quorate and carried,
    }
