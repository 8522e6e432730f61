"""Render every place and dialog of cramplog with the sample diary, light and dark, to docs/.

Run from the repository with the test environment:  .venv/bin/python scripts/screenshots.py
(`--out DIR` to write elsewhere). Nothing is shown on screen; Qt's offscreen platform is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cramplog.demo import sample  # noqa: E402
from cramplog.diary.service import Diary  # noqa: E402
from cramplog.ui.main_window import MainWindow  # noqa: E402
from cramplog.ui.places import DIARY, PATTERNS, PLACES, SUMMARY  # noqa: E402
from cramplog.ui.preferences import Preferences, ThemeMode  # noqa: E402
from cramplog.ui.widgets import theme  # noqa: E402

SIZE = (1280, 800)


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, app: QApplication, path: Path) -> None:
    widget.show()
    settle(app)
    widget.grab().save(str(path))
    print(f"  {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


def dialogs(window: MainWindow) -> dict[str, Callable[[], QWidget]]:
    """Each dialog built as the app builds it, without exec()."""
    from cramplog.core.records import Side
    from cramplog.ui.dialogs.about import AboutDialog
    from cramplog.ui.dialogs.body_map_dialog import BodyMapDialog
    from cramplog.ui.dialogs.counting import CountingDialog
    from cramplog.ui.dialogs.night_calendar import NightCalendarDialog
    from cramplog.ui.dialogs.own_words import OwnWordsDialog
    from cramplog.ui.dialogs.settings_dialog import SettingsDialog
    from cramplog.ui.dialogs.shortcuts import ShortcutsDialog
    from cramplog.ui.dialogs.stopwatch import StopwatchDialog
    from cramplog.ui.dialogs.tour import TourDialog
    from cramplog.ui.forms.episode_form import EpisodeDialog
    from cramplog.ui.forms.medication_form import MedicationDialog
    from cramplog.ui.forms.missed_nights import MissedNightsDialog
    from cramplog.ui.forms.night_review import NightReviewDialog
    from cramplog.ui.forms.quick_log import QuickLogDialog

    editor, prefs, diary = window.editor, window.preferences, window.diary
    episodes = diary.list_episodes()
    detailed = max(episodes, key=lambda e: (len(e.triggers) + len(e.reliefs), e.start_local))
    started = datetime.now().astimezone() - timedelta(seconds=83)
    return {
        "quick-log": lambda: QuickLogDialog(editor, prefs, parent=window),
        "cramp-now": lambda: StopwatchDialog(
            editor, prefs, parent=window, clock=lambda: started + timedelta(seconds=83)
        ),
        "episode-form": lambda: EpisodeDialog(editor, prefs, episode=detailed, parent=window),
        "night-review": lambda: NightReviewDialog(
            editor, prefs, diary.night_of(episodes[-1]), parent=window
        ),
        "medication-form": lambda: MedicationDialog(
            editor, diary.list_medications()[0], parent=window
        ),
        "own-words": lambda: OwnWordsDialog(editor, parent=window),
        "settings": lambda: SettingsDialog(editor, prefs, parent=window),
        "body-map": lambda: BodyMapDialog(diary.label, "muscle.calf", Side.RIGHT, parent=window),
        "night-calendar": lambda: NightCalendarDialog(editor, prefs, parent=window),
        "missed-nights": lambda: MissedNightsDialog(
            editor,
            [diary.last_night() - timedelta(days=back) for back in (2, 1, 0)],
            parent=window,
        ),
        "about": lambda: AboutDialog(diary.path, window),
        "shortcuts": lambda: ShortcutsDialog(window),
        "how-cramplog-counts": lambda: CountingDialog(diary, window),
        "tour": lambda: TourDialog(prefs, parent=window),
        "import-preview": lambda: _import_preview(window),
    }


def _import_preview(window: MainWindow) -> QWidget:
    """The import dialog's preview of a hand-kept spreadsheet, at the screenshots' size."""
    from cramplog.demo import spreadsheet
    from cramplog.ui.dialogs.import_dialog import ImportDialog

    diary = window.diary
    path = diary.data_dir.parent / spreadsheet.HAND_KEPT_NAME
    path.write_text(spreadsheet.hand_kept_csv(), encoding="utf-8")
    dialog = ImportDialog(diary, path=path, parent=window)
    dialog.resize(*SIZE)
    while dialog.work.busy:  # the check runs on a worker; its preview is the picture
        QTest.qWait(5)
    return dialog


def started_on(
    place: int,
    data_dir: Path,
    prefs: Preferences,
    app: QApplication,
    *,
    before_open: Callable[[MainWindow], None] | None = None,
) -> MainWindow:
    """The window as start-up opens it on `place`: painted first, then given the diary its
    worker thread opened (and, on Patterns, the charts it loaded meanwhile). `before_open`
    sees the window once Patterns shows its first figures, before the diary is open."""
    from cramplog.ui.pages.patterns_page import PatternsPage
    from cramplog.ui.startup.app import DiaryOpening

    prefs.last_place = place
    window = MainWindow(sample=True, preferences=prefs)
    window.resize(*SIZE)
    opening = DiaryOpening(window, data_dir, sample=True)
    if place == PATTERNS:
        print(f"  (matplotlib loaded before starting on Patterns: {'matplotlib' in sys.modules})")
    window.show()
    # Short waits (as pytest-qt's), between which the worker gets to run...
    for _ in range(3000):
        if window.attached:
            break
        page = window.pages.currentWidget()
        if before_open is not None and isinstance(page, PatternsPage) and page.stats is not None:
            before_open(window)
            before_open = None
        QTest.qWait(10)
    # ...then a long one, as for Patterns above: its charts must come all the same.
    QTest.qWait(2500)
    settle(app)
    opening.stop()
    return window


def _before_open(window: MainWindow, app: QApplication, path: Path) -> None:
    """Patterns on the figures read from the file, the diary still opening: taken at once
    (settling first could let a quickly opened diary in)."""
    app.processEvents()
    window.grab().save(str(path))
    print(f"  {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    print(f"    (the diary was {'open' if window.attached else 'still opening'} then)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="cramplog-shots-") as tmp:
        data_dir = Path(tmp) / "sample"
        sample.create_sample_diary(data_dir, seed=3)
        diary = Diary.open(data_dir)
        # A custom word, so "your own words" has something to show.
        from cramplog.core.records import VocabularyKind

        diary.add_custom_item(VocabularyKind.TRIGGER, "Long car journey")
        try:
            for mode in (ThemeMode.LIGHT, ThemeMode.DARK):
                theme.apply_theme(app, mode)
                prefs = Preferences(
                    QSettings(str(Path(tmp) / f"{mode.value}.ini"), QSettings.Format.IniFormat)
                )
                prefs.theme = mode  # start-up applies the preferred theme itself
                # Started as the app starts, first: in light, before anything else has
                # loaded matplotlib, so Patterns' charts are loaded by start-up's worker.
                for place in (PATTERNS, DIARY):
                    name = PLACES[place].lower()
                    first = args.out / f"started-on-{name}-before-open-{mode.value}.png"
                    started = started_on(
                        place,
                        data_dir,
                        prefs,
                        app,
                        before_open=lambda window, path=first: _before_open(window, app, path),
                    )
                    save(started, app, args.out / f"started-on-{name}-{mode.value}.png")
                    started.close()
                    started.diary.close()
                    started.deleteLater()
                # The first paint of a start-up, before the diary is open.
                opening = MainWindow(sample=True, preferences=prefs)
                opening.resize(*SIZE)
                opening.show()
                settle(app)
                save(opening, app, args.out / f"opening-{mode.value}.png")
                opening.close()
                opening.deleteLater()
                # A first start: the empty diary's welcome.
                with tempfile.TemporaryDirectory(prefix="cramplog-empty-") as empty_dir:
                    empty = Diary.open(Path(empty_dir))
                    first = MainWindow(empty, preferences=prefs)
                    first.resize(*SIZE)
                    save(first, app, args.out / f"diary-empty-{mode.value}.png")
                    first.close()
                    first.deleteLater()
                    settle(app)
                    empty.close()
                window = MainWindow(diary, sample=True, preferences=prefs)
                window.resize(*SIZE)
                for index, place in enumerate(PLACES):
                    window.show_place(index)
                    window.show()
                    # Patterns and the summary preview draw after a short debounce; the
                    # summary's pages are laid out on a worker, taken when it is done.
                    QTest.qWait(2500 if index else 200)
                    if index == SUMMARY:
                        for _ in range(300):  # at most 30 s
                            if not window.summary_page.preview_pending:
                                break
                            QTest.qWait(100)
                        QTest.qWait(200)
                    save(window, app, args.out / f"{place.lower()}-{mode.value}.png")
                for name, build in dialogs(window).items():
                    dialog = build()
                    save(dialog, app, args.out / f"{name}-{mode.value}.png")
                    dialog.close()
                    dialog.deleteLater()
                window.close()
                window.deleteLater()
                settle(app)
        finally:
            diary.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
