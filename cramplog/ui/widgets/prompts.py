"""Modal prompts the forms ask through: the one seam tests patch (via common)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from cramplog.core.translation import _


def confirm_discard(parent: QWidget | None, question: str) -> bool:
    """Ask whether to throw away what was entered; True means discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Discard?"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(question)
    discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def ask_text(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """Ask for one line of text; None when the person cancels."""
    text, ok = QInputDialog.getText(parent, title, prompt)
    return text if ok else None
