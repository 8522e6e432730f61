"""Review several missed nights at once: each ticked on purpose, saved and undone as one step."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import wording
from cramplog.core.errors import CramplogError
from cramplog.core.records import EpisodeFilter
from cramplog.core.translation import _, n_
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.widgets import common as widgets

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView


def read_missed_nights(diary: DiaryView) -> list[date]:
    """The nights not reviewed back to the last reviewed one, within a fortnight (see
    `cramplog.diary.review_due`, which the review banner asks too)."""
    from cramplog.diary.review_due import review_due

    return list(review_due(diary).missed)


class MissedNightsDialog(QDialog):
    """One row per night with its cramps; ticked nights are marked reviewed together."""

    def __init__(
        self, editor: DiaryEditor, nights: list[date], *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.diary = editor.diary
        self.nights = sorted(nights)
        self.setWindowTitle(_("Review the nights you missed"))
        self.setObjectName("missedNightsDialog")
        self.boxes: dict[date, QCheckBox] = {}
        self.cramps: set[date] = set()
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = widgets.plain_label(
            n_(
                "{n} night not reviewed yet", "{n} nights not reviewed yet", len(self.nights)
            ).format(n=wording.number(len(self.nights))),
            wrap=False,
        )
        title.setFont(widgets.scaled_font(self.font(), 1.25, bold=True))
        layout.addWidget(title)
        layout.addWidget(
            widgets.plain_label(
                _(
                    "Tick each night you can vouch for: a night with no cramp logged becomes "
                    "cramp-free, and a night with cramps is marked as having them all logged. "
                    "Nights left unticked stay unknown."
                )
            )
        )
        counts: Counter[date] = Counter()
        if self.nights:
            where = EpisodeFilter(first_night=self.nights[0], last_night=self.nights[-1])
            counts.update(self.diary.night_of(e) for e in self.diary.list_episodes(where))
        self.cramps = set(counts)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for row, night in enumerate(self.nights):
            logged = night in self.cramps
            box = QCheckBox(widgets.night_caption(night))
            box.setAccessibleName(
                (
                    _("{night}: all its cramps are logged") if logged else _("{night}: cramp-free")
                ).format(night=widgets.night_caption(night))
            )
            self.boxes[night] = box
            grid.addWidget(box, row, 0)
            note = widgets.plain_label(
                n_(
                    "{n} cramp logged; tick if none is missing",
                    "{n} cramps logged; tick if none is missing",
                    counts[night],
                ).format(n=wording.number(counts[night]))
                if logged
                else _("no cramp logged"),
                wrap=False,
            )
            grid.addWidget(note, row, 1)
        layout.addLayout(grid)
        self.error = widgets.FieldError()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.all_free_button = QPushButton(_("Tick &all nights without cramps"))
        self.all_free_button.setAutoDefault(False)
        self.all_free_button.clicked.connect(self.tick_all_cramp_free)
        self.all_free_button.setEnabled(any(n not in self.cramps for n in self.nights))
        cancel = QPushButton(_("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.all_free_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        widgets.chain_tabs([*self.boxes.values(), self.all_free_button, cancel, self.save_button])
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            first.setFocus()

    def tick_all_cramp_free(self) -> None:
        """The explicit "all cramp-free" choice: every night without a cramp logged."""
        for night, box in self.boxes.items():
            if night not in self.cramps:
                box.setChecked(True)
        self.error.clear_message()

    def ticked(self) -> list[date]:
        return [night for night, box in self.boxes.items() if box.isChecked()]

    def save(self) -> None:
        chosen = self.ticked()
        if not chosen:
            self.error.show_message(_("Tick the nights you can vouch for, or press Cancel."))
            return
        try:
            self.editor.mark_reviewed(chosen)
        except CramplogError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()
