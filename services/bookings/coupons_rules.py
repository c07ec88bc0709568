"""Pure rules of shop coupons: validity, and the codes a resident shows at the counter."""
import secrets
from datetime import timezone

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a counter


def new_code(length=10):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def _utc(moment):
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def valid_at(coupon, now):
    """True while `now` is inside the coupon's validity window."""
    return _utc(coupon["valid_from"]) <= _utc(now) < _utc(coupon["valid_until"])
