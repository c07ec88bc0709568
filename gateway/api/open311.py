"""Open311 GeoReport v2 at /open311/v2/: services, service definitions, requests (JSON and XML).

A plain Flask blueprint, outside the /api/v1 OpenAPI document: GeoReport v2 is its own
standard, with form-encoded posts, XML and its own error format. Reads are open like
any Open311 endpoint's; creating needs a community's `api_key` (gateway/open311/keys.py).
"""
from flask import Blueprint, request, url_for

from gateway import runtime
from gateway.api.issues import report_payload
from gateway.models import Building
from gateway.open311 import cases, formats, keys, places, queries, services
from gateway.open311.formats import Open311Error, render
from gateway.web.i18n import translate
from gateway.web.problems import Problem

blp = Blueprint("open311", __name__, url_prefix="/open311/v2")
FMT = "<any(json, xml):fmt>"
MAX_PAGES = 10


def rpc(method, *args):
    return runtime.current().rpc.call("issues", method, *args)


@blp.errorhandler(Open311Error)
def open311_error(err):
    return formats.error((request.view_args or {}).get("fmt", "json"), err)


@blp.errorhandler(Problem)
def problem_error(problem):
    """A service's or the directory's problem, told in the Open311 error format."""
    code = 400 if problem.status == 422 else problem.status
    detail = translate(problem.detail or "The request could not be handled.", **problem.params)
    return open311_error(Open311Error(code, detail))


@blp.get(f"/discovery.{FMT}")
def discovery(fmt):
    url = url_for("open311.service_list", fmt="json", _external=True).rsplit("/", 1)[0]
    endpoint = {"specification": "http://wiki.open311.org/GeoReport_v2", "url": url,
                "changeset": "2026-11-26T00:00:00+08:00", "type": "production",
                "formats": ["application/json", "text/xml"]}
    body = {"changeset": endpoint["changeset"], "contact": "The residents' committee of each community",
            "key_service": "Ask the community admin for an api_key (POST /api/v1/communities/<id>/open311-keys)",
            "endpoints": [endpoint]}
    return render(fmt, "discovery", "discovery", body)


@blp.get(f"/services.{FMT}")
def service_list(fmt):
    queries.jurisdiction(request.args.get("jurisdiction_id"))
    return render(fmt, "services", "service", services.service_list())


@blp.get(f"/services/<code>.{FMT}")
def service_definition(code, fmt):
    queries.jurisdiction(request.args.get("jurisdiction_id"))
    return render(fmt, "service_definition", "attribute", services.definition(queries.service_code(code)))


@blp.post(f"/requests.{FMT}")
def create_request(fmt):
    """Report on behalf of the api_key's account; the answer names the new request at once."""
    form = request.values
    named = form.get("jurisdiction_id") and str(queries.jurisdiction(form["jurisdiction_id"]).id)
    account_id, community_id = keys.reporter(form.get("api_key"), named)
    code = queries.service_code(form.get("service_code"))
    lat, lng = (queries.number(form.get(k), k, -lim, lim) for k, lim in (("lat", 90), ("long", 180)))
    building = places.locate(community_id, lat, lng, form.get("address_id"), form.get("address_string"))
    payload = report_payload(_report(community_id, code, form.get("description"), building), account_id)
    payload["location"].update({k: v for k, v in (("lat", lat), ("lng", lng)) if v is not None})
    case = rpc("report_issue", payload)
    body = [{"service_request_id": case["id"], "service_notice": cases.note(case), "account_id": None}]
    location = url_for("open311.get_request", request_id=case["id"], fmt=fmt)
    response = render(fmt, "service_requests", "request", body, status=201)
    response.headers["Location"] = location
    return response


def _report(community_id, code, description, building):
    """The gateway's report body: the first line of the description is the title."""
    text = (description or "").strip()
    if not text:
        raise Open311Error(400, "description is required: say what is wrong.")
    if len(text) > 4000:
        raise Open311Error(400, "description may be at most 4000 characters.")
    title = text.splitlines()[0].strip()[:100]
    return {"community_id": community_id, "category": code, "title": title, "description": text,
            "location": {"building_id": building.id, "unit_id": None}}


@blp.get(f"/requests.{FMT}")
def request_list(fmt):
    community = queries.jurisdiction(request.args.get("jurisdiction_id"))
    if ids := request.args.get("service_request_id"):
        found = [_case(one.strip(), community) for one in ids.split(",") if one.strip()]
    else:
        found = _search(community, request.args)
    return render(fmt, "service_requests", "request", _as_requests(found, community))


@blp.get(f"/requests/<request_id>.{FMT}")
def get_request(request_id, fmt):
    named = request.args.get("jurisdiction_id")
    community = queries.jurisdiction(named) if named else None
    case = _case(request_id, community)
    if community is None:
        community = queries.jurisdiction(case["community_id"])
    return render(fmt, "service_requests", "request", _as_requests([case], community))


def _case(request_id, community):
    """One case by id, of `community` when one is named; else a 404."""
    try:
        case = rpc("get_issue", request_id)
    except Problem as problem:
        if problem.status in (404, 422):
            raise Open311Error(404, "No such service request: {id}.", id=request_id) from None
        raise
    if community is not None and case["community_id"] != str(community.id):
        raise Open311Error(404, "No such service request: {id}.", id=request_id)
    return case


def _search(community, args):
    """The community's cases in the window matching the filters, newest first, one page."""
    codes = queries.listed(args.get("service_code"), tuple(services.SERVICES), "service_code")
    statuses = queries.listed(args.get("status"), queries.STATUSES, "status")
    start, end = queries.window(args)
    size, found, before = queries.page_size(args.get("page_size")), [], end.isoformat()
    category = next(iter(codes)) if codes and len(codes) == 1 else None
    for _ in range(MAX_PAGES):
        page = rpc("list_issues", {"community_id": str(community.id), "category": category,
                                   "limit": 200, "before": before})
        fresh = [c for c in page if queries.moment(c["created_at"], "created_at") >= start]
        found += [c for c in fresh if (not codes or c["category"] in codes)
                  and (not statuses or cases.status(c) in statuses)]
        if len(page) < 200 or len(fresh) < len(page) or len(found) >= size:
            break
        before = page[-1]["created_at"]
    return found[:size]


def _as_requests(found, community):
    buildings = {str(b.id): b for b in Building.objects(community_id=community.id)}
    return [cases.as_request(case, buildings.get(str((case.get("location") or {}).get("building_id"))),
                             community.name) for case in found]
