"""Everyday words in spreadsheet cells: how bad, when in the day, how well relief helped, thirst.

Each reader returns the value or raises `values.CellError` naming what was wrong.
"""

from __future__ import annotations

import re

from cramplog.core.records import MAX_INTENSITY, Hydration, ReliefRating
from cramplog.core.translation import _
from cramplog.exchange.values import CellError, quote, read_yes_no

_INTENSITY = re.compile(r"^(\d{1,2})(?:[.,]0+)?\s*(?:/\s*10)?$")
# Words for how bad a cramp was, on the 0-10 scale: the middle of the band the numeric pain
# scale gives each word (mild 1-3, moderate 4-6, severe 7-10), the extremes at its ends.
# docs/formats.md lists them.
INTENSITY_WORDS = {
    "very mild": 1,
    "slight": 2,
    "mild": 2,
    "light": 2,
    "low": 2,
    "moderate": 5,
    "medium": 5,
    "middling": 5,
    "severe": 8,
    "strong": 8,
    "bad": 8,
    "high": 8,
    "very bad": 9,
    "very severe": 10,
    "extreme": 10,
    "excruciating": 10,
    "agonising": 10,
    "agonizing": 10,
    "unbearable": 10,
    "worst ever": 10,
}


# The words that can only be about pain: a column of them is the intensity whatever its
# header. "Low", "high" or "bad" could as well rate stress or sleep, so they need a header.
PAIN_WORDS = frozenset(
    {"very mild", "mild", "slight", "moderate", "severe", "very severe", "extreme"}
    | {"excruciating", "agonising", "agonizing", "unbearable", "worst ever"}
)


def read_intensity(text: str) -> int:
    value = text.strip()
    word = INTENSITY_WORDS.get(" ".join(value.lower().split()))
    if word is not None:
        return word
    found = _INTENSITY.match(value)
    if not found or int(found[1]) > MAX_INTENSITY:
        raise CellError(
            _(
                "{value}: intensity must be a whole number from 0 to 10 (or mild, "
                "moderate, severe)."
            ).format(value=quote(value))
        )
    return int(found[1])


# Words for when in the day a cramp came, written where a time would go. True: the evening
# or night that starts on the row's date; False: the night before, or that morning.
_TIMES_OF_DAY = {
    **dict.fromkeys(
        (
            "evening",
            "in the evening",
            "bedtime",
            "at bedtime",
            "before bed",
            "going to bed",
            "in bed",
            "night",
            "at night",
            "tonight",
            "late",
            "afternoon",
            "pm",
        ),
        True,
    ),
    **dict.fromkeys(
        (
            "morning",
            "in the morning",
            "early morning",
            "overnight",
            "last night",
            "in the night",
            "during the night",
            "small hours",
            "early hours",
            "on waking",
            "waking",
            "am",
        ),
        False,
    ),
}


def time_of_day_word(text: str) -> bool | None:
    """Whether a time-of-day word places a cramp in the evening of its date (True), in the
    night before (False), or None when `text` is no such word."""
    return _TIMES_OF_DAY.get(" ".join(text.lower().split()).strip("."))


_RATINGS = {
    **dict.fromkeys(
        ("helped", "yes", "y", "2", "it helped", "worked", "good", "a lot", "fully"),
        ReliefRating.HELPED,
    ),
    **dict.fromkeys(
        ("a little", "helped a little", "a bit", "somewhat", "partly", "some", "1", "sort of"),
        ReliefRating.A_LITTLE,
    ),
    **dict.fromkeys(
        ("no", "n", "0", "not", "did not help", "didn't help", "not helped", "none", "nothing"),
        ReliefRating.NOT_HELPED,
    ),
}


def read_relief_rating(text: str) -> ReliefRating:
    """How well relief helped: "helped"/yes/2, "a little"/1, "no"/0 (and a few more)."""
    value = " ".join(text.lower().split()).strip(".!")
    rating = _RATINGS.get(value)
    if rating is None:
        raise CellError(
            _(
                "{value} does not say how well the relief helped (use helped, a little or no)."
            ).format(value=quote(text.strip()))
        )
    return rating


_HYDRATION = {
    **dict.fromkeys(("well", "well hydrated", "good", "plenty", "hydrated"), Hydration.WELL),
    **dict.fromkeys(("normal", "ok", "okay", "usual", "average"), Hydration.NORMAL),
    **dict.fromkeys(("thirsty", "dehydrated", "dry", "not enough", "low"), Hydration.THIRSTY),
}


def read_hydration(text: str, *, asks_thirst: bool) -> Hydration:
    """Well hydrated, normal or thirsty; under a header asking "Thirsty?", yes is thirsty and
    no is normal (not thirsty says nothing of being especially well hydrated)."""
    value = " ".join(text.lower().split()).strip(".!")
    if asks_thirst:
        try:
            return Hydration.THIRSTY if read_yes_no(value) else Hydration.NORMAL
        except CellError:
            pass  # not yes or no: read as a word below
    hydration = _HYDRATION.get(value)
    if hydration is None:
        raise CellError(
            _("{value} is not well, normal or thirsty.").format(value=quote(text.strip()))
        )
    return hydration
