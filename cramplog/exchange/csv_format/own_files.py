"""Read our own episodes.csv and nights.csv back, each cell checked."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone

from cramplog.core import validation
from cramplog.core.errors import ValidationError
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    Exercise,
    Hydration,
    ReliefRating,
    Side,
    with_legacy_unknowns,
)
from cramplog.core.translation import _
from cramplog.exchange import everyday_words, values
from cramplog.exchange.batch import (
    SPREADSHEET_NAMESPACE,
    Batch,
    Context,
    RowError,
    SourceKind,
)
from cramplog.exchange.csv_format.columns import (
    LIST_SEPARATOR,
    LOCAL_FORMAT,
    restore_neutralised,
)
from cramplog.exchange.csv_format.rows import Row
from cramplog.storage import bulk
from cramplog.storage.transfer import NewVocabulary


def _answer(text: str) -> bool | None:
    """A yes/no cell where an empty cell is "not answered"."""
    return values.read_yes_no(text) if text.strip() else None


def _cells(header: Sequence[str], row: Row) -> dict[str, str]:
    names = [name.strip().lower() for name in header]
    padded = row.cells + [""] * (len(names) - len(row.cells))
    return {name: restore_neutralised(padded[i]) for i, name in enumerate(names)}


def _utc_cell(text: str, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise values.CellError(
            _("{what} “{text}” is not an ISO date and time.").format(what=what, text=text[:30])
        ) from None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:  # 0001-01-01T00:00+05:00 is before the year 1 in UTC
            raise values.CellError(
                _("{what} “{text}” is out of range.").format(what=what, text=text[:30])
            ) from None
    return moment.replace(tzinfo=None, microsecond=0)


def _uuid_cell(text: str) -> str:
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        raise values.CellError(_("“{text}” is not a UUID.").format(text=text[:40])) from None


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _custom_word(
    kind: str,
    code: str,
    label: str,
    context: Context,
    added: dict[str, set[str]],
    batch: Batch,
) -> None:
    """Learn a word of the person's own that the export carries but this diary lacks."""
    if code in context.codes.get(kind, frozenset()) or code in added.get(kind, set()):
        return
    if not code.startswith(f"custom.{kind}.") or not label.strip() or len(label) > 200:
        return
    existing = context.custom_by_label.get((kind, label.strip().casefold()))
    if existing is not None:
        return
    now = context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    batch.vocabulary.append(
        NewVocabulary(
            code=code,
            kind=kind,
            label=" ".join(label.split()),
            hidden=False,
            uuid=str(uuid.uuid5(SPREADSHEET_NAMESPACE, code)),
            created_utc=now,
            updated_utc=now,
        )
    )
    added.setdefault(kind, set()).add(code)


def read_own_episodes(header: Sequence[str], rows: list[Row], context: Context) -> Batch:
    episodes: list[bulk.NewEpisode] = []
    batch = Batch(SourceKind.EPISODES_CSV, rows=len(rows), episodes=episodes)
    added: dict[str, set[str]] = {}
    seen: set[str] = set()
    for row in rows:
        try:
            cells = _cells(header, row)
            new = _own_episode(cells, context, added, batch)
            if new.uuid in seen:
                raise values.CellError(_("This UUID appears twice in the file."))
            context.check_episode(new.episode, added)
        except (ValueError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
            continue
        seen.add(new.uuid)
        episodes.append(new)
    return batch


def _own_episode(
    cells: dict[str, str], context: Context, added: dict[str, set[str]], batch: Batch
) -> bulk.NewEpisode:
    try:
        start_local = datetime.strptime(cells["start_local"].strip(), LOCAL_FORMAT)
    except ValueError:
        start_local = _utc_cell(cells["start_local"], "start_local")
    offset = values.read_whole(cells["utc_offset_min"], what="utc_offset_min", low=-1080, high=1080)
    muscle = cells["muscle_code"].strip()
    _custom_word("muscle", muscle, cells.get("muscle", ""), context, added, batch)
    triggers = _codes(cells.get("trigger_codes", ""))
    trigger_labels = cells.get("triggers", "").split(LIST_SEPARATOR)
    for i, code in enumerate(triggers):
        label = trigger_labels[i] if len(trigger_labels) == len(triggers) else code
        _custom_word("trigger", code, label, context, added, batch)
    reliefs = _own_reliefs(cells, context, added, batch)
    hydration = cells.get("hydration", "").strip()
    try:
        hydration_value = Hydration(hydration) if hydration else None
        side = Side(cells.get("side", "").strip() or Side.NOT_APPLICABLE.value)
    except ValueError:
        raise values.CellError(_("The side or hydration is not one cramplog writes.")) from None
    duration = cells.get("duration_s", "").strip()
    intensity = cells.get("intensity", "").strip()
    tz = timezone(timedelta(minutes=offset))
    episode = EpisodeInput(
        start=start_local.replace(tzinfo=tz),
        muscle=muscle,
        side=side,
        duration_s=values.read_whole(duration, what="duration_s", low=1, high=86400)
        if duration
        else None,
        intensity=everyday_words.read_intensity(intensity) if intensity else None,
        woke_from_sleep=_answer(cells.get("woke_from_sleep", "")),
        activity=cells.get("activity_code", "").strip() or None,
        hydration=hydration_value,
        triggers=tuple(triggers),
        reliefs=tuple(reliefs),
        symptoms=tuple(_codes(cells.get("symptom_codes", ""))),
        notes=cells.get("notes", ""),
        to_review=values.read_yes_no(cells.get("to_review", "")),
        triggers_asked=values.read_yes_no(cells.get("triggers_asked", "")),
        reliefs_asked=values.read_yes_no(cells.get("reliefs_asked", "")),
        # An older file has no such column: every cramp in it had its time.
        time_noted=values.read_yes_no(cells.get("time_noted", "") or "yes"),
    )
    if "triggers_asked" not in cells:
        # An export from before unknown answers were kept: undo what the app invented.
        episode = with_legacy_unknowns(episode)
    return bulk.NewEpisode(
        episode=episode,
        start_local=start_local,
        utc_offset_min=offset,
        uuid=_uuid_cell(cells["uuid"]),
        created_utc=_utc_cell(cells.get("created_utc", ""), "created_utc"),
        updated_utc=_utc_cell(cells.get("updated_utc", ""), "updated_utc"),
    )


def _own_reliefs(
    cells: dict[str, str], context: Context, added: dict[str, set[str]], batch: Batch
) -> list[tuple[str, ReliefRating | None]]:
    """The relief methods tried ("code=rating; ..."), each custom one added to the words."""
    reliefs: list[tuple[str, ReliefRating | None]] = []
    relief_labels = cells.get("reliefs", "").split(LIST_SEPARATOR)
    for i, part in enumerate(_codes(cells.get("relief_codes", ""))):
        code, _sep, rating = part.partition("=")
        try:
            rated = ReliefRating(rating.strip()) if rating.strip() else None
        except ValueError:
            raise values.CellError(
                _("“{rating}” is not a relief rating.").format(rating=rating[:20])
            ) from None
        label = re.sub(r" \([^)]*\)$", "", relief_labels[i]) if i < len(relief_labels) else code
        _custom_word("relief", code.strip(), label, context, added, batch)
        reliefs.append((code.strip(), rated))
    return reliefs


def _optional(text: str, read: type[float] | type[int], what: str, high: float) -> float | None:
    if not text.strip():
        return None
    if read is int:
        return values.read_whole(text, what=what, low=0, high=int(high))
    return values.read_number(text, what=what, low=0, high=high)


def _optional_flag(text: str) -> bool | None:
    return None if not text.strip() else values.read_yes_no(text)


def read_own_nights(header: Sequence[str], rows: list[Row], context: Context) -> Batch:
    days: list[bulk.NewDay] = []
    batch = Batch(SourceKind.NIGHTS_CSV, rows=len(rows), days=days)
    seen_nights: set[date] = set()
    for row in rows:
        try:
            cells = _cells(header, row)
            if not cells.get("uuid", "").strip():
                # A night listed only because it has episodes: no day record to import.
                continue
            try:
                night = date.fromisoformat(cells["night_of"].strip())
            except ValueError:
                raise values.CellError(_("night_of is not an ISO date (YYYY-MM-DD).")) from None
            if night in seen_nights:
                raise values.CellError(
                    _("The night of {night} appears twice in the file.").format(night=night)
                )
            exercise = cells.get("exercise", "").strip()
            try:
                exercise_value = Exercise(exercise) if exercise else None
            except ValueError:
                raise values.CellError(
                    _("“{exercise}” is not an exercise level.").format(exercise=exercise[:20])
                ) from None
            caffeine = _optional(cells.get("caffeine_drinks", ""), int, _("caffeine drinks"), 50)
            stress = _optional(cells.get("stress", ""), int, _("stress"), 10)
            sleep = _optional(cells.get("sleep_disturbance", ""), int, _("sleep disturbance"), 10)
            awake = _optional(cells.get("minutes_awake", ""), int, _("minutes awake"), 1440)
            factors = DayFactors(
                reviewed=values.read_yes_no(cells.get("reviewed", "")),
                fluids_l=_optional(cells.get("fluids_l", ""), float, _("fluids"), 20),
                exercise=exercise_value,
                alcohol_units=_optional(cells.get("alcohol_units", ""), float, "alcohol", 100),
                caffeine_drinks=None if caffeine is None else int(caffeine),
                hot_or_sweating=_optional_flag(cells.get("hot_or_sweating", "")),
                long_standing=_optional_flag(cells.get("long_standing", "")),
                long_sitting=_optional_flag(cells.get("long_sitting", "")),
                stretched_before_bed=_optional_flag(cells.get("stretched_before_bed", "")),
                stress=None if stress is None else int(stress),
                sleep_disturbance=None if sleep is None else int(sleep),
                minutes_awake=None if awake is None else int(awake),
                notes=cells.get("notes", ""),
            )
            validation.check_day(night, factors, today=context.now.date())
            day = bulk.NewDay(
                night_of=night,
                factors=factors,
                uuid=_uuid_cell(cells["uuid"]),
                created_utc=_utc_cell(cells.get("created_utc", ""), "created_utc"),
                updated_utc=_utc_cell(cells.get("updated_utc", ""), "updated_utc"),
            )
        except (ValueError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
            continue
        seen_nights.add(night)
        days.append(day)
    return batch
