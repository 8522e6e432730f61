"""The first window: it opens on a diary, lists the cramps, and says which file it shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cramplog import __version__, sample
from cramplog.diary import Diary
from cramplog.records import EpisodeInput, Side
from cramplog.ui.about import AboutDialog
from cramplog.ui.episode_model import NOTES
from cramplog.ui.main_window import MainWindow
from tests.conftest import LONDON, NOW


@pytest.fixture
def sample_diary(tmp_path: Path) -> Iterator[Diary]:
    data_dir = tmp_path / "sample"
    sample.create_sample_diary(
        data_dir, size=sample.SampleSize(years=0.25, episodes_per_week=3), seed=7
    )
    opened = Diary.open(data_dir, clock=lambda: NOW)
    yield opened
    opened.close()


def test_the_window_lists_every_cramp_newest_first_and_names_the_file(
    qtbot: QtBot, sample_diary: Diary
) -> None:
    window = MainWindow(sample_diary, sample=True)
    qtbot.add_widget(window)
    window.show()
    qtbot.wait_exposed(window)
    episodes = sample_diary.list_episodes()
    assert window.table.model().rowCount() == len(episodes) > 10
    newest = episodes[-1]
    first_row = [window.table.model().index(0, column).data() for column in range(3)]
    assert first_row[1] == f"{newest.start_local:%H:%M}"
    assert first_row[2] == sample_diary.label(newest.muscle)
    assert "sample" in window.windowTitle().lower()
    assert window.path_label.text() == str(sample_diary.path)


def test_html_in_notes_is_shown_literally(qtbot: QtBot, diary: Diary) -> None:
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON),
            muscle="muscle.calf",
            side=Side.LEFT,
            notes="<b>bold?</b> <img src='file:///etc/passwd'>",
        )
    )
    window = MainWindow(diary)
    qtbot.add_widget(window)
    cell = window.table.model().index(0, NOTES)
    assert cell.data() == "<b>bold?</b> <img src='file:///etc/passwd'>"
    assert "sample" not in window.windowTitle().lower()


def test_about_names_the_version_the_diary_and_not_a_medical_device(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = AboutDialog(diary.path)
    qtbot.add_widget(dialog)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"cramplog {__version__}" in shown
    assert "Not a medical device" in shown
    assert str(diary.path) in shown
