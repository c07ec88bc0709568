"""Structured JSON logs: one object per line, carrying the service and the request id."""
import json
import logging
import os
import threading
from datetime import datetime, timezone

_context = threading.local()  # greened by eventlet's monkey patch: one per worker
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def bind(**fields):
    """Set the fields every log line of the current worker (or thread) carries."""
    _context.fields = {k: v for k, v in fields.items() if v is not None}


def bound():
    return getattr(_context, "fields", {})


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": os.environ.get("LINLI_SERVICE", "linli"),
            "logger": record.name,
            "message": record.getMessage(),
            **bound(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(level=None):
    """Send every log line to stderr as JSON."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level or os.environ.get("LINLI_LOG_LEVEL", "INFO"))
