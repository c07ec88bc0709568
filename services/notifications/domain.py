"""Pure rules: who hears of an event, and what they read, in their language."""
import string
from datetime import datetime
from zoneinfo import ZoneInfo

from services.notifications.templates import TEMPLATES  # noqa: F401  (the defaults, by kind and locale)

LOCAL = ZoneInfo("Asia/Shanghai")
TIME_FORMAT = {"zh-CN": "%Y年%m月%d日 %H:%M", "en": "%d %b %Y %H:%M"}

DEFAULT_LOCALE = "zh-CN"

CATEGORY_NAMES = {
    "zh-CN": {"parking": "停车", "non_motor_vehicles": "非机动车", "noise": "噪音",
              "sanitation": "环境卫生", "repairs": "维修", "safety": "安全",
              "greenery": "绿化", "elevators": "电梯", "other": "其他"},
    "en": {"parking": "parking", "non_motor_vehicles": "e-bikes and bicycles", "noise": "noise",
           "sanitation": "sanitation", "repairs": "repairs", "safety": "safety",
           "greenery": "greenery", "elevators": "elevators", "other": "other"},
}

NAMES = {
    "status": {
        "zh-CN": {"submitted": "已提交", "accepted": "已受理", "assigned": "已分派", "in_progress": "处理中",
                  "resolved": "已办结", "closed": "已关闭", "rejected": "未受理", "merged": "已合并", "reopened": "重新办理"},
        "en": {"submitted": "submitted", "accepted": "accepted", "assigned": "assigned", "in_progress": "in progress",
               "resolved": "resolved", "closed": "closed", "rejected": "rejected", "merged": "merged", "reopened": "reopened"}},
    "party": {"zh-CN": {"rc": "居委会", "pm": "物业", "oc": "业委会"},
              "en": {"rc": "the residents' committee", "pm": "property management", "oc": "the owners' committee"}},
    "outcome": {"zh-CN": {"passed": "通过", "rejected": "未通过", "no_quorum": "参与人数不足，表决无效"},
                "en": {"passed": "passed", "rejected": "rejected", "no_quorum": "no quorum, the vote does not count"}},
    "skill": {"zh-CN": {"hairdressing": "理发", "legal_advice": "法律咨询", "nursing": "护理", "it": "电脑",
                        "drawing": "绘画", "first_aid": "急救"},
              "en": {"hairdressing": "hairdressing", "legal_advice": "legal advice", "nursing": "nursing", "it": "IT",
                     "drawing": "drawing", "first_aid": "first aid"}},
}


def shown(params, locale):
    """Event fields as a reader sees them: names in their language, times in Shanghai."""
    params = dict(params)
    if "category" in params:
        params["category"] = CATEGORY_NAMES[locale].get(params["category"], params["category"])
    for key, names in NAMES.items():
        if isinstance(params.get(key), str):
            params[key] = names[locale].get(params[key], params[key])
    for key, value in params.items():
        if (key.endswith("_at") or key == "valid_until") and isinstance(value, str):
            params[key] = local_time(value, locale)
    if isinstance(params.get("seconds"), int):
        params["minutes"] = params["seconds"] // 60
    return params


def local_time(text, locale):
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(LOCAL).strftime(TIME_FORMAT[locale])
    except ValueError:
        return text


def locale_of(preferred):
    return preferred if preferred in CATEGORY_NAMES else DEFAULT_LOCALE


def render(kind, locale, wording=None, **params):
    """The title and body of a message of `kind` in `locale` (zh-CN when unknown).

    `wording` is a community's own (title, body) for the kind, if staff edited it.
    """
    locale = locale_of(locale)
    params = shown(params, locale)
    title, body = wording or TEMPLATES[(kind, locale)]
    return fill(title, params).strip(), fill(body, params).strip()


class _Blank(dict):
    def __missing__(self, key):
        return ""


def fill(template, params):
    """`template` with `{name}` fields filled in; a field the event lacks reads as empty."""
    return template.format_map(_Blank({k: "" if v is None else v for k, v in params.items()}))


def template_errors(text):
    """Why a staff-written template cannot be used, or None: only plain `{name}` fields."""
    try:
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is not None and (not name.isidentifier() or spec or conversion):
                return f"only plain {{name}} fields are allowed, not {{{name}}}"
    except ValueError as exc:
        return str(exc)
    return None


def item_id(event_id, account_id, channel="inbox"):
    """The one id a delivery of an event to a person on a channel can have."""
    return f"{event_id}:{account_id}:{channel}"
