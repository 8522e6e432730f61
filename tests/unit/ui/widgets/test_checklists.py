"""The relief picker in another language: the person's own words keep their heading."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cramplog.core import translation
from cramplog.ui.widgets.checklists import ReliefPicker
from cramplog.ui.widgets.choices import Choice


class Marked(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"


@pytest.fixture
def marked() -> Iterator[None]:
    translation.install(Marked())
    yield
    translation.install(gettext.NullTranslations())


def headings(picker: ReliefPicker) -> list[str]:
    return [label.text() for label in picker.findChildren(QLabel)]


@pytest.mark.usefixtures("marked")
def test_own_relief_methods_keep_their_heading_in_another_language(qtbot: QtBot) -> None:
    picker = ReliefPicker()
    qtbot.add_widget(picker)
    built_in = Choice("relief.stretch", "Stretching")
    own = Choice("custom.relief.pickle", "Pickle juice", own=True)
    # The group's heading is made in the same language as the picker's check (choices.py).
    picker.set_choices([("", (built_in,)), (translation._("Your own"), (own,))])
    assert headings(picker) == ["⟦Your own⟧"]
    assert picker.codes() == ["relief.stretch", "custom.relief.pickle"]


def test_own_relief_methods_have_their_heading_in_english(qtbot: QtBot) -> None:
    picker = ReliefPicker()
    qtbot.add_widget(picker)
    own = Choice("custom.relief.pickle", "Pickle juice", own=True)
    picker.set_choices([("Your own", (own,))])
    assert headings(picker) == ["Your own"]
