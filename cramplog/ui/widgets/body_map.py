"""The body map: point at where it cramped, front or back, and the muscle and side are picked.

Each region is a real child button shaped by its outline (a mask), so focus, clicks and
accessible names come from Qt itself. The shapes are read from resources/body_map.svg by
`core.body_map` and painted with the palette's colours rather than rendered by QtSvg: QtSvg
draws a file's own colours and can only report an element's bounding box, whereas the map must
follow light and dark themes and know exactly which shape the pointer is in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import body_map
from cramplog.core.records import Side
from cramplog.core.translation import _
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.labels import plain_label

OTHER_MUSCLE = "muscle.other"
# Typed letters within this many milliseconds of each other make one name to look for.
TYPE_AHEAD_MS = 1000
_CAPTION = 22
_CENTRED = Qt.AlignmentFlag.AlignCenter
# The height (in the drawing) at which "Right" and "Left" are written beside the figures.
_SIDE_WORDS_AT = 310
_ARROWS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


def shape_path(shape: body_map.Shape) -> QPainterPath:
    """The QPainterPath of one shape, in the file's coordinates."""
    path = QPainterPath()
    if shape.ellipse is not None:
        cx, cy, rx, ry = shape.ellipse
        path.addEllipse(QPointF(cx, cy), rx, ry)
        return path
    for command, numbers in shape.steps:
        points = [QPointF(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]
        if command == "M":
            path.moveTo(points[0])
        elif command == "L":
            path.lineTo(points[0])
        elif command == "Q":
            path.quadTo(points[0], points[1])
        elif command == "C":
            path.cubicTo(points[0], points[1], points[2])
        else:
            path.closeSubpath()
    return path


def region_name(label: str, side: Side) -> str:
    """What a region is called aloud and on screen: "Calf, right", or just "Neck"."""
    if side in (Side.LEFT, Side.RIGHT):
        # Translators: a region of the body map: "Calf, right".
        return _("{muscle}, {side}").format(muscle=label, side=side.label.lower())
    return label


class RegionButton(QAbstractButton):
    """One muscle on one side, drawn as its outline and clickable only inside it."""

    def __init__(self, region: body_map.Region, name: str, parent: BodyCanvas) -> None:
        super().__init__(parent)
        self.region = region
        self.name = name
        self.canvas = parent
        self.outline = shape_path(region.shape)
        self._local = QPainterPath()
        self.setCheckable(True)
        self.setText(name)
        self.setToolTip(name)
        self.setAccessibleName(name)
        self.setAccessibleDescription(_("Body map region"))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def centre(self) -> QPointF:
        """The region's middle, in the file's coordinates (for moving between neighbours)."""
        return self.outline.boundingRect().center()

    def place(self, transform: QTransform) -> None:
        """Fit the button to its outline under the canvas's current scale."""
        mapped = transform.map(self.outline)
        bounds = mapped.boundingRect().adjusted(-2, -2, 2, 2).toAlignedRect()
        self.setGeometry(bounds)
        self._local = mapped.translated(-bounds.x(), -bounds.y())
        self.setMask(QRegion(self._local.toFillPolygon().toPolygon()))

    def hitButton(self, pos: QPoint) -> bool:
        """Only a point inside the outline presses the button, not one in its box's corner."""
        return self._local.contains(QPointF(pos))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fill = palette.color(QPalette.ColorRole.Base)
        if self.isChecked():
            fill = chosen_colour(palette)
        elif self.underMouse() or self.hasFocus():
            fill = _mix(fill, palette.color(QPalette.ColorRole.Highlight), 0.35)
        painter.fillPath(self._local, fill)
        edge = palette.color(QPalette.ColorRole.WindowText)
        width = 2.5 if self.hasFocus() else 1.2
        painter.strokePath(self._local, QPen(edge, width))

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)
        self.canvas.show_name(self)

    def leaveEvent(self, event: object) -> None:
        super().leaveEvent(event)  # type: ignore[arg-type]
        self.canvas.show_name(None)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.canvas.focused(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.canvas.show_name(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _ARROWS:
            self.canvas.move_focus(self, _ARROWS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Pick, then let the dialog's default button have the key: pick and save in one.
            self.click()
            event.ignore()
        elif event.text().strip() and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            self.canvas.type_ahead(event.text())
        else:
            super().keyPressEvent(event)


def chosen_colour(palette: QPalette) -> QColor:
    """The chosen region's fill: the highlight, lightened or darkened until it stands out.

    A chosen region must differ from the unchosen ones by 3:1 (WCAG's figure for parts of
    a control); the dark theme's highlight alone is too close to its field colour.
    """
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.WindowText)
    for step in range(11):
        fill = _mix(highlight, text, step / 10)
        if theme.contrast_ratio(fill, base) >= 3:
            return fill
    return text


def _mix(first: QColor, second: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        first.redF() * (1 - share) + second.redF() * share,
        first.greenF() * (1 - share) + second.greenF() * share,
        first.blueF() * (1 - share) + second.blueF() * share,
    )


class BodyCanvas(QWidget):
    """The drawing: the outline of both views with a button per region on top."""

    def __init__(self, label_of: Callable[[str], str], parent: BodyMapWidget) -> None:
        super().__init__(parent)
        self.owner = parent
        self.drawing = body_map.load()
        self.setMinimumSize(250, 290)
        self._outline = [shape_path(shape) for shape in self.drawing.outline]
        self.regions: list[RegionButton] = []
        self.group = QButtonGroup(self)
        for region in self.drawing.regions:
            button = RegionButton(region, region_name(label_of(region.muscle), region.side), self)
            self.group.addButton(button)
            self.regions.append(button)
        self.current = self.regions[0]
        self.make_current(self.current)
        self._typed = ""
        self._typed_clock = QElapsedTimer()
        self._transform = QTransform()

    # -- geometry ------------------------------------------------------------------------

    def _fit(self) -> None:
        area = QRectF(self.rect()).adjusted(4, _CAPTION, -4, -4)
        scale = min(area.width() / self.drawing.width, area.height() / self.drawing.height)
        left = area.x() + (area.width() - self.drawing.width * scale) / 2
        self._transform = QTransform(scale, 0, 0, scale, left, area.y())
        for button in self.regions:
            button.place(self._transform)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        body = palette.color(QPalette.ColorRole.Mid)
        for path in self._outline:
            painter.fillPath(self._transform.map(path), body)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for view, title in (("front", _("Front")), ("back", _("Back"))):
            box = self._view_box(view)
            centre = self._transform.map(box.center())
            painter.drawText(QRectF(centre.x() - 60, 0, 120, _CAPTION), _CENTRED, title)
            # Beside each figure, which hand is the person's right: mirrored between the views.
            near, far = (_("Right"), _("Left")) if view == "front" else (_("Left"), _("Right"))
            for text, x in ((near, box.left() - 20), (far, box.right() + 20)):
                point = self._transform.map(QPointF(x, _SIDE_WORDS_AT))
                painter.drawText(QRectF(point.x() - 30, point.y() - 10, 60, 20), _CENTRED, text)

    def _view_box(self, view: str) -> QRectF:
        """The bounds (in the drawing) of the regions of one view."""
        box = QRectF()
        for button in self.regions:
            if button.region.view == view:
                box = box.united(button.outline.boundingRect())
        return box

    # -- keyboard ----------------------------------------------------------------------------

    def make_current(self, button: RegionButton) -> None:
        """The one region Tab stops at (a roving tab stop): the map is one step in the chain."""
        for region in self.regions:
            region.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if region is button else Qt.FocusPolicy.ClickFocus
            )
        self.current = button

    def focused(self, button: RegionButton) -> None:
        self.make_current(button)
        self.show_name(button)

    def move_focus(self, start: RegionButton, direction: tuple[float, float]) -> None:
        """Move to the nearest region whose middle lies that way from `start`'s."""
        origin = start.centre()
        best: tuple[float, RegionButton] | None = None
        for button in self.regions:
            if button is start:
                continue
            dx = button.centre().x() - origin.x()
            dy = button.centre().y() - origin.y()
            along = dx * direction[0] + dy * direction[1]
            across = abs(dx * direction[1] - dy * direction[0])
            if along <= 0:
                continue
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, button)
        if best is not None:
            best[1].setFocus(Qt.FocusReason.OtherFocusReason)

    def type_ahead(self, text: str) -> None:
        """Typed letters go to the next region whose name starts with them."""
        if not self._typed_clock.isValid() or self._typed_clock.elapsed() > TYPE_AHEAD_MS:
            self._typed = ""
        self._typed_clock.start()
        self._typed += text.casefold()
        start = self.regions.index(self.current)
        ordered = self.regions[start + 1 :] + self.regions[: start + 1]
        if len(self._typed) > 1:
            # Still typing one name: the current region may already be the match.
            ordered = [self.current, *ordered[:-1]]
        for button in ordered:
            if button.name.casefold().startswith(self._typed):
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def show_name(self, button: RegionButton | None) -> None:
        self.owner.show_name(button)


class BodyMapWidget(QWidget):
    """Front and back views; `picked(muscle, side)` when a region (or "Elsewhere") is chosen."""

    picked = Signal(str, object)

    def __init__(
        self,
        label_of: Callable[[str], str],
        *,
        offer_other: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self.setAccessibleName(_("Body map"))
        self.canvas = BodyCanvas(label_of, self)
        self.regions = self.canvas.regions
        self.name_label = plain_label("", wrap=False)
        self.name_label.setObjectName("bodyMapName")
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.canvas, 1)
        row = QHBoxLayout()
        row.addWidget(self.name_label, 1)
        self.other_button: QPushButton | None = None
        if offer_other:
            # "Other muscle" has no place on a drawing; it is a button beside it instead.
            self.other_button = QPushButton(f"{label_of(OTHER_MUSCLE)}")
            self.other_button.setAccessibleName(
                _("Body map: {muscle}").format(muscle=label_of(OTHER_MUSCLE))
            )
            self.other_button.setAutoDefault(False)
            self.other_button.clicked.connect(
                lambda: self.picked.emit(OTHER_MUSCLE, Side.NOT_APPLICABLE)
            )
            row.addWidget(self.other_button)
        layout.addLayout(row)
        for button in self.regions:
            button.clicked.connect(lambda _checked=False, b=button: self._clicked(b))
        self.show_name(None)

    def _clicked(self, button: RegionButton) -> None:
        self.show_name(None)
        self.picked.emit(button.region.muscle, button.region.side)

    def region(self, muscle: str, side: Side) -> RegionButton | None:
        """The region for `muscle` on `side`, if the map has one."""
        return next(
            (b for b in self.regions if (b.region.muscle, b.region.side) == (muscle, side)),
            None,
        )

    def set_choice(self, muscle: str | None, side: Side | None) -> None:
        """Show `muscle` on `side` as chosen (a one-sided muscle matches any side), or none."""
        chosen = None
        if muscle is not None:
            matching = [b for b in self.regions if b.region.muscle == muscle]
            chosen = next((b for b in matching if b.region.side == side), None)
            if chosen is None and len(matching) == 1:
                chosen = matching[0]
        self.canvas.group.setExclusive(False)
        for button in self.regions:
            button.setChecked(button is chosen)
        self.canvas.group.setExclusive(True)
        if chosen is not None and not self.canvas.current.hasFocus():
            self.canvas.make_current(chosen)
        self.show_name(None)

    def focus_region(self) -> None:
        """Put the keyboard focus on the map: on its current region."""
        self.canvas.current.setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_chain(self) -> list[QWidget]:
        """The map's place in a dialog's tab order: its regions, of which Tab stops at one."""
        chain: list[QWidget] = list(self.regions)
        if self.other_button is not None:
            chain.append(self.other_button)
        return chain

    def chosen(self) -> RegionButton | None:
        return next((b for b in self.regions if b.isChecked()), None)

    def show_name(self, button: RegionButton | None) -> None:
        """Name the region under the pointer or in focus; otherwise the chosen one."""
        shown = button or next((b for b in self.regions if b.hasFocus()), None) or self.chosen()
        self.name_label.setText(shown.name if shown is not None else _("Point to where it cramped"))
