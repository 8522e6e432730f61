"""Treatments: add, change, stop and delete medicines with undo; the reference flag; bad input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cramplog.core.records import MedicationInput, TakenFor
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.medication_form import FLAG_TEXT, MedicationDialog, StopMedicationDialog
from cramplog.ui.pages import treatments_page
from cramplog.ui.pages.treatments_page import (
    CLASS,
    CURRENT_TEXT,
    DOSE,
    NAME,
    NOTE,
    STOPPED,
    TABLE_FLAG_TEXT,
    TreatmentsPage,
)
from tests.conftest import NOW

STATINS = "medication_class.cholesterol"
MAGNESIUM = "medication_class.magnesium_supplement"
TODAY = NOW.date()


@pytest.fixture
def editor(diary: Diary) -> Iterator[DiaryEditor]:
    made = DiaryEditor(diary)
    yield made
    made.deleteLater()


@pytest.fixture
def page(qtbot: QtBot, editor: DiaryEditor) -> Iterator[TreatmentsPage]:
    shown = TreatmentsPage(editor)
    qtbot.add_widget(shown)
    shown.resize(1000, 600)
    shown.show()
    qtbot.wait_exposed(shown)
    yield shown
    # A form a test left open would stay the app's modal window into the next test.
    if shown.active_dialog is not None:
        shown.active_dialog.reject()


def cell(
    page: TreatmentsPage, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> Any:
    return page.model.data(page.model.index(row, column), role)


def open_add_form(qtbot: QtBot, page: TreatmentsPage) -> MedicationDialog:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, MedicationDialog)
    qtbot.wait_exposed(dialog)
    return dialog


def save(qtbot: QtBot, dialog: MedicationDialog | StopMedicationDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_empty_diary_invites_the_person_to_add_a_medicine(
    qtbot: QtBot, page: TreatmentsPage
) -> None:
    assert page.stack.currentIndex() == 0
    assert page.empty_heading.text() == "No medicines or supplements yet"
    assert page.empty_heading.isVisible() and not page.button_row.isVisible()
    qtbot.mouseClick(page.empty_add_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.active_dialog, MedicationDialog)


def test_add_a_statin_then_undo_and_redo(
    qtbot: QtBot, page: TreatmentsPage, editor: DiaryEditor, diary: Diary
) -> None:
    dialog = open_add_form(qtbot, page)
    qtbot.keyClicks(dialog.name_edit, "Atorvastatin")
    qtbot.keyClicks(dialog.dose_edit, "20 mg at night")
    # The class is suggested from the name, and its flag and explanation show at once.
    assert dialog.chosen_class() == STATINS
    assert dialog.class_flag_text.isVisibleTo(dialog)
    assert dialog.class_flag_text.text() == FLAG_TEXT
    assert "Statins" in dialog.class_explanation.text()
    with qtbot.wait_signal(dialog.finished):
        save(qtbot, dialog)

    stored = diary.list_medications()
    assert [(m.name, m.dose, m.med_class, m.started_on, m.stopped_on) for m in stored] == [
        ("Atorvastatin", "20 mg at night", STATINS, TODAY, None)
    ]
    assert page.stack.currentIndex() == 1
    assert cell(page, 0, NAME) == "Atorvastatin"
    assert cell(page, 0, STOPPED) == CURRENT_TEXT
    assert cell(page, 0, CLASS) == "Cholesterol-lowering medicines (statins)"
    # The neutral flag: a marker, short text, and the explanation in the tooltip and details.
    assert cell(page, 0, NOTE) == TABLE_FLAG_TEXT
    assert not cell(page, 0, NOTE, Qt.ItemDataRole.DecorationRole).isNull()
    tooltip = str(cell(page, 0, NOTE, Qt.ItemDataRole.ToolTipRole))
    assert "discuss with your GP" in tooltip and "do not stop on your own" in tooltip
    assert page.selected() == stored[0]
    assert page.details.flag_text.isVisibleTo(page) and page.details.flag_text.text() == FLAG_TEXT
    assert "Statins and other cholesterol-lowering" in page.details.explanation.text()

    editor.undo_stack.undo()
    assert diary.list_medications() == []
    assert page.model.rowCount() == 0 and page.stack.currentIndex() == 0

    editor.undo_stack.redo()
    assert [m.uuid for m in diary.list_medications()] == [stored[0].uuid]
    assert cell(page, 0, NAME) == "Atorvastatin"


def test_magnesium_is_not_flagged(qtbot: QtBot, page: TreatmentsPage, diary: Diary) -> None:
    dialog = open_add_form(qtbot, page)
    qtbot.keyClicks(dialog.name_edit, "Magnesium citrate")
    assert dialog.chosen_class() == MAGNESIUM
    assert not dialog.class_flag_text.isVisibleTo(dialog)
    dialog.for_cramps.click()
    with qtbot.wait_signal(dialog.finished):
        save(qtbot, dialog)

    assert diary.list_medications()[0].taken_for is TakenFor.CRAMPS
    assert cell(page, 0, CLASS) == "Magnesium supplement"
    assert cell(page, 0, NOTE) == ""
    assert cell(page, 0, NOTE, Qt.ItemDataRole.DecorationRole) is None
    page.select_row(0)
    assert not page.details.flag_text.isVisibleTo(page)
    assert "supplement" in page.details.explanation.text()


def test_a_class_chosen_by_hand_is_not_overridden_by_the_name(
    qtbot: QtBot, page: TreatmentsPage
) -> None:
    dialog = open_add_form(qtbot, page)
    dialog.set_class("medication_class.other")
    dialog.class_combo.activated.emit(dialog.class_combo.currentIndex())
    qtbot.keyClicks(dialog.name_edit, "Simvastatin")
    assert dialog.chosen_class() == "medication_class.other"


def test_current_medicines_are_listed_before_stopped_ones(
    page: TreatmentsPage, editor: DiaryEditor
) -> None:
    editor.add_medication(
        MedicationInput(
            "Bendroflumethiazide", started_on=date(2025, 6, 1), stopped_on=date(2025, 9, 1)
        )
    )
    editor.add_medication(MedicationInput("Ramipril", started_on=date(2024, 5, 29)))
    editor.add_medication(MedicationInput("Vitamin D3"))
    names = [cell(page, row, NAME) for row in range(page.model.rowCount())]
    assert names == ["Ramipril", "Vitamin D3", "Bendroflumethiazide"]
    assert cell(page, 2, STOPPED) == "1 Sep 2025"


def test_stop_a_medicine_today_by_default_then_undo(
    qtbot: QtBot, page: TreatmentsPage, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_medication(MedicationInput("Ramipril", "5 mg", started_on=date(2024, 5, 29)))
    page.select_row(0)
    assert page.stop_button.isEnabled()
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, StopMedicationDialog)
    assert dialog.stopped_edit.date() == QDate(2026, 3, 12)
    dialog.stopped_edit.setDate(QDate(2026, 3, 10))
    with qtbot.wait_signal(dialog.finished):
        save(qtbot, dialog)

    assert diary.list_medications()[0].stopped_on == date(2026, 3, 10)
    assert cell(page, 0, STOPPED) == "10 Mar 2026"
    assert page.selected() is not None and not page.stop_button.isEnabled()

    editor.undo_stack.undo()
    assert diary.list_medications()[0].stopped_on is None
    assert cell(page, 0, STOPPED) == CURRENT_TEXT
    assert page.stop_button.isEnabled()


def test_edit_with_enter_changes_the_dose_and_undo_puts_it_back(
    qtbot: QtBot, page: TreatmentsPage, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_medication(MedicationInput("Atorvastatin", "20 mg", med_class=STATINS))
    page.select_row(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert isinstance(dialog, MedicationDialog)
    assert dialog.name_edit.text() == "Atorvastatin"
    assert dialog.chosen_class() == STATINS
    dialog.dose_edit.setText("40 mg")
    with qtbot.wait_signal(dialog.finished):
        save(qtbot, dialog)

    assert diary.list_medications()[0].dose == "40 mg"
    assert cell(page, 0, DOSE) == "40 mg"
    editor.undo_stack.undo()
    assert diary.list_medications()[0].dose == "20 mg"
    assert cell(page, 0, DOSE) == "20 mg"


def test_the_delete_key_deletes_and_undo_brings_it_back(
    qtbot: QtBot, page: TreatmentsPage, editor: DiaryEditor, diary: Diary
) -> None:
    kept = editor.add_medication(MedicationInput("Vitamin D3", "1000 IU"))
    gone = editor.add_medication(MedicationInput("Salbutamol inhaler"))
    page.select_row(page.model.row_of(gone.uuid) or 0)
    page.table.setFocus()
    with qtbot.wait_signal(page.message) as said:
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Salbutamol inhaler" in said.args[0]
    assert [m.uuid for m in diary.list_medications()] == [kept.uuid]
    assert [cell(page, row, NAME) for row in range(page.model.rowCount())] == ["Vitamin D3"]

    editor.undo_stack.undo()
    assert {m.uuid for m in diary.list_medications()} == {kept.uuid, gone.uuid}
    editor.undo_stack.redo()
    assert [m.uuid for m in diary.list_medications()] == [kept.uuid]


def test_a_medicine_already_gone_is_reported_not_crashed_on(
    page: TreatmentsPage, editor: DiaryEditor, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    medication = editor.add_medication(MedicationInput("Quinine"))
    page.select_row(0)
    diary.delete_medication(medication.id)  # e.g. by an import, behind the page's back
    shown: list[str] = []
    monkeypatch.setattr(treatments_page, "show_error", lambda _p, _t, text: shown.append(text))
    page.delete_medication()
    assert shown == ["That medicine is no longer in the diary."]
    assert editor.undo_stack.count() == 1  # only the add


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("x" * 300, "too long (300 characters; the limit is 200)"),
    ],
)
def test_a_bad_name_is_explained_beside_it_and_nothing_is_saved(
    qtbot: QtBot,
    page: TreatmentsPage,
    editor: DiaryEditor,
    diary: Diary,
    name: str,
    message: str,
) -> None:
    dialog = open_add_form(qtbot, page)
    dialog.name_edit.setText(name)
    qtbot.keyClicks(dialog.dose_edit, "5 mg")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.name_error.isVisibleTo(dialog)
    assert message in dialog.name_error.text()
    assert dialog.dose_edit.text() == "5 mg"  # the form is kept
    assert diary.list_medications() == []
    assert editor.undo_stack.count() == 0


def test_a_stop_date_before_the_start_is_explained_and_nothing_is_saved(
    qtbot: QtBot, page: TreatmentsPage, editor: DiaryEditor, diary: Diary
) -> None:
    dialog = open_add_form(qtbot, page)
    qtbot.keyClicks(dialog.name_edit, "Naproxen")
    dialog.started_edit.setDate(QDate(2026, 3, 1))
    dialog.still_taking.setChecked(False)
    dialog.stopped_edit.setDate(QDate(2026, 2, 1))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.stopped_error.text() == "The stop date is before the start date."
    assert not dialog.name_error.isVisibleTo(dialog)
    assert diary.list_medications() == [] and editor.undo_stack.count() == 0

    # Fixing the date clears the message, and the same form then saves.
    dialog.stopped_edit.setDate(QDate(2026, 3, 5))
    assert not dialog.stopped_error.isVisibleTo(dialog)
    with qtbot.wait_signal(dialog.finished):
        save(qtbot, dialog)
    assert diary.list_medications()[0].stopped_on == date(2026, 3, 5)


def test_a_start_date_may_be_unknown(qtbot: QtBot, page: TreatmentsPage, diary: Diary) -> None:
    dialog = open_add_form(qtbot, page)
    qtbot.keyClicks(dialog.name_edit, "Iron tablets")
    dialog.start_unknown.setChecked(True)
    assert not dialog.started_edit.isEnabled()
    with qtbot.wait_signal(dialog.finished):
        save(qtbot, dialog)
    assert diary.list_medications()[0].started_on is None
    assert cell(page, 0, treatments_page.STARTED) == "Not known"


def test_html_looking_names_and_notes_are_shown_literally(
    qtbot: QtBot, page: TreatmentsPage, editor: DiaryEditor
) -> None:
    name = "<b>Pill</b> <img src=x>"
    notes = "Take with <i>food</i> & water — لا تنسى 💊"
    editor.add_medication(MedicationInput(name, notes=notes))
    page.select_row(0)
    assert cell(page, 0, NAME) == name
    tooltip = str(cell(page, 0, NAME, Qt.ItemDataRole.ToolTipRole))
    assert "&lt;b&gt;Pill&lt;/b&gt;" in tooltip and "<b>" not in tooltip
    assert page.details.title.text() == name
    assert page.details.title.textFormat() is Qt.TextFormat.PlainText
    assert page.details.notes.text() == f"Notes: {notes}"
    assert page.details.notes.textFormat() is Qt.TextFormat.PlainText


def test_the_table_model_keeps_qts_rules(
    qtmodeltester: ModelTester, page: TreatmentsPage, editor: DiaryEditor
) -> None:
    editor.add_medication(MedicationInput("Atorvastatin", "20 mg", med_class=STATINS))
    editor.add_medication(MedicationInput("Magnesium", med_class=MAGNESIUM))
    editor.add_medication(MedicationInput("Old pill", stopped_on=date(2026, 1, 1)))
    qtmodeltester.check(page.model, force_py=True)
