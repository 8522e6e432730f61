"""The Agg canvas page one's charts are rasterised on: each font's line heights looked up once.

Matplotlib lays out every text (each tick label, constrained layout measuring it twice and
the draw once more) by finding its font file and reading three of the font's tables again,
about a fifth of drawing the two print charts. Since matplotlib 3.10 a renderer may answer
those heights itself (`_get_font_height_metrics`, as its PDF and PS renderers do); this one
answers with matplotlib's own arithmetic, kept per font file, size and resolution (the
files found for a font's properties kept too), so the chart comes out pixel for pixel the
same. Older matplotlib never asks, and draws as before.
"""

from __future__ import annotations

import functools
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.font_manager import FontProperties, fontManager, get_font

Heights = tuple[float, float, float] | tuple[None, None, None]

# The (table, line gap, ascent, descent) matplotlib reads, in the order it tries them.
_TABLES = (
    ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
    ("hhea", "lineGap", "ascent", "descent"),
)


@functools.lru_cache(maxsize=64)
def _heights(fonts: tuple[str, ...], size: float, dpi: float) -> Heights:
    font: Any = get_font(list(fonts))  # its table types are keyed by literal names
    for table_name, gap_key, ascent_key, descent_key in _TABLES:
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * size * dpi / 72
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return None, None, None  # matplotlib measures the text instead


# The font files found for each font's properties and the rc settings in force: finding them
# again for every text cost as much as the heights themselves.
_FONTS: dict[tuple[object, ...], tuple[str, ...]] = {}


def _font_files(prop: FontProperties) -> tuple[str, ...]:
    rc = matplotlib.rcParams
    # What matplotlib's findfont reads to choose a file: the properties and these settings.
    settings = (
        rc["font.family"],
        rc["font.style"],
        rc["font.variant"],
        rc["font.weight"],
        rc["font.stretch"],
        rc["font.size"],
        rc["font.serif"],
        rc["font.sans-serif"],
        rc["font.cursive"],
        rc["font.fantasy"],
        rc["font.monospace"],
    )
    key = (
        tuple(prop.get_family()),
        prop.get_slant(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size(),
        prop.get_file(),
        prop.get_math_fontfamily(),
        *(tuple(value) if isinstance(value, list) else value for value in settings),
    )
    found = _FONTS.get(key)
    if found is None:
        if len(_FONTS) > 256:  # a handful in practice; never let it grow without end
            _FONTS.clear()
        found = _FONTS[key] = tuple(fontManager._find_fonts_by_props(prop))
    return found


class _KnownHeightsRenderer(RendererAgg):
    def _get_font_height_metrics(self, prop: FontProperties) -> Heights:
        # Keyed by the font files found (the rc settings in force choose them), not by
        # the properties alone.
        return _heights(_font_files(prop), prop.get_size_in_points(), self.dpi)


class PrintCanvas(FigureCanvasAgg):
    """FigureCanvasAgg whose renderer knows the fonts' line heights (see the module)."""

    def get_renderer(self) -> RendererAgg:
        # FigureCanvasAgg.get_renderer, with the renderer above.
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _KnownHeightsRenderer(width, height, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._lastKey = key
        renderer: RendererAgg = self.renderer
        return renderer
