"""Open311 services: the issues service's report categories, named in the caller's language."""
from gateway.web.i18n import language

# category -> (zh-CN name, English name, who handles it by default)
SERVICES = {
    "parking": ("停车", "Parking", "rc"),
    "non_motor_vehicles": ("非机动车停放", "E-bikes and bicycles", "rc"),
    "noise": ("噪音", "Noise", "rc"),
    "sanitation": ("环境卫生", "Sanitation", "pm"),
    "repairs": ("报修", "Repairs", "pm"),
    "safety": ("安全隐患", "Safety hazards", "pm"),
    "greenery": ("绿化", "Greenery", "pm"),
    "elevators": ("电梯", "Elevators", "pm"),
    "other": ("其他", "Other", "rc"),
}
PARTIES = {"rc": ("居委会", "Residents' committee"), "pm": ("物业", "Property management"),
           "oc": ("业委会", "Owners' committee")}


def _pick(pair):
    return pair[0] if language() == "zh-CN" else pair[1]


def name(code):
    return _pick(SERVICES[code][:2])


def party_name(party):
    return _pick(PARTIES[party]) if party in PARTIES else None


def service(code):
    """One entry of GET services: no extra attributes (`metadata` false), handled in real time."""
    zh, en, party = SERVICES[code]
    return {"service_code": code, "service_name": name(code), "description": f"{zh} / {en}",
            "metadata": False, "type": "realtime", "keywords": code.replace("_", ","),
            "group": party_name(party)}


def service_list():
    return [service(code) for code in SERVICES]


def definition(code):
    """A service definition: our services ask for no attributes beyond the standard fields."""
    return {"service_code": code, "attributes": []}
