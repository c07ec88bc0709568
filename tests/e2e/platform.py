"""The whole platform as real processes: four nameko services and the gunicorn gateway.

Each run gets its own RabbitMQ vhost and its own database prefix, so it can run beside a
`make run` on the same broker and store.
"""
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pymongo
import requests
from kombu import Connection
from honcho.environ import parse_procfile
from kombu.exceptions import ChannelError
from nameko.standalone.rpc import ClusterRpcProxy

ROOT = Path(__file__).resolve().parents[2]


def procfile_commands():
    """Each process's command as `make run` gives it to honcho, minus the env prefix."""
    processes = parse_procfile((ROOT / "Procfile").read_text()).processes
    return {name: shlex.split(line)[1:] for name, line in processes.items()}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


class Broker:
    """A private vhost on the running RabbitMQ, made and removed through its management API."""

    def __init__(self, base_uri, management):
        self.vhost = f"linli-e2e-{uuid.uuid4().hex[:8]}"
        self.management = management.rstrip("/")
        parts = urlsplit(base_uri)
        self.uri = urlunsplit((parts.scheme, parts.netloc, "/" + quote(self.vhost, safe=""), "", ""))

    def create(self):
        requests.put(f"{self.management}/api/vhosts/{self.vhost}", timeout=10).raise_for_status()
        requests.put(f"{self.management}/api/permissions/{self.vhost}/guest", timeout=10,
                     json={"configure": ".*", "write": ".*", "read": ".*"}).raise_for_status()

    def delete(self):
        requests.delete(f"{self.management}/api/vhosts/{self.vhost}", timeout=10)

    def consumers(self, queue):
        """Consumers on `queue` now (a passive declare; the management API's figures lag)."""
        try:
            with Connection(self.uri) as conn:
                return conn.default_channel.queue_declare(queue, passive=True).consumer_count
        except ChannelError:  # the queue does not exist yet
            return 0


class Platform:
    def __init__(self, workdir, broker, mongodb_uri):
        self.workdir = Path(workdir)
        self.broker = broker
        self.mongodb_uri = mongodb_uri
        self.prefix = f"e2e{uuid.uuid4().hex[:8]}_"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes = {}

    def env(self, name, **extra):
        return {**os.environ, "AMQP_URI": self.broker.uri, "MONGODB_URI": self.mongodb_uri,
                "LINLI_DB_PREFIX": self.prefix, "LINLI_SERVICE": name, "LINLI_RETRY_DELAYS": "0.2,0.4",
                "LINLI_RELAY_INTERVAL": "0.5", "LINLI_RPC_TIMEOUT": "5", "PYTHONUNBUFFERED": "1",
                "LINLI_FAILPOINTS": "", "LINLI_ADDRESS_ATTEMPTS": "100000/300", **extra}

    def run(self, *args):
        """Run a one-shot command (topology, seed) as the platform would."""
        return subprocess.run([sys.executable, *args], cwd=ROOT, env=self.env("setup"),
                              check=True, capture_output=True, text=True, timeout=120)

    def command(self, name):
        """The Procfile's command, run by this interpreter; the gateway on a free port, one worker."""
        program, *args = procfile_commands()[name]
        if name == "gateway":
            args = ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", "8", args[-1]]
        return [sys.executable, "-m", program, *args]

    def start(self, name, replica=1, **extra_env):
        """Start a process; `replica` > 1 starts another instance of it, named `name#replica`."""
        key = name if replica == 1 else f"{name}#{replica}"
        log = open(self.log_path(key), "a")
        env = self.env(name, LINLI_HEARTBEAT_FILE=str(self.workdir / f"{key}.beat"), **extra_env)
        self.processes[key] = subprocess.Popen(self.command(name), cwd=ROOT, env=env, stdout=log,
                                               stderr=subprocess.STDOUT, start_new_session=True)
        self.wait_ready(name)

    def instances(self, name):
        return [key for key in self.processes if key.split("#")[0] == name]

    def wait_ready(self, name):
        if name == "gateway":
            wait_for(lambda: self._answers("/api/health"), 60, "the gateway")
        else:
            running = len(self.instances(name))
            wait_for(lambda: self.broker.consumers(f"rpc-{name}") >= running, 60, f"the {name} service")

    def _answers(self, path):
        self.assert_alive("gateway")
        try:
            return requests.get(self.url + path, timeout=5).ok
        except requests.RequestException:  # not up yet, or too busy to answer in time
            return False

    def assert_alive(self, name):
        code = self.processes[name].poll()
        if code is not None:
            raise RuntimeError(f"{name} exited with {code}:\n{self.log(name)[-3000:]}")

    def kill(self, key, sig=signal.SIGKILL):
        """Stop one process (`name` or `name#replica`) and wait until the broker sees it gone."""
        process = self.processes.pop(key)
        os.killpg(process.pid, sig)
        process.wait(timeout=30)
        name = key.split("#")[0]
        if name != "gateway":
            left = len(self.instances(name))
            wait_for(lambda: self.broker.consumers(f"rpc-{name}") <= left, 30, f"{key}'s consumers to go")

    def stop_all(self):
        for name in list(self.processes):
            process = self.processes.pop(name)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)

    def log_path(self, name):
        return self.workdir / f"{name}.log"

    def log(self, name):
        path = self.log_path(name)
        return path.read_text(errors="replace") if path.exists() else ""

    def db(self, service):
        return pymongo.MongoClient(self.mongodb_uri)[self.prefix + service]

    def drop_databases(self):
        client = pymongo.MongoClient(self.mongodb_uri)
        for name in client.list_database_names():
            if name.startswith(self.prefix):
                client.drop_database(name)

    def rpc(self):
        return ClusterRpcProxy({"AMQP_URI": self.broker.uri}, timeout=10)

    def api(self, method, path, token=None, **kwargs):
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return requests.request(method, self.url + path, headers=headers, timeout=15, **kwargs)
