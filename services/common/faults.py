"""Failpoints: named places where a test can make a process crash or fail on purpose.

Active only when named in LINLI_FAILPOINTS (comma-separated); never set in production.
"""
import os


def active(name):
    return name in os.environ.get("LINLI_FAILPOINTS", "").split(",")


def crash_if(name):
    """Die at once, as SIGKILL would: no cleanup, no flush."""
    if active(name):
        os._exit(86)


def fail_if(name):
    if active(name):
        raise RuntimeError(f"failpoint {name} is active")
