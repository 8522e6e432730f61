"""`cramplog stats`: the headline numbers and warning signs of a period, as text or JSON."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from cramplog import commands
from cramplog.core import wording
from cramplog.core.translation import N_, _, n_

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from cramplog.analysis.stats import PatternStats
    from cramplog.analysis.warning_signs import WarningSign
    from cramplog.commands.plain_options import Valued

NAME = "stats"
HELP = N_("print the headline numbers and warning signs of a period")
DESCRIPTION = N_(
    "Print cramps per week, nights with cramps, intensity, duration, where and when, and any "
    "warning signs, for the nights from --from to --to (default: the last 3 months, as in "
    "the app and the report). Dates are nights, as YYYY-MM-DD. With --json, print one JSON "
    "object (keys in the README)."
)

# Entries listed under each warning sign, newest first, as on the Patterns page.
LISTED_EVIDENCE = 3
EXIT_PROBLEM = 1
EXIT_USAGE = 2


# The options below, for reading a plain command line without argparse
# (`commands.plain_options`; a test holds the two readings side by side).
PLAIN_VALUED: Valued = {
    "--from": ("first", commands.read_night),
    "--to": ("last", commands.read_night),
}
PLAIN_FLAGS = {"--json": "json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="first",
        type=commands.night,
        metavar="DATE",
        help=_("first night (YYYY-MM-DD)"),
    )
    parser.add_argument(
        "--to", dest="last", type=commands.night, metavar="DATE", help=_("last night (YYYY-MM-DD)")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of text"))


def _fail(message: str, code: int) -> int:
    print(f"cramplog: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from cramplog.analysis import stats, warning_signs

    folder = commands.data_dir(args)
    # A read-only command: it never creates a diary to say it is empty, and reads alongside
    # an open app.
    refusal = _("There is no diary in {folder}; nothing was created.").format(folder=folder)
    with commands.figures_of(folder, if_missing=refusal) as diary:
        future = commands.future_night(args.first, args.last, diary.now().date())
        if future is not None:
            return _fail(future, EXIT_USAGE)
        if args.first is not None and args.last is not None and args.first > args.last:
            return _fail(
                _("--from {first} is after --to {last}.").format(
                    first=args.first.isoformat(), last=args.last.isoformat()
                ),
                EXIT_USAGE,
            )
        earliest = stats.first_recorded_night(diary)
        if earliest is None:
            return _fail(
                _("the diary {path} is empty: log a cramp or review a night first.").format(
                    path=diary.path
                ),
                EXIT_PROBLEM,
            )
        last = args.last if args.last is not None else diary.last_night()
        first = args.first if args.first is not None else stats.default_period(last).first
        # The three months before an early --to would reach back before the first night a
        # command takes (--from 1899-10-02 is refused): they start there instead.
        first = max(first, commands.EARLIEST_NIGHT)
        if first > last:
            # Only --from was given, and it is the night still in progress.
            last = first
        period = stats.Period(first, last)
        # The text shows no reliefs, triggers or treatments: they are read for JSON only.
        numbers = stats.compute(diary, period, details=args.json)
        signs = warning_signs.check(diary, period)
    if args.json:
        import json  # only for --json

        body = numbers.to_json_dict()
        body["empty"] = numbers.empty
        body["warning_signs"] = [sign.to_json_dict() for sign in signs]
        json.dump(body, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(_text(numbers, signs, earliest))
    return 0


def _number(value: float | None, kind: wording.Figure) -> str:
    return wording.figure(value, kind, missing="–")


def _duration(seconds: float | None) -> str:
    return wording.duration(seconds, missing="–")


def _text(s: PatternStats, signs: tuple[WarningSign, ...], earliest: date) -> str:
    period = s.period
    first, last = (wording.date_text(d, weekday=False) for d in (period.first, period.last))
    lines = [
        _("Nights of {first} to {last} ({nights})").format(
            first=first, last=last, nights=period.nights
        )
    ]
    if s.empty:
        lines.append(_("Nothing to show: no cramps and no reviewed nights in this period."))
        if earliest < period.first:
            # An imported history often lies before the default last three months.
            lines.append(
                _(
                    "The diary begins on the night of {night}: add --from {iso} to include it."
                ).format(night=wording.date_text(earliest, weekday=False), iso=earliest.isoformat())
            )
        return "\n".join(lines)
    rows = _headline_rows(s)
    width = max(len(label) for label, _value in rows)
    lines += [f"{label:<{width}}  {value}" for label, value in rows]
    lines.append(f"{_('Recorded nights'):<{width}}  {s.recorded_note()}")
    if s.by_muscle:
        muscles = ", ".join(f"{m.label} {m.episodes}" for m in s.by_muscle[:5])
        lines.append(f"{_('Where'):<{width}}  {muscles}")
    busiest = sorted(s.by_hour, key=lambda h: -h.episodes)[:3]
    if busiest and busiest[0].episodes:
        hours = ", ".join(f"{wording.hour(h.hour)} ({h.episodes})" for h in busiest if h.episodes)
        lines.append(f"{_('Busiest hours'):<{width}}  {hours}")
    if s.time_not_noted:
        lines.append(f"{_('Hour not known'):<{width}}  {s.hours_note()}")
    lines.append("")
    if signs:
        lines.append(_("Warning signs (reasons to seek medical advice, not a diagnosis):"))
        for sign in signs:
            lines.append(
                _("- {urgency}: {sign}. {sentence}").format(
                    urgency=sign.urgency.label, sign=sign.label, sentence=sign.sentence
                )
            )
            lines += [f"    {e.describe()}" for e in sign.evidence[:LISTED_EVIDENCE]]
            if sign.evidence_count > LISTED_EVIDENCE:
                more = sign.evidence_count - LISTED_EVIDENCE
                lines.append("    " + _("and {n} more").format(n=more))
    else:
        lines.append(_("No warning signs in this period."))
    return "\n".join(lines)


def _cramp_nights(s: PatternStats) -> str:
    """Every night with a cramp; when some were not recorded, how many were, so the count
    reads beside "10 of 92 nights recorded" and the share made of them."""
    recorded = s.recorded_cramp_nights
    if recorded == s.cramp_nights:
        return str(s.cramp_nights)
    return n_(
        "{n} ({recorded} on a recorded night)", "{n} ({recorded} on recorded nights)", recorded
    ).format(n=s.cramp_nights, recorded=recorded)


def _headline_rows(s: PatternStats) -> list[tuple[str, Any]]:
    """The numbers of the period, one (label, value) row each, rates with their completeness."""
    note = s.completeness_note()
    withheld = s.rate_withheld()
    score = wording.Figure.SCORE

    def rate(value: float | None) -> str:
        if value is None and withheld is not None:
            return withheld
        return _number(value, wording.Figure.RATE)

    return [
        (_("Cramps"), f"{s.episodes} ({s.timing_note()})"),
        (_("Cramps per week"), f"{rate(s.cramps_per_week)}   [{note}]"),
        (_("Nights with cramps"), _cramp_nights(s)),
        (_("Nights with cramps per week"), f"{rate(s.cramp_nights_per_week)}   [{note}]"),
        (
            _("Recorded nights with a cramp"),
            "–"
            if s.share_of_reviewed_nights_with_cramps is None
            else f"{wording.percent(s.share_of_reviewed_nights_with_cramps)}   [{note}]",
        ),
        (
            _("Intensity (0–10)"),
            _("median {median}, worst {worst} ({n} rated)").format(
                median=_number(s.intensity_median, score),
                worst=_number(s.intensity_worst, score),
                n=s.intensity_rated,
            ),
        ),
        (
            _("Duration"),
            _("median {median}, longest {longest}, {over} over 10 minutes ({n} timed)").format(
                median=_duration(s.duration_median_s),
                longest=_duration(s.longest_duration_s),
                over=s.cramps_over_10_min,
                n=s.duration_timed,
            ),
        ),
        (
            _("Sleep disturbance (0–10)"),
            n_(
                "{mean} ({n} night rated)", "{mean} ({n} nights rated)", s.sleep_disturbance_nights
            ).format(mean=_number(s.sleep_disturbance_mean, score), n=s.sleep_disturbance_nights),
        ),
        (_("Minutes awake per week"), _awake_text(s)),
    ]


def _awake_text(s: PatternStats) -> str:
    """Minutes awake per week and the recorded nights they were noted on, or why not given."""
    noted = n_(
        "noted on {n} recorded night", "noted on {n} recorded nights", s.minutes_awake_nights
    ).format(n=s.minutes_awake_nights)
    withheld = s.minutes_awake_withheld()
    if withheld is not None:
        noted = f"{noted}: {withheld}"
    return f"{_number(s.minutes_awake_per_week, wording.Figure.MINUTES)} ({noted})"
