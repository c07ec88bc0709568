"""Memberships: an account's roles and home in one community, announced as `membership_granted`."""
from gateway import roles as role_names
from gateway.identity.recall import recall, watch
from gateway.models import Account, Membership
from gateway.models.accounts import stored_now
from services.common.envelope import make_event


def _text(value):
    return None if value is None else str(value)


def granted_event(membership, request_id=None):
    """The whole current membership, so consumers can replace their copy."""
    data = {"account_id": str(membership.account_id), "community_id": str(membership.community_id),
            "roles": list(membership.roles), "building_id": _text(membership.building_id),
            "unit_id": _text(membership.unit_id), "grid_id": _text(membership.grid_id)}
    return make_event("gateway", "membership_granted", data, subject=str(membership.account_id),
                      request_id=request_id)


def grant(outbox, account_id, community_id, roles, home=None, request_id=None):
    """Set an account's roles (and home, when given) in a community; emits `membership_granted`."""
    key = Membership.key(account_id, community_id)
    membership = Membership.objects(id=key).first() or Membership(
        id=key, account_id=account_id, community_id=community_id)
    membership.roles = [role for role in role_names.ALL if role in set(roles)]
    if home is not None:
        membership.building_id = home["building_id"]
        membership.unit_id = home["unit_id"]
        membership.grid_id = home["grid_id"]
    membership.updated_at = stored_now()
    return outbox.save(membership, [granted_event(membership, request_id)])


def of_account(account_id):
    return list(Membership.objects(account_id=account_id))


def find(account_id, community_id):
    """The membership, remembered for a few seconds (see `recall`); a grant here forgets it."""
    return recall.get(Membership, Membership.key(account_id, community_id))


watch(Account, Membership)
