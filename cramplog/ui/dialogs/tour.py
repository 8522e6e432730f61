"""The first-run tour: a few panes on the four places, until told not to show again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.translation import N_, _
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.theme import WrappedLabel

# (heading, text): what each place is for, in the order of the list on the left.
PANES: tuple[tuple[str, str], ...] = (
    (
        N_("Welcome to cramplog"),
        N_(
            "A private diary for muscle cramps. It stays on this computer. Here is a short look "
            "at the four places on the left; Ctrl+1 to Ctrl+4 also take you there."
        ),
    ),
    (
        N_("Diary"),
        N_(
            "Every cramp you log and every night you record, newest first. Log a cramp quickly "
            "with Ctrl+N — the muscle and Enter are enough, details can wait till morning. "
            "Double-click a row to add or change its details."
        ),
    ),
    (
        N_("Patterns"),
        N_(
            "How often, when and where your cramps come, and what seems to go with them. The "
            "figures count only recorded nights: answer “How was last night?” (Ctrl+R) each "
            "morning, even after a good night, so the nights without cramps count too."
        ),
    ),
    (
        N_("Treatments"),
        N_(
            "The medicines and supplements you take, with when you started and stopped, so you "
            "can see how the cramps went before and after."
        ),
    ),
    (
        N_("Summary"),
        N_(
            "A summary for your doctor: pick a period and print it or save it as a PDF to take "
            "to your appointment."
        ),
    ),
)


class TourDialog(QDialog):
    """Back, Next and Close through the panes; "Don't show this again" is remembered."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tourDialog")
        self.setWindowTitle(_("A quick tour"))
        self.preferences = preferences
        self.pages = QStackedWidget()
        for number, (heading, text) in enumerate(PANES, start=1):
            pane = QWidget()
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            title = WrappedLabel(_(heading))
            title.setFont(widgets.scaled_font(title.font(), 1.3, bold=True))
            column.addWidget(title)
            column.addWidget(WrappedLabel(_(text)))
            column.addStretch(1)
            column.addWidget(
                widgets.MutedLabel(
                    _("{number} of {total}").format(number=number, total=len(PANES)), parent=pane
                )
            )
            self.pages.addWidget(pane)

        self.never_again = QCheckBox(_("Don't show this again"))
        self.never_again.setChecked(not preferences.show_tour)
        self.back_button = QPushButton(_("Back"))
        self.next_button = QPushButton(_("Next"))
        self.close_button = QPushButton(_("Close"))
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.close_button.clicked.connect(self.accept)
        self.next_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.never_again)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.finished.connect(self._remember)
        self.setMinimumSize(480, 260)
        self.go(0)

    def go(self, step: int) -> None:
        index = max(0, min(self.pages.count() - 1, self.pages.currentIndex() + step))
        self.pages.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.pages.count() - 1)
        if not self.next_button.isEnabled():
            self.close_button.setDefault(True)
            self.close_button.setFocus()

    def _remember(self) -> None:
        self.preferences.show_tour = not self.never_again.isChecked()
        self.preferences.sync()


def offer_tour(window: QWidget, preferences: Preferences) -> TourDialog | None:
    """Open the tour beside the window unless the person said not to show it again.

    It is not modal: someone who opened cramplog to log a cramp can just log it. Tests
    replace this seam (tests/conftest.py) so a tour never opens unless a test asks for one.
    """
    if not preferences.show_tour:
        return None
    tour = TourDialog(preferences, parent=window)
    tour.show()
    return tour
