"""Real outside endpoints for tests, each in a process of its own: an SMTP server (aiosmtpd)
writing to a maildir, and an HTTP endpoint for Apprise's `json://` that fails a given
number of times before it answers 200 (or always fails).
"""
import json
import mailbox
import socket
import subprocess
import sys
import time
from email.header import decode_header, make_header
from pathlib import Path

FLAKY_HTTP = r'''
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
port, failures, log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
seen = [0]
class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        seen[0] += 1
        status = 500 if failures < 0 or seen[0] <= failures else 200
        with open(log, "a") as out:
            out.write(json.dumps({"status": status, "body": body.decode()}) + "\n")
        self.send_response(status); self.end_headers(); self.wfile.write(b"{}")
    def log_message(self, *args):
        pass
HTTPServer(("127.0.0.1", port), Handler).serve_forever()
'''


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {port}")


class SmtpServer:
    def __init__(self, workdir):
        self.port = free_port()
        self.maildir = Path(workdir) / "maildir"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}",
             "-c", "aiosmtpd.handlers.Mailbox", str(self.maildir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.port)

    def messages(self):
        """(to, subject, body) of every message received so far."""
        if not self.maildir.exists():
            return []
        return [(m["To"], str(make_header(decode_header(m["Subject"]))), m.get_payload(decode=True).decode())
                for m in mailbox.Maildir(self.maildir, create=False)]

    def stop(self):
        self.process.kill()
        self.process.wait()


class FlakyEndpoint:
    """An HTTP endpoint that answers 500 `failures` times, then 200; always 500 if `failures` < 0."""

    def __init__(self, workdir, failures):
        self.port = free_port()
        self.log = Path(workdir) / f"http-{self.port}.jsonl"
        self.process = subprocess.Popen([sys.executable, "-c", FLAKY_HTTP, str(self.port), str(failures), str(self.log)])
        wait_listening(self.port)
        self.url = f"json://127.0.0.1:{self.port}/notify"

    def requests(self):
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def stop(self):
        self.process.kill()
        self.process.wait()
