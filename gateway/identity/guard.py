"""Who is calling: the bearer token's account, and checks of membership and roles."""
from functools import wraps

from flask import g, request

from gateway import directory, runtime
from gateway.identity import memberships, sessions
from gateway.identity.recall import recall
from gateway.identity.tokens import ACCESS, unauthorized
from gateway.models import Account, Community, Membership
from gateway.roles import TOWN_ADMIN
from gateway.web.problems import Problem

READS = ("GET", "HEAD", "OPTIONS")


def authenticate():
    """The account behind the request's access token (the session read each time), else 401."""
    if "account" not in g:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise unauthorized("Log in first and send the access token as a Bearer token.")
        session = sessions.live_session(runtime.current().tokens.read(token.strip(), ACCESS))
        account = recall.get(Account, session.account_id)
        if account is None:
            raise unauthorized("The session has ended; please log in again.", "session-ended")
        g.account, g.session = account, session
    return g.account


def current_session():
    authenticate()
    return g.session


def login_required(view):
    """Decorator: the view runs only for a logged-in account."""
    @wraps(view)
    def guarded(*args, **kwargs):
        authenticate()
        return view(*args, **kwargs)
    return guarded


def acting_roles(membership):
    """The membership's roles for this request: a town admin reads in a community, never acts."""
    held = set(membership.roles) if membership is not None else set()
    if request.method not in READS:
        held.discard(TOWN_ADMIN)
    return held


def has_role(community_id, *roles):
    """True if the caller is a member of the community holding one of `roles` (any role if none)."""
    held = acting_roles(memberships.find(authenticate().id, community_id))
    if not held and town_reader(community_id):
        held = {TOWN_ADMIN}
    return bool(held) and (not roles or bool(set(roles) & held))


def town_reader(community_id):
    """True on a read by a town admin of the community's town (admin in another community of it)."""
    if request.method not in READS:
        return False
    community = Community.objects(id=directory.object_id(community_id)).first()
    if community is None:
        return False
    theirs = [m.community_id for m in Membership.objects(account_id=authenticate().id, roles=TOWN_ADMIN)]
    return bool(theirs) and Community.objects(id__in=theirs, town_id=community.town_id).first() is not None


def require_role(community_id, *roles):
    """403 unless the caller holds one of `roles` in the community (any membership if none)."""
    if not has_role(community_id, *roles):
        raise Problem(403, "You do not have the role this needs in this community.")


def role_required(*roles, community_arg="community_id"):
    """Decorator: like `require_role`, with the community taken from the URL argument."""
    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            require_role(kwargs[community_arg], *roles)
            return view(*args, **kwargs)
        return guarded
    return decorate
