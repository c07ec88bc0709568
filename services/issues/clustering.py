"""Pure rule: open reports of one category in one building form a cluster staff may turn into a topic."""


def clusters(reports, min_size=2):
    """Groups of open reports by (category, building), largest first; `reports` are plain dicts."""
    groups = {}
    for report in reports:
        where = report.get("location") or {}
        key = (report["category"], where.get("building_id"))
        groups.setdefault(key, {"category": key[0], "building_id": key[1], "grid_id": where.get("grid_id"),
                                "issue_ids": [], "titles": []})
        groups[key]["issue_ids"].append(str(report["_id"]))
        groups[key]["titles"].append(report.get("title", ""))
    found = [{**g, "count": len(g["issue_ids"]), "titles": g["titles"][:5]}
             for g in groups.values() if len(g["issue_ids"]) >= min_size]
    return sorted(found, key=lambda g: (-g["count"], g["category"], g["building_id"] or ""))
