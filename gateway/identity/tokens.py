"""JWT access and refresh tokens (HS256): `sub` is the account id, `sid` the session."""
import hashlib
import uuid
from datetime import timedelta

import jwt

from gateway.web.problems import Problem
from services.common.envelope import utcnow

ISSUER = "linli-gateway"
ACCESS, REFRESH = "access", "refresh"


def key_id(secret):
    """A public name for a signing key, so a token says which key signed it."""
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


class Tokens:
    """Signs with `secret`; also accepts tokens signed with `previous` secrets (key rotation)."""

    def __init__(self, secret, access_ttl, refresh_ttl, previous=()):
        self.secret = secret
        self.keys = {key_id(key): key for key in (*previous, secret)}
        self.ttl = {ACCESS: access_ttl, REFRESH: refresh_ttl}

    def pair(self, account_id, session_id):
        """A fresh access token and refresh token for one session."""
        return {"access_token": self._make(ACCESS, account_id, session_id),
                "refresh_token": self._make(REFRESH, account_id, session_id),
                "token_type": "Bearer", "expires_in": self.ttl[ACCESS]}

    def _make(self, kind, account_id, session_id):
        now = utcnow()
        claims = {"iss": ISSUER, "sub": str(account_id), "sid": session_id, "typ": kind,
                  "jti": uuid.uuid4().hex, "iat": now, "exp": now + timedelta(seconds=self.ttl[kind])}
        return jwt.encode(claims, self.secret, algorithm="HS256", headers={"kid": key_id(self.secret)})

    def read(self, token, kind):
        """The claims of a valid, unexpired token of `kind`, else a 401 problem."""
        try:
            secret = self.keys.get(jwt.get_unverified_header(token).get("kid"), self.secret)
            claims = jwt.decode(token, secret, algorithms=["HS256"], issuer=ISSUER,
                                options={"require": ["exp", "sub", "jti", "sid", "typ"]})
        except jwt.ExpiredSignatureError:
            raise unauthorized("The token has expired.", "token-expired") from None
        except jwt.InvalidTokenError:
            raise unauthorized("The token is not valid.", "invalid-token") from None
        if claims["typ"] != kind:
            raise unauthorized("The token is not valid.", "invalid-token")
        return claims


def unauthorized(detail, slug="unauthorized"):
    return Problem(401, detail, slug=slug, headers={"WWW-Authenticate": 'Bearer realm="linli"'})
