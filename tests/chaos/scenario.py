"""One chaos run: private broker and store, the five processes, steady load, faults in turn, reconciliation."""
import threading
import time
from dataclasses import dataclass

import pika
import requests

from services.common import topology

from tests.chaos import world as worlds
from tests.chaos.clients import Load
from tests.chaos.faults import SERVICES, Faults
from tests.chaos.infra import PrivateBroker, PrivateRabbit, PrivateStore
from tests.chaos.reconcile import Row, reconcile, unpublished
from tests.e2e.platform import Platform, wait_for


@dataclass
class Plan:
    """How long and how hard: the full run (`make chaos`) or the short one in `make test`."""

    faults: tuple  # names of `Faults` methods, or "sigkill:<process>"
    outage: float  # seconds a broker or store stays down, and replicas stay up
    # seconds of load after each fault; longer than `rpc_timeout`, so a request whose reply was
    # lost in the fault is answered (504) inside the window instead of after it
    settle: float
    clients: int = 4
    votes: int = 10
    shifts: int = 40
    retry_for: float = 90  # a client's retry budget per operation
    # redeliveries far enough apart that a handler outlives a store outage before it dead-letters
    retry_delays: str = "1,2,4,8,15,30"
    rpc_timeout: float = 10  # the gateway's wait for a service (LINLI_RPC_TIMEOUT)

    def __post_init__(self):
        if self.settle <= self.rpc_timeout:
            raise ValueError("settle must outlast rpc_timeout, or a mended window can end before any answer")


FULL = Plan(faults=(*(f"sigkill:{n}" for n in (*SERVICES, "gateway")), "replicas", "poison",
                    "broker_outage", "store_outage"), outage=30, settle=12, votes=30, shifts=30)


class Run:
    def __init__(self, workdir, plan, say=print):
        self.plan, self.started = plan, time.monotonic()
        self.say = lambda text: say(f"[{time.monotonic() - self.started:6.1f}s] {text}")
        self.rabbit, self.store = PrivateRabbit(workdir), PrivateStore(workdir)
        self.env = {"LINLI_RETRY_DELAYS": plan.retry_delays, "LINLI_RPC_TIMEOUT": str(plan.rpc_timeout)}
        self.platform = None
        self.revived = []
        self.phase = "setup"
        self.done = threading.Event()
        self.workdir = workdir

    def __enter__(self):
        self.rabbit.start()
        self.store.start()
        self.platform = Platform(self.workdir, PrivateBroker(self.rabbit), self.store.uri)
        self.platform.run("-m", "services.common.topology")
        self.platform.run("-m", "gateway.seed")
        for name in (*SERVICES, "gateway"):
            self.platform.start(name, **self.env)
        threading.Thread(target=self.supervise, name="chaos-supervisor", daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        if self.platform is not None:
            self.platform.stop_all()
        self.rabbit.stop()
        self.store.stop()

    def execute(self):
        """Load, faults, drain, reconcile; returns the rows and the events found unconsumed."""
        plan, platform = self.plan, self.platform
        self.say("chaos: platform up; making the world")
        world = worlds.build(platform, plan.clients, plan.votes, plan.shifts)
        self.say("chaos: steady load")
        faults = Faults(platform, self.rabbit, self.store, self.env, plan.outage)
        load = Load(platform, world, plan.clients, plan.retry_for)
        phases = ["steady"]
        load.log.phase = "steady"
        load.start()
        time.sleep(plan.settle)
        for name in plan.faults:
            fault = faults.sigkill(name.split(":")[1]) if name.startswith("sigkill:") else getattr(faults, name)
            label = fault.__name__.replace("_", " ")
            self.say(f"chaos: {label}")
            self.phase = label
            load.log.phase = label
            phases.append(label)
            fault()
            self.wait_ready(label)
            load.log.phase = f"{label}, mended"
            phases.append(load.log.phase)
            self.say(f"chaos: {label} mended")
            time.sleep(plan.settle)
        load.finish()
        self.say("chaos: load stopped; draining")
        self.wait_ready("the end")
        self.drain()
        rows, missing = reconcile(platform, world, load.log, phases, faults.poison_ids)
        return rows + [Row("all", "processes that exited by themselves (restarted, as compose would)", "-",
                           "; ".join(self.revived) or 0, "info")], missing

    def supervise(self):
        """Start again any process that exited by itself, as `restart: unless-stopped` does in compose."""
        while not self.done.wait(1):
            for key, process in list(self.platform.processes.items()):
                if process.poll() is None or self.platform.processes.get(key) is not process:
                    continue
                self.platform.processes.pop(key)
                self.revived.append(f"{key} in {self.phase} (exit {process.returncode})")
                self.say(f"chaos: {key} exited by itself; starting it again")
                name, _, replica = key.partition("#")
                try:
                    self.platform.start(name, replica=int(replica or 1), **self.env)
                except (TimeoutError, RuntimeError) as exc:  # still starting, or exited again: next round
                    self.say(f"chaos: {key} not ready yet: {str(exc)[:200]}")

    def wait_ready(self, label):
        """The fault is mended once the gateway says every part answers again."""
        def ready():
            try:
                return self.platform.api("GET", "/readyz").status_code == 200
            except requests.RequestException:
                return False
        wait_for(ready, 180, f"the platform to be ready after {label}")

    def drain(self):
        """Wait until every outbox is published and every event queue is empty; the checks say what is left."""
        delays = [float(d) for d in self.plan.retry_delays.split(",")]
        queues = [sub.queue for sub in topology.SUBSCRIPTIONS]
        queues += [f"linli.delay.{topology.delay_key(seconds)}" for seconds in delays]
        try:
            wait_for(lambda: not unpublished(self.platform)[0], 120, "every outbox to drain")
            wait_for(lambda: all(self.depth(q) == 0 for q in queues), 180, "every event queue to drain")
        except TimeoutError as exc:
            self.say(f"chaos: {exc}; left: {unpublished(self.platform)[0][:10]}")
        time.sleep(2)  # a handler may still be finishing its last message

    def depth(self, queue):
        connection = pika.BlockingConnection(pika.URLParameters(self.rabbit.uri))
        try:
            return connection.channel().queue_declare(queue, passive=True).method.message_count
        finally:
            connection.close()
