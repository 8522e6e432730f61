"""Fusion with check boxes and radio buttons whose outlines can be seen (WCAG's 3:1 for controls).

Fusion outlines an unticked box in the window colour darkened by 40%: about 1.6:1 on the
light theme's window and 1.2:1 on the dark one, so an unticked box all but vanishes at night.
A proxy style draws Fusion's indicator, then its outline again in the theme's indicator colour;
everything else is Fusion's own.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from cramplog.ui.widgets import theme

_Element = QStyle.PrimitiveElement
_State = QStyle.StateFlag


class IndicatorStyle(QProxyStyle):
    """Fusion, with indicator outlines in `theme.indicator_colour`."""

    def __init__(self) -> None:
        super().__init__(theme.FUSION)
        self._boxes = (_Element.PE_IndicatorCheckBox, _Element.PE_IndicatorItemViewItemCheck)
        self._round = _Element.PE_IndicatorRadioButton

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._boxes and element != self._round:
            return
        state = option.state
        if not state & _State.State_Enabled:
            return  # a greyed-out control is meant to look faint
        if state & _State.State_HasFocus and state & _State.State_KeyboardFocusChange:
            return  # Fusion's own focus outline, in the accent colour, says more
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(theme.indicator_colour(option.palette), 1.0))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        outline = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == self._round:
            painter.drawEllipse(outline)
        else:
            painter.drawRect(outline)
        painter.restore()


def install(app: QApplication) -> None:
    """Use `IndicatorStyle` for the whole app, unless it already does."""
    if not isinstance(app.style(), IndicatorStyle):
        app.setStyle(IndicatorStyle())
