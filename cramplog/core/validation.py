"""Check what a person entered before it is stored; every failure names the field and says why."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from typing import Final

from cramplog.core.errors import ValidationError
from cramplog.core.records import MAX_DURATION, DayFactors, EpisodeInput, MedicationInput
from cramplog.core.translation import N_, _
from cramplog.core.wording import number

# Notes have "no length limit" for a person; this bound only stops a pasted file or a runaway
# import from filling the disk. Ten million characters is several thousand printed pages.
MAX_NOTES_CHARS = 10_000_000
MAX_LABEL_CHARS = 200
# A clock a minute ahead of another device's should not refuse a cramp logged "now".
FUTURE_TOLERANCE = timedelta(minutes=2)


# Half of a UTF-16 pair, alone: Python strings can hold one (JSON's "\ud800"), UTF-8 and so
# SQLite cannot, so it would fail only at the commit.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_storable(text: str, *, what: str, field: str) -> None:
    """Refuse text SQLite cannot store: NUL characters and lone UTF-16 surrogates."""
    if "\x00" in text:
        raise ValidationError(
            _("{what} cannot contain NUL characters.").format(what=what), field=field
        )
    if found := _LONE_SURROGATE.search(text):
        raise ValidationError(
            _(
                "{what} hold a broken character (a lone UTF-16 surrogate, "
                "U+{code_point:04X}) that cannot be stored."
            ).format(what=what, code_point=ord(found[0])),
            field=field,
        )


def check_notes(notes: str, *, field: str = "notes") -> str:
    # The word "Notes" is translated only for a message: an import checks 100,000 notes.
    # (ASCII text holds no surrogate: isascii() is a flag CPython keeps, no scan.)
    if "\x00" in notes or (not notes.isascii() and _LONE_SURROGATE.search(notes)):
        check_storable(notes, what=_("Notes"), field=field)
    if len(notes) > MAX_NOTES_CHARS:
        raise ValidationError(
            _("Notes are too long ({n_notes} characters; the limit is {max_notes_chars}).").format(
                n_notes=number(len(notes)), max_notes_chars=number(MAX_NOTES_CHARS)
            ),
            field=field,
        )
    return notes


def check_label(label: str, *, what: str | None = None, field: str = "label") -> str:
    """`label` tidied; `what` names it in a message (translated; "Name" when not given)."""
    what = _("Name") if what is None else what
    cleaned = " ".join(label.split())
    if not cleaned:
        raise ValidationError(_("{what} cannot be empty.").format(what=what), field=field)
    if len(cleaned) > MAX_LABEL_CHARS:
        raise ValidationError(
            _(
                "{what} is too long ({n_cleaned} characters; the limit is {max_label_chars})."
            ).format(what=what, n_cleaned=len(cleaned), max_label_chars=MAX_LABEL_CHARS),
            field=field,
        )
    check_storable(cleaned, what=what, field=field)
    return cleaned


def _check_scale(value: int | None, *, field: str, what: str, top: int = 10) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise ValidationError(
            _("{what} must be a whole number from 0 to {top}.").format(what=what, top=top),
            field=field,
        )


def check_episode(
    episode: EpisodeInput,
    *,
    now: datetime,
    muscles: Collection[str],
    activities: Collection[str],
    triggers: Collection[str],
    reliefs: Collection[str],
    symptoms: Collection[str],
) -> None:
    """Raise ValidationError for the first problem in `episode`; return if it can be stored."""
    start = episode.start if episode.start.tzinfo else episode.start.astimezone()
    if start > now + FUTURE_TOLERANCE:
        raise ValidationError(_("The start time is in the future."), field="start")
    if start.year < 1900:
        raise ValidationError(_("The start date is too far in the past."), field="start")
    if not episode.muscle:
        raise ValidationError(_("Choose the muscle that cramped."), field="muscle")
    if episode.muscle not in muscles:
        raise ValidationError(
            _("Unknown muscle {muscle!r}.").format(muscle=episode.muscle), field="muscle"
        )
    if episode.duration_s is not None:
        if (
            isinstance(episode.duration_s, bool)
            or not isinstance(episode.duration_s, int)
            or not 1 <= episode.duration_s <= MAX_DURATION.total_seconds()
        ):
            raise ValidationError(
                _("Duration must be between 1 second and 24 hours."), field="duration"
            )
        if start + timedelta(seconds=episode.duration_s) > now + FUTURE_TOLERANCE:
            raise ValidationError(
                _("The cramp cannot end in the future; check the start time and duration."),
                field="duration",
            )
    intensity = episode.intensity
    if intensity is not None and (type(intensity) is not int or not 0 <= intensity <= 10):
        _check_scale(intensity, field="intensity", what=_("Intensity"))
    if episode.activity is not None and episode.activity not in activities:
        raise ValidationError(
            _("Unknown activity {activity!r}.").format(activity=episode.activity), field="activity"
        )
    # Most imported rows have no links at all; an empty list needs no checking.
    if episode.triggers:
        _check_codes(episode.triggers, triggers, field="triggers", kind="trigger")
    if episode.reliefs:
        relief_codes = [code for code, _rating in episode.reliefs]
        _check_codes(relief_codes, reliefs, field="reliefs", kind="relief")
    if episode.symptoms:
        _check_codes(episode.symptoms, symptoms, field="symptoms", kind="symptom")
    check_notes(episode.notes)


# Each kind's own whole sentences, translated only when one is said (an import checks
# thousands of rows that pass).
_UNKNOWN_CODE: Final = {
    "trigger": N_("Unknown trigger {code!r}."),
    "relief": N_("Unknown relief method {code!r}."),
    "symptom": N_("Unknown symptom {code!r}."),
}
_LISTED_TWICE: Final = {
    "trigger": N_("A trigger is listed twice."),
    "relief": N_("A relief method is listed twice."),
    "symptom": N_("A symptom is listed twice."),
}


def _check_codes(codes: Sequence[str], known: Collection[str], *, field: str, kind: str) -> None:
    for code in codes:
        if code not in known:
            raise ValidationError(_(_UNKNOWN_CODE[kind]).format(code=code), field=field)
    if len(set(codes)) != len(codes):
        raise ValidationError(_(_LISTED_TWICE[kind]), field=field)


def _check_range(value: float | None, *, low: float, high: float, field: str, message: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not math.isfinite(value) or not low <= value <= high:
        raise ValidationError(message, field=field)


def check_day(night: date, factors: DayFactors, *, today: date) -> None:
    if night > today:
        raise ValidationError(_("That night has not happened yet."), field="night_of")
    _check_range(
        factors.fluids_l,
        low=0,
        high=20,
        field="fluids",
        message=_("Fluids must be between 0 and 20 litres."),
    )
    _check_range(
        factors.alcohol_units,
        low=0,
        high=100,
        field="alcohol",
        message=_("Alcohol must be between 0 and 100 units."),
    )
    _check_scale(factors.caffeine_drinks, field="caffeine", what=_("Caffeine drinks"), top=50)
    _check_scale(factors.stress, field="stress", what=_("Stress"))
    _check_scale(factors.sleep_disturbance, field="sleep_disturbance", what=_("Sleep disturbance"))
    _check_scale(factors.minutes_awake, field="minutes_awake", what=_("Minutes awake"), top=1440)
    check_notes(factors.notes)


def check_medication(medication: MedicationInput, *, classes: Collection[str]) -> MedicationInput:
    """The medication with its name tidied; raises ValidationError if it cannot be stored."""
    name = check_label(medication.name, what=_("The medicine's name"), field="name")
    if len(medication.dose) > MAX_LABEL_CHARS:
        raise ValidationError(
            _("The dose is too long (the limit is {max_label_chars} characters).").format(
                max_label_chars=MAX_LABEL_CHARS
            ),
            field="dose",
        )
    check_storable(medication.dose, what=_("The dose"), field="dose")
    if (
        medication.started_on is not None
        and medication.stopped_on is not None
        and medication.stopped_on < medication.started_on
    ):
        raise ValidationError(_("The stop date is before the start date."), field="stopped_on")
    if medication.med_class is not None and medication.med_class not in classes:
        raise ValidationError(
            _("Unknown medication class {med_class!r}.").format(med_class=medication.med_class),
            field="class",
        )
    check_notes(medication.notes)
    return MedicationInput(
        name=name,
        dose=medication.dose.strip(),
        started_on=medication.started_on,
        stopped_on=medication.stopped_on,
        taken_for=medication.taken_for,
        med_class=medication.med_class,
        notes=medication.notes,
    )
