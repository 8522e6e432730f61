"""The conventions of a Qt locale: what the app writes dates, times and numbers with."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from cramplog.core import conventions


def table_entry(locale: QLocale) -> dict[str, object]:
    """The fields `conventions.from_table` reads, from `locale` (also writes the CLI's table)."""
    short = QLocale.FormatType.ShortFormat
    long_ = QLocale.FormatType.LongFormat
    return {
        "months": tuple(locale.monthName(i, short) for i in range(1, 13)),
        "months_long": tuple(locale.monthName(i, long_) for i in range(1, 13)),
        "weekdays": tuple(locale.dayName(i, short) for i in range(1, 8)),
        "weekdays_long": tuple(locale.dayName(i, long_) for i in range(1, 8)),
        "long_date_pattern": locale.dateFormat(long_),
        "time_pattern": locale.timeFormat(short),
        "am": locale.amText(),
        "pm": locale.pmText(),
        "decimal": locale.decimalPoint(),
        "group": locale.groupSeparator(),
        "us_measures": locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem,
    }


def from_qt(locale: QLocale | None = None) -> conventions.Conventions:
    """The conventions of `locale` (the default locale if None); C's for the C locale, so a
    session without a language (LANG=C) keeps cramplog's own English style."""
    locale = QLocale() if locale is None else locale
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return conventions.C
    return conventions.from_table(table_entry(locale))


def use_default() -> conventions.Conventions:
    """Write everything by Qt's default locale from now on; returns what it chose."""
    chosen = from_qt()
    conventions.use(chosen)
    return chosen
