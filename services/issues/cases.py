"""Entrypoints of case handling: a resident's report and everything done about it."""
import uuid
from datetime import datetime, timezone

from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.common.dependencies import EventOutbox, RequestContext
from services.common.errors import load
from services.issues import domain
from services.issues.dependencies import Issues
from services.issues.schemas import IssueReportedSchema, IssueSchema, ReportIssueSchema


class CaseHandling:
    """Mixed into IssuesService; its dependencies are the service's."""

    issues = Issues()
    outbox = EventOutbox()
    context = RequestContext()

    @rpc
    def report_issue(self, payload):
        report = load(ReportIssueSchema(), payload)
        report["submission_key"] = report["submission_key"] or uuid.uuid4().hex
        if (earlier := self.issues.submitted(report["submission_key"])) is not None:
            return dump_issue(earlier)
        now = datetime.now(timezone.utc)
        issue = self.issues.new(**report, status=domain.SUBMITTED, created_at=now, timeline=[
            domain.timeline_entry("reported", report["reporter_id"], domain.SUBMITTED, at=now)])
        try:
            self._save_reported(issue)
        except NotUniqueError:  # a concurrent delivery of the same submission won
            return dump_issue(self.issues.submitted(report["submission_key"]))
        return dump_issue(issue)

    @rpc
    def get_issue(self, issue_id):
        return dump_issue(self.issues.get(issue_id))

    def _save_reported(self, issue):
        self.outbox.save(issue, self.outbox.event("issue_reported", IssueReportedSchema().load({
            "issue_id": str(issue.id), "community_id": issue.community_id,
            "reporter_id": issue.reporter_id, "category": issue.category, "title": issue.title,
            "building_id": issue.location.building_id, "grid_id": issue.location.grid_id,
        }), subject=str(issue.id)))


def dump_issue(issue):
    return IssueSchema().dump({**issue.to_mongo().to_dict(), "id": str(issue.id),
                               "location": issue.location.to_mongo().to_dict()})
