"""The import preview's rows as they will be stored, read from the engine's batch, not re-parsed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cramplog.core import nights, wording
from cramplog.core.records import EpisodeInput
from cramplog.core.translation import N_, _
from cramplog.exchange.batch import Batch
from cramplog.exchange.csv_format.spreadsheet_words import own_code
from cramplog.ui.widgets import episode_rows

PREVIEW_ROWS = 200
NOTES_CHARS = 120


@dataclass(frozen=True)
class Preview:
    """A table of the first rows an import would store, and how many it would store in all."""

    headers: list[str]
    rows: list[list[str]]
    total: int
    what: str  # "cramps", "night records"

    @property
    def caption(self) -> str:
        every, first = _CAPTIONS[self.what]
        if len(self.rows) < self.total:
            return _(first).format(
                shown=wording.number(len(self.rows)), total=wording.number(self.total)
            )
        return _(every).format(total=wording.number(self.total))


# Whole sentences for each kind of row (all of them shown, or the first few of many).
_CAPTIONS = {
    "cramps": (
        N_("Cramps as they would be stored ({total}):"),
        N_("Cramps as they would be stored (the first {shown} of {total}):"),
    ),
    "night records": (
        N_("Night records as they would be stored ({total}):"),
        N_("Night records as they would be stored (the first {shown} of {total}):"),
    ),
}


def _yes_no(answer: bool | None) -> str:
    """Unknown stays blank: only an answer the file gave is shown as yes or no."""
    return "" if answer is None else (_("yes") if answer else _("no"))


def _listed(codes: Sequence[str], asked: bool, label: Callable[[str], str]) -> str:
    """The words of a list; "none" only where the file answered with an empty list."""
    if not codes:
        return _("none") if asked else ""
    return ", ".join(label(code) for code in codes)


def _episode_cells(
    e: EpisodeInput, start_local: datetime, boundary_hour: int, label: Callable[[str], str]
) -> dict[str, str]:
    reliefs = [
        label(code) + ("" if rating is None else f" ({rating.label.lower()})")
        for code, rating in e.reliefs
    ]
    return {
        "Night of": nights.day_text(nights.night_of(start_local, boundary_hour)),
        "Time": wording.clock(start_local) if e.time_noted else nights.TIME_NOT_NOTED,
        "Muscle": label(e.muscle),
        "Side": e.side.label,
        "Duration": wording.clock_duration(e.duration_s),
        "Intensity": "" if e.intensity is None else str(e.intensity),
        "Woke me": _yes_no(e.woke_from_sleep),
        "Triggers": _listed(e.triggers, e.triggers_asked, label),
        "Relief methods": ", ".join(reliefs) if reliefs else (_("none") if e.reliefs_asked else ""),
        "Activity": "" if e.activity is None else label(e.activity),
        "Hydration": "" if e.hydration is None else e.hydration.label,
        "Symptoms": ", ".join(label(code) for code in e.symptoms),
        "Notes": e.notes.replace("\n", " ")[:NOTES_CHARS],
    }


# Always shown for cramps, headed as in the diary's list; the others only when a row of the
# preview holds one.
_CRAMP_COLUMNS = episode_rows.COLUMNS[: episode_rows.INTENSITY + 1]
_DETAIL_COLUMNS = (
    N_("Woke me"),
    N_("Triggers"),
    N_("Relief methods"),
    N_("Activity"),
    N_("Hydration"),
    N_("Symptoms"),
    N_("Notes"),
)


def preview_of(batch: Batch, boundary_hour: int, label: Callable[[str], str]) -> Preview | None:
    """The rows `batch` would store, as a person reads them; `label` names a diary code.

    Words the file would add as the person's own are named as the file wrote them.
    """
    offered = {
        own_code(kind, word): word for kind, words in batch.new_words.items() for word in words
    }

    def named(code: str) -> str:
        return offered.get(code) or label(code)

    if batch.episodes:
        cells = [
            _episode_cells(new.episode, new.start_local, boundary_hour, named)
            for new in batch.episodes[:PREVIEW_ROWS]
        ]
        details = [h for h in _DETAIL_COLUMNS if h == "Notes" or any(row[h] for row in cells)]
        headers = [*_CRAMP_COLUMNS, *details]
        rows = [[row[h] for h in headers] for row in cells]
        return Preview([_(h) for h in headers], rows, len(batch.episodes), "cramps")
    if batch.days:
        rows = [
            [
                nights.day_text(day.night_of),
                _("yes") if day.factors.reviewed else _("no"),
                day.factors.notes.replace("\n", " ")[:NOTES_CHARS],
            ]
            for day in batch.days[:PREVIEW_ROWS]
        ]
        return Preview(
            [_("Night of"), _("Reviewed"), _("Notes")], rows, len(batch.days), "night records"
        )
    return None


class RowsTable(QTableWidget):
    """The first rows an import would store, one per line; the last column takes the room left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("importPreview")
        self.setAccessibleName(_("What would be imported"))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)

    def show_preview(self, preview: Preview) -> None:
        self.setRowCount(0)
        self.setColumnCount(len(preview.headers))
        self.setHorizontalHeaderLabels(preview.headers)
        self.setRowCount(len(preview.rows))
        for r, cells in enumerate(preview.rows):
            for c, text in enumerate(cells):
                self.setItem(r, c, QTableWidgetItem(text))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        header.setSectionResizeMode(len(preview.headers) - 1, QHeaderView.ResizeMode.Stretch)

    def column_of(self, header: str) -> int:
        """The column headed `header`, or -1."""
        for column in range(self.columnCount()):
            item = self.horizontalHeaderItem(column)
            if item is not None and item.text() == header:
                return column
        return -1
