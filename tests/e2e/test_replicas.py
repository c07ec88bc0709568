"""Two instances of every service share the work and never double an effect."""
import json
from collections import Counter

import pytest

from tests.e2e.platform import wait_for
from tests.e2e.test_slice import community, inbox, issue_ids, register, report  # noqa: F401 (fixture)

SERVICES = ("issues", "bookings", "volunteers", "notifications")


@pytest.fixture(scope="module")
def replicated(platform):
    for name in SERVICES:
        platform.start(name, replica=2)
    yield platform
    for name in SERVICES:
        platform.kill(f"{name}#2")


def handled(platform, key, entrypoint):
    """How many workers of `entrypoint` the instance's log says finished."""
    return sum(1 for line in platform.log(key).splitlines()
               if line.startswith("{") and json.loads(line).get("entrypoint") == entrypoint
               and json.loads(line).get("message") == "worker finished")


def test_two_instances_of_each_service_share_reports_and_deliver_each_receipt_once(replicated, community):
    platform = replicated
    resident = register(platform, community)
    before = {key: handled(platform, key, "report_issue") for key in ("issues", "issues#2")}
    sent = [report(platform, resident, community, title=f"并行报事 {n}").json()["id"] for n in range(24)]
    wait_for(lambda: sum(issue_ids(inbox(platform, resident), "issue_reported.receipt").values()) >= 24, 60,
             "every receipt")
    assert issue_ids(inbox(platform, resident), "issue_reported.receipt") == Counter({i: 1 for i in sent})
    assert platform.db("issues").issues.count_documents({"reporter_id": {"$exists": True},
                                                        "title": {"$regex": "^并行报事"}}) == 24
    for key in ("issues", "issues#2"):
        assert handled(platform, key, "report_issue") > before[key], f"{key} took no report"
    for key in ("notifications", "notifications#2"):
        assert handled(platform, key, "on_issues_event") > 0, f"{key} took no event"
