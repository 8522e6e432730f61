"""The import preview's column table: every column on one readable line, its field to choose."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cramplog import exchange
from cramplog.ui.dialogs.import_columns import HEADER_CHARS, ColumnTable


def test_a_huge_header_is_cut_to_one_short_line_and_kept_whole_in_the_tip(qtbot: QtBot) -> None:
    table = ColumnTable()
    qtbot.add_widget(table)
    header = "What\nhelped " + "x" * 10_000
    table.show_choices([exchange.ColumnChoice(0, header, "reliefs", examples=("massage",))])
    item = table.item(0, 0)
    assert item is not None
    assert len(item.text()) == HEADER_CHARS and item.text().startswith("What helped x")
    assert item.text().endswith("…") and item.toolTip() == header
    assert table.field_choice(0).currentText() == "Relief methods"


def test_the_choices_are_read_back_as_the_person_left_them(qtbot: QtBot) -> None:
    table = ColumnTable()
    qtbot.add_widget(table)
    assert table.chosen() is None  # no file yet: the engine reads the columns itself
    changes: list[None] = []
    table.changed.connect(lambda: changes.append(None))
    table.show_choices(
        [exchange.ColumnChoice(0, "Date", "date"), exchange.ColumnChoice(1, "Weather", None)]
    )
    assert table.chosen() == {0: "date", 1: None}
    assert table.field_choice(1).currentText() == "ignored"
    combo = table.field_choice(1)
    combo.setCurrentIndex(combo.findData("notes"))
    assert table.chosen() == {0: "date", 1: "notes"} and len(changes) == 1


def test_another_trackers_columns_say_what_they_become_and_cannot_be_changed(
    qtbot: QtBot,
) -> None:
    table = ColumnTable()
    qtbot.add_widget(table)
    table.show_choices(
        [
            exchange.ColumnChoice(0, "Date", None, described="the check-in's night (reviewed)"),
            exchange.ColumnChoice(1, "Leg cramps", None, described="cramps of that night"),
        ]
    )
    combo = table.field_choice(1)
    assert combo.currentText() == "cramps of that night" and not combo.isEnabled()
    assert table.chosen() is None  # the tracker's own reading, never a column mapping
