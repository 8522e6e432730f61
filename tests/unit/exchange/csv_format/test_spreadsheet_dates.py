"""The day/month order of a column's dates: settled by evidence, asked when it could be
either, and dotted dates read day first with a note, never silently."""

from __future__ import annotations

from datetime import date

from cramplog.exchange.csv_format.spreadsheet_dates import resolve_date, settle_dates


def test_one_unambiguous_date_settles_the_order_for_the_whole_column() -> None:
    column = settle_dates(["03/04/2026", "25/03/2026", None], None)
    assert (column.day_first, column.question, column.note) == (True, None, None)
    assert resolve_date(column.parsed[0], column.day_first) == date(2026, 4, 3)


def test_dates_that_read_either_way_are_asked_about() -> None:
    column = settle_dates(["03/04/2026", "05/06/2026"], None)
    assert column.day_first is None
    assert column.question is not None and "“03/04/2026”" in column.question


def test_dotted_dates_read_day_first_with_a_note_but_the_persons_answer_wins() -> None:
    column = settle_dates(["03.04.2026"], None)
    assert column.day_first is True and column.question is None
    assert column.note is not None and "“03.04.2026”" in column.note
    answered = settle_dates(["03.04.2026"], False)
    assert resolve_date(answered.parsed[0], answered.day_first) == date(2026, 3, 4)
