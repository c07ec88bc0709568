"""I/O of the issues service behind a few verbs."""
from bson import ObjectId
from bson.errors import InvalidId
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.issues.exceptions import IssueNotFound
from services.issues.models import Issue


class IssueRepository:
    def new(self, **fields):
        return Issue(id=ObjectId(), **fields)

    def submitted(self, submission_key):
        """The issue an earlier delivery of the same submission created, if any."""
        return Issue.objects(submission_key=submission_key).first()

    def get(self, issue_id):
        try:
            issue = Issue.objects(id=ObjectId(issue_id)).first()
        except InvalidId:
            issue = None
        if issue is None:
            raise IssueNotFound(issue_id)
        return issue


class Issues(DependencyProvider):
    """The service's issue documents, on its own connection."""

    store = Store()

    def get_dependency(self, worker_ctx):
        return IssueRepository()
