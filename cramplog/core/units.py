"""Fluid units: how an amount stored in litres is shown and typed in the unit a person reads.

The diary always stores litres; only the screen, the PDF and `stats` convert.
"""

from __future__ import annotations

import enum
from typing import Final

from cramplog.core.translation import N_, _
from cramplog.core.value_class import value_class


class FluidUnit(enum.StrEnum):
    LITRES = "litres"
    MILLILITRES = "millilitres"
    GLASSES = "glasses"
    US_FL_OZ = "us_fl_oz"
    US_CUPS = "us_cups"


@value_class
class UnitRule:
    """How one unit is written and typed."""

    litres_each: float
    english_symbol: str  # after a number: "1.5 l", "51 fl oz"
    english_name: str  # in a sentence or a setting: "litres", "US fluid ounces"
    decimals: int  # what a typed amount keeps
    step: float  # one arrow-key press in the amount box

    # Defined at import time (before the language is known), so translated when read.
    @property
    def symbol(self) -> str:
        return _(self.english_symbol)

    @property
    def name(self) -> str:
        return _(self.english_name)


MOST_LITRES: Final = 20.0  # the most fluids a day record takes (`core.validation`)

# A glass is taken as 250 ml, the size most hydration advice counts in; the US cup is the
# customary 8 US fl oz (236.6 ml), the one on American measuring jugs and drink labels.
US_FL_OZ_LITRES: Final = 0.0295735295625
RULES: Final[dict[FluidUnit, UnitRule]] = {
    FluidUnit.LITRES: UnitRule(1.0, N_("l"), N_("litres"), 2, 0.25),
    FluidUnit.MILLILITRES: UnitRule(0.001, N_("ml"), N_("millilitres"), 0, 250),
    FluidUnit.GLASSES: UnitRule(0.25, N_("glasses"), N_("glasses of 250 ml"), 1, 1),
    FluidUnit.US_FL_OZ: UnitRule(US_FL_OZ_LITRES, N_("fl oz"), N_("US fluid ounces"), 0, 8),
    FluidUnit.US_CUPS: UnitRule(US_FL_OZ_LITRES * 8, N_("cups"), N_("US cups (8 fl oz)"), 1, 1),
}


def from_litres(litres: float, unit: FluidUnit) -> float:
    """An amount in `unit`, rounded as that unit is typed."""
    rule = RULES[unit]
    return round(litres / rule.litres_each, rule.decimals)


def to_litres(amount: float, unit: FluidUnit) -> float:
    """A typed amount in litres, to the millilitre (what the diary keeps)."""
    return round(amount * RULES[unit].litres_each, 3)


def most(unit: FluidUnit, litres: float) -> float:
    """The largest amount a box in `unit` takes when the diary takes `litres` at most."""
    rule = RULES[unit]
    return float(int(litres / rule.litres_each))


def parse(value: str | None) -> FluidUnit | None:
    """A stored choice, or None when there is none (or it is not a unit cramplog knows)."""
    try:
        return FluidUnit(value) if value else None
    except ValueError:
        return None
