"""Client threads that keep a mixed load going through the gateway and log every request.

Each operation gets one `Idempotency-Key`; an attempt without an answer, a 5xx, or a 409
saying the key is still in progress is retried with the same key, as a real client does,
until it gets another answer or its retry budget runs out. The log (every attempt, with
the fault phase it fell in) is the clients' side of the reconciliation.
"""
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests

from tests.chaos.world import SHANGHAI

OPERATIONS = ("report", "booking", "signup", "ballot", "announcement")


@dataclass
class Attempt:
    phase: str
    status: int | None  # None: no answer at all (refused, reset, timed out)
    problem: bool  # the answer was application/problem+json
    at: float


@dataclass
class Operation:
    client: int
    kind: str
    key: str
    phase: str
    subject: dict  # what it acted on: vote, unit, shift, recipient
    attempts: list = field(default_factory=list)
    result: dict | None = None  # the 2xx body, if any

    @property
    def accepted(self):
        return self.result is not None


class Log:
    """Every operation of every client, and the phase the run is in now."""

    def __init__(self):
        self.operations = []
        self.phase = "setup"
        self.crashes = []  # what broke a client's own code (not an answer of the platform)
        self.lock = threading.Lock()

    def add(self, operation):
        with self.lock:
            self.operations.append(operation)


class Client(threading.Thread):
    """One resident (and, for announcements, the social worker) doing the five things in turn."""

    def __init__(self, number, platform, world, log, stop, retry_for):
        super().__init__(name=f"chaos-client-{number}", daemon=True)
        self.number, self.platform, self.world, self.log = number, platform, world, log
        self.actor = world.actors[number]
        self.stop, self.retry_for = stop, retry_for
        self.votes = list(world.vote_ids)
        self.shifts = list(world.shift_ids)
        self.random = random.Random(number)

    def run(self):
        turn = self.number
        while not self.stop.is_set():
            kind = OPERATIONS[turn % len(OPERATIONS)]
            turn += 1
            request = getattr(self, kind)()
            try:
                if request is not None:
                    self.perform(kind, *request)
            except Exception as exc:  # a client must outlive anything the platform answers
                self.log.crashes.append(f"{kind}: {exc!r}"[:200])
            self.stop.wait(0.2)

    def perform(self, kind, method, path, body, subject, token=None):
        operation = Operation(self.number, kind, uuid.uuid4().hex, self.log.phase, subject)
        self.log.add(operation)
        deadline = time.monotonic() + self.retry_for
        while True:
            status, problem, answer = self.send(method, path, body, operation.key, token or self.actor.token)
            operation.attempts.append(Attempt(self.log.phase, status, problem, time.time()))
            if status is not None and 200 <= status < 300:
                operation.result = answer
                return
            if not retryable(status, answer) or time.monotonic() > deadline:
                return
            time.sleep(1)

    def send(self, method, path, body, key, token):
        headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": key, "Accept-Language": "en"}
        try:
            response = requests.request(method, self.platform.url + path, json=body, headers=headers, timeout=20)
        except requests.RequestException:
            return None, False, None
        problem = response.headers.get("Content-Type", "").startswith("application/problem+json")
        try:
            return response.status_code, problem, response.json()
        except ValueError:
            return response.status_code, problem, None

    def report(self):
        tag = f"混沌报事 {uuid.uuid4().hex[:10]}"
        return "POST", "/api/v1/issues", {
            "community_id": self.world.community_id, "category": "non_motor_vehicles", "title": tag,
            "description": "混沌测试：楼道里停满电瓶车",
            "location": {"building_id": self.world.building_id, "unit_id": self.actor.unit_id}}, {"title": tag}

    def booking(self):
        day, hour = self.random.randint(1, 12), self.random.randint(8, 21)
        starts = (datetime.now(SHANGHAI) + timedelta(days=day)).replace(hour=hour, minute=0, second=0, microsecond=0)
        tag = f"混沌预约 {uuid.uuid4().hex[:10]}"
        return "POST", "/api/v1/bookings", {
            "community_id": self.world.community_id, "resource_id": self.world.resource_id,
            "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "title": tag}, {"title": tag}

    def signup(self):
        if not self.shifts:
            return None
        shift_id = self.shifts.pop(0)
        return "POST", f"/api/v1/shifts/{shift_id}/signups", {}, {"shift_id": shift_id,
                                                                  "account_id": self.actor.account_id}

    def ballot(self):
        if not self.votes:
            return None
        vote_id = self.votes.pop(0)
        return "POST", f"/api/v1/votes/{vote_id}/ballots", {"choice": "for"}, {
            "vote_id": vote_id, "unit_id": self.actor.unit_id}

    def announcement(self):
        tag = f"混沌通知 {uuid.uuid4().hex[:10]}"
        return "POST", f"/api/v1/communities/{self.world.community_id}/announcements", {
            "title": tag, "body": "混沌测试：明日停水", "audience": {"account_ids": [self.actor.account_id]}}, {
            "title": tag, "recipient": self.actor.account_id}, self.world.staff["social_worker"]


def retryable(status, answer):
    """No answer, a server-side failure, or a key still held by an earlier attempt."""
    if status is None or status >= 500:
        return True
    detail = answer.get("detail", "") if isinstance(answer, dict) else ""
    return status == 409 and "Idempotency-Key" in str(detail)


class Load:
    """Start and stop a few clients against the platform."""

    def __init__(self, platform, world, clients, retry_for):
        self.log = Log()
        self.stop = threading.Event()
        self.clients = [Client(n, platform, world, self.log, self.stop, retry_for) for n in range(clients)]

    def start(self):
        for client in self.clients:
            client.start()

    def finish(self, timeout=300):
        self.stop.set()
        for client in self.clients:
            client.join(timeout)
