"""A person's notification preferences, and a community's own message templates."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard
from gateway.schemas.announcements import PreferencesSchema, TemplateInSchema, TemplateSchema, TemplatesSchema

blp = Blueprint("preferences", __name__, url_prefix=PREFIX, description="Notification preferences and templates")
EDITORS = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN)


def rpc(method, *args, **kwargs):
    return runtime.current().rpc.call("notifications", method, *args, **kwargs)


@blp.route("/me/preferences")
class Preferences(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, PreferencesSchema)
    def get(self):
        """My notification preferences"""
        return rpc("get_preferences", str(guard.authenticate().id))

    @protected(blp)
    @remote(blp)
    @blp.arguments(PreferencesSchema)
    @blp.response(200, PreferencesSchema)
    def put(self, data):
        """Replace my notification preferences: channels per category, quiet hours, digest"""
        return rpc("set_preferences", str(guard.authenticate().id), data)


@blp.route("/communities/<community_id>/templates")
class Templates(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, TemplatesSchema)
    def get(self, community_id):
        """Every message kind's wording, the default and the community's own (staff)"""
        guard.require_role(community_id, *roles.STAFF)
        return {"items": rpc("list_templates", community_id)}


@blp.route("/communities/<community_id>/templates/<kind>/<locale>")
class Template(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(TemplateInSchema)
    @blp.response(200, TemplateSchema)
    def put(self, data, community_id, kind, locale):
        """Set the community's own wording of a message kind in zh-CN or en; `{field}` names the event's fields"""
        guard.require_role(community_id, *EDITORS)
        return rpc("set_template", {**data, "community_id": community_id, "kind": kind, "locale": locale,
                                    "editor_id": str(guard.authenticate().id)})
