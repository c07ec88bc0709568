"""The live stream: my notifications and my cases' updates as Server-Sent Events, resumable."""
import os

from flask import Response, g, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields
from pika.exceptions import AMQPError

from gateway import live, resume, runtime
from gateway.api import BEARER, PREFIX, _documented
from gateway.identity import guard, sessions
from gateway.identity.tokens import ACCESS
from gateway.models import Account
from gateway.web.problems import Problem

blp = Blueprint("stream", __name__, url_prefix=PREFIX, description="Live delivery")


class StreamQuerySchema(Schema):
    access_token = fields.String(load_default=None, metadata={
        "description": "for a browser's EventSource, which cannot send an Authorization header"})
    last_event_id = fields.String(load_default=None, metadata={
        "description": "resume after this event id (the `Last-Event-ID` header does the same)"})


def stream_account(token):
    """The caller, by its bearer header or else by the `access_token` query parameter."""
    if token and not request.headers.get("Authorization"):
        session = sessions.live_session(runtime.current().tokens.read(token.strip(), ACCESS))
        account = Account.objects(id=session.account_id).first()
        if account is not None:
            g.account, g.session = account, session
    return guard.authenticate()


def open_stream(query, typed):
    """Bind the caller's queue first, then read what was missed, so nothing falls between."""
    account_id = str(stream_account(query["access_token"]).id)
    last_id = request.headers.get("Last-Event-ID") or query["last_event_id"]
    last = resume.read_cursor(last_id) if last_id else None
    try:
        queue = live.LiveQueue(runtime.current().settings.amqp_uri, account_id)
    except (AMQPError, OSError):
        raise Problem(503, "Live delivery is not available right now; read the inbox instead.") from None
    try:
        missed = resume.missed(lambda **page: runtime.current().rpc.call(
            "notifications", "list_inbox", account_id, **page), last, account_id) if last else []
    except Exception:
        queue.close()
        raise
    heartbeat = float(os.environ.get("LINLI_STREAM_HEARTBEAT", "15"))
    lifetime = float(os.environ.get("LINLI_STREAM_LIFETIME", "300"))

    def stream():
        try:
            yield from live.events(queue, missed, heartbeat, lifetime, typed)
        finally:
            queue.close()
    return Response(stream_with_context(stream()), mimetype="text/event-stream",
                    headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@blp.route("/stream")
class Stream(MethodView):
    @blp.doc(security=BEARER)
    @lambda view: _documented(blp, view, 401, 403, 422, 503, 504)  # stream_account() checks, also ?access_token
    @blp.arguments(StreamQuerySchema, location="query")
    @blp.response(200, content_type="text/event-stream")
    def get(self, query):
        """My notifications and my own cases' updates as they arrive (text/event-stream), resumable

        `event: case` for a step of a case I reported or follow, `event: inbox` for every other
        inbox item, each `{item_id, account_id, kind, title, created_at, subject}` with an `id`;
        after a reconnect with `Last-Event-ID` the items missed since that id come first, once
        each. A comment every `LINLI_STREAM_HEARTBEAT` seconds; the stream ends after
        `LINLI_STREAM_LIFETIME` seconds and the browser reconnects.
        """
        return open_stream(query, typed=True)


@blp.route("/me/stream")
class MyStream(MethodView):
    @blp.doc(security=BEARER)
    @lambda view: _documented(blp, view, 401, 403, 422, 503, 504)
    @blp.arguments(StreamQuerySchema, location="query")
    @blp.response(200, content_type="text/event-stream")
    def get(self, query):
        """The same stream with every item as `event: inbox` (the first version of /api/v1/stream)"""
        return open_stream(query, typed=False)
