"""Each service's own projection of who belongs where, from the gateway's `membership_granted`.

Every consuming service keeps its own copy in its own database. Versions are appended,
never updated, so two handlers running at once cannot overwrite each other (FerretDB has
no atomic read-modify-write); the newest version per account and community is current.
"""
from mongoengine import DateTimeField, Document, ListField, NotUniqueError, StringField


def membership_model(alias):
    """The MembershipVersion document class bound to one service's database.

    Each gets its own class name: mongoengine keeps one registry entry per name, and
    resets only registered classes' cached collections when a connection closes.
    """
    return type(f"{alias.capitalize()}MembershipVersion", (Document,), {
        "id": StringField(primary_key=True),  # the id of the event that carried it
        "account_id": StringField(required=True),
        "community_id": StringField(required=True),
        "roles": ListField(StringField()),
        "building_id": StringField(),
        "unit_id": StringField(),
        "grid_id": StringField(),
        "at": DateTimeField(required=True),
        "meta": {"db_alias": alias, "collection": "membership_versions",
                 "indexes": [("community_id", "at"), ("account_id", "at")]},
    })


def record(model, event_id, at, data):
    """Keep one version; the same event twice keeps it once."""
    try:
        model(id=event_id, at=at, **data).save(force_insert=True)
        return True
    except NotUniqueError:
        return False


def latest(versions):
    """Fold versions, oldest first, into each account's current membership."""
    current = {}
    for version in versions:
        current[(version["account_id"], version["community_id"])] = version
    return list(current.values())


def current(model, **filters):
    """Current memberships matching `filters` (e.g. community_id=...)."""
    return latest(model.objects(**filters).order_by("at").as_pymongo())


def holders(memberships, roles):
    """Account ids holding any of `roles`."""
    return sorted({m["account_id"] for m in memberships if set(m.get("roles", ())) & set(roles)})
