"""The load benchmark's figure work (bench/load): pure functions, no platform."""
from bench.load.figures import peak, percentiles, ratio, table, verdict
from bench.load.storecalls import busiest, scans
from bench.load.storetrace.linli_store_trace import shape


def test_percentiles_take_the_nearest_rank():
    figures = percentiles(list(range(1, 101)))
    assert figures == {"p50": 50, "p95": 95, "p99": 99, "max": 100}


def test_percentiles_of_no_samples_are_none():
    assert percentiles([]) == {"p50": None, "p95": None, "p99": None, "max": None}


def test_the_peak_is_the_fastest_step_without_errors():
    assert peak([(4, 10.0, 0), (8, 18.0, 0), (16, 25.0, 3)]) == (8, 18.0, 0)
    assert peak([(4, 10.0, 1), (8, 12.0, 2)]) == (8, 12.0, 2)


def test_ratio_and_verdict():
    assert ratio(25, 200) == 12.5
    assert ratio(5, 0) is None
    assert verdict(12.5, 50, higher_is_better=True) == "missed"
    assert verdict(140, 150) == "met"
    assert verdict(None, 150) == "not measured"


def test_a_table_is_markdown_with_a_dash_for_missing_cells():
    assert table(["a", "b"], [(1, None)]) == "| a | b |\n|---|---|\n| 1 | – |"


def test_a_store_call_is_named_by_command_collection_and_filter_keys():
    assert shape("find", {"find": "inbox", "filter": {"account_id": "a1"}}) == "find inbox {account_id}"
    assert shape("find", {"find": "inbox", "filter": {"_id": {"$in": [1]}}}) == "find inbox {_id$in}"
    assert shape("update", {"update": "issues", "updates": [{"q": {"_id": 1}, "u": {}}]}) == "update issues {_id}"
    assert shape("insert", {"insert": "leases", "documents": []}) == "insert leases {}"
    assert shape("getMore", {"getMore": 123, "collection": "bookings"}) == "getMore bookings {}"


def test_only_a_filter_of_exactly_the_id_avoids_a_scan():
    assert scans("find votes {_id}") == "by _id"
    assert scans("find votes {_id,status}") == "scan"
    assert scans("find inbox {_id$in}") == "scan"
    assert scans("insert inbox {}") == "insert"


def test_busiest_counts_only_the_calls_between_two_snapshots():
    before = {("gateway", "find accounts {_id}"): [10, 100.0]}
    after = {("gateway", "find accounts {_id}"): [14, 180.0], ("issues", "find issues {x}"): [1, 500.0]}
    assert busiest(before, after) == [("issues", "find issues {x}", 1, 500, 500.0, "scan"),
                                      ("gateway", "find accounts {_id}", 4, 80, 20.0, "by _id")]
