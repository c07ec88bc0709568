"""Errors of votes, surveys and topics, as the kit's base classes.

The gateway maps a remote error by its class name (nameko sends only that), so these are
plain Conflict / Forbidden / NotFound instances with a clear detail, not subclasses.
"""
from services.common.errors import Conflict, Forbidden, NotFound


def vote_not_found(vote_id):
    return NotFound(f"no vote {vote_id}", vote_id=vote_id)


def vote_not_open(vote_id, status):
    return Conflict(f"vote {vote_id} is {status}: ballots are taken only while it is open",
                    vote_id=vote_id, status=status)


def ballot_already_cast(unit_id, version):
    return Conflict(f"unit {unit_id} already has ballot version {version}; to change it, send replaces={version}",
                    unit_id=unit_id, version=version)


def not_eligible(detail, **extra):
    return Forbidden(detail, **extra)


def vote_still_open(vote_id, closable_at):
    return Conflict(f"vote {vote_id} can be closed from {closable_at}", vote_id=vote_id, closable_at=closable_at)


def survey_not_found(survey_id):
    return NotFound(f"no survey {survey_id}", survey_id=survey_id)


def already_answered(survey_id, per):
    return Conflict(f"this {per} has already answered survey {survey_id}", survey_id=survey_id, per=per)


def survey_closed(survey_id):
    return Conflict(f"survey {survey_id} is closed", survey_id=survey_id)


def topic_not_found(topic_id):
    return NotFound(f"no topic {topic_id}", topic_id=topic_id)


def answer_version_taken(topic_id, version):
    return Conflict(f"topic {topic_id} already has answer version {version}; send replaces={version}",
                    topic_id=topic_id, version=version)
