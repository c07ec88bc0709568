"""Who may call each operation (role × community): the one table, shown in the API document.

Each operation of the OpenAPI document, keyed `"METHOD /path"`, declares `who` may call it:
`anyone`; `logged_in` (any account, acting on its own data); `member` (any role in the
community the operation is about); or the roles that may, in that community. `own` names
the one person who may besides (`reporter`, `booker`, `volunteer`, `lead`, `owner`).
`kiosk_device` is a kiosk's device token (`Authorization: Device <token>`, gateway/kiosk/):
it calls only the operations that name it, in its own community, and no account may.
A town admin reads where `town_admin` or `member` is listed, and never acts: the gateway
refuses every write of a caller whose only role there is `town_admin` (gateway/identity/guard.py).
`docs/openapi.json` shows each declaration as the operation's `x-linli-access`;
tests/e2e/test_permission_matrix.py calls every operation as each kind of caller against it.
"""
from apispec import BasePlugin

from gateway import roles as r

EXTENSION = "x-linli-access"
ANYONE, LOGGED_IN, MEMBER = "anyone", "logged_in", "member"
KIOSK = "kiosk_device"
STAFF = r.STAFF  # the three parties' staff and the town admin (who only reads)
CASE = (r.SOCIAL_WORKER, r.COMMUNITY_ADMIN, r.PM_STAFF, r.OC_MEMBER)
RC = (r.SOCIAL_WORKER, r.COMMUNITY_ADMIN)
VOTE = (r.SOCIAL_WORKER, r.COMMUNITY_ADMIN, r.OC_MEMBER)
AUTHORS = (r.SOCIAL_WORKER, r.COMMUNITY_ADMIN, r.PM_STAFF)


def rule(*who, own=None):
    """A declaration: `who` may call; `own` names the resource's own person, who may too."""
    return {"who": list(who), **({"own": own} if own else {})}


V = "/api/v1"
C = f"{V}/communities/{{community_id}}"
ACCESS = {
    "GET /api/health": rule(ANYONE), "GET /healthz": rule(ANYONE), "GET /readyz": rule(ANYONE),
    f"POST {V}/auth/register": rule(ANYONE), f"POST {V}/auth/login": rule(ANYONE),
    f"POST {V}/auth/refresh": rule(ANYONE), f"POST {V}/auth/logout": rule(LOGGED_IN),
    f"GET {V}/me": rule(LOGGED_IN), f"GET {V}/me/notifications": rule(LOGGED_IN),
    f"POST {V}/me/notifications/{{item_id}}/read": rule(LOGGED_IN, own="owner"),
    f"GET {V}/me/preferences": rule(LOGGED_IN), f"PUT {V}/me/preferences": rule(LOGGED_IN),
    f"GET {V}/me/stream": rule(LOGGED_IN), f"GET {V}/stream": rule(LOGGED_IN),
    f"GET {V}/me/calendar": rule(LOGGED_IN), f"GET {V}/me/coupons": rule(LOGGED_IN),
    f"GET {V}/me/issues": rule(LOGGED_IN),
    f"GET {V}/calendars/{{token}}.ics": rule(ANYONE),  # the unguessable address is the key
    f"GET {V}/communities": rule(ANYONE), f"GET {C}": rule(ANYONE),
    f"GET {C}/members/{{account_id}}/roles": rule(r.COMMUNITY_ADMIN),
    f"PUT {C}/members/{{account_id}}/roles": rule(r.COMMUNITY_ADMIN),
    f"GET {C}/audit": rule(*STAFF),
    f"GET {C}/open311-keys": rule(r.COMMUNITY_ADMIN), f"POST {C}/open311-keys": rule(r.COMMUNITY_ADMIN),
    f"DELETE {C}/open311-keys/{{key_id}}": rule(r.COMMUNITY_ADMIN),
    # reports and cases
    f"GET {V}/issues": rule(*CASE, r.TOWN_ADMIN), f"POST {V}/issues": rule(MEMBER),
    f"GET {V}/issues/duplicates": rule(MEMBER),
    f"GET {V}/issues/{{issue_id}}": rule(*STAFF, own="reporter"),
    f"GET {V}/issues/{{issue_id}}/photos/{{n}}": rule(*STAFF, own="reporter"),
    f"GET {V}/issues/{{issue_id}}/action-items": rule(MEMBER),
    f"POST {V}/issues/{{issue_id}}/actions/{{action}}": rule(*RC),  # start and resolve: all four parties
    f"PUT {V}/issues/{{issue_id}}/classification": rule(*RC),
    f"POST {V}/issues/{{issue_id}}/followers": rule(MEMBER),
    f"POST {V}/issues/{{issue_id}}/rating": rule(MEMBER),  # the service takes only its reporters' ratings
    f"POST {V}/joint-meetings": rule(*RC),
    f"GET {C}/joint-meetings/{{meeting_id}}": rule(*CASE),
    f"PUT {C}/joint-meetings/{{meeting_id}}/minutes": rule(*RC),
    f"POST {C}/joint-meetings/{{meeting_id}}/action-items": rule(*RC),
    f"POST {C}/action-items/{{item_id}}/done": rule(*CASE),
    f"GET {C}/case-routing": rule(*CASE), f"PUT {C}/case-routing": rule(r.COMMUNITY_ADMIN),
    f"PUT {C}/case-limits": rule(r.COMMUNITY_ADMIN),
    f"GET {C}/case-rates": rule(*CASE, r.TOWN_ADMIN), f"GET {V}/towns/{{town_id}}/case-rates": rule(r.TOWN_ADMIN),
    # notices
    f"POST {C}/announcements": rule(*AUTHORS),
    f"GET {C}/announcements": rule(MEMBER),  # staff get every one with receipt counts
    f"GET {V}/announcements/{{announcement_id}}": rule(*STAFF),
    f"POST {V}/announcements/{{announcement_id}}/resend": rule(*CASE),
    f"GET {C}/deliveries": rule(*STAFF), f"GET {C}/templates": rule(*STAFF),
    f"GET {C}/templates/{{kind}}/{{locale}}": rule(*STAFF), f"PUT {C}/templates/{{kind}}/{{locale}}": rule(*RC),
    # volunteers and shifts
    f"POST {C}/volunteers": rule(MEMBER), f"GET {C}/volunteers": rule(*STAFF),
    f"GET {C}/volunteers/{{account_id}}": rule(*STAFF, own="volunteer"),
    f"PUT {C}/volunteers/{{account_id}}": rule(own="volunteer"),
    f"GET {C}/volunteers/{{account_id}}/certificate": rule(*STAFF, own="volunteer"),
    f"GET {C}/volunteers/{{account_id}}/signups": rule(*STAFF, own="volunteer"),
    f"POST {C}/volunteers/{{account_id}}/skills/{{skill}}/verification": rule(*CASE),
    f"GET {C}/hours": rule(*STAFF, own="volunteer"), f"GET {C}/recognition": rule(MEMBER),
    f"GET {C}/teams": rule(MEMBER), f"POST {C}/teams": rule(*CASE),
    f"POST {C}/activities": rule(*CASE), f"GET {V}/activities/{{activity_id}}": rule(MEMBER),
    f"GET {C}/shifts": rule(MEMBER), f"GET {C}/shift-gaps": rule(*STAFF),
    f"POST {V}/shifts/{{shift_id}}/signups": rule(MEMBER),  # the service takes registered volunteers only
    f"GET {V}/shifts/{{shift_id}}/signups": rule(*STAFF, own="lead"),
    f"POST {V}/shifts/{{shift_id}}/invitations": rule(*CASE),
    f"DELETE {V}/signups/{{signup_id}}": rule(*CASE, own="volunteer"),
    f"POST {V}/signups/{{signup_id}}/check-in": rule(*CASE, own="volunteer"),
    f"POST {V}/signups/{{signup_id}}/check-out": rule(*CASE, own="volunteer"),
    f"POST {V}/signups/{{signup_id}}/no-show": rule(*CASE, own="lead"),
    # the space: resources, bookings, coupons, places
    f"GET {C}/resources": rule(MEMBER), f"POST {C}/resources": rule(*CASE),
    f"GET {C}/resources/{{resource_id}}": rule(MEMBER),
    f"GET {C}/resources/{{resource_id}}/calendar.ics": rule(ANYONE),
    f"POST {V}/bookings": rule(MEMBER), f"POST {V}/bookings/series": rule(MEMBER),
    f"POST {V}/waitlist": rule(MEMBER),
    f"GET {V}/bookings/{{booking_id}}": rule(*STAFF, own="booker"),
    f"POST {V}/bookings/{{booking_id}}/confirm": rule(*CASE),
    f"POST {V}/bookings/{{booking_id}}/decline": rule(*CASE),
    f"POST {V}/bookings/{{booking_id}}/cancel": rule(*CASE, own="booker"),
    f"POST {V}/bookings/{{booking_id}}/check-in": rule(*CASE, own="booker"),  # the booker shows its code
    f"POST {V}/bookings/{{booking_id}}/return": rule(*CASE, own="booker"),
    f"POST {V}/bookings/{{booking_id}}/accept": rule(own="booker"),  # the resident it was offered to
    f"GET {C}/bookings": rule(MEMBER),  # staff see all, the others their own
    f"GET {C}/coupons": rule(MEMBER), f"POST {C}/coupons": rule(r.SHOP),
    f"POST {C}/coupons/{{coupon_id}}/claim": rule(MEMBER),
    f"POST {V}/coupons/redeem": rule(r.SHOP),
    f"GET {C}/places": rule(ANYONE), f"GET {C}/places.geojson": rule(ANYONE),
    # the owners' assembly, surveys and topics
    f"GET {C}/votes": rule(MEMBER), f"POST {C}/votes": rule(*VOTE),
    f"GET {V}/votes/{{vote_id}}": rule(MEMBER),
    f"POST {V}/votes/{{vote_id}}/ballots": rule(r.OWNER),
    f"GET {V}/votes/{{vote_id}}/my-ballot": rule(r.OWNER),
    f"POST {V}/votes/{{vote_id}}/paper-ballots": rule(*VOTE),
    f"GET {V}/votes/{{vote_id}}/turnout": rule(*VOTE), f"POST {V}/votes/{{vote_id}}/close": rule(*VOTE),
    f"GET {C}/surveys": rule(MEMBER), f"POST {C}/surveys": rule(*CASE),
    f"GET {V}/surveys/{{survey_id}}": rule(MEMBER), f"POST {V}/surveys/{{survey_id}}/answers": rule(MEMBER),
    f"GET {V}/surveys/{{survey_id}}/results": rule(*STAFF),
    f"GET {V}/surveys/{{survey_id}}/demand.csv": rule(*STAFF),
    f"GET {C}/topics": rule(MEMBER), f"POST {C}/topics": rule(*CASE),
    f"GET {C}/report-clusters": rule(*CASE),
    f"GET {V}/topics/{{topic_id}}": rule(MEMBER), f"POST {V}/topics/{{topic_id}}/comments": rule(MEMBER),
    f"POST {V}/topics/{{topic_id}}/support": rule(MEMBER),
    f"POST {V}/topics/{{topic_id}}/answer": rule(*CASE),
    # the kiosk: its devices, and what a device token may do
    f"GET {C}/kiosk-devices": rule(r.COMMUNITY_ADMIN), f"POST {C}/kiosk-devices": rule(r.COMMUNITY_ADMIN),
    f"DELETE {C}/kiosk-devices/{{device_id}}": rule(r.COMMUNITY_ADMIN),
    f"GET {V}/kiosk": rule(KIOSK), f"GET {V}/kiosk/services": rule(KIOSK), f"POST {V}/kiosk/check-in": rule(KIOSK),
    f"GET {V}/kiosk/announcements": rule(KIOSK),
}


class AccessPlugin(BasePlugin):
    """Writes each operation's declaration into the document as `x-linli-access`."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for method, operation in (operations or {}).items():
            declared = ACCESS.get(f"{method.upper()} {path}")
            if declared is not None:
                operation[EXTENSION] = declared
