"""Survey rules without broker or store: answers, targeting and the demand table."""
from services.issues import surveying

PARKING = [
    {"key": "cars", "kind": "number", "prompt": "家里有几辆车", "required": True, "min": 0, "max": 10},
    {"key": "need", "kind": "single", "prompt": "需要车位吗", "options": ["yes", "no"], "required": True},
    {"key": "when", "kind": "multiple", "prompt": "何时停车", "options": ["night", "day"]},
    {"key": "note", "kind": "text", "prompt": "建议"},
]


def test_valid_answers_have_no_errors():
    assert surveying.answer_errors(PARKING, {"cars": 2, "need": "yes", "when": ["night"]}) == {}


def test_each_wrong_answer_is_named_by_its_question():
    errors = surveying.answer_errors(PARKING, {"cars": 11, "when": ["dawn"], "note": 3, "extra": 1})
    assert set(errors) == {"cars", "need", "when", "note", "extra"}
    assert errors["need"] == ["this question is required"]


def test_a_boolean_is_not_a_number_and_a_repeated_option_is_refused():
    errors = surveying.answer_errors(PARKING, {"cars": True, "need": "no", "when": ["day", "day"]})
    assert set(errors) == {"cars", "when"}


def test_one_answer_per_household_or_per_person():
    assert surveying.respondent_key("household", "acc-1", "u1") == "unit:u1"
    assert surveying.respondent_key("person", "acc-1", "u1") == "account:acc-1"


def test_targeting_by_buildings_and_grids():
    assert surveying.targeted({"scope": "community"}, "b1", "g1")
    assert surveying.targeted({"scope": "buildings", "building_ids": ["b1"]}, "b1", "g9")
    assert not surveying.targeted({"scope": "grids", "grid_ids": ["g2"]}, "b1", "g1")


def test_results_are_tabulated_by_building_and_grid_into_a_demand_table():
    responses = [
        {"building_id": "b1", "grid_id": "g1", "answers": {"cars": 2, "need": "yes", "when": ["night", "day"]}},
        {"building_id": "b1", "grid_id": "g1", "answers": {"cars": 0, "need": "no"}},
        {"building_id": "b2", "grid_id": "g1", "answers": {"cars": 1, "need": "yes", "when": ["night"]}},
    ]
    table = surveying.tabulate(PARKING, responses)
    assert table["respondents"] == 3
    assert table["overall"]["need"] == {"yes": 2, "no": 1}
    assert table["buildings"]["b1"]["answers"]["cars"] == {"answered": 2, "sum": 2}
    assert table["grids"]["g1"]["answers"]["when"] == {"night": 2, "day": 1}
    rows = surveying.demand_rows(PARKING, table)
    assert rows[0] == ["scope", "id", "respondents", "cars (sum)", "need=yes", "need=no", "when=night", "when=day"]
    assert rows[1:] == [["building", "b1", 2, 2, 1, 1, 1, 1], ["building", "b2", 1, 1, 1, 0, 1, 0],
                        ["grid", "g1", 3, 3, 2, 1, 2, 1]]
