"""Entrypoints of the hours ledger: totals per volunteer, team and period, certificates, recognition."""
import base64
from datetime import date, datetime, timezone

from nameko.rpc import rpc

from services.common.errors import load
from services.volunteers import certificate, domain
from services.volunteers.dependencies import RotaStore
from services.volunteers.exceptions import InvalidInput
from services.volunteers.schemas import HoursQuerySchema
from services.volunteers.templates import LOCAL


def totals(entries):
    """Seconds, hours, shifts and residents served, summed from ledger entries."""
    seconds = sum(e.seconds for e in entries)
    return {"seconds": seconds, "hours": domain.hours(seconds), "served": sum(e.served for e in entries),
            "shifts": sum(1 for e in entries if e.kind == "shift")}


def year_bounds(year):
    """[1 January, 1 January next) of a local year, as UTC instants."""
    if not 2000 <= int(year) <= 2100:
        raise InvalidInput({"year": ["a year between 2000 and 2100"]})
    start = datetime(int(year), 1, 1, tzinfo=LOCAL).astimezone(timezone.utc)
    return start, datetime(int(year) + 1, 1, 1, tzinfo=LOCAL).astimezone(timezone.utc)


class Hours:
    """Mixed into VolunteersService; its dependencies are the service's."""

    rota = RotaStore()

    @rpc
    def hours(self, payload):
        """Totals of the ledger for a community, narrowed to a volunteer, a team and a period."""
        query = load(HoursQuerySchema(), payload)
        if query["team_id"]:
            self.rota.team(query["team_id"])
        return {**{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in query.items()},
                **totals(self.rota.ledger(**query))}

    @rpc
    def community_hours(self, community_ids, since=None, until=None):
        """Volunteer hours per community for the town view: {community_id: totals}."""
        query = {"since": since, "until": until}
        period = load(HoursQuerySchema(), {"community_id": "town", **{k: v for k, v in query.items() if v}})
        return {cid: totals(self.rota.ledger(cid, since=period["since"], until=period["until"]))
                for cid in community_ids}

    @rpc
    def recognition(self, community_id, year, limit=20):
        """The community's volunteers by hours served in a local year, most first."""
        since, until = year_bounds(year)
        per_volunteer = {}
        for entry in self.rota.ledger(community_id, since=since, until=until):
            per_volunteer.setdefault(entry.volunteer_id, []).append(entry)
        names = {v.account_id: v.display_name for v in self.rota.volunteers(community_id)}
        ranked = sorted(({"volunteer_id": who, "display_name": names.get(who, ""), **totals(entries)}
                         for who, entries in per_volunteer.items()), key=lambda r: (-r["seconds"], -r["served"]))
        return ranked[:limit]

    @rpc
    def certificate(self, community_id, account_id, year, community_name=None):
        """A year's certificate of service: {filename, content_type, pdf (base64)}."""
        volunteer = self.rota.volunteer(community_id, account_id)
        since, until = year_bounds(year)
        sums = totals(self.rota.ledger(community_id, volunteer_id=account_id, since=since, until=until))
        pdf = certificate.render(volunteer.display_name or account_id, community_name or community_id, year,
                                 sums["hours"], sums["shifts"], sums["served"],
                                 date.today().isoformat())
        return {"filename": f"certificate-{year}-{account_id}.pdf", "content_type": "application/pdf",
                "pdf": base64.b64encode(pdf).decode("ascii"), **sums}
