"""Another tracker's columns as the dry run names them: what each becomes, or "ignored"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cramplog.exchange.batch import ColumnChoice
from cramplog.exchange.csv_format.rows import Row
from cramplog.exchange.csv_format.spreadsheet_columns import examples


def describe_columns(
    header: Sequence[str], rows: Sequence[Row], fates: Mapping[int, str]
) -> tuple[ColumnChoice, ...]:
    """Every column of `header`, with what it becomes (`fates`, by index) or "ignored", and a
    couple of its values: nothing in another tracker's file is dropped without being named."""
    return tuple(
        ColumnChoice(
            index,
            name,
            None,
            examples=examples(rows, index),
            described=fates.get(index, ""),
        )
        for index, name in enumerate(header)
    )
