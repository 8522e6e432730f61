"""Review any night: a calendar of nights from which a past night opens its review."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from cramplog.core.night_states import NightState
from cramplog.core.translation import _
from cramplog.ui.editor import DAYS, EPISODES, DiaryEditor
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.night_calendar import NightCalendar, legend, to_date


class NightCalendarDialog(QDialog):
    """Pick a night (Enter or a double-click opens it); the calendar follows every change."""

    def __init__(
        self, editor: DiaryEditor, preferences: Preferences, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.preferences = preferences
        self.review: QDialog | None = None
        self.setWindowTitle(_("Review any night"))
        self.setObjectName("nightCalendarDialog")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            widgets.plain_label(
                _(
                    "Each night is marked by colour and a symbol. Pick a past night to review it: "
                    "mark it cramp-free or add how the day went."
                )
            )
        )
        self.calendar = NightCalendar(editor.diary)
        self.calendar.setMinimumSize(460, 300)
        self.calendar.selectionChanged.connect(self._describe)
        self.calendar.activated.connect(lambda chosen: self.open_night(to_date(chosen)))
        layout.addWidget(self.calendar, 1)
        layout.addWidget(legend())
        self.summary = widgets.plain_label()
        self.summary.setObjectName("nightSummary")
        layout.addWidget(self.summary)
        self.error = widgets.FieldError()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(_("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        self.open_button = QPushButton(_("&Open this night's review…"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(
            lambda: self.open_night(to_date(self.calendar.selectedDate()))
        )
        buttons.addWidget(close)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        editor.changed.connect(self._diary_changed)
        self._describe()
        self.calendar.setFocus()

    def selected_night(self) -> date:
        return to_date(self.calendar.selectedDate())

    def _describe(self) -> None:
        night = self.selected_night()
        state = self.calendar.state_of(night)
        if state is None:
            self.calendar.reload()
            state = self.calendar.state_of(night)
        words = state.label if state is not None else NightState.NOT_RECORDED.label
        self.summary.setText(f"{widgets.night_caption(night)}: {words}.")
        self.error.clear_message()

    def open_night(self, night: date) -> None:
        """Open the review of `night`; a night not over yet is refused with a message."""
        if night > self.editor.diary.last_night():
            self.error.show_message(
                _("The night of {night} is not over yet; pick a past night.").format(
                    night=widgets.short_day(night)
                )
            )
            return
        from cramplog.ui.forms.night_review import NightReviewDialog

        self.error.clear_message()
        self.review = NightReviewDialog(self.editor, self.preferences, night, parent=self)
        self.review.open()

    def _diary_changed(self, what: str) -> None:
        if what in (DAYS, EPISODES):
            self.calendar.reload()
            self._describe()
