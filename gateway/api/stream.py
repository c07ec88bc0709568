"""The live stream: my new inbox items as Server-Sent Events, while the connection is open."""
import os

from flask import Response, current_app, g, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from gateway import live, runtime
from gateway.api import BEARER, PREFIX, _documented
from gateway.identity import guard, sessions
from gateway.identity.tokens import ACCESS
from gateway.models import Account

blp = Blueprint("stream", __name__, url_prefix=f"{PREFIX}/me", description="Live delivery")


class StreamQuerySchema(Schema):
    access_token = fields.String(load_default=None, metadata={
        "description": "for a browser's EventSource, which cannot send an Authorization header"})


def stream_account(token):
    """The caller, by its bearer header or else by the `access_token` query parameter."""
    if token and not request.headers.get("Authorization"):
        session = sessions.live_session(runtime.current().tokens.read(token.strip(), ACCESS))
        account = Account.objects(id=session.account_id).first()
        if account is not None:
            g.account, g.session = account, session
    return guard.authenticate()


@blp.route("/stream")
class Stream(MethodView):
    @blp.doc(security=BEARER)
    @lambda view: _documented(blp, view, 401, 403)  # checked by stream_account(), which also takes ?access_token
    @blp.arguments(StreamQuerySchema, location="query")
    @blp.response(200, content_type="text/event-stream")
    def get(self, query):
        """My new inbox items as they arrive (text/event-stream); a hint only: read the inbox for the record

        Sends `event: inbox` with `{item_id, account_id, kind, title, created_at}`, a comment every
        `LINLI_STREAM_HEARTBEAT` seconds, and ends after `LINLI_STREAM_LIFETIME` seconds
        (the browser reconnects).
        """
        account_id = str(stream_account(query["access_token"]).id)
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
