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
  and not rated "helped".
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
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from cramplog.analysis import stats
from cramplog.analysis.stats import (
    OVER_10_MIN_S,
    TREATMENT_MIN_RECORDED_NIGHTS,
    TREATMENT_WINDOW_NIGHTS,
    Period,
)
from cramplog.core import nights, recorded, wording
from cramplog.storage import aggregates
from cramplog.storage import repository as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cramplog.core.records import Medication
    from cramplog.diary.service import Diary

DEFAULT_FREQUENT_PER_WEEK: Final = 3.0
FREQUENCY_WINDOW_NIGHTS: Final = 28
MAX_EVIDENCE: Final = 20
LONG_SPASM_S: Final = 3600
SPASM_NIGHTS: Final = 3
RECENT_NIGHTS: Final = 91
MIN_EPISODES_FOR_SHARE: Final = 4
RISE_PER_WEEK: Final = 1.0
RISE_RATIO: Final = 1.5

SPINE_MUSCLES: Final = frozenset({"muscle.neck", "muscle.upper_back", "muscle.lower_back"})
NERVE_SIGNS: Final = frozenset({"symptom.numbness", "symptom.tingling", "symptom.weakness"})
_SYMPTOM_RULES: Final = (
    ("warning.leg_swelling_redness", frozenset({"symptom.swelling", "symptom.redness"})),
    ("warning.muscle_weakness", frozenset({"symptom.weakness", "symptom.paralysis"})),
    ("warning.severe_persistent_pain", frozenset({"symptom.severe_persistent_pain"})),
)
_NEUROLOGICAL_ANYWHERE: Final = frozenset(
    {
        "symptom.tremor",
        "symptom.poor_coordination",
        "symptom.slow_movement",
        "symptom.double_vision",
        "symptom.back_neck_head_pain",
    }
)
_NEUROLOGICAL_OFF_SPINE: Final = frozenset({"symptom.numbness", "symptom.tingling"})
_WATCHED_SYMPTOMS: Final = tuple(
    sorted(
        NERVE_SIGNS
        | _NEUROLOGICAL_ANYWHERE
        | frozenset().union(*(codes for _, codes in _SYMPTOM_RULES))
    )
)


class Urgency(enum.StrEnum):
    NOW = "now"
    APPOINTMENT = "appointment"

    @property
    def label(self) -> str:
        return "Seek medical advice now" if self is Urgency.NOW else "Make a GP appointment"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One episode or night behind a fired rule; `detail` is plain text naming what was seen."""

    night: date
    episode_id: int | None
    start_local: datetime | None
    detail: str

    def cited(self, *, capital: bool = False) -> str:
        """E.g. "night of Mon 9 Mar 2026, 02:10" (see `nights.cited`)."""
        return nights.cited(self.night, self.start_local, capital=capital)

    def describe(self) -> str:
        """E.g. "Night of Mon 9 Mar 2026, 02:10 — Calf (left): Numbness"."""
        when = self.cited(capital=True)
        return f"{when} — {self.detail}" if self.detail else when


@dataclass(frozen=True, slots=True)
class WarningSign:
    """A rule that fired: which warning, how urgent, why, and the entries behind it.

    `evidence` is newest first and holds at most `MAX_EVIDENCE` entries; `evidence_count`
    says how many there were in all.
    """

    code: str
    label: str
    urgency: Urgency
    sentence: str
    explanation: str
    advice: str | None
    evidence: tuple[Evidence, ...]
    evidence_count: int

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "urgency": self.urgency.value,
            "sentence": self.sentence,
            "advice": self.advice,
            "evidence_count": self.evidence_count,
            "evidence": [
                {
                    "night": e.night.isoformat(),
                    "episode_id": e.episode_id,
                    "start_local": None if e.start_local is None else e.start_local.isoformat(),
                    "detail": e.detail,
                }
                for e in self.evidence
            ],
        }


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Raw:
    symptoms: list[tuple[aggregates.EpisodeBrief, str]]
    long: list[tuple[aggregates.EpisodeBrief, bool, bool]]
    frequency: recorded.WindowCount
    no_trigger: aggregates.Share
    nothing_helped: aggregates.Share
    medication_windows: list[tuple[recorded.WindowCount, recorded.WindowCount]]


def _windows(started: date, last_night: date) -> tuple[Period, Period | None]:
    before = Period(started - timedelta(days=TREATMENT_WINDOW_NIGHTS), started - timedelta(1))
    after_last = min(started + timedelta(days=TREATMENT_WINDOW_NIGHTS - 1), last_night)
    return before, Period(started, after_last) if started <= after_last else None


def _collect(
    session: Session,
    *,
    period: Period,
    hour: int,
    medications: Sequence[Medication],
    last_night: date,
) -> _Raw:
    def nights(p: Period) -> aggregates.NightRange:
        return aggregates.NightRange(p.first, p.last, hour)

    whole = nights(period)
    recent = nights(
        Period(max(period.first, period.last - timedelta(days=RECENT_NIGHTS - 1)), period.last)
    )
    frequency = Period(period.last - timedelta(days=FREQUENCY_WINDOW_NIGHTS - 1), period.last)
    windows = [frequency]
    for medication in medications:
        assert medication.started_on is not None
        before, after = _windows(medication.started_on, last_night)
        windows.append(before)
        windows.append(after if after is not None else before)
    spans = repo.list_spans(session)
    found = [
        recorded.count_window(
            w.episodes_by_night, w.reviewed, spans, window.first, window.last, last_night
        )
        for w, window in zip(
            aggregates.window_nights(session, [nights(w) for w in windows]), windows, strict=True
        )
    ]
    return _Raw(
        symptoms=aggregates.episodes_with_symptoms(session, whole, _WATCHED_SYMPTOMS),
        long=aggregates.long_episodes(session, whole, OVER_10_MIN_S),
        frequency=found[0],
        no_trigger=aggregates.episodes_without_triggers(session, recent, limit=MAX_EVIDENCE),
        nothing_helped=aggregates.episodes_where_nothing_helped(
            session, recent, limit=MAX_EVIDENCE
        ),
        medication_windows=[(found[1 + 2 * i], found[2 + 2 * i]) for i in range(len(medications))],
    )


# -- the rules -------------------------------------------------------------------------------


class _Rules:
    """Turns what was read into fired rules, with the checklist's words for each warning."""

    def __init__(self, diary: Diary, period: Period) -> None:
        self.diary = diary
        self.period = period

    def sign(
        self,
        code: str,
        sentence: str,
        evidence: Sequence[Evidence],
        *,
        count: int | None = None,
        now: bool = False,
    ) -> WarningSign:
        item = self.diary.checklist.get(code)
        urgency = Urgency(item.urgency) if item and item.urgency else Urgency.APPOINTMENT
        if now:
            urgency = Urgency.NOW
        return WarningSign(
            code=code,
            label=item.label if item else code,
            urgency=urgency,
            sentence=sentence,
            explanation=item.explanation if item else "",
            advice=item.advice if item else None,
            evidence=tuple(evidence[:MAX_EVIDENCE]),
            evidence_count=len(evidence) if count is None else count,
        )

    def where(self, episode: aggregates.EpisodeBrief) -> str:
        side = {"left": "left", "right": "right", "both": "both sides"}.get(episode.side)
        muscle = self.diary.label(episode.muscle)
        return f"{muscle} ({side})" if side else muscle

    def episode_evidence(self, episode: aggregates.EpisodeBrief, what: str = "") -> Evidence:
        detail = self.where(episode) + (f": {what}" if what else "")
        return Evidence(episode.night, episode.id, episode.start_local, detail)

    def symptom_urgent(self, codes: Iterable[str]) -> bool:
        for code in codes:
            item = self.diary.checklist.get(code)
            if item is not None and item.urgency == Urgency.NOW.value:
                return True
        return False

    # Each rule returns its fired sign, or None.

    def by_symptoms(
        self,
        rows: Sequence[tuple[aggregates.EpisodeBrief, str]],
        code: str,
        what: str,
        matches: frozenset[str] | None = None,
        *,
        keep: Any = None,
    ) -> WarningSign | None:
        grouped: dict[int, tuple[aggregates.EpisodeBrief, list[str]]] = {}
        for episode, symptom in rows:
            if (matches is None or symptom in matches) and (keep is None or keep(episode, symptom)):
                grouped.setdefault(episode.id, (episode, []))[1].append(symptom)
        if not grouped:
            return None
        episodes = sorted(grouped.values(), key=lambda pair: pair[0].start_local, reverse=True)
        seen = {s for _, symptoms in episodes for s in symptoms}
        evidence = [
            self.episode_evidence(e, ", ".join(self.diary.label(s) for s in symptoms))
            for e, symptoms in episodes
        ]
        latest = episodes[0][0]
        n = len(episodes)
        if "{signs}" in what:
            labels = sorted(self.diary.label(s).lower() for s in seen)
            what = what.format(signs=", ".join(labels))
        sentence = (
            f"{_cramps(n)} in this period came with {what} "
            f"(latest: {nights.cited(latest.night, latest.start_local)})."
        )
        return self.sign(code, sentence, evidence, now=self.symptom_urgent(seen))

    def long_unrelieved(
        self, rows: Sequence[tuple[aggregates.EpisodeBrief, bool, bool]]
    ) -> WarningSign | None:
        hits = [e for e, tried, helped in rows if tried and not helped]
        if not hits:
            return None
        evidence = [
            self.episode_evidence(
                e, f"{_duration(e.duration_s)}, stretching did not fully relieve it"
            )
            for e in hits
        ]
        n = len(hits)
        sentence = (
            f"{_cramps(n)} lasted more than 10 minutes although you tried stretching "
            f"(latest: {nights.cited(hits[0].night, hits[0].start_local)}, "
            f"{_duration(hits[0].duration_s)})."
        )
        return self.sign("warning.long_cramp_unrelieved", sentence, evidence)

    def spasm_three_days(
        self, rows: Sequence[tuple[aggregates.EpisodeBrief, bool, bool]]
    ) -> WarningSign | None:
        nights_by_muscle: dict[str, dict[date, aggregates.EpisodeBrief]] = {}
        for episode, _tried, _helped in rows:
            if (episode.duration_s or 0) >= LONG_SPASM_S:
                nights_by_muscle.setdefault(episode.muscle, {}).setdefault(episode.night, episode)
        runs: list[tuple[str, list[date]]] = []
        for muscle, by_night in nights_by_muscle.items():
            run: list[date] = []
            for night in sorted(by_night):
                if run and night - run[-1] == timedelta(days=1):
                    run.append(night)
                else:
                    if len(run) >= SPASM_NIGHTS:
                        runs.append((muscle, run))
                    run = [night]
            if len(run) >= SPASM_NIGHTS:
                runs.append((muscle, run))
        if not runs:
            return None
        runs.sort(key=lambda r: r[1][-1], reverse=True)
        muscle, latest = runs[0]
        evidence = [
            self.episode_evidence(
                nights_by_muscle[m][night], f"{_duration(nights_by_muscle[m][night].duration_s)}"
            )
            for m, run in runs
            for night in reversed(run)
        ]
        sentence = (
            f"Your {self.diary.label(muscle).lower()} had long spasms (an hour or more) on "
            f"{len(latest)} nights in a row, from the {nights.cited(latest[0])} to the "
            f"{nights.cited(latest[-1])}."
        )
        return self.sign("warning.spasm_three_days", sentence, evidence)

    def frequent(self, window: recorded.WindowCount, per_week: float) -> WarningSign | None:
        # The same rate as every other figure: cramps on recorded nights per 7 recorded nights.
        rate = stats.per_week(window.episodes, window.recorded_nights)
        if window.episodes == 0 or rate is None or rate < per_week:
            return None
        evidence = [
            Evidence(night, None, None, _cramps(n).lower() if n != 1 else "1 cramp")
            for night, n in sorted(window.episodes_by_night.items(), reverse=True)
        ]
        sentence = (
            f"You logged {window.episodes} cramps over {window.recorded_nights} recorded "
            f"nights in the 4 weeks to the {nights.cited(self.period.last)}: {rate:.1f} a "
            f"week, at or above the {per_week:g} a week counted as frequent."
        )
        return self.sign("warning.frequent", sentence, evidence)

    def share_rule(
        self,
        code: str,
        found: aggregates.Share,
        judged: str,
        what: str,
        detail: str,
        unknown: str,
    ) -> WarningSign | None:
        """A rule over a share of cramps, judged only on those whose record says either way."""
        total, hits = found.judged, found.hits
        if total < MIN_EPISODES_FOR_SHARE or hits * 2 <= total:
            return None
        evidence = [self.episode_evidence(e, detail) for e in found.newest]
        recent = min(RECENT_NIGHTS, self.period.nights)
        sentence = f"In {hits} of {total} cramps {judged} over the last {recent} nights, {what}."
        if found.unjudged:
            sentence += f" {_cramps(found.unjudged)} {unknown}, so could not be judged."
        return self.sign(code, sentence, evidence, count=hits)

    def medication(
        self,
        medication: Medication,
        windows: tuple[recorded.WindowCount, recorded.WindowCount],
        last_night: date,
    ) -> WarningSign | None:
        before, after = windows
        assert medication.started_on is not None
        if _windows(medication.started_on, last_night)[1] is None:
            return None
        if min(before.recorded_nights, after.recorded_nights) < TREATMENT_MIN_RECORDED_NIGHTS:
            return None
        rate_before = stats.per_week(before.episodes, before.recorded_nights)
        rate_after = stats.per_week(after.episodes, after.recorded_nights)
        if rate_before is None or rate_after is None:
            return None
        if rate_after < rate_before + RISE_PER_WEEK or rate_after < rate_before * RISE_RATIO:
            return None
        started = medication.started_on
        med_class = self.diary.label(medication.med_class or "")
        evidence = [
            Evidence(started, None, None, f"Started {medication.name} {medication.dose}".strip()),
            *(
                Evidence(night, None, None, _cramps(n).lower() if n != 1 else "1 cramp")
                for night, n in sorted(after.episodes_by_night.items(), reverse=True)
            ),
        ]
        sentence = (
            f"Cramps went from {rate_before:.1f} to {rate_after:.1f} a week in the 4 weeks after "
            f"you started {medication.name} on {started:%d %B %Y}. The references associate "
            f"{med_class.lower()} with cramps."
        )
        return self.sign("warning.medication_related", sentence, evidence)


def _cramps(n: int) -> str:
    return "1 cramp" if n == 1 else f"{n} cramps"


def _duration(seconds: int | None) -> str:
    return wording.duration(seconds, missing="duration unknown")


def check(
    diary: Diary,
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
        raise ValueError("The threshold for frequent cramps must be above zero a week.")
    last_night = diary.last_night()
    associated = {
        item.code
        for item in diary.checklist.of_kind("medication_class")
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
    raw = diary.read(
        functools.partial(
            _collect,
            period=period,
            hour=diary.boundary_hour,
            medications=medications,
            last_night=last_night,
        )
    )
    rules = _Rules(diary, period)

    def off_spine(episode: aggregates.EpisodeBrief, symptom: str) -> bool:
        return symptom in _NEUROLOGICAL_ANYWHERE or (
            symptom in _NEUROLOGICAL_OFF_SPINE and episode.muscle not in SPINE_MUSCLES
        )

    def on_spine(episode: aggregates.EpisodeBrief, symptom: str) -> bool:
        return episode.muscle in SPINE_MUSCLES and symptom in NERVE_SIGNS

    fired = [
        rules.by_symptoms(
            raw.symptoms,
            "warning.leg_swelling_redness",
            "swelling, redness or a change in the skin",
            _SYMPTOM_RULES[0][1],
        ),
        rules.by_symptoms(
            raw.symptoms, "warning.muscle_weakness", "muscle weakness", _SYMPTOM_RULES[1][1]
        ),
        rules.by_symptoms(
            raw.symptoms,
            "warning.severe_persistent_pain",
            "severe pain that did not ease",
            _SYMPTOM_RULES[2][1],
        ),
        rules.by_symptoms(
            raw.symptoms,
            "warning.spine_spasm_nerve_signs",
            "a neck or back spasm with tingling, numbness or weakness",
            keep=on_spine,
        ),
        rules.long_unrelieved(raw.long),
        rules.spasm_three_days(raw.long),
        rules.by_symptoms(
            raw.symptoms,
            "warning.neurological_signs",
            "nerve-related signs ({signs})",
            keep=off_spine,
        ),
        rules.frequent(raw.frequency, frequent_per_week),
        rules.share_rule(
            "warning.no_clear_cause",
            raw.no_trigger,
            "whose possible causes you went through",
            "you suspected no cause",
            "no suspected cause noted",
            "were never asked about causes (a quick log not yet reviewed, or an import "
            "without a triggers column)",
        ),
        rules.share_rule(
            "warning.self_care_not_helping",
            raw.nothing_helped,
            "where you rated what you tried",
            "nothing you tried helped",
            "nothing tried helped",
            "have no rated relief",
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
