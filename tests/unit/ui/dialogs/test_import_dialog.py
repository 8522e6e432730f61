"""Importing a spreadsheet of cramps only: are the nights between its cramps recorded?"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QScrollArea, QTableWidget
from pytestqt.qtbot import QtBot

from cramplog.analysis import stats
from cramplog.core.records import SpanSource
from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.ui.dialogs.import_dialog import ImportDialog
from cramplog.ui.dialogs.import_span import LOGGING_SPAN_CHOICE
from tests.unit.ui.dialogs.import_waits import settle

# Three small-hours cramps, on the nights of Sun 1, Wed 4 and Sun 8 March 2026 (NOW is
# Thursday 12 March, so last night is Wednesday 11 March).
SHEET = (
    "Date,Time,Muscle,Side,Duration,Pain,Notes\n"
    "2026-03-02,02:10,calf,left,2,6,\n"
    "2026-03-05,03:40,calf,right,1,4,woke me\n"
    "2026-03-09,01:15,foot,left,3,7,\n"
)
MARCH = stats.Period(date(2026, 3, 1), date(2026, 3, 11))


@pytest.fixture
def dialog(qtbot: QtBot, diary: Diary, tmp_path: Path) -> ImportDialog:
    path = tmp_path / "cramps.csv"
    path.write_text(SHEET)
    made = ImportDialog(diary, path=path)
    qtbot.add_widget(made)
    made.show()
    return settle(made)


def recorded(diary: Diary) -> tuple[int, int]:
    """(recorded nights, of which inside spans) over 1–11 March."""
    counted = stats.compute(diary, MARCH).recorded_count
    return counted.recorded, counted.in_spans_only


def test_a_cramps_only_file_counts_the_nights_from_its_first_to_its_last_cramp(
    dialog: ImportDialog, diary: Diary
) -> None:
    assert dialog.span_box.isVisible()
    assert dialog.span_check.isChecked()
    assert dialog.span_check.accessibleName() == LOGGING_SPAN_CHOICE
    assert "count the nights between as recorded" in LOGGING_SPAN_CHOICE
    assert (dialog.span_from.date(), dialog.span_to.date()) == (
        QDate(2026, 3, 1),
        QDate(2026, 3, 8),
    )
    assert (
        "the 8 nights of Sun 1 Mar 2026 to Sun 8 Mar 2026 would count as recorded"
        in dialog.summary.text()
    )
    assert recorded(diary) == (0, 0)  # a dry run writes nothing
    dialog.import_button.click()
    settle(dialog)
    assert diary.count_episodes() == 3
    assert recorded(diary) == (8, 8)
    figures = stats.compute(diary, MARCH)
    assert figures.cramps_on_unrecorded_nights == 0


def test_untick_the_box_and_the_nights_stay_unrecorded(dialog: ImportDialog, diary: Diary) -> None:
    dialog.span_check.setChecked(False)
    settle(dialog)
    assert "would count as recorded" not in dialog.summary.text()
    assert "It would add 3 new cramps." in dialog.summary.text()
    assert not dialog.span_from.isEnabled() and not dialog.span_to.isEnabled()
    dialog.import_button.click()
    settle(dialog)
    assert diary.count_episodes() == 3
    assert recorded(diary) == (0, 0)
    assert diary.logging_spans() == []
    assert stats.compute(diary, MARCH).cramps_on_unrecorded_nights == 3


def test_the_logged_nights_can_be_widened(dialog: ImportDialog, diary: Diary) -> None:
    dialog.span_from.setDate(QDate(2026, 2, 25))
    settle(dialog)
    dialog.span_to.setDate(QDate(2026, 3, 10))
    settle(dialog)
    assert (
        "the 14 nights of Wed 25 Feb 2026 to Tue 10 Mar 2026 would count as recorded"
        in dialog.summary.text()
    )
    dialog.import_button.click()
    settle(dialog)
    assert [(s.first_night, s.last_night, s.source) for s in diary.logging_spans()] == [
        (date(2026, 2, 25), date(2026, 3, 10), SpanSource.IMPORT)
    ]


def test_logged_nights_that_leave_out_a_cramp_are_refused_beside_the_dates(
    dialog: ImportDialog, diary: Diary
) -> None:
    dialog.span_from.setDate(QDate(2026, 3, 3))  # after the file's first cramp
    settle(dialog)
    assert dialog.span_error.text() == (
        "The file's first cramp is on the night of Sun 1 Mar 2026, before the logged "
        "nights start (Tue 3 Mar 2026); nothing was imported."
    )
    assert dialog.span_error.isVisible() and dialog.span_box.isVisible()
    assert not dialog.import_button.isEnabled()
    dialog.import_button.click()
    settle(dialog)
    assert diary.count_episodes() == 0

    dialog.span_from.setDate(QDate(2026, 3, 1))
    settle(dialog)
    assert not dialog.span_error.isVisible()
    assert dialog.import_button.isEnabled()


def test_reversed_logged_nights_are_refused(dialog: ImportDialog, diary: Diary) -> None:
    dialog.span_to.setDate(QDate(2026, 2, 20))
    settle(dialog)
    assert dialog.span_error.text() == (
        "The logged nights end (Fri 20 Feb 2026) before they start (Sun 1 Mar 2026); nothing "
        "was imported."
    )
    assert not dialog.import_button.isEnabled()
    assert diary.logging_spans() == []


def test_the_logged_nights_cannot_reach_past_last_night(dialog: ImportDialog) -> None:
    dialog.span_to.setDate(QDate(2026, 3, 20))
    settle(dialog)
    assert dialog.span_to.date() == QDate(2026, 3, 11)
    assert "the 11 nights of Sun 1 Mar 2026 to Wed 11 Mar 2026" in dialog.summary.text()


def test_no_question_about_nights_before_a_file_is_chosen(qtbot: QtBot, diary: Diary) -> None:
    dialog = ImportDialog(diary)
    qtbot.add_widget(dialog)
    dialog.show()
    assert not dialog.span_box.isVisible()


# -- workbooks ----------------------------------------------------------------------------------


def workbook_dialog(qtbot: QtBot, diary: Diary, path: Path) -> ImportDialog:
    made = ImportDialog(diary, path=path)
    qtbot.add_widget(made)
    made.show()
    return settle(made)


def test_the_file_chooser_offers_workbooks(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []

    def chooser(*args: object) -> tuple[str, str]:
        offered.append(str(args[3]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    made = ImportDialog(diary)
    qtbot.add_widget(made)
    assert made.ask_for_file() is None
    first_filter = offered[0].split(";;")[0]
    for pattern in ("*.csv", "*.json", "*.xlsx", "*.ods"):
        assert pattern in first_filter


def test_a_sheet_chooser_appears_for_a_workbook_of_several_sheets(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    from tests.unit.exchange.workbook.samples import xlsx

    cramps: list[list[object]] = [[*line.split(",")] for line in SHEET.splitlines()]
    meds: list[list[object]] = [["When", "Where"], ["2026-03-02 02:10", "calf"]]
    made = workbook_dialog(qtbot, diary, xlsx(tmp_path / "b.xlsx", {"Meds": meds, "C": cramps}))
    assert made.sheet_choice.isVisible()
    assert [made.sheet_choice.itemText(i) for i in range(2)] == ["Meds", "C"]
    assert made.plan is not None and len(made.plan.batch.episodes) == 1
    made.sheet_choice.setCurrentIndex(1)  # the dry run runs again on the sheet chosen
    settle(made)
    assert made.plan is not None and len(made.plan.batch.episodes) == 3
    assert "Sheet “C” (2 of 2: Meds, C)" in made.summary.text()
    # Its own columns are read, not the first sheet's two.
    assert made.columns.rowCount() == 7 and made.import_button.isEnabled()


def test_an_empty_first_sheet_still_offers_the_others(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    from tests.unit.exchange.workbook.samples import xlsx

    cramps: list[list[object]] = [[*line.split(",")] for line in SHEET.splitlines()]
    made = workbook_dialog(qtbot, diary, xlsx(tmp_path / "b.xlsx", {"Cover": [], "C": cramps}))
    assert made.plan is None and "Sheet “Cover” is empty" in made.summary.text()
    made.sheet_choice.setCurrentIndex(1)
    settle(made)
    assert made.plan is not None and made.import_button.isEnabled()


def test_no_sheet_chooser_for_one_sheet_or_a_csv(
    qtbot: QtBot, diary: Diary, tmp_path: Path, dialog: ImportDialog
) -> None:
    from tests.unit.exchange.workbook.samples import xlsx

    cramps: list[list[object]] = [[*line.split(",")] for line in SHEET.splitlines()]
    made = workbook_dialog(qtbot, diary, xlsx(tmp_path / "one.xlsx", {"Cramps": cramps}))
    assert made.plan is not None and not made.sheet_choice.isVisible()
    assert not dialog.sheet_choice.isVisible()


def test_a_tracker_export_whose_dates_read_both_ways_asks_their_order(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "bearable.csv"
    path.write_text(
        "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
        "x,01/03/2026,Sunday,am,Symptom,3,Leg cramps (Severe),\n"
        "x,04/03/2026,Wednesday,am,Symptom,2,Leg cramps (Moderate),\n"
    )
    made = workbook_dialog(qtbot, diary, path)
    assert made.date_order.isVisible() and not made.import_button.isEnabled()
    made.date_order.setCurrentIndex(made.date_order.findData(True))
    settle(made)
    assert made.plan is not None and made.import_button.isEnabled()
    # Bearable gives no clock time: the preview says so instead of showing 00:00.
    cell = made.preview.item(0, 1)
    assert cell is not None and cell.text() == "time not noted"


# -- the preview: columns and their fields, rows as stored, problems, new words -----------------

# A hand-kept sheet: a "What helped" column, a date-only row and its repeat, a muscle word the
# diary does not know (line 5), and a duration that is not one (line 6).
HAND_KEPT = (
    "Date,Time,Where,Side,How long (min),Pain,What helped,Notes\n"
    "2026-03-02,02:10,calf,left,2,6,stretching,\n"
    "2026-03-05,,calf,right,1,4,massage; walked it off,woke me\n"
    "2026-03-05,,calf,right,1,4,massage; walked it off,woke me\n"
    "2026-03-09,01:15,Wadenbein,left,3,7,stretching,\n"
    "2026-03-10,01:15,calf,left,abc,7,,\n"
)


@pytest.fixture
def hand_kept(qtbot: QtBot, diary: Diary, tmp_path: Path) -> ImportDialog:
    path = tmp_path / "my cramps.csv"
    path.write_text(HAND_KEPT)
    return workbook_dialog(qtbot, diary, path)


RELIEFS = ["Gentle stretching", "Massage, Gentle movement (walking it off)", "Gentle stretching"]


def text_at(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def column_rows(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    table = dialog.columns
    return [
        (text_at(table, row, 0), text_at(table, row, 1), table.field_choice(row).currentText())
        for row in range(table.rowCount())
    ]


def preview_column(dialog: ImportDialog, header: str) -> list[str]:
    column = dialog.preview.column_of(header)
    assert column >= 0, f"no {header} column"
    return [text_at(dialog.preview, row, column) for row in range(dialog.preview.rowCount())]


def test_every_column_is_listed_with_two_values_and_its_field(hand_kept: ImportDialog) -> None:
    assert hand_kept.columns_box.isVisible()
    rows = column_rows(hand_kept)
    assert len(rows) == 8
    assert ("What helped", "“stretching”, “massage; walked it off”", "Relief methods") in rows
    assert ("Where", "“calf”, “Wadenbein”", "Muscle") in rows
    # The choices are the fields --column takes, and "ignored".
    combo = hand_kept.columns.field_choice(0)
    offered = {combo.itemText(i) for i in range(combo.count())}
    assert {"ignored", "Relief methods", "Triggers", "Activity", "Symptoms"} <= offered


def test_the_rows_are_shown_as_they_would_be_stored(hand_kept: ImportDialog) -> None:
    hand_kept.findings.add_words.setChecked(True)
    settle(hand_kept)
    assert hand_kept.preview.isVisible()
    # The repeat is stored once, the bad row not at all: three cramps.
    assert hand_kept.preview.rowCount() == 3
    # The checklist's own names for the file's words.
    assert preview_column(hand_kept, "Relief methods") == RELIEFS
    assert preview_column(hand_kept, "Time") == ["02:10", "time not noted", "01:15"]
    # A word of one's own to be added is named as the file wrote it, not by its code.
    assert preview_column(hand_kept, "Muscle")[2] == "Wadenbein"
    assert hand_kept.preview_label.text() == "Cramps as they would be stored (3):"


def test_ignoring_a_column_changes_the_preview_and_the_summary(hand_kept: ImportDialog) -> None:
    hand_kept.findings.add_words.setChecked(True)
    settle(hand_kept)
    assert any(preview_column(hand_kept, "Relief methods"))
    row = [r[0] for r in column_rows(hand_kept)].index("What helped")
    combo = hand_kept.columns.field_choice(row)
    combo.setCurrentIndex(combo.findText("ignored"))
    settle(hand_kept)
    assert hand_kept.plan is not None
    assert hand_kept.preview.column_of("Relief methods") == -1
    assert column_rows(hand_kept)[row][2] == "ignored"
    assert hand_kept.plan.batch.columns[row].field is None
    assert "3 new cramps" in hand_kept.summary.text()

    pain = [r[0] for r in column_rows(hand_kept)].index("Pain")
    combo = hand_kept.columns.field_choice(pain)
    combo.setCurrentIndex(combo.findText("ignored"))
    settle(hand_kept)
    assert preview_column(hand_kept, "Intensity") == ["", "", ""]


def test_a_row_problem_is_listed_with_its_line(hand_kept: ImportDialog) -> None:
    errors = [hand_kept.errors.item(i).text() for i in range(hand_kept.errors.count())]
    assert errors == ["line 6: “abc” is not a duration (try 1:30 or 2 min)."]
    assert hand_kept.errors.isVisible()
    assert hand_kept.findings.errors_label.text().startswith("1 row with errors")
    reading = hand_kept.findings.reading.text()
    assert "1 row repeats an earlier row and would be imported once: line 4 (as line 3)." in (
        reading
    )
    assert "1 row gives a date but no time" in reading


def test_new_words_must_be_agreed_before_import(hand_kept: ImportDialog, diary: Diary) -> None:
    hand_kept.skip_invalid.setChecked(True)
    settle(hand_kept)
    box = hand_kept.findings
    assert box.words_box.isVisible()
    assert box.words_list.text() == "Muscles: “Wadenbein”"
    assert not box.add_words.isChecked()
    assert "Nothing can be imported until you agree" in box.words_state.text()
    assert "Wadenbein" in hand_kept.summary.text()
    assert not hand_kept.import_button.isEnabled()
    hand_kept.import_button.click()
    settle(hand_kept)
    assert diary.count_episodes() == 0

    box.add_words.setChecked(True)
    settle(hand_kept)
    assert hand_kept.import_button.isEnabled()
    assert diary.count_episodes() == 0 and diary.custom_items() == []  # not until Import
    hand_kept.import_button.click()
    settle(hand_kept)
    assert diary.count_episodes() == 3
    assert [item.label for item in diary.custom_items()] == ["Wadenbein"]
    assert "Imported 3 cramps" in hand_kept.summary.text()


def test_unticking_the_new_words_refuses_the_import_again(hand_kept: ImportDialog) -> None:
    hand_kept.skip_invalid.setChecked(True)
    settle(hand_kept)
    hand_kept.findings.add_words.setChecked(True)
    settle(hand_kept)
    assert hand_kept.import_button.isEnabled()
    hand_kept.findings.add_words.setChecked(False)
    settle(hand_kept)
    assert not hand_kept.import_button.isEnabled()


def test_nothing_is_written_by_the_preview(hand_kept: ImportDialog, diary: Diary) -> None:
    row = [r[0] for r in column_rows(hand_kept)].index("Where")
    combo = hand_kept.columns.field_choice(row)
    combo.setCurrentIndex(combo.findText("ignored"))  # no muscle: a question, nothing stored
    settle(hand_kept)
    assert "muscle" in hand_kept.summary.text()
    combo.setCurrentIndex(combo.findText("Muscle"))
    settle(hand_kept)
    hand_kept.findings.add_words.setChecked(True)
    settle(hand_kept)
    hand_kept.skip_invalid.setChecked(True)
    settle(hand_kept)
    assert diary.count_episodes() == 0 and diary.custom_items() == []
    assert backups.list_backups(diary.data_dir) == []
    hand_kept.import_button.click()
    settle(hand_kept)
    # All of it at once, after a verified backup.
    assert diary.count_episodes() == 3 and len(diary.custom_items()) == 1
    assert [b.reason for b in backups.list_backups(diary.data_dir)] == [
        backups.Reason.BEFORE_IMPORT
    ]


def test_a_one_row_summary_says_one(qtbot: QtBot, diary: Diary, tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("Date,Time,Muscle\n2026-03-02,02:10,calf\n")
    made = workbook_dialog(qtbot, diary, path)
    text = made.summary.text()
    assert "with 1 row." in text and "1 new cramp." in text
    assert "so the night of Sun 1 Mar 2026 would count as recorded" in text
    assert made.findings.reading.text() == "Every row of the file can be read."


def test_agreeing_to_one_files_words_does_not_agree_to_the_next_files(
    hand_kept: ImportDialog, tmp_path: Path
) -> None:
    hand_kept.findings.add_words.setChecked(True)
    settle(hand_kept)
    other = tmp_path / "other.csv"
    other.write_text("Date,Time,Muscle\n2026-03-02,02:10,Zehenkrampf\n", encoding="utf-8")
    hand_kept.set_path(other)
    settle(hand_kept)
    assert not hand_kept.findings.add_words.isChecked()
    assert hand_kept.findings.words_list.text() == "Muscles: “Zehenkrampf”"
    assert not hand_kept.import_button.isEnabled()
    assert hand_kept.columns.rowCount() == 3  # the new file's columns, not the last one's


def test_on_a_short_screen_the_new_words_box_scrolls_into_view_whole(
    hand_kept: ImportDialog,
) -> None:
    # A laptop 600 pixels high, less its panel and the dialog's title bar: the dialog fits,
    # and the box whose tick box Import waits for keeps its height (it was crushed to a
    # sliver, its lines drawn over one another) and scrolls into view.
    assert hand_kept.minimumSizeHint().height() <= 540
    hand_kept.resize(1024, 540)
    settle(hand_kept)
    assert hand_kept.height() == 540
    box = hand_kept.findings
    assert box.words_box.isVisible()
    for widget in (box.words_box, box.words_list, box.add_words, box.words_state):
        assert widget.height() >= widget.minimumSizeHint().height()
    scroller = hand_kept.findChild(QScrollArea, "importBody")
    assert scroller is not None
    scroller.ensureWidgetVisible(box.add_words)
    settle(hand_kept)
    assert not box.add_words.visibleRegion().isEmpty()
    # At a roomy size the columns' table shows every column of the file, as it always did.
    hand_kept.resize(1280, 800)
    settle(hand_kept)
    columns = hand_kept.columns
    assert columns.height() == columns.maximumHeight()
