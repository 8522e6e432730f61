"""Windows open within the screen: a small laptop's screen keeps every button on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.episode_form import EpisodeDialog
from cramplog.ui.forms.night_review import NightReviewDialog
from cramplog.ui.main_window import MainWindow
from cramplog.ui.preferences import Preferences
from tests.unit.ui import screens


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Diary]:
    diary = screens.sample_diary(tmp_path / "sample")
    yield diary
    diary.close()


def within_screen(widget: QWidget) -> bool:
    room = widget.screen().availableGeometry()
    least = widget.minimumSizeHint()
    return widget.width() <= max(room.width(), least.width()) and widget.height() <= max(
        room.height(), least.height()
    )


def test_the_main_window_first_opens_within_the_screen(
    qtbot: QtBot, preferences: Preferences
) -> None:
    # With no size remembered it opened 1180 × 720 whatever the screen.
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    window.show()
    qtbot.wait_exposed(window)
    assert window.screen().availableGeometry().width() < 1180  # the test screen is small
    assert within_screen(window)


def test_the_import_dialog_opens_within_the_screen(
    qtbot: QtBot, sample: Diary, preferences: Preferences
) -> None:
    # It opened 1100 × 760 on any screen.
    window = screens.open_window(qtbot, sample, preferences)
    dialog = screens.open_dialog(qtbot, window, "import preview")
    assert within_screen(dialog)


class ShortLaptop:
    """A 1024 × 600 screen less a panel: the test platform's own screen is 800 × 800."""

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, 1024, 560)


def test_on_a_short_laptop_the_cramp_form_and_the_night_review_open_within_it(
    qtbot: QtBot, sample: Diary, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both opened 700 pixels high whatever the screen: Save and Cancel below its edge.
    for kind in (EpisodeDialog, NightReviewDialog):
        monkeypatch.setattr(kind, "screen", lambda _self: ShortLaptop())
    editor = DiaryEditor(sample)
    form = EpisodeDialog(editor, preferences)
    review = NightReviewDialog(editor, preferences, sample.last_night())
    for dialog in (form, review):
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.wait_exposed(dialog)
        assert dialog.height() <= 560
        assert dialog.height() >= dialog.minimumSizeHint().height()
