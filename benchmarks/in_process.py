"""Benchmark figures timed inside this process: saving a cramp, redrawing Patterns, the GP PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from measuring import MIN_RUNS, Figure, absolute, interleaved, median, reference, timed

# Budgets from issue #17: Patterns over any period (the 10-year diary, the stress diary), the
# PDF for all of the 10-year diary and for its default 3 months.
PATTERNS_BUDGET_S = (0.100, 0.300)
PDF_ALL_BUDGET_S = 1.0
PDF_DEFAULT_BUDGET_S = 0.300
SAVE_BUDGET_S = 0.050


def save_to_row_figure(diary_dir: Path, runs: int) -> Figure:
    from PySide6.QtWidgets import QApplication

    from cramplog.core.records import EpisodeInput, Side
    from cramplog.diary.service import Diary
    from cramplog.ui.editor import DiaryEditor
    from cramplog.ui.pages.diary_page import DiaryPage

    app = QApplication.instance() or QApplication([])
    diary = Diary.open(diary_dir)
    try:
        editor = DiaryEditor(diary)
        page = DiaryPage(editor)
        page.resize(1100, 600)
        page.show()
        app.processEvents()

        def save() -> None:
            saved = editor.add_episode(
                EpisodeInput(start=diary.now(), muscle="muscle.calf", side=Side.LEFT)
            )
            page.select_episode(saved.uuid)
            page.table.viewport().repaint()
            assert page.selected_keys() == [saved.uuid]

        times = interleaved({"save": timed(save)}, max(runs * 4, MIN_RUNS))["save"]
        page.close()
        return absolute("save an episode -> its row visible", median(times), SAVE_BUDGET_S)
    finally:
        diary.close()


def patterns_figures(diaries: dict[str, Path], runs: int) -> list[Figure]:
    """A full redraw of the Patterns place (numbers, warnings, checklist, charts on screen),
    over the default 3 months and over all of the diary, the pages taking turns. `diaries`
    names the 10-year diary, then the stress diary. The budgeted figure reads the diary
    afresh, as after an edit; the reference beside it is the redraw of an unchanged diary,
    whose reads are kept (`cramplog.analysis.stats.kept_reads`)."""
    from PySide6.QtWidgets import QApplication

    from cramplog.analysis import stats
    from cramplog.analysis.stats import kept_reads
    from cramplog.diary.service import Diary
    from cramplog.ui.editor import DiaryEditor
    from cramplog.ui.pages.patterns_page import PatternsPage

    app = QApplication.instance() or QApplication([])
    opened = {name: Diary.open(folder) for name, folder in diaries.items()}
    budgets = dict(zip(diaries, PATTERNS_BUDGET_S, strict=True))
    pages: dict[tuple[str, str], PatternsPage] = {}
    try:
        for name, diary in opened.items():
            for preset in (stats.DEFAULT_PRESET, stats.PeriodPreset.ALL):
                page = PatternsPage(DiaryEditor(diary))
                page.resize(1280, 760)
                page.select_period(preset.value)
                page.show()
                for _ in range(50):  # the charts are made one a turn after the first paint
                    app.processEvents()
                    if page.charts_made:
                        break
                app.processEvents()
                pages[name, preset.label] = page

        def redraw(page: PatternsPage, changed: bool) -> Callable[[], float]:
            def run() -> None:
                page.refresh()
                app.processEvents()  # runs the deferred drawing of the charts on screen

            timing = timed(run)

            def measured() -> float:
                if changed:
                    # As after an edit: the period's reads kept from the last redraw are
                    # gone (outside the timing; an edit would have taken its own time).
                    kept_reads.forget(page.diary)
                return timing()

            return measured

        times = interleaved(
            {
                (*key, changed): redraw(page, changed)
                for key, page in pages.items()
                for changed in (True, False)
            },
            runs,
        )
        return [
            absolute(
                f"Patterns full redraw, {name} diary, {label.lower()}",
                median(times[name, label, True]),
                budgets[name],
            )
            for name, label in pages
        ] + [
            reference(
                f"Patterns redraw, {name} diary, {label.lower()}, diary unchanged (reads kept)",
                median(times[name, label, False]),
            )
            for name, label in pages
        ]
    finally:
        for page in pages.values():
            page.close()
        for diary in opened.values():
            diary.close()


def pdf_figures(diary_dir: Path, name: str, scratch: Path, runs: int) -> list[Figure]:
    """The GP summary PDF of the whole 10-year diary and of its default 3 months, each
    against the period before, appendix included, the two taking turns."""
    from cramplog.analysis import report, stats
    from cramplog.diary.service import Diary
    from cramplog.render import report_document

    report_document.headless_application()
    diary = Diary.open(diary_dir)
    try:
        presets = stats.diary_presets(diary)
        periods = {
            "all": presets[stats.PeriodPreset.ALL],
            "default": presets[stats.DEFAULT_PRESET],
        }

        def write(period: stats.Period, target: Path) -> Callable[[], float]:
            def run() -> None:
                target.unlink(missing_ok=True)
                summary = report.build_report(diary, period=period, comparison=period.previous())
                report_document.write_pdf(summary, target)

            return timed(run)

        times = interleaved(
            {key: write(period, scratch / f"summary-{key}.pdf") for key, period in periods.items()},
            max(runs, MIN_RUNS) if runs > 1 else runs,
        )
        pages = {
            key: report_document.ReportDocument(
                report.build_report(diary, period=period)
            ).page_count
            for key, period in periods.items()
        }
    finally:
        diary.close()
    every = absolute(
        f"GP summary PDF, {name} diary, all of it", median(times["all"]), PDF_ALL_BUDGET_S
    )
    every.note = f"{pages['all']} pages"
    default = absolute(
        f"GP summary PDF, {name} diary, {stats.DEFAULT_PRESET.label.lower()}",
        median(times["default"]),
        PDF_DEFAULT_BUDGET_S,
    )
    default.note = f"{pages['default']} pages"
    return [every, default]
