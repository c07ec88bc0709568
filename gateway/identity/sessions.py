"""Logging in and out: sessions, refresh-token rotation, and revocation."""
import uuid

from mongoengine import NotUniqueError

from gateway.identity import passwords
from gateway.identity.logins import claim_key
from gateway.identity.tokens import REFRESH, unauthorized
from gateway.models import Account, LoginClaim, Session, SpentToken
from services.common.envelope import utcnow


def find_account(login):
    """The account that owns a login name (phone or email), or None."""
    claim = LoginClaim.objects(id=claim_key(login)).first()
    return Account.objects(id=claim.account_id).first() if claim else None


def login(tokens, login_name, password, user_agent=None):
    """A new session and its token pair, or 401 without saying which half was wrong."""
    account = find_account(login_name)
    if not passwords.verify(account.password_hash if account else None, password):
        raise unauthorized("Wrong login or password.", "bad-credentials")
    session = Session(id=uuid.uuid4().hex, account_id=account.id, user_agent=(user_agent or "")[:300])
    session.save(force_insert=True)
    return tokens.pair(account.id, session.id)


def live_session(claims):
    """The token's session if it is still open, else 401."""
    session = Session.objects(id=claims["sid"]).first()
    if session is None or session.revoked_at is not None or str(session.account_id) != claims["sub"]:
        raise unauthorized("The session has ended; please log in again.", "session-ended")
    return session


def refresh(tokens, refresh_token):
    """Spend a refresh token for a new pair; a replayed token closes its session (theft)."""
    claims = tokens.read(refresh_token, REFRESH)
    session = live_session(claims)
    try:
        SpentToken(id=claims["jti"], session_id=session.id).save(force_insert=True)
    except NotUniqueError:
        revoke(session)
        raise unauthorized("This refresh token was already used; the session has been closed.",
                           "token-reused") from None
    return tokens.pair(session.account_id, session.id)


def revoke(session, everywhere=False):
    """End one session, or every open session of its account."""
    if everywhere:
        Session.objects(account_id=session.account_id, revoked_at=None).update(set__revoked_at=utcnow())
    else:
        Session.objects(id=session.id).update(set__revoked_at=utcnow())
