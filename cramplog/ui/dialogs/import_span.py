"""The import's question for a file of cramps only: are the nights between its cramps recorded?"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QVBoxLayout, QWidget

from cramplog.core import conventions
from cramplog.core.translation import N_, _
from cramplog.exchange.batch import SpanDeclaration
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.labels import plain_label

LOGGING_SPAN_CHOICE = N_(
    "I logged every cramp from the file's first to its last: count the nights between as "
    "recorded (cramp-free where nothing was logged)"
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(chosen: QDate) -> date:
    return date(chosen.year(), chosen.month(), chosen.day())


class SpanChoice(QWidget):
    """A tick box (on by default) and the first and last logged nights, widened at will.

    `changed` is emitted when the person ticks, unticks or moves a date.
    """

    changed = Signal()

    def __init__(self, last_night: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loggingSpanChoice")
        self.check = QCheckBox()
        self.check.setObjectName("loggingSpan")
        self.check.setChecked(True)
        self.check.setAccessibleName(_(LOGGING_SPAN_CHOICE))
        self.check.toggled.connect(self._ticked)
        # A check box's own text does not wrap; the sentence is long, so it sits beside it.
        text = plain_label(_(LOGGING_SPAN_CHOICE), wrap=True)
        text.setBuddy(self.check)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        check_row.addWidget(text, 1)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, "from"), (self.last, "to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(conventions.current().plain_date_pattern)
            edit.setMinimumDate(QDate(1900, 1, 1))
            edit.setMaximumDate(_qdate(last_night))
            edit.setAccessibleName(
                _("Every cramp was logged {name} the night of").format(name=name)
            )
            edit.dateChanged.connect(self._widened)
        dates_row = QHBoxLayout()
        dates_row.setContentsMargins(24, 0, 0, 0)
        self.dates_label = plain_label(_("Widen it if you logged longer: from"), wrap=False)
        dates_row.addWidget(self.dates_label)
        dates_row.addWidget(self.first)
        # Translators: between two date fields: "from [date] to [date]".
        dates_row.addWidget(plain_label(_("to"), wrap=False))
        dates_row.addWidget(self.last)
        dates_row.addStretch(1)
        self.error = theme.ErrorLabel()
        self.error.setObjectName("loggingSpanError")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 6)
        column.addLayout(check_row)
        column.addLayout(dates_row)
        column.addWidget(self.error)
        self.edited = False
        self.hide()

    def _ticked(self) -> None:
        on = self.check.isChecked()
        for widget in (self.dates_label, self.first, self.last):
            widget.setEnabled(on)
        self.changed.emit()

    def _widened(self) -> None:
        self.edited = True
        self.changed.emit()

    def reset(self) -> None:
        """A new file: ticked, and its dates the file's own again; emits `changed`."""
        with QSignalBlocker(self.check):
            self.check.setChecked(True)
        self.edited = False
        self._ticked()

    def show_file_span(self, span: SpanDeclaration | None) -> None:
        """Until the person changes them, the dates show the file's own first and last nights."""
        if span is None or self.edited:
            return
        with QSignalBlocker(self.first), QSignalBlocker(self.last):
            self.first.setDate(_qdate(span.first_night))
            if span.last_night is not None:
                self.last.setDate(_qdate(span.last_night))

    @property
    def logging_span(self) -> bool:
        return self.check.isChecked()

    def widened_to(self) -> tuple[date | None, date | None]:
        """The logged nights as the person widened them; (None, None) while not widened."""
        if not (self.edited and self.check.isChecked()):
            return None, None
        return _date(self.first.date()), _date(self.last.date())
