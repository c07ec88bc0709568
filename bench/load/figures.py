"""Pure figure work for the load benchmark: percentiles, peaks, ratios and verdicts."""


def percentiles(samples):
    """p50/p95/p99/max of `samples` (ms), nearest rank; None when there are none."""
    ordered = sorted(samples)
    if not ordered:
        return {"p50": None, "p95": None, "p99": None, "max": None}

    def rank(q):
        return round(ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * q // 100) - 1))])
    return {"p50": rank(50), "p95": rank(95), "p99": rank(99), "max": round(ordered[-1])}


def peak(steps):
    """The step with the highest throughput among [(users, rps, failures)] that failed nothing, else the best."""
    clean = [s for s in steps if s[2] == 0] or steps
    return max(clean, key=lambda step: step[1])


def ratio(rps, ceiling):
    """Throughput as a share of its ceiling, in percent (one decimal)."""
    return round(100 * rps / ceiling, 1) if ceiling else None


def verdict(value, limit, higher_is_better=False):
    """'met' or 'missed' for a figure against its target."""
    if value is None:
        return "not measured"
    ok = value >= limit if higher_is_better else value <= limit
    return "met" if ok else "missed"


def table(header, rows):
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join("–" if cell is None else str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
