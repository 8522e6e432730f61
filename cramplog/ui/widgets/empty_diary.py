"""What the Diary place shows while the diary holds nothing: an invitation to a first entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cramplog.core.translation import _
from cramplog.ui.widgets.theme import WrappedLabel


class EmptyDiary(QWidget):
    """ "Your diary is empty", what to do first, and buttons to log a cramp or try a sample."""

    log_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(_("Your diary is empty"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        # A WrappedLabel keeps the height its lines need: a plain wrapped QLabel, centred by
        # an alignment flag, was given one line's height and showed about a line and a third.
        body = WrappedLabel(
            _(
                "Log a cramp when it happens (Ctrl+N), and mark the nights that pass without one, "
                "so cramplog can count cramps per week and show what they have in common."
            )
        )
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.setFixedWidth(min(520, body.fontMetrics().averageCharWidth() * 60))
        log = QPushButton(_("Log a cramp"))
        log.setObjectName("emptyLogButton")
        log.clicked.connect(self.log_requested)
        sample = QPushButton(_("Explore a sample diary"))
        sample.setObjectName("emptySampleButton")
        sample.setToolTip(_("Opens a generated diary in its own file; your diary is not touched."))
        sample.clicked.connect(self.sample_requested)
        for widget in (title, body):
            widget.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(log)
        buttons.addWidget(sample)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
