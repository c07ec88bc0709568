"""Long random secrets shown once and stored only as their SHA-256: Open311 api_keys, kiosk device tokens.

A secret is 32 random bytes, so a fast hash is enough; its digest is the stored document's
`_id` (the lookup is an `_id` read) and the digest's first 12 characters its public id.
"""
import hashlib
import secrets


def new_secret(prefix):
    """A fresh secret, readable as to its kind by `prefix`."""
    return prefix + secrets.token_urlsafe(32)


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def public_id(secret):
    """The id a list shows and a revocation names: the start of the digest."""
    return digest(secret)[:12]
