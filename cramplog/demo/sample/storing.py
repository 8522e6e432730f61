"""The planned sample as rows to store, and a spot check that they pass the diary's validation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from cramplog.core import nights, validation
from cramplog.core.records import ChecklistKind, MedicationInput
from cramplog.demo.sample import habits
from cramplog.demo.sample.generator import offset_minutes, sample_uuid
from cramplog.demo.sample.plan import Cramp, Night
from cramplog.storage import bulk

if TYPE_CHECKING:
    from cramplog.demo.sample.generator import Generator
    from cramplog.diary.service import Diary


def episodes(gen: Generator, plan: list[Night]) -> list[bulk.NewEpisode]:
    rng = gen.rng
    cramps = [cramp for night in plan for cramp in night.cramps]
    mark_rare_signs(gen, cramps)
    if cramps and not any(cramp.episode.to_review for cramp in cramps):
        # The newest cramp is still waiting for its morning review.
        last = cramps[-1]
        last.episode = replace(
            last.episode,
            to_review=True,
            woke_from_sleep=None,
            activity=None,
            hydration=None,
            triggers=(),
            reliefs=(),
            symptoms=(),
            notes="",
            triggers_asked=False,
            reliefs_asked=False,
        )
    stored: list[bulk.NewEpisode] = []
    for cramp in cramps:
        episode = cramp.episode
        start_utc = episode.start.astimezone(UTC).replace(tzinfo=None)
        end_utc = start_utc + timedelta(seconds=episode.duration_s or 60)
        if episode.to_review:
            created = updated = min(end_utc + timedelta(minutes=1), gen.now_utc)
        elif cramp.nocturnal:
            # Logged quickly in the night and completed at the morning review, or
            # written up only in the morning.
            night_of = nights.night_of(cramp.start_local, gen.boundary)
            at_night = min(end_utc + timedelta(minutes=1), gen.now_utc)
            review = datetime.combine(
                night_of + timedelta(days=1), time(7 + rng.randrange(3), rng.randrange(60))
            )
            morning = max(gen.to_utc(review), at_night)
            created = at_night if rng.random() < 0.5 else morning
            updated = morning
        else:
            created = updated = min(end_utc + timedelta(minutes=rng.randint(2, 40)), gen.now_utc)
        stored.append(
            bulk.NewEpisode(
                episode=episode,
                start_local=cramp.start_local,
                utc_offset_min=offset_minutes(episode.start),
                uuid=sample_uuid(rng),
                created_utc=created,
                updated_utc=updated,
            )
        )
    return stored


def mark_rare_signs(gen: Generator, cramps: list[Cramp]) -> None:
    """About once a year a cramp leaves numbness behind: rare, but a sign to act on."""
    rng = gen.rng
    if "symptom.numbness" not in gen.symptoms:
        return
    full = [cramp for cramp in cramps if not cramp.episode.to_review]
    wanted = min(len(full), max(1, round(gen.size.years)))
    for cramp in rng.sample(full, wanted):
        cramp.episode = replace(
            cramp.episode,
            symptoms=(*cramp.episode.symptoms, "symptom.numbness"),
            notes=habits.NUMB_NOTE,
        )


def days(gen: Generator, plan: list[Night]) -> list[bulk.NewDay]:
    rng = gen.rng
    starts = {
        gen.last - timedelta(days=course.started_days_before_end): course for course in gen.courses
    }
    stored: list[bulk.NewDay] = []
    for night in plan:
        if not night.reviewed:
            continue
        factors = night.factors
        course = starts.get(night.night)
        if course is not None:
            factors = replace(factors, notes=f"Started {course.name.lower()} today.")
        elif rng.random() < 0.07:
            notes = habits.day_notes(factors, night.night.weekday())
            if notes:
                factors = replace(factors, notes=rng.choice(notes))
        review = datetime.combine(
            night.night + timedelta(days=1), time(7 + rng.randrange(3), rng.randrange(60))
        )
        when = gen.to_utc(review)
        stored.append(bulk.NewDay(night.night, factors, sample_uuid(rng), when, when))
    return stored


def medications(gen: Generator) -> list[bulk.NewMedication]:
    rng = gen.rng
    stored: list[bulk.NewMedication] = []
    for course in gen.courses:
        started = gen.last - timedelta(days=course.started_days_before_end)
        stopped = (
            None
            if course.stopped_days_before_end is None
            else gen.last - timedelta(days=course.stopped_days_before_end)
        )
        medication = MedicationInput(
            name=course.name,
            dose=course.dose,
            started_on=started,
            stopped_on=stopped,
            taken_for=course.taken_for,
            med_class=course.med_class,
            notes=course.notes,
        )
        entered = gen.to_utc(datetime.combine(max(started, gen.first), time(19, 30)))
        changed = (
            entered
            if stopped is None
            else gen.to_utc(datetime.combine(max(stopped, gen.first), time(19, 30)))
        )
        stored.append(
            bulk.NewMedication(medication, sample_uuid(rng), entered, max(entered, changed))
        )
    return stored


def spot_check(
    diary: Diary,
    episodes: Sequence[bulk.NewEpisode],
    days: Sequence[bulk.NewDay],
    medications: Sequence[bulk.NewMedication],
) -> None:
    """Validate a spread of the generated records the way a person's entries are checked.

    Checking every row would double the cost of a stress diary; a spread catches a generator
    bug just as surely, because every record comes from the same code.
    """
    now = diary.now()
    step = max(1, len(episodes) // 200)
    for new in episodes[::step]:
        validation.check_episode(
            new.episode,
            now=now,
            muscles=diary.codes(ChecklistKind.MUSCLE),
            activities=diary.codes(ChecklistKind.ACTIVITY),
            triggers=diary.codes(ChecklistKind.TRIGGER),
            reliefs=diary.codes(ChecklistKind.RELIEF),
            symptoms=diary.codes(ChecklistKind.SYMPTOM),
        )
    for day in days[:: max(1, len(days) // 200)]:
        validation.check_day(day.night_of, day.factors, today=now.date())
    for medication in medications:
        validation.check_medication(
            medication.medication, classes=diary.codes(ChecklistKind.MEDICATION_CLASS)
        )
