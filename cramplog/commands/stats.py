"""`cramplog stats`: the headline numbers and warning signs of a period, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from cramplog import commands
from cramplog.core import wording

if TYPE_CHECKING:
    from cramplog.analysis.stats import PatternStats
    from cramplog.analysis.warning_signs import WarningSign

NAME = "stats"
HELP = "print the headline numbers and warning signs of a period"
DESCRIPTION = (
    "Print cramps per week, nights with cramps, intensity, duration, where and when, and any "
    "warning signs, for the nights from --from to --to (default: the last 3 months, as in "
    "the app and the report). Dates are nights, as YYYY-MM-DD. With --json, print one JSON "
    "object (keys in the README)."
)

# Entries listed under each warning sign, newest first, as on the Patterns page.
LISTED_EVIDENCE = 3
EXIT_PROBLEM = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first", type=commands.night, metavar="DATE", help="first night (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--to", dest="last", type=commands.night, metavar="DATE", help="last night (YYYY-MM-DD)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _fail(message: str, code: int) -> int:
    print(f"cramplog: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from cramplog.analysis import stats, warning_signs

    folder = commands.data_dir(args)
    # A read-only command: it never creates a diary to say it is empty, and reads alongside
    # an open app.
    refusal = f"There is no diary in {folder}; nothing was created."
    with commands.open_diary(folder, if_missing=refusal, alongside_app=True) as diary:
        today = diary.now().date()
        for name, night in (("--from", args.first), ("--to", args.last)):
            if night is not None and night > today:
                return _fail(
                    f"{name} {night.isoformat()} is in the future; give a night up to "
                    f"today ({today.isoformat()}).",
                    EXIT_USAGE,
                )
        if args.first is not None and args.last is not None and args.first > args.last:
            return _fail(
                f"--from {args.first.isoformat()} is after --to {args.last.isoformat()}.",
                EXIT_USAGE,
            )
        if stats.first_recorded_night(diary) is None:
            return _fail(
                f"the diary {diary.path} is empty: log a cramp or review a night first.",
                EXIT_PROBLEM,
            )
        last = args.last if args.last is not None else diary.last_night()
        first = args.first if args.first is not None else stats.default_period(last).first
        if first > last:
            # Only --from was given, and it is the night still in progress.
            last = first
        period = stats.Period(first, last)
        numbers = stats.compute(diary, period)
        signs = warning_signs.check(diary, period)
    if args.json:
        body = numbers.to_json_dict()
        body["empty"] = numbers.empty
        body["warning_signs"] = [sign.to_json_dict() for sign in signs]
        json.dump(body, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(_text(numbers, signs))
    return 0


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text}{unit}"


def _duration(seconds: float | None) -> str:
    return wording.duration(seconds, missing="–")


def _text(s: PatternStats, signs: tuple[WarningSign, ...]) -> str:
    period = s.period
    lines = [f"Nights of {period.first:%d %b %Y} to {period.last:%d %b %Y} ({period.nights})"]
    if s.empty:
        lines.append("Nothing to show: no cramps and no reviewed nights in this period.")
        return "\n".join(lines)
    rows = _headline_rows(s)
    width = max(len(label) for label, _ in rows)
    lines += [f"{label:<{width}}  {value}" for label, value in rows]
    lines.append(f"{'Recorded nights':<{width}}  {s.recorded_note()}")
    if s.by_muscle:
        muscles = ", ".join(f"{m.label} {m.episodes}" for m in s.by_muscle[:5])
        lines.append(f"{'Where':<{width}}  {muscles}")
    busiest = sorted(s.by_hour, key=lambda h: -h.episodes)[:3]
    if busiest and busiest[0].episodes:
        hours = ", ".join(f"{h.hour:02d}:00 ({h.episodes})" for h in busiest if h.episodes)
        lines.append(f"{'Busiest hours':<{width}}  {hours}")
    if s.time_not_noted:
        lines.append(f"{'Hour not known':<{width}}  {s.hours_note()}")
    lines.append("")
    if signs:
        lines.append("Warning signs (reasons to seek medical advice, not a diagnosis):")
        for sign in signs:
            lines.append(f"- {sign.urgency.label}: {sign.label}. {sign.sentence}")
            lines += [f"    {e.describe()}" for e in sign.evidence[:LISTED_EVIDENCE]]
            if sign.evidence_count > LISTED_EVIDENCE:
                lines.append(f"    and {sign.evidence_count - LISTED_EVIDENCE} more")
    else:
        lines.append("No warning signs in this period.")
    return "\n".join(lines)


def _headline_rows(s: PatternStats) -> list[tuple[str, Any]]:
    """The numbers of the period, one (label, value) row each, rates with their completeness."""
    note = s.completeness_note()
    withheld = s.rate_withheld()

    def rate(value: float | None) -> str:
        return withheld if value is None and withheld is not None else _number(value)

    return [
        ("Cramps", f"{s.episodes} ({s.timing_note()})"),
        ("Cramps per week", f"{rate(s.cramps_per_week)}   [{note}]"),
        ("Nights with cramps", f"{s.cramp_nights}"),
        ("Nights with cramps per week", f"{rate(s.cramp_nights_per_week)}   [{note}]"),
        (
            "Recorded nights with a cramp",
            "–"
            if s.share_of_reviewed_nights_with_cramps is None
            else f"{s.share_of_reviewed_nights_with_cramps:.0%}   [{note}]",
        ),
        (
            "Intensity (0–10)",
            f"median {_number(s.intensity_median)}, worst {_number(s.intensity_worst)} "
            f"({s.intensity_rated} rated)",
        ),
        (
            "Duration",
            f"median {_duration(s.duration_median_s)}, longest "
            f"{_duration(s.longest_duration_s)}, {s.cramps_over_10_min} over 10 minutes "
            f"({s.duration_timed} timed)",
        ),
        (
            "Sleep disturbance (0–10)",
            f"{_number(s.sleep_disturbance_mean)} ({s.sleep_disturbance_nights} nights rated)",
        ),
        (
            "Minutes awake per week",
            f"{_number(s.minutes_awake_per_week)} ({s.minutes_awake_nights} nights recorded)",
        ),
    ]
