"""Login names: a mainland mobile number or an email address, in one canonical form."""
import re

PHONE = re.compile(r"1[3-9]\d{9}")


def normalize_phone(value):
    """`+86 138-0000-0001` → `13800000001`."""
    digits = re.sub(r"[\s\-()]", "", value or "")
    return digits[3:] if digits.startswith("+86") else digits


def normalize_email(value):
    return (value or "").strip().lower()


def claim_key(login):
    """The login-claim key of whatever a person typed as their login."""
    if "@" in login:
        return f"email:{normalize_email(login)}"
    return f"phone:{normalize_phone(login)}"
