"""Interface language: zh-CN by default, English on `Accept-Language: en`.

Messages are written in English in the code and translated at the edge, like gettext.
"""
import re

from flask import has_request_context, request

from gateway.web.messages import ZH_CN, ZH_CN_PATTERNS

DEFAULT = "zh-CN"


def language():
    """The language of the current request's answer."""
    if not has_request_context():
        return DEFAULT
    best = request.accept_languages.best_match(["zh-CN", "zh", "en"], default=DEFAULT)
    return "en" if best.startswith("en") else DEFAULT


def translate(text, lang=None, **params):
    """`text` in the request's language, with `params` filled in."""
    if (lang or language()) == "zh-CN":
        text = ZH_CN.get(text) or _by_pattern(text) or text
    return text.format(**params) if params else text


def _by_pattern(text):
    for pattern, template in ZH_CN_PATTERNS:
        match = re.fullmatch(pattern, text)
        if match:
            return template.format(*match.groups())
    return None


def translate_errors(errors, lang=None):
    """Field errors (nested dicts and lists of messages) with each message translated."""
    if isinstance(errors, dict):
        return {key: translate_errors(value, lang) for key, value in errors.items()}
    if isinstance(errors, (list, tuple)):
        return [translate_errors(value, lang) for value in errors]
    return translate(errors, lang) if isinstance(errors, str) else errors
