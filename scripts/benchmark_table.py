"""Rewrite the README's benchmark table from the JSON of a full benchmark run (run by hand).

    .venv/bin/python benchmarks/run.py --output /tmp/bench.json
    .venv/bin/python scripts/benchmark_table.py /tmp/bench.json

The table sits between the two `benchmark-table` marker comments in README.md; everything
else in the README is left as it is.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- benchmark-table (written by scripts/benchmark_table.py) -->"
END = "<!-- /benchmark-table -->"


def _ms(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds * 1000:,.0f} ms"


def _budget(text: str) -> str:
    return text.replace("<=", "≤").replace("x ", "× ").replace("(reference)", "—")


def _ratio(value: float, *, over: bool, limit: float | None = None) -> str:
    """Two decimals; three for a figure over its budget's `limit` that two would round down
    onto it (1.5018 is "1.502", not a "1.50" marked over a "≤ 1.5×" budget)."""
    shown = f"{value:.2f}"
    onto_limit = limit is None or float(shown) <= limit
    return f"{value:.3f}" if over and onto_limit and float(shown) < value else shown


def _limit(budget: str | None) -> float | None:
    """The ratio a budget such as "<= 1.5x bare window" allows, or None when it names none."""
    if not budget or not budget.startswith("<=") or "x" not in budget:
        return None
    try:
        return float(budget[2:].split("x", 1)[0])
    except ValueError:
        return None


def _row(figure: dict[str, Any]) -> str:
    name = figure["name"].replace("->", "→")
    note = figure.get("note", "")
    if figure["seconds"] is None:  # a figure that is not a time (memory) shows its note
        time_text = note
    else:
        time_text = _ms(figure["seconds"])
        name += f" ({note})" if note else ""
    ratio = (
        ""
        if figure["ratio"] is None
        else _ratio(figure["ratio"], over=figure["ok"] is False, limit=_limit(figure.get("budget")))
    )
    verdict = {True: "within", False: "**over**", None: ""}[figure["ok"]]
    cells = [name, time_text, _ms(figure["floor_seconds"]), ratio, _budget(figure["budget"])]
    return "| " + " | ".join([*cells, verdict]) + " |"


def table(report: dict[str, Any]) -> str:
    """The README's section for one benchmark report: what was run where, then the table."""
    machine = report["machine"]
    versions = machine["versions"]
    load = report["load_average"]
    diaries = list(report["diaries"].items())
    held = "; ".join(
        f"the {name} diary holds {d['episodes']:,} cramps, {d['diary_days']:,} reviewed "
        f"days and {d['medications']} medications"
        for name, d in diaries
    )
    head = (
        f"Latest {report['mode']} run ({report['date']}; {machine['cpus']} cores, "
        f"{machine['platform']}, Python {versions['python']}, PySide6 "
        f"{versions['PySide6-Essentials']}, SQLAlchemy {versions['SQLAlchemy']}, matplotlib "
        f"{versions['matplotlib']}; load average {load['before'][0]:.2f} before, "
        f"{load['after'][0]:.2f} after). The diaries end on the night of "
        f"{report['reference_night']}: {held}. Every time is the median of the runs."
    )
    lines = [
        START,
        head,
        "",
        "| figure | time | floor | ratio | budget | |",
        "|---|---:|---:|---:|---|---|",
        *(_row(f) for f in report["figures"]),
        END,
    ]
    return "\n".join(lines)


def rewrite(readme: str, report: dict[str, Any]) -> str:
    """`readme` with its table replaced; ValueError if the markers are missing."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the README has no {START} … {END} section")
    return readme[:start] + table(report) + readme[end + len(END) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("report", type=Path, help="the JSON written by benchmarks/run.py --output")
    parser.add_argument("--readme", type=Path, default=README, help="the README to rewrite")
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        text = rewrite(args.readme.read_text(encoding="utf-8"), report)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"benchmark_table: {exc}", file=sys.stderr)
        return 1
    args.readme.write_text(text, encoding="utf-8")
    print(f"rewrote the benchmark table in {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
