"""I/O of surveys behind a few verbs; one answer per household or person is a unique insert."""
from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.issues.assembly_dependencies import VoteRepository
from services.issues.assembly_exceptions import already_answered, survey_not_found
from services.issues.survey_models import Survey, SurveyAnswer


class SurveyRepository:
    membership = VoteRepository.membership

    def new(self, **fields):
        return Survey(id=ObjectId(), **fields)

    def get(self, survey_id):
        try:
            survey = Survey.objects(id=ObjectId(survey_id)).first()
        except InvalidId:
            survey = None
        if survey is None:
            raise survey_not_found(survey_id)
        return survey

    def of_community(self, community_id):
        return list(Survey.objects(community_id=community_id).order_by("-created_at"))

    def insert_answer(self, survey, key, **fields):
        try:
            return SurveyAnswer(id=f"{survey.id}:{key}", survey_id=str(survey.id), **fields).save(force_insert=True)
        except NotUniqueError:
            raise already_answered(str(survey.id), survey.per) from None

    def answers(self, survey_id):
        return list(SurveyAnswer.objects(survey_id=survey_id).as_pymongo())


class Surveys(DependencyProvider):
    """The service's surveys and answers, on its own connection."""

    store = Store()

    def get_dependency(self, worker_ctx):
        return SurveyRepository()
