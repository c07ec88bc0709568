"""Tolerant readers of the events the catalog turns into messages: only the fields a message needs."""
from marshmallow import fields

from services.notifications.schemas import Tolerant

S, L, I, B, D = fields.String, fields.List, fields.Integer, fields.Boolean, fields.Dict


def reader(name, **spec):
    """A tolerant schema class requiring the fields in `spec` (a `None`-able field is optional)."""
    return Tolerant.from_dict({key: field for key, field in spec.items()}, name=name)


def req(kind=S, *args):
    return kind(*args, required=True)


def opt(kind=S, *args):
    return kind(*args, load_default=None, allow_none=True)


CASE = dict(issue_id=req(), community_id=req(), reporter_id=req(), follower_ids=req(L, S()), title=req(),
            category=req(), status=req(), action=req(), party=opt(), note=opt())
BOOKING = dict(booking_id=req(), community_id=req(), account_id=req(), resource_name=req(),
               starts_at=req(), ends_at=req(), volunteer_id=opt())
SHIFT = dict(community_id=req(), shift_id=req(), place=req(), starts_at=req(), ends_at=req())
COUPON = dict(coupon_id=req(), community_id=req(), account_id=req(), shop_name=req(), title=req(), valid_until=req())

CaseMoved = reader("CaseMovedData", **CASE)
IssueOverdue = reader("IssueOverdueData", issue_id=req(), community_id=req(), title=req(), due_at=req(),
                      follower_ids=req(L, S()), escalate_to_roles=req(L, S()), party=opt())
IssueRated = reader("IssueRatedData", issue_id=req(), community_id=req(), title=req(), account_id=req(),
                    score=req(I), party=opt())
JointMeeting = reader("JointMeetingScheduledData", meeting_id=req(), community_id=req(), title=req(),
                      starts_at=req(), parties=req(L, S()), follower_ids=req(L, S()), place=opt())
ActionItem = reader("ActionItemAssignedData", action_item_id=req(), community_id=req(), party=req(), title=req(),
                    due_at=req())
VoteOpened = reader("VoteOpenedData", vote_id=req(), community_id=req(), title=req(), opens_at=req(), closes_at=req())
VoteClosed = reader("VoteClosedData", vote_id=req(), community_id=req(), title=req(), outcome=req())
SurveyPublished = reader("SurveyPublishedData", survey_id=req(), community_id=req(), title=req(),
                         building_ids=req(L, S()), grid_ids=req(L, S()), closes_at=opt())
TopicOpened = reader("TopicOpenedData", topic_id=req(), community_id=req(), title=req())
Booking = reader("BookingData", **BOOKING)
BookingEnded = reader("BookingEndedData", **BOOKING, reason=opt())
VolunteerWelcome = reader("VolunteerWelcomeData", community_id=req(), volunteer_id=req(), display_name=req())
ShiftPlanned = reader("ShiftPlannedData", **SHIFT, title=req())
ShiftArrived = reader("ShiftArrivedData", community_id=req(), shift_id=req(), volunteer_id=req(), title=req(), at=req())
ActivityDone = reader("ActivityDoneData", community_id=req(), activity_id=req())
WaitlistOffered = reader("WaitlistOfferedData", **BOOKING, hold_until=req())
BookingMoved = reader("BookingMovedData", **BOOKING, previous_volunteer_id=opt())
Coupon = reader("CouponData", **COUPON)
SkillVerified = reader("SkillVerifiedData", community_id=req(), volunteer_id=req(), skill=req())
ShiftForVolunteer = reader("ShiftVolunteerData", **SHIFT, volunteer_id=req())
ShiftWithdrawn = reader("ShiftWithdrawnData", **SHIFT, volunteer_id=req(), late=req(B))
ShiftUnderstaffed = reader("ShiftUnderstaffedData", **SHIFT, title=req(), missing=req(D), lead_id=opt())
ShiftInvite = reader("ShiftInviteData", **SHIFT, title=req(), volunteer_id=req())
ShiftDone = reader("ShiftDoneData", community_id=req(), shift_id=req(), volunteer_id=req(), title=req(),
                   seconds=req(I))
ShiftMissed = reader("ShiftMissedData", community_id=req(), shift_id=req(), volunteer_id=req(), title=req(),
                     starts_at=req())
