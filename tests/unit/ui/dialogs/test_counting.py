"""Help → How cramplog counts: the rules in plain words, with this diary's own settings."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cramplog.core import nights
from cramplog.diary.service import Diary
from cramplog.ui.dialogs.counting import CountingDialog, explanations


def test_the_explanation_covers_every_rule_in_plain_text(qtbot: QtBot, diary: Diary) -> None:
    dialog = CountingDialog(diary)
    qtbot.add_widget(dialog)
    text = "\n".join(p.text() for p in dialog.paragraphs)
    assert all(p.textFormat() is Qt.TextFormat.PlainText for p in dialog.paragraphs)
    for words in (
        "from 12:00 one day to 12:00 the next",  # the default day boundary
        "under the night of Tuesday",
        "How was last night?",
        "logging span",
        "never guesses",
        "fewer than 7 recorded nights",
        "times seven",
        "22:00 to 08:00",  # the default sleep hours
        "woke you",
        "Review any night",
        "listed as “time not noted”",  # cramps noted by date only
    ):
        assert words in text


def test_the_explanation_follows_the_diarys_settings() -> None:
    # With the day starting at midnight, 3 a.m. on Wednesday is Wednesday's night.
    text = " ".join(p for _, p in explanations(0, nights.SleepHours(time(23, 30), time(6, 45))))
    assert "from 00:00 one day to 00:00 the next" in text
    assert "under the night of Wednesday" in text
    assert "23:30 to 06:45" in text
