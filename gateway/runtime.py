"""What one gateway process holds: settings, its store's outbox, the event publisher, RPC."""
import logging
from dataclasses import dataclass

from flask import current_app

from gateway import models
from gateway.events import PikaPublisher, RelayThread
from gateway.identity.tokens import Tokens
from gateway.rpc import RpcClient
from services.common.outbox import Outbox
from services.common.store import connect

log = logging.getLogger(__name__)
KEY = "linli"


@dataclass
class Runtime:
    settings: object
    db: object
    publisher: PikaPublisher
    outbox: Outbox
    rpc: RpcClient
    tokens: Tokens
    relay: RelayThread = None

    def start_background(self):
        """Declare the broker topology and start the relay thread of this process."""
        try:
            self.publisher.declare_topology()
        except Exception:  # the broker may come later; the relay retries before each publish
            log.warning("could not declare the broker topology yet", exc_info=True)
        self.relay = RelayThread(self.outbox, self.publisher, self.settings.relay_interval)
        self.relay.start()

    def close(self):
        if self.relay is not None:
            self.relay.stop()
        self.publisher.close()


def build(settings):
    """Connect the gateway's own database and make its outbox, publisher and RPC client."""
    db = connect("gateway")
    models.ensure_indexes()
    publisher = PikaPublisher(settings.amqp_uri)
    return Runtime(settings=settings, db=db, publisher=publisher,
                   outbox=Outbox(db, publisher, settings.outbox_grace),
                   rpc=RpcClient(settings.amqp_uri, settings.rpc_timeout),
                   tokens=Tokens(settings.jwt_secret, settings.access_ttl, settings.refresh_ttl,
                                 settings.jwt_previous_secrets))


def current():
    """The runtime of the app handling this request."""
    return current_app.extensions[KEY]
