"""What SQLite keeps of each cramp for the figures: the sides' numbers and the exact second."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from cramplog.core.records import Side
from cramplog.storage import episode_figures, schema


def test_the_packed_side_numbers_follow_the_sides_a_cramp_can_have() -> None:
    # A side packed as the wrong number would count a left calf cramp as a right one; the
    # schema's CHECK constraint takes its list from here.
    assert tuple(side.value for side in Side) == episode_figures.SIDES
    assert schema.SIDES is episode_figures.SIDES


@pytest.mark.parametrize(
    "start",
    # From 1900 on: no cramp can start earlier (validation refuses it).
    [
        "1900-01-01 00:00:00",
        "1900-01-01 00:00:59",
        "1969-12-31 23:59:59",
        "1970-01-01 00:00:00",
        "2000-02-29 12:30:45",
        "2026-03-29 01:30:00",
        "2155-03-11 18:07:59",
        "2999-12-31 23:59:59",
    ],
)
def test_a_start_is_kept_as_its_exact_second_and_hour(start: str) -> None:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE episodes (start_local TEXT)")
        connection.execute("INSERT INTO episodes VALUES (?)", (start,))
        seconds, hour = connection.execute(
            f"SELECT {episode_figures.START_SECONDS_SQL},"
            f" {episode_figures.HOUR_SQL} >> {episode_figures.HOUR_BITS[0]} FROM episodes"
        ).fetchone()
    finally:
        connection.close()
    moment = datetime.fromisoformat(start)
    assert seconds == int((moment - datetime(1900, 1, 1)).total_seconds())
    assert hour == moment.hour
