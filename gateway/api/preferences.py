"""A person's notification preferences, and a community's own message templates."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard
from gateway.web import etags
from gateway.web import lists
from gateway.web.problems import Problem
from gateway.schemas.announcements import PreferencesSchema, TemplateInSchema, TemplateSchema, TemplatesSchema

blp = Blueprint("preferences", __name__, url_prefix=PREFIX, description="Notification preferences and templates")
EDITORS = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN)


def rpc(method, *args, **kwargs):
    return runtime.current().rpc.call("notifications", method, *args, **kwargs)


@blp.route("/me/preferences")
class Preferences(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, PreferencesSchema, headers=etags.HEADERS)
    def get(self):
        """My notification preferences, with their ETag"""
        return etags.tagged(rpc("get_preferences", str(guard.authenticate().id)), PreferencesSchema())

    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(PreferencesSchema)
    @blp.response(200, PreferencesSchema, headers=etags.HEADERS)
    def put(self, data):
        """Replace my notification preferences: channels per category, quiet hours, digest (If-Match optional)"""
        me = str(guard.authenticate().id)
        etags.check(lambda: rpc("get_preferences", me), PreferencesSchema())
        return etags.tagged(rpc("set_preferences", me, data), PreferencesSchema())


@blp.route("/communities/<community_id>/templates")
class Templates(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("kind", "locale"), filters=("kind", "locale"), key=("kind", "locale"))
    @blp.response(200, TemplatesSchema)
    def get(self, community_id):
        """Every message kind's wording, the default and the community's own (staff)"""
        guard.require_role(community_id, *roles.STAFF)
        return {"items": rpc("list_templates", community_id)}


def template_of(community_id, kind, locale):
    """One message kind's wording in one language, default and own, as the list shows it."""
    for item in rpc("list_templates", community_id):
        if (item["kind"], item["locale"]) == (kind, locale):
            return item
    raise Problem(404, "No such message kind in this language.")


@blp.route("/communities/<community_id>/templates/<kind>/<locale>")
class Template(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, TemplateSchema, headers=etags.HEADERS)
    def get(self, community_id, kind, locale):
        """One message kind's wording, default and the community's own, with its ETag (staff)"""
        guard.require_role(community_id, *roles.STAFF)
        return etags.tagged(template_of(community_id, kind, locale), TemplateSchema())

    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(TemplateInSchema)
    @blp.response(200, TemplateSchema, headers=etags.HEADERS)
    def put(self, data, community_id, kind, locale):
        """Set the community's own wording of a message kind in zh-CN or en; `{field}` names the event's fields

        If-Match (optional) is the ETag of GET on this path; the answer's ETag is the new one.
        """
        guard.require_role(community_id, *EDITORS)
        etags.check(lambda: template_of(community_id, kind, locale), TemplateSchema())
        saved = rpc("set_template", {**data, "community_id": community_id, "kind": kind, "locale": locale,
                                     "editor_id": str(guard.authenticate().id)})
        return saved, 200, {"ETag": etags.tag(template_of(community_id, kind, locale), TemplateSchema())}
