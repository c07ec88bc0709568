"""Entrypoints of what follows a resolution: ratings, classification, and the three rates."""
from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.common.errors import load
from services.issues import case_facts, domain
from services.issues.case_base import CaseBase, dump_issue, utcnow
from services.issues.case_schemas import ClassifySchema, RateSchema, RatesQuerySchema
from services.issues.exceptions import Conflict, Forbidden, IllegalMove
from services.issues.models import Rating
from services.issues.schemas import IssueRatedSchema


class CaseRatings(CaseBase):
    """Mixed into IssuesService: reporters rate, staff classify, everyone reads the rates."""

    @rpc
    def rate_issue(self, payload):
        """A follower rates the resolution 1–5, once per resolution; an unhappy score reopens it once."""
        data = load(RateSchema(), payload)
        issue = self.issues.get(data["issue_id"], data["community_id"])
        if data["account_id"] not in issue.follower_ids:
            raise Forbidden("only the case's reporters may rate it", issue_id=str(issue.id))
        if issue.status not in (domain.RESOLVED, domain.CLOSED):
            raise IllegalMove(str(issue.id), issue.status, "rated")
        reopens = domain.reopens_on(data["score"], issue.status, issue.reopen_count)
        self._case_save_rating(issue, data, reopens)
        self.read_model.rate(issue.to_mongo().to_dict(), data["account_id"], issue.reopen_count, data["score"])
        if reopens:
            issue = self._case_move(issue, domain.REOPENED, "reopened", data["account_id"],
                               f"rated {data['score']}/5", reopen_count=issue.reopen_count + 1, resolved_at=None)
        return dump_issue(issue)

    def _case_save_rating(self, issue, data, reopens):
        rating = Rating(id=f"{issue.id}:{data['account_id']}:{issue.reopen_count}", issue_id=str(issue.id),
                        community_id=issue.community_id, account_id=data["account_id"],
                        round=issue.reopen_count, score=data["score"], comment=data["comment"], at=utcnow())
        event = self.outbox.event("issue_rated", IssueRatedSchema().load({
            "issue_id": str(issue.id), "community_id": issue.community_id, "title": issue.title,
            "account_id": data["account_id"], "score": data["score"], "reopens": reopens,
            "party": issue.party}), subject=str(issue.id))
        try:
            self.outbox.save(rating, event)
        except NotUniqueError:
            raise Conflict("this resolution is already rated by you", issue_id=str(issue.id)) from None

    @rpc
    def classify_issue(self, payload):
        """Staff mark a report unreasonable (or not): it is then kept out of the rates."""
        data = load(ClassifySchema(), payload)
        issue = self.issues.get(data["issue_id"], data["community_id"])
        action = "classified_unreasonable" if data["unreasonable"] else "classified_reasonable"
        return dump_issue(self._case_note(issue, action, data["actor_id"], data["note"],
                                          unreasonable=data["unreasonable"]))

    @rpc
    def case_rates(self, query):
        """The three rates, overdue counts and median hours per community, party, category or grid."""
        query = load(RatesQuerySchema(), query)
        buckets = self.read_model.bucket_keys(list(dict.fromkeys(query["community_ids"])), query["since"], query["until"])
        facts, tallies = self.read_model.rate_parts(buckets, query["by"], query["since"], query["until"])
        return case_facts.rates(facts, query["by"], query["since"], query["until"], utcnow(), tallies)
