"""The About dialog: version, where the diary is, and what cramplog is not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cramplog import __version__
from cramplog.core.translation import _


class AboutDialog(QDialog):
    def __init__(self, diary_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About cramplog"))
        layout = QVBoxLayout(self)
        title = QLabel(f"cramplog {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        for text in (
            _("A private diary for muscle cramps and spasms."),
            _(
                "Not a medical device. It records what you notice; it does not diagnose or "
                "treat anything. If you are worried about a symptom, talk to a doctor."
            ),
            _("Your diary stays on this computer; cramplog never uses the network."),
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        where = QLabel(_("Diary file:\n{path}").format(path=diary_path))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        where.setObjectName("diaryPath")
        layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
