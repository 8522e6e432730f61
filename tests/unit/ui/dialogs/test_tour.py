"""The first-run tour: four places in a few panes, Back/Next/Close, dismissed for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from cramplog.ui.dialogs import tour
from cramplog.ui.places import PLACES
from cramplog.ui.preferences import Preferences


def pane_texts(dialog: tour.TourDialog) -> list[str]:
    page = dialog.pages.currentWidget()
    assert page is not None
    return [label.text() for label in page.findChildren(QLabel)]


def test_the_tour_walks_through_the_four_places_and_back(
    qtbot: QtBot, preferences: Preferences, tour_allowed: None
) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    dialog = tour.offer_tour(window, preferences)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert not dialog.back_button.isEnabled()
    headings = [pane_texts(dialog)[0]]
    while dialog.next_button.isEnabled():
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        headings.append(pane_texts(dialog)[0])
    assert headings[1:] == list(PLACES)
    assert pane_texts(dialog)[-1] == f"{len(PLACES) + 1} of {len(PLACES) + 1}"
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert pane_texts(dialog)[0] == PLACES[-2]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # Closed without "Don't show this again": it comes back next time.
    again = tour.offer_tour(window, preferences)
    assert again is not None
    again.close()


def test_dont_show_again_is_remembered(
    qtbot: QtBot, preferences: Preferences, tour_allowed: None
) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    dialog = tour.offer_tour(window, preferences)
    assert dialog is not None
    dialog.never_again.setChecked(True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert Preferences(preferences.settings).show_tour is False
    assert tour.offer_tour(window, preferences) is None


def test_tests_never_see_the_tour_unless_they_ask(preferences: Preferences) -> None:
    assert preferences.show_tour
    assert tour.offer_tour(QMainWindow(), preferences) is None
