"""The body map on its own, for the full episode form: point, and the form takes muscle and side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cramplog.core.records import Side
from cramplog.core.translation import _
from cramplog.ui.widgets.body_map import BodyMapWidget
from cramplog.ui.widgets.labels import plain_label


class BodyMapDialog(QDialog):
    """Picking a region (or "Other muscle") closes the dialog with `choice` set."""

    def __init__(
        self,
        label_of: Callable[[str], str],
        muscle: str | None,
        side: Side,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Where did it cramp?"))
        self.setObjectName("bodyMapDialog")
        self.choice: tuple[str, Side] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(_("Point to the muscle; front and back are shown side by side."))
        )
        self.body_map = BodyMapWidget(label_of, parent=self)
        self.body_map.setMinimumSize(380, 460)
        self.body_map.set_choice(muscle, side)
        self.body_map.picked.connect(self._picked)
        layout.addWidget(self.body_map, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.body_map.focus_region()

    def _picked(self, muscle: str, side: Side) -> None:
        self.choice = (muscle, side)
        self.accept()
