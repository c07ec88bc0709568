"""Entrypoints of case handling: a resident's report and every move made on it."""
import base64
import uuid
from datetime import datetime

from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.common.errors import load
from services.issues import case_rows, domain
from services.issues.case_schemas import (AssignSchema, DuplicateQuerySchema, JoinSchema, ListSchema,
                                          MergeSchema, MoveSchema, ReasonedMoveSchema)
from services.issues.case_base import CaseBase, dump_issue, utcnow
from services.issues.exceptions import Conflict, IllegalMove, InvalidInput
from services.issues.schemas import IssueReportedSchema, ReportIssueSchema


class CaseHandling(CaseBase):
    """Mixed into IssuesService: report, read, list, and move cases."""

    @rpc
    def report_issue(self, payload):
        report = load(ReportIssueSchema(), payload)
        report["submission_key"] = report["submission_key"] or uuid.uuid4().hex
        now = utcnow()  # no look-up first (a scan of every case): the unique insert below tells a repeat
        limits = domain.limits_for(self.issues.limits(report["community_id"]), report["category"])
        photos = report.pop("photos")
        issue = self.issues.new(**report, status=domain.SUBMITTED, created_at=now,
                                photos=[{"n": n, "content_type": p["content_type"], "size": len(p["raw"])}
                                        for n, p in enumerate(photos)],
                                follower_ids=[report["reporter_id"]],
                                respond_by=domain.respond_by(now, limits), resolve_by=domain.resolve_by(now, limits),
                                timeline=[domain.timeline_entry("reported", report["reporter_id"],
                                                                domain.SUBMITTED, at=now)])
        self.issues.save_photos(issue.id, photos)
        try:
            self._save_reported(issue)
        except NotUniqueError:  # an earlier or concurrent delivery of the same submission won
            self.issues.drop_photos(issue.id, len(photos))
            return dump_issue(self.issues.submitted(report["submission_key"]))
        self.read_model.refresh(issue.to_mongo().to_dict())
        self._follow(issue.id, report["reporter_id"])
        return dump_issue(issue)

    @rpc
    def get_issue(self, issue_id):
        return dump_issue(self.issues.get(issue_id))

    @rpc
    def get_issue_photo(self, issue_id, n):
        """One photo of a report: `{content_type, data}` with the bytes in base64."""
        photo = self.issues.photo(issue_id, n)
        return {"content_type": photo.content_type, "data": base64.b64encode(photo.data).decode()}

    @rpc
    def list_issues(self, query):
        """A community's cases newest first, from the read model, filtered; `before` (a created_at) pages on."""
        query = load(ListSchema(), query)
        filters = {k: query[k] for k in ("status", "category", "party", "grid_id", "overdue")}
        now = utcnow()
        buckets = self.read_model.walk(query["community_id"], query["before"], filters, now)
        found = case_rows.page_of(buckets, filters, query["before"], query["limit"], now)
        return [case_rows.listed(row) for row in found]

    @rpc
    def find_duplicates(self, query):
        """Open cases of the same category near a place: what a new reporter may join instead."""
        query = load(DuplicateQuerySchema(), query)
        buckets = self.read_model.walk(query["community_id"], filters={"category": query["category"]}, now=utcnow())
        found = domain.duplicate_candidates(query["category"], query["location"], open_rows(buckets))
        return [{"id": c["id"], "title": c["title"], "status": c["status"],
                 "created_at": c["created_at"].isoformat()} for c in found[:10]]

    @rpc
    def join_issue(self, payload):
        """"Me too": the account follows an open case and is told of every step."""
        data = load(JoinSchema(), payload)
        issue = self.issues.get(data["issue_id"], data["community_id"])
        if data["account_id"] in issue.follower_ids:
            return dump_issue(issue)
        if issue.status not in domain.OPEN:
            raise IllegalMove(str(issue.id), issue.status, "joined")
        followers = domain.add_followers(issue.follower_ids, data["account_id"])
        joined = self._case_note(issue, "joined", data["account_id"], follower_ids=followers)
        self._follow(issue.id, data["account_id"])
        return dump_issue(joined)

    @rpc
    def accept_issue(self, payload):
        data, issue = self._case_load(MoveSchema(), payload)
        return dump_issue(self._case_move(issue, domain.ACCEPTED, "accepted", data["actor_id"], data["note"],
                                     responded_at=issue.responded_at or utcnow()))

    @rpc
    def reject_issue(self, payload):
        """Reject with a reason the resident sees."""
        data, issue = self._case_load(ReasonedMoveSchema(), payload)
        return dump_issue(self._case_move(issue, domain.REJECTED, "rejected", data["actor_id"], data["note"],
                                     rejection_reason=data["note"], responded_at=issue.responded_at or utcnow()))

    @rpc
    def assign_issue(self, payload):
        """Assign to a party and handler group (by default the routing table's); again = reassign, with a reason."""
        data, issue = self._case_load(AssignSchema(), payload)
        reassign = issue.status == domain.ASSIGNED
        if reassign and not data["note"]:
            raise InvalidInput({"note": ["A reassignment needs a reason."]})
        route = domain.route(self.issues.routes(issue.community_id), issue.category, issue.location.grid_id)
        party = data["party"] or route.party
        group = data["handler_group"] or (route.handler_group if party == route.party else domain.DEFAULT_GROUP[party])
        return dump_issue(self._case_move(issue, domain.ASSIGNED, "reassigned" if reassign else "assigned",
                                     data["actor_id"], data["note"], party=party, handler_group=group))

    @rpc
    def start_issue(self, payload):
        data, issue = self._case_load(MoveSchema(), payload)
        return dump_issue(self._case_move(issue, domain.IN_PROGRESS, "started", data["actor_id"], data["note"]))

    @rpc
    def resolve_issue(self, payload):
        data, issue = self._case_load(MoveSchema(), payload)
        if open_items := self.issues.open_action_items(str(issue.id)):
            raise Conflict("the case's action items are not all done", issue_id=str(issue.id),
                           open_action_items=open_items)
        return dump_issue(self._case_move(issue, domain.RESOLVED, "resolved", data["actor_id"], data["note"],
                                     resolved_at=utcnow()))

    @rpc
    def close_issue(self, payload):
        data, issue = self._case_load(MoveSchema(), payload)
        return dump_issue(self._case_move(issue, domain.CLOSED, "closed", data["actor_id"], data["note"]))

    @rpc
    def reopen_issue(self, payload):
        data, issue = self._case_load(ReasonedMoveSchema(), payload)
        return dump_issue(self._case_move(issue, domain.REOPENED, "reopened", data["actor_id"], data["note"],
                                     reopen_count=issue.reopen_count + 1, resolved_at=None))

    @rpc
    def merge_issue(self, payload):
        """Merge a case into another open case of the community; its followers follow that one."""
        data, issue = self._case_load(MergeSchema(), payload)
        target = self.issues.get(data["into_id"], data["community_id"])
        if target.id == issue.id or target.status not in domain.OPEN:
            raise IllegalMove(str(target.id), target.status, "merged into")
        self._case_move(issue, domain.MERGED, "merged", data["actor_id"], data["note"], merged_into=str(target.id))
        merged = self._case_note_retrying(target, "merged_in", data["actor_id"], str(issue.id), changes=lambda t: {
            "follower_ids": domain.add_followers(t.follower_ids, *issue.follower_ids)})
        self._follow(target.id, *issue.follower_ids)
        return dump_issue(merged)

    def _case_load(self, schema, payload):
        data = load(schema, payload)
        return data, self.issues.get(data["issue_id"], data["community_id"])

    def _save_reported(self, issue):
        self.outbox.save(issue, self.outbox.event("issue_reported", IssueReportedSchema().load({
            "issue_id": str(issue.id), "community_id": issue.community_id,
            "reporter_id": issue.reporter_id, "category": issue.category, "title": issue.title,
            "building_id": issue.location.building_id, "grid_id": issue.location.grid_id,
        }), subject=str(issue.id)))


def open_rows(buckets):
    """The open cases among read-model rows, as the duplicate check reads them (times as datetimes)."""
    return [{**row, "created_at": datetime.fromisoformat(row["created_at"])}
            for rows in buckets for row in rows if row["status"] in domain.OPEN]
