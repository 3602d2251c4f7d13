"""Print the table of bench/run from its results directory.

python bench/report.py RESULTS ITEMS CONNECTIONS WORKERS
"""

import json
import sys
from pathlib import Path


def read_json_lines(path):
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text().splitlines() if line]
    return {row["page"]: row for row in rows}


def read_rates(path):
    if not path.exists():
        return {}
    rates = {}
    for line in path.read_text().splitlines():
        name, _space, rate = line.partition(" ")
        rates[name.replace("_", " ")] = rate or "?"
    return rates


def main(results, items, connections, workers):
    results = Path(results)
    floor = read_json_lines(results / "floor.jsonl").get("floor")
    off = read_json_lines(results / "render-off.jsonl")
    on = read_json_lines(results / "render-on.jsonl")
    rates_off = read_rates(results / "load-off.txt")
    rates_on = read_rates(results / "load-on.txt")
    floor_ms = floor["ms"] if floor else None
    print(
        f"kim-cms bench: {items} items per type; floor (bare `wagtail start` "
        f"home) {floor_ms} ms, {floor['queries'] if floor else '?'} queries; "
        f"wrk {connections} connections, gunicorn {workers} workers"
    )
    header = (
        "page",
        "ms",
        "x floor",
        "queries",
        "bytes",
        "gzip",
        "req/s",
        "ms cache",
        "x floor cache",
        "req/s cache",
    )
    rows = [header]
    for name, row in off.items():
        cached = on.get(name)
        rows.append(
            (
                name,
                f"{row['ms']:.1f}",
                f"{row['ms'] / floor_ms:.1f}" if floor_ms else "?",
                str(row["queries"]),
                str(row["bytes"]),
                str(row["gzip"]),
                rates_off.get(name, "n/a"),
                f"{cached['ms']:.1f}" if cached else "n/a",
                f"{cached['ms'] / floor_ms:.1f}" if cached and floor_ms else "n/a",
                rates_on.get(name, "n/a"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for number, row in enumerate(rows):
        print(
            "| "
            + " | ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            )
            + " |"
        )
        if number == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


if __name__ == "__main__":
    main(*sys.argv[1:5])
