"""cramplog's benchmark: each figure against a floor measured in the same run, on generated diaries.

Run from the repository with the test environment:  .venv/bin/python benchmarks/run.py
(`--quick` uses small diaries and one run each, for CI; `--output FILE` writes the JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@dataclass
class Figure:
    name: str
    seconds: float | None
    floor_seconds: float | None
    budget: str
    ratio: float | None = None
    ok: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class Sizes:
    years: float
    stress_years: float
    episodes_per_week: float
    runs: int
    startup_runs: int  # launches are cheap and their ratios noisy: more of them
    import_rows: int


FULL = Sizes(
    years=10, stress_years=100, episodes_per_week=30, runs=7, startup_runs=15, import_rows=100_000
)
QUICK = Sizes(
    years=1, stress_years=2, episodes_per_week=30, runs=1, startup_runs=1, import_rows=5_000
)

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer, QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
{extra_import}
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
def report_and_quit():
    print("CRAMPLOG_BENCHMARK_EXIT", "%.6f" % time.time(), flush=True)
    QCoreApplication.quit()
class Quit(QObject):
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, report_and_quit)
        return False
quit_filter = Quit()
window.installEventFilter(quit_filter)
window.resize(1180, 720)
window.show()
app.exec()
"""


def median_time(run: Callable[[], object], runs: int, *, warm_up: bool = True) -> float:
    if warm_up:
        run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


BENCHMARK_MARK = "CRAMPLOG_BENCHMARK_EXIT"

# The app remembers its last place; the runs must not inherit one another's (or a person's).
SETTINGS_HOME = tempfile.mkdtemp(prefix="cramplog-bench-settings-")


# Linux carries a process's peak RSS across exec(), so a child forked from this (by then
# large) benchmark process would report the benchmark's own memory as its peak. The peak is
# therefore read by this small launcher, which is all the app's forked parent ever holds.
PEAK_LAUNCHER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(process.pid, 0)
print(usage.ru_maxrss * 1024)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_process(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from launching `argv` to the moment it reports (see BENCHMARK_MARK).

    Both the app and the bare window print the wall-clock time just after the measured
    paint, so the time either spends exiting afterwards is counted by neither.
    """
    start = time.time()
    process = subprocess.run(
        argv,
        env={**os.environ, "XDG_CONFIG_HOME": SETTINGS_HOME, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {process.stderr.strip()[-400:]}")
    marks = [line.split() for line in process.stdout.splitlines()]
    moments = [float(mark[1]) for mark in marks if len(mark) == 2 and mark[0] == BENCHMARK_MARK]
    if not moments:
        raise RuntimeError(f"{argv[0]} exited without reporting its paint")
    return moments[0] - start


def peak_memory(argv: list[str], env: dict[str, str]) -> int:
    """The peak RSS (bytes) of one run of `argv`, measured by a fresh small launcher."""
    process = subprocess.run(
        [sys.executable, "-c", PEAK_LAUNCHER, *argv],
        env={**os.environ, "XDG_CONFIG_HOME": SETTINGS_HOME, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {process.stderr.strip()[-400:]}")
    return int(process.stdout.split()[-1])


def cramplog_command() -> list[str]:
    """The installed entry point beside this Python, as a person would start it."""
    script = Path(sys.executable).with_name("cramplog")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cramplog"]


def make_diary(folder: Path, years: float, per_week: float) -> Path:
    from cramplog.demo import sample

    start = time.perf_counter()
    sample.create_sample_diary(
        folder, size=sample.SampleSize(years=years, episodes_per_week=per_week), seed=2026
    )
    print(f"  generated {years:g}-year diary in {time.perf_counter() - start:.1f} s", flush=True)
    return folder


def startup_figures(diary_dir: Path, sizes: Sizes) -> list[Figure]:
    """Start-up against the bare windows, the launches interleaved run by run, so a burst of
    load on a shared machine falls on the app and its floor alike."""
    launches = {
        "bare": ([sys.executable, "-c", BARE_WINDOW.format(extra_import="")], {}),
        "bare_orm": (
            [sys.executable, "-c", BARE_WINDOW.format(extra_import="import sqlalchemy.orm")],
            {},
        ),
        **{
            moment: (
                [*cramplog_command(), "--data-dir", str(diary_dir)],
                {"CRAMPLOG_BENCHMARK_EXIT": moment},
            )
            for moment in ("painted", "rows", "list")
        },
    }
    for argv, env in launches.values():
        run_process(argv, env)  # warm-up: file caches, font cache, bytecode
    times: dict[str, list[float]] = {name: [] for name in launches}
    for _ in range(sizes.startup_runs):
        for name, (argv, env) in launches.items():
            times[name].append(run_process(argv, env))
    median = {name: statistics.median(values) for name, values in times.items()}
    floor, floor_orm = median["bare"], median["bare_orm"]
    return [
        judged("start-up to a painted main window", median["painted"], floor, 1.5, "bare window"),
        judged(
            "start-up to the diary's rows on screen",
            median["rows"],
            floor_orm,
            1.2,
            "bare + sqlalchemy.orm",
        ),
        # No budget of its own: the moment the whole list is in and the diary open for edits.
        Figure(
            name="start-up to the whole list, diary open",
            seconds=median["list"],
            floor_seconds=floor_orm,
            budget="(reference)",
            ratio=median["list"] / floor_orm,
        ),
    ]


def judged(name: str, seconds: float, floor: float, factor: float, floor_name: str) -> Figure:
    ratio = seconds / floor
    return Figure(
        name=name,
        seconds=seconds,
        floor_seconds=floor,
        budget=f"<= {factor}x {floor_name}",
        ratio=ratio,
        ok=ratio <= factor,
    )


def absolute(name: str, seconds: float, limit: float) -> Figure:
    return Figure(
        name=name,
        seconds=seconds,
        floor_seconds=None,
        budget=f"<= {limit * 1000:.0f} ms",
        ok=seconds <= limit,
    )


def save_to_row_figure(diary_dir: Path, sizes: Sizes) -> Figure:
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
                EpisodeInput(
                    start=datetime.now().astimezone(), muscle="muscle.calf", side=Side.LEFT
                )
            )
            page.select_episode(saved.uuid)
            page.table.viewport().repaint()
            assert page.selected_keys() == [saved.uuid]

        seconds = median_time(save, max(sizes.runs * 4, 5))
        page.close()
        return absolute("save an episode -> its row visible", seconds, 0.050)
    finally:
        diary.close()


def print_table(figures: list[Figure]) -> None:
    print()
    print(f"{'figure':<48} {'time':>10} {'floor':>10} {'ratio':>7}  budget")
    for f in figures:
        time_text = "-" if f.seconds is None else f"{f.seconds * 1000:,.0f} ms"
        floor_text = "-" if f.floor_seconds is None else f"{f.floor_seconds * 1000:,.0f} ms"
        ratio_text = "-" if f.ratio is None else f"{f.ratio:.2f}"
        verdict = {True: "ok", False: "OVER", None: ""}[f.ok]
        print(
            f"{f.name:<48} {time_text:>10} {floor_text:>10} {ratio_text:>7}  {f.budget} {verdict}"
        )
        if f.note:
            print(f"{'':<48} {f.note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small diaries, one run each (CI)")
    parser.add_argument("--output", type=Path, help="write the figures as JSON to this file")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="cramplog-bench-") as tmp:
        root = Path(tmp)
        print(f"cramplog benchmark ({'quick' if args.quick else 'full'}) in {root}", flush=True)
        ten = make_diary(root / "ten-year", sizes.years, sizes.episodes_per_week)
        stress = make_diary(root / "stress", sizes.stress_years, sizes.episodes_per_week)
        figures += startup_figures(ten, sizes)
        figures.append(save_to_row_figure(ten, sizes))
        for extra in EXTRA_FIGURES:
            figures += extra(ten, stress, root, sizes)
    shutil.rmtree(SETTINGS_HOME, ignore_errors=True)
    print_table(figures)
    report = {
        "mode": "quick" if args.quick else "full",
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "figures": [asdict(f) for f in figures],
    }
    if args.output:
        args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten {args.output}")
    return 0


def patterns_figures(ten: Path, stress: Path, scratch: Path, sizes: Sizes) -> list[Figure]:
    """A full redraw of the Patterns place (numbers, warnings, checklist, charts on screen)."""
    from PySide6.QtWidgets import QApplication

    from cramplog.diary.service import Diary
    from cramplog.ui.editor import DiaryEditor
    from cramplog.ui.pages.patterns_page import PatternsPage

    app = QApplication.instance() or QApplication([])
    figures = []
    for name, folder, limit in (("10-year", ten, 0.250), ("stress", stress, 1.0)):
        diary = Diary.open(folder)
        try:
            page = PatternsPage(DiaryEditor(diary))
            page.resize(1280, 760)
            page.show()
            for _ in range(5):
                app.processEvents()

            def redraw(page: PatternsPage = page) -> None:
                page.refresh()
                app.processEvents()  # runs the deferred drawing of the charts on screen

            seconds = median_time(redraw, sizes.runs)
            page.close()
            figures.append(absolute(f"Patterns full redraw, {name} diary", seconds, limit))
        finally:
            diary.close()
    del scratch
    return figures


def import_figure(ten: Path, stress: Path, scratch: Path, sizes: Sizes) -> list[Figure]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import import_speed

    folder = scratch / "import"
    folder.mkdir()
    cpu, wall, floor_cpu, floor_wall = import_speed.figure(folder, sizes.import_rows)
    figure = judged(
        f"import {sizes.import_rows:,} CSV rows (CPU time)",
        cpu,
        floor_cpu,
        import_speed.BUDGET,
        "raw executemany",
    )
    figure.note = f"wall clock {wall:.2f} s against {floor_wall:.2f} s"
    cpu, wall, floor_cpu, floor_wall = import_speed.figure(folder, sizes.import_rows, kind="xlsx")
    book = judged(
        f"import {sizes.import_rows:,} .xlsx rows (CPU time)",
        cpu,
        floor_cpu,
        import_speed.BUDGET,
        "raw executemany",
    )
    book.note = f"wall clock {wall:.2f} s against {floor_wall:.2f} s"
    del ten, stress
    return [figure, book]


def pdf_figure(ten: Path, stress: Path, scratch: Path, sizes: Sizes) -> list[Figure]:
    """The GP summary PDF of the whole 10-year diary, appendix included."""
    from cramplog.analysis import report, stats
    from cramplog.diary.service import Diary
    from cramplog.render import report_document

    report_document.headless_application()
    diary = Diary.open(ten)
    try:
        period = stats.diary_presets(diary)[stats.PeriodPreset.ALL]
        target = scratch / "summary.pdf"

        def write() -> None:
            target.unlink(missing_ok=True)
            summary = report.build_report(diary, period=period, comparison=period.previous())
            report_document.write_pdf(summary, target)

        seconds = median_time(write, sizes.runs)
        pages = report_document.ReportDocument(report.build_report(diary, period=period)).page_count
    finally:
        diary.close()
    del stress
    figure = absolute("GP summary PDF, 10-year diary", seconds, 2.0)
    figure.note = f"{pages} pages"
    return [figure]


def memory_figure(ten: Path, stress: Path, scratch: Path, sizes: Sizes) -> list[Figure]:
    """Peak memory of the app with the stress diary open on the Patterns place."""
    argv = [*cramplog_command(), "--data-dir", str(stress)]
    peaks = [peak_memory(argv, {"CRAMPLOG_BENCHMARK_EXIT": "patterns"}) for _ in range(sizes.runs)]
    peak = statistics.median(peaks)
    del ten, scratch
    return [
        Figure(
            name="peak memory, stress diary on Patterns",
            seconds=None,
            floor_seconds=None,
            budget="<= 300 MB",
            ok=peak <= 300 * 1024 * 1024,
            note=f"{peak / 1024 / 1024:.0f} MB",
        )
    ]


# Each takes (ten-year dir, stress dir, scratch dir, sizes) and returns figures.
EXTRA_FIGURES: list[Callable[[Path, Path, Path, Sizes], list[Figure]]] = [
    patterns_figures,
    pdf_figure,
    import_figure,
    memory_figure,
]


if __name__ == "__main__":
    sys.exit(main())
