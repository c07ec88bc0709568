"""The load mix: residents reading, reporting, booking, signing up and voting; staff working the queue.

Run by bench.load in its own process (locust brings gevent; the platform runs eventlet):
    locust -f bench/load/locustfile.py --headless ...   with LOAD_CONTEXT=<seeded context json>
LOAD_RATE is each user's requests per second (0: as fast as the platform answers).
A business refusal the API documents (409 full/taken/already voted) is a right answer, not an error.
"""
import itertools
import json
import os
import random
from datetime import datetime, timedelta, timezone

from locust import FastHttpUser, constant, constant_throughput, task

CONTEXT = json.load(open(os.environ["LOAD_CONTEXT"])) if os.environ.get("LOAD_CONTEXT") else {}
RATE = float(os.environ.get("LOAD_RATE", "0"))
SHANGHAI = timezone(timedelta(hours=8))
_identities = itertools.count()


def pace():
    return constant_throughput(RATE) if RATE > 0 else constant(0)


def printer_slot(rng):
    """A random quarter hour of the printer's opening hours in the coming month, Shanghai time."""
    day = datetime.now(SHANGHAI).replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(days=rng.randint(1, 30))
    starts = day + timedelta(minutes=15 * rng.randint(0, 51))
    return starts.isoformat(), (starts + timedelta(minutes=15)).isoformat()


class Linli(FastHttpUser):
    abstract = True
    wait_time = pace()

    def send(self, method, path, name, expect=(200,), **kwargs):
        with self.client.request(method, path, name=name, headers=self.headers, catch_response=True, **kwargs) as answer:
            if answer.status_code in expect:
                answer.success()
            else:
                answer.failure(f"{answer.status_code} {(answer.text or repr(answer.error))[:200]}")
            return answer


class Resident(Linli):
    weight = 9

    def on_start(self):
        people = CONTEXT["residents"]
        self.me = people[next(_identities) % len(people)]
        self.headers = {"Authorization": f"Bearer {self.me['token']}"}
        self.cid, self.rng, self.voted = CONTEXT["community_id"], random.Random(), set()

    @task(5)
    def read_inbox(self):
        self.send("GET", "/api/v1/me/notifications?limit=20", "GET inbox")

    @task(2)
    def list_my_bookings(self):
        self.send("GET", f"/api/v1/communities/{self.cid}/bookings", "GET bookings")

    @task(2)
    def list_shifts(self):
        self.send("GET", f"/api/v1/communities/{self.cid}/shifts", "GET shifts")

    @task(1)
    def list_votes(self):
        self.send("GET", f"/api/v1/communities/{self.cid}/votes", "GET votes")

    @task(3)
    def report(self):
        self.send("POST", "/api/v1/issues", "POST issue report", expect=(201,), json={
            "community_id": self.cid, "category": "non_motor_vehicles", "title": "楼道里停满电瓶车",
            "description": "楼道被电瓶车堵住了，消防通道不通",
            "location": {"building_id": self.me["building_id"], "unit_id": self.me["unit_id"]}})

    @task(2)
    def book_printer(self):
        starts, ends = printer_slot(self.rng)
        self.send("POST", "/api/v1/bookings", "POST booking", expect=(201, 409), json={
            "community_id": self.cid, "resource_id": CONTEXT["printer_id"], "starts_at": starts, "ends_at": ends})

    @task(1)
    def sign_up(self):
        shift = self.rng.choice(CONTEXT["shift_ids"])
        self.send("POST", f"/api/v1/shifts/{shift}/signups", "POST shift sign-up", expect=(201, 202, 409), json={})

    @task(1)
    def vote(self):
        left = [v for v in CONTEXT["vote_ids"] if v not in self.voted]
        if not left:
            self.send("GET", f"/api/v1/votes/{self.rng.choice(CONTEXT['vote_ids'])}", "GET vote")
            return
        self.voted.add(left[0])
        self.send("POST", f"/api/v1/votes/{left[0]}/ballots", "POST ballot", expect=(201, 409),
                  json={"choice": self.rng.choice(["for", "for", "against", "abstain"])})


class Staff(Linli):
    weight = 1

    def on_start(self):
        self.headers = {"Authorization": f"Bearer {random.choice(CONTEXT['staff'])}"}
        self.cid, self.waiting = CONTEXT["community_id"], []

    @task(3)
    def queue(self):
        answer = self.send("GET", f"/api/v1/issues?community_id={self.cid}&status=submitted&limit=20", "GET case queue")
        if answer.status_code == 200:
            self.waiting = [case["id"] for case in answer.json()["items"]]

    @task(2)
    def accept(self):
        if self.waiting:
            case = self.waiting.pop(0)
            self.send("POST", f"/api/v1/issues/{case}/actions/accept", "POST case accept", expect=(200, 409), json={})

    @task(1)
    def gaps(self):
        self.send("GET", f"/api/v1/communities/{self.cid}/shift-gaps", "GET shift gaps")


class Alone(Linli):
    """One resident task (LOAD_ONLY, e.g. `report`), as fast as the platform answers: an endpoint's peak."""

    on_start = Resident.on_start
    tasks = [Resident.__dict__[os.environ.get("LOAD_ONLY", "report")]]


class Bare(Linli):
    """GET LOAD_PATH of the trivial app (/ping, /rpc), as fast as it answers: the ceilings."""

    headers = {}

    @task
    def hit(self):
        path = os.environ.get("LOAD_PATH", "/ping")
        self.send("GET", path, f"GET {path}")
