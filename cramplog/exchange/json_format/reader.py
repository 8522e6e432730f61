"""Read a JSON diary back, each record checked, every failure naming its field."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

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
from cramplog.core.translation import N_, _
from cramplog.exchange.batch import (
    VOCABULARY_KINDS,
    Batch,
    Context,
    RowError,
    SourceKind,
    SpanDeclaration,
)
from cramplog.exchange.json_format import stream
from cramplog.exchange.json_format.record import Bad, Record
from cramplog.exchange.json_format.versions import FIRST_VERSION, FORMAT, VERSION
from cramplog.storage import bulk
from cramplog.storage.transfer import NewVocabulary

# The lists that can be long enough to matter: read one record at a time.
LONG_LISTS = ("episodes", "days", "medications")
_STREAMED = frozenset(LONG_LISTS)
NOT_AN_EXPORT = N_('This JSON file is not a cramplog export (it lacks "format": "cramplog-diary").')
# Problems remembered for the dry run; any more are only counted ("and N more").
MAX_REMEMBERED_ERRORS = 1000


def parse(text: str, context: Context) -> Batch:
    """Read a cramplog JSON export held in memory; a file-level problem raises ImportFileError."""
    batch = Batch(SourceKind.JSON)
    lists: dict[str, list[Any]] = {name: [] for name in LONG_LISTS}
    for name, record in records(iter((text,)), context, batch):
        lists[name].append(record)
    batch.episodes, batch.days, batch.medications = (lists[name] for name in LONG_LISTS)
    return batch


def records(
    chunks: Iterator[str],
    context: Context,
    batch: Batch,
    *,
    wanted: frozenset[str] = _STREAMED,
) -> Iterator[tuple[str, object]]:
    """(list name, checked record) for each valid episode, day and medicine of the export in
    `chunks`, in the file's order; its settings, words, spans, row count and problems go
    into `batch`. Lists not `wanted` are stepped over unchecked.

    The file is read as it comes when its header and words come before its long lists, as
    cramplog writes them; a list that comes earlier (a file edited by hand) is held until
    the end of the file.
    """
    head: dict[str, object] = {}
    early: list[tuple[str, list[object]]] = []
    reading: _Reading | None = None
    for name, value in _members(chunks):
        if not isinstance(value, stream.Elements):
            head[name] = value
            continue
        if reading is None and {"format", "version", "vocabulary"} <= head.keys():
            reading = _Reading(head, context, batch)
        if reading is None:
            early.append((name, list(value)))
        else:
            yield from reading.read_list(name, value, wanted)
    if reading is None:
        reading = _Reading(head, context, batch)
    for name in LONG_LISTS:  # as the lists came before their file's header, in this order
        for listed, items in early:
            if listed == name:
                yield from reading.read_list(name, items, wanted)
    _refuse_long_lists_in(head)
    _read_settings(head.get("settings"), batch)  # wherever they came in the file
    _read_spans(head.get("logging_spans", []), batch)


def _members(chunks: Iterator[str]) -> Iterator[tuple[str, object]]:
    try:
        yield from stream.Document(chunks).members(_STREAMED)
    except stream.NotAnObject:
        raise ImportFileError(_(NOT_AN_EXPORT)) from None


class _Reading:
    """One reading of an export whose header has been checked: the records seen so far."""

    def __init__(self, head: dict[str, object], context: Context, batch: Batch) -> None:
        self.version = _version(head)
        _refuse_long_lists_in(head)
        vocabulary = head.get("vocabulary", [])
        if not isinstance(vocabulary, list):
            raise ImportFileError(_("The export's 'vocabulary' must be a list."))
        batch.rows += len(vocabulary)
        self.context = context
        self.batch = batch
        self.added = _read_vocabulary(vocabulary, context, batch)
        # Identities met so far, to refuse a second record with the same one.
        self.seen: dict[str, set[int]] = {name: set() for name in LONG_LISTS}
        self.nights: set[date] = set()

    def read_list(
        self, name: str, items: Iterable[object], wanted: frozenset[str]
    ) -> Iterator[tuple[str, object]]:
        batch = self.batch
        if name not in wanted:
            for _item in items:
                batch.rows += 1
            return
        read = {"episodes": self._episode, "days": self._day, "medications": self._medication}[name]
        singular = {"episodes": "episode", "days": "day", "medications": "medication"}[name]
        for index, raw in enumerate(items):
            batch.rows += 1
            try:
                record = read(Record(raw))
            except (ValueError, ValidationError) as exc:
                _fail(batch, singular, index, exc)
                continue
            yield name, record

    def _episode(self, record: Record) -> bulk.NewEpisode:
        uuid_text = record.uuid()
        key = _key(uuid_text)
        seen = self.seen["episodes"]
        if key in seen:
            raise Bad(_("this UUID appears twice in the file"))
        new = _episode(record, uuid_text, self.context, self.added, self.version)
        seen.add(key)
        return new

    def _day(self, record: Record) -> bulk.NewDay:
        uuid_text = record.uuid()
        night = record.day("night_of", required=True)
        assert night is not None
        key = _key(uuid_text)
        seen = self.seen["days"]
        if key in seen or night in self.nights:
            raise Bad(_("this night appears twice in the file"))
        day = _day(record, uuid_text, night, self.context)
        seen.add(key)
        self.nights.add(night)
        return day

    def _medication(self, record: Record) -> bulk.NewMedication:
        uuid_text = record.uuid()
        key = _key(uuid_text)
        seen = self.seen["medications"]
        if key in seen:
            raise Bad(_("this UUID appears twice in the file"))
        new = _medication(record, uuid_text, self.context)
        seen.add(key)
        return new


def _read_settings(settings: object, batch: Batch) -> None:
    if isinstance(settings, dict):
        hour = settings.get("day_boundary_hour")
        if isinstance(hour, int) and not isinstance(hour, bool) and 0 <= hour <= 23:
            batch.boundary_hour = hour
        sleep = settings.get("sleep_hours")
        if isinstance(sleep, str) and nights.SleepHours.from_setting(sleep).to_setting() == sleep:
            batch.sleep_hours = sleep


def _key(uuid_text: str) -> int:
    """A UUID as the number it is: half the memory of its text in a set of 150,000."""
    return int(uuid_text.replace("-", ""), 16)


def _refuse_long_lists_in(head: dict[str, object]) -> None:
    """A long list's name among the values read whole: its value is not a list."""
    for name in LONG_LISTS:
        if name in head:
            raise ImportFileError(_("The export's {name!r} must be a list.").format(name=name))


def _version(head: dict[str, object]) -> int:
    """The export's format version, once its "format" shows it is a cramplog export."""
    if head.get("format") != FORMAT:
        raise ImportFileError(_(NOT_AN_EXPORT))
    version = head.get("version")
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
    return version


def _fail(batch: Batch, name: str, index: int, exc: Exception) -> None:
    if len(batch.errors) < MAX_REMEMBERED_ERRORS:
        batch.errors.append(RowError(None, str(exc), f"{name} #{index + 1}"))
    else:
        batch.errors_left_off += 1


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


def _episode(
    record: Record, uuid_text: str, context: Context, added: dict[str, set[str]], version: int
) -> bulk.NewEpisode:
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
    return bulk.NewEpisode(
        episode=episode,
        start_local=start_local,
        utc_offset_min=offset,
        uuid=uuid_text,
        created_utc=record.utc("created_utc"),
        updated_utc=record.utc("updated_utc"),
    )


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


def _day(record: Record, uuid_text: str, night: date, context: Context) -> bulk.NewDay:
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
    return bulk.NewDay(
        night_of=night,
        factors=factors,
        uuid=uuid_text,
        created_utc=record.utc("created_utc"),
        updated_utc=record.utc("updated_utc"),
    )


def _medication(record: Record, uuid_text: str, context: Context) -> bulk.NewMedication:
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
        classes=context.codes.get("medication_class", frozenset()),
    )
    return bulk.NewMedication(
        medication=medication,
        uuid=uuid_text,
        created_utc=record.utc("created_utc"),
        updated_utc=record.utc("updated_utc"),
    )
