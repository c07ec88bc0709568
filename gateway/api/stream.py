"""The live stream: my new inbox items as Server-Sent Events, while the connection is open."""
import os

from flask import Response, current_app, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import live, runtime
from gateway.api import PREFIX, protected
from gateway.identity import guard

blp = Blueprint("stream", __name__, url_prefix=f"{PREFIX}/me", description="Live delivery")


@blp.route("/stream")
class Stream(MethodView):
    @protected(blp)
    @blp.response(200, content_type="text/event-stream")
    def get(self):
        """My new inbox items as they arrive (text/event-stream); a hint only: read the inbox for the record

        Sends `event: inbox` with `{item_id, account_id, kind, title, created_at}`, a comment every
        `LINLI_STREAM_HEARTBEAT` seconds, and ends after `LINLI_STREAM_LIFETIME` seconds
        (the browser reconnects).
        """
        account_id = str(guard.authenticate().id)
        hub = live.hub(current_app._get_current_object(), runtime.current().settings.amqp_uri)
        hub.ready.wait(timeout=2)
        box = hub.subscribe(account_id)
        heartbeat = float(os.environ.get("LINLI_STREAM_HEARTBEAT", "15"))
        lifetime = float(os.environ.get("LINLI_STREAM_LIFETIME", "300"))

        def stream():
            try:
                yield from live.events(box, heartbeat, lifetime)
            finally:
                hub.unsubscribe(account_id, box)
        return Response(stream_with_context(stream()), mimetype="text/event-stream",
                        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
