"""PatternStats as plain JSON-ready values, for `cramplog stats --json`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from cramplog.analysis.stats.rates import MIN_NIGHTS_TO_RATE

if TYPE_CHECKING:
    from cramplog.analysis.stats.headline import PatternStats
    from cramplog.analysis.stats.triggers import FactorComparison

# What each headline figure was worked out from: the recorded nights with a cramp (the
# share's numerator), the cramps rated and timed, the nights with a sleep score and with
# minutes awake (`minutes_awake_per_week`'s nights; the figure is null when withheld).
DENOMINATOR_FIELDS: Final = (
    "recorded_cramp_nights",
    "intensity_rated",
    "duration_timed",
    "sleep_disturbance_nights",
    "minutes_awake_nights",
)


def pattern_stats_json(stats: PatternStats) -> dict[str, Any]:
    """Every figure of `stats`; the keys are documented in README ("cramplog stats")."""
    body = headline_json(stats)
    # Why a rate may be null with recorded nights behind it (`recorded_nights` says how many).
    body["min_recorded_nights_to_rate"] = MIN_NIGHTS_TO_RATE
    body["by_muscle"] = [
        {
            "muscle": m.muscle,
            "label": m.label,
            "episodes": m.episodes,
            "by_side": {side.value: n for side, n in m.by_side},
        }
        for m in stats.by_muscle
    ]
    body["by_hour"] = [
        {"hour": h.hour, "episodes": h.episodes, "mean_intensity": _round(h.mean_intensity)}
        for h in stats.by_hour
    ]
    body["by_weekday"] = [{"weekday": w.name, "episodes": w.episodes} for w in stats.by_weekday]
    body["reliefs"] = [
        {
            "relief": r.code,
            "label": r.label,
            "tried": r.tried,
            "helped": r.helped,
            "helped_a_little": r.a_little,
            "did_not_help": r.not_helped,
            "unrated": r.unrated,
        }
        for r in stats.reliefs
    ]
    body["triggers"] = [
        {
            "trigger": t.code,
            "label": t.label,
            "group": t.group_label,
            "episodes": t.episodes,
            "comparison": None if t.comparison is None else _comparison_json(t.comparison),
        }
        for t in stats.triggers
        if t.episodes or t.comparison is not None
    ]
    body["treatments"] = [
        {
            "name": t.name,
            "started_on": t.started_on.isoformat(),
            "stopped_on": None if t.stopped_on is None else t.stopped_on.isoformat(),
            "for_cramps": t.for_cramps,
            "cramps_per_week_before": _round(t.before_per_week),
            "cramps_per_week_after": _round(t.after_per_week),
            "recorded_nights_before": t.before_recorded_nights,
            "recorded_nights_after": t.after_recorded_nights,
            "enough_data": t.enough_data,
        }
        for t in stats.treatments
    ]
    if stats.comparison is not None:
        body["comparison"] = headline_json(stats.comparison)
        body["comparison"]["comparable"] = stats.comparable
    return body


def headline_json(stats: PatternStats) -> dict[str, Any]:
    """The period, the headline numbers and how the recorded nights were counted."""
    from cramplog.analysis.stats.headline import HEADLINE_FIELDS

    body: dict[str, Any] = {
        "period": {
            "first": stats.period.first.isoformat(),
            "last": stats.period.last.isoformat(),
            "nights": stats.period.nights,
        },
        "boundary_hour": stats.boundary_hour,
    }
    for name in HEADLINE_FIELDS:
        body[name] = _round(getattr(stats, name))
    # The denominators the other outputs show beside these figures ("3 rated", "18 nights").
    for name in DENOMINATOR_FIELDS:
        body[name] = getattr(stats, name)
    body["recorded"] = {
        "reviewed": stats.recorded_nights - stats.span_only_nights,
        "inside_spans_only": stats.span_only_nights,
        "cramps_on_unrecorded_nights": stats.cramps_on_unrecorded_nights,
        "how_counted": stats.recorded_note(),
    }
    body["timing"] = {
        "sleep_hours": stats.sleep_hours.describe(),
        "nocturnal_inferred": stats.nocturnal_inferred,
        "daytime_inferred": stats.daytime_inferred,
        "time_not_noted": stats.time_not_noted,
        "timing_unknown": stats.timing_unknown,
    }
    return body


def _round(value: float | int | None) -> float | int | None:
    return round(value, 2) if isinstance(value, float) else value


def _comparison_json(c: FactorComparison) -> dict[str, Any]:
    return {
        "factor": c.factor,
        "cramp_nights_present": c.cramp_nights_present,
        "cramp_nights_recorded": c.cramp_nights_recorded,
        "cramp_free_nights_present": c.cramp_free_nights_present,
        "cramp_free_nights_recorded": c.cramp_free_nights_recorded,
        "enough_data": c.enough_data,
        "share_of_cramp_nights": _round(c.share_of_cramp_nights),
        "share_of_cramp_free_nights": _round(c.share_of_cramp_free_nights),
    }
