"""Inputs the diary's forms share: 0–10 scales, grouped checklists, muscle search, field errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.records import ReliefRating, VocabularyKind
from cramplog.ui.widgets import theme

if TYPE_CHECKING:
    from cramplog.diary.service import Diary

CODE_ROLE = Qt.ItemDataRole.UserRole + 1

# -- modal prompts: the one seam tests patch ----------------------------------------------------


def confirm_discard(parent: QWidget | None, question: str) -> bool:
    """Ask whether to throw away what was entered; True means discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Discard?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(question)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def ask_text(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """Ask for one line of text; None when the person cancels."""
    text, ok = QInputDialog.getText(parent, title, prompt)
    return text if ok else None


# -- wording ------------------------------------------------------------------------------------


def night_caption(night: date) -> str:
    """'Night of Tuesday 10 March'."""
    return f"Night of {night:%A} {night.day} {night:%B}"


def long_day(night: date) -> str:
    """'Wednesday 11 March'."""
    return f"{night:%A} {night.day} {night:%B}"


def short_day(night: date) -> str:
    """'Wed 11 Mar'."""
    return f"{night:%a} {night.day} {night:%b}"


# -- colours derived from the palette ---------------------------------------------------------


def is_dark(palette: QPalette) -> bool:
    return theme.is_dark(palette)


def error_color(palette: QPalette) -> QColor:
    """The theme's error red for this palette: deep on a light window, soft on a dark one."""
    return theme.error_colour(palette)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text: window text blended a third of the way toward the window colour."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor(
        (text.red() * 2 + window.red()) // 3,
        (text.green() * 2 + window.green()) // 3,
        (text.blue() * 2 + window.blue()) // 3,
    )


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    if scaled.pointSizeF() > 0:
        scaled.setPointSizeF(scaled.pointSizeF() * factor)
    else:
        scaled.setPixelSize(round(scaled.pixelSize() * factor))
    scaled.setBold(bold)
    return scaled


def plain_label(text: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


class MutedLabel(QLabel):
    """Plain secondary text (hints, captions) in a softer colour that follows the palette."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        parent = self.parentWidget()
        base = parent.palette() if parent is not None else self.palette()
        colour = muted_color(base)
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


class FieldError(QLabel):
    """The message shown under a field that cannot be saved as it is; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName("")
        self.hide()

    def show_message(self, message: str) -> None:
        self._recolour()
        self.setText(message)
        self.setAccessibleName(f"Problem: {message}")
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleName("")
        self.hide()

    def showEvent(self, event: Any) -> None:
        self._recolour()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        parent = self.parentWidget()
        colour = error_color(parent.palette() if parent is not None else self.palette())
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


def field_error(errors: dict[str, FieldError], field: str) -> FieldError:
    """A new, hidden error label for `field`, kept in the form's `errors` under its name."""
    error = FieldError()
    error.setObjectName(f"{field}Error")
    errors[field] = error
    return error


def show_field_error(
    errors: dict[str, FieldError],
    field: str | None,
    message: str,
    *,
    focus_for: Callable[[str], QWidget],
    scroll_area: QScrollArea,
) -> None:
    """Show `message` beside the field at fault (or in the form's "general" label), give it
    to screen readers on that field, move the focus there and scroll both into view."""
    key = field if field is not None and field in errors else "general"
    error = errors[key]
    error.show_message(message)
    target = focus_for(key)
    target.setAccessibleDescription(message)
    if target.isEnabled():
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal() -> None:
        # The field, then the message (last, so it wins if both cannot show).
        for widget in (target, error):
            if scroll_area.isAncestorOf(widget):
                scroll_area.ensureWidgetVisible(widget)

    # The message was hidden until now: the form grows to make room for it once the event
    # loop has laid it out again, and only then can the message be scrolled into view.
    reveal()
    QTimer.singleShot(0, scroll_area, reveal)


class ChoiceButton(QPushButton):
    """A big checkable button whose chosen state is plain to see in light and dark alike."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setAutoDefault(False)
        self._restyling = False
        self.toggled.connect(self._restyle)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()

    def _restyle(self, *_args: object) -> None:
        if self._restyling:
            return
        self._restyling = True
        try:
            if not self.isChecked():
                self.setPalette(QPalette())
                return
            parent = self.parentWidget()
            base = parent.palette() if parent is not None else QApplication.palette()
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.Button, base.color(QPalette.ColorRole.Highlight))
            palette.setColor(
                QPalette.ColorRole.ButtonText, base.color(QPalette.ColorRole.HighlightedText)
            )
            self.setPalette(palette)
        finally:
            self._restyling = False


class RadioRow(QWidget):
    """Radio buttons in a row: one Tab stop (the chosen one); arrow keys move the choice."""

    changed = Signal()

    def __init__(
        self, name: str, options: Sequence[tuple[str, object]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._group = QButtonGroup(self)
        self._values: list[object] = []
        self.buttons: list[QRadioButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for text, value in options:
            button = QRadioButton(text)
            button.setAccessibleName(f"{name}: {text}")
            button.installEventFilter(self)
            self._group.addButton(button)
            self.buttons.append(button)
            self._values.append(value)
            row.addWidget(button)
        row.addStretch(1)
        self._group.buttonToggled.connect(self._toggled)
        self._fix_focus()

    def value(self) -> Any:
        return next(
            (
                value
                for button, value in zip(self.buttons, self._values, strict=True)
                if button.isChecked()
            ),
            None,
        )

    def set_value(self, value: object) -> None:
        for button, candidate in zip(self.buttons, self._values, strict=True):
            if candidate == value:
                button.setChecked(True)
        self._fix_focus()

    def button_for(self, value: object) -> QRadioButton:
        return self.buttons[self._values.index(value)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = 0
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
                step = -1
            elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down):
                step = 1
            current = next((b for b in self.buttons if b is watched), None)
            if step and current is not None:
                index = self.buttons.index(current)
                target = self.buttons[(index + step) % len(self.buttons)]
                target.setChecked(True)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._fix_focus()
            self.changed.emit()

    def _fix_focus(self) -> None:
        chosen = next((b for b in self.buttons if b.isChecked()), self.buttons[0])
        for button in self.buttons:
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is chosen else Qt.FocusPolicy.ClickFocus
            )
        self.setFocusProxy(chosen)


# -- number inputs that may stay empty --------------------------------------------------------


def _fit_digits(box: QAbstractSpinBox, digits: int) -> None:
    """Wide enough for `digits` characters plus the arrows, and never cramped."""
    text_width = box.fontMetrics().horizontalAdvance("0" * max(digits, 3))
    box.setMinimumWidth(text_width + 48)


class OptionalSpinBox(QSpinBox):
    """A whole-number spin box that may be left empty (value() is then -1; use number())."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, maximum)
        self.setValue(-1)
        self.setAccelerated(True)
        _fit_digits(self, len(str(maximum)))

    def number(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_number(self, value: int | None) -> None:
        self.setValue(-1 if value is None else max(0, min(value, self.maximum())))

    def textFromValue(self, value: int) -> str:
        return "" if value < 0 else str(value)

    def valueFromText(self, text: str) -> int:
        stripped = text.strip()
        return -1 if not stripped else int(stripped)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return (QValidator.State.Acceptable, text, pos)
        return super().validate(text, pos)


class OptionalDoubleSpinBox(QDoubleSpinBox):
    """A decimal spin box that may be left empty (number() is then None)."""

    def __init__(
        self, maximum: float, *, decimals: int = 1, step: float = 1.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setDecimals(decimals)
        self.setRange(-1.0, maximum)
        self.setSingleStep(step)
        self.setValue(-1.0)
        _fit_digits(self, len(str(int(maximum))) + (decimals + 1 if decimals else 0))

    def number(self) -> float | None:
        return None if self.value() < 0 else self.value()

    def set_number(self, value: float | None) -> None:
        self.setValue(-1.0 if value is None else max(0.0, min(value, self.maximum())))

    def textFromValue(self, value: float) -> str:
        if value < 0:
            return ""
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def valueFromText(self, text: str) -> float:
        stripped = text.strip().replace(",", ".")
        return -1.0 if not stripped else float(stripped)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if not stripped:
            return (QValidator.State.Acceptable, text, pos)
        try:
            value = float(stripped.replace(",", "."))
        except ValueError:
            if stripped in {".", ","}:
                return (QValidator.State.Intermediate, text, pos)
            return (QValidator.State.Invalid, text, pos)
        if not 0 <= value <= self.maximum():
            return (QValidator.State.Invalid, text, pos)
        return (QValidator.State.Acceptable, text, pos)


class ValueCombo(QComboBox):
    """A drop-down of labelled values, the first usually "Not recorded" (None).

    The values stay Python objects (enums keep their type); Qt only holds their positions.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[object] = []

    def set_options(self, options: Iterable[tuple[str, object]]) -> None:
        current = self.value()
        with QSignalBlocker(self):
            self.clear()
            self._values = []
            for text, value in options:
                self.addItem(text)
                self._values.append(value)
        self.set_value(current)

    def value(self) -> Any:
        row = self.currentIndex()
        return self._values[row] if 0 <= row < len(self._values) else None

    def set_value(self, value: object) -> None:
        for row, candidate in enumerate(self._values):
            if candidate is value or (type(candidate) is type(value) and candidate == value):
                self.setCurrentIndex(row)
                return
        self.setCurrentIndex(0 if self.count() else -1)


# -- a 0-10 scale with the number always in view ----------------------------------------------


NOT_RATED_MARK = "—"


class ScalePicker(QWidget):
    """A 0–10 rating: slider, the chosen number beside it, and "Not rated"."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        *,
        low_caption: str = "0",
        high_caption: str = "10",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rated = False
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(f"{name}, 0 to 10")
        self.slider.setMinimumWidth(180)
        self.number = plain_label(NOT_RATED_MARK, wrap=False)
        self.number.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("10") + 8)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setAccessibleName(f"{name} chosen")
        self.not_rated = QCheckBox("Not rated")
        self.not_rated.setAccessibleName(f"{name} not rated")
        self.not_rated.setChecked(True)

        low = MutedLabel(low_caption)
        low.setWordWrap(False)
        high = MutedLabel(high_caption)
        high.setWordWrap(False)
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        captions = QHBoxLayout()
        captions.setContentsMargins(0, 0, 0, 0)
        captions.addWidget(low)
        captions.addStretch(1)
        captions.addWidget(high)

        scale = QVBoxLayout()
        scale.setContentsMargins(0, 0, 0, 0)
        scale.setSpacing(0)
        scale.addWidget(self.slider)
        scale.addLayout(captions)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number)
        layout.addLayout(scale, 1)
        layout.addWidget(self.not_rated)
        self.setFocusProxy(self.slider)

        # actionTriggered fires for every key press or click on the slider, even one that
        # leaves the value where it was (pressing Left at 0), so touching it always rates.
        self.slider.actionTriggered.connect(self._touched)
        self.slider.valueChanged.connect(self._touched)
        self.not_rated.toggled.connect(self._not_rated_toggled)
        self._show()

    def value(self) -> int | None:
        return self.slider.value() if self._rated else None

    def set_value(self, value: int | None) -> None:
        with QSignalBlocker(self.slider), QSignalBlocker(self.not_rated):
            self._rated = value is not None
            self.slider.setValue(0 if value is None else value)
            self.not_rated.setChecked(value is None)
        self._show()

    def _touched(self, *_args: object) -> None:
        if not self._rated:
            self._rated = True
            with QSignalBlocker(self.not_rated):
                self.not_rated.setChecked(False)
        self._show()
        self.changed.emit()

    def _not_rated_toggled(self, checked: bool) -> None:
        self._rated = not checked
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        self.number.setText(str(self.slider.value()) if self._rated else NOT_RATED_MARK)
        self.number.setToolTip("" if self._rated else "Not rated")


# -- vocabulary choices -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """One item a person can pick: its code, label, a neutral note and the checklist's words."""

    code: str
    label: str
    note: str = ""
    explanation: str = ""
    synonyms: tuple[str, ...] = ()
    # True for the person's own words: never shown as a tooltip (user text is kept plain).
    own: bool = False


ChoiceGroup = tuple[str, tuple[Choice, ...]]

_CUSTOM_KINDS = {
    "muscle": VocabularyKind.MUSCLE,
    "trigger": VocabularyKind.TRIGGER,
    "relief": VocabularyKind.RELIEF,
}

WARNING_NOTE = "warning sign"


def _of_kind(code: str, kind: str) -> bool:
    """Whether a code names an item of `kind` (built-in "calf" or own "custom.muscle.…")."""
    prefix, _, rest = code.partition(".")
    return prefix == kind or (prefix == "custom" and rest.startswith(f"{kind}."))


def vocabulary_groups(diary: Diary, kind: str, *, keep: Iterable[str] = ()) -> list[ChoiceGroup]:
    """The choices of one kind, grouped as the checklist groups them, then the person's own.

    `keep` names codes that must be offered even if hidden or unknown (an episode being
    edited still refers to them).
    """
    checklist = diary.checklist
    groups: list[ChoiceGroup] = []
    offered: set[str] = set()
    for group in checklist.groups_of(kind):
        choices = tuple(
            Choice(
                code=item.code,
                label=item.label,
                note=WARNING_NOTE if item.urgency else "",
                explanation=item.explanation,
                synonyms=item.synonyms,
            )
            for item in checklist.in_group(group.code)
        )
        offered.update(choice.code for choice in choices)
        groups.append((group.label, choices))
    if not checklist.groups_of(kind):
        choices = tuple(Choice(item.code, item.label) for item in checklist.of_kind(kind))
        offered.update(choice.code for choice in choices)
        groups.append(("", choices))
    own: list[Choice] = []
    wanted = {code for code in keep if _of_kind(code, kind)}
    custom_kind = _CUSTOM_KINDS.get(kind)
    if custom_kind is not None:
        for item in diary.custom_items(custom_kind):
            if not item.hidden or item.code in wanted:
                own.append(Choice(item.code, item.label, own=True))
                offered.add(item.code)
    for code in sorted(wanted - offered):
        own.append(Choice(code, diary.label(code), own=True))
    if own:
        groups.append(("Your own", tuple(own)))
    return groups


# -- a grouped, checkable list (triggers, symptoms) -------------------------------------------


class ChecklistTree(QTreeWidget):
    """Checkable items under group headings. Space ticks the current item."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setItemsExpandable(False)
        self.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemChanged.connect(self._item_changed)
        self._building = False
        # Fusion draws an unticked box as a Base-coloured square with a faint outline; on a
        # Base-coloured list in a dark palette it all but vanishes. On the Window colour the
        # boxes stand out in light and dark alike, as the form's other check boxes do.
        viewport = self.viewport()
        if viewport is not None:
            viewport.setBackgroundRole(QPalette.ColorRole.Window)

    def set_choices(self, groups: Sequence[ChoiceGroup]) -> None:
        checked = self.checked()
        self._building = True
        try:
            self.clear()
            heading_font = scaled_font(self.font(), 1.0, bold=True)
            for heading, choices in groups:
                parent: QTreeWidget | QTreeWidgetItem = self
                if heading:
                    header = QTreeWidgetItem(self, [heading])
                    header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    header.setFont(0, heading_font)
                    header.setFirstColumnSpanned(True)
                    parent = header
                for choice in choices:
                    item = QTreeWidgetItem(parent, [choice.label, choice.note])
                    item.setData(0, CODE_ROLE, choice.code)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(
                        0,
                        Qt.CheckState.Checked
                        if choice.code in checked
                        else Qt.CheckState.Unchecked,
                    )
                    if choice.explanation and not choice.own:
                        item.setToolTip(0, choice.explanation)
                    if choice.note:
                        item.setForeground(1, muted_color(self.palette()))
            self.expandAll()
        finally:
            self._building = False

    def _items(self) -> Iterable[QTreeWidgetItem]:
        iterator = QTreeWidgetItemIterator(self)
        while (item := iterator.value()) is not None:
            if item.data(0, CODE_ROLE):
                yield item
            iterator += 1

    def codes(self) -> list[str]:
        return [str(item.data(0, CODE_ROLE)) for item in self._items()]

    def checked(self) -> list[str]:
        return [
            str(item.data(0, CODE_ROLE))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self._building = True
        try:
            for item in self._items():
                state = (
                    Qt.CheckState.Checked
                    if item.data(0, CODE_ROLE) in wanted
                    else Qt.CheckState.Unchecked
                )
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
        finally:
            self._building = False
        self.changed.emit()

    def item_for(self, code: str) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, CODE_ROLE) == code), None)

    def focusInEvent(self, event: Any) -> None:
        # Arriving by Tab on a heading would leave Space with nothing to tick.
        current = self.currentItem()
        if current is None or not current.data(0, CODE_ROLE):
            first = next(iter(self._items()), None)
            if first is not None:
                self.setCurrentItem(first)
        super().focusInEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # The neutral notes ("warning sign") follow a switch between light and dark.
            colour = muted_color(self.palette())
            for item in self._items():
                if item.text(1):
                    item.setForeground(1, colour)

    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and not self._building:
            self.changed.emit()


# -- relief methods, each with how well it worked ---------------------------------------------

RATING_OPTIONS: tuple[tuple[str, ReliefRating | None], ...] = (
    ("Not rated", None),
    (ReliefRating.HELPED.label, ReliefRating.HELPED),
    (ReliefRating.A_LITTLE.label, ReliefRating.A_LITTLE),
    (ReliefRating.NOT_HELPED.label, ReliefRating.NOT_HELPED),
)


class ReliefPicker(QWidget):
    """One row per relief method: tick it if tried, then say how well it worked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        self._rows: dict[str, tuple[QCheckBox, ValueCombo]] = {}
        self._order: list[str] = []

    def set_choices(self, groups: Sequence[ChoiceGroup]) -> None:
        kept = self.value()
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self._rows = {}
        self._order = []
        row = 0
        for heading, choices in groups:
            if heading == "Your own":
                own = MutedLabel("Your own")
                self._grid.addWidget(own, row, 0, 1, 2)
                row += 1
            for choice in choices:
                box = QCheckBox(choice.label)
                box.setAccessibleName(f"Tried: {choice.label}")
                if choice.explanation and not choice.own:
                    box.setToolTip(choice.explanation)
                rating = ValueCombo()
                rating.set_options(RATING_OPTIONS)
                rating.setAccessibleName(f"How well “{choice.label}” worked")
                rating.setEnabled(False)
                box.toggled.connect(rating.setEnabled)
                box.toggled.connect(self.changed)
                rating.currentIndexChanged.connect(self.changed)
                self._grid.addWidget(box, row, 0)
                self._grid.addWidget(rating, row, 1)
                self._rows[choice.code] = (box, rating)
                self._order.append(choice.code)
                row += 1
        self.set_value(kept, notify=False)

    def value(self) -> tuple[tuple[str, ReliefRating | None], ...]:
        chosen: list[tuple[str, ReliefRating | None]] = []
        for code in self._order:
            box, rating = self._rows[code]
            if box.isChecked():
                chosen.append((code, rating.value()))
        return tuple(chosen)

    def set_value(
        self, reliefs: Iterable[tuple[str, ReliefRating | None]], *, notify: bool = True
    ) -> None:
        wanted = dict(reliefs)
        for code, (box, rating) in self._rows.items():
            with QSignalBlocker(box), QSignalBlocker(rating):
                box.setChecked(code in wanted)
                rating.setEnabled(code in wanted)
                rating.set_value(wanted.get(code))
        if notify:
            self.changed.emit()

    def row_widgets(self, code: str) -> tuple[QCheckBox, ValueCombo]:
        return self._rows[code]

    def codes(self) -> list[str]:
        return list(self._order)

    def first_box(self) -> QCheckBox | None:
        return self._rows[self._order[0]][0] if self._order else None


# -- the muscle: a grouped drop-down you can type into ----------------------------------------


class MuscleCombo(QComboBox):
    """Muscles under group headings; typing any part of a name offers matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setAccessibleName("Muscle")
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("Type or pick a muscle")
        self._choices: list[Choice] = []
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._matches = QStandardItemModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)

    def set_choices(self, groups: Sequence[ChoiceGroup]) -> None:
        current = self.code()
        text = self.currentText()
        with QSignalBlocker(self):
            self._model.clear()
            self._matches.clear()
            self._choices = []
            heading_font = scaled_font(self.font(), 1.0, bold=True)
            for heading, choices in groups:
                if heading:
                    header = QStandardItem(heading)
                    header.setFlags(Qt.ItemFlag.NoItemFlags)
                    header.setFont(heading_font)
                    header.setAccessibleText(f"{heading} (group)")
                    self._model.appendRow(header)
                for choice in choices:
                    entry = QStandardItem(choice.label)
                    entry.setData(choice.code, CODE_ROLE)
                    if choice.explanation and not choice.own:
                        entry.setToolTip(choice.explanation)
                    self._model.appendRow(entry)
                    match = QStandardItem(choice.label)
                    match.setData(choice.code, CODE_ROLE)
                    self._matches.appendRow(match)
                    self._choices.append(choice)
            self.setCurrentIndex(-1)
        if current is not None:
            self.set_code(current)
        else:
            self.setEditText(text)

    def _row_of(self, code: str) -> int:
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(CODE_ROLE) == code:
                return row
        return -1

    def set_code(self, code: str | None) -> None:
        row = -1 if code is None else self._row_of(code)
        self.setCurrentIndex(row)
        if row < 0:
            self.setEditText("")

    def code(self) -> str | None:
        """The muscle the text names: a picked row, a label, or a synonym; None if none."""
        text = " ".join(self.currentText().split()).casefold()
        if not text:
            return None
        if self.currentIndex() >= 0:
            code = self.itemData(self.currentIndex(), CODE_ROLE)
            if code and " ".join(self.itemText(self.currentIndex()).split()).casefold() == text:
                return str(code)
        for choice in self._choices:
            if choice.label.casefold() == text:
                return choice.code
        for choice in self._choices:
            if text in choice.synonyms:
                return choice.code
        return None

    def label_of(self, code: str) -> str:
        return next((choice.label for choice in self._choices if choice.code == code), code)

    def choices(self) -> list[Choice]:
        return list(self._choices)

    def first_match(self, text: str) -> QModelIndex:
        """Where the completer would land for typed text (for tests and accessibility)."""
        completer = self.completer()
        assert completer is not None
        completer.setCompletionPrefix(text)
        return completer.currentIndex()
