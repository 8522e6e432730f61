"""Labels on every screen: readable against what is actually behind them, in both themes.

The text colour is resolved from the widget's palette (the colour Qt paints the glyphs in;
antialiased glyph pixels seldom reach it, so sampling them would under-rate every label);
the background is sampled from the grabbed window (the commonest pixel under the label), so a
card, a field or a style sheet behind the text counts, not just the palette's Window colour.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from cramplog.diary.service import Diary
from cramplog.ui.preferences import Preferences, ThemeMode
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.colours import muted_color
from cramplog.ui.widgets.labels import MutedLabel
from tests.unit.ui import screens

BODY, LARGE = 4.5, 3.0  # WCAG AA: body text; large text (≥ 18 pt, or ≥ 14 pt bold) and hints


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    opened = screens.sample_diary(tmp_path_factory.mktemp("screens") / "data")
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def restore_look(qapp: QApplication) -> Iterator[None]:
    palette = qapp.palette()
    yield
    theme.apply_theme(qapp, ThemeMode.SYSTEM)
    qapp.setPalette(palette)


def _large(font: QFont) -> bool:
    size = font.pointSizeF()
    return size >= 18 or (size >= 14 and font.bold())


def unreadable(top: QWidget) -> list[str]:
    """Each text widget of `top` whose text is below AA against the pixels behind it."""
    image = top.grab().toImage()
    scale = image.devicePixelRatio()
    found = []
    for widget in screens.text_widgets(top):
        shown = widget.visibleRegion().boundingRect()
        corner = widget.mapTo(top, shown.topLeft())
        pixels = QRect(
            QPoint(round(corner.x() * scale), round(corner.y() * scale)),
            shown.size() * scale,
        )
        surface = isinstance(widget, QPushButton)
        back = screens.backdrop(image, pixels, surface=surface)
        role = QPalette.ColorRole.ButtonText if surface else widget.foregroundRole()
        fore = widget.palette().color(role)
        ratio = theme.contrast_ratio(fore, back)
        need = LARGE if _large(widget.font()) or isinstance(widget, MutedLabel) else BODY
        if ratio < need:
            found.append(
                f"{type(widget).__name__} {widget.text()[:50]!r}: {fore.name()} on "
                f"{back.name()} is {ratio:.2f}:1, needs {need}:1"
            )
    return found


@pytest.mark.parametrize("look", screens.THEMES)
def test_every_place_is_readable(
    qtbot: QtBot, diary: Diary, preferences: Preferences, look: str
) -> None:
    screens.use_theme(look)
    window = screens.open_window(qtbot, diary, preferences)
    problems = {name: unreadable(top) for name, top in screens.places(window)}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("look", screens.THEMES)
@pytest.mark.parametrize("name", screens.DIALOGS)
def test_every_dialog_is_readable(
    qtbot: QtBot, diary: Diary, preferences: Preferences, look: str, name: str
) -> None:
    screens.use_theme(look)
    window = screens.open_window(qtbot, diary, preferences)
    dialog = screens.open_dialog(qtbot, window, name)
    assert unreadable(dialog) == []


def test_a_hint_made_without_a_parent_stays_readable_through_theme_changes(
    qtbot: QtBot,
) -> None:
    # Forms make their hints first and lay them out after; the hint's colour must come from
    # the window it lands in, in whichever theme is showing, however often the theme changes.
    screens.use_theme("light")
    hint = MutedLabel("(empty if unsure)")
    hint.ensurePolished()  # as asking its size does, before it is laid out
    holder = QWidget()
    qtbot.add_widget(holder)
    QVBoxLayout(holder).addWidget(hint)
    holder.show()
    for look in ("light", "dark", "light", "dark"):
        screens.use_theme(look)  # the first is already showing: nothing changes
        window = holder.palette().color(QPalette.ColorRole.Window)
        text = hint.palette().color(QPalette.ColorRole.WindowText)
        assert text == muted_color(holder.palette())
        assert theme.contrast_ratio(text, window) >= BODY


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_no_text_is_cut_short_on_any_screen_at_any_scale(tmp_path: Path, scale: str) -> None:
    # Each label, button, combo box and tree shows its whole text: a label's size hint (its
    # height for its width when it wraps) fits the geometry it got, a button's hint fits its
    # width, a combo box's current text fits its field, a tree's names fit their column.
    result = subprocess.run(
        [sys.executable, "-m", "tests.unit.ui.layout_probe", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).parents[4],
        check=True,
    )
    found = json.loads(result.stdout.splitlines()[-1])
    assert len(found) == 2 * 4 + len(screens.DIALOGS)
    assert {name: problems for name, problems in found.items() if problems} == {}
