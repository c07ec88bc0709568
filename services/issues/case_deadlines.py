"""Entrypoints of routing and time limits: the community's tables, and the overdue timer."""
import logging

from mongoengine import NotUniqueError
from nameko.rpc import rpc
from nameko.timer import Timer

from services.common import config
from services.common.errors import load
from services.issues import domain
from services.issues.case_base import CaseBase, utcnow
from services.issues.case_schemas import LimitSchema, RouteSchema
from services.issues.models import OverdueNotice
from services.issues.schemas import IssueOverdueSchema

log = logging.getLogger(__name__)
ESCALATE_TO = ["community_admin"]


class OverdueTimer(Timer):
    """nameko's timer, its interval read at setup from LINLI_OVERDUE_INTERVAL (seconds, default 300)."""

    def setup(self):
        self.interval = float(config.env("LINLI_OVERDUE_INTERVAL", self.interval))


overdue_timer = OverdueTimer.decorator


class CaseDeadlines(CaseBase):
    """Mixed into IssuesService: who handles what, by when, and what is late."""

    @rpc
    def set_route(self, payload):
        """Route a category (or `*`) in a micro-grid (or `*`) to a party and handler group."""
        self.issues.save_route(**load(RouteSchema(), payload))
        return self.get_routing(payload["community_id"])

    @rpc
    def set_time_limit(self, payload):
        self.issues.save_limits(**load(LimitSchema(), payload))
        return self.get_routing(payload["community_id"])

    @rpc
    def get_routing(self, community_id):
        """The community's routing rules and time limits, with the built-in defaults."""
        routes = self.issues.routes(community_id)
        limits = self.issues.limits(community_id)
        return {"routes": [{"category": c, "grid_id": g, "party": r.party, "handler_group": r.handler_group}
                           for (c, g), r in sorted(routes.items())],
                "limits": [{"category": c, **vars(domain.limits_for(limits, c))} for c in domain.CATEGORIES]}

    @overdue_timer(interval=300)
    def flag_overdue(self):
        """Emit `issue_overdue` once per case and passed limit, whichever instance gets there first."""
        now = utcnow()
        flagged = 0
        cases = self.issues.open_everywhere()
        known = self.issues.overdue_notices([str(case["_id"]) for case in cases])
        for case in cases:
            for limit in domain.overdue_limits(case["status"], now, case["respond_by"], case["resolve_by"],
                                               case.get("responded_at") is not None):
                if f"{case['_id']}:{limit}" not in known:  # a shortcut only: the insert decides
                    flagged += self._case_flag_overdue(case, limit, now)
        if flagged:
            log.info("overdue cases flagged", extra={"count": flagged})
        return flagged

    def _case_flag_overdue(self, case, limit, now):
        """Insert the case's one notice for this limit, its event inside; a second insert fails."""
        due = case["respond_by"] if limit == "respond" else case["resolve_by"]
        notice = OverdueNotice(id=f"{case['_id']}:{limit}", issue_id=str(case["_id"]),
                               community_id=case["community_id"], limit=limit, at=now)
        data = IssueOverdueSchema().load({
            "issue_id": str(case["_id"]), "community_id": case["community_id"], "title": case["title"],
            "category": case["category"], "limit": limit, "due_at": due.isoformat(), "party": case.get("party"),
            "follower_ids": case.get("follower_ids", []), "escalate_to_roles": ESCALATE_TO})
        try:
            self.outbox.save(notice, self.outbox.event("issue_overdue", data, subject=str(case["_id"])))
        except NotUniqueError:
            return 0
        return 1
