"""A private RabbitMQ node and a private FerretDB for one chaos run, so the shared ones never stop.

Both keep their data in a directory of the run: a stopped and restarted node keeps its
durable queues and persistent messages, a restarted store keeps its SQLite files.
"""
import os
import random
import signal
import socket
import subprocess
import uuid
from pathlib import Path

import pika
import pymongo

from tests.e2e.platform import ROOT, wait_for

RABBITMQ_SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server"
FERRETDB = ROOT / ".state" / "bin" / "linli-ferretdb"


def steady_port():
    """A free port below the ephemeral range, so no outgoing connection takes it while our daemon is down."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    while True:
        port = random.randrange(20000, min(low, 32000))
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port


class Daemon:
    """A background process we start, stop (SIGTERM, then SIGKILL) and start again."""

    name = "daemon"

    def __init__(self, workdir):
        self.workdir = Path(workdir) / self.name
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.process = None

    def start(self, timeout=120):
        log = open(self.workdir / "out.log", "a")
        self.process = subprocess.Popen(self.command(), env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True, cwd=self.workdir)
        wait_for(self.answers, timeout, f"the private {self.name}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def env(self):
        return dict(os.environ)


class PrivateRabbit(Daemon):
    """A RabbitMQ node of its own name, ports, data, plugins (none) and Erlang cookie."""

    name = "rabbitmq"

    def __init__(self, workdir):
        super().__init__(workdir)
        self.port, self.dist_port = steady_port(), steady_port()
        self.node = f"linli-chaos-{uuid.uuid4().hex[:6]}@localhost"
        self.uri = f"amqp://guest:guest@127.0.0.1:{self.port}/"
        (self.workdir / "home").mkdir(exist_ok=True)
        (self.workdir / "enabled_plugins").write_text("[].\n")

    def command(self):
        return [RABBITMQ_SERVER]

    def env(self):
        base = self.workdir
        return {**os.environ, "HOME": str(base / "home"), "RABBITMQ_NODENAME": self.node,
                "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1", "RABBITMQ_NODE_PORT": str(self.port),
                "RABBITMQ_DIST_PORT": str(self.dist_port), "RABBITMQ_MNESIA_BASE": str(base / "mnesia"),
                "RABBITMQ_LOG_BASE": str(base / "log"), "RABBITMQ_PID_FILE": str(base / "node.pid"),
                "RABBITMQ_ENABLED_PLUGINS_FILE": str(base / "enabled_plugins"),
                "RABBITMQ_CONFIG_FILE": str(base / "none"), "RABBITMQ_ADVANCED_CONFIG_FILE": str(base / "none.config")}

    def answers(self):
        self._assert_running()
        try:
            pika.BlockingConnection(pika.URLParameters(self.uri + "?connection_attempts=1&socket_timeout=2")).close()
            return True
        except pika.exceptions.AMQPError:
            return False

    def _assert_running(self):
        if self.process.poll() is not None:
            log = (self.workdir / "out.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the private RabbitMQ exited with {self.process.returncode}:\n{log}")


class PrivateStore(Daemon):
    """The FerretDB binary `make infra` builds, on its own port and data directory."""

    name = "ferretdb"

    def __init__(self, workdir):
        super().__init__(workdir)
        self.port = steady_port()
        self.uri = f"mongodb://127.0.0.1:{self.port}/"

    def command(self):
        return [str(FERRETDB), "-listen", f"127.0.0.1:{self.port}", "-data", str(self.workdir / "data")]

    def answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"the private FerretDB exited with {self.process.returncode}")
        try:
            pymongo.MongoClient(self.uri, serverSelectionTimeoutMS=1000).admin.command("ping")
            return True
        except pymongo.errors.PyMongoError:
            return False


class PrivateBroker:
    """What `tests.e2e.platform.Platform` needs of a broker, on the private node's `/` vhost."""

    def __init__(self, rabbit):
        self.uri = rabbit.uri
        self.vhost = "/"

    def create(self):
        """Nothing to do: the node is ours alone."""

    def delete(self):
        """Nothing to do: the node goes with the run."""

    def consumers(self, queue):
        try:
            connection = pika.BlockingConnection(pika.URLParameters(self.uri + "?connection_attempts=1"))
        except pika.exceptions.AMQPError:
            return 0
        try:
            return connection.channel().queue_declare(queue, passive=True).method.consumer_count
        except pika.exceptions.ChannelClosedByBroker:  # the queue does not exist yet
            return 0
        finally:
            if connection.is_open:
                connection.close()
