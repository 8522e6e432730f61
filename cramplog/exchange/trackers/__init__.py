"""Exports of other symptom trackers, each recognised by its header and read by its own rules."""

from __future__ import annotations

from collections.abc import Sequence

from cramplog.exchange.batch import Batch, Context
from cramplog.exchange.csv_format.rows import Row
from cramplog.exchange.trackers import bearable, flaredown

__all__ = ["bearable", "flaredown", "read"]


def read(
    header: Sequence[str], rows: list[Row], context: Context, *, day_first: bool | None
) -> Batch | None:
    """The records of a tracker's export, or None when the header is no tracker's."""
    if flaredown.recognises(header):
        return flaredown.read(header, rows, context)
    if bearable.recognises(header):
        return bearable.read(header, rows, context, day_first=day_first)
    return None
