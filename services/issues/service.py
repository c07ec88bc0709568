"""The issues service: residents' reports and how they are handled, deliberation and votes.

Each area keeps its entrypoints in its own mixin module; this class only composes them.
"""
from services.issues.assembly import OwnersAssembly
from services.issues.cases import CaseHandling


class IssuesService(CaseHandling, OwnersAssembly):
    name = "issues"
