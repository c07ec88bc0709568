"""Open311 GeoReport v2 at /open311/v2/, driven by two Open311 client libraries from PyPI.

`civicbot`'s Open311Client creates, lists and reads requests in JSON; `georeport`'s
GeoReport lists and reads them in JSON and in XML. Both talk HTTP to the real gateway,
which hands the requests to the real issues service.
"""
import uuid

import pytest
import requests
import xmltodict
from civicbot.http import HttpTransport, RateLimiter
from civicbot.open311 import Open311Client
from civicbot.registry import Endpoint
from georeport import GeoReport

from gateway import demo
from gateway.seed import DEMO_PASSWORD, demo_login


def login(platform, role):
    response = platform.api("POST", "/api/v1/auth/login", json={"login": demo_login(role), "password": DEMO_PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.fixture(scope="module")
def town(platform):
    """The seeded community, its buildings by number, the admin, and the resident keys report as."""
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    resident = login(platform, "resident")
    me = platform.api("GET", "/api/v1/me", token=resident).json()
    return {"id": community["id"], "buildings": {b["number"]: b for b in detail["buildings"]},
            "admin": login(platform, "community_admin"), "resident": resident, "resident_id": me["account"]["id"]}


def issue_key(platform, town, name="区12345平台"):
    response = platform.api("POST", f"/api/v1/communities/{town['id']}/open311-keys", token=town["admin"],
                            json={"name": name, "account_id": town["resident_id"]})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture(scope="module")
def api_key(platform, town):
    return issue_key(platform, town)["key"]


@pytest.fixture(scope="module")
def civic(platform, town):
    endpoint = Endpoint(id="linli", name="Linli", base_url=f"{platform.url}/open311/v2", write=True)
    transport = HttpTransport(timeout=30, rate_limiter=RateLimiter(min_interval=0))
    return Open311Client(endpoint, transport=transport, jurisdiction_id=town["id"])


def georeport(platform, town, fmt):
    return GeoReport(f"{platform.url}/open311/v2", jurisdiction=town["id"], output_format=fmt)


def test_client_libraries_list_the_services_and_read_a_definition(platform, town, civic):
    codes = [s["service_code"] for s in civic.list_services()]
    assert "non_motor_vehicles" in codes and "elevators" in codes
    assert civic.get_service_definition("parking") == {"service_code": "parking", "attributes": []}
    xml_services = georeport(platform, town, "xml").get_service_list()
    assert [s["service_code"] for s in xml_services] == codes
    assert georeport(platform, town, "xml").get_service_definition("noise")["service_code"] == "noise"


def test_discovery_names_the_endpoint_in_both_formats(platform):
    root = f"{platform.url}/open311/v2"
    assert requests.get(f"{root}/discovery.json", timeout=30).json()["endpoints"][0]["url"] == root
    xml = xmltodict.parse(requests.get(f"{root}/discovery.xml", timeout=30).content)["discovery"]
    assert xml["endpoints"]["endpoint"]["url"] == root and "text/xml" in xml["endpoints"]["endpoint"]["formats"]["format"]


def test_a_request_created_with_a_client_library_reads_back_in_json_and_xml(platform, town, civic, api_key):
    lat, lng = demo.building_position(3)
    created = civic.create_request("non_motor_vehicles", dry_run=False, confirm="SEND", api_key=api_key,
                                   lat=lat + 0.0001, lng=lng, description="3号楼楼道里停满电瓶车\n1单元门口完全堵住")
    [answer] = created.response
    request_id = answer["service_request_id"]

    listed = civic.list_requests(service_request_ids=[request_id])
    got = civic.get_request(request_id)
    json_list = georeport(platform, town, "json").get_service_requests(service_code="non_motor_vehicles",
                                                                       status="open")
    xml_got = georeport(platform, town, "xml").get_service_request(request_id)
    xml_list = georeport(platform, town, "xml").get_service_requests(service_request_id=request_id)
    assert listed == [got] and got in json_list
    for request in (got, xml_got, xml_list):
        assert request["service_request_id"] == request_id
        assert request["service_code"] == "non_motor_vehicles" and request["status"] == "open"
        assert request["description"] == "3号楼楼道里停满电瓶车"
        assert request["address_id"] == town["buildings"][3]["id"] and "3号楼" in request["address"]
    assert float(xml_got["lat"]) == pytest.approx(lat) and got["long"] == pytest.approx(lng)
    assert got["requested_datetime"].endswith("+08:00")


def test_the_request_is_reported_as_the_keys_named_account(platform, town, civic, api_key):
    created = civic.create_request("repairs", dry_run=False, confirm="SEND", api_key=api_key,
                                   address_string="20号楼", description="楼道灯坏了")
    request_id = created.response[0]["service_request_id"]
    case = platform.api("GET", f"/api/v1/issues/{request_id}", token=town["resident"]).json()
    assert case["reporter_id"] == town["resident_id"] and case["category"] == "repairs"
    assert case["location"]["building_id"] == town["buildings"][20]["id"]


def test_a_request_posted_as_xml_answers_and_lists_as_xml(platform, town, api_key):
    url = f"{platform.url}/open311/v2/requests.xml"
    response = requests.post(url, timeout=30, data={
        "api_key": api_key, "jurisdiction_id": town["id"], "service_code": "noise",
        "address_id": town["buildings"][12]["id"], "description": "晚上十点后装修噪音"})
    assert response.status_code == 201 and response.headers["Content-Type"].startswith("text/xml")
    request_id = xmltodict.parse(response.content)["service_requests"]["request"]["service_request_id"]
    listed = georeport(platform, town, "xml").get_service_requests(service_code="noise", status="open")
    listed = listed if isinstance(listed, list) else [listed]
    assert request_id in [r["service_request_id"] for r in listed]


def test_lists_show_no_reporter_nor_contact_details(platform, town, civic, api_key):
    phone = "139" + str(uuid.uuid4().int)[:8]
    created = civic.create_request("sanitation", dry_run=False, confirm="SEND", api_key=api_key,
                                   address_string="5号楼", first_name="Wang", email="wang@example.com",
                                   phone=phone, description=f"垃圾没人清\n请联系我 {phone}")
    request_id = created.response[0]["service_request_id"]
    for fmt in ("json", "xml"):
        text = requests.get(f"{platform.url}/open311/v2/requests.{fmt}", timeout=30,
                            params={"jurisdiction_id": town["id"], "service_code": "sanitation"}).text
        assert request_id in text
        for private in (phone, "wang@example.com", "Wang", town["resident_id"]):
            assert private not in text


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_wrong_key_is_refused_in_the_open311_error_format(platform, town, fmt):
    response = requests.post(f"{platform.url}/open311/v2/requests.{fmt}", timeout=30, data={
        "api_key": "o311_not-a-key", "jurisdiction_id": town["id"], "service_code": "noise",
        "address_string": "3号楼", "description": "噪音"}, headers={"Accept-Language": "en"})
    assert response.status_code == 403
    errors = response.json() if fmt == "json" else xmltodict.parse(response.content)["errors"]["error"]
    [error] = errors if fmt == "json" else [errors]
    assert int(error["code"]) == 403 and "api_key" in error["description"]


def test_a_revoked_key_no_longer_creates_requests(platform, town):
    key = issue_key(platform, town, name="试用的钥匙")
    revoked = platform.api("DELETE", f"/api/v1/communities/{town['id']}/open311-keys/{key['id']}", token=town["admin"])
    assert revoked.status_code == 204
    response = requests.post(f"{platform.url}/open311/v2/requests.json", timeout=30, data={
        "api_key": key["key"], "service_code": "noise", "address_string": "3号楼", "description": "噪音"})
    assert response.status_code == 403
    listed = platform.api("GET", f"/api/v1/communities/{town['id']}/open311-keys", token=town["admin"]).json()
    assert [k["revoked_at"] is not None for k in listed["items"] if k["id"] == key["id"]] == [True]
    assert all("key" not in k for k in listed["items"])


def test_only_the_community_admin_issues_keys(platform, town):
    response = platform.api("POST", f"/api/v1/communities/{town['id']}/open311-keys", token=town["resident"],
                            json={"name": "mine", "account_id": town["resident_id"]})
    assert response.status_code == 403


@pytest.mark.parametrize("path, params, code, named", [
    ("services/potholes.json", {}, 404, "potholes"),
    ("requests.json", {"status": "pending"}, 400, "status"),
    ("requests.json", {"start_date": "yesterday"}, 400, "start_date"),
    ("requests/0123456789abcdef01234567.json", {}, 404, "0123456789abcdef01234567"),
    ("services.json", {"jurisdiction_id": "nowhere"}, 404, "jurisdiction"),
])
def test_bad_parameters_are_named_in_open311_errors(platform, town, path, params, code, named):
    response = requests.get(f"{platform.url}/open311/v2/{path}", timeout=30, headers={"Accept-Language": "en"},
                            params={"jurisdiction_id": town["id"], **params})
    assert response.status_code == code
    [error] = response.json()
    assert error["code"] == code and named in error["description"]


def test_a_request_needs_a_place_in_the_community(platform, town, api_key):
    response = requests.post(f"{platform.url}/open311/v2/requests.json", timeout=30, data={
        "api_key": api_key, "service_code": "noise", "lat": "39.9", "long": "116.4", "description": "噪音"})
    assert response.status_code == 400
    assert "lat and long" in requests.post(f"{platform.url}/open311/v2/requests.json", timeout=30,
                                           headers={"Accept-Language": "en"},
                                           data={"api_key": api_key, "service_code": "noise",
                                                 "description": "噪音"}).json()[0]["description"]
