"""An entry's checks: what cannot be stored is refused naming the field, what can passes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cramplog.core import validation
from cramplog.core.errors import ValidationError
from cramplog.core.records import EpisodeInput

NOW = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
START = datetime(2026, 3, 11, 2, 10, tzinfo=UTC)


def check(**fields: object) -> None:
    validation.check_episode(
        EpisodeInput(start=START, muscle="calf", **fields),  # type: ignore[arg-type]
        now=NOW,
        muscles={"calf"},
        activities=(),
        triggers=(),
        reliefs=(),
        symptoms=(),
    )


@pytest.mark.parametrize("intensity", [None, 0, 7, 10])
def test_an_intensity_from_0_to_10_or_none_given_is_accepted(intensity: int | None) -> None:
    check(intensity=intensity)


@pytest.mark.parametrize("intensity", [-1, 11, True, 2.5])
def test_an_intensity_outside_the_scale_or_not_a_whole_number_is_refused(
    intensity: object,
) -> None:
    with pytest.raises(ValidationError, match="Intensity must be a whole number from 0 to 10") as e:
        check(intensity=intensity)
    assert e.value.field == "intensity"


def test_notes_of_any_plain_text_are_accepted() -> None:
    check(notes="Woke at 3; stretched.\nBetter after 2 min — ça va 👍")


@pytest.mark.parametrize(
    ("notes", "says"), [("a\x00b", "NUL characters"), ("a\ud800b", "lone UTF-16 surrogate")]
)
def test_notes_sqlite_cannot_store_are_refused_naming_the_notes(notes: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says) as e:
        check(notes=notes)
    assert str(e.value).startswith("Notes")
    assert e.value.field == "notes"
