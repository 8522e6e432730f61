"""Read a Bearable CSV export: its cramp symptoms, one row each, as cramps of time not noted.

Bearable exports one row per logged item, in long format: `date`, `date formatted`,
`weekday`, `time of day`, `category`, `rating/amount`, `detail`, `notes`. A symptom row has
category `Symptom`, its name in `detail` with the severity in brackets ("Leg cramps
(Moderate)") and the severity as 1–4 in `rating/amount`. Bearable's own code is not public;
this shape is the one a public reader of these exports relies on (abocha/
streamlit_bearable_dashboard, streamlit_app.py), and the one issue #14 quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from cramplog.core import wording
from cramplog.core.errors import ImportFileError, ValidationError
from cramplog.core.translation import _
from cramplog.exchange import values
from cramplog.exchange.batch import Batch, Context, Question, RowError, SourceKind
from cramplog.exchange.csv_format.rows import Row
from cramplog.exchange.trackers import cramp_symptoms
from cramplog.exchange.trackers.columns import describe_columns
from cramplog.storage import bulk

COLUMNS = ("date formatted", "time of day", "category", "rating/amount", "detail")
_SEVERITY = re.compile(r"\s*\((mild|moderate|severe|unbearable|extreme)\)\s*$", re.IGNORECASE)
_SEVERITY_SCORES = {"mild": 1, "moderate": 2, "severe": 3, "unbearable": 4, "extreme": 4}


def recognises(header: Sequence[str]) -> bool:
    names = {name.strip().strip('"').casefold() for name in header}
    return all(column in names for column in COLUMNS)


def read(
    header: Sequence[str], rows: list[Row], context: Context, *, day_first: bool | None
) -> Batch:
    episodes: list[bulk.NewEpisode] = []
    batch = Batch(SourceKind.BEARABLE, rows=len(rows), episodes=episodes)
    where = {name.strip().strip('"').casefold(): i for i, name in enumerate(header)}
    read_as = {
        "date formatted": _("the date the cramp was noted"),
        "time of day": _("its night (pm: that evening's)"),
        "category": _("which rows are symptoms"),
        "detail": _("the cramp and its muscle (cramp symptoms only)"),
        "rating/amount": _("the cramp's intensity, scored 1–4"),
        "notes": _("the cramp's notes"),
    }
    batch.columns = describe_columns(
        header, rows, {i: read_as[name] for name, i in where.items() if name in read_as}
    )
    width = len(header)
    cramps: list[tuple[Row, list[str]]] = []
    others: Counter[str] = Counter()
    for row in rows:
        cells = [*row.cells, *[""] * (width - len(row.cells))]
        category = cells[where["category"]].strip()
        name = _SEVERITY.sub("", cells[where["detail"]]).strip()
        if category.casefold() == "symptom" and cramp_symptoms.is_cramp(name):
            cramps.append((row, cells))
        else:
            others[category or _("(no category)")] += 1
    if not cramps:
        raise ImportFileError(
            _(
                "This Bearable export holds no symptom named as a cramp, spasm or "
                "charley horse, so it says nothing about cramps; nothing was imported."
            )
        )
    days = _dates([cells[where["date formatted"]] for _row, cells in cramps], day_first, batch)
    if batch.questions:
        return batch
    seen: Counter[str] = Counter()
    for (row, cells), noted_on in zip(cramps, days, strict=True):
        try:
            if isinstance(noted_on, values.CellError):
                raise noted_on
            detail = cells[where["detail"]].strip()
            name = _SEVERITY.sub("", detail).strip()
            moment = cells[where["time of day"]].strip()
            key = f"bearable|{noted_on}|{moment}|{name.casefold()}"
            seen[key] += 1
            notes = cells[where["notes"]].strip() if "notes" in where else ""
            episodes.append(
                cramp_symptoms.date_only_cramp(
                    noted_on,
                    evening=moment.casefold() == "pm",
                    muscle=cramp_symptoms.muscle(name, context),
                    score=_score(cells[where["rating/amount"]], detail),
                    triggers=(),
                    notes="\n".join(
                        part
                        for part in (notes, f"Bearable: {detail} ({moment or 'no time'}).")
                        if part
                    ),
                    key=f"{key}|{seen[key]}",
                    context=context,
                )
            )
        except (values.CellError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
    if others:
        listed = ", ".join(
            f"{name} {wording.number(count)}" for name, count in others.most_common()
        )
        batch.notes = (
            _("Only cramp symptoms are read from a Bearable export; left out: {listed}.").format(
                listed=listed
            ),
        )
    return batch


def _score(text: str, detail: str) -> int | None:
    """Bearable's 1–4 severity, from `rating/amount` or the word in brackets; None if neither."""
    value = text.strip()
    if value.isdigit() and 0 <= int(value) <= 4:
        return int(value)
    found = _SEVERITY.search(detail)
    return _SEVERITY_SCORES[found[1].casefold()] if found else None


def _dates(texts: list[str], day_first: bool | None, batch: Batch) -> list[date | values.CellError]:
    """Each row's date, the day/month order settled across the file as for a spreadsheet."""
    read: list[date | values.NumericDate | values.CellError] = []
    for text in texts:
        try:
            read.append(values.read_date(text))
        except values.CellError as exc:
            read.append(exc)
    numeric = [value for value in read if isinstance(value, values.NumericDate)]
    if day_first is None and numeric:
        if any(value.must_be_day_first for value in numeric):
            day_first = True
        elif any(value.must_be_month_first for value in numeric):
            day_first = False
        elif any(value.ambiguous for value in numeric):
            batch.questions[Question.DATE_ORDER] = _(
                "The export's dates could be read day-first or month-first; say which "
                "order it uses."
            )
            return []
        else:
            day_first = True  # every date reads the same either way (3/3/2026)
    settled: list[date | values.CellError] = []
    for value in read:
        if isinstance(value, values.NumericDate):
            try:
                settled.append(value.resolve(day_first=bool(day_first)))
            except values.CellError as exc:
                settled.append(exc)
        else:
            settled.append(value)
    return settled
