"""Prometheus metrics: requests by route and status, and RPC latency by service."""
from prometheus_client.parser import text_string_to_metric_families


def samples(client):
    text = client.get("/metrics").get_data(as_text=True)
    return [s for family in text_string_to_metric_families(text) for s in family.samples]


def count(client, name, **labels):
    return sum(s.value for s in samples(client)
               if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


def test_requests_are_counted_by_route_not_by_path(client, community):
    before = count(client, "linli_http_requests_total", route="/api/v1/communities/<community_id>", status="200")
    client.get(f"/api/v1/communities/{community['id']}")
    after = count(client, "linli_http_requests_total", route="/api/v1/communities/<community_id>", status="200")
    assert after == before + 1
    assert not any(community["id"] in str(s.labels) for s in samples(client))


def test_a_failed_rpc_is_timed_under_its_service(client, community, resident):
    before = count(client, "linli_rpc_seconds_count", service="issues", outcome="error")
    client.get("/api/v1/issues/66aa00000000000000000001", headers=resident["headers"])  # no issues service here
    assert count(client, "linli_rpc_seconds_count", service="issues", outcome="error") == before + 1
