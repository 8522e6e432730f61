"""How the report writes numbers, shares, dates, periods and cited cramps: one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Final

from cramplog.analysis import stats
from cramplog.core import wording
from cramplog.core.translation import n_

if TYPE_CHECKING:
    pass


DASH: Final = "—"
# Cramps cited under each warning sign on page one; the appendix lists every one.
CITED_PER_WARNING: Final = 4


def format_number(value: float | None) -> str:
    """A rate or mean to one decimal ("3.2", "1.0"); a whole number given as an int stays
    whole; None is "—". The rounding is `wording.figure`'s, the same as `stats` prints."""
    return wording.figure(value, wording.Figure.RATE, missing=DASH)


def format_share(value: float | None) -> str:
    return wording.percent(value, missing=DASH)


def format_date(day: date) -> str:
    """E.g. "5 Mar 2026", in the locale's style (`wording.date_text`)."""
    return wording.date_text(day, weekday=False)


def format_period(period: stats.Period) -> str:
    """E.g. "2 Mar 2026 – 8 Mar 2026 (7 nights)"; a single night is "(1 night)"."""
    return n_(
        "{first} – {last} ({n} night)", "{first} – {last} ({n} nights)", period.nights
    ).format(first=format_date(period.first), last=format_date(period.last), n=period.nights)


def format_cited(cited: Sequence[str], count: int, *, limit: int = CITED_PER_WARNING) -> str:
    """The first few cramps or nights cited, and how many more of `count` in all:
    "night of Wed 4 Mar 2026, 03:20; night of Tue 3 Mar 2026, 02:10 and 4 more"."""
    shown = "; ".join(cited[:limit])
    more = count - min(limit, len(cited))
    return f"{shown} and {more} more" if more > 0 else shown


def short_label(label: str, code: str) -> str:
    """A checklist label without its parenthetical gloss ("Thigh (quadriceps)" → "Thigh"),
    for narrow columns; the person's own words are kept whole."""
    if code.startswith("custom.") or " (" not in label:
        return label
    return label.split(" (", 1)[0]
