"""Answers one question for the deploy scripts; exit status 0 means yes.

    probe.py amqp URI    does a RabbitMQ broker accept a login at URI?
    probe.py mongo URI   does a MongoDB-wire store answer `ping` at URI?
    probe.py http URL    does URL answer 2xx?
    probe.py local URI   is URI's host this machine? prints `port path` if so
"""
import sys
import urllib.request
from urllib.parse import unquote, urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TIMEOUT = 3


def amqp(uri):
    from kombu import Connection

    with Connection(uri, connect_timeout=TIMEOUT) as conn:
        conn.ensure_connection(max_retries=1)
    return True


def mongo(uri):
    from pymongo import MongoClient

    client = MongoClient(uri, serverSelectionTimeoutMS=TIMEOUT * 1000, connectTimeoutMS=TIMEOUT * 1000)
    try:
        return client.admin.command("ping").get("ok") == 1
    finally:
        client.close()


def http(url):
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return 200 <= response.status < 300


def local(uri):
    parts = urlsplit(uri)
    if parts.hostname not in LOOPBACK:
        return False
    default_port = {"amqp": 5672, "mongodb": 27017}.get(parts.scheme, 0)
    print(parts.port or default_port, unquote(parts.path.lstrip("/")) or "/")
    return True


def main(argv):
    if len(argv) != 3 or argv[1] not in ("amqp", "mongo", "http", "local"):
        sys.exit(__doc__)
    try:
        ok = globals()[argv[1]](argv[2])
    except Exception as exc:  # any failure to answer is a "no"; say why for debugging
        print(f"{argv[1]} {argv[2]}: {exc}", file=sys.stderr)
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv)
