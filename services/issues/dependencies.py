"""I/O of the issues service behind a few verbs."""
from datetime import datetime, timedelta, timezone

from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.issues import domain
from services.issues.exceptions import ConcurrentMove, IssueNotFound, NotFound
from services.issues.models import (ActionItem, BucketClaim, BucketFacts, BucketKinds, BucketSums, CaseBucket,
                                   CaseCommunity, CaseMove, IssuePhoto, JointMeeting, Issue, OverdueNotice, Rating,
                                   RoutingRule, TimeLimit)

STALE_CLAIM = timedelta(seconds=30)  # far longer than a move takes between its claim and its write


class IssueRepository:
    def new(self, **fields):
        return Issue(id=ObjectId(), **fields)

    def submitted(self, submission_key):
        """The issue an earlier delivery of the same submission created, if any."""
        return Issue.objects(submission_key=submission_key).first()

    def get(self, issue_id, community_id=None):
        """The issue; NotFound also when it belongs to another community than `community_id`."""
        try:
            issue = Issue.objects(id=ObjectId(issue_id)).first()
        except (InvalidId, TypeError):
            issue = None
        if issue is None or (community_id is not None and issue.community_id != community_id):
            raise IssueNotFound(issue_id)
        return issue

    def save_photos(self, issue_id, photos):
        """Store a report's photos under `<issue id>:<n>`; a redelivered report stores them once."""
        for n, photo in enumerate(photos):
            try:
                IssuePhoto(id=f"{issue_id}:{n}", issue_id=str(issue_id), content_type=photo["content_type"],
                           data=photo["raw"]).save(force_insert=True)
            except NotUniqueError:
                pass

    def drop_photos(self, issue_id, count):
        """Remove the photos stored for a report that lost its insert to an earlier one."""
        for n in range(count):
            IssuePhoto.objects(id=f"{issue_id}:{n}").delete()

    def photo(self, issue_id, n):
        photo = IssuePhoto.objects(id=f"{issue_id}:{n}").first()
        if photo is None:
            raise NotFound(f"no photo {n} of issue {issue_id}", issue_id=issue_id)
        return photo

    def claim(self, issue, seq, entry, changes, event):
        """Take timeline slot `seq` of the case with the write it stands for; of two concurrent moves one gets it."""
        try:
            CaseMove(id=f"{issue.id}:{seq}", issue_id=str(issue.id), action=entry["action"],
                     actor_id=entry["actor_id"], at=entry["at"], entry=entry, changes=changes,
                     event=event).save(force_insert=True)
        except NotUniqueError:
            raise ConcurrentMove(str(issue.id)) from None

    def stale_claim(self, issue_id, seq, grace=STALE_CLAIM):
        """The claim of slot `seq` if it is older than `grace`: its worker has surely died."""
        claim = CaseMove.objects(id=f"{issue_id}:{seq}").first()
        if claim is None or datetime.now(timezone.utc) - claim.at < grace:
            return None
        return claim

    def open_action_items(self, issue_id):
        """Ids of the case's action items not yet done: the case cannot resolve before they are."""
        return [str(i["_id"]) for i in ActionItem.objects(issue_id=issue_id, done_at=None).only("id").as_pymongo()]

    def meeting(self, meeting_id, community_id):
        meeting = _by_object_id(JointMeeting, meeting_id)
        if meeting is None or meeting.community_id != community_id:
            raise NotFound(f"no joint meeting {meeting_id}", meeting_id=meeting_id)
        return meeting

    def action_item(self, item_id, community_id=None):
        item = _by_object_id(ActionItem, item_id)
        if item is None or (community_id is not None and item.community_id != community_id):
            raise NotFound(f"no action item {item_id}", action_item_id=item_id)
        return item

    def action_items(self, issue_id=None, meeting_id=None):
        query = {k: v for k, v in (("issue_id", issue_id), ("meeting_id", meeting_id)) if v}
        return list(ActionItem.objects(**query).order_by("due_at"))

    def mark_done(self, item, by, at):
        """Set the item done once; a second completion changes nothing (same effect, so no race to arbitrate)."""
        if item.done_at is None:
            ActionItem.objects(id=item.id, done_at=None).update_one(set__done_at=at, set__done_by=by)
        return ActionItem.objects(id=item.id).first()

    def routes(self, community_id):
        return {(r.category, r.grid_id): domain.Route(r.party, r.handler_group)
                for r in RoutingRule.objects(community_id=community_id)}

    def save_route(self, community_id, category, grid_id, party, handler_group):
        RoutingRule(id=f"{community_id}:{category}:{grid_id}", community_id=community_id, category=category,
                    grid_id=grid_id, party=party, handler_group=handler_group).save()

    def limits(self, community_id):
        return {t.category: domain.Limits(t.respond_hours, t.resolve_working_days)
                for t in TimeLimit.objects(community_id=community_id)}

    def save_limits(self, community_id, category, respond_hours, resolve_working_days):
        TimeLimit(id=f"{community_id}:{category}", community_id=community_id, category=category,
                  respond_hours=respond_hours, resolve_working_days=resolve_working_days).save()

    def open_cases(self, community_id, category):
        """Open cases of one category, as plain dicts, for the duplicate check."""
        return [_plain(doc) for doc in Issue.objects(community_id=community_id, category=category,
                                                     status__in=sorted(domain.OPEN))
                .only("id", "category", "status", "location", "created_at", "title").as_pymongo()]

    def open_everywhere(self):
        """Every case still open, in any community: what the overdue timer checks."""
        return list(Issue.objects(status__in=sorted(domain.OPEN))
                    .only("id", "community_id", "status", "respond_by", "resolve_by", "responded_at",
                          "title", "category", "party", "follower_ids").as_pymongo())

    def overdue_notices(self, issue_ids):
        """Ids (`<issue>:<limit>`) of the overdue notices already given for these cases."""
        return {n["_id"] for n in OverdueNotice.objects(issue_id__in=issue_ids).only("id").as_pymongo()}


def _by_object_id(model, value):
    try:
        return model.objects(id=ObjectId(value)).first()
    except (InvalidId, TypeError):
        return None


def _plain(doc):
    doc["id"] = str(doc.pop("_id"))
    doc["grid_id"] = (doc.get("location") or {}).get("grid_id")
    return doc


class Issues(DependencyProvider):
    """The service's issue documents, on its own connection."""

    store = Store()

    def setup(self):
        """Create the collections and indexes at start, not lazily inside the first request that touches them."""
        self.store.db
        for model in (Issue, IssuePhoto, CaseMove, OverdueNotice, Rating, RoutingRule, TimeLimit, JointMeeting, ActionItem,
                      CaseBucket, BucketFacts, BucketKinds, BucketSums, BucketClaim, CaseCommunity):
            model.ensure_indexes()

    def get_dependency(self, worker_ctx):
        return IssueRepository()
