"""The processes a load run needs: the platform as `make run` runs it, and the bare-stack ceilings."""
import os
import signal
import subprocess
import sys

from bench.load import storecalls
from services.common import config
from tests.e2e.platform import ROOT, Broker, Platform, free_port, procfile_commands, wait_for

MANAGEMENT = os.environ.get("LINLI_RABBIT_MANAGEMENT", "http://guest:guest@127.0.0.1:15672")
SERVICES = ("issues", "bookings", "volunteers", "notifications")
# Production's relay interval (the harness polls every 0.5 s for fast tests); tokens outlast the run;
# a 30 s RPC timeout (production: 5 s) so a slow answer on the shared machine is measured, not a 504.
BENCH_ENV = {"LINLI_ACCESS_TTL": "14400", "LINLI_RELAY_INTERVAL": "5", "LINLI_RPC_TIMEOUT": "30"}


def gateway_args(bind):
    """The Procfile's gunicorn arguments (workers, threads, app), bound to `bind`."""
    program, *args = procfile_commands()["gateway"]
    args[args.index("--bind") + 1] = bind
    return program, args


class LoadPlatform(Platform):
    """The e2e harness's platform, but with the gateway's gunicorn settings from the Procfile."""

    def __init__(self, workdir, broker, mongodb_uri, trace=True):
        super().__init__(workdir, broker, mongodb_uri)
        self.trace = os.path.join(workdir, "store-trace")
        self.extra_env = {**BENCH_ENV, **(storecalls.env(self.trace) if trace else {})}

    def command(self, name):
        if name != "gateway":
            return super().command(name)
        program, args = gateway_args(f"127.0.0.1:{self.port}")
        return [sys.executable, "-m", program, *args]

    def start_all(self):
        self.run("-m", "services.common.topology")
        self.run("-m", "gateway.seed")
        for name in (*SERVICES, "gateway"):
            self.start(name, **self.extra_env)

    def pids(self, name):
        """The pids of a process and its children (gunicorn's workers)."""
        root = self.processes[name].pid
        found = subprocess.run(["pgrep", "-g", str(root)], capture_output=True, text=True).stdout.split()
        return [int(pid) for pid in found]

    def roles(self):
        """A function naming the part of the run a process is: ours, the shared store or broker, or other."""
        ours = {pid: name for name in self.processes for pid in self.pids(name)}
        return lambda pid, command: ours.get(pid) or shared_role(command)


def shared_role(command):
    """The shared store, the shared broker, or anything else on the machine."""
    if "ferretdb" in command:
        return "FerretDB (shared with the other engineers)"
    if "beam.smp" in command:
        return "RabbitMQ (shared with the other engineers)"
    return "other processes (other engineers' tests, the OS)"


class Ceilings:
    """The trivial Flask app (gunicorn, the gateway's settings) and the echo nameko service."""

    def __init__(self, workdir, broker):
        self.workdir, self.broker = workdir, broker
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes = []

    def start(self):
        env = {**os.environ, "AMQP_URI": self.broker.uri, "PYTHONUNBUFFERED": "1"}
        program, args = gateway_args(f"127.0.0.1:{self.port}")
        args[-1] = "bench.load.trivial:create_app()"
        self._spawn([sys.executable, "-m", program, *args], env, "trivial-flask")
        self._spawn([sys.executable, "-m", "nameko", "run", "--broker", self.broker.uri, "bench.load.trivial:Echo"], env, "echo")
        wait_for(lambda: self.broker.consumers("rpc-echo") >= 1, 60, "the echo service")
        wait_for(self._answers, 60, "the trivial Flask app")

    def _spawn(self, command, env, name):
        log = open(os.path.join(self.workdir, f"{name}.log"), "a")
        self.processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                               start_new_session=True))

    def _answers(self):
        import requests
        try:
            return requests.get(self.url + "/rpc", timeout=5).ok
        except requests.RequestException:
            return False

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)


def private_broker():
    broker = Broker(config.amqp_uri(), MANAGEMENT)
    broker.create()
    return broker
