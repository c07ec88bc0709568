"""A nameko container that outlives a reply it cannot send (`SERVICE_CONTAINER_CLS` in deploy/nameko.yaml).

nameko sends an RPC's reply after the worker finishes; if the broker went away meanwhile,
the publish fails after its retries and plain nameko kills the whole container, so the
process exits (and under honcho every process with it). Here the failure is logged and the
worker ends normally: the request was never acked, so the broker gives it to the service
again when it is back, and the creating RPCs' submission keys make the replay return the
first result. Any other failure of a result handler still kills the container, as before.
"""
import logging
import socket

from amqp.exceptions import ConnectionError as AmqpConnectionError
from kombu.exceptions import OperationalError
from nameko.containers import ServiceContainer

log = logging.getLogger(__name__)

LOST_BROKER = (OperationalError, AmqpConnectionError, socket.error, ConnectionError)


class SurvivingContainer(ServiceContainer):
    """A ServiceContainer whose workers survive a lost broker when they answer."""

    def spawn_worker(self, entrypoint, args, kwargs, context_data=None, handle_result=None):
        if handle_result is not None:
            handle_result = survive_lost_broker(handle_result)
        return super().spawn_worker(entrypoint, args, kwargs, context_data, handle_result)


def survive_lost_broker(handle_result):
    """`handle_result`, logging instead of raising when the broker cannot take the reply."""
    def handle(worker_ctx, result, exc_info):
        try:
            return handle_result(worker_ctx, result, exc_info)
        except LOST_BROKER as exc:
            log.warning("reply not sent: the broker is out of reach; the request will be redelivered",
                        extra={"entrypoint": worker_ctx.entrypoint.method_name, "error": repr(exc)})
            return result, exc_info
    return handle
