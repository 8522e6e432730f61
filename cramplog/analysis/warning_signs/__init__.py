"""Warning-sign rules: which of the checklist's reasons to seek medical advice the diary shows.

`check(diary, period)` evaluates every rule on the period's entries and returns the rules
that fired, most urgent first, each with the episodes or nights behind it and a neutral
sentence. A fired rule is a prompt to seek advice, never a diagnosis. Labels, explanations,
advice and urgency come from the checklist's `warning.*` items; a rule fired by symptoms
is "now" when any of those symptoms is marked "now" in the checklist.

The rules:

- warning.leg_swelling_redness, warning.muscle_weakness, warning.severe_persistent_pain,
  warning.neurological_signs: an episode noting swelling or redness; weakness or paralysis;
  severe persistent pain; numbness or tingling (outside the neck and back), tremor, poor
  coordination, slowed movement, double vision, or back, neck or head pain.
- warning.spine_spasm_nerve_signs: a neck or back spasm noting tingling, numbness or weakness.
- warning.long_cramp_unrelieved: a cramp over 10 minutes for which stretching was tried
  and rated "helped a little" or "did not help"; one with stretching tried but not rated
  could not be judged, and the sentence says how many.
- warning.spasm_three_days: the diary caps one entry at 24 hours, so a spasm of three days
  or more shows as long entries (an hour or more) of one muscle on `SPASM_NIGHTS`
  consecutive nights or more.
- warning.frequent: at least `frequent_per_week` cramps a week (default 3) over the
  recorded nights of the four weeks ending at the period's last night, with the rate every
  figure uses (`stats.per_week`, `cramplog.core.recorded`): so only from at least
  `stats.MIN_NIGHTS_TO_RATE` recorded nights.
- warning.no_clear_cause, warning.self_care_not_helping: over the period's last
  `RECENT_NIGHTS` nights (recent experience is what counts, and old years would drown it),
  more than half of at least `MIN_EPISODES_FOR_SHARE` episodes that can be judged named no
  suspected trigger (judged: triggers were asked about), or had every rated relief method
  "did not help" (judged: a relief was rated). The sentence says how many could not be.
- warning.medication_related: a medicine of a class associated with cramps started within
  the period (or the four weeks before it), and cramps per week in the four weeks from its
  start rose by at least `RISE_PER_WEEK` and by at least half over the four weeks before,
  each side with at least two weeks of recorded nights.

A package: `signs` (the values and thresholds), `reading` (one read of the diary) and `rules`;
`check` puts them together here, and every public name is re-exported.
"""

from __future__ import annotations

import functools
from datetime import timedelta
from typing import TYPE_CHECKING

from cramplog.analysis.stats import TREATMENT_WINDOW_NIGHTS, Period
from cramplog.analysis.stats.kept_reads import read_kept
from cramplog.analysis.warning_signs.reading import collect
from cramplog.analysis.warning_signs.rules import Rules
from cramplog.analysis.warning_signs.signs import (
    DEFAULT_FREQUENT_PER_WEEK,
    FREQUENCY_WINDOW_NIGHTS,
    LONG_SPASM_S,
    MAX_EVIDENCE,
    MIN_EPISODES_FOR_SHARE,
    NERVE_SIGNS,
    NEUROLOGICAL_ANYWHERE,
    NEUROLOGICAL_OFF_SPINE,
    RECENT_NIGHTS,
    RISE_PER_WEEK,
    RISE_RATIO,
    SPASM_NIGHTS,
    SPINE_MUSCLES,
    SYMPTOM_RULES,
    Evidence,
    Urgency,
    WarningSign,
)
from cramplog.core.records import ChecklistKind
from cramplog.core.translation import _
from cramplog.core.wording import count
from cramplog.storage import aggregates

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures


# Over 60 lines because it lists every rule once, with its wording, in the order a
# reader checks them.
def check(
    diary: DiaryFigures,
    period: Period,
    *,
    frequent_per_week: float | None = None,
) -> tuple[WarningSign, ...]:
    """Every warning-sign rule that fires for `period`, most urgent first.

    `frequent_per_week` defaults to the diary's own setting (3 unless the person changed it).
    """
    if frequent_per_week is None:
        frequent_per_week = float(diary.frequent_threshold)
    if not frequent_per_week > 0:
        raise ValueError(_("The threshold for frequent cramps must be above zero a week."))
    last_night = diary.last_night()
    associated = {
        item.code
        for item in diary.checklist.of_kind(ChecklistKind.MEDICATION_CLASS)
        if item.associated_with_cramps
    }
    window_first = period.first - timedelta(days=TREATMENT_WINDOW_NIGHTS)
    medications = [
        m
        for m in diary.list_medications()
        if m.med_class in associated
        and m.started_on is not None
        and window_first <= m.started_on <= period.last
    ]
    hour = diary.boundary_hour
    # Kept while the diary is unchanged, like the period's statistics (see kept_reads).
    raw = read_kept(
        diary,
        ("warning reads", period.first, period.last, hour, last_night, tuple(medications)),
        functools.partial(
            collect,
            period=period,
            hour=hour,
            medications=medications,
            last_night=last_night,
        ),
    )
    rules = Rules(diary, period)

    def off_spine(episode: aggregates.EpisodeBrief, symptom: str) -> bool:
        return symptom in NEUROLOGICAL_ANYWHERE or (
            symptom in NEUROLOGICAL_OFF_SPINE and episode.muscle not in SPINE_MUSCLES
        )

    def on_spine(episode: aggregates.EpisodeBrief, symptom: str) -> bool:
        return episode.muscle in SPINE_MUSCLES and symptom in NERVE_SIGNS

    fired = [
        rules.by_symptoms(
            raw.symptoms,
            "warning.leg_swelling_redness",
            _("swelling, redness or a change in the skin"),
            SYMPTOM_RULES[0][1],
        ),
        rules.by_symptoms(
            raw.symptoms, "warning.muscle_weakness", _("muscle weakness"), SYMPTOM_RULES[1][1]
        ),
        rules.by_symptoms(
            raw.symptoms,
            "warning.severe_persistent_pain",
            _("severe pain that did not ease"),
            SYMPTOM_RULES[2][1],
        ),
        rules.by_symptoms(
            raw.symptoms,
            "warning.spine_spasm_nerve_signs",
            _("a neck or back spasm with tingling, numbness or weakness"),
            keep=on_spine,
        ),
        rules.long_unrelieved(raw.long),
        rules.spasm_three_days(raw.long),
        rules.by_symptoms(
            raw.symptoms,
            "warning.neurological_signs",
            _("nerve-related signs ({signs})"),
            keep=off_spine,
        ),
        rules.frequent(raw.frequency, frequent_per_week),
        rules.share_rule(
            "warning.no_clear_cause",
            raw.no_trigger,
            _(
                "In {hits} of {cramps} whose possible causes you went through over the last "
                "{recent} nights, you suspected no cause."
            ),
            _("no suspected cause noted"),
            lambda n: count(
                n,
                "{n} cramp was never asked about causes (a quick log not yet reviewed, or an "
                "import without a triggers column), so it could not be judged.",
                "{n} cramps were never asked about causes (a quick log not yet reviewed, or an "
                "import without a triggers column), so could not be judged.",
            ),
        ),
        rules.share_rule(
            "warning.self_care_not_helping",
            raw.nothing_helped,
            _(
                "In {hits} of {cramps} where you rated what you tried over the last {recent} "
                "nights, nothing you tried helped."
            ),
            _("nothing tried helped"),
            lambda n: count(
                n,
                "{n} cramp has no rated relief, so it could not be judged.",
                "{n} cramps have no rated relief, so could not be judged.",
            ),
        ),
        *(
            rules.medication(m, windows, last_night)
            for m, windows in zip(medications, raw.medication_windows, strict=True)
        ),
    ]
    signs = [sign for sign in fired if sign is not None]
    # Most urgent first; within one urgency, the most recent evidence first.
    signs.sort(
        key=lambda s: (
            s.urgency is not Urgency.NOW,
            -(s.evidence[0].night.toordinal() if s.evidence else 0),
        )
    )
    return tuple(signs)


__all__ = [
    "DEFAULT_FREQUENT_PER_WEEK",
    "FREQUENCY_WINDOW_NIGHTS",
    "LONG_SPASM_S",
    "MAX_EVIDENCE",
    "MIN_EPISODES_FOR_SHARE",
    "NERVE_SIGNS",
    "RECENT_NIGHTS",
    "RISE_PER_WEEK",
    "RISE_RATIO",
    "SPASM_NIGHTS",
    "SPINE_MUSCLES",
    "Evidence",
    "Period",
    "Urgency",
    "WarningSign",
    "check",
]
