"""What start-up loads ahead while the diary opens, and on which thread (`preloads`)."""

from __future__ import annotations

import subprocess
import sys

from cramplog.ui.places import DIARY, PATTERNS, PLACES, SUMMARY
from cramplog.ui.startup import patterns_first, preloads


def test_start_up_s_worker_is_given_no_module_that_loads_qt() -> None:
    # A worker defining Qt classes (importing a form) while this thread ran Qt crashed the
    # app: SIGSEGV in `class MuscleCombo(QComboBox)`, about 1 launch in 200. Whatever the
    # place, every module the worker is given loads, in a fresh process, without PySide.
    listing = """
import json
from cramplog.ui.pages import chart_modules
from cramplog.ui.startup import background_open, patterns_first, preloads
names = {*patterns_first.MODULES, *background_open.DIARY_MODULES, *chart_modules.MODULES}
names |= {*preloads.WORKER_ATTACH_MODULES, "cramplog.ui.widgets.episode_rows"}
names.add("cramplog.ui.startup.preloads")
for modules in preloads.WORKER_PLACE_MODULES.values():
    names |= set(modules)
print(json.dumps(sorted(names)))
"""
    given = subprocess.run(
        [sys.executable, "-c", listing], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    loading = f"""
import importlib, json, sys
for name in json.loads({given!r}):
    importlib.import_module(name)
print(sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6"))))
"""
    result = subprocess.run(
        [sys.executable, "-c", loading], capture_output=True, text=True, timeout=120, check=True
    )
    assert "cramplog.diary.review_due" in given and "numpy" in given
    assert result.stdout.strip() == "[]"


def test_every_place_s_qt_modules_go_to_the_ui_thread_and_the_rest_to_the_worker() -> None:
    for place in range(len(PLACES)):
        worker = {*preloads.while_examining(place), *preloads.on_the_worker(place)}
        here = set(preloads.on_the_ui_thread(place))
        assert preloads.PLACE_MODULES[place][0] in here  # the place's own page
        assert not worker & here
        assert all(name.startswith("cramplog.ui.") for name in here)
    assert preloads.while_examining(PATTERNS) == patterns_first.MODULES
    assert preloads.while_examining(DIARY) == ()  # its page is built on the UI thread
    # No preview on Summary: its statistics and report load while the file is examined.
    assert {"numpy", "cramplog.analysis.report"} <= set(preloads.while_examining(SUMMARY))
