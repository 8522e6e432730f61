"""Help → How cramplog counts: nights, recorded nights, cramps per week, night-time cramps."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from cramplog.analysis.stats import MIN_NIGHTS_TO_RATE
from cramplog.core import nights
from cramplog.core.translation import N_, _
from cramplog.diary.view import DiaryView
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.screen_fit import resize_within_screen
from cramplog.ui.widgets.theme import WrappedLabel

_WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def _clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def explanations(boundary_hour: int, sleep: nights.SleepHours) -> list[tuple[str, str]]:
    """(heading, paragraph) pairs, worded from the rules the figures follow and this diary's
    own settings (its day boundary and sleep hours)."""
    boundary = _clock(time(boundary_hour))
    # The example is worked out by the rule that files every cramp, so it follows the setting.
    wednesday_3am = datetime(2026, 3, 11, 3, 0)
    filed_under = _(_WEEKDAYS[nights.night_of(wednesday_3am, boundary_hour).weekday()])
    return [
        (
            _("Nights, not dates"),
            _(
                "Every cramp belongs to a night. A night runs from {boundary} one day to "
                "{boundary} the next, so a cramp at 3 in the morning on a Wednesday is filed "
                "under the night of {filed_under}. You can move that hour in Settings."
            ).format(boundary=boundary, filed_under=filed_under),
        ),
        (
            _("Recorded nights"),
            _(
                "A night is recorded when you reviewed it (“How was last night?”, or any night "
                "from Entry › Review any night…), or when it falls inside a stretch of nights "
                "over which you said you logged every cramp (a logging span, in Settings). A "
                "recorded night with no cramp logged counts as a night without cramps. Any other "
                "night is unknown: cramplog never guesses that it was free of cramps."
            ),
        ),
        (
            _("Why unknown nights are left out"),
            _(
                "If unknown nights counted as free of cramps, a diary kept only on bad nights "
                "would look better than it is; if only the nights with cramps counted, it would "
                "look worse. So every rate uses recorded nights only. Cramps logged on unknown "
                "nights stay in your list, and Patterns says how many were left out of the rates."
            ),
        ),
        (
            _("Cramps per week"),
            _(
                "The cramps on your recorded nights, divided by the number of recorded nights, "
                "times seven. With fewer than {nights} recorded nights in a period "
                "there is no weekly figure: cramplog says there are too few nights rather than "
                "guess from a handful. Each figure says how many recorded nights it rests on."
            ).format(nights=MIN_NIGHTS_TO_RATE),
        ),
        (
            _("Night-time or daytime"),
            _(
                "A cramp is a night-time cramp when it woke you or began while you were asleep "
                "or in bed, and a daytime cramp when you said you were up. When you said "
                "neither, cramplog goes by your usual sleep hours, {asleep} to {awake} (in "
                "Settings), and marks the answer as a guess."
            ).format(asleep=_clock(sleep.start), awake=_clock(sleep.end)),
        ),
        (
            _("Cramps noted by date only"),
            _(
                "A cramp brought in with a date but no time (from a spreadsheet, say) is filed "
                "under the night before that date, since most such cramps come in the night, or "
                "under that date's night when the row says evening. It counts in every figure "
                "except the hour of the day, where it is listed as “time not noted”, and it is "
                "never guessed to be a night-time or daytime cramp."
            ),
        ),
    ]


class CountingDialog(QDialog):
    """The counting rules in plain words, for the diary that is open."""

    def __init__(self, diary: DiaryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countingDialog")
        self.setWindowTitle(_("How cramplog counts"))
        body = QWidget()
        column = QVBoxLayout(body)
        self.paragraphs: list[WrappedLabel] = []
        for heading, text in explanations(diary.boundary_hour, diary.sleep_hours):
            title = WrappedLabel(heading)
            title.setFont(widgets.scaled_font(title.font(), 1.1, bold=True))
            paragraph = WrappedLabel(text)
            self.paragraphs.append(paragraph)
            column.addWidget(title)
            column.addWidget(paragraph)
            column.addSpacing(6)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 560, 600)
