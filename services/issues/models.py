"""The issues service's documents, in its own `issues` database."""
from mongoengine import (BinaryField, BooleanField, DateTimeField, DictField, Document, EmbeddedDocument,
                         EmbeddedDocumentField, FloatField, IntField, ListField, StringField)

from services.common.documents import OutboxDocument
from services.issues import domain


class Location(EmbeddedDocument):
    building_id = StringField(required=True)
    unit_id = StringField()
    grid_id = StringField()
    lat = FloatField()
    lng = FloatField()


class Issue(OutboxDocument):
    """A resident's report and everything done about it.

    Every write after the report claims the next timeline sequence number in `CaseMove`
    first, so of two concurrent moves exactly one is written.
    """

    community_id = StringField(required=True)
    reporter_id = StringField(required=True)
    follower_ids = ListField(StringField())  # the reporter and every reporter who joined or was merged in
    category = StringField(required=True, choices=domain.CATEGORIES)
    title = StringField(required=True, max_length=120)
    description = StringField(max_length=4000)
    location = EmbeddedDocumentField(Location, required=True)
    status = StringField(required=True, default=domain.SUBMITTED)
    created_at = DateTimeField(required=True)
    timeline = ListField(DictField())
    submission_key = StringField(required=True)  # one report per submission, also when a request is redelivered
    party = StringField(choices=domain.PARTIES)
    handler_group = StringField()
    respond_by = DateTimeField()
    resolve_by = DateTimeField()
    responded_at = DateTimeField()  # accepted or rejected
    resolved_at = DateTimeField()
    rejection_reason = StringField()
    merged_into = StringField()
    reopen_count = IntField(default=0)
    unreasonable = BooleanField(default=False)
    photos = ListField(DictField())  # [{n, content_type, size}]; the bytes are in IssuePhoto

    meta = {
        "db_alias": "issues",
        "collection": "issues",
        "indexes": [("community_id", "status", "-created_at"), ("reporter_id", "-created_at"),
                    ("community_id", "category", "status"), ("community_id", "-created_at"),
                    {"fields": ["submission_key"], "unique": True}],
    }


class IssuePhoto(Document):
    """A photo sent with a report, apart from the case so that reading cases stays light; `_id` `<issue id>:<n>`."""

    id = StringField(primary_key=True)
    issue_id = StringField(required=True)
    content_type = StringField(required=True)
    data = BinaryField(required=True)

    meta = {"db_alias": "issues", "collection": "issue_photos", "indexes": ["issue_id"]}


class CaseMove(Document):
    """The claim of one timeline slot of a case: `_id` is `<issue id>:<seq>`, inserted before the case is written."""

    id = StringField(primary_key=True)
    issue_id = StringField(required=True)
    action = StringField(required=True)
    actor_id = StringField()
    at = DateTimeField(required=True)
    entry = DictField()    # the timeline entry,
    changes = DictField()  # the fields set,
    event = DictField(null=True)  # and the event of the write, so a stale claim can be finished

    meta = {"db_alias": "issues", "collection": "case_moves", "indexes": ["issue_id"]}


class OverdueNotice(OutboxDocument):
    """One per case and passed limit (`_id` `<issue id>:<limit>`): carries `issue_overdue` once."""

    id = StringField(primary_key=True)
    issue_id = StringField(required=True)
    community_id = StringField(required=True)
    limit = StringField(required=True, choices=("respond", "resolve"))
    at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "overdue_notices", "indexes": [("community_id", "at")]}


class Rating(OutboxDocument):
    """A follower's rating of one resolution (`_id` `<issue id>:<account id>:<round>`)."""

    id = StringField(primary_key=True)
    issue_id = StringField(required=True)
    community_id = StringField(required=True)
    account_id = StringField(required=True)
    round = IntField(required=True)
    score = IntField(required=True, min_value=1, max_value=5)
    comment = StringField(max_length=1000)
    at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "ratings", "indexes": [("community_id", "at"), "issue_id"]}


class RoutingRule(Document):
    """Category × micro-grid → party and handler group (`*` for any); `_id` `<community>:<category>:<grid>`."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    category = StringField(required=True)
    grid_id = StringField(required=True)
    party = StringField(required=True, choices=domain.PARTIES)
    handler_group = StringField(required=True)

    meta = {"db_alias": "issues", "collection": "routing_rules", "indexes": ["community_id"]}


class TimeLimit(Document):
    """A community's limits for one category; `_id` `<community>:<category>`."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    category = StringField(required=True)
    respond_hours = IntField(required=True, min_value=1)
    resolve_working_days = IntField(required=True, min_value=1)

    meta = {"db_alias": "issues", "collection": "time_limits", "indexes": ["community_id"]}


class JointMeeting(OutboxDocument):
    """A joint meeting (联席会议) of rc, pm and oc with an agenda of cases and its minutes."""

    community_id = StringField(required=True)
    title = StringField(required=True, max_length=120)
    starts_at = DateTimeField(required=True)
    place = StringField(max_length=120)
    agenda = ListField(StringField())  # issue ids
    parties = ListField(StringField(choices=domain.PARTIES))
    minutes = StringField(max_length=20000)
    scheduled_by = StringField(required=True)
    created_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "joint_meetings", "indexes": [("community_id", "-starts_at")]}


class ActionItem(OutboxDocument):
    """One party's task from a joint meeting about one case, due by a date; `done_at` once done."""

    meeting_id = StringField(required=True)
    issue_id = StringField(required=True)
    community_id = StringField(required=True)
    party = StringField(required=True, choices=domain.PARTIES)
    title = StringField(required=True, max_length=120)
    due_at = DateTimeField(required=True)
    kind = StringField(required=True, choices=("task", "patrol"))
    patrol = DictField(null=True)
    done_at = DateTimeField()
    done_by = StringField()

    meta = {"db_alias": "issues", "collection": "action_items", "indexes": ["issue_id", "meeting_id"]}


class CaseBucket(Document):
    """The read model of lists and rates: rows of one community's cases of one Shanghai quarter.

    `_id` `<community>:<YYYY>-Q<n>`; `rows` is compressed JSON lines, newest first (`case_rows.pack_rows`);
    `version` n is written only by the holder of `BucketClaim` `<bucket>:<n>`.
    """

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    quarter = StringField(required=True)
    version = IntField(required=True)
    rows = BinaryField(required=True)
    updated_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "case_buckets"}


class BucketFacts(Document):
    """The facts the rates count of one bucket's cases (`_id` the bucket's), written by the bucket's writer after it."""

    id = StringField(primary_key=True)
    version = IntField(required=True)
    facts = BinaryField(required=True)

    meta = {"db_alias": "issues", "collection": "case_bucket_facts"}


class BucketKinds(Document):
    """Which `[status, category, party, grid]` occur in one bucket (`case_facts.summary`), for filtered walks."""

    id = StringField(primary_key=True)
    version = IntField(required=True)
    kinds = BinaryField(required=True)

    meta = {"db_alias": "issues", "collection": "case_bucket_kinds"}


class BucketSums(Document):
    """One bucket's settled cases' tallies per grouping and its open cases' facts (`case_facts.summary`), packed."""

    id = StringField(primary_key=True)
    version = IntField(required=True)
    loose = BinaryField(required=True)
    tally_community = BinaryField(required=True)
    tally_party = BinaryField(required=True)
    tally_category = BinaryField(required=True)
    tally_grid = BinaryField(required=True)

    meta = {"db_alias": "issues", "collection": "case_bucket_sums"}


class BucketClaim(Document):
    """The claim of one version of a bucket (`<bucket id>:<version>`), carrying its one row so a dead writer's is finished."""

    id = StringField(primary_key=True)
    bucket_id = StringField(required=True)
    issue_id = StringField(required=True)
    row = DictField()
    at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "case_bucket_claims"}


class CaseCommunity(Document):
    """A community with cases (`_id` its id) and its first quarter: where list walks and rates stop."""

    id = StringField(primary_key=True)
    first_quarter = StringField(required=True)

    meta = {"db_alias": "issues", "collection": "case_communities"}


class FollowedCases(Document):
    """The cases one account reported or follows (me too, merged in), keyed by the account: an `_id` read lists them."""

    id = StringField(primary_key=True)  # the account id
    issue_ids = ListField(StringField())  # in the order followed; newest last
    meta = {"db_alias": "issues", "collection": "followed_cases"}
