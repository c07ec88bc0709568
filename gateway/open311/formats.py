"""Open311's two formats: JSON and XML bodies, and its own error shape, `[{code, description}]`."""
import json
from xml.etree import ElementTree

from flask import Response

from gateway.open311.messages import ZH_CN
from gateway.web.i18n import language, translate

MEDIA = {"json": "application/json", "xml": "text/xml"}


class Open311Error(Exception):
    """An error answered in the Open311 format; `description` is English, translated when shown."""

    def __init__(self, code, description, **params):
        super().__init__(description)
        self.code, self.description, self.params = code, description, params


def render(fmt, root, item, body, status=200):
    """`body` (a dict, or a list of `item` dicts) as JSON, or as XML under `<root>`."""
    if fmt == "xml":
        text = ElementTree.tostring(_element(root, body, item), encoding="unicode")
        text = '<?xml version="1.0" encoding="utf-8"?>\n' + text
    else:
        text = json.dumps(body, ensure_ascii=False)
    response = Response(text, status=status, mimetype=MEDIA.get(fmt, MEDIA["json"]))
    response.headers["Content-Language"] = language()
    return response


def error(fmt, err):
    """The Open311 errors document for `err`, with its HTTP status."""
    text = ZH_CN.get(err.description, err.description) if language() == "zh-CN" else err.description
    body = [{"code": err.code, "description": translate(text, **err.params)}]
    return render(fmt, "errors", "error", body, status=err.code)


def _element(tag, value, item):
    """One XML element: dicts become children, lists repeat `item`, None is an empty element."""
    node = ElementTree.Element(tag)
    if isinstance(value, dict):
        for key, child in value.items():
            node.append(_element(key, child, _singular(key)))
    elif isinstance(value, (list, tuple)):
        for child in value:
            node.append(_element(item, child, _singular(item)))
    elif isinstance(value, bool):
        node.text = "true" if value else "false"
    elif value is not None:
        node.text = str(value)
    return node


def _singular(tag):
    return tag[:-1] if tag.endswith("s") else tag
