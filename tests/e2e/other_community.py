"""A second community in the demo town with its own admin: `python -m tests.e2e.other_community`.

Run by the permission matrix through `platform.run` (the platform's store and broker); prints
`{"community_id", "login"}` as JSON. The admin is registered like anyone, then given roles.
"""
import json
import sys
import uuid

from gateway import demo, runtime, settings
from gateway.identity import memberships, registration
from gateway.models import Community, Town
from gateway.schemas.auth import RegisterSchema


def main():
    state = runtime.build(settings.load())
    try:
        town = Town.objects(name=demo.TOWN["name"]).get()
        other = Community(town_id=town.id, name=f"邻村-{uuid.uuid4().hex[:6]}", name_en="Next village").save()
        login = f"admin-{uuid.uuid4().hex[:8]}@other.linli"
        data = RegisterSchema().load({"display_name": "邻村书记", "email": login, "password": demo.PASSWORD,
                                      "locale": "zh-CN", "community_id": str(other.id)})
        account, _ = registration.register(state.outbox, data, "matrix-seed")
        memberships.grant(state.outbox, account.id, other.id, ["community_admin", "social_worker"],
                          request_id="matrix-seed")
    finally:
        state.close()
    print(json.dumps({"community_id": str(other.id), "login": login}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
