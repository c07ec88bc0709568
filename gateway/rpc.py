"""nameko RPC from Flask threads (no eventlet): one open proxy per thread, errors mapped once.

A call that times out is a 503 when the service's queue is there but no instance consumes it
(stopped), else a 504 (alive but slow). Either way the request expires in the queue after the
timeout (a message TTL): after an outage, a service does not work through a backlog of requests
whose callers have long had their answer, and new requests are not stuck behind them.

Every call carries the request id in the proxy's context data (`request_id`), so the
service's logs and events name the same request as the gateway's.
"""
import json
import logging
import threading
import time

from amqp.exceptions import AMQPError
from kombu import Connection
from kombu.exceptions import ChannelError, OperationalError
from nameko.exceptions import BadRequest, RemoteError, RpcTimeout, UnknownService
from nameko.standalone.rpc import ClusterRpcProxy

from gateway.web import metrics, requestid
from gateway.web.problems import Problem

log = logging.getLogger(__name__)
BROKEN = (OSError, OperationalError, AMQPError, RuntimeError)
REMOTE_STATUS = {"InvalidInput": 422, "NotFound": 404, "Conflict": 409, "Forbidden": 403}


class RpcClient:
    def __init__(self, amqp_uri, timeout):
        self.config = {"AMQP_URI": amqp_uri}
        self.timeout = timeout
        self.local = threading.local()

    def call(self, service, method, *args, **kwargs):
        """`service.method(*args, **kwargs)` over RPC, or a problem (404/409/422/502/503/504)."""
        started, outcome = time.perf_counter(), "error"
        try:
            result = self._call(service, method, *args, **kwargs)
            outcome = "ok"
            return result
        finally:
            metrics.observe_rpc(service, method, outcome, time.perf_counter() - started)

    def _call(self, service, method, *args, **kwargs):
        try:
            target = getattr(self._proxy(), service)
            # a request nobody took within the timeout expires in the queue: its caller has had its
            # 503/504, and a backlog of such requests would hold up new ones after an outage
            target.options.setdefault("expiration", self.timeout)
            return getattr(target, method)(*args, **kwargs)
        except RemoteError as err:
            raise remote_problem(service, err) from None
        except BadRequest as err:  # nameko re-raises these itself: the call broke the service's contract
            log.error("rpc refused", extra={"service": service, "method": method, "error": repr(err)})
            raise failed(service) from None
        except UnknownService:
            raise unavailable(service) from None
        except RpcTimeout:
            log.warning("rpc timed out", extra={"service": service, "method": method})
            if self.listeners(service) == 0:
                raise unavailable(service) from None
            raise Problem(504, "The {service} service did not answer in time.", service=service) from None
        except BROKEN as exc:
            log.warning("rpc connection failed", extra={"service": service, "error": repr(exc)})
            self._drop()
            raise unavailable(service) from None

    def listeners(self, service):
        """How many instances consume the service's RPC queue now; None when it cannot be told."""
        try:
            with Connection(self.config["AMQP_URI"], connect_timeout=2) as conn:
                return conn.default_channel.queue_declare(f"rpc-{service}", passive=True).consumer_count
        except (ChannelError, *BROKEN):  # no such queue, or the broker is out of reach
            return None

    def _proxy(self):
        """This thread's open proxy, its context data carrying the current request id."""
        if getattr(self.local, "standalone", None) is None:
            context = {}
            standalone = ClusterRpcProxy(self.config, context_data=context, timeout=self.timeout)
            self.local.proxy = standalone.start()
            self.local.context, self.local.standalone = context, standalone
        self.local.context.pop("request_id", None)
        if request_id := requestid.current():
            self.local.context["request_id"] = request_id
        return self.local.proxy

    def _drop(self):
        standalone, self.local.standalone = getattr(self.local, "standalone", None), None
        try:
            if standalone is not None:
                standalone.stop()
        except Exception:  # the connection is already broken; it is discarded either way
            log.debug("closing a broken rpc proxy failed", exc_info=True)


def failed(service):
    return Problem(502, "The {service} service failed to handle the request.", service=service)


def unavailable(service):
    return Problem(503, "The {service} service is not available right now.", service=service)


def remote_problem(service, err):
    """The one map from a service's error (by its kind, else its class name) to an HTTP problem."""
    payload = _payload(err.value)
    status = REMOTE_STATUS.get(payload.get("kind")) or REMOTE_STATUS.get(err.exc_type)
    if status is None:
        log.error("service failed", extra={"service": service, "exc_type": err.exc_type,
                                           "error": str(err.value)[:2000]})
        return failed(service)
    if status == 422:
        return Problem(422, "The request has invalid fields.", errors=_field_errors(payload))
    return Problem(status, payload.get("detail") or None)


def _field_errors(payload):
    """The service's per-field reasons; a bare reason is kept under `_schema`, like marshmallow's."""
    errors = payload.get("errors")
    if isinstance(errors, dict) and errors:
        return errors
    reason = errors or payload.get("detail")
    return {"_schema": reason if isinstance(reason, list) else [str(reason)]} if reason else {}


def _payload(value):
    try:
        payload = json.loads(value)
    except (TypeError, ValueError):
        return {"detail": str(value)}
    return payload if isinstance(payload, dict) else {"detail": str(payload)}
