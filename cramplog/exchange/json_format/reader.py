"""Read a JSON diary back, each record checked, every failure naming its field."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

from cramplog.core import nights, validation
from cramplog.core.errors import ImportFileError, ValidationError
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    Exercise,
    Hydration,
    MedicationInput,
    ReliefRating,
    Side,
    SpanSource,
    TakenFor,
    with_legacy_unknowns,
)
from cramplog.core.translation import _
from cramplog.exchange.batch import (
    VOCABULARY_KINDS,
    Batch,
    Context,
    RowError,
    SourceKind,
    SpanDeclaration,
)
from cramplog.exchange.json_format.record import Bad, Record
from cramplog.exchange.json_format.versions import FIRST_VERSION, FORMAT, VERSION
from cramplog.storage import bulk
from cramplog.storage.transfer import NewVocabulary


def parse(text: str, context: Context) -> Batch:
    """Read a cramplog JSON export; a file-level problem raises ImportFileError."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise ImportFileError(
            _("The JSON file is nested too deeply to be a cramplog export.")
        ) from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = _(" (line {line})").format(line=line) if line else ""
        raise ImportFileError(
            _("The file is not valid JSON{where}: {reason}.").format(where=where, reason=exc)
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(
            _('This JSON file is not a cramplog export (it lacks "format": "cramplog-diary").')
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFileError(_('The export\'s "version" is missing or not a number.'))
    if version < FIRST_VERSION:
        raise ImportFileError(
            _(
                'The export\'s "version" is {version}, which no cramplog ever wrote (the '
                "first format version is {first_version}). Nothing was imported."
            ).format(version=version, first_version=FIRST_VERSION)
        )
    if version > VERSION:
        raise ImportFileError(
            _(
                "This export was made by a newer cramplog (format version {version}); "
                "update cramplog to import it."
            ).format(version=version)
        )
    lists: dict[str, list[object]] = {}
    for name in ("vocabulary", "episodes", "days", "medications"):
        value = document.get(name, [])
        if not isinstance(value, list):
            raise ImportFileError(_("The export's {name!r} must be a list.").format(name=name))
        lists[name] = value
    batch = Batch(SourceKind.JSON)
    batch.rows = sum(len(items) for items in lists.values())
    settings = document.get("settings")
    if isinstance(settings, dict):
        hour = settings.get("day_boundary_hour")
        if isinstance(hour, int) and not isinstance(hour, bool) and 0 <= hour <= 23:
            batch.boundary_hour = hour
        sleep = settings.get("sleep_hours")
        if isinstance(sleep, str) and nights.SleepHours.from_setting(sleep).to_setting() == sleep:
            batch.sleep_hours = sleep
    added = _read_vocabulary(lists["vocabulary"], context, batch)
    _read_episodes(lists["episodes"], context, batch, added, version=version)
    _read_days(lists["days"], context, batch)
    _read_spans(document.get("logging_spans", []), batch)
    _read_medications(lists["medications"], context, batch)
    return batch


def _fail(batch: Batch, name: str, index: int, exc: Exception) -> None:
    batch.errors.append(RowError(None, str(exc), f"{name} #{index + 1}"))


def _read_vocabulary(items: list[object], context: Context, batch: Batch) -> dict[str, set[str]]:
    added: dict[str, set[str]] = {}
    seen: set[str] = set()
    for index, raw in enumerate(items):
        try:
            record = Record(raw)
            kind = record.text("kind", required=True)
            if kind not in VOCABULARY_KINDS:
                raise Bad(
                    _("'kind' must be one of {vocabulary_kinds}").format(
                        vocabulary_kinds=", ".join(VOCABULARY_KINDS)
                    )
                )
            code = record.text("code", required=True)
            if not code.startswith(f"custom.{kind}.") or len(code) > 120:
                raise Bad(_("'code' is not the code of a word of your own"))
            label = validation.check_label(record.text("label", required=True))
            if code in seen:
                raise Bad(_("this word appears twice"))
            item = NewVocabulary(
                code=code,
                kind=kind,
                label=label,
                hidden=bool(record.flag("hidden")),
                uuid=record.uuid(),
                created_utc=context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0),
                updated_utc=context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0),
            )
        except (ValueError, ValidationError) as exc:
            _fail(batch, "vocabulary", index, exc)
            continue
        seen.add(code)
        if code in context.codes.get(kind, frozenset()):
            continue
        batch.vocabulary.append(item)
        added.setdefault(kind, set()).add(code)
    return added


def _read_spans(items: object, batch: Batch) -> None:
    if not isinstance(items, list):
        batch.errors.append(RowError(None, _("must be a list"), "logging_spans"))
        return
    for index, raw in enumerate(items):
        try:
            record = Record(raw)
            first = record.day("first_night")
            if first is None:
                raise Bad(_("'first_night' is missing"))
            last = record.day("last_night")
            if last is not None and last < first:
                raise Bad(_("'last_night' is before 'first_night'"))
            source = record.enum("source", SpanSource) or SpanSource.DECLARED
            batch.spans.append(SpanDeclaration(first, last, source, record.uuid()))
        except ValueError as exc:
            _fail(batch, "logging_spans", index, exc)


def _read_episodes(
    items: list[object],
    context: Context,
    batch: Batch,
    added: dict[str, set[str]],
    *,
    version: int,
) -> None:
    seen: set[str] = set()
    for index, raw in enumerate(items):
        try:
            record = Record(raw)
            uuid_text = record.uuid()
            if uuid_text in seen:
                raise Bad(_("this UUID appears twice in the file"))
            start_local, offset = _wall_clock_start(record)
            reliefs = [
                (relief.text("code", required=True), relief.enum("rating", ReliefRating))
                for relief in record.objects("reliefs")
            ]
            start_local = start_local.replace(microsecond=0)
            episode = EpisodeInput(
                start=start_local.replace(tzinfo=timezone(timedelta(minutes=offset))),
                muscle=record.text("muscle", required=True),
                side=record.enum("side", Side) or Side.NOT_APPLICABLE,
                duration_s=record.whole("duration_s"),
                intensity=record.whole("intensity"),
                woke_from_sleep=record.flag("woke_from_sleep", default=None),
                activity=record.optional_text("activity"),
                hydration=record.enum("hydration", Hydration),
                triggers=record.strings("triggers"),
                reliefs=tuple(reliefs),
                symptoms=record.strings("symptoms"),
                notes=record.text("notes"),
                to_review=bool(record.flag("to_review")),
                triggers_asked=bool(record.flag("triggers_asked")),
                reliefs_asked=bool(record.flag("reliefs_asked")),
                # Every cramp was entered with its time before version 3.
                time_noted=bool(record.flag("time_noted", default=True)),
            )
            if version < 2:
                episode = with_legacy_unknowns(episode)
            context.check_episode(episode, added)
            new = bulk.NewEpisode(
                episode=episode,
                start_local=start_local,
                utc_offset_min=offset,
                uuid=uuid_text,
                created_utc=record.utc("created_utc"),
                updated_utc=record.utc("updated_utc"),
            )
        except (ValueError, ValidationError) as exc:
            _fail(batch, "episode", index, exc)
            continue
        seen.add(uuid_text)
        batch.episodes.append(new)


def _wall_clock_start(record: Record) -> tuple[datetime, int]:
    """The episode's wall-clock start (no offset in it) and its UTC offset in minutes."""
    try:
        start_local = datetime.fromisoformat(record.text("start_local", required=True))
    except ValueError:
        raise Bad(_("'start_local' is not an ISO date and time")) from None
    if start_local.tzinfo is not None:
        raise Bad(_("'start_local' must be wall-clock time, without an offset"))
    offset = record.whole("utc_offset_min", required=True)
    assert offset is not None
    if not -1080 <= offset <= 1080:
        raise Bad(_("'utc_offset_min' must be between -1080 and 1080"))
    return start_local, offset


def _read_days(items: list[object], context: Context, batch: Batch) -> None:
    seen: set[str] = set()
    nights: set[date] = set()
    for index, raw in enumerate(items):
        try:
            record = Record(raw)
            uuid_text = record.uuid()
            night = record.day("night_of", required=True)
            assert night is not None
            if uuid_text in seen or night in nights:
                raise Bad(_("this night appears twice in the file"))
            factors = DayFactors(
                reviewed=bool(record.flag("reviewed")),
                fluids_l=record.number("fluids_l"),
                exercise=record.enum("exercise", Exercise),
                alcohol_units=record.number("alcohol_units"),
                caffeine_drinks=record.whole("caffeine_drinks"),
                hot_or_sweating=record.flag("hot_or_sweating", default=None),
                long_standing=record.flag("long_standing", default=None),
                long_sitting=record.flag("long_sitting", default=None),
                stretched_before_bed=record.flag("stretched_before_bed", default=None),
                stress=record.whole("stress"),
                sleep_disturbance=record.whole("sleep_disturbance"),
                minutes_awake=record.whole("minutes_awake"),
                notes=record.text("notes"),
            )
            validation.check_day(night, factors, today=context.now.date())
            day = bulk.NewDay(
                night_of=night,
                factors=factors,
                uuid=uuid_text,
                created_utc=record.utc("created_utc"),
                updated_utc=record.utc("updated_utc"),
            )
        except (ValueError, ValidationError) as exc:
            _fail(batch, "day", index, exc)
            continue
        seen.add(uuid_text)
        nights.add(night)
        batch.days.append(day)


def _read_medications(items: list[object], context: Context, batch: Batch) -> None:
    seen: set[str] = set()
    classes = context.codes.get("medication_class", frozenset())
    for index, raw in enumerate(items):
        try:
            record = Record(raw)
            uuid_text = record.uuid()
            if uuid_text in seen:
                raise Bad(_("this UUID appears twice in the file"))
            medication = validation.check_medication(
                MedicationInput(
                    name=record.text("name", required=True),
                    dose=record.text("dose"),
                    started_on=record.day("started_on"),
                    stopped_on=record.day("stopped_on"),
                    taken_for=record.enum("taken_for", TakenFor) or TakenFor.OTHER,
                    med_class=record.optional_text("class"),
                    notes=record.text("notes"),
                ),
                classes=classes,
            )
            new = bulk.NewMedication(
                medication=medication,
                uuid=uuid_text,
                created_utc=record.utc("created_utc"),
                updated_utc=record.utc("updated_utc"),
            )
        except (ValueError, ValidationError) as exc:
            _fail(batch, "medication", index, exc)
            continue
        seen.add(uuid_text)
        batch.medications.append(new)
