"""Entrypoints of the deliberation hall (红色议事厅): topics, comments, support, official answers."""
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common.dependencies import EventOutbox
from services.common.errors import load
from services.issues import clustering, voting
from services.issues.assembly_exceptions import not_eligible
from services.issues.topic_dependencies import Topics
from services.issues.topic_schemas import (AnswerInSchema, CommentInSchema, OpenTopicSchema,
                                           TopicOpenedSchema, TopicSchema)


def utcnow():
    return datetime.now(timezone.utc)


class DeliberationHall:
    """Mixed into IssuesService; its dependencies are the service's."""

    topics = Topics()
    outbox = EventOutbox()

    @rpc
    def open_topic(self, payload):
        """Staff open a topic, possibly from a cluster of reports (`issue_ids`); `topic_opened`."""
        data = load(OpenTopicSchema(), payload)
        self._require_hall_staff(data["opened_by"], data["community_id"])
        topic = self.topics.new(**data, opened_at=utcnow())
        self.outbox.save(topic, self.outbox.event("topic_opened", TopicOpenedSchema().load({
            "topic_id": str(topic.id), "community_id": topic.community_id, "title": topic.title,
            "opened_by": topic.opened_by, "issue_ids": topic.issue_ids}), subject=str(topic.id)))
        return self._dump_topic(topic)

    @rpc
    def get_topic(self, topic_id):
        return self._dump_topic(self.topics.get(topic_id))

    @rpc
    def list_topics(self, community_id):
        return [TopicSchema(exclude=("comments", "answer", "supporters")).dump(_plain(t))
                for t in self.topics.of_community(community_id)]

    @rpc
    def report_clusters(self, community_id, min_size=2):
        """Open reports grouped by category and building, for staff to open a topic from."""
        return clustering.clusters(self.topics.open_reports(community_id), max(2, int(min_size)))

    @rpc
    def comment_on_topic(self, payload):
        data = load(CommentInSchema(), payload)
        topic = self._topic_of_member(data["topic_id"], data["account_id"])
        self.topics.comment(topic_id=str(topic.id), account_id=data["account_id"], text=data["text"], at=utcnow())
        return self._dump_topic(topic)

    @rpc
    def support_topic(self, topic_id, account_id):
        """Support a topic; supporting twice counts once."""
        topic = self._topic_of_member(topic_id, account_id)
        self.topics.support(str(topic.id), account_id, utcnow())
        return self._dump_topic(topic)

    @rpc
    def answer_topic(self, payload):
        """Staff publish the official answer and plan; a revision names the version it replaces."""
        data = load(AnswerInSchema(), payload)
        topic = self.topics.get(data["topic_id"])
        self._require_hall_staff(data["account_id"], topic.community_id)
        self.topics.answer(str(topic.id), voting.next_version(data["replaces"]), answer=data["answer"],
                           plan=data["plan"], answered_by=data["account_id"], at=utcnow())
        return self._dump_topic(topic)

    def _require_hall_staff(self, account_id, community_id):
        if not voting.is_staff(self.topics.membership(account_id, community_id), voting.HALL_STAFF):
            raise not_eligible("only the community's staff may do this in the deliberation hall")

    def _topic_of_member(self, topic_id, account_id):
        topic = self.topics.get(topic_id)
        if not self.topics.membership(account_id, topic.community_id):
            raise not_eligible("only members of this community may take part in its deliberation hall")
        return topic

    def _dump_topic(self, topic):
        detail = self.topics.detail(str(topic.id))
        answer = detail["answer"] and {k: v for k, v in detail["answer"].items() if k != "_id"}
        comments = [{"account_id": c["account_id"], "text": c["text"], "at": _iso(c["at"])}
                    for c in detail["comments"]]
        return TopicSchema().dump({**_plain(topic), "supporters": detail["supporters"], "comments": comments,
                                   "answer": answer and {**answer, "at": _iso(answer["at"])}})


def _plain(topic):
    return {**topic.to_mongo().to_dict(), "id": str(topic.id)}


def _iso(moment):
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).isoformat()
