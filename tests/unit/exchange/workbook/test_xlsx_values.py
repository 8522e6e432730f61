"""One stored cell to its text; cell references to columns and back."""

from __future__ import annotations

import pytest

from cramplog.exchange.workbook import serials, xlsx_values
from cramplog.exchange.workbook.xlsx_parts import Book

BOOK = Book([], serials.WINDOWS_EPOCH, ["calf"], {"1": (False, "dd/mm/yyyy")})


@pytest.mark.parametrize(("letters", "column"), [("A", 1), ("Z", 26), ("AA", 27), ("XFD", 16384)])
def test_columns_by_their_letters(letters: str, column: int) -> None:
    assert xlsx_values.column_number(letters) == column
    assert xlsx_values.column_letters(column) == letters


@pytest.mark.parametrize("letters", ["XFE", "AAAA", "", "A1", "a"])
def test_what_is_no_column(letters: str) -> None:
    assert xlsx_values.column_number(letters) == 0


def test_typed_cells_read_as_their_texts() -> None:
    values = xlsx_values.CellValues(BOOK, "Cramps")
    where = lambda: "A2"  # noqa: E731
    assert values.text({"t": "s"}, "0", False, where) == "calf"
    assert values.text({"s": "1"}, "46082", False, where) == "2026-03-01"
    assert values.text({}, "46082", False, where) == "46082"
    assert values.text({"t": "str"}, "a", True, where) == "a"
    assert values.text({}, None, False, where) is None


def test_the_memory_of_converted_cells_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_values, "MEMO_SIZE", 3)
    values = xlsx_values.CellValues(BOOK, "Cramps")
    texts = [values.text({}, str(n), False, lambda: "A1") for n in range(10)]
    assert texts == [str(n) for n in range(10)]
    assert len(values.memo) == 3
