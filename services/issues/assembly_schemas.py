"""marshmallow schemas at the edges of the owners' assembly votes."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from services.issues import tally
from services.issues.schemas import EVENT_SCHEMAS

Text = fields.String
ID = validate.Length(min=1, max=64)


class Strict(Schema):
    class Meta:
        unknown = RAISE


class EligibleUnitSchema(Strict):
    unit_id = Text(required=True, validate=ID)
    building_id = Text(load_default=None, allow_none=True, validate=ID)
    grid_id = Text(load_default=None, allow_none=True, validate=ID)
    floor_area_m2 = fields.Decimal(required=True, places=2, validate=validate.Range(min=1, max=100000))


class CreateVoteSchema(Strict):
    """Input of `create_vote`: the units and their areas come from the gateway's directory."""

    community_id = Text(required=True, validate=ID)
    created_by = Text(required=True, validate=ID)
    question = Text(required=True, validate=validate.Length(min=2, max=200))
    description = Text(load_default="", validate=validate.Length(max=4000))
    matter = Text(required=True, validate=validate.OneOf(tally.MATTERS))
    opens_at = fields.AwareDateTime(required=True)
    closes_at = fields.AwareDateTime(required=True)
    open_ballot = fields.Boolean(load_default=False)
    units = fields.List(fields.Nested(EligibleUnitSchema), required=True,
                        validate=validate.Length(min=1, max=20000))

    @validates_schema
    def check(self, data, **kwargs):
        if data["closes_at"] <= data["opens_at"]:
            raise ValidationError("must be after opens_at", "closes_at")
        ids = [u["unit_id"] for u in data["units"]]
        if len(set(ids)) != len(ids):
            raise ValidationError("a unit is listed twice", "units")


class BallotInSchema(Strict):
    """Input of `cast_ballot` (an owner online) and `enter_paper_ballot` (staff, `account_id` is who entered it)."""

    vote_id = Text(required=True, validate=ID)
    unit_id = Text(required=True, validate=ID)
    account_id = Text(required=True, validate=ID)
    choice = Text(required=True, validate=validate.OneOf(tally.CHOICES))
    replaces = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1),
                              metadata={"description": "The version of the unit's ballot this one changes"})


class BallotSchema(Schema):
    vote_id = Text()
    unit_id = Text()
    version = fields.Integer()
    choice = Text()
    cast_by = Text(allow_none=True)
    entered_by = Text(allow_none=True)
    cast_at = fields.AwareDateTime()


class VoteSchema(Schema):
    """Output: a vote, where it stands, and its result once closed."""

    id = Text()
    community_id = Text()
    question = Text()
    description = Text()
    matter = Text()
    opens_at = fields.AwareDateTime()
    closes_at = fields.AwareDateTime()
    open_ballot = fields.Boolean()
    status = Text()
    units_total = fields.Integer()
    area_total_m2 = Text()
    created_by = Text()
    result = fields.Dict(allow_none=True)


class VoteOpenedSchema(Strict):
    """`data` of `vote_opened` (v1)."""

    vote_id = Text(required=True)
    community_id = Text(required=True)
    title = Text(required=True)
    matter = Text(required=True)
    opens_at = Text(required=True)
    closes_at = Text(required=True)
    units_total = fields.Integer(required=True)


class VoteClosedSchema(Strict):
    """`data` of `vote_closed` (v1): the outcome and every figure of the tally."""

    vote_id = Text(required=True)
    community_id = Text(required=True)
    title = Text(required=True)
    matter = Text(required=True)
    outcome = Text(required=True, validate=validate.OneOf((tally.PASSED, tally.REJECTED, tally.NO_QUORUM)))
    closed_at = Text(required=True)
    figures = fields.Dict(required=True)


ASSEMBLY_EVENT_SCHEMAS = {"vote_opened": VoteOpenedSchema, "vote_closed": VoteClosedSchema}
EVENT_SCHEMAS.update(ASSEMBLY_EVENT_SCHEMAS)  # the issues service's one registry of outgoing events
