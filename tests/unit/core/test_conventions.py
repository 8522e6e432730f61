"""A German, an American and a British reader each see dates and times their own way."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from cramplog.core import conventions, wording

THURSDAY = datetime(2025, 12, 11, 14, 5, 9)


def written(locale: str) -> tuple[str, str, str, str]:
    conventions.use(conventions.for_locale(locale))
    return (
        wording.date_text(THURSDAY.date()),
        wording.date_text(THURSDAY.date(), weekday=False),
        wording.day_month(THURSDAY.date()),
        wording.clock(THURSDAY),
    )


def test_german_names_the_day_and_month_in_german_with_a_24_hour_clock() -> None:
    assert written("de_DE") == ("Do., 11. Dez. 2025", "11. Dez. 2025", "11. Dez.", "14:05")


def test_american_puts_the_month_first_and_uses_a_12_hour_clock() -> None:
    assert written("en_US") == ("Thu, Dec 11, 2025", "Dec 11, 2025", "Dec 11", "2:05\u202fPM")
    assert wording.clock(time(0, 30)) == "12:30\u202fAM"  # midnight is 12, not 0
    assert wording.clock(time(12, 0), seconds=True) == "12:00:00\u202fPM"


def test_c_locale_keeps_cramplogs_own_english_style() -> None:
    assert written("C") == ("Thu 11 Dec 2025", "11 Dec 2025", "11 Dec", "14:05")


def test_an_unknown_language_falls_back_to_cramplogs_style_and_a_bare_language_finds_its_own() -> (
    None
):
    assert conventions.for_locale("tlh_QO") is conventions.C
    assert conventions.for_locale("de").months[11] == "Dez."


def test_the_c_locale_writes_in_cramplogs_style_and_no_table_entry_is_of_its_language() -> None:
    # for_locale answers C and POSIX without loading the table: none of its entries is theirs.
    from cramplog.core.conventions_table import TABLE

    assert conventions.for_locale("C") is conventions.C
    assert conventions.for_locale("POSIX") is conventions.C
    assert [name for name in TABLE if name.split("_")[0] in ("C", "POSIX")] == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de_DE"),
        ({"LANG": "de_DE.UTF-8", "LC_TIME": "en_US.UTF-8"}, "en_US"),
        ({"LANG": "de_DE.UTF-8", "LC_TIME": "en_US", "LC_ALL": "fr_FR@euro"}, "fr_FR"),
        ({"LANG": ""}, "C"),
        ({}, "C"),
    ],
)
def test_the_command_line_reads_its_locale_as_posix_says(
    environ: dict[str, str], expected: str
) -> None:
    assert conventions.locale_name(environ) == expected


def test_numbers_use_the_locales_decimal_sign_and_grouping() -> None:
    conventions.use(conventions.for_locale("de_DE"))
    assert wording.number(1234.5, 1) == "1.234,5"
    assert wording.count(1500, "cramp") == "1.500 cramps"
    conventions.use(conventions.for_locale("en_US"))
    assert wording.number(1234.5, 1) == "1,234.5"


def test_quoted_words_in_a_pattern_stay_as_written() -> None:
    spanish = conventions.for_locale("es_ES")
    assert conventions.render(spanish.plain_date_pattern, date(2025, 12, 11), spanish) == (
        "11 de dic de 2025"
    )
    assert conventions.render("h 'o''clock'", time(15, 0), spanish) == "3 o'clock"


def test_a_night_is_named_in_the_locale_wherever_it_is_cited() -> None:
    from cramplog.core import nights

    conventions.use(conventions.for_locale("de_DE"))
    assert nights.cited(date(2025, 12, 10), datetime(2025, 12, 11, 2, 10)) == (
        "night of Mi., 10. Dez. 2025, 02:10"
    )
    conventions.use(conventions.for_locale("en_US"))
    assert nights.cited(date(2025, 12, 10), datetime(2025, 12, 11, 2, 10)) == (
        "night of Wed, Dec 10, 2025, 2:10\u202fAM"
    )


def test_trimmed_numbers_lose_only_their_trailing_zeros() -> None:
    conventions.use(conventions.for_locale("de_DE"))
    assert wording.number(2.50, 2, trim=True) == "2,5"
    assert wording.number(3.0, 1, trim=True) == "3"
    assert wording.number(1200.0, 1, trim=True) == "1.200"
