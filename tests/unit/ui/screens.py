"""Every place and dialog of the app, opened with sample data, for the whole-app screen tests.

The contrast and layout tests walk the same list, so a new dialog added here is checked by
both. Dialogs are shown, not exec()'d: the tests look at them and close them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cramplog.demo import sample, spreadsheet
from cramplog.diary.service import Diary
from cramplog.ui.main_window import MainWindow
from cramplog.ui.places import PLACES
from cramplog.ui.preferences import Preferences, ThemeMode
from cramplog.ui.widgets import theme
from tests.conftest import NOW
from tests.unit.ui.dialogs.import_waits import settle as settle_import

THEMES = {"light": ThemeMode.LIGHT, "dark": ThemeMode.DARK}
WINDOW_SIZE = (1280, 800)


def sample_diary(folder: Path) -> Diary:
    """A quarter of a year of sample cramps, nights, reviews and medicines."""
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=0.25, episodes_per_week=3),
        seed=7,
        end=date(2026, 3, 10),
    )
    return Diary.open(folder, clock=lambda: NOW)


def open_window(qtbot: QtBot, diary: Diary, preferences: Preferences) -> MainWindow:
    """The window as a start-up shows it: painted first, given its diary after."""
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    window.resize(*WINDOW_SIZE)
    window.show()
    qtbot.wait_exposed(window)
    window.attach(diary)
    settle()
    return window


def places(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show each place in turn; yields its name and the window showing it."""
    for index, name in enumerate(PLACES):
        window.show_place(index)
        settle()
        yield name, window


def settle() -> None:
    """Let deferred layout, polish and timers run (the places fill themselves in a moment)."""
    for _ in range(3):
        QApplication.processEvents()


def hand_kept(diary: Diary) -> Path:
    """A hand-kept spreadsheet beside the diary's folder, for the import preview."""
    path = diary.data_dir.parent / spreadsheet.HAND_KEPT_NAME
    path.write_text(spreadsheet.hand_kept_csv(), encoding="utf-8")
    return path


def _dialogs(window: MainWindow) -> dict[str, Callable[[], QWidget]]:
    from cramplog.diary.integrity import Condition, Verdict
    from cramplog.ui.dialogs.about import AboutDialog
    from cramplog.ui.dialogs.counting import CountingDialog
    from cramplog.ui.dialogs.import_dialog import ImportDialog
    from cramplog.ui.dialogs.own_words import OwnWordsDialog
    from cramplog.ui.dialogs.restore_dialog import DamagedDiaryDialog, RestoreDialog
    from cramplog.ui.dialogs.settings_dialog import SettingsDialog
    from cramplog.ui.dialogs.shortcuts import ShortcutsDialog
    from cramplog.ui.dialogs.stopwatch import StopwatchDialog
    from cramplog.ui.dialogs.tour import TourDialog
    from cramplog.ui.forms.episode_form import EpisodeDialog
    from cramplog.ui.forms.medication_form import MedicationDialog, StopMedicationDialog
    from cramplog.ui.forms.night_review import NightReviewDialog
    from cramplog.ui.forms.quick_log import QuickLogDialog
    from cramplog.ui.startup.error_dialog import ErrorDialog

    editor, prefs, diary = window.editor, window.preferences, window.diary
    episode = diary.list_episodes()[-1]
    medication = diary.list_medications()[0]
    return {
        "quick log": lambda: QuickLogDialog(editor, prefs, parent=window),
        "stopwatch": lambda: StopwatchDialog(editor, prefs, parent=window),
        "new cramp": lambda: EpisodeDialog(editor, prefs, parent=window),
        "edit cramp": lambda: EpisodeDialog(editor, prefs, episode=episode, parent=window),
        "night review": lambda: NightReviewDialog(editor, prefs, diary.last_night(), parent=window),
        "medicine": lambda: MedicationDialog(editor, parent=window),
        "stop medicine": lambda: StopMedicationDialog(editor, medication, parent=window),
        "own words": lambda: OwnWordsDialog(editor, parent=window),
        "settings": lambda: SettingsDialog(editor, prefs, parent=window),
        "import": lambda: ImportDialog(diary, parent=window),
        "import preview": lambda: settle_import(
            ImportDialog(diary, path=hand_kept(diary), parent=window)
        ),
        "restore": lambda: RestoreDialog([], parent=window),
        "about": lambda: AboutDialog(diary.path, window),
        "damaged diary": lambda: DamagedDiaryDialog(
            Verdict(Condition.DAMAGED, diary.path, f"{diary.path} is damaged: a test."),
            None,
            parent=window,
        ),
        "something went wrong": lambda: ErrorDialog(diary.data_dir / "bug.log", parent=window),
        "shortcuts": lambda: ShortcutsDialog(window),
        "how cramplog counts": lambda: CountingDialog(diary, window),
        "tour": lambda: TourDialog(prefs, parent=window),
    }


DIALOGS = (
    "quick log",
    "stopwatch",
    "new cramp",
    "edit cramp",
    "night review",
    "medicine",
    "stop medicine",
    "own words",
    "settings",
    "import",
    "import preview",
    "restore",
    "about",
    "damaged diary",
    "something went wrong",
    "shortcuts",
    "how cramplog counts",
    "tour",
)


def open_dialog(qtbot: QtBot, window: MainWindow, name: str) -> QWidget:
    dialog = _dialogs(window)[name]()
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    settle()
    return dialog


def use_theme(name: str) -> None:
    theme.apply_theme(QApplication.instance(), THEMES[name])  # type: ignore[arg-type]
    settle()


def backdrop(image: QImage, rect: QRect, *, surface: bool = False) -> QColor:
    """The colour behind the text in `rect` (device pixels) of `image`.

    Flat backgrounds: the commonest pixel. A button's `surface` is a gradient inside a
    frame: the pixel of median lightness inside the frame (glyphs cover far less than half).
    """
    if surface:
        rect = rect.adjusted(4, 4, -4, -4)
    rect = rect.intersected(image.rect())
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.sizeInBytes() // 4)
    pixels = buffer.reshape(rgb.height(), rgb.bytesPerLine() // 4)
    patch = pixels[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1] & 0xFFFFFF
    patch = patch.ravel()
    if surface:
        light = (patch >> 16 & 0xFF) * 2 + (patch >> 8 & 0xFF) * 7 + (patch & 0xFF)
        return QColor.fromRgb(int(patch[np.argsort(light)[len(patch) // 2]]))
    values, counts = np.unique(patch, return_counts=True)
    return QColor.fromRgb(int(values[counts.argmax()]))


def text_widgets(top: QWidget) -> Iterator[QLabel | QAbstractButton]:
    """The visible, enabled widgets of `top` that show text of their own."""
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, QLabel | QCheckBox | QRadioButton | QPushButton):
            continue
        if not widget.isVisibleTo(top) or not widget.isEnabled() or not widget.text().strip():
            continue
        if widget.visibleRegion().isEmpty():
            continue  # scrolled out of view, or covered
        yield widget


def _clipped_label(label: QLabel) -> str | None:
    shown = label.contentsRect()
    if label.wordWrap() and label.hasHeightForWidth():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"needs {needed} px of height, has {label.height()}"
        return None
    hint = label.sizeHint()
    if hint.width() > shown.width() + label.margin() * 2 + 1:
        return f"needs {hint.width()} px of width, has {label.width()}"
    if hint.height() > label.height() + 1:
        return f"needs {hint.height()} px of height, has {label.height()}"
    return None


def _clipped_button(button: QAbstractButton) -> str | None:
    hint = button.sizeHint()
    if hint.width() > button.width() + 1:
        return f"needs {hint.width()} px of width, has {button.width()}"
    return None


def _clipped_combo(combo: QComboBox) -> str | None:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if needed > field.width():
        return f"shows {needed} px of text in {field.width()} px"
    return None


def _clipped_tree(tree: QTreeWidget) -> str | None:
    """A tree's first column cutting its item names short ("Overuse or muscl…")."""
    header = tree.header()
    if tree.horizontalScrollBar().isVisible() or header.isSectionHidden(0):
        return None
    needed = tree.sizeHintForColumn(0)
    if needed > header.sectionSize(0) + 1:
        return f"names need {needed} px, the column has {header.sectionSize(0)}"
    return None


def clipped(top: QWidget) -> list[str]:
    """Every visible label, button, combo box or tree of `top` whose text does not fit."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        problem = None
        if isinstance(widget, QLabel) and widget.text().strip():
            problem = _clipped_label(widget)
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            problem = _clipped_button(widget)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            problem = _clipped_combo(widget)
        elif isinstance(widget, QTreeWidget):
            problem = _clipped_tree(widget)
        if problem is not None:
            text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
            found.append(f"{type(widget).__name__} {widget.objectName()} {text[:40]!r}: {problem}")
    return found
