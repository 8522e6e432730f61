"""The warning-sign rules, each turning what was read into a fired sign or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from cramplog.analysis import stats
from cramplog.analysis.stats import TREATMENT_MIN_RECORDED_NIGHTS, Period
from cramplog.analysis.warning_signs.reading import medication_windows_of
from cramplog.analysis.warning_signs.signs import (
    LONG_SPASM_S,
    MAX_EVIDENCE,
    MIN_EPISODES_FOR_SHARE,
    RECENT_NIGHTS,
    RISE_PER_WEEK,
    RISE_RATIO,
    SPASM_NIGHTS,
    Evidence,
    Urgency,
    WarningSign,
)
from cramplog.core import nights, recorded, wording
from cramplog.core.translation import _
from cramplog.core.wording import count
from cramplog.storage import aggregates

if TYPE_CHECKING:
    from cramplog.core.records import Medication
    from cramplog.diary.view import DiaryFigures


class Rules:
    """Turns what was read into fired rules, with the checklist's words for each warning."""

    def __init__(self, diary: DiaryFigures, period: Period) -> None:
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
            label=_(item.label) if item else code,
            urgency=urgency,
            sentence=sentence,
            explanation=_(item.explanation) if item else "",
            advice=(_(item.advice) if item.advice else item.advice) if item else None,
            evidence=tuple(evidence[:MAX_EVIDENCE]),
            evidence_count=len(evidence) if count is None else count,
        )

    def where(self, episode: aggregates.EpisodeBrief) -> str:
        side = {"left": _("left"), "right": _("right"), "both": _("both sides")}.get(episode.side)
        muscle = self.diary.label(episode.muscle)
        return _("{muscle} ({side})").format(muscle=muscle, side=side) if side else muscle

    def episode_evidence(self, episode: aggregates.EpisodeBrief, what: str = "") -> Evidence:
        detail = self.where(episode) + (f": {what}" if what else "")
        return Evidence(episode.night, episode.id, episode.clock, detail)

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
        seen = {s for _episode, symptoms in episodes for s in symptoms}
        # Only the entries a sign keeps are worded (a century holds thousands of them).
        evidence = [
            self.episode_evidence(e, ", ".join(self.diary.label(s) for s in symptoms))
            for e, symptoms in episodes[:MAX_EVIDENCE]
        ]
        latest = episodes[0][0]
        n = len(episodes)
        if "{signs}" in what:
            labels = sorted(self.diary.label(s).lower() for s in seen)
            what = what.format(signs=", ".join(labels))
        sentence = count(
            n,
            "{n} cramp in this period came with {what} (latest: {latest}).",
            "{n} cramps in this period came with {what} (latest: {latest}).",
            what=what,
            latest=nights.cited(latest.night, latest.clock),
        )
        return self.sign(code, sentence, evidence, count=n, now=self.symptom_urgent(seen))

    def long_unrelieved(
        self, rows: Sequence[tuple[aggregates.EpisodeBrief, bool, bool | None]]
    ) -> WarningSign | None:
        # Judged on the ratings given: stretching tried but not rated may have helped.
        hits = [e for e, tried, helped in rows if tried and helped is False]
        unrated = sum(1 for _e, tried, helped in rows if tried and helped is None)
        if not hits:
            return None
        evidence = [
            self.episode_evidence(
                e,
                _("{duration}, stretching did not fully relieve it").format(
                    duration=_duration(e.duration_s)
                ),
            )
            for e in hits[:MAX_EVIDENCE]
        ]
        n = len(hits)
        sentence = count(
            n,
            "{n} cramp lasted more than 10 minutes although you tried stretching "
            "(latest: {latest}, {duration}).",
            "{n} cramps lasted more than 10 minutes although you tried stretching "
            "(latest: {latest}, {duration}).",
            latest=nights.cited(hits[0].night, hits[0].clock),
            duration=_duration(hits[0].duration_s),
        )
        if unrated:
            sentence += " " + count(
                unrated,
                "{n} more lasted that long with stretching tried but not rated, so could "
                "not be judged.",
                "{n} more lasted that long with stretching tried but not rated, so could "
                "not be judged.",
            )
        return self.sign("warning.long_cramp_unrelieved", sentence, evidence, count=n)

    def spasm_three_days(
        self, rows: Sequence[tuple[aggregates.EpisodeBrief, bool, bool | None]]
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
        cited = [(m, night) for m, run in runs for night in reversed(run)]
        evidence = [
            self.episode_evidence(
                nights_by_muscle[m][night], f"{_duration(nights_by_muscle[m][night].duration_s)}"
            )
            for m, night in cited[:MAX_EVIDENCE]
        ]
        sentence = _(
            "Your {muscle} had long spasms (an hour or more) on {nights} nights in a row, "
            "from the {first} to the {last}."
        ).format(
            muscle=self.diary.label(muscle).lower(),
            nights=len(latest),
            first=nights.cited(latest[0]),
            last=nights.cited(latest[-1]),
        )
        return self.sign("warning.spasm_three_days", sentence, evidence, count=len(cited))

    def frequent(self, window: recorded.WindowCount, per_week: float) -> WarningSign | None:
        # The same rate as every other figure: cramps on recorded nights per 7 recorded nights.
        rate = stats.per_week(window.episodes, window.recorded_nights)
        if window.episodes == 0 or rate is None or rate < per_week:
            return None
        evidence = [
            Evidence(night, None, None, _cramps(n))
            for night, n in sorted(window.episodes_by_night.items(), reverse=True)[:MAX_EVIDENCE]
        ]
        # Only the cramps on recorded nights enter the rate, so the sentence counts those:
        # "you logged 15" read as false to someone who had logged 16, one on a night that
        # was neither reviewed nor inside a logging span.
        sentence = _(
            "{cramps} on {recorded_nights} in the 4 weeks to the {last}: "
            "{rate} a week, at or above the {per_week} a week counted as frequent."
        ).format(
            cramps=_cramps(window.episodes),
            recorded_nights=count(
                window.recorded_nights, "{n} recorded night", "{n} recorded nights"
            ),
            last=nights.cited(self.period.last),
            rate=wording.figure(rate, wording.Figure.RATE),
            per_week=wording.figure(per_week, wording.Figure.RATE),
        )
        return self.sign(
            "warning.frequent", sentence, evidence, count=len(window.episodes_by_night)
        )

    def share_rule(
        self,
        code: str,
        found: aggregates.Share,
        sentence: str,
        detail: str,
        unjudged: Callable[[int], str],
    ) -> WarningSign | None:
        """A rule over a share of cramps, judged only on those whose record says either way.

        `sentence` is the rule's whole sentence with {hits}, {cramps} and {recent} (nights);
        `unjudged` says how many cramps could not be judged, as a whole counted sentence.
        """
        total, hits = found.judged, found.hits
        if total < MIN_EPISODES_FOR_SHARE or hits * 2 <= total:
            return None
        evidence = [self.episode_evidence(e, detail) for e in found.newest]
        recent = min(RECENT_NIGHTS, self.period.nights)
        sentence = sentence.format(
            hits=wording.number(hits), cramps=_cramps(total), recent=wording.number(recent)
        )
        if found.unjudged:
            sentence += " " + unjudged(found.unjudged)
        return self.sign(code, sentence, evidence, count=hits)

    def medication(
        self,
        medication: Medication,
        windows: tuple[recorded.WindowCount, recorded.WindowCount],
        last_night: date,
    ) -> WarningSign | None:
        before, after = windows
        assert medication.started_on is not None
        after_window = medication_windows_of(medication.started_on, last_night)[1]
        if after_window is None:
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
            Evidence(
                started,
                None,
                None,
                _("Started {name} {dose}")
                .format(name=medication.name, dose=medication.dose)
                .strip(),
            ),
            *(
                Evidence(night, None, None, _cramps(n))
                for night, n in sorted(after.episodes_by_night.items(), reverse=True)
            ),
        ]
        # Each rate with its nights; "since" only when the window after runs to last night
        # (a recent start), else the 4 weeks after, however long ago they were.
        sentence = (
            _(
                "Cramps went from {before} a week in the 4 weeks before you started {name} on "
                "{started} ({before_nights} recorded nights) to {after} a week since "
                "({after_nights} recorded nights). The references associate {med_class} with "
                "cramps."
            )
            if after_window.last == last_night
            else _(
                "Cramps went from {before} a week in the 4 weeks before you started {name} on "
                "{started} ({before_nights} recorded nights) to {after} a week in the 4 weeks "
                "after ({after_nights} recorded nights). The references associate {med_class} "
                "with cramps."
            )
        ).format(
            before=wording.figure(rate_before, wording.Figure.RATE),
            after=wording.figure(rate_after, wording.Figure.RATE),
            name=medication.name,
            started=wording.date_text(started, weekday=False),
            before_nights=wording.number(before.recorded_nights),
            after_nights=wording.number(after.recorded_nights),
            med_class=med_class.lower(),
        )
        return self.sign("warning.medication_related", sentence, evidence)


def _cramps(n: int) -> str:
    return count(n, "{n} cramp", "{n} cramps")


def _duration(seconds: int | None) -> str:
    return wording.duration(seconds, missing=_("duration unknown"))
