"""Errors of the owners' assembly votes (mapped to HTTP by the gateway: 403, 404, 409)."""
from services.common.errors import Conflict, Forbidden, NotFound


class VoteNotFound(NotFound):
    def __init__(self, vote_id):
        super().__init__(f"no vote {vote_id}", vote_id=vote_id)


class VoteNotOpen(Conflict):
    def __init__(self, vote_id, status):
        super().__init__(f"vote {vote_id} is {status}: ballots are taken only while it is open",
                         vote_id=vote_id, status=status)


class BallotAlreadyCast(Conflict):
    def __init__(self, unit_id, version):
        super().__init__(f"unit {unit_id} already has ballot version {version}; "
                         f"to change it, send replaces={version}", unit_id=unit_id, version=version)


class NotEligible(Forbidden):
    def __init__(self, detail, **extra):
        super().__init__(detail, **extra)


class VoteStillOpen(Conflict):
    def __init__(self, vote_id, closable_at):
        super().__init__(f"vote {vote_id} can be closed from {closable_at}", vote_id=vote_id,
                         closable_at=closable_at)


class SurveyNotFound(NotFound):
    def __init__(self, survey_id):
        super().__init__(f"no survey {survey_id}", survey_id=survey_id)


class AlreadyAnswered(Conflict):
    def __init__(self, survey_id, per):
        super().__init__(f"this {per} has already answered survey {survey_id}", survey_id=survey_id, per=per)


class SurveyClosed(Conflict):
    def __init__(self, survey_id):
        super().__init__(f"survey {survey_id} is closed", survey_id=survey_id)


class TopicNotFound(NotFound):
    def __init__(self, topic_id):
        super().__init__(f"no topic {topic_id}", topic_id=topic_id)


class AnswerVersionTaken(Conflict):
    def __init__(self, topic_id, version):
        super().__init__(f"topic {topic_id} already has answer version {version}; send replaces={version}",
                         topic_id=topic_id, version=version)
