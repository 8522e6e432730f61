"""Read a Flaredown CSV export: each check-in a reviewed night, cramp symptoms as cramps.

The shape comes from Flaredown's own export code (rubyforgood/Flaredown,
backend/app/jobs/data_export_job.rb): a `Date` column, then one column per condition, per
symptom (each scored 0–4, empty when not tracked that day) and per treatment (a dose, `Taken`
or `Not Taken`), then `Tags` and `Foods`, each a `; `-joined list. Its header is how it is
recognised; docs/formats.md gives the rules below in the person's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from cramplog.core import nights, validation
from cramplog.core.errors import ImportFileError, ValidationError
from cramplog.core.records import ChecklistKind, DayFactors, MedicationInput
from cramplog.core.translation import _
from cramplog.exchange.batch import Batch, Context, RowError, SourceKind, name_uuid
from cramplog.exchange.csv_format.rows import Row
from cramplog.exchange.trackers import cramp_symptoms
from cramplog.exchange.trackers.columns import describe_columns
from cramplog.storage import bulk

_SCORE = re.compile(r"[0-4]")
TAKEN, NOT_TAKEN = "Taken", "Not Taken"


def recognises(header: Sequence[str]) -> bool:
    """Flaredown's header: `Date` first, `Tags` and `Foods` last, trackables between."""
    return len(header) >= 3 and header[0] == "Date" and list(header[-2:]) == ["Tags", "Foods"]


def read(header: Sequence[str], rows: list[Row], context: Context) -> Batch:
    days: list[bulk.NewDay] = []
    episodes: list[bulk.NewEpisode] = []
    medications: list[bulk.NewMedication] = []
    batch = Batch(
        SourceKind.FLAREDOWN,
        rows=len(rows),
        episodes=episodes,
        days=days,
        medications=medications,
    )
    middle = range(1, len(header) - 2)
    cramps = [i for i in middle if cramp_symptoms.is_cramp(header[i])]
    if not cramps:
        raise ImportFileError(
            _(
                "This Flaredown export tracks no symptom named as a cramp, spasm or "
                "charley horse, so it says nothing about cramps; nothing was imported."
            )
        )
    treatments = [i for i in middle if i not in cramps and _is_treatment(rows, i)]
    scores = [i for i in middle if i not in cramps and i not in treatments]
    muscles = {i: cramp_symptoms.muscle(header[i], context) for i in cramps}
    fates = {
        0: _("the check-in's night (reviewed)"),
        len(header) - 2: _("triggers, where a tag names one"),
    }
    fates |= {i: _("cramps of that night, scored 0–4") for i in cramps}
    fates |= {i: _("medicines, with the dates taken") for i in treatments}
    fates |= {i: _("the night's notes (a score of 0–4)") for i in scores}
    fates[len(header) - 1] = _("the night's notes")
    batch.columns = describe_columns(header, rows, fates)
    now = context.now.replace(tzinfo=None, microsecond=0)
    taken: dict[int, list[tuple[date, str]]] = {i: [] for i in treatments}
    for row in rows:
        cells = [*row.cells, *[""] * (len(header) - len(row.cells))]
        try:
            noted_on = _date(cells[0])
            for i in treatments:
                value = cells[i].strip()
                if value and value != NOT_TAKEN:
                    taken[i].append((noted_on, "" if value == TAKEN else value))
                elif taken[i] and taken[i][-1][0] != noted_on:
                    taken[i].append((noted_on, NOT_TAKEN))
            night = _read_night(header, cells, noted_on, cramps, scores, muscles, context, now)
            if night is not None:
                # Only a check-in read whole is kept: its night and its cramps, or neither.
                days.append(night[0])
                episodes.extend(night[1])
        except (ValueError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
    for i in treatments:
        _add_medicines(batch, medications, header[i], taken[i], context, now)
    return batch


def _read_night(
    header: Sequence[str],
    cells: list[str],
    noted_on: date,
    cramps: list[int],
    scores: list[int],
    muscles: dict[int, str],
    context: Context,
    now: datetime,
) -> tuple[bulk.NewDay, list[bulk.NewEpisode]] | None:
    """A check-in that scored any cramp symptom is a reviewed night; one scored > 0, a cramp."""
    scored = {i: _score(cells[i], header[i]) for i in cramps if cells[i].strip()}
    if not scored:
        return None  # cramps not tracked that day: the night stays unknown
    night = nights.date_only_night(noted_on)
    tags = [tag.strip() for tag in cells[-2].split(";") if tag.strip()]
    triggers = tuple(
        dict.fromkeys(
            code for code in (context.match(ChecklistKind.TRIGGER, tag) for tag in tags) if code
        )
    )
    others = [f"{header[i]} {cells[i].strip()}" for i in scores if cells[i].strip()]
    notes = "\n".join(
        part
        for part in (
            "From Flaredown." + (" Scores (0–4): " + ", ".join(others) + "." if others else ""),
            f"Tags: {cells[-2].strip()}" if cells[-2].strip() else "",
            f"Foods: {cells[-1].strip()}" if cells[-1].strip() else "",
        )
        if part
    )
    factors = DayFactors(reviewed=True, notes=notes)
    validation.check_day(night, factors, today=context.now.date())
    day = bulk.NewDay(night, factors, name_uuid(f"flaredown|night|{night}"), now, now)
    episodes: list[bulk.NewEpisode] = []
    for i, score in scored.items():
        if score > 0:
            episodes.append(
                cramp_symptoms.date_only_cramp(
                    noted_on,
                    evening=False,
                    muscle=muscles[i],
                    score=score,
                    triggers=triggers,
                    notes=f"Flaredown: {header[i]} scored {score} of 4; how many cramps is not "
                    "known.",
                    key=f"flaredown|{noted_on}|{header[i]}",
                    context=context,
                )
            )
    return day, episodes


def _add_medicines(
    batch: Batch,
    medications: list[bulk.NewMedication],
    name: str,
    taken: list[tuple[date, str]],
    context: Context,
    now: datetime,
) -> None:
    """One medicine for each run of check-ins that took it at one dose, first to last day."""
    classes = context.codes.get(ChecklistKind.MEDICATION_CLASS, frozenset())
    run: list[tuple[date, str]] = []
    for day, dose in [*taken, (date.max, NOT_TAKEN)]:
        if run and (dose == NOT_TAKEN or dose != run[0][1]):
            medicine = MedicationInput(
                name=name,
                dose=run[0][1],
                started_on=run[0][0],
                stopped_on=run[-1][0],
                med_class=context.match(ChecklistKind.MEDICATION_CLASS, name),
                notes="From Flaredown: taken on the check-ins of these dates.",
            )
            try:
                checked = validation.check_medication(medicine, classes=classes)
            except ValidationError as exc:
                batch.errors.append(
                    RowError(None, str(exc), _("treatment “{name}”").format(name=name))
                )
            else:
                key = f"flaredown|medicine|{name}|{run[0][1]}|{run[0][0]}"
                medications.append(bulk.NewMedication(checked, name_uuid(key), now, now))
            run = []
        if dose != NOT_TAKEN:
            run.append((day, dose))


def _is_treatment(rows: list[Row], index: int) -> bool:
    """A treatment column holds doses or Taken/Not Taken; a condition or symptom, 0–4."""
    for row in rows:
        value = row.cells[index].strip() if index < len(row.cells) else ""
        if value and not _SCORE.fullmatch(value):
            return True
    return False


def _score(text: str, name: str) -> int:
    value = text.strip()
    if not _SCORE.fullmatch(value):
        raise ValueError(
            _("“{value}” under “{name}” is not a Flaredown score (0 to 4).").format(
                value=value[:40], name=name
            )
        )
    return int(value)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            _("“{text}” is not a date as Flaredown writes them (2026-03-11).").format(
                text=text.strip()[:40]
            )
        ) from None
