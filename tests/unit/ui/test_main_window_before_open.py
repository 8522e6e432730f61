"""The main window before its diary is open: a start on Patterns shows its first figures,
the review banner and what was clicked, then takes the diary without a jump."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput
from cramplog.diary.read_only import ReadOnlyDiary
from cramplog.diary.service import Diary
from cramplog.ui.main_window import MainWindow
from cramplog.ui.pages.patterns_page import PatternsPage
from cramplog.ui.places import PATTERNS
from cramplog.ui.preferences import Preferences
from tests.conftest import LONDON, NOW
from tests.unit.ui.test_main_window import say_since_1_march, when_modal


def start_on_patterns_before_the_diary_opens(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> tuple[MainWindow, PatternsPage]:
    """The window as start-up shows it on Patterns, on what its worker read from the file."""
    preferences.last_place = PATTERNS
    window = MainWindow(preferences=preferences)  # start-up: no diary yet
    qtbot.add_widget(window)
    window.show()
    read_first = window.work_before_open()
    assert read_first is not None
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as view:
        assert view is not None
        figures = read_first(view)
    page = window.show_first_figures(figures)
    assert isinstance(page, PatternsPage) and window.pages.currentWidget() is page
    qtbot.wait_until(lambda: page.stats is not None)
    assert not window.attached
    return window, page


def test_patterns_shown_before_the_diary_opens_keeps_its_page_and_a_settings_click(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 4, 3, 10, tzinfo=LONDON), muscle="muscle.calf")
    )
    window, page = start_on_patterns_before_the_diary_opens(qtbot, diary, preferences)
    qtbot.wait_until(page.unrecorded_hint.isVisible)
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    assert QApplication.activeModalWidget() is None  # no settings without the diary
    assert window.statusBar().currentMessage() == (
        "Opening your diary; Settings open once it is open…"
    )

    when_modal(qtbot, say_since_1_march)
    window.attach(diary)  # the click is answered once the diary is open
    assert window.patterns_page is page and page.attached
    qtbot.wait_until(lambda: diary.logging_every_cramp_since() == date(2026, 3, 1))
    qtbot.wait_until(lambda: not page.unrecorded_hint.isVisible())


def test_the_review_banner_shows_with_the_first_figures_and_stays_put_when_the_diary_opens(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 10, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    window, page = start_on_patterns_before_the_diary_opens(qtbot, diary, preferences)
    qtbot.wait_until(window.banner.isVisible)
    offer = window.banner.message.text()
    assert offer == "3 nights not reviewed since Mon 9 Mar. Review them together?"
    qtbot.wait(20)
    where = page.mapTo(window, QPoint(0, 0))
    window.attach(diary)
    qtbot.wait(20)
    assert window.banner.isVisible() and window.banner.message.text() == offer
    assert page.mapTo(window, QPoint(0, 0)) == where  # nothing jumps as the diary opens
    assert len(window.findChildren(type(window.banner))) == 1


def test_not_now_before_the_diary_opens_keeps_the_banner_away_once_it_is_open(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window, _page = start_on_patterns_before_the_diary_opens(qtbot, diary, preferences)
    qtbot.wait_until(window.banner.isVisible)
    qtbot.mouseClick(window.banner.later_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    window.attach(diary)  # the diary opens behind the figures: the same night to offer
    qtbot.wait(20)
    assert not window.banner.isVisible()
    window.editor.add_episode(
        EpisodeInput(start=datetime(2026, 3, 8, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    assert not window.banner.isVisible()  # still the night put away
    window.remind_in_window("Time to review last night.")  # the reminder asks again
    assert window.banner.isVisible()
