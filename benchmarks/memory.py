"""Peak memory of import, export and the PDF at two diary sizes: does it grow with the diary?

Each command is launched as a person would run it (fresh settings, a timeout) and its peak
RSS read by a small launcher; the figure is the larger diary's peak over the smaller's.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import launches
from measuring import Figure, interleaved, median

# Issue #17: import and export may grow by 30% from 10 to 100 years, the PDF by 50%.
GROWTH = {"import": 1.3, "CSV export": 1.3, "JSON export": 1.3, "PDF, all of the diary": 1.5}
MB = 1024 * 1024


def _commands(folder: Path, scratch: Path, last_night: str) -> dict[str, Callable[[], int]]:
    """What each measured command runs on the diary in `folder` (one launch = one call)."""
    cramplog = launches.cramplog_command()
    source = scratch / "diary.json"  # the import reads the diary's own full export
    launches.to_exit([*cramplog, "export", "json", "-o", str(source), "--data-dir", str(folder)])
    fresh = itertools.count()

    def peak(*arguments: str) -> Callable[[], int]:
        return lambda: launches.peak_memory([*cramplog, *arguments], {})

    def import_fresh() -> int:
        target = scratch / f"import-{next(fresh)}"  # an empty diary for every run
        try:
            return launches.peak_memory(
                [*cramplog, "import", str(source), "--data-dir", str(target)], {}
            )
        finally:
            shutil.rmtree(target, ignore_errors=True)

    data = ("--data-dir", str(folder))
    return {
        "import": import_fresh,
        "CSV export": peak("export", "csv", "-o", str(scratch / "csv"), *data),
        "JSON export": peak("export", "json", "-o", str(scratch / "export.json"), *data),
        "PDF, all of the diary": peak(
            "report",
            "-o",
            str(scratch / "all.pdf"),
            "--from",
            "1900-01-01",
            "--to",
            last_night,
            *data,
        ),
    }


def growth_figures(
    diaries: dict[str, Path], scratch: Path, last_night: str, runs: int
) -> list[Figure]:
    """`diaries` names the smaller diary, then the larger; each command's runs on the two
    take turns."""
    (small, small_dir), (large, large_dir) = diaries.items()
    commands: dict[tuple[str, str], Callable[[], int]] = {}
    for name, folder in ((small, small_dir), (large, large_dir)):
        work = scratch / f"memory-{name}"
        work.mkdir()
        for what, run in _commands(folder, work, last_night).items():
            commands[what, name] = run
    peaks = interleaved(commands, runs, warm_up=False)  # a peak needs no warm caches
    figures = []
    for what, limit in GROWTH.items():
        low = median([float(p) for p in peaks[what, small]])
        high = median([float(p) for p in peaks[what, large]])
        figures.append(
            Figure(
                name=f"peak memory, {what}, {large} against {small}",
                seconds=None,
                floor_seconds=None,
                budget=f"<= {limit}x the {small} peak",
                ratio=high / low,
                ok=high / low <= limit,
                note=f"{high / MB:.0f} MB against {low / MB:.0f} MB",
            )
        )
    return figures
