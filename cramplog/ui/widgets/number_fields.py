"""Number inputs that may stay empty (empty is 'not recorded', never zero)."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox, QWidget


def _fit_digits(box: QAbstractSpinBox, digits: int) -> None:
    """Wide enough for `digits` characters plus the arrows, and never cramped."""
    text_width = box.fontMetrics().horizontalAdvance("0" * max(digits, 3))
    box.setMinimumWidth(text_width + 48)


class OptionalSpinBox(QSpinBox):
    """A whole-number spin box that may be left empty (value() is then -1; use number())."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, maximum)
        self.setValue(-1)
        self.setAccelerated(True)
        _fit_digits(self, len(str(maximum)))

    def number(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_number(self, value: int | None) -> None:
        self.setValue(-1 if value is None else max(0, min(value, self.maximum())))

    def textFromValue(self, value: int) -> str:
        return "" if value < 0 else str(value)

    def valueFromText(self, text: str) -> int:
        stripped = text.strip()
        return -1 if not stripped else int(stripped)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return (QValidator.State.Acceptable, text, pos)
        return super().validate(text, pos)


class OptionalDoubleSpinBox(QDoubleSpinBox):
    """A decimal spin box that may be left empty (number() is then None)."""

    def __init__(
        self, maximum: float, *, decimals: int = 1, step: float = 1.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setDecimals(decimals)
        self.setRange(-1.0, maximum)
        self.setSingleStep(step)
        self.setValue(-1.0)
        _fit_digits(self, len(str(int(maximum))) + (decimals + 1 if decimals else 0))

    def number(self) -> float | None:
        return None if self.value() < 0 else self.value()

    def set_number(self, value: float | None) -> None:
        self.setValue(-1.0 if value is None else max(0.0, min(value, self.maximum())))

    def textFromValue(self, value: float) -> str:
        if value < 0:
            return ""
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def valueFromText(self, text: str) -> float:
        stripped = text.strip().replace(",", ".")
        return -1.0 if not stripped else float(stripped)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if not stripped:
            return (QValidator.State.Acceptable, text, pos)
        try:
            value = float(stripped.replace(",", "."))
        except ValueError:
            if stripped in {".", ","}:
                return (QValidator.State.Intermediate, text, pos)
            return (QValidator.State.Invalid, text, pos)
        if not 0 <= value <= self.maximum():
            return (QValidator.State.Invalid, text, pos)
        return (QValidator.State.Acceptable, text, pos)
