"""A resident's own cases: those reported, joined with "me too" or merged into, newest followed first."""
from nameko.rpc import rpc

from services.common.errors import load
from services.issues.case_base import CaseBase, dump_issue
from services.issues.case_schemas import MyListSchema
from services.issues.exceptions import NotFound
from services.issues.models import FollowedCases


class MyCases(CaseBase):
    """Mixed into IssuesService: the per-account list of followed cases, kept by the writes that add followers."""

    def _follow(self, issue_id, *account_ids):
        """Each account now follows the case; `$addToSet` on its own document, so repeats change nothing."""
        for account_id in dict.fromkeys(account_ids):
            FollowedCases.objects(id=account_id).update_one(add_to_set__issue_ids=str(issue_id), upsert=True)

    @rpc
    def list_my_issues(self, query):
        """`{items, offset}`: a page of the account's cases, newest followed first; `offset` of the next page or None."""
        query = load(MyListSchema(), query)
        followed = FollowedCases.objects(id=query["account_id"]).first()
        ids = list(reversed(followed.issue_ids)) if followed else []
        items, at = [], query["offset"]
        while at < len(ids) and len(items) < query["limit"]:
            issue = self._followed_issue(ids[at])
            at += 1
            if issue is not None and (not query["status"] or issue.status in query["status"]):
                items.append(dump_issue(issue))
        return {"items": items, "offset": at if at < len(ids) else None}

    def _followed_issue(self, issue_id):
        try:
            return self.issues.get(issue_id)
        except NotFound:
            return None
