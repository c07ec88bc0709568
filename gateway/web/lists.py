"""One convention for every list: `limit`, `cursor`, `sort`, equality filters; `{items, next}` + `Link`.

A list view returns all it has (`{"items": [...]}`) and `@paged(...)` above its
`@blp.response` filters, sorts and cuts the page. `next` is an opaque cursor (null on
the last page), also given as `Link: <...>; rel="next"`. A cursor holds the sort and
the last item's sort key and id, so a page never repeats or skips an item that stays
in the list. Without `sort` the service's own order is kept and the cursor holds the last
id. Lists that a service pages itself (cases, the inbox, the audit log) keep that paging
and answer in the same shape (`cursor` in, `next` out).
"""
import base64
import binascii
import json
from copy import deepcopy
from datetime import datetime, timezone
from functools import wraps
from urllib.parse import urlencode

from flask import current_app, request

from gateway.web.problems import invalid

DEFAULT_LIMIT, MAX_LIMIT = 100, 500


def parameters(sorts, filters):
    """The OpenAPI query parameters of a paged list."""
    text = {"type": "string"}
    return [
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                                                     "default": DEFAULT_LIMIT}},
        {"name": "cursor", "in": "query", "schema": text, "description": "the `next` of the previous page"},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": [*sorts, *(f"-{s}" for s in sorts)]},
         "description": "a field, `-field` for descending; default: the service's order"},
        *({"name": f, "in": "query", "schema": text, "description": f"only items whose `{f}` is one of these "
           "(comma-separated)"} for f in filters)]


def paged(sorts=(), filters=(), key="id"):
    """Decorator, above `@blp.response`: page the view's `items` by the list convention."""
    def decorate(view):
        @wraps(view)
        def listed(*args, **kwargs):
            query = read(request.args, sorts, filters)
            response = view(*args, **kwargs)
            if response.status_code == 200:
                body = response.get_json()
                body["items"], body["next"] = page(body["items"], query, key)
                response.set_data(current_app.json.dumps(body))
                if body["next"]:
                    response.headers["Link"] = f'<{link(body["next"])}>; rel="next"'
            return response
        listed._apidoc = deepcopy(getattr(listed, "_apidoc", {}))  # beside any @blp.arguments' own
        documented = listed._apidoc.setdefault("arguments", {}).setdefault("parameters", [])
        taken = {name for p in documented if p.get("in") == "query" for name in _names(p.get("schema"))}
        documented.extend(p for p in parameters(sorts, filters) if p["name"] not in taken)
        listed._apidoc["arguments"].setdefault("responses", {})[422] = "UNPROCESSABLE_ENTITY"
        return listed
    return decorate


def _names(schema):
    """The query names a view's own query schema already documents (its `limit`, say)."""
    declared = getattr(schema, "fields", None) or getattr(schema, "_declared_fields", None) or {}
    return {field.data_key or name for name, field in declared.items()}


def link(cursor):
    """This list's address with `cursor` set, for the `Link` header."""
    return request.base_url + "?" + urlencode({**request.args.to_dict(), "cursor": cursor})


def read(args, sorts, filters):
    """The list parameters, or a 422 naming the bad one."""
    try:
        limit = int(args.get("limit", DEFAULT_LIMIT))
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise invalid({"limit": [f"Must be a whole number from 1 to {MAX_LIMIT}."]})
    sort = args.get("sort") or None
    if sort is not None and sort.lstrip("-") not in sorts:
        raise invalid({"sort": [f"Sort by one of: {', '.join(sorts) or '(none)'}; `-` before it for descending."]})
    wanted = {f: set(args[f].split(",")) for f in filters if args.get(f)}
    after = decode(args["cursor"], sort) if args.get("cursor") else None
    return {"limit": limit, "sort": sort, "filters": wanted, "after": after}


def page(items, query, key):
    """`(items of this page, next cursor or None)`."""
    items = [i for i in items if all(shown(i.get(f)) in v for f, v in query["filters"].items())]
    sort, after = query["sort"], query["after"]
    if sort:
        field, descending = sort.lstrip("-"), sort.startswith("-")
        items.sort(key=lambda i: position(i, field, key), reverse=descending)
        if after is not None:
            items = [i for i in items if (position(i, field, key) < after if descending
                                          else position(i, field, key) > after)]
    elif after is not None:
        ids = [ident(i, key) for i in items]
        if after not in ids:
            raise invalid({"cursor": ["The item this cursor points after is no longer listed; start again."]})
        items = items[ids.index(after) + 1:]
    chosen = items[:query["limit"]]
    more = len(items) > query["limit"]
    last = chosen[-1] if chosen and more else None
    return chosen, (encode(sort, position(last, sort.lstrip("-"), key) if sort else ident(last, key))
                    if last else None)


def ident(item, key):
    """What tells an item apart: one field, or several joined (`("kind", "locale")`)."""
    return "|".join(str(item.get(k)) for k in key) if isinstance(key, tuple) else str(item.get(key))


def shown(value):
    """A value as it is written in a query string."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def position(item, field, key):
    """A sort key that compares across types: numbers as numbers, the rest as text, None last."""
    value = item.get(field)
    if value is None:
        rank = (2, "")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        rank = (0, value)
    else:
        rank = (1, shown(value))
    return (*rank, ident(item, key))


def encode(sort, after):
    return base64.urlsafe_b64encode(json.dumps([sort, after], ensure_ascii=False).encode()).decode()


def decode(cursor, sort):
    try:
        cursor_sort, after = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError, binascii.Error):
        raise invalid({"cursor": ["Not a cursor this list gave."]}) from None
    if cursor_sort != sort:
        raise invalid({"cursor": ["This cursor belongs to another sort order; keep `sort` as it was."]})
    if sort is None:
        return str(after)
    if not (isinstance(after, list) and len(after) == 3 and isinstance(after[2], str)
            and (after[0], type(after[1])) in ((0, int), (0, float), (1, str), (2, str))):
        raise invalid({"cursor": ["Not a cursor this list gave."]})
    return tuple(after)


def linked(body):
    """A service-paged list's answer with the `Link` header of its `next` page."""
    return body, 200, ({"Link": f'<{link(body["next"])}>; rel="next"'} if body.get("next") else {})


def time_cursor(moment):
    """The cursor after an item of a list paged by time (cases, audit entries)."""
    return base64.urlsafe_b64encode(str(moment).encode()).decode()


def read_time(cursor):
    """The time a `time_cursor` holds, or a 422 naming `cursor`."""
    try:
        moment = datetime.fromisoformat(base64.urlsafe_b64decode(cursor.encode()).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid({"cursor": ["Not a cursor this list gave."]}) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
