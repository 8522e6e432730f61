"""Your own words: add, rename and hide custom muscles, triggers and reliefs, each undoable;
duplicates refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput, Side, VocabularyKind
from cramplog.diary.service import Diary
from cramplog.ui import editor as editing
from cramplog.ui.dialogs import own_words
from cramplog.ui.dialogs.own_words import HIDDEN_SUFFIX, OwnWordsDialog, WordList
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages.diary_page import DiaryPage
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.episode_rows import MUSCLE
from tests.conftest import NOW


@pytest.fixture
def editor(diary: Diary) -> Iterator[DiaryEditor]:
    made = DiaryEditor(diary)
    yield made
    made.deleteLater()


@pytest.fixture
def dialog(qtbot: QtBot, editor: DiaryEditor) -> OwnWordsDialog:
    shown = OwnWordsDialog(editor)
    qtbot.add_widget(shown)
    shown.show()
    qtbot.wait_exposed(shown)
    return shown


def shown_words(words: WordList) -> list[str]:
    return [
        words.list.item(row).text()
        for row in range(words.list.count())
        if words.list.item(row).flags() & Qt.ItemFlag.ItemIsSelectable
    ]


def add(qtbot: QtBot, dialog: OwnWordsDialog, words: WordList, text: str) -> None:
    """Type a new word in its tab and press Enter, as a person would."""
    dialog.tabs.setCurrentWidget(words)
    words.new_edit.setFocus()
    words.new_edit.clear()
    qtbot.keyClicks(words.new_edit, text)
    qtbot.keyClick(words.new_edit, Qt.Key.Key_Return)


def answer_rename_with(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> list[str]:
    asked: list[str] = []

    def ask(_parent: object, _title: str, label: str, _text: str) -> str | None:
        asked.append(label)
        return answer

    monkeypatch.setattr(own_words, "ask_text", ask)
    return asked


def test_there_is_a_tab_for_muscles_triggers_and_reliefs(dialog: OwnWordsDialog) -> None:
    titles = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert titles == ["Muscles", "Triggers", "Reliefs"]
    muscles = dialog.lists[VocabularyKind.MUSCLE]
    assert muscles.list.item(0).text() == "No muscles of your own yet."
    assert not muscles.rename_button.isEnabled() and not muscles.hide_button.isEnabled()


def test_the_none_yet_line_is_drawn_as_text_to_read_and_cannot_be_chosen(
    qtbot: QtBot, dialog: OwnWordsDialog
) -> None:
    # It was a disabled item, drawn in the faint disabled colour (3.7:1 on white).
    muscles = dialog.lists[VocabularyKind.MUSCLE]
    line = muscles.list.item(0)
    dialog.show()
    qtbot.wait_exposed(dialog)
    box = muscles.list.visualItemRect(line)
    image = muscles.list.viewport().grab(box).toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    background = max(set(c.rgb() for c in colours), key=[c.rgb() for c in colours].count)
    darkest = min(colours, key=theme.relative_luminance)
    assert theme.contrast_ratio(darkest, QColor.fromRgb(background)) >= 4.5
    assert line.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not line.flags() & Qt.ItemFlag.ItemIsSelectable
    muscles.list.setCurrentItem(line)
    qtbot.mouseClick(
        muscles.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=muscles.list.visualItemRect(line).center(),
    )
    assert muscles.list.selectedItems() == []
    assert muscles.current_word() is None
    assert not muscles.rename_button.isEnabled() and not muscles.hide_button.isEnabled()


def test_add_a_trigger_with_enter(
    qtbot: QtBot, dialog: OwnWordsDialog, editor: DiaryEditor, diary: Diary
) -> None:
    triggers = dialog.lists[VocabularyKind.TRIGGER]
    with qtbot.wait_signal(editor.changed) as changed:
        add(qtbot, dialog, triggers, "  Night   shift ")
    assert changed.args == [editing.VOCABULARY]
    stored = diary.custom_items(VocabularyKind.TRIGGER)
    assert [(w.label, w.hidden) for w in stored] == [("Night shift", False)]
    assert stored[0].code in diary.codes("trigger")
    assert shown_words(triggers) == ["Night shift"]
    assert triggers.new_edit.text() == ""
    assert not triggers.error.isVisible()  # Enter added once, and pressed nothing else
    assert triggers.status.text() == "Added “Night shift”."


def test_rename_a_muscle_and_past_cramps_show_the_new_name(
    qtbot: QtBot, dialog: OwnWordsDialog, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    muscles = dialog.lists[VocabularyKind.MUSCLE]
    add(qtbot, dialog, muscles, "Shin")
    code = diary.custom_items(VocabularyKind.MUSCLE)[0].code
    cramp = diary.add_episode(
        EpisodeInput(start=NOW - timedelta(hours=7), muscle=code, side=Side.LEFT)
    )

    asked = answer_rename_with(monkeypatch, "Front of the shin")
    muscles.list.setCurrentRow(0)
    qtbot.mouseClick(muscles.rename_button, Qt.MouseButton.LeftButton)

    assert asked == ["New name for “Shin”:"]
    assert shown_words(muscles) == ["Front of the shin"]
    # The stored cramp still points at the same word, which now reads differently.
    assert diary.get_episode(cramp.id).muscle == code
    assert diary.label(code) == "Front of the shin"
    assert "Past cramps show the new name" in muscles.status.text()


def test_a_change_of_case_is_a_rename_not_a_duplicate(
    qtbot: QtBot, dialog: OwnWordsDialog, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    reliefs = dialog.lists[VocabularyKind.RELIEF]
    add(qtbot, dialog, reliefs, "pickle juice")
    answer_rename_with(monkeypatch, "Pickle juice")
    reliefs.list.setCurrentRow(0)
    reliefs.rename_word()
    assert [w.label for w in diary.custom_items(VocabularyKind.RELIEF)] == ["Pickle juice"]
    assert not reliefs.error.isVisible()


def test_cancelling_a_rename_changes_nothing(
    qtbot: QtBot, dialog: OwnWordsDialog, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    reliefs = dialog.lists[VocabularyKind.RELIEF]
    add(qtbot, dialog, reliefs, "Pickle juice")
    answer_rename_with(monkeypatch, None)
    reliefs.list.setCurrentRow(0)
    reliefs.rename_word()
    assert [w.label for w in diary.custom_items(VocabularyKind.RELIEF)] == ["Pickle juice"]


def test_hide_keeps_the_word_on_past_cramps_and_show_offers_it_again(
    qtbot: QtBot, dialog: OwnWordsDialog, diary: Diary
) -> None:
    triggers = dialog.lists[VocabularyKind.TRIGGER]
    add(qtbot, dialog, triggers, "Long flight")
    code = diary.custom_items(VocabularyKind.TRIGGER)[0].code
    cramp = diary.add_episode(
        EpisodeInput(start=NOW - timedelta(hours=7), muscle="muscle.calf", triggers=(code,))
    )
    triggers.list.setCurrentRow(0)
    assert triggers.hide_button.text() == "&Hide"
    qtbot.mouseClick(triggers.hide_button, Qt.MouseButton.LeftButton)

    assert diary.custom_items(VocabularyKind.TRIGGER)[0].hidden
    assert shown_words(triggers) == ["Long flight" + HIDDEN_SUFFIX]
    assert triggers.list.item(0).font().italic()
    assert triggers.hide_button.text() == "S&how"
    assert diary.get_episode(cramp.id).triggers == (code,)
    assert diary.label(code) == "Long flight"

    qtbot.mouseClick(triggers.hide_button, Qt.MouseButton.LeftButton)
    assert not diary.custom_items(VocabularyKind.TRIGGER)[0].hidden
    assert shown_words(triggers) == ["Long flight"]


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (VocabularyKind.TRIGGER, "night SHIFT", "“Night shift” is already in your triggers."),
        (VocabularyKind.MUSCLE, "calf", "“Calf” is already one of the built-in muscles."),
        (VocabularyKind.RELIEF, "   ", "Type the relief method first."),
        (VocabularyKind.RELIEF, "x" * 201, "too long (201 characters; the limit is 200)"),
    ],
)
def test_duplicate_empty_and_huge_words_are_refused(
    qtbot: QtBot,
    dialog: OwnWordsDialog,
    diary: Diary,
    kind: VocabularyKind,
    typed: str,
    message: str,
) -> None:
    add(qtbot, dialog, dialog.lists[VocabularyKind.TRIGGER], "Night shift")
    before = diary.custom_items()
    words = dialog.lists[kind]
    dialog.tabs.setCurrentWidget(words)
    words.new_edit.setText(typed)
    qtbot.mouseClick(words.add_button, Qt.MouseButton.LeftButton)
    assert words.error.isVisible()
    assert message in words.error.text()
    assert diary.custom_items() == before
    assert words.new_edit.text() == typed  # kept, to be corrected


def test_a_hidden_duplicate_says_how_to_bring_it_back(qtbot: QtBot, dialog: OwnWordsDialog) -> None:
    triggers = dialog.lists[VocabularyKind.TRIGGER]
    add(qtbot, dialog, triggers, "Night shift")
    triggers.list.setCurrentRow(0)
    triggers.toggle_hidden()
    add(qtbot, dialog, triggers, "Night shift")
    assert "hidden" in triggers.error.text() and "Show" in triggers.error.text()


def test_renaming_onto_another_word_is_refused(
    qtbot: QtBot, dialog: OwnWordsDialog, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    triggers = dialog.lists[VocabularyKind.TRIGGER]
    add(qtbot, dialog, triggers, "Long flight")
    add(qtbot, dialog, triggers, "Night shift")
    answer_rename_with(monkeypatch, "long flight")
    triggers.list.setCurrentRow(shown_words(triggers).index("Night shift"))
    triggers.rename_word()
    assert triggers.error.text() == "“Long flight” is already in your triggers."
    assert sorted(w.label for w in diary.custom_items(VocabularyKind.TRIGGER)) == [
        "Long flight",
        "Night shift",
    ]


# -- undo -----------------------------------------------------------------------------------


def rename_first(monkeypatch: pytest.MonkeyPatch, words: WordList, answer: str) -> None:
    """Choose the first word of the list, press Rename… and answer `answer`."""
    answer_rename_with(monkeypatch, answer)
    words.list.setCurrentRow(0)
    words.rename_word()


def offered(diary: Diary, kind: str) -> list[str]:
    """The person's own words a cramp form's checklist offers (the "Your own" group)."""
    groups = dict(widgets.vocabulary_groups(diary, kind))
    return [choice.label for choice in groups.get("Your own", ())]


def test_undo_takes_back_an_added_word_and_redo_brings_back_the_same_word(
    qtbot: QtBot, dialog: OwnWordsDialog, editor: DiaryEditor, diary: Diary
) -> None:
    triggers = dialog.lists[VocabularyKind.TRIGGER]
    add(qtbot, dialog, triggers, "Cold bedroom")
    [added] = diary.custom_items(VocabularyKind.TRIGGER)
    assert editor.undo_stack.undoText() == "add “Cold bedroom”"
    assert offered(diary, "trigger") == ["Cold bedroom"]

    with qtbot.wait_signal(editor.changed) as changed:
        editor.undo_stack.undo()
    assert changed.args == [editing.VOCABULARY]
    assert diary.custom_items() == []
    assert added.code not in diary.codes("trigger")
    assert offered(diary, "trigger") == []
    assert shown_words(triggers) == []  # the open list follows
    assert triggers.status.text() == ""  # no longer "Added “Cold bedroom”."

    editor.undo_stack.redo()
    assert diary.custom_items(VocabularyKind.TRIGGER) == [added]  # same code: later steps find it
    assert shown_words(triggers) == ["Cold bedroom"]
    # Typing it again after an undo is an add like any other, not a hidden duplicate.
    editor.undo_stack.undo()
    add(qtbot, dialog, triggers, "Cold bedroom")
    assert not triggers.error.isVisible() and shown_words(triggers) == ["Cold bedroom"]


def test_rename_then_undo_and_the_checklist_shows_the_old_name_again(
    qtbot: QtBot,
    dialog: OwnWordsDialog,
    editor: DiaryEditor,
    diary: Diary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    triggers = dialog.lists[VocabularyKind.TRIGGER]
    add(qtbot, dialog, triggers, "Cold bedroom")
    rename_first(monkeypatch, triggers, "Cold room")
    assert offered(diary, "trigger") == ["Cold room"]
    assert editor.undo_stack.undoText() == "rename “Cold bedroom” to “Cold room”"

    editor.undo_stack.undo()
    assert offered(diary, "trigger") == ["Cold bedroom"]
    assert shown_words(triggers) == ["Cold bedroom"]
    editor.undo_stack.redo()
    assert offered(diary, "trigger") == ["Cold room"]


def test_undoing_a_rename_puts_the_old_name_back_on_past_cramps_in_the_diary_list(
    qtbot: QtBot,
    dialog: OwnWordsDialog,
    editor: DiaryEditor,
    diary: Diary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    muscles = dialog.lists[VocabularyKind.MUSCLE]
    add(qtbot, dialog, muscles, "Shin")
    [shin] = diary.custom_items(VocabularyKind.MUSCLE)
    editor.add_episode(EpisodeInput(start=NOW - timedelta(hours=7), muscle=shin.code))
    page = DiaryPage(editor)
    qtbot.add_widget(page)
    page.show()

    def listed() -> list[str]:
        return [page.model.index(row, MUSCLE).data() for row in range(page.model.rowCount())]

    rename_first(monkeypatch, muscles, "Front of the shin")
    qtbot.wait_until(lambda: listed() == ["Front of the shin"])  # reloaded once, just after
    editor.undo_stack.undo()
    qtbot.wait_until(lambda: listed() == ["Shin"])


def test_undo_offers_a_hidden_word_again(
    qtbot: QtBot, dialog: OwnWordsDialog, editor: DiaryEditor, diary: Diary
) -> None:
    reliefs = dialog.lists[VocabularyKind.RELIEF]
    add(qtbot, dialog, reliefs, "Pickle juice")
    reliefs.list.setCurrentRow(0)
    reliefs.toggle_hidden()
    assert offered(diary, "relief") == []
    assert editor.undo_stack.undoText() == "hide “Pickle juice”"

    editor.undo_stack.undo()
    assert offered(diary, "relief") == ["Pickle juice"]
    assert shown_words(reliefs) == ["Pickle juice"]
    assert reliefs.hide_button.text() == "&Hide"


def test_a_refused_word_leaves_nothing_to_undo(
    qtbot: QtBot, dialog: OwnWordsDialog, editor: DiaryEditor
) -> None:
    muscles = dialog.lists[VocabularyKind.MUSCLE]
    add(qtbot, dialog, muscles, "calf")
    assert muscles.error.isVisible()
    assert editor.undo_stack.count() == 0
