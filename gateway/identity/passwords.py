"""argon2 password hashes and the minimum strength a new password must have."""
import re
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
MAX_LENGTH = 128
COMMON = {"password123", "1234567890", "qwertyuiop", "1qaz2wsx3edc", "woaini1314",
          "a123456789", "iloveyou12", "passw0rd123", "admin12345", "abc1234567"}
_hasher = PasswordHasher()


def hash_password(password):
    return _hasher.hash(password)


def verify(password_hash, password):
    """True if `password` matches; with no hash, burn the same time so timing tells nothing."""
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash():
    return _hasher.hash("linli-timing-equaliser")


def weaknesses(password, *personal):
    """Why `password` is too weak (English messages), or [] if it is strong enough."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Password must be at least {MIN_LENGTH} characters long.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Password must be at most {MAX_LENGTH} characters long.")
    if _kinds(password) < 2:
        problems.append("Password must mix at least two of: letters, digits, symbols.")
    if password.lower() in COMMON or len(set(password)) < 4:
        problems.append("Password is too easy to guess.")
    if any(p and len(p) >= 4 and p.lower() in password.lower() for p in personal):
        problems.append("Password must not contain your phone number or email name.")
    return problems


def _kinds(password):
    patterns = (r"[^\W\d_]", r"\d", r"[\W_]")
    return sum(bool(re.search(p, password)) for p in patterns)
