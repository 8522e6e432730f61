"""The Patterns place: numbers, warning signs, charts drawn when seen, and the trigger checklist."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from matplotlib.colors import to_rgb
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from cramplog.core.records import DayFactors, EpisodeInput, ReliefRating, Side, VocabularyKind
from cramplog.diary.read_only import ReadOnlyDiary
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import patterns_page, patterns_read_ahead
from cramplog.ui.pages.patterns_page import PatternsPage
from cramplog.ui.pages.patterns_read_ahead import OpeningFigures
from cramplog.ui.widgets import period_choice
from tests.conftest import LONDON, NOW


def cramp(day: int, hour: int = 3, month: int = 3, **fields: object) -> EpisodeInput:
    from dataclasses import replace

    episode = EpisodeInput(
        start=datetime(2026, month, day, hour, 0, tzinfo=LONDON),
        muscle="muscle.calf",
        side=Side.LEFT,
        intensity=5,
        duration_s=90,
    )
    return replace(episode, **fields)  # type: ignore[arg-type]


def top_level_texts(tree: QTreeWidget) -> list[str]:
    texts = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        texts.append(item.text(0))
    return texts


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


@pytest.fixture
def page(qtbot: QtBot, editor: DiaryEditor) -> Iterator[PatternsPage]:
    widget = PatternsPage(editor)
    qtbot.add_widget(widget)
    widget.select_period("last_4_weeks")
    widget.resize(1200, 700)
    yield widget


def shown(qtbot: QtBot, page: PatternsPage) -> PatternsPage:
    page.show()
    qtbot.wait_exposed(page)
    qtbot.wait_until(lambda: page.stats is not None and page.charts_made)
    return page


def tile_value(page: PatternsPage, key: str) -> str:
    tile = page.findChild(QLabel, "headlineValue", Qt.FindChildOption.FindChildrenRecursively)
    assert tile is not None
    (found,) = [t for t in page.tiles if t.headline.key == key]
    return found.value.text()


def test_logging_a_cramp_updates_the_numbers_on_screen(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10))
    shown(qtbot, page)
    assert tile_value(page, "episodes") == "1"
    editor.add_episode(cramp(11, intensity=9))  # 03:00 on Wednesday: the night of Tuesday
    qtbot.wait_until(lambda: tile_value(page, "episodes") == "2")
    assert page.stats is not None and page.stats.intensity_worst == 9
    editor.undo_stack.undo()
    qtbot.wait_until(lambda: tile_value(page, "episodes") == "1")


def test_a_hidden_page_waits_until_it_is_shown(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10))
    assert page.stats is None  # never shown: nothing computed, nothing drawn
    shown(qtbot, page)
    before = page.stats
    page.hide()
    editor.add_episode(cramp(9))
    qtbot.wait(20)
    assert page.stats is before
    page.show()
    qtbot.wait_until(lambda: page.stats is not before)
    assert page.stats is not None and page.stats.episodes == 2


def test_only_the_charts_on_screen_are_drawn(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10))
    shown(qtbot, page)
    first, last = page.chart_views[0], page.chart_views[-1]
    qtbot.wait_until(lambda: first.draws >= 1)
    assert "weekly" in page.visible_chart_keys()
    assert "triggers" not in page.visible_chart_keys()
    assert last.draws == 0 and last.result is None
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait_until(lambda: last.draws >= 1)
    assert last.result is not None and "not a cause" in last.result.summary
    assert last.canvas is not None and last.canvas.accessibleDescription() == last.result.summary
    # A new cramp changes the weekly chart, scrolled away: it waits, stale. The day-factor
    # chart on screen shows the same figures as before, so it is not drawn again.
    drawn_first, drawn_last = first.draws, last.draws
    editor.add_episode(cramp(9))
    qtbot.wait_until(lambda: page.stats is not None and page.stats.episodes == 2)
    for _ in range(3):  # the deferred drawing of the charts on screen
        QApplication.processEvents()
    assert first.stale and first.draws == drawn_first
    assert not last.stale and last.draws == drawn_last
    bar.setValue(0)
    qtbot.wait_until(lambda: first.draws > drawn_first)
    assert first.result is not None and "2 cramps" in first.result.summary


def run_python(script: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_page_loads_matplotlib_only_when_first_shown(tmp_path: Path) -> None:
    out = run_python(
        f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages.patterns_page import PatternsPage
app = QApplication([])
diary = Diary.open(Path({str(tmp_path / "diary")!r}))
page = PatternsPage(DiaryEditor(diary))
print("built:", "matplotlib" in sys.modules)
page.show()
page.grab()  # painted as it stands when first shown, before the event loop turns again
print("painted:", "matplotlib" in sys.modules, bool(page.period_label.text()))
while not page.charts_made:
    app.processEvents()
print("shown:", "matplotlib" in sys.modules, "matplotlib.pyplot" in sys.modules)
print("charts:", len(page.chart_views))
diary.close()
"""
    )
    assert "built: False" in out
    # The first paint shows the period and its numbers; matplotlib loads in the next turns.
    assert "painted: False True" in out
    assert "shown: True False" in out
    assert "charts: 7" in out


def test_matplotlib_is_not_loaded_by_starting_the_main_window(tmp_path: Path) -> None:
    script = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from cramplog.diary.service import Diary
from cramplog.ui.main_window import MainWindow
from cramplog.ui.preferences import Preferences
app = QApplication([])
diary = Diary.open(Path({str(tmp_path / "diary")!r}))
settings = QSettings({str(tmp_path / "settings.ini")!r}, QSettings.Format.IniFormat)
window = MainWindow(diary, preferences=Preferences(settings))
window.show()
app.processEvents()
print("after start-up:", "matplotlib" in sys.modules)
window.show_place(1)
app.processEvents()
for _ in range(500):  # its charts are made in the turns after the page's first paint
    if window.patterns_page.charts_made:
        break
    app.processEvents()
print("after patterns:", "matplotlib" in sys.modules)
diary.close()
"""
    out = run_python(script)
    assert "after start-up: False" in out
    assert "after patterns: True" in out


def test_a_warning_sign_is_shown_with_its_date_and_urgency(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10))
    shown(qtbot, page)
    assert not page.warning_panel.isVisible()
    editor.add_episode(cramp(6, symptoms=("symptom.swelling",)))
    qtbot.wait_until(lambda: page.warning_panel.isVisible())
    texts = [label.text() for label in page.warning_panel.findChildren(QLabel)]
    assert any(t.startswith("Seek medical advice now:") for t in texts)
    # 03:00 on Friday 6 March is the night of Thursday, in the sentence and in the list.
    assert any("(latest: night of Thu 5 Mar 2026, 03:00)" in t for t in texts)
    assert any("• Night of Thu 5 Mar 2026, 03:00 — Calf (left): Swelling" in t for t in texts)
    assert not any("6 Mar" in t for t in texts)
    (box,) = page.warning_panel.findChildren(QFrame, "warning-now")
    assert "border-left" in box.styleSheet()


def test_two_recorded_nights_give_no_weekly_rate_and_the_tile_says_why(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor, diary: Diary
) -> None:
    for minute in (0, 10, 20):
        editor.add_episode(cramp(10, start=datetime(2026, 3, 10, 3, minute, tzinfo=LONDON)))
    diary.set_day(date(2026, 3, 9), DayFactors(reviewed=True))  # their night, reviewed
    editor.mark_cramp_free(date(2026, 3, 5))
    shown(qtbot, page)
    (rate,) = [t for t in page.tiles if t.headline.key == "cramps_per_week"]
    assert rate.value.text() == "–"  # not "10.5" from three cramps on two nights
    assert rate.note.text() == (
        "too few recorded nights to rate (2 of 7 needed) · 2 of 28 nights recorded (7%)"
    )
    assert tile_value(page, "episodes") == "3"


def test_an_appointment_warning_uses_the_calm_highlight_colour(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor, diary: Diary
) -> None:
    diary.set_logging_every_cramp(date(2026, 2, 12))  # so nights with nothing were cramp-free
    for day in range(13, 29):
        editor.add_episode(cramp(day, month=2))
    shown(qtbot, page)
    boxes = page.warning_panel.findChildren(QFrame, "warning-appointment")
    assert boxes and not page.warning_panel.findChildren(QFrame, "warning-now")
    calm = page.palette().color(QPalette.ColorRole.Highlight).name()
    assert all(calm in box.styleSheet() for box in boxes)


def test_choosing_a_trigger_lists_the_cramps_that_named_it(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10, triggers=("trigger.dehydration",)))
    editor.add_episode(cramp(9, hour=4, triggers=("trigger.alcohol",)))
    shown(qtbot, page)
    details = page.checklist.details_area
    assert not details.isVisible()  # nothing chosen: no blank explanation under the tree
    with qtbot.wait_signal(page.trigger_selected) as chosen:
        page.select_trigger("trigger.dehydration")
    assert chosen.args == ["trigger.dehydration"]
    assert details.isVisible()
    assert page.trigger_episodes.count() == 1
    assert (
        page.trigger_episodes.item(0)
        .text()
        .startswith("Night of Mon 9 Mar 2026, 03:00 · Calf (left)")
    )
    explanation = page.diary.checklist.item("trigger.dehydration").explanation
    assert explanation in page.trigger_details.text()
    assert "Dehydration" in page.episodes_heading.text()
    # Every checklist trigger is listed under its group, with its count in the period.
    groups = set(top_level_texts(page.trigger_tree))
    assert "Fluids, food and drinks" in groups


def test_a_custom_trigger_with_markup_is_shown_as_typed(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor, diary: Diary
) -> None:
    own = diary.add_custom_item(VocabularyKind.TRIGGER, "<b>New</b> shoes $5")
    editor.add_episode(cramp(10, triggers=(own.code,)))
    shown(qtbot, page)
    page.select_trigger(own.code)
    assert page.trigger_details.text().startswith("<b>New</b> shoes $5 (Your own triggers)")
    plain = Qt.TextFormat.PlainText
    assert all(label.textFormat() == plain for label in page.findChildren(QLabel))


def test_a_chart_saves_as_svg_or_png_through_the_one_dialog_seam(
    qtbot: QtBot,
    page: PatternsPage,
    editor: DiaryEditor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor.add_episode(cramp(10, reliefs=(("relief.stretch", ReliefRating.HELPED),)))
    shown(qtbot, page)
    view = page.chart_views[0]
    qtbot.wait_until(lambda: view.result is not None)
    from cramplog.render import chart_view

    out = tmp_path / "charts"
    out.mkdir()
    answers = iter([str(out / "weekly.svg"), str(out / "weekly"), None])
    monkeypatch.setattr(chart_view, "ask_save_path", lambda *args: next(answers))
    assert view.save() == out / "weekly.svg"
    assert "<svg" in (out / "weekly.svg").read_text(encoding="utf-8")
    assert view.save() == out / "weekly.png"  # no suffix: a PNG
    assert (out / "weekly.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert view.save() is None  # cancelled
    assert sorted(p.name for p in out.iterdir()) == ["weekly.png", "weekly.svg"]


def test_charts_follow_a_dark_palette(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10))
    shown(qtbot, page)
    assert page.chart_style().name == "light"
    dark = QPalette(page.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    page.setPalette(dark)
    assert page.chart_style().name == "dark"
    view = page.chart_views[0]
    qtbot.wait_until(lambda: view.result is not None and not view.stale)
    assert view.figure is not None
    red, green, blue = to_rgb(view.figure.get_facecolor())
    assert QColor.fromRgbF(red, green, blue).name() == "#202124"


def test_chosen_dates_and_a_baseline(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(10))
    editor.add_episode(cramp(3))
    diary.set_day(date(2026, 3, 2), DayFactors(reviewed=True))  # the baseline cramp's night
    shown(qtbot, page)
    page.select_period(period_choice.CUSTOM)
    page.first_edit.setDate(QDate(2026, 3, 5))
    page.last_edit.setDate(QDate(2026, 3, 11))
    qtbot.wait_until(lambda: page.period_label.text().startswith("5 Mar 2026 – 11 Mar 2026"))
    assert tile_value(page, "episodes") == "1"
    page.select_comparison(period_choice.BASELINE)
    page.base_first_edit.setDate(QDate(2026, 2, 26))
    page.base_last_edit.setDate(QDate(2026, 3, 4))
    qtbot.wait_until(lambda: "Compared with 26 Feb 2026" in page.period_label.text())
    (episodes,) = [t for t in page.tiles if t.headline.key == "episodes"]
    # One recorded night in the baseline (its cramp's, reviewed): no comparison, on every tile.
    qtbot.wait_until(lambda: episodes.change.text() == "no comparison")
    assert all(t.change.text() == "no comparison" for t in page.tiles)
    assert page.period_label.text().endswith(
        "Compared with 26 Feb 2026 – 4 Mar 2026: no comparison: 1 of 7 nights recorded in the "
        "comparison period (7 needed)"
    )
    for day in (26, 27, 28):
        editor.mark_cramp_free(date(2026, 2, day))
    for day in (1, 3, 4):
        editor.mark_cramp_free(date(2026, 3, day))
    # The period itself has fewer recorded nights: the count shows its nights, not a change.
    qtbot.wait_until(lambda: episodes.change.text() == "1 before, on 7 recorded nights")
    page.select_comparison(period_choice.NO_COMPARISON)
    qtbot.wait_until(lambda: not episodes.change.isVisible())
    page.first_edit.setDate(QDate(2026, 3, 11))
    page.last_edit.setDate(QDate(2026, 3, 5))
    qtbot.wait_until(lambda: page.problem_label.isVisible())
    assert "cannot end" in page.problem_label.text()


def test_cramps_on_unrecorded_nights_get_a_calm_hint_on_how_to_count_those_nights(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(4))  # the night of Tue 3 March: never reviewed, in no span
    shown(qtbot, page)
    assert page.stats is not None and page.stats.cramps_on_unrecorded_nights == 1
    assert page.unrecorded_hint.isVisible()
    assert page.unrecorded_text.text() == patterns_page.UNRECORDED_HINT
    assert "review them (Entry › Review any night…, Ctrl+Shift+R)" in patterns_page.UNRECORDED_HINT
    # Calm: the window's own text colour, not the warning red.
    colour = page.unrecorded_text.palette().color(QPalette.ColorRole.WindowText)
    assert colour == page.palette().color(QPalette.ColorRole.WindowText)
    with qtbot.wait_signal(page.settings_requested):
        qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)

    editor.mark_cramp_free(date(2026, 3, 5))  # another night reviewed: the cramp still out
    qtbot.wait_until(lambda: page.stats is not None and page.stats.recorded_nights == 1)
    assert page.unrecorded_hint.isVisible()
    editor.set_logging_every_cramp(date(2026, 3, 1))
    qtbot.wait_until(lambda: not page.unrecorded_hint.isVisible())
    assert "inside logging spans" in page.period_label.text()


def wheel_over(widget: QWidget, buttons: Qt.MouseButton = Qt.MouseButton.NoButton) -> None:
    """One notch of the wheel, turned towards the person, over the middle of `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, -120),
        buttons,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_chart_scrolls_the_page(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(10))
    shown(qtbot, page)
    chart = page.chart_views[0]
    qtbot.wait_until(lambda: chart.canvas is not None)
    assert chart.canvas is not None
    bar = page.scroll_area.verticalScrollBar()
    assert bar.value() == 0 < bar.maximum()
    wheel_over(chart.canvas, Qt.MouseButton.LeftButton)  # holding a button: the chart's
    assert bar.value() == 0
    wheel_over(chart.canvas)
    assert bar.value() > 0


def weekly_chart_as_drawn(qtbot: QtBot, page: PatternsPage) -> dict[str, object]:
    """What the weekly chart shows once drawn: bars, line, shading, marks, ticks, legend,
    summary and where the layout put the plot."""
    import numpy as np

    view = page.chart_views[0]
    assert view.key == "weekly"
    qtbot.wait_until(lambda: view.result is not None and not view.stale and not view.draw_pending)
    assert view.figure is not None and view.result is not None
    (ax,) = view.figure.axes

    def points(values: object) -> list[list[float | None]]:
        return [[None if np.isnan(v) else round(float(v), 6) for v in row] for row in values]  # type: ignore[attr-defined]

    return {
        "summary": view.result.summary,
        "limits": (ax.get_xlim(), ax.get_ylim()),
        "x ticks": [(round(t.get_position()[0], 6), t.get_text()) for t in ax.get_xticklabels()],
        "y ticks": [(round(t.get_position()[1], 6), t.get_text()) for t in ax.get_yticklabels()],
        "series": sorted(
            (
                str(c.get_gid()),
                [points(p.vertices) for p in c.get_paths()],
                np.asarray(c.get_facecolor()).round(6).tolist(),
                np.asarray(c.get_edgecolor()).round(6).tolist(),
            )
            for c in ax.collections
        ),
        "lines": [(ln.get_gid(), points(ln.get_xydata()), ln.get_linestyle()) for ln in ax.lines],
        "texts": [(t.get_text(), t.get_position()) for t in ax.texts],
        "legend": [t.get_text() for legend in view.figure.legends for t in legend.get_texts()],
        "plot at": tuple(round(v, 4) for v in ax.get_position().bounds),
    }


def test_a_redrawn_chart_shows_what_a_freshly_opened_page_shows(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor, diary: Diary
) -> None:
    """The weekly chart is updated in place when the period changes; it must never keep a
    bar, a shaded week or a medicine's mark of the period shown before."""
    from cramplog.core.records import MedicationInput

    for month, day in ((1, 2), (1, 5), (1, 6), (2, 3), (2, 17), (3, 3), (3, 9), (3, 10)):
        editor.add_episode(cramp(day, month=month, intensity=day % 11))
    for day in range(18, 28):  # ten recorded nights in February; the rest unrecorded
        editor.mark_cramp_free(date(2026, 2, day))
    editor.add_medication(MedicationInput("Magnesium", started_on=date(2026, 3, 2)))
    shown(qtbot, page)
    before = weekly_chart_as_drawn(qtbot, page)
    view = page.chart_views[0]
    assert view.figure is not None
    (axes,) = view.figure.axes
    for preset in ("last_3_months", "last_12_months", "last_3_months"):
        page.select_period(preset)
        qtbot.wait_until(
            lambda: page.stats is not None and page.stats.period == page.current_period()
        )
        again = weekly_chart_as_drawn(qtbot, page)
        assert again != before
        before = again
        fresh = PatternsPage(editor)
        qtbot.add_widget(fresh)
        fresh.select_period(preset)
        fresh.resize(page.size())
        assert again == weekly_chart_as_drawn(qtbot, shown(qtbot, fresh))
        fresh.close()
    # Updated in place, not rebuilt: the same axes drew every period.
    assert view.figure.axes == [axes]


# -- a start on Patterns: the page shows the figures read from the file before the diary opens


def figures_read_from_the_file(diary: Diary, now: datetime = NOW) -> OpeningFigures:
    """The opening figures as start-up's worker reads them: sqlite3 alone, no Diary."""
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: now) as view:
        assert view is not None
        figures = patterns_read_ahead.opening_figures(view)
    assert figures is not None
    return figures


def page_on_opening_figures(qtbot: QtBot, figures: OpeningFigures) -> PatternsPage:
    page = PatternsPage(None, opening=figures)
    qtbot.add_widget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.wait_exposed(page)
    return page


def what_a_person_reads(page: PatternsPage) -> list[str]:
    labels = [
        label.text()
        for label in page.findChildren(QLabel)
        if label.isVisibleTo(page) and label.objectName() != "triggerDetails"
    ]
    tree = page.trigger_tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group is not None
        rows.append(group.text(0))
        for j in range(group.childCount()):
            item = group.child(j)
            assert item is not None
            rows.append(" | ".join(item.text(c) for c in range(3)))
    return [*labels, *rows, page.period_box.currentText(), page.compare_box.currentText()]


def test_a_page_on_the_figures_read_before_the_diary_opens_reads_as_the_opened_one(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(10, triggers=("trigger.dehydration",)))
    editor.add_episode(cramp(2, hour=4, intensity=8, symptoms=("symptom.swelling",)))
    editor.mark_cramp_free(date(2026, 3, 5))
    early = page_on_opening_figures(qtbot, figures_read_from_the_file(diary))
    assert early.stats is not None and early.stats.episodes == 2
    assert not early.attached
    opened = PatternsPage(editor)
    qtbot.add_widget(opened)
    opened.resize(1200, 700)
    shown(qtbot, opened)
    qtbot.wait_until(lambda: early.charts_made)
    assert what_a_person_reads(early) == what_a_person_reads(opened)
    assert early.warning_panel.isVisible() and opened.warning_panel.isVisible()
    assert early.stats == opened.stats
    assert early.checklist.width() == opened.checklist.width()  # widened for the names alike

    read = what_a_person_reads(early)
    early.attach(editor)  # the diary is open: the same night, nothing changes on screen
    qtbot.wait(20)
    assert what_a_person_reads(early) == read
    editor.add_episode(cramp(11))
    qtbot.wait_until(lambda: tile_value(early, "episodes") == "3")


def test_a_period_chosen_while_the_diary_opens_is_shown_once_it_is_open(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(10))
    editor.add_episode(cramp(3, month=1))  # in the last 3 months, not the last 4 weeks
    early = page_on_opening_figures(qtbot, figures_read_from_the_file(diary))
    assert tile_value(early, "episodes") == "2"
    period_line = early.period_label.text()
    early.select_period("last_4_weeks")
    # It waits for the diary, without an error, and says so: the old numbers look stale.
    qtbot.wait_until(lambda: early.period_label.text() == "Opening your diary…")
    assert tile_value(early, "episodes") == "2"
    assert all(looks_stale(tile) for tile in early.tiles)
    early.attach(editor)
    qtbot.wait_until(lambda: tile_value(early, "episodes") == "1")
    assert early.stats is not None and early.stats.period.first == date(2026, 2, 12)
    assert early.period_label.text() not in ("Opening your diary…", period_line)
    assert early.period_label.text().startswith("12 Feb")
    assert not any(looks_stale(tile) for tile in early.tiles)


def test_while_the_diary_opens_the_old_warnings_and_checklist_look_stale_and_nothing_moves(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(10, triggers=("trigger.dehydration",)))
    editor.add_episode(cramp(2, hour=4, intensity=8, symptoms=("symptom.swelling",)))
    early = page_on_opening_figures(qtbot, figures_read_from_the_file(diary))
    assert early.warning_panel.isVisible()
    qtbot.wait(20)  # laid out
    tiles_at = early.tiles[0].mapTo(early, QPoint(0, 0))
    early.select_period("last_4_weeks")
    qtbot.wait_until(lambda: early.period_label.text() == "Opening your diary…")
    qtbot.wait(20)
    # The warning signs and the checklist's counts are the 3 months', so they look it ...
    assert looks_stale(early.warning_panel)
    assert items_look_stale(early.trigger_tree)
    # ... and the one-line "Opening your diary…" does not pull the page up under the reader.
    assert early.tiles[0].mapTo(early, QPoint(0, 0)) == tiles_at
    early.attach(editor)
    qtbot.wait_until(lambda: early.period_label.text().startswith("12 Feb"))
    assert not looks_stale(early.warning_panel)
    assert not items_look_stale(early.trigger_tree)


def items_look_stale(view: QTreeWidget) -> bool:
    palette = view.palette()
    return palette.color(QPalette.ColorRole.Text) == palette.color(
        QPalette.ColorRole.PlaceholderText
    )


def looks_stale(tile: QWidget) -> bool:
    """Whether every text of a tile is drawn in the dimmed colour (not the normal one)."""
    labels = tile.findChildren(QLabel)
    palette = tile.palette()
    normal = palette.color(QPalette.ColorRole.WindowText)
    dimmed = palette.color(QPalette.ColorRole.PlaceholderText)
    drawn = [label.palette().color(label.foregroundRole()) for label in labels]
    if all(colour == dimmed for colour in drawn):
        return True
    assert all(colour == normal for colour in drawn)  # never half and half
    return False


@pytest.mark.parametrize("dark", [False, True])
def test_stale_numbers_stay_readable_in_light_and_dark(qtbot: QtBot, dark: bool) -> None:
    from cramplog.ui.widgets import theme

    palette = theme.dark_palette() if dark else theme.light_palette()
    dimmed = palette.color(QPalette.ColorRole.PlaceholderText)
    for background in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert theme.contrast_ratio(dimmed, palette.color(background)) >= 4.5


def test_a_trigger_chosen_while_the_diary_opens_lists_its_cramps_once_it_is_open(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(10, triggers=("trigger.dehydration",)))
    early = page_on_opening_figures(qtbot, figures_read_from_the_file(diary))
    early.select_trigger("trigger.dehydration")
    assert early.trigger_episodes.count() == 0
    assert early.episodes_heading.text() == "Opening your diary…"
    early.attach(editor)
    assert early.trigger_episodes.count() == 1
    assert "Dehydration" in early.episodes_heading.text()
    assert early.checklist.details_area.isVisibleTo(early)


def test_figures_read_before_last_night_ended_are_computed_again_when_the_diary_opens(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    editor.add_episode(cramp(12, hour=2))  # the night of 11 March, after the read
    earlier = NOW - timedelta(days=1)
    early = page_on_opening_figures(qtbot, figures_read_from_the_file(diary, earlier))
    assert early.stats is not None and early.stats.period.last == date(2026, 3, 10)
    early.attach(editor)
    qtbot.wait_until(lambda: early.stats is not None and early.stats.period.last.day == 11)
    assert tile_value(early, "episodes") == "1"


def test_a_trigger_name_cut_short_in_a_narrow_window_is_whole_in_its_tooltip(
    qtbot: QtBot, page: PatternsPage, editor: DiaryEditor
) -> None:
    # At 1024 pixels wide "Unaccustomed hard activity" read "Unaccustomed hard acti…".
    editor.add_episode(cramp(10, triggers=("trigger.unaccustomed_activity",)))
    page.resize(1024, 600)
    shown(qtbot, page)
    tree = page.trigger_tree
    items = [
        group.child(j)
        for i in range(tree.topLevelItemCount())
        if (group := tree.topLevelItem(i)) is not None
        for j in range(group.childCount())
    ]
    assert items
    assert all(item is not None and item.toolTip(0) == item.text(0) for item in items)
