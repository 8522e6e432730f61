"""A 0–10 scale with the chosen number always in view, and 'Not rated'."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSlider, QVBoxLayout, QWidget

from cramplog.core.translation import _
from cramplog.ui.widgets.labels import MutedLabel, plain_label, scaled_font

NOT_RATED_MARK = "—"


class ScalePicker(QWidget):
    """A 0–10 rating: slider, the chosen number beside it, and "Not rated"."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        *,
        low_caption: str = "0",
        high_caption: str = "10",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rated = False
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(_("{name}, 0 to 10").format(name=name))
        self.slider.setMinimumWidth(180)
        self.number = plain_label(NOT_RATED_MARK, wrap=False)
        self.number.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("10") + 8)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setAccessibleName(_("{name} chosen").format(name=name))
        self.not_rated = QCheckBox(_("Not rated"))
        self.not_rated.setAccessibleName(_("{name} not rated").format(name=name))
        self.not_rated.setChecked(True)

        low = MutedLabel(low_caption)
        low.setWordWrap(False)
        high = MutedLabel(high_caption)
        high.setWordWrap(False)
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        captions = QHBoxLayout()
        captions.setContentsMargins(0, 0, 0, 0)
        captions.addWidget(low)
        captions.addStretch(1)
        captions.addWidget(high)

        scale = QVBoxLayout()
        scale.setContentsMargins(0, 0, 0, 0)
        scale.setSpacing(0)
        scale.addWidget(self.slider)
        scale.addLayout(captions)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number)
        layout.addLayout(scale, 1)
        layout.addWidget(self.not_rated)
        self.setFocusProxy(self.slider)

        # actionTriggered fires for every key press or click on the slider, even one that
        # leaves the value where it was (pressing Left at 0), so touching it always rates.
        self.slider.actionTriggered.connect(self._touched)
        self.slider.valueChanged.connect(self._touched)
        self.not_rated.toggled.connect(self._not_rated_toggled)
        self._show()

    def value(self) -> int | None:
        return self.slider.value() if self._rated else None

    def set_value(self, value: int | None) -> None:
        with QSignalBlocker(self.slider), QSignalBlocker(self.not_rated):
            self._rated = value is not None
            self.slider.setValue(0 if value is None else value)
            self.not_rated.setChecked(value is None)
        self._show()

    def _touched(self, *_args: object) -> None:
        if not self._rated:
            self._rated = True
            with QSignalBlocker(self.not_rated):
                self.not_rated.setChecked(False)
        self._show()
        self.changed.emit()

    def _not_rated_toggled(self, checked: bool) -> None:
        self._rated = not checked
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        self.number.setText(str(self.slider.value()) if self._rated else NOT_RATED_MARK)
        self.number.setToolTip("" if self._rated else _("Not rated"))
