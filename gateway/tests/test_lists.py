"""The list convention: `limit`, `cursor`, `sort` and filters give every item once, in order."""
import pytest

from gateway.web import lists
from gateway.web.problems import Problem

ITEMS = [{"id": f"i{n}", "n": n % 4, "tag": "ab"[n % 2], "flag": n % 3 == 0} for n in range(11)]


def walk(items, **args):
    """Every page of `items` under `args` (a query string's values), cursor after cursor."""
    pages, cursor = [], None
    while True:
        query = lists.read({**args, **({"cursor": cursor} if cursor else {})}, ("n", "tag"), ("tag", "flag"))
        chosen, cursor = lists.page(list(items), query, "id")
        pages.append([i["id"] for i in chosen])
        if cursor is None:
            return pages


def test_pages_in_the_services_order_cover_every_item_once():
    pages = walk(ITEMS, limit="4")
    assert [len(p) for p in pages] == [4, 4, 3]
    assert sum(pages, []) == [i["id"] for i in ITEMS]


@pytest.mark.parametrize("sort", ["n", "-n", "tag", "-tag"])
def test_sorted_pages_follow_the_sort_with_ties_broken_by_id(sort):
    field, descending = sort.lstrip("-"), sort.startswith("-")
    expected = sorted(ITEMS, key=lambda i: (i[field], i["id"]), reverse=descending)
    assert sum(walk(ITEMS, limit="3", sort=sort), []) == [i["id"] for i in expected]


def test_filters_keep_the_items_with_one_of_the_values():
    assert sum(walk(ITEMS, tag="a", flag="true"), []) == ["i0", "i6"]


def test_an_item_added_before_the_cursor_does_not_shift_the_next_page():
    query = lists.read({"limit": "5", "sort": "n"}, ("n",), ())
    first, cursor = lists.page(list(ITEMS), query, "id")
    grown = [{"id": "i00", "n": 0, "tag": "a", "flag": False}, *ITEMS]
    rest, _ = lists.page(grown, lists.read({"limit": "20", "sort": "n", "cursor": cursor}, ("n",), ()), "id")
    assert not set(i["id"] for i in first) & set(i["id"] for i in rest)
    assert len(first) + len(rest) == len(ITEMS)


@pytest.mark.parametrize("args, field", [({"limit": "0"}, "limit"), ({"limit": "x"}, "limit"),
                                         ({"sort": "secret"}, "sort"), ({"cursor": "%%%"}, "cursor")])
def test_bad_list_parameters_are_a_422_naming_them(args, field):
    with pytest.raises(Problem) as refused:
        lists.read(args, ("n",), ())
    assert refused.value.status == 422 and field in refused.value.errors


def test_a_cursor_of_another_sort_is_refused():
    _, cursor = lists.page(list(ITEMS), lists.read({"limit": "2", "sort": "n"}, ("n",), ()), "id")
    with pytest.raises(Problem):
        lists.read({"cursor": cursor, "sort": "-n"}, ("n",), ())


def test_the_communities_list_pages_with_a_link_to_the_next(client):
    first = client.get("/api/v1/communities?limit=1&sort=name")
    body = first.get_json()
    assert first.status_code == 200 and len(body["items"]) == 1 and "next" in body
    if body["next"]:
        assert 'rel="next"' in first.headers["Link"]
    assert client.get("/api/v1/communities?sort=population").status_code == 422


def test_the_audit_log_pages_by_cursor(client, community, resident, demo_login):
    admin = demo_login("community_admin")
    url = f"/api/v1/communities/{community['id']}/members/{resident['id']}/roles"
    for roles in (["resident"], ["resident", "volunteer"], ["resident"]):
        assert client.put(url, json={"roles": roles}, headers=admin).status_code == 200
    audit = f"/api/v1/communities/{community['id']}/audit"
    first = client.get(f"{audit}?limit=2", headers=admin).get_json()
    second = client.get(f"{audit}?limit=2&cursor={first['next']}", headers=admin).get_json()
    assert first["next"] and second["items"]
    assert second["items"][0]["at"] <= first["items"][-1]["at"]
    seen = {(e["at"], e["request_id"]) for e in first["items"]}
    assert not seen & {(e["at"], e["request_id"]) for e in second["items"]}


def test_items_told_apart_by_several_fields_page_without_a_sort():
    templates = [{"kind": k, "locale": loc} for k in ("a", "b") for loc in ("en", "zh-CN")]
    query = lists.read({"limit": "3"}, (), ())
    first, cursor = lists.page(list(templates), query, ("kind", "locale"))
    rest, end = lists.page(list(templates), lists.read({"cursor": cursor}, (), ()), ("kind", "locale"))
    assert first + rest == templates and end is None


def test_a_forged_cursor_of_the_right_sort_is_a_422_not_a_crash():
    forged = lists.encode("n", ["x", {"a": 1}, 3])
    with pytest.raises(Problem) as refused:
        lists.read({"cursor": forged, "sort": "n"}, ("n",), ())
    assert "cursor" in refused.value.errors
