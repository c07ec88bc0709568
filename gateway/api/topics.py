"""The deliberation hall (红色议事厅): topics, comments, support and the official answer."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard
from gateway.web import etags, lists
from gateway.schemas.assembly import (ClusterListSchema, CommentInSchema, TopicAnswerInSchema, TopicInSchema,
                                      TopicListSchema, TopicSchema)

blp = Blueprint("topics", __name__, url_prefix=PREFIX, description="Deliberation hall topics")
HALL_STAFF = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN, roles.OC_MEMBER, roles.PM_STAFF)


def rpc(method, *args):
    return runtime.current().rpc.call("issues", method, *args)


def topic_of_member(topic_id, *role_names):
    topic = rpc("get_topic", topic_id)
    guard.require_role(topic["community_id"], *role_names)
    return topic


def me():
    return str(guard.authenticate().id)


@blp.route("/communities/<community_id>/topics")
class Topics(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("opened_at", "title"), filters=("opened_by",))
    @blp.response(200, TopicListSchema)
    def get(self, community_id):
        """The community's topics, newest first"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id)
        return {"items": rpc("list_topics", str(community.id))}

    @protected(blp)
    @remote(blp)
    @blp.arguments(TopicInSchema)
    @blp.response(201, TopicSchema)
    def post(self, data, community_id):
        """Open a topic, possibly from a cluster of reports (staff of the three parties)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id, *HALL_STAFF)
        topic = rpc("open_topic", {**data, "community_id": str(community.id), "opened_by": me()})
        return topic, 201, {"Location": f"{PREFIX}/topics/{topic['id']}"}


@blp.route("/communities/<community_id>/report-clusters")
class Clusters(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("count", "category"), filters=("category", "building_id", "grid_id"),
                 key=("category", "building_id"))
    @blp.response(200, ClusterListSchema)
    def get(self, community_id):
        """Open reports grouped by category and building, to open a topic from (staff)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id, *HALL_STAFF)
        return {"items": rpc("report_clusters", str(community.id))}


@blp.route("/topics/<topic_id>")
class Topic(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, TopicSchema, headers=etags.HEADERS)
    def get(self, topic_id):
        """A topic with its comments, supporters and official answer, with its ETag"""
        return etags.tagged(topic_of_member(topic_id), TopicSchema())


@blp.route("/topics/<topic_id>/comments")
class Comments(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(CommentInSchema)
    @blp.response(201, TopicSchema)
    def post(self, data, topic_id):
        """Comment on a topic"""
        topic_of_member(topic_id)
        return rpc("comment_on_topic", {**data, "topic_id": topic_id, "account_id": me()}), 201


@blp.route("/topics/<topic_id>/support")
class Support(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, TopicSchema)
    def post(self, topic_id):
        """Support a topic (counted once per person)"""
        topic_of_member(topic_id)
        return rpc("support_topic", topic_id, me())


@blp.route("/topics/<topic_id>/answer")
class Answer(MethodView):
    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(TopicAnswerInSchema)
    @blp.response(201, TopicSchema, headers=etags.HEADERS)
    def post(self, data, topic_id):
        """Publish (or, with `replaces`, revise) the official answer and plan (staff; If-Match optional)"""
        topic = topic_of_member(topic_id, *HALL_STAFF)
        etags.check(lambda: topic, TopicSchema())
        return etags.tagged(rpc("answer_topic", {**data, "topic_id": topic_id, "account_id": me()}), TopicSchema(), 201)
