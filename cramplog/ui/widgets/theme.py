"""The app's look: Fusion with calm light and dark palettes that can follow the system scheme."""

from __future__ import annotations

from dataclasses import dataclass

# `QtCore.Qt`, never `from PySide6.QtCore import Qt`: PySide builds the Qt namespace's
# hundred enums (~25 ms) on first touch, and the first paint must not wait for that.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from cramplog.ui.preferences import ThemeMode

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup


@dataclass(frozen=True, slots=True)
class _Colours:
    """One theme's colours. Every text/background pair is checked for contrast in the tests."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str
    disabled_text: str
    disabled_button: str
    light: str
    midlight: str
    mid: str
    dark: str
    shadow: str
    error: str
    indicator: str  # the outline of a check box or radio button: 3:1 on window and fields
    # A progress bar's fill and the percentage on it: 3:1 against the empty part, which is
    # the field colour, with Fusion's shading (lighter at the top) taken into account.
    progress: str
    progress_text: str


# Blue-grey neutrals with one calm blue accent. Text pairs reach WCAG AA (4.5:1) or better;
# disabled text is deliberately dimmer but still above 3:1 so it stays legible at 3 a.m.
_LIGHT = _Colours(
    window="#eef0f3",
    window_text="#1a1d21",
    base="#ffffff",
    alternate_base="#f3f5f8",
    text="#1a1d21",
    button="#e3e6ea",
    button_text="#1a1d21",
    highlight="#2f5f98",
    highlighted_text="#ffffff",
    link="#1d5aa6",
    link_visited="#6a3d9a",
    tooltip_base="#fffdf3",
    tooltip_text="#1a1d21",
    placeholder="#5f6670",
    disabled_text="#80868e",
    disabled_button="#eceef1",
    light="#ffffff",
    midlight="#f4f5f7",
    mid="#b4bac2",
    dark="#8a919a",
    shadow="#5a6068",
    error="#a8231b",
    indicator="#6f7680",
    progress="#2f5f98",
    progress_text="#ffffff",
)

# Dark without being black: a low-glare blue-grey that is comfortable in a dark bedroom.
# Fields are a step lighter than the window, because Fusion draws their outlines darker than
# the window: on a darker base, check boxes and line edits would melt into the background.
_DARK = _Colours(
    window="#1f2226",
    window_text="#e3e6ea",
    base="#2a2d33",
    alternate_base="#30343a",
    text="#e3e6ea",
    button="#363a41",
    button_text="#e3e6ea",
    highlight="#2f5d94",
    highlighted_text="#ffffff",
    link="#8cb9f0",
    link_visited="#c6a8ee",
    tooltip_base="#363a41",
    tooltip_text="#e3e6ea",
    placeholder="#9aa1aa",
    disabled_text="#868d96",
    disabled_button="#2a2d33",
    light="#464b53",
    midlight="#3d4148",
    mid="#555b64",
    dark="#15171a",
    shadow="#0a0b0d",
    error="#ffa59c",
    indicator="#8b929c",
    # The highlight (#2f5d94) would be 2.1:1 against the empty part; no blue keeps both 3:1
    # there and white text at 4.5:1 on it, so the fill is lighter and its text dark.
    progress="#5b8fd0",
    progress_text="#111317",
)


def _palette(colours: _Colours) -> QPalette:
    palette = QPalette()
    roles = {
        _Role.Window: colours.window,
        _Role.WindowText: colours.window_text,
        _Role.Base: colours.base,
        _Role.AlternateBase: colours.alternate_base,
        _Role.Text: colours.text,
        _Role.Button: colours.button,
        _Role.ButtonText: colours.button_text,
        _Role.BrightText: colours.highlighted_text,
        _Role.Highlight: colours.highlight,
        _Role.HighlightedText: colours.highlighted_text,
        _Role.Accent: colours.highlight,
        _Role.Link: colours.link,
        _Role.LinkVisited: colours.link_visited,
        _Role.ToolTipBase: colours.tooltip_base,
        _Role.ToolTipText: colours.tooltip_text,
        _Role.PlaceholderText: colours.placeholder,
        _Role.Light: colours.light,
        _Role.Midlight: colours.midlight,
        _Role.Mid: colours.mid,
        _Role.Dark: colours.dark,
        _Role.Shadow: colours.shadow,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))  # all groups
    # An unfocused window keeps its selection colour, so the chosen row stays easy to find.
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, QColor(colours.disabled_text))
    palette.setColor(_Group.Disabled, _Role.Button, QColor(colours.disabled_button))
    palette.setColor(_Group.Disabled, _Role.Base, QColor(colours.window))
    palette.setColor(_Group.Disabled, _Role.Highlight, QColor(colours.mid))
    palette.setColor(_Group.Disabled, _Role.HighlightedText, QColor(colours.window_text))
    palette.setColor(_Group.Disabled, _Role.PlaceholderText, QColor(colours.disabled_text))
    return palette


def light_palette() -> QPalette:
    return _palette(_LIGHT)


def dark_palette() -> QPalette:
    return _palette(_DARK)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black … 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (identical) to 21 (black on white)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether a palette draws light text on a dark window (charts pick their colours by it)."""
    return relative_luminance(palette.color(_Role.Window)) < relative_luminance(
        palette.color(_Role.WindowText)
    )


def error_colour(palette: QPalette) -> QColor:
    """Text colour for a validation message that reads well on this palette's window."""
    return QColor(_DARK.error if is_dark(palette) else _LIGHT.error)


def indicator_colour(palette: QPalette) -> QColor:
    """The outline of a check box or radio button on this palette (WCAG's 3:1 for controls)."""
    return QColor(_DARK.indicator if is_dark(palette) else _LIGHT.indicator)


class _SchemeFollower(QObject):
    """Remembers the chosen mode and, for "system", re-themes when the system scheme changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("cramplogSchemeFollower")
        self.app = app
        self.mode = ThemeMode.SYSTEM
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def _scheme_changed(self, scheme: QtCore.Qt.ColorScheme) -> None:
        if self.mode is ThemeMode.SYSTEM:
            _set_palette(self.app, dark=scheme == QtCore.Qt.ColorScheme.Dark)


def _follower(app: QApplication) -> _SchemeFollower:
    existing = app.findChild(_SchemeFollower, "cramplogSchemeFollower")
    return existing if isinstance(existing, _SchemeFollower) else _SchemeFollower(app)


def _set_palette(app: QApplication, *, dark: bool) -> None:
    colours = _DARK if dark else _LIGHT
    palette = _palette(colours)
    if QGuiApplication.palette() == palette:
        return  # already this palette: setting it again would repolish every widget
    app.setPalette(palette)
    # Tooltips keep a palette of their own; without this they stay in the old theme.
    QToolTip.setPalette(palette)
    # For every progress bar. PySide6's stub asks for bytes, but the binding takes the class
    # name as str only (bytes raises ValueError).
    QApplication.setPalette(
        progress_palette(colours),
        "QProgressBar",  # type: ignore[arg-type]
    )


def progress_palette(colours: _Colours) -> QPalette:
    """The theme's palette with a progress bar's fill and the text drawn on it."""
    # Made afresh, not copied: QPalette's copy constructor loads PySide's Qt namespace
    # (~25 ms), which the first paint must not wait for.
    bars = _palette(colours)
    for group in (_Group.Active, _Group.Inactive):
        bars.setColor(group, _Role.Highlight, QColor(colours.progress))
        bars.setColor(group, _Role.HighlightedText, QColor(colours.progress_text))
    return bars


FUSION = "Fusion"
STYLE_PROPERTY = "cramplogStyle"


def _use_fusion(app: QApplication) -> None:
    # Asking the app for its style costs ~20 ms the first time (PySide builds QStyle's
    # enums), so the style is set once and remembered in a property; cramplog's own
    # QApplication starts in Fusion (see `ui.app`) and says so the same way.
    if app.property(STYLE_PROPERTY) != FUSION:
        app.setStyle(FUSION)
        app.setProperty(STYLE_PROPERTY, FUSION)


def apply_first_theme(app: QApplication, mode: ThemeMode) -> None:
    """The palette for a start-up's first paint, chosen without the Qt namespace's enums.

    For "system", the platform's own palette tells light from dark (Qt's platform themes
    give a dark one when the system is dark); `apply_theme`, called once the window is on
    screen, checks that against the system's declared scheme and follows it if they differ.
    """
    _use_fusion(app)
    dark = mode is ThemeMode.DARK
    if mode is ThemeMode.SYSTEM:
        dark = is_dark(QGuiApplication.palette())
    _set_palette(app, dark=dark)


def apply_theme(app: QApplication, mode: ThemeMode) -> None:
    """Give the whole app the Fusion style and the light or dark palette `mode` asks for."""
    _use_fusion(app)
    # Called once the window is on screen, so the first paint never waits for QStyle's enums.
    from cramplog.ui.widgets import indicator_style

    indicator_style.install(app)
    dark_scheme = QtCore.Qt.ColorScheme.Dark
    follower = _follower(app)
    follower.mode = mode
    hints = QGuiApplication.styleHints()
    if mode is ThemeMode.SYSTEM:
        # Qt ≥ 6.8 lets the app ask for a scheme; undo any earlier request so the system's own
        # choice shows through again (and window decorations follow it too).
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        _set_palette(app, dark=hints.colorScheme() == dark_scheme)
        return
    dark = mode is ThemeMode.DARK
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(dark_scheme if dark else QtCore.Qt.ColorScheme.Light)
    _set_palette(app, dark=dark)


class WrappedLabel(QLabel):
    """Plain text that wraps and always keeps the height its lines need.

    A word-wrapped QLabel in a dialog's form can be squeezed below its height-for-width,
    clipping lines (most visibly at 2x scale); pinning the minimum height to the wrapped
    height at the current width prevents that.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def _fit_height(self) -> None:
        if self.width() > 0:
            needed = self.heightForWidth(self.width())
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()


class ErrorLabel(WrappedLabel):
    """A plain-text validation message in the error colour of whichever theme is showing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setVisible(False)
        self._recolour()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")

    def _recolour(self) -> None:
        colour = error_colour(QApplication.palette())
        if self.palette().color(_Role.WindowText) != colour:
            palette = self.palette()
            palette.setColor(_Role.WindowText, colour)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A child hears PaletteChange when the app's palette changes, a window hears
        # ApplicationPaletteChange; recolouring is a no-op once the colour is right.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()
