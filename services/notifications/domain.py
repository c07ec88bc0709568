"""Pure rules: who hears of an event, and what they read, in their language."""
import string

DEFAULT_LOCALE = "zh-CN"

CATEGORY_NAMES = {
    "zh-CN": {"parking": "停车", "non_motor_vehicles": "非机动车", "noise": "噪音",
              "sanitation": "环境卫生", "repairs": "维修", "safety": "安全",
              "greenery": "绿化", "elevators": "电梯", "other": "其他"},
    "en": {"parking": "parking", "non_motor_vehicles": "e-bikes and bicycles", "noise": "noise",
           "sanitation": "sanitation", "repairs": "repairs", "safety": "safety",
           "greenery": "greenery", "elevators": "elevators", "other": "other"},
}

TEMPLATES = {
    ("issue_reported.staff", "zh-CN"): ("新报事：{title}", "有居民报告了{category}问题，请及时受理。"),
    ("issue_reported.staff", "en"): ("New report: {title}", "A resident reported a {category} problem. Please accept it."),
    ("issue_reported.receipt", "zh-CN"): ("已收到您的报事：{title}", "居委会已收到您反映的{category}问题，受理后会通知您。"),
    ("announcement", "zh-CN"): ("{title}", "{body}"),
    ("announcement", "en"): ("{title}", "{body}"),
    ("issue_reported.receipt", "en"): ("We received your report: {title}", "The residents' committee has your {category} report and will tell you when it is accepted."),
}


def locale_of(preferred):
    return preferred if preferred in CATEGORY_NAMES else DEFAULT_LOCALE


def render(kind, locale, wording=None, **params):
    """The title and body of a message of `kind` in `locale` (zh-CN when unknown).

    `wording` is a community's own (title, body) for the kind, if staff edited it.
    """
    locale = locale_of(locale)
    if "category" in params:
        params["category"] = CATEGORY_NAMES[locale].get(params["category"], params["category"])
    title, body = wording or TEMPLATES[(kind, locale)]
    return fill(title, params), fill(body, params)


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
