"""The issues service: residents' reports and how they are handled, deliberation and votes.

Each area keeps its entrypoints in its own mixin module; this class only composes them.
"""
from services.issues.assembly import OwnersAssembly
from services.issues.case_deadlines import CaseDeadlines
from services.issues.case_ratings import CaseRatings
from services.issues.cases import CaseHandling
from services.issues.deliberation import DeliberationHall
from services.issues.joint import JointHandling
from services.issues.my_cases import MyCases
from services.issues.surveys import SurveyTaking


class IssuesService(CaseHandling, MyCases, CaseDeadlines, CaseRatings, JointHandling, OwnersAssembly, SurveyTaking,
                    DeliberationHall):
    name = "issues"
