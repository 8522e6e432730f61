"""Chart themes: the colours and fonts of one look (light, dark, print), applied per figure.

A `ChartStyle` is plain data; `rc_params()` gives the matplotlib settings it implies, for a
scoped `matplotlib.rc_context` around one figure's construction. Nothing here touches the
global rcParams.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

# Okabe–Ito colours: told apart with every common colour-vision deficiency.
_BLUE = "#0072B2"
_ORANGE = "#E69F00"
_GREEN = "#009E73"
_SKY = "#56B4E9"
_VERMILLION = "#D55E00"


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """The colours and fonts of every chart in one look.

    `cramp_scale` colours calendar nights with 1, 2, 3 and 4 or more cramps, ever stronger;
    `cramp_free` is deliberately quieter than any of them and `unrecorded` quieter still.
    `sides` colours left, right, both and not-applicable, in that order.
    """

    name: str
    background: str
    foreground: str
    muted: str
    grid: str
    accent: str
    accent_alt: str
    marker: str
    good: str
    cramp_free: str
    partial: str
    poor: str
    unrecorded: str
    night_band: str
    cramp_scale: tuple[str, str, str, str]
    sides: tuple[str, str, str, str] = (_BLUE, _ORANGE, _GREEN, "#999999")
    font_family: tuple[str, ...] = field(default=("DejaVu Sans", "sans-serif"))
    font_size: float = 9.0
    title_size: float = 10.5
    dpi: float = 100.0
    width_in: float = 6.4
    # No text is drawn smaller than this (points), however small its share of font_size:
    # paper needs a floor that a screen, which can be zoomed, does not.
    min_text_size: float = 0.0
    # Where each title sits, as a share of its axes' height (1.0: just above them). None lets
    # matplotlib move it clear of anything drawn above the axes, measuring every tick label of
    # the chart at every draw to find out; a chart that never draws there can say 1.0.
    title_y: float | None = None
    # The most entries a legend puts side by side (fewer when a chart asks for fewer).
    legend_columns: int = 6

    def small(self, share: float) -> float:
        """The size of secondary text (ticks, legends, labels): `share` of the body size, but
        never under `min_text_size`."""
        return max(self.font_size * share, self.min_text_size)

    def with_colours(self, *, background: str, foreground: str, muted: str) -> ChartStyle:
        """This look with the window's own background and text colours."""
        return replace(self, background=background, foreground=foreground, muted=muted)

    def rc_params(self) -> dict[Any, Any]:
        """matplotlib settings for a scoped `rc_context` while one figure is built."""
        return {
            "font.family": list(self.font_family),
            "font.size": self.font_size,
            "axes.titlesize": self.title_size,
            "axes.labelsize": self.font_size,
            "xtick.labelsize": self.small(0.9),
            "ytick.labelsize": self.small(0.9),
            "legend.fontsize": self.small(0.9),
            "text.color": self.foreground,
            "axes.labelcolor": self.foreground,
            "axes.edgecolor": self.muted,
            "axes.facecolor": self.background,
            "figure.facecolor": self.background,
            "savefig.facecolor": self.background,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "xtick.labelcolor": self.foreground,
            "ytick.labelcolor": self.foreground,
            "grid.color": self.grid,
            "legend.frameon": False,
            # User text (muscle names, medicines, custom triggers) is never parsed as maths.
            "text.parse_math": False,
            "text.usetex": False,
            "svg.fonttype": "none",
        }


LIGHT = ChartStyle(
    name="light",
    background="#ffffff",
    foreground="#1f1f1f",
    muted="#5f6368",
    grid="#e3e3e3",
    accent=_BLUE,
    accent_alt=_VERMILLION,
    marker="#6a3d9a",
    good=_GREEN,
    cramp_free="#b7e2c9",
    partial=_ORANGE,
    poor="#8c8c8c",
    unrecorded="#e4e4e4",
    night_band="#dfe8f5",
    cramp_scale=("#9ecae1", "#4292c6", "#2171b5", "#08306b"),
)

DARK = ChartStyle(
    name="dark",
    background="#1e1f22",
    foreground="#e8e8e8",
    muted="#a0a4aa",
    grid="#3a3c40",
    accent=_SKY,
    accent_alt=_ORANGE,
    marker="#c9a0dc",
    good="#3fbf98",
    cramp_free="#2f6a4f",
    partial=_ORANGE,
    poor="#8a8d92",
    unrecorded="#3a3c41",
    night_band="#2a3446",
    cramp_scale=("#2e75b6", "#5fa0dc", "#9ccaf0", "#e3f1fc"),
    sides=(_SKY, _ORANGE, "#3fbf98", "#8a8d92"),
)

# For paper and PDF: black text, no tinted background, slightly smaller type. The second
# series is a darker vermillion: its axis is labelled in it, and #D55E00 on white is only
# 3.9:1, under the 4.5:1 small print needs (this one is 5.8:1).
PRINT = replace(
    LIGHT,
    name="print",
    foreground="#000000",
    muted="#404040",
    accent_alt="#A84A00",
    grid="#d9d9d9",
    font_size=8.0,
    title_size=9.0,
    dpi=150.0,
    width_in=6.3,
    # Nothing is drawn above a printed chart's axes (no top ticks, no offset text).
    title_y=1.0,
)
