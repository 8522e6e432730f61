"""Muted captions: softer than the text beside them, yet readable in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from cramplog.ui.widgets import theme
from cramplog.ui.widgets.labels import MutedLabel


@pytest.mark.parametrize("dark", [False, True])
def test_a_caption_made_before_its_parent_is_readable(qtbot: QtBot, dark: bool) -> None:
    # The episode form makes its night caption first and puts it in a row afterwards; it once
    # faded into the background, its colour blended from itself again and again.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(theme.dark_palette() if dark else theme.light_palette())
    try:
        caption = MutedLabel("Night of Tuesday 10 March · time not noted")
        holder = QWidget()
        qtbot.add_widget(holder)
        QHBoxLayout(holder).addWidget(caption)
        holder.show()
        text = caption.palette().color(QPalette.ColorRole.WindowText)
        window = holder.palette().color(QPalette.ColorRole.Window)
        assert theme.contrast_ratio(text, window) >= 4.5
    finally:
        app.setPalette(before)
