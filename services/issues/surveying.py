"""Pure rules of surveys: who may answer, what an answer must hold, and the tables of results."""
SINGLE, MULTIPLE, NUMBER, TEXT = "single", "multiple", "number", "text"
KINDS = (SINGLE, MULTIPLE, NUMBER, TEXT)
HOUSEHOLD, PERSON = "household", "person"
COMMUNITY, BUILDINGS, GRIDS = "community", "buildings", "grids"


def respondent_key(per, account_id, unit_id):
    """The key one answer is stored under: one per unit (household) or per account (person)."""
    return f"unit:{unit_id}" if per == HOUSEHOLD else f"account:{account_id}"


def targeted(target, building_id, grid_id):
    """True if a home in `building_id` / `grid_id` is among those the survey asks."""
    if target["scope"] == BUILDINGS:
        return building_id in target.get("building_ids", ())
    if target["scope"] == GRIDS:
        return grid_id in target.get("grid_ids", ())
    return True


def _check(question, value):
    kind, options = question["kind"], question.get("options") or ()
    if kind == SINGLE and value not in options:
        return "not one of the options"
    if kind == MULTIPLE and (not isinstance(value, list) or not value or set(value) - set(options)
                             or len(set(value)) != len(value)):
        return "not a list of distinct options"
    if kind == NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "not a number"
        low, high = question.get("min"), question.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return f"outside {low}..{high}"
    if kind == TEXT and (not isinstance(value, str) or len(value) > 2000):
        return "not a text of at most 2000 characters"
    return None


def answer_errors(questions, answers):
    """Field errors of a set of answers, keyed by question key; empty when they are valid."""
    keys = {q["key"] for q in questions}
    errors = {key: ["no such question"] for key in answers if key not in keys}
    for question in questions:
        value = answers.get(question["key"])
        if value is None or value == "" or value == []:
            if question.get("required"):
                errors[question["key"]] = ["this question is required"]
            continue
        if (problem := _check(question, value)) is not None:
            errors[question["key"]] = [problem]
    return errors


def _empty(questions):
    return {q["key"]: ({o: 0 for o in q["options"]} if q["kind"] in (SINGLE, MULTIPLE)
                       else {"answered": 0, "sum": 0} if q["kind"] == NUMBER else {"answered": 0})
            for q in questions}


def _add(cell, question, value):
    if value is None or value == "" or value == []:
        return
    if question["kind"] == SINGLE:
        cell[value] += 1
    elif question["kind"] == MULTIPLE:
        for option in value:
            cell[option] += 1
    else:
        cell["answered"] += 1
        if question["kind"] == NUMBER:
            cell["sum"] += value


def tabulate(questions, responses):
    """Counts per question overall, per building and per grid (number questions: count and sum)."""
    table = {"respondents": 0, "overall": _empty(questions), "buildings": {}, "grids": {}}
    for response in responses:
        table["respondents"] += 1
        groups = [table["overall"]]
        for scope, key in (("buildings", response.get("building_id")), ("grids", response.get("grid_id"))):
            bucket = table[scope].setdefault(key or "-", {"respondents": 0, "answers": _empty(questions)})
            bucket["respondents"] += 1
            groups.append(bucket["answers"])
        for question in questions:
            for group in groups:
                _add(group[question["key"]], question, response["answers"].get(question["key"]))
    return table


def columns(questions):
    """The demand table's columns: one per option of each choice question, one sum per number question."""
    cols = []
    for q in questions:
        if q["kind"] in (SINGLE, MULTIPLE):
            cols += [(q["key"], option, f"{q['key']}={option}") for option in q["options"]]
        elif q["kind"] == NUMBER:
            cols.append((q["key"], "sum", f"{q['key']} (sum)"))
    return cols


def demand_rows(questions, table):
    """Rows of the demand table by building, then by grid: scope, id, respondents, then the columns."""
    cols = columns(questions)
    header = ["scope", "id", "respondents", *[label for _, _, label in cols]]
    rows = []
    for scope in ("buildings", "grids"):
        for group_id, bucket in sorted(table[scope].items()):
            rows.append([scope[:-1], group_id, bucket["respondents"],
                         *[bucket["answers"][key][cell] for key, cell, _ in cols]])
    return [header, *rows]
