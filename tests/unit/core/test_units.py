"""Fluids typed and read in litres, ml, glasses, US fluid ounces or cups; kept in litres."""

from __future__ import annotations

import pytest

from cramplog.core import conventions, units, wording
from cramplog.core.units import FluidUnit


@pytest.mark.parametrize(
    ("unit", "shown"),
    [
        (FluidUnit.LITRES, "1.5 l"),
        (FluidUnit.MILLILITRES, "1,500 ml"),
        (FluidUnit.GLASSES, "6 glasses"),
        (FluidUnit.US_FL_OZ, "51 fl oz"),
        (FluidUnit.US_CUPS, "6.3 cups"),
    ],
)
def test_one_and_a_half_litres_in_each_unit(unit: FluidUnit, shown: str) -> None:
    assert wording.fluid(1.5, unit) == shown


@pytest.mark.parametrize("unit", list(FluidUnit))
def test_an_amount_typed_in_any_unit_comes_back_the_same_after_storing(unit: FluidUnit) -> None:
    typed = units.from_litres(1.5, unit)
    stored = units.to_litres(typed, unit)
    assert units.from_litres(stored, unit) == typed
    assert abs(stored - 1.5) < 0.02  # within the unit's rounding


def test_the_us_shows_fluid_ounces_until_the_person_chooses() -> None:
    conventions.use(conventions.for_locale("en_US"))
    assert wording.fluid(2.0) == "68 fl oz"
    conventions.choose_fluid_unit(FluidUnit.LITRES)
    assert wording.fluid(2.0) == "2 l"
    conventions.use(conventions.for_locale("de_DE"))
    assert wording.fluid(1.25) == "1,25 l"


def test_a_stored_choice_that_is_not_a_unit_counts_as_no_choice() -> None:
    assert units.parse("gallons") is None
    assert units.parse("") is None
    assert units.parse("us_cups") is FluidUnit.US_CUPS


def test_the_largest_amount_a_box_takes_stays_within_what_the_diary_keeps() -> None:
    for unit in FluidUnit:
        assert units.to_litres(units.most(unit, units.MOST_LITRES), unit) <= units.MOST_LITRES
