"""Inputs the diary's forms share, in one place to import: `from ... import common as widgets`.

Each piece lives in its own module under `cramplog/ui/widgets/`; this module re-exports them so
call sites read `widgets.MutedLabel`, and so the modal prompts keep one seam that tests patch
(`monkeypatch.setattr(widgets, "confirm_discard", ...)`): call sites look them up here.
"""

from __future__ import annotations

from cramplog.ui.widgets import theme
from cramplog.ui.widgets.checklists import RATING_OPTIONS, ChecklistTree, ReliefPicker
from cramplog.ui.widgets.choice_buttons import ChoiceButton, RadioRow
from cramplog.ui.widgets.choices import (
    CODE_ROLE,
    WARNING_NOTE,
    Choice,
    ChoiceGroup,
    vocabulary_groups,
)
from cramplog.ui.widgets.colours import error_color, is_dark, muted_color
from cramplog.ui.widgets.combos import MuscleCombo, ValueCombo
from cramplog.ui.widgets.day_captions import long_day, night_caption, short_day
from cramplog.ui.widgets.field_errors import FieldError, field_error, show_field_error
from cramplog.ui.widgets.labels import MutedLabel, plain_label, scaled_font
from cramplog.ui.widgets.number_fields import OptionalDoubleSpinBox, OptionalSpinBox
from cramplog.ui.widgets.prompts import ask_text, confirm_discard
from cramplog.ui.widgets.scale_picker import NOT_RATED_MARK, ScalePicker
from cramplog.ui.widgets.tab_order import chain_tabs

__all__ = [
    "CODE_ROLE",
    "NOT_RATED_MARK",
    "RATING_OPTIONS",
    "WARNING_NOTE",
    "ChecklistTree",
    "Choice",
    "ChoiceButton",
    "ChoiceGroup",
    "FieldError",
    "MuscleCombo",
    "MutedLabel",
    "OptionalDoubleSpinBox",
    "OptionalSpinBox",
    "RadioRow",
    "ReliefPicker",
    "ScalePicker",
    "ValueCombo",
    "ask_text",
    "chain_tabs",
    "confirm_discard",
    "error_color",
    "field_error",
    "is_dark",
    "long_day",
    "muted_color",
    "night_caption",
    "plain_label",
    "scaled_font",
    "short_day",
    "show_field_error",
    "theme",
    "vocabulary_groups",
]
