"""I/O of the deliberation hall; support and answer versions are unique inserts."""
from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.issues import domain
from services.issues.assembly_dependencies import VoteRepository
from services.issues.assembly_exceptions import answer_version_taken, topic_not_found
from services.issues.models import Issue
from services.issues.topic_models import Topic, TopicAnswer, TopicComment, TopicSupport


class TopicRepository:
    membership = VoteRepository.membership

    def new(self, **fields):
        return Topic(id=ObjectId(), **fields)

    def get(self, topic_id):
        try:
            topic = Topic.objects(id=ObjectId(topic_id)).first()
        except InvalidId:
            topic = None
        if topic is None:
            raise topic_not_found(topic_id)
        return topic

    def comment(self, **fields):
        return TopicComment(**fields).save(force_insert=True)

    def support(self, topic_id, account_id, at):
        """Record support once; True if it is new."""
        try:
            TopicSupport(id=f"{topic_id}:{account_id}", topic_id=topic_id, account_id=account_id,
                         at=at).save(force_insert=True)
            return True
        except NotUniqueError:
            return False

    def answer(self, topic_id, version, **fields):
        try:
            return TopicAnswer(id=f"{topic_id}:{version}", topic_id=topic_id, version=version,
                               **fields).save(force_insert=True)
        except NotUniqueError:
            raise answer_version_taken(topic_id, version) from None

    def detail(self, topic_id):
        """Supporters, comments (oldest first) and the current answer of a topic."""
        answers = sorted(TopicAnswer.objects(topic_id=topic_id).as_pymongo(), key=lambda a: a["version"])
        return {"supporters": TopicSupport.objects(topic_id=topic_id).count(),
                "comments": list(TopicComment.objects(topic_id=topic_id).order_by("at").as_pymongo()),
                "answer": answers[-1] if answers else None}

    def open_reports(self, community_id):
        """The community's open reports, as plain dicts with what clustering needs."""
        return list(Issue.objects(community_id=community_id, status__in=list(domain.OPEN))
                    .only("id", "category", "location", "title").as_pymongo())

    def of_community(self, community_id):
        return list(Topic.objects(community_id=community_id).order_by("-opened_at"))


class Topics(DependencyProvider):
    store = Store()

    def get_dependency(self, worker_ctx):
        return TopicRepository()
