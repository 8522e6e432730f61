"""Start-up's worker thread loads no Qt code, watched as the real app starts.

A worker defining Qt classes while the UI thread ran its event loop crashed the app
(SIGSEGV, `class MuscleCombo(QComboBox)` imported off the UI thread). An audit hook notes
every module first loaded by a thread other than the main one, from launch until the place's
moment is reached (`benchmark_exit`): the whole list, or Patterns' charts drawn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cramplog.demo import sample
from cramplog.diary import setting_values
from cramplog.ui.places import DIARY, PATTERNS
from cramplog.ui.startup.benchmark_exit import BENCHMARK_EXIT_ENV

WATCHING = """
import json, sys, threading
loaded = []
def note(event, args):
    if event == "import" and threading.current_thread() is not threading.main_thread():
        loaded.append(args[0])
sys.addaudithook(note)
sys.argv = ["cramplog", "--data-dir", sys.argv[1]]
from cramplog.__main__ import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(loaded))
"""


@pytest.fixture(scope="module")
def diary_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("worker-imports") / "diary"
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=0.5, episodes_per_week=6),
        seed=8,
        end=date(2026, 3, 10),
    )
    return folder


def loaded_off_the_ui_thread(folder: Path, tmp_path: Path, place: int, moment: str) -> list[str]:
    settings = tmp_path / "settings"
    (settings / "cramplog").mkdir(parents=True)
    (settings / "cramplog" / "cramplog.conf").write_text(f"[window]\nlast_place={place}\n")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(settings),
        BENCHMARK_EXIT_ENV: moment,
        setting_values.PINNED_NOW_ENV: "2026-03-11T09:30:00",
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", WATCHING, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=env,
    )
    assert result.stdout.startswith(BENCHMARK_EXIT_ENV)  # the moment was reached
    return list(json.loads(result.stdout.splitlines()[-1]))


QT = ("PySide6", "shiboken6", "cramplog.ui", "matplotlib.backends.backend_qt")


def test_a_start_on_the_list_loads_no_qt_off_the_ui_thread(
    diary_folder: Path, tmp_path: Path
) -> None:
    loaded = loaded_off_the_ui_thread(diary_folder, tmp_path, DIARY, "list")
    assert [name for name in loaded if name.startswith(QT)] == []


def test_a_start_on_patterns_loads_its_charts_drawing_but_no_qt_off_the_ui_thread(
    diary_folder: Path, tmp_path: Path
) -> None:
    loaded = loaded_off_the_ui_thread(diary_folder, tmp_path, PATTERNS, "charts")
    assert "cramplog.render.charts.drawing" in loaded  # the worker's part, watched
    assert [name for name in loaded if name.startswith(QT)] == []
