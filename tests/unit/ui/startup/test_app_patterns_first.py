"""Start-up on Patterns: its first figures, read from the file, are only a head start.

A bug in reading them, or in reading ahead once the diary is open, is logged and the diary
opens as it would without them; a diary that then fails to open is told as on any other start,
and the app leaves.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cramplog.demo import sample
from cramplog.diary import setting_values
from cramplog.files import bug_log
from cramplog.ui.forms.review_banner import ReviewBanner
from cramplog.ui.main_window import MainWindow
from cramplog.ui.pages.patterns_page import PatternsPage
from cramplog.ui.places import PATTERNS
from cramplog.ui.preferences import Preferences
from cramplog.ui.startup import app as cramplog_app
from cramplog.ui.startup import patterns_first
from cramplog.ui.startup.error_dialog import ExceptionHook


@pytest.fixture
def weeks_of_cramps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "diary"
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=0.25, episodes_per_week=6),
        seed=3,
        end=date(2026, 3, 10),
    )
    # The morning after the sample's last night, so the page's period holds cramps.
    monkeypatch.setenv(setting_values.PINNED_NOW_ENV, "2026-03-11T09:30:00")
    return folder


def on_patterns(qtbot: QtBot, preferences: Preferences) -> MainWindow:
    preferences.last_place = PATTERNS
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    return window


def offered(window: MainWindow) -> bool:
    """Whether the window shows the review banner (made when there is an offer)."""
    return any(banner.isVisible() for banner in window.findChildren(ReviewBanner))


def leaving(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    exits: list[int] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(app, "exit", lambda code=0: exits.append(code))
    return exits


def opens_on_patterns_with_the_bug_logged(
    qtbot: QtBot,
    preferences: Preferences,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    log_dir: Path,
    bug: Exception,
) -> None:
    """Start on Patterns (a bug planted by the caller): the diary opens there with its real
    figures, nothing is told or shown, the app stays, and the bug is logged by its type,
    never its message."""
    told: list[str] = []
    monkeypatch.setattr(cramplog_app, "tell", lambda _p, _t, text: told.append(text))
    shown_errors: list[Path] = []  # the app's error hook, as it runs: its dialogs noted
    hook = ExceptionHook(log_dir=log_dir, show=shown_errors.append)
    exits = leaving(monkeypatch)
    window = on_patterns(qtbot, preferences)
    hook.install()
    opening = cramplog_app.DiaryOpening(window, folder, sample=True)
    window.show()
    try:
        qtbot.wait_until(lambda: window.attached, timeout=20_000)
        page = window.pages.currentWidget()
        assert isinstance(page, PatternsPage) and page is window.patterns_page
        qtbot.wait_until(lambda: page.stats is not None and page.stats.episodes > 0)
        episodes = next(tile for tile in page.tiles if tile.headline.key == "episodes")
        assert page.stats is not None and episodes.value.text() == str(page.stats.episodes)
        assert told == [] and shown_errors == [] and exits == []
        logged = bug_log.log_file(log_dir).read_text(encoding="utf-8")
        assert f"builtins.{type(bug).__name__} (message withheld)" in logged
        assert str(bug.args[0]) not in logged  # never the message
    finally:
        hook.uninstall()
        window.close()
        opening.stop()
        if opening.diary is not None:
            opening.diary.close()


@pytest.mark.parametrize(
    ("broken_step", "bug"),
    [
        # The first figures, read from the file before the diary opens.
        ("first_figures", KeyError("a bug in the first figures")),
        # No figures from the file (as for a diary that needs bringing up to date), so the
        # worker reads ahead on the open diary instead; that read-ahead has a bug.
        ("read_ahead", IndexError("a bug in the read-ahead")),
    ],
)
def test_a_bug_in_a_step_ahead_of_the_diary_is_logged_and_patterns_opens_all_the_same(
    qtbot: QtBot,
    preferences: Preferences,
    weeks_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
    _bug_log_in_a_temporary_folder: Path,
    broken_step: str,
    bug: Exception,
) -> None:
    if broken_step == "read_ahead":
        monkeypatch.setattr(patterns_first, "first_figures", lambda _diary: None)

    def broken(_diary: object) -> None:
        raise bug

    monkeypatch.setattr(patterns_first, broken_step, broken)
    opens_on_patterns_with_the_bug_logged(
        qtbot, preferences, weeks_of_cramps, monkeypatch, _bug_log_in_a_temporary_folder, bug
    )


def test_a_diary_that_fails_to_open_after_its_figures_painted_is_told_and_the_app_leaves(
    qtbot: QtBot,
    preferences: Preferences,
    weeks_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.core.errors import StorageError
    from cramplog.diary import first_screen

    window = on_patterns(qtbot, preferences)
    figures_painted: list[bool] = []

    def locked(*_args: object) -> None:
        figures_painted.append(opening._place_painted_early)  # a plain flag: safe to read
        raise StorageError("The diary is locked by another program.")

    monkeypatch.setattr(first_screen, "open_with_list", locked)
    told: list[str] = []
    monkeypatch.setattr(cramplog_app, "tell", lambda _p, _t, text: told.append(text))
    exits = leaving(monkeypatch)
    opening = cramplog_app.DiaryOpening(window, weeks_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: exits == [1], timeout=20_000)
    assert figures_painted == [True]  # the failure came after the figures' paint
    page = window.pages.currentWidget()
    assert isinstance(page, PatternsPage) and page.stats is not None and page.stats.episodes
    assert told == ["The diary is locked by another program."]
    assert opening.diary is None and not window.attached


def test_not_now_while_the_diary_is_still_opening_keeps_the_banner_away_once_it_opens(
    qtbot: QtBot,
    preferences: Preferences,
    weeks_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.diary import first_screen

    # Three mornings after the sample's last night: three nights to review.
    monkeypatch.setenv(setting_values.PINNED_NOW_ENV, "2026-03-14T09:30:00")
    release = threading.Event()
    open_with_list = first_screen.open_with_list

    def slow(*args: Any) -> Any:
        assert release.wait(20)
        return open_with_list(*args)

    monkeypatch.setattr(first_screen, "open_with_list", slow)
    window = on_patterns(qtbot, preferences)
    opening = cramplog_app.DiaryOpening(window, weeks_of_cramps, sample=False)
    window.show()
    try:
        qtbot.wait_until(lambda: offered(window), timeout=20_000)
        assert not window.attached
        qtbot.mouseClick(window.banner.later_button, Qt.MouseButton.LeftButton)
        release.set()
        qtbot.wait_until(lambda: window.attached, timeout=20_000)
        qtbot.wait(50)
        assert not window.banner.isVisible()
    finally:
        release.set()
        window.close()
        opening.stop()
        if opening.diary is not None:
            opening.diary.close()
