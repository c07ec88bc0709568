"""Open311's pure parts: the two formats, its error shape, and placing a request on a building."""
from types import SimpleNamespace
from xml.etree import ElementTree

from gateway import demo
from gateway.open311 import formats, places
from gateway.open311.formats import Open311Error

BUILDINGS = [SimpleNamespace(number=n, name=f"{n}号楼", lat=demo.building_position(n)[0],
                             lng=demo.building_position(n)[1]) for n in (1, 2, 3, 20)]


def test_a_list_renders_as_repeated_xml_elements_under_its_root():
    body = [{"service_request_id": "a", "lat": 31.2, "media_url": None}, {"service_request_id": "b"}]
    root = ElementTree.fromstring(formats.render("xml", "service_requests", "request", body).get_data())
    assert root.tag == "service_requests"
    assert [r.findtext("service_request_id") for r in root.findall("request")] == ["a", "b"]
    assert root.find("request/lat").text == "31.2" and root.find("request/media_url").text is None


def test_nested_lists_take_the_singular_of_their_name():
    xml = formats.render("xml", "discovery", "discovery", {"endpoints": [{"formats": ["text/xml"]}]}).get_data()
    assert ElementTree.fromstring(xml).find("endpoints/endpoint/formats/format").text == "text/xml"


def test_an_error_is_a_list_of_code_and_description_with_the_same_status():
    response = formats.error("json", Open311Error(400, "{name} is required.", name="service_code"))
    assert response.status_code == 400
    assert response.get_json() == [{"code": 400, "description": "service_code is required."}]


def test_a_point_goes_to_the_nearest_building_within_150_metres():
    lat, lng = demo.building_position(2)
    assert places.nearest(BUILDINGS, lat + 0.0001, lng).number == 2
    assert places.nearest(BUILDINGS, lat + 0.01, lng) is None


def test_an_address_names_a_building_by_its_name_or_number():
    assert places.by_address(BUILDINGS, "20号楼").number == 20
    assert places.by_address(BUILDINGS, "Building 3, stairwell 1").number == 3
    assert places.by_address(BUILDINGS, "the car park") is None


def test_an_error_is_told_in_chinese_by_default():
    from flask import Flask
    with Flask(__name__).test_request_context("/"):
        response = formats.error("json", Open311Error(404, "No such service_code: {service_code}.",
                                                      service_code="potholes"))
    assert response.get_json()[0]["description"] == "没有这个 service_code：potholes。"
