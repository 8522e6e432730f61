"""The app looks its texts up when it shows them: in a marked pseudo-language every window,
dialog, label, button, menu action and title shows the marks.

The catalogue is installed after every module of ui/ was imported, so a text fixed at import
time (a module constant used without `_()` where shown) stays unmarked and fails here, as does
one that bypassed `_()` altogether. What is not a message is left out: the person's own data
(muscle and trigger names from the checklist, medicines, notes, dates, numbers, paths) and the
app's name.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cramplog import __version__
from cramplog.core import translation, units
from cramplog.core.records import Exercise, Hydration, ReliefRating, Side, TakenFor
from cramplog.diary.service import Diary
from cramplog.ui.preferences import Preferences
from tests.unit.ui import screens

OPEN, CLOSE = "⟦", "⟧"
# Labels the places fill with sentences written on the lower floors (analysis's statistics and
# warning signs, the report's sections, exchange's import findings, core.wording's counts such
# as "95 rows"): those floors put them through the catalogue themselves (the "tr-lower" and
# "pdf" work of issue 15); ui/ only places them. Drop a name here once its floor is converted.
COUNT = re.compile(r"^\d[\d,]* [a-z-]+$")  # core.wording.count alone: "95 rows"


class Marked(gettext.NullTranslations):
    """A language in which every message is the English one between ⟦ and ⟧."""

    def gettext(self, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    opened = screens.sample_diary(tmp_path_factory.mktemp("screens") / "data")
    yield opened
    opened.close()


@pytest.fixture
def marked() -> Iterator[None]:
    translation.install(Marked())
    yield
    translation.install(gettext.NullTranslations())


def own_data(diary: Diary) -> set[str]:
    """Texts that are the person's data or the checklist's (translated by its own file)."""
    labels = {item.label for item in diary.checklist.items}
    labels |= {group.label for group in diary.checklist.groups}
    medicines = {m.name for m in diary.list_medications()}
    # The lower floors' words (sides, levels, ratings, units) are translated there, not in ui/.
    kinds = (Side, Hydration, Exercise, ReliefRating, TakenFor)
    lower = {member.label for kind in kinds for member in kind}
    lower |= {rule.name for rule in units.RULES.values()}
    return labels | medicines | lower | {f"cramplog {__version__}"}


def is_data(text: str, data: set[str]) -> bool:
    """No words of the app's own: numbers and dates, a path, the person's or the checklist's."""
    bare = text.replace("&", "").strip()
    if not re.search(r"[^\W\d_]{2,}", bare) or bare.startswith(("/", "~")):
        return True
    return bare in data or bare.rstrip("…") in data or COUNT.match(bare) is not None


def shown_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for the window's title and every label, button and action it shows."""
    yield "title", top.windowTitle()
    for widget in top.findChildren(QLabel):
        if widget.isVisibleTo(top) and widget.text().strip():
            yield f"QLabel {widget.objectName()}", widget.text()
    for button in top.findChildren(QAbstractButton):
        if qt_standard(button):
            continue  # OK, Cancel, Close…: Qt's own words, in Qt's own translations
        if button.isVisibleTo(top) and button.text().strip():
            yield f"{type(button).__name__} {button.objectName()}", button.text()
    for action in top.findChildren(QAction):
        if not action.isSeparator() and action.text().strip():
            yield "QAction", action.text()


def qt_standard(button: QAbstractButton) -> bool:
    box = button.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and isinstance(button, QPushButton)
        and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def unmarked(top: QWidget, data: set[str]) -> list[str]:
    return sorted(
        f"{what}: {text!r}"
        for what, text in shown_texts(top)
        if OPEN not in text and not is_data(text, data)
    )


def marked_data(top: QWidget, names: set[str]) -> list[str]:
    """Texts that are a medicine's name or the person's own word, wrongly looked up."""
    return sorted(
        f"{what}: {text!r}"
        for what, text in shown_texts(top)
        if text.startswith(OPEN) and text.replace("&", "").strip(OPEN + CLOSE) in names
    )


def names_of_things(diary: Diary) -> set[str]:
    # The checklist's own words are translated where shown (its template comes from
    # scripts/checklist_pot.py); a medicine's name and the person's own words never are.
    own = {item.label for item in diary.custom_items()}
    return own | {m.name for m in diary.list_medications()}


def test_the_main_window_and_every_place_show_looked_up_texts(
    qtbot: QtBot, diary: Diary, preferences: Preferences, marked: None
) -> None:
    window = screens.open_window(qtbot, diary, preferences)
    data = own_data(diary)
    found = {name: unmarked(top, data) for name, top in screens.places(window)}
    assert OPEN in window.windowTitle()
    assert len(list(shown_texts(window))) > 40  # menus, places, buttons: a real window
    assert {name: texts for name, texts in found.items() if texts} == {}
    assert marked_data(window, names_of_things(diary)) == []


@pytest.mark.parametrize("name", screens.DIALOGS)
def test_every_dialog_shows_looked_up_texts(
    qtbot: QtBot, diary: Diary, preferences: Preferences, marked: None, name: str
) -> None:
    window = screens.open_window(qtbot, diary, preferences)
    dialog = screens.open_dialog(qtbot, window, name)
    assert OPEN in dialog.windowTitle() or name == "something went wrong"
    assert unmarked(dialog, own_data(diary)) == []
    assert marked_data(dialog, names_of_things(diary)) == []


def test_without_a_catalogue_the_texts_are_the_english_as_written(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = screens.open_window(qtbot, diary, preferences)
    texts = [text for _what, text in shown_texts(window)]
    assert not any(OPEN in text for text in texts)
    assert "&Log cramp" in texts and "&Help" in texts
    dialog = screens.open_dialog(qtbot, window, "night review")
    assert dialog.windowTitle() == "Review a night"


def test_the_marked_pseudo_language_is_no_accident(tmp_path: Path) -> None:
    """The catalogue the tests install is what `_()` consults."""
    translation.install(Marked())
    try:
        assert translation._("Save") == "⟦Save⟧"
        assert translation.n_("{n} cramp", "{n} cramps", 2) == "⟦{n} cramps⟧"
    finally:
        translation.install(gettext.NullTranslations())
    assert translation._("Save") == "Save"
