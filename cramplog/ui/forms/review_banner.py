"""The calm, non-modal "last night isn't reviewed yet" offer above the main window's pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from cramplog.core import wording
from cramplog.core.translation import _, n_
from cramplog.ui.widgets import common as widgets


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    return QColor(
        round(first.red() + (second.red() - first.red()) * amount),
        round(first.green() + (second.green() - first.green()) * amount),
        round(first.blue() + (second.blue() - first.blue()) * amount),
    )


class ReviewBanner(QFrame):
    """A calm, non-modal offer to review last night; it never interrupts."""

    review_requested = Signal()
    dismissed = Signal()

    def __init__(self, night: date | None = None, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBanner")
        self.setAccessibleName(_("Night review reminder"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        self.message = widgets.plain_label()
        self.message.setObjectName("reviewBannerText")
        layout.addWidget(self.message, 1)
        self.review_button = QPushButton(_("Review now"))
        self.review_button.setAutoDefault(False)
        self.review_button.clicked.connect(self.review_requested)
        self.later_button = QPushButton(_("Not now"))
        self.later_button.setAutoDefault(False)
        self.later_button.clicked.connect(self._not_now)
        layout.addWidget(self.review_button)
        layout.addWidget(self.later_button)
        self.night: date | None = None
        # More than one night here: the banner offers them all in one review.
        self.nights: list[date] = []
        if night is not None:
            self.set_night(night)

    def set_night(self, night: date, *, has_cramps: bool = False) -> None:
        self.night = night
        self.nights = [night]
        self.review_button.setText(_("Review now"))
        follow_up = _("Add how the day went?") if has_cramps else _("Was it cramp-free?")
        self.message.setText(
            _("Last night ({night}) isn't reviewed yet. {follow_up}").format(
                night=widgets.short_day(night), follow_up=follow_up
            )
        )

    def set_missed(self, nights: list[date]) -> None:
        """Offer several missed nights together: "3 nights not reviewed since Thu 5 Mar"."""
        self.nights = sorted(nights)
        self.night = self.nights[-1]
        self.message.setText(
            n_(
                "{n} night not reviewed since {night}. Review them together?",
                "{n} nights not reviewed since {night}. Review them together?",
                len(self.nights),
            ).format(
                n=wording.number(len(self.nights)),
                night=widgets.short_day(self.nights[0]),
            )
        )
        self.review_button.setText(_("Review them"))

    def _not_now(self) -> None:
        self.hide()
        self.dismissed.emit()

    def paintEvent(self, event: Any) -> None:
        # A soft tint of the highlight colour, so the banner reads in light and dark alike.
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_mix(window, accent, 0.45), 1))
        painter.setBrush(_mix(window, accent, 0.12))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.end()
