"""Surveys (问卷), e.g. the parking-demand survey, handed to the issues service; the demand table as CSV."""
import csv
import io

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.identity import guard
from gateway.schemas.assembly import SurveyAnswerInSchema, SurveyInSchema, SurveyListSchema, SurveySchema
from gateway.web.problems import invalid

blp = Blueprint("surveys", __name__, url_prefix=PREFIX, description="Surveys and their results")


def rpc(method, *args):
    return runtime.current().rpc.call("issues", method, *args)


def checked_target(community, target):
    """The target with its buildings and grids checked against the directory, as strings."""
    detail = directory.community_detail(community)
    known = {"building_ids": {b["id"] for b in detail["buildings"]}, "grid_ids": {g.id for g in detail["grids"]}}
    for field, ids in known.items():
        if set(target[field]) - ids:
            raise invalid({"target": {field: ["Not in this community."]}})
    return {"scope": target["scope"], **{field: [str(i) for i in target[field]] for field in known}}


def survey_of_member(survey_id, *role_names):
    survey = rpc("get_survey", survey_id)
    guard.require_role(survey["community_id"], *role_names)
    return survey


def names(community):
    """Building and grid names by id, for the demand table."""
    detail = directory.community_detail(community)
    return {**{str(b["id"]): b["name"] for b in detail["buildings"]}, **{str(g.id): g.name for g in detail["grids"]}}


@blp.route("/communities/<community_id>/surveys")
class Surveys(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("created_at", "closes_at", "title"), filters=("per",))
    @blp.response(200, SurveyListSchema)
    def get(self, community_id):
        """The community's surveys, newest first (members)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id)
        return {"items": rpc("list_surveys", str(community.id))}

    @protected(blp)
    @remote(blp)
    @blp.arguments(SurveyInSchema)
    @blp.response(201, SurveySchema)
    def post(self, data, community_id):
        """Build and publish a survey for the community, some buildings or some grids (staff)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id, *roles.STAFF)
        survey = rpc("create_survey", {
            **data, "target": checked_target(community, data["target"]), "community_id": str(community.id),
            "created_by": str(guard.authenticate().id),
            "closes_at": data["closes_at"].isoformat() if data["closes_at"] else None})
        return survey, 201, {"Location": f"{PREFIX}/surveys/{survey['id']}"}


@blp.route("/surveys/<survey_id>")
class Survey(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, SurveySchema)
    def get(self, survey_id):
        """A survey and its questions, for members of its community"""
        return survey_of_member(survey_id)


@blp.route("/surveys/<survey_id>/answers")
class Answers(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(SurveyAnswerInSchema)
    @blp.response(201)
    def post(self, data, survey_id):
        """Answer a survey: once per household or per person, as the survey says"""
        survey_of_member(survey_id)
        return rpc("answer_survey", {"survey_id": survey_id, "account_id": str(guard.authenticate().id),
                                     "answers": data["answers"]}), 201


@blp.route("/surveys/<survey_id>/results")
class Results(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200)
    def get(self, survey_id):
        """Results overall, by building and by grid (staff)"""
        survey_of_member(survey_id, *roles.STAFF)
        return rpc("survey_results", survey_id)


@blp.route("/surveys/<survey_id>/demand.csv")
class DemandTable(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, content_type="text/csv")
    def get(self, survey_id):
        """The demand table by building and grid as CSV (居民需求分析表; staff)"""
        survey = survey_of_member(survey_id, *roles.STAFF)
        header, *rows = rpc("survey_table", survey_id)
        named = names(directory.community_or_404(survey["community_id"]))
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([*header[:2], "name", *header[2:]])
        for row in rows:
            writer.writerow([*row[:2], named.get(row[1], ""), *row[2:]])
        return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="survey-{survey_id}-demand.csv"'})
