"""Entrypoints of settings: a person's preferences, a community's templates, staff's delivery log."""
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common.errors import load
from services.notifications import domain
from services.notifications.exceptions import BadTemplate
from services.notifications.models import Template
from services.notifications.schemas import DeliveryQuerySchema, DeliverySchema, PreferencesSchema, TemplateSchema

TEMPLATE_FIELDS = ("kind", "locale", "title", "body", "edited_by", "edited_at")


class Settings:
    """Mixed into NotificationsService; its dependencies are the service's."""

    @rpc
    def get_preferences(self, account_id):
        return self.people.preferences(str(account_id))

    @rpc
    def set_preferences(self, account_id, preferences):
        return self.people.set_preferences(str(account_id), load(PreferencesSchema(), preferences))

    @rpc
    def list_templates(self, community_id):
        """The message kinds with their default wording and the community's own, if any."""
        own = {(t.kind, t.locale): t for t in self.templates.of_community(str(community_id))}
        return [{"kind": kind, "locale": locale, "title": title, "body": body,
                 "own": dump_template(own[(kind, locale)]) if (kind, locale) in own else None}
                for (kind, locale), (title, body) in sorted(domain.TEMPLATES.items())]

    @rpc
    def set_template(self, payload):
        args = load(TemplateSchema(), payload)
        if (args["kind"], args["locale"]) not in domain.TEMPLATES:
            raise BadTemplate("kind", "no such message kind")
        for field in ("title", "body"):
            if (reason := domain.template_errors(args[field])) is not None:
                raise BadTemplate(field, reason)
        saved = self.templates.set(Template(edited_by=args.pop("editor_id"), edited_at=datetime.now(timezone.utc), **args))
        return dump_template(saved)

    @rpc
    def list_deliveries(self, community_id, status=None, limit=100):
        args = load(DeliveryQuerySchema(), {"community_id": community_id, "status": status, "limit": limit})
        return DeliverySchema(many=True).dump(self.deliveries.of_community(**args))


def dump_template(template):
    """A community's wording as plain JSON (RPC answers travel as JSON)."""
    return {**{k: template[k] for k in TEMPLATE_FIELDS if k != "edited_at"},
            "edited_at": template.edited_at and template.edited_at.isoformat()}
