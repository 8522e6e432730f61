"""cramplog's benchmark: each figure against a floor measured in the same run, on generated diaries.

Run from the repository with the test environment:  .venv/bin/python benchmarks/run.py
(`--quick` uses small diaries and one run each, for CI; `--output FILE` writes the JSON, from
which scripts/benchmark_table.py rewrites the README's table).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from importlib import metadata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for folder in (REPO, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import in_process  # noqa: E402  (found through the path set just above)
import launches  # noqa: E402
import memory  # noqa: E402
from measuring import (  # noqa: E402
    MIN_RUNS,
    Figure,
    interleaved,
    judged,
    median,
    reference,
)

# "Now" for the whole run, in this process and every launched one: the generated diaries end
# the night before, so their sizes (and their "last 3 months") are the same on any day.
REFERENCE_NOW = datetime(2026, 7, 1, 9, 30)
REFERENCE_NIGHT = date(2026, 6, 30)
PINNED_NOW_ENV = "CRAMPLOG_BENCHMARK_NOW"  # read by cramplog.diary.service
os.environ[PINNED_NOW_ENV] = REFERENCE_NOW.isoformat()

EXIT_ENV = launches.BENCHMARK_MARK  # the app's moment to report and quit


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


def make_diary(folder: Path, years: float, per_week: float) -> dict[str, int]:
    """Generate a sample diary ending on the reference night; returns what it holds."""
    from cramplog.demo import sample

    start = time.perf_counter()
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=years, episodes_per_week=per_week),
        seed=2026,
        end=REFERENCE_NIGHT,
    )
    print(f"  generated {years:g}-year diary in {time.perf_counter() - start:.1f} s", flush=True)
    connection = sqlite3.connect(f"file:{folder / 'diary.sqlite3'}?mode=ro", uri=True)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("episodes", "diary_days", "medications")
        }
    finally:
        connection.close()


def startup_figures(diary_dir: Path, sizes: Sizes) -> list[Figure]:
    """Start-up against the bare windows, launches interleaved run by run; each app launch
    also reports its UI thread's longest stall since the window first painted."""
    app = [*launches.cramplog_command(), "--data-dir", str(diary_dir)]
    runs = {
        "bare": lambda: launches.to_mark(launches.bare_window()),
        "bare_orm": lambda: launches.to_mark(launches.bare_window("import sqlalchemy.orm")),
        "bare_mpl": lambda: launches.to_mark(
            launches.bare_window("from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg")
        ),
        **{
            moment: (lambda moment=moment: launches.to_mark(app, {EXIT_ENV: moment}))
            for moment in ("painted", "rows", "list")
        },
        # A person who left the app on Patterns starts there.
        "patterns": lambda: launches.to_mark(
            app, {EXIT_ENV: "patterns"}, last_place=launches.PATTERNS_PLACE
        ),
        "charts": lambda: launches.to_mark(
            app, {EXIT_ENV: "charts"}, last_place=launches.PATTERNS_PLACE
        ),
    }
    results = interleaved(runs, sizes.startup_runs)
    seconds = {name: median([s for s, _stall in values]) for name, values in results.items()}
    stalls = {name: median([stall for _s, stall in values]) for name, values in results.items()}
    floor, floor_orm, floor_mpl = seconds["bare"], seconds["bare_orm"], seconds["bare_mpl"]
    return [
        judged("start-up to a painted main window", seconds["painted"], floor, 1.5, "bare window"),
        judged(
            "start-up to the diary's rows on screen",
            seconds["rows"],
            floor_orm,
            1.2,
            "bare + sqlalchemy.orm",
        ),
        # No budget of its own: the moment the whole list is in and the diary open for edits.
        reference("start-up to the whole list, diary open", seconds["list"], floor_orm),
        judged(
            "start-up on Patterns, painted",
            seconds["patterns"],
            floor_mpl,
            1.5,
            "bare + matplotlib canvas",
        ),
        Figure(
            name="longest UI stall, painted to the whole list",
            seconds=stalls["list"],
            floor_seconds=None,
            budget="<= 100 ms",
            ok=stalls["list"] <= 0.100,
        ),
        reference("longest UI stall, painted to Patterns", stalls["patterns"]),
        # No budget of its own: the charts come after the figures, matplotlib loaded meanwhile.
        reference("start-up on Patterns, its charts drawn", seconds["charts"], floor_mpl),
        reference("longest UI stall, painted to Patterns' charts", stalls["charts"]),
    ]


def stats_figure(diary_dir: Path, counts: dict[str, int], sizes: Sizes) -> list[Figure]:
    """`cramplog stats` over all of the diary against a plain python + sqlite3 process
    counting the same cramps, the two launched in turn."""
    command = [*launches.cramplog_command(), "stats", "--data-dir", str(diary_dir)]
    command += ["--from", "1900-01-01", "--to", REFERENCE_NIGHT.isoformat()]
    floor = [sys.executable, "-c", launches.SQLITE_COUNT, str(diary_dir / "diary.sqlite3")]
    times = interleaved(
        {"stats": lambda: launches.to_exit(command), "floor": lambda: launches.to_exit(floor)},
        max(sizes.runs, MIN_RUNS) if sizes.runs > 1 else 1,
    )
    figure = judged(
        f"`stats`, all of a {sizes.years:g}-year diary",
        median(times["stats"]),
        median(times["floor"]),
        3.0,
        "python + sqlite3 count",
    )
    figure.note = f"{counts['episodes']:,} cramps"
    return [figure]


def import_figure(scratch: Path, sizes: Sizes) -> list[Figure]:
    """Importing a spreadsheet, as CSV and as .xlsx, against raw executemany of its rows."""
    import import_speed

    runs = max(sizes.runs, MIN_RUNS) if sizes.runs > 1 else 1
    figures = []
    for kind, label in (("csv", "CSV"), ("xlsx", ".xlsx")):
        folder = scratch / f"import-{kind}"
        folder.mkdir()
        cpu, wall, floor_cpu, floor_wall = import_speed.figure(
            folder, sizes.import_rows, runs, kind=kind
        )
        figure = judged(
            f"import {sizes.import_rows:,} {label} rows (CPU time)",
            cpu,
            floor_cpu,
            import_speed.BUDGET,
            "raw executemany",
        )
        figure.note = f"wall clock {wall:.2f} s against {floor_wall:.2f} s"
        figures.append(figure)
    return figures


def memory_figure(stress: Path, sizes: Sizes) -> list[Figure]:
    """Peak memory of the app started on Patterns with the stress diary, open, its charts
    drawn (the "patterns" moment comes before the diary is open: its figures are read from
    the file first)."""
    argv = [*launches.cramplog_command(), "--data-dir", str(stress)]
    peaks = [
        launches.peak_memory(argv, {EXIT_ENV: "charts"}, last_place=launches.PATTERNS_PLACE)
        for _ in range(sizes.runs)
    ]
    peak = median([float(p) for p in peaks])
    return [
        Figure(
            name=f"peak memory, {sizes.stress_years:g}-year diary, started on Patterns",
            seconds=None,
            floor_seconds=None,
            budget="<= 300 MB",
            ok=peak <= 300 * 1024 * 1024,
            note=f"{peak / 1024 / 1024:.0f} MB",
        )
    ]


def print_table(figures: list[Figure]) -> None:
    print()
    print(f"{'figure':<52} {'time':>10} {'floor':>10} {'ratio':>7}  budget")
    for f in figures:
        time_text = "-" if f.seconds is None else f"{f.seconds * 1000:,.0f} ms"
        floor_text = "-" if f.floor_seconds is None else f"{f.floor_seconds * 1000:,.0f} ms"
        ratio_text = "-" if f.ratio is None else f"{f.ratio:.2f}"
        verdict = {True: "ok", False: "OVER", None: ""}[f.ok]
        print(
            f"{f.name:<52} {time_text:>10} {floor_text:>10} {ratio_text:>7}  {f.budget} {verdict}"
        )
        if f.note:
            print(f"{'':<52} {f.note}")


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in ("PySide6-Essentials", "SQLAlchemy", "matplotlib"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "?"
    return found


GROUPS = ("startup", "save", "patterns", "pdf", "stats", "import", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small diaries, one run each (CI)")
    parser.add_argument("--output", type=Path, help="write the figures as JSON to this file")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="measure only this group of figures (repeatable); the README table wants them all",
    )
    args = parser.parse_args(argv)
    wanted = set(args.only or GROUPS)
    sizes = QUICK if args.quick else FULL
    load_before = os.getloadavg()
    # Installed, cramplog starts from bytecode (pip compiles it); a checkout in an environment
    # with PYTHONDONTWRITEBYTECODE would otherwise compile every module from source on every
    # launch, and the app's launches, unlike their floors (all in site-packages), pay for it.
    compileall.compile_dir(REPO / "cramplog", quiet=1)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="cramplog-bench-") as tmp:
        root = Path(tmp)
        print(f"cramplog benchmark ({'quick' if args.quick else 'full'}) in {root}", flush=True)
        ten, stress = root / "ten-year", root / "stress"
        names = (f"{sizes.years:g}-year", f"{sizes.stress_years:g}-year")
        held = {names[0]: make_diary(ten, sizes.years, sizes.episodes_per_week)}
        if wanted & {"patterns", "memory"}:  # the 100-year diary takes a while to make
            held[names[1]] = make_diary(stress, sizes.stress_years, sizes.episodes_per_week)
        if "startup" in wanted:
            figures += startup_figures(ten, sizes)
        if "save" in wanted:
            figures.append(in_process.save_to_row_figure(ten, sizes.runs))
        if "patterns" in wanted:
            figures += in_process.patterns_figures({names[0]: ten, names[1]: stress}, sizes.runs)
        if "pdf" in wanted:
            figures += in_process.pdf_figures(ten, names[0], root, sizes.runs)
        if "stats" in wanted:
            figures += stats_figure(ten, held[names[0]], sizes)
        if "import" in wanted:
            figures += import_figure(root, sizes)
        if "memory" in wanted:
            figures += memory_figure(stress, sizes)
            figures += memory.growth_figures(
                {names[0]: ten, names[1]: stress},
                root,
                REFERENCE_NIGHT.isoformat(),
                max(sizes.runs, MIN_RUNS) if sizes.runs > 1 else 1,
            )
    print_table(figures)
    report = {
        "mode": "quick" if args.quick else "full",
        "date": datetime.now().date().isoformat(),
        "reference_night": REFERENCE_NIGHT.isoformat(),
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "versions": versions(),
        },
        "diaries": {
            name: {"years": years, **counts}
            for (name, counts), years in zip(
                held.items(),
                (sizes.years, sizes.stress_years),
                strict=False,  # --only: one diary
            )
        },
        "figures": [asdict(f) for f in figures],
    }
    if args.output:
        args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
