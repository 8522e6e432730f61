"""Launching processes for the benchmark: fresh settings, a timeout, and the moment each reports.

Every launch gets its own empty settings folder (the app remembers its last place, and a
launch must inherit neither another launch's nor a person's), and a timeout, so a launch that
never reaches its moment fails the run with a message instead of hanging it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

# Long enough for the stress diary on a busy machine; a hung launch fails, never waits.
TIMEOUT_S = 180

BENCHMARK_MARK = "CRAMPLOG_BENCHMARK_EXIT"

# The app's place index for Patterns (cramplog.ui.places.PATTERNS), as the settings
# file stores it.
PATTERNS_PLACE = 1

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

# The floor of a read-only command: a plain Python process counting the same cramps.
SQLITE_COUNT = """
import sqlite3, sys
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(connection.execute("SELECT count(*) FROM episodes").fetchone()[0])
"""

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


def bare_window(extra_import: str = "") -> list[str]:
    return [sys.executable, "-c", BARE_WINDOW.format(extra_import=extra_import)]


def cramplog_command() -> list[str]:
    """The installed entry point beside this Python, as a person would start it."""
    script = Path(sys.executable).with_name("cramplog")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cramplog"]


def _run(
    argv: list[str], env: Mapping[str, str], last_place: int | None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `argv` with fresh settings (remembering `last_place` if given) and a timeout."""
    settings = Path(tempfile.mkdtemp(prefix="cramplog-bench-settings-"))
    try:
        if last_place is not None:
            (settings / "cramplog").mkdir()
            (settings / "cramplog" / "cramplog.conf").write_text(
                f"[window]\nlast_place={last_place}\n", encoding="utf-8"
            )
        start = time.time()
        try:
            process = subprocess.run(
                argv,
                env={**os.environ, "XDG_CONFIG_HOME": str(settings), **env},
                capture_output=True,
                text=True,
                check=False,
                timeout=TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"{argv[0]} did not finish within {TIMEOUT_S} s") from None
    finally:
        shutil.rmtree(settings, ignore_errors=True)
    if process.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {process.stderr.strip()[-400:]}")
    return process, start


def to_mark(
    argv: list[str], env: Mapping[str, str] | None = None, *, last_place: int | None = None
) -> tuple[float, float]:
    """(seconds from launch to the reported moment, longest UI-thread stall reported).

    The app and the bare windows print the wall-clock time just after the measured paint, so
    the time either spends exiting afterwards is counted by neither. A bare window reports
    no stall (0).
    """
    process, start = _run(argv, env or {}, last_place)
    for line in process.stdout.splitlines():
        mark = line.split()
        if len(mark) in (2, 3) and mark[0] == BENCHMARK_MARK:
            stall = float(mark[2]) if len(mark) == 3 else 0.0
            return float(mark[1]) - start, stall
    raise RuntimeError(f"{argv[0]} exited without reporting its paint")


def to_exit(argv: list[str], env: Mapping[str, str] | None = None) -> float:
    """Seconds from launch to exit (a command line run, done when it has printed)."""
    _process, start = _run(argv, env or {}, None)
    return time.time() - start


def peak_memory(argv: list[str], env: Mapping[str, str], *, last_place: int | None = None) -> int:
    """The peak RSS (bytes) of one run of `argv`, measured by a fresh small launcher."""
    process, _start = _run([sys.executable, "-c", PEAK_LAUNCHER, *argv], env, last_place)
    return int(process.stdout.split()[-1])
