"""The table model behind the diary list: one row per episode, formatted for reading."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cramplog.records import Episode

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "Night of",
    "Time",
    "Muscle",
    "Side",
    "Duration",
    "Intensity",
    "Woke me",
    "Triggers",
    "Reliefs",
    "Notes",
)


def format_duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def first_line(text: str, limit: int = 120) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class EpisodeTableModel(QAbstractTableModel):
    """Episodes as rows. Text is given to Qt as plain strings, so notes never render as HTML."""

    def __init__(
        self,
        *,
        label: Callable[[str], str],
        night_of: Callable[[Episode], date],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._episodes: list[Episode] = []
        self._label = label
        self._night_of = night_of

    def set_episodes(self, episodes: Sequence[Episode]) -> None:
        self.beginResetModel()
        self._episodes = list(episodes)
        self.endResetModel()

    def episode(self, row: int) -> Episode:
        return self._episodes[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._episodes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._episodes):
            return None
        episode = self._episodes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(episode, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COLUMNS.index("Notes"):
            return episode.notes or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, episode: Episode, column: int) -> str:
        match column:
            case 0:
                return f"{self._night_of(episode):%a %d %b %Y}"
            case 1:
                return f"{episode.start_local:%H:%M}"
            case 2:
                return self._label(episode.muscle)
            case 3:
                return episode.side.label
            case 4:
                return format_duration(episode.duration_s)
            case 5:
                return "" if episode.intensity is None else str(episode.intensity)
            case 6:
                return "Yes" if episode.woke_from_sleep else "No"
            case 7:
                return ", ".join(self._label(code) for code in episode.triggers)
            case 8:
                return ", ".join(self._label(code) for code, _ in episode.reliefs)
            case 9:
                return first_line(episode.notes)
        return ""
