"""Entrypoints of surveys (问卷): e.g. the parking-demand survey, per household, by building and grid."""
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common.dependencies import EventOutbox
from services.common.errors import InvalidInput, load
from services.issues import surveying, voting
from services.issues.assembly_exceptions import not_eligible, survey_closed
from services.issues.survey_dependencies import Surveys
from services.issues.survey_schemas import (AnswerInSchema, CreateSurveySchema, SurveyPublishedSchema,
                                            SurveySchema)


def utcnow():
    return datetime.now(timezone.utc)


class SurveyTaking:
    """Mixed into IssuesService; its dependencies are the service's."""

    surveys = Surveys()
    outbox = EventOutbox()

    @rpc
    def create_survey(self, payload):
        """Create and publish a survey; `survey_published` goes with it."""
        data = load(CreateSurveySchema(), payload)
        if data["closes_at"]:
            data["closes_at"] = voting.stored(data["closes_at"])
        survey = self.surveys.new(**data, created_at=utcnow())
        self.outbox.save(survey, self.outbox.event("survey_published", SurveyPublishedSchema().load({
            "survey_id": str(survey.id), "community_id": survey.community_id, "title": survey.title,
            "per": survey.per, "scope": survey.target["scope"],
            "building_ids": survey.target.get("building_ids", []), "grid_ids": survey.target.get("grid_ids", []),
            "closes_at": survey.closes_at.isoformat() if survey.closes_at else None}), subject=str(survey.id)))
        return dump_survey(survey)

    @rpc
    def get_survey(self, survey_id):
        return dump_survey(self.surveys.get(survey_id))

    @rpc
    def list_surveys(self, community_id):
        """The community's surveys, newest first."""
        return [dump_survey(survey) for survey in self.surveys.of_community(community_id)]

    @rpc
    def answer_survey(self, payload):
        """One answer per household (unit) or per person, as the survey says."""
        data = load(AnswerInSchema(), payload)
        survey = self.surveys.get(data["survey_id"])
        home = self._respondent_home(survey, data["account_id"])
        if errors := surveying.answer_errors(survey.questions, data["answers"]):
            raise InvalidInput({"answers": errors})
        key = surveying.respondent_key(survey.per, data["account_id"], home.get("unit_id"))
        self.surveys.insert_answer(survey, key, account_id=data["account_id"], answers=data["answers"],
                                   submitted_at=utcnow(), **{k: home.get(k) for k in ("unit_id", "building_id", "grid_id")})
        return {"survey_id": str(survey.id), "respondent": key}

    @rpc
    def survey_results(self, survey_id):
        survey = self.surveys.get(survey_id)
        return {"survey_id": survey_id, "title": survey.title,
                **surveying.tabulate(survey.questions, self.surveys.answers(survey_id))}

    @rpc
    def survey_table(self, survey_id):
        """The demand table (rows by building, then by grid) with its header row first."""
        survey = self.surveys.get(survey_id)
        return surveying.demand_rows(survey.questions, surveying.tabulate(survey.questions,
                                                                          self.surveys.answers(survey_id)))

    def _respondent_home(self, survey, account_id):
        if survey.closes_at and utcnow() >= survey.closes_at:
            raise survey_closed(str(survey.id))
        home = self.surveys.membership(account_id, survey.community_id)
        if not home:
            raise not_eligible("only members of this community may answer this survey")
        if survey.per == surveying.HOUSEHOLD and not home.get("unit_id"):
            raise not_eligible("this survey is answered per household: your membership names no home")
        if not surveying.targeted(survey.target, home.get("building_id"), home.get("grid_id")):
            raise not_eligible("this survey is not addressed to your building or grid")
        return home


def dump_survey(survey):
    return SurveySchema().dump({**survey.to_mongo().to_dict(), "id": str(survey.id)})
