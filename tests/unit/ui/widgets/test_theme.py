"""Light and dark themes: readable contrast for every text role, and following the system."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QProgressBar,
    QRadioButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cramplog.ui.preferences import ThemeMode
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.indicator_style import IndicatorStyle

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Text on its background, as the app draws it: WCAG AA asks 4.5:1 for normal-size text.
# Roles go by name so the test ids read "Text-Base" rather than an enum's repr.
TEXT_PAIRS = [
    ("Text", "Base"),
    ("Text", "AlternateBase"),
    ("WindowText", "Window"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("Link", "Base"),
    ("Link", "Window"),
    ("LinkVisited", "Base"),
    ("ToolTipText", "ToolTipBase"),
    ("PlaceholderText", "Base"),
]
PALETTES = {"light": theme.light_palette, "dark": theme.dark_palette}


@pytest.fixture(autouse=True)
def restore_look(qapp: QApplication) -> Iterator[None]:
    palette, style = qapp.palette(), qapp.style().name() or theme.FUSION
    yield
    theme.apply_theme(qapp, ThemeMode.SYSTEM)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_contrast_ratio_matches_wcag_examples() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert theme.contrast_ratio(black, white) == pytest.approx(21)
    assert theme.contrast_ratio(white, white) == pytest.approx(1)
    # #767676 on white is the classic "just passes AA" grey.
    assert theme.contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("group", ["Active", "Inactive"])
@pytest.mark.parametrize(("fore", "back"), TEXT_PAIRS)
def test_text_is_readable_in_both_themes(name: str, group: str, fore: str, back: str) -> None:
    palette = PALETTES[name]()
    colour_group = getattr(Group, group)
    ratio = theme.contrast_ratio(
        palette.color(colour_group, getattr(Role, fore)),
        palette.color(colour_group, getattr(Role, back)),
    )
    assert ratio >= 4.5, f"{name} {fore} on {back}: {ratio:.2f}"


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("back", ["Window", "Button", "Base"])
def test_disabled_text_is_dimmer_but_still_legible(name: str, back: str) -> None:
    # WCAG exempts inactive controls; 3:1 keeps them legible while clearly greyed out.
    palette = PALETTES[name]()
    background = palette.color(Group.Disabled, getattr(Role, back))
    disabled = theme.contrast_ratio(palette.color(Group.Disabled, Role.Text), background)
    enabled = theme.contrast_ratio(palette.color(Role.Text), background)
    assert 3.0 <= disabled < enabled


@pytest.mark.parametrize("name", PALETTES)
def test_error_messages_are_readable_on_windows_and_fields(name: str) -> None:
    palette = PALETTES[name]()
    error = theme.error_colour(palette)
    for back in (Role.Window, Role.Base):
        assert theme.contrast_ratio(error, palette.color(back)) >= 4.5


def test_is_dark_tells_the_palettes_apart() -> None:
    assert not theme.is_dark(theme.light_palette())
    assert theme.is_dark(theme.dark_palette())


def test_an_explicit_theme_uses_fusion_and_reaches_tooltips(qapp: QApplication) -> None:
    theme.apply_theme(qapp, ThemeMode.DARK)
    style = qapp.style()
    assert isinstance(style, IndicatorStyle)  # Fusion, with outlines that can be seen
    assert style.baseStyle().name().casefold() == "fusion"
    assert theme.is_dark(qapp.palette())
    assert QToolTip.palette().color(Role.ToolTipBase) == theme.dark_palette().color(
        Role.ToolTipBase
    )
    theme.apply_theme(qapp, ThemeMode.LIGHT)
    assert not theme.is_dark(qapp.palette())
    assert qapp.palette().color(Role.Window) == QColor("#eef0f3")


def test_system_mode_follows_the_system_scheme_as_it_changes(qapp: QApplication) -> None:
    theme.apply_theme(qapp, ThemeMode.SYSTEM)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.is_dark(qapp.palette())
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark(qapp.palette())


def test_an_explicit_choice_ignores_the_system_scheme(qapp: QApplication) -> None:
    theme.apply_theme(qapp, ThemeMode.LIGHT)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not theme.is_dark(qapp.palette())


def test_error_labels_change_colour_with_the_theme(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply_theme(qapp, ThemeMode.LIGHT)
    label = theme.ErrorLabel()
    qtbot.add_widget(label)
    label.show_message("The stop date is before the start date.")
    label.show()
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.palette().color(Role.WindowText) == theme.error_colour(theme.light_palette())
    theme.apply_theme(qapp, ThemeMode.DARK)
    qtbot.wait_until(
        lambda: label.palette().color(Role.WindowText) == theme.error_colour(theme.dark_palette())
    )
    assert label.palette().color(Role.Window) == theme.dark_palette().color(Role.Window)


def test_the_first_paint_reads_the_system_darkness_from_the_platform_palette(
    qapp: QApplication,
) -> None:
    qapp.setPalette(theme.dark_palette())  # what a dark desktop's platform theme hands Qt
    theme.apply_first_theme(qapp, ThemeMode.SYSTEM)
    assert theme.is_dark(qapp.palette())
    qapp.setPalette(theme.light_palette())
    theme.apply_first_theme(qapp, ThemeMode.SYSTEM)
    assert not theme.is_dark(qapp.palette())
    theme.apply_first_theme(qapp, ThemeMode.DARK)  # an explicit choice wins
    assert theme.is_dark(qapp.palette())


def test_once_on_screen_the_declared_system_scheme_decides(qapp: QApplication) -> None:
    # A platform palette can disagree with the scheme the system declares (a light GTK
    # theme under a dark desktop setting); the full theme, applied after the first paint,
    # follows the declared scheme. Offscreen declares none, which reads as light.
    qapp.setPalette(theme.dark_palette())
    theme.apply_first_theme(qapp, ThemeMode.SYSTEM)
    assert theme.is_dark(qapp.palette())
    assert QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Dark
    theme.apply_theme(qapp, ThemeMode.SYSTEM)
    assert not theme.is_dark(qapp.palette())


@pytest.mark.parametrize("mode", [ThemeMode.LIGHT, ThemeMode.DARK])
def test_an_unticked_box_and_radio_button_stand_out_from_the_window(
    qapp: QApplication, qtbot: QtBot, mode: ThemeMode
) -> None:
    # WCAG 1.4.11: a control's outline at 3:1 or more against what is behind it. Fusion's
    # own outline measured 1.65:1 (light) and 1.16:1 (dark) before the indicator style.
    theme.apply_theme(qapp, mode)
    window = QWidget()
    qtbot.add_widget(window)
    layout = QVBoxLayout(window)
    controls = [QCheckBox("Unticked"), QRadioButton("Not chosen")]
    for control in controls:
        layout.addWidget(control)
    window.resize(240, 90)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    behind = qapp.palette().color(Role.Window)
    for control in controls:
        box = control.geometry()
        strongest = max(
            theme.contrast_ratio(QColor(image.pixel(x, y)), behind)
            for x in range(box.x(), box.x() + 20)
            for y in range(box.y(), box.y() + box.height())
        )
        assert strongest >= 3.0, f"{type(control).__name__} outline {strongest:.2f}:1"


@pytest.mark.parametrize("name", PALETTES)
def test_the_indicator_outline_reaches_3_to_1_on_windows_and_fields(name: str) -> None:
    palette = PALETTES[name]()
    outline = theme.indicator_colour(palette)
    for back in (Role.Window, Role.Base, Role.AlternateBase):
        assert theme.contrast_ratio(outline, palette.color(back)) >= 3.0


@pytest.mark.parametrize("mode", [ThemeMode.LIGHT, ThemeMode.DARK])
def test_a_progress_bar_fill_stands_out_from_its_empty_part_and_keeps_its_text_readable(
    qapp: QApplication, qtbot: QtBot, mode: ThemeMode
) -> None:
    # WCAG 1.4.11 again: how far an export or a print has gone is told by the fill alone.
    # In dark it measured 2.05:1 against the empty part before the highlight was lightened.
    theme.apply_theme(qapp, mode)
    bar = QProgressBar()
    qtbot.add_widget(bar)
    bar.setRange(0, 100)
    bar.setValue(50)
    bar.resize(400, 24)
    bar.show()
    qtbot.waitExposed(bar)
    image = bar.grab().toImage()
    # Fusion shades the fill top to bottom: every line of it is measured, inside the frame.
    lines = range(4, image.height() - 4)
    filled = [QColor(image.pixel(image.width() // 8, y)) for y in lines]
    empty = [QColor(image.pixel(image.width() * 7 // 8, y)) for y in lines]
    weakest = min(theme.contrast_ratio(f, e) for f, e in zip(filled, empty, strict=True))
    assert weakest >= 3.0, f"fill against the empty part {weakest:.2f}:1"
    text = bar.palette().color(Role.HighlightedText)  # the percentage, where it is on the fill
    assert min(theme.contrast_ratio(text, f) for f in filled) >= 4.5
