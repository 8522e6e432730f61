"""A month calendar of nights, each marked by colour and a symbol: cramps, cramp-free, unknown."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QDate, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QGridLayout, QWidget

from cramplog.core.night_states import NightState, night_states
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.labels import plain_label

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView

# A month page shows up to six weeks, some of them from the months either side.
_PAGE_DAYS = 42


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _mix(first: QColor, second: QColor, share: float) -> QColor:
    return QColor(
        round(first.red() + (second.red() - first.red()) * share),
        round(first.green() + (second.green() - first.green()) * share),
        round(first.blue() + (second.blue() - first.blue()) * share),
    )


def state_colour(palette: QPalette, state: NightState) -> QColor:
    """The cell colour of a state, from the palette, so light and dark both read."""
    base = palette.color(QPalette.ColorRole.Base)
    accent = palette.color(QPalette.ColorRole.Highlight)
    if state is NightState.CRAMPS:
        return _mix(base, theme.error_colour(palette), 0.30)
    if state is NightState.CRAMP_FREE:
        return _mix(base, accent, 0.30)
    if state is NightState.RECORDED:
        return _mix(base, accent, 0.12)
    return base


# How far a day of the month before or after is faded toward the cell's base. It was 0.35,
# which left the number 2.9:1 against the "cramps logged" colour in dark mode; 0.1 keeps
# every state above 4.5:1 in both palettes, and italics tell the month apart.
OTHER_MONTH_FADE: Final = 0.1


def day_colour(palette: QPalette, *, other_month: bool) -> QColor:
    """The colour of a cell's day number: the text's, a little faded for another month."""
    text = palette.color(QPalette.ColorRole.Text)
    if not other_month:
        return text
    return _mix(text, palette.color(QPalette.ColorRole.Base), OTHER_MONTH_FADE)


def read_states(diary: DiaryView, first: date, last: date) -> dict[date, NightState]:
    """What the diary knows of each night from `first` to `last` (past nights only)."""
    last_night = diary.last_night()
    last = min(last, last_night)
    if last < first:
        return {}
    days = diary.list_days(first, last)
    return night_states(
        first,
        last,
        last_night=last_night,
        with_cramps=diary.nights_with_episodes(first, last),
        reviewed={day.night_of for day in days if day.factors.reviewed},
        spans=diary.logging_spans(),
    )


class NightCalendar(QCalendarWidget):
    """Past nights coloured by what is known of them; nights still to come cannot be chosen."""

    def __init__(self, diary: DiaryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary = diary
        self.states: dict[date, NightState] = {}
        self.setObjectName("nightCalendar")
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        # Qt draws weekends in pure red, which is faint on the dark theme's header.
        plain = QTextCharFormat()
        plain.setForeground(self.palette().color(QPalette.ColorRole.Text))
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekend, plain)
        self.last_night = diary.last_night()
        self.setMaximumDate(to_qdate(self.last_night))
        self.setSelectedDate(to_qdate(self.last_night))
        self.currentPageChanged.connect(lambda _year, _month: self.reload())
        self.reload()

    def reload(self) -> None:
        """Read the states of the nights on the page shown (and its neighbours' days)."""
        self.last_night = self.diary.last_night()
        self.setMaximumDate(to_qdate(self.last_night))
        first_of_month = date(self.yearShown(), self.monthShown(), 1)
        first = first_of_month - timedelta(days=7)
        self.states = read_states(self.diary, first, first + timedelta(days=_PAGE_DAYS + 7))
        self.updateCells()

    def _paint_future(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        """A night still to come: plain and dimmed, nothing to say about it yet."""
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(rect).adjusted(3, 1, -3, -1),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            str(qdate.day()),
        )
        painter.restore()

    def state_of(self, night: date) -> NightState | None:
        """None for a night still to come (or not on the page read)."""
        return self.states.get(night)

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        state = self.states.get(to_date(qdate))
        if state is None:
            self._paint_future(painter, rect, qdate)
            return
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, state_colour(palette, state))
        other_month = qdate.month() != self.monthShown()
        inner = QRectF(rect).adjusted(3, 1, -3, -1)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), state.symbol
        )
        painter.setPen(day_colour(palette, other_month=other_month))
        if other_month:
            font = painter.font()
            font.setItalic(True)
            painter.setFont(font)
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), str(qdate.day())
        )
        if qdate == self.selectedDate():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.restore()


class LegendSwatch(QWidget):
    """One cell's look (colour and symbol) beside its meaning."""

    def __init__(self, state: NightState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setFixedSize(QSize(28, 22))
        self.setAccessibleName(state.label)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), state_colour(palette, self.state))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.state.symbol)


def legend(parent: QWidget | None = None) -> QWidget:
    """The four states, two to a row: swatch, then words."""
    holder = QWidget(parent)
    holder.setObjectName("nightLegend")
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    for index, state in enumerate(NightState):
        row, column = divmod(index, 2)
        grid.addWidget(LegendSwatch(state), row, column * 2)
        grid.addWidget(plain_label(state.label, wrap=False), row, column * 2 + 1)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return holder
