"""Write the whole diary as JSON, one record per line inside each list."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, TypeVar

from cramplog import __version__
from cramplog.core.records import (
    DiaryDay,
    Episode,
    LoggingSpan,
    Medication,
    VocabularyItem,
)
from cramplog.exchange import moments, progress
from cramplog.exchange.json_format.versions import FORMAT, VERSION

_T = TypeVar("_T")

_utc = moments.utc


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def episode_record(e: Episode) -> dict[str, object]:
    return {
        "uuid": e.uuid,
        "start_local": moments.local_t(e.start_local),
        "utc_offset_min": e.utc_offset_min,
        "muscle": e.muscle,
        "side": e.side.value,
        "duration_s": e.duration_s,
        "intensity": e.intensity,
        "woke_from_sleep": e.woke_from_sleep,
        "activity": e.activity,
        "hydration": None if e.hydration is None else e.hydration.value,
        "triggers": list(e.triggers),
        "reliefs": [
            {"code": code, "rating": None if rating is None else rating.value}
            for code, rating in e.reliefs
        ],
        "symptoms": list(e.symptoms),
        "notes": e.notes,
        "to_review": e.to_review,
        "triggers_asked": e.triggers_asked,
        "reliefs_asked": e.reliefs_asked,
        "time_noted": e.time_noted,
        "created_utc": _utc(e.created_utc),
        "updated_utc": _utc(e.updated_utc),
    }


def day_record(d: DiaryDay) -> dict[str, object]:
    f = d.factors
    return {
        "uuid": d.uuid,
        "night_of": d.night_of.isoformat(),
        "reviewed": f.reviewed,
        "fluids_l": f.fluids_l,
        "exercise": None if f.exercise is None else f.exercise.value,
        "alcohol_units": f.alcohol_units,
        "caffeine_drinks": f.caffeine_drinks,
        "hot_or_sweating": f.hot_or_sweating,
        "long_standing": f.long_standing,
        "long_sitting": f.long_sitting,
        "stretched_before_bed": f.stretched_before_bed,
        "stress": f.stress,
        "sleep_disturbance": f.sleep_disturbance,
        "minutes_awake": f.minutes_awake,
        "notes": f.notes,
        "created_utc": _utc(d.created_utc),
        "updated_utc": _utc(d.updated_utc),
    }


def medication_record(m: Medication) -> dict[str, object]:
    return {
        "uuid": m.uuid,
        "name": m.name,
        "dose": m.dose,
        "started_on": _day(m.started_on),
        "stopped_on": _day(m.stopped_on),
        "taken_for": m.taken_for.value,
        "class": m.med_class,
        "notes": m.notes,
        "created_utc": _utc(m.created_utc),
        "updated_utc": _utc(m.updated_utc),
    }


def span_record(s: LoggingSpan) -> dict[str, object]:
    return {
        "uuid": s.uuid,
        "first_night": s.first_night.isoformat(),
        "last_night": _day(s.last_night),
        "source": s.source.value,
    }


def vocabulary_record(v: VocabularyItem) -> dict[str, object]:
    return {
        "uuid": v.uuid,
        "code": v.code,
        "kind": v.kind.value,
        "label": v.label,
        "hidden": v.hidden,
    }


@dataclass(frozen=True)
class Contents:
    """Everything one JSON export holds; episodes and days may be streams, read once."""

    episodes: Iterable[Episode]
    days: Iterable[DiaryDay]
    medications: Sequence[Medication]
    vocabulary: Sequence[VocabularyItem]
    boundary_hour: int
    first_night: date | None
    last_night: date | None
    exported_utc: datetime
    spans: Sequence[LoggingSpan] = ()
    sleep_hours: str | None = None


def write(stream: IO[str], contents: Contents, tick: progress.Tick | None = None) -> None:
    """The export, one record per line inside each list, so a diff or a reader can follow it.

    `tick`, if given, is told the records written so far every `progress.EVERY` records.
    """
    # One encoder for every record: `json.dumps` with options makes a new one per call.
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    done = 0

    def records(
        name: str,
        items: Iterable[_T],
        record: Callable[[_T], Mapping[str, object]],
        last: bool = False,
    ) -> None:
        # Each record is written as it comes, so a stream of episodes is never held whole.
        nonlocal done
        write = stream.write
        write(f'  "{name}": [')
        written = 0
        for item in items:
            write("\n    " if written == 0 else ",\n    ")
            write(encode(record(item)))
            written += 1
            if tick is not None and (done + written) % progress.EVERY == 0:
                tick(done + written)
        done += written
        stream.write("\n  ]" if written else "]")
        stream.write("\n" if last else ",\n")

    head = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_utc": _utc(contents.exported_utc),
        "period": {
            "first_night": _day(contents.first_night),
            "last_night": _day(contents.last_night),
        },
        "settings": {
            "day_boundary_hour": contents.boundary_hour,
            "sleep_hours": contents.sleep_hours,
        },
    }
    stream.write("{\n")
    for key, value in head.items():
        stream.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    records("vocabulary", contents.vocabulary, vocabulary_record)
    records("episodes", contents.episodes, episode_record)
    records("days", contents.days, day_record)
    records("logging_spans", contents.spans, span_record)
    records("medications", contents.medications, medication_record, last=True)
    stream.write("}\n")
