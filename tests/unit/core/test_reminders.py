"""The reminder's time: typed by the person, checked; due once a day from that time."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from cramplog.core import conventions, conventions_table, reminders, wording
from cramplog.core.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("08:00", time(8, 0)),
        ("7:45", time(7, 45)),
        (" 6.30 ", time(6, 30)),
        ("23:59", time(23, 59)),
        ("9:30 pm", time(21, 30)),
        ("9.30 P.M.", time(21, 30)),
        ("12:05 am", time(0, 5)),
        ("12 PM", time(12, 0)),
        ("8am", time(8, 0)),
    ],
)
def test_a_time_of_day_is_read_as_typed(typed: str, expected: time) -> None:
    assert reminders.parse_reminder_time(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Write the reminder time as hours and minutes, like 08:00."),
        ("8", "“8” is not a time of day; write it as hours and minutes, like 08:00."),
        ("24:00", "24:00 is not a time on the clock; hours go up to 23 and minutes up to 59."),
        ("13:00 pm", "13:00 pm is not a time on the clock; with AM or PM, hours go from 1 to 12."),
        (
            "8:00 later",
            "“8:00 later” is not a time of day; write it as hours and minutes, like 08:00.",
        ),
        ("07:60", "07:60 is not a time on the clock; hours go up to 23 and minutes up to 59."),
        (
            "<b>8:00</b>",
            "“<b>8:00</b>” is not a time of day; write it as hours and minutes, like 08:00.",
        ),
        (
            "9" * 5000,
            "“" + "9" * 20 + "…” is not a time of day; write it as hours and minutes, like 08:00.",
        ),
    ],
)
def test_a_time_that_is_not_one_gets_one_clear_line(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        reminders.parse_reminder_time(typed)
    assert str(raised.value) == message


def test_due_once_a_day_from_the_chosen_time() -> None:
    at = time(8, 0)
    assert not reminders.is_due(datetime(2026, 3, 12, 7, 59), at, None)
    assert reminders.is_due(datetime(2026, 3, 12, 8, 0), at, None)
    assert reminders.is_due(datetime(2026, 3, 12, 13, 0), at, date(2026, 3, 11))
    assert not reminders.is_due(datetime(2026, 3, 12, 13, 0), at, date(2026, 3, 12))


def test_the_reminder_says_nothing_about_health() -> None:
    words = reminders.REMINDER_TEXT.casefold()
    assert words == "cramplog: time for the morning review"
    assert not any(word in words for word in ("cramp ", "pain", "muscle", "spasm", "calf"))


def test_under_a_12_hour_locale_the_example_is_written_its_way_and_both_clocks_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(conventions, "_in_use", conventions.C)  # put back after the test
    conventions.use(conventions.from_table(conventions_table.TABLE["en_US"]))
    with pytest.raises(ValidationError) as raised:
        reminders.parse_reminder_time("8")
    assert str(raised.value) == (
        "“8” is not a time of day; write it as hours and minutes, like 8:00\u202fAM."
    )
    # What the settings show is read back as it is shown.
    assert reminders.parse_reminder_time(wording.clock(time(19, 15))) == time(19, 15)
    assert reminders.parse_reminder_time("7:15 PM") == time(19, 15)
    assert reminders.parse_reminder_time("19:15") == time(19, 15)
