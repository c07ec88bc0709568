"""Registering a person: unique login names, the account, and a resident membership."""
from datetime import timedelta

from bson import ObjectId
from mongoengine import NotUniqueError

from gateway import directory, roles
from gateway.identity import memberships, passwords
from gateway.models import Account, LoginClaim
from gateway.web.problems import Problem, invalid
from services.common.envelope import make_event, utcnow

STALE_CLAIM = timedelta(minutes=2)
TAKEN = {"phone": "This phone number is already registered.",
         "email": "This email address is already registered."}


def registered_event(account, request_id=None):
    data = {"account_id": str(account.id), "display_name": account.display_name,
            "locale": account.locale, "email": account.email, "phone": account.phone}
    return make_event("gateway", "account_registered", data, subject=str(account.id),
                      request_id=request_id)


def register(outbox, data, request_id=None):
    """Create the account and its resident membership; 409 if a login name is taken.

    Everything is checked before the first write, so a refused request stores nothing.
    """
    community = _community(data["community_id"])
    home = directory.locate(community.id, unit_id=data.get("unit_id"))
    account = Account(id=ObjectId(), display_name=data["display_name"], locale=data["locale"],
                      email=data.get("email"), phone=data.get("phone"),
                      password_hash=passwords.hash_password(data["password"]))
    claim_logins(account.id, {kind: data.get(kind) for kind in ("phone", "email") if data.get(kind)})
    outbox.save(account, [registered_event(account, request_id)])
    membership = memberships.grant(outbox, account.id, community.id, [roles.RESIDENT], home, request_id)
    return account, membership


def _community(community_id):
    try:
        return directory.community_or_404(community_id)
    except Problem:
        raise invalid({"community_id": ["No such community."]}) from None


def claim_logins(account_id, logins):
    """Take each login name for the account by a unique insert; undo them all if one is taken."""
    taken = []
    for kind, value in logins.items():
        if not _claim(LoginClaim.key(kind, value), account_id):
            for key in taken:
                LoginClaim.objects(id=key, account_id=account_id).delete()
            raise Problem(409, TAKEN[kind], errors={kind: [TAKEN[kind]]})
        taken.append(LoginClaim.key(kind, value))


def _claim(key, account_id, retry=True):
    try:
        LoginClaim(id=key, account_id=account_id).save(force_insert=True)
        return True
    except NotUniqueError:
        if retry and _release_if_stale(key):
            return _claim(key, account_id, retry=False)
        return False


def _release_if_stale(key):
    """Free a claim whose account was never written (a crash between the two writes)."""
    claim = LoginClaim.objects(id=key).first()
    if claim is None or Account.objects(id=claim.account_id).count():
        return claim is None
    if utcnow() - claim.created_at < STALE_CLAIM:
        return False
    return LoginClaim.objects(id=key, account_id=claim.account_id).delete() > 0

