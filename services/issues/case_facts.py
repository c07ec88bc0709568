"""The three rates from compact case facts: what `domain.rates_by` computes, in one pass over plain lists.

A bucket keeps, beside its rows, each case's facts as a short list with times in epoch
milliseconds, because decoding and counting 15,000 of them must stay well under the
rates' 200 ms budget; a property test holds this module equal to `domain.rates`.
"""
import statistics
from datetime import datetime, timezone

from services.issues import domain

COMMUNITY, PARTY, CATEGORY, GRID, STATUS, UNREASONABLE = range(6)
CREATED, RESPOND_BY, RESOLVE_BY, RESPONDED, RESOLVED, SCORES = range(6, 12)
BY = {"community": COMMUNITY, "party": PARTY, "category": CATEGORY, "grid": GRID}


def ms(text):
    """Epoch milliseconds of a row's ISO time, or None."""
    return None if text is None else round(datetime.fromisoformat(text).timestamp() * 1000)


def ms_of(moment):
    return None if moment is None else round(moment.astimezone(timezone.utc).timestamp() * 1000)


def fact_of(row):
    """A row's facts: `[community, party, category, grid, status, unreasonable, times…, scores]`."""
    return [row["community_id"], row["party"], row["category"], row["location"].get("grid_id"), row["status"],
            row["unreasonable"], *(ms(row[t]) for t in ("created_at", "respond_by", "resolve_by", "responded_at",
                                                        "resolved_at")),
            [score for _, score in row["scores"].values()]]


def any_match(facts, filters, before, now):
    """True if a case of these facts passes the list filters and is older than `before`: else skip its bucket."""
    before, now = ms_of(before), ms_of(now)
    wanted = [(i, filters.get(name)) for i, name in ((STATUS, "status"), (CATEGORY, "category"), (PARTY, "party"),
                                                     (GRID, "grid_id")) if filters.get(name)]
    late = filters.get("overdue")
    for f in facts:
        if (before is None or f[CREATED] < before) and all(f[i] == v for i, v in wanted) and (
                late is None or late == bool(domain.overdue_limits(f[STATUS], now, f[RESPOND_BY], f[RESOLVE_BY],
                                                                   f[RESPONDED] is not None))):
            return True
    return False


def kinds_match(kinds, filters):
    """True if a bucket's kinds (`[status, category, party, grid]` that occur) hold one the filters pass."""
    wanted = [(i, filters.get(name)) for i, name in enumerate(("status", "category", "party", "grid_id"))
              if filters.get(name)]
    return any(all(kind[i] == v for i, v in wanted) for kind in kinds)


def settled(f):
    """True if a case's share of the rates no longer depends on the time they are asked."""
    return bool(f[UNREASONABLE]) or f[STATUS] == domain.MERGED or (
        f[STATUS] not in domain.OPEN and f[RESPONDED] is not None)


def summary(facts):
    """What a bucket adds to the rates and the filters: `{kinds, loose, tally_<by>…}`.

    `kinds` lists the `[status, category, party, grid]` that occur; `loose` the facts of
    cases not yet settled; `tally_<by>` the settled cases' `Tally.state()` per group.
    """
    kinds, loose, combined = set(), [], {}
    for f in facts:
        kinds.add((f[STATUS], f[CATEGORY], f[PARTY], f[GRID]))
        if not settled(f):
            loose.append(f)
            continue
        combination = tuple(f[key] or "" for key in BY.values())
        if combination not in combined:
            combined[combination] = Tally()
        combined[combination].add(f, None)
    tallies = {by: {} for by in BY}
    for combination, tally in combined.items():  # each case counted once, then its combination's tally per grouping
        for (by, groups), group in zip(tallies.items(), combination):
            groups[group] = groups[group].merge(tally) if group in groups else Tally().merge(tally)
    return {"kinds": sorted(kinds, key=repr), "loose": loose,
            **{f"tally_{by}": {group: t.state() for group, t in groups.items()} for by, groups in tallies.items()}}


def _hours(start, end):
    return (end - start) * 1000 / 10 ** 6 / 3600  # as timedelta.total_seconds() / 3600 computes it


def _late(f, now):
    finished = f[RESOLVED] or (now if f[STATUS] in domain.OPEN else None)
    return (f[RESPONDED] or now) > f[RESPOND_BY] or (finished is not None and finished > f[RESOLVE_BY])


class Tally:
    """The running counts of one group."""

    def __init__(self):
        self.cases = self.on_time = self.satisfied = self.ratings = self.overdue = self.unreasonable = 0
        self.response, self.resolution = [], []

    def add(self, f, now):
        if f[UNREASONABLE]:
            self.unreasonable += 1
            return
        if f[STATUS] == domain.MERGED:
            return
        self.cases += 1
        self.ratings += len(f[SCORES])
        self.satisfied += sum(1 for s in f[SCORES] if s >= domain.SATISFIED_FROM)
        self.overdue += _late(f, now)
        if f[RESPONDED] is not None:
            self.on_time += f[RESPONDED] <= f[RESPOND_BY]
            self.response.append(_hours(f[CREATED], f[RESPONDED]))
        if f[RESOLVED] is not None:
            self.resolution.append(_hours(f[CREATED], f[RESOLVED]))

    def state(self):
        """The counts as a plain list, to be stored and read back by `of`."""
        return [self.cases, self.on_time, self.satisfied, self.ratings, self.overdue, self.unreasonable,
                self.response, self.resolution]

    @classmethod
    def of(cls, state):
        tally = cls()
        (tally.cases, tally.on_time, tally.satisfied, tally.ratings, tally.overdue, tally.unreasonable,
         tally.response, tally.resolution) = state
        return tally

    def merge(self, other):
        """Add another group's counts to these (the total is the sum of the groups)."""
        for name in ("cases", "on_time", "satisfied", "ratings", "overdue", "unreasonable"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.response += other.response
        self.resolution += other.resolution
        return self

    def figures(self):
        share = lambda part, whole: round(part / whole, 4) if whole else None  # noqa: E731
        median = lambda values: round(statistics.median(values), 2) if values else None  # noqa: E731
        return {"cases": self.cases, "response_rate": share(self.on_time, self.cases),
                "resolution_rate": share(len(self.resolution), self.cases),
                "satisfaction_rate": share(self.satisfied, self.ratings), "ratings": self.ratings,
                "overdue": self.overdue, "median_response_hours": median(self.response),
                "median_resolution_hours": median(self.resolution), "unreasonable": self.unreasonable}


def rates(facts, by, since, until, now, tallies=()):
    """`{by, total, groups}` as `case_rates` answers, of the facts of cases reported in [since, until).

    `tallies` are `summary(...)["tally_<by>"]` of buckets wholly inside the period, added as they are.
    """
    since, until, now = ms_of(since), ms_of(until), ms_of(now)
    groups, key = {}, BY[by]
    for f in facts:
        if (since is not None and f[CREATED] < since) or (until is not None and f[CREATED] >= until):
            continue
        group = f[key] or ""
        if group not in groups:
            groups[group] = Tally()
        groups[group].add(f, now)
    for part in tallies:
        for group, state in part.items():
            groups[group] = groups[group].merge(Tally.of(state)) if group in groups else Tally.of(state)
    total = Tally()
    for tally in groups.values():
        total.merge(tally)
    return {"by": by, "total": total.figures(),
            "groups": [{by: value, **tally.figures()} for value, tally in sorted(groups.items())]}
