"""PySide6 no longer reads (and keeps) the source of every module imported after it."""

from __future__ import annotations

import linecache
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cramplog.render import pyside_scan

COUNTER = """
from PySide6.QtCore import Property, QObject, Signal


class Counter(QObject):
    changed = Signal(int)

    def __init__(self):
        super().__init__()
        self._n = 0

    def _get(self):
        return self._n

    def _set(self, n):
        self._n = n
        self.changed.emit(n)

    n = Property(int, _get, _set, notify=changed)
"""


def test_a_module_imported_after_pyside_is_not_read_and_pyside_works_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pyside_scan.skip_source_scan()
    source = tmp_path / "cramplog_scan_probe.py"
    source.write_text(textwrap.dedent(COUNTER), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    # Imported by an import statement, which is what PySide's hook sees.
    import cramplog_scan_probe as probe  # type: ignore[import-not-found]

    monkeypatch.delitem(sys.modules, "cramplog_scan_probe")
    assert str(source) not in linecache.cache
    # PySide's own names, signals and properties, as ever (no feature was selected).
    counter = probe.Counter()
    seen: list[int] = []
    counter.changed.connect(seen.append)
    counter.setObjectName("counter")
    assert counter.setProperty("n", 3)
    assert seen == [3] and counter.property("n") == 3 and counter.objectName() == "counter"


def test_the_app_turns_the_scan_off_before_its_own_modules_load() -> None:
    # A fresh process: the app's start-up module (it loads PySide6), then a module no one
    # has imported yet.
    code = (
        "import cramplog.ui.startup.app, linecache, colorsys\n"
        "print(sum(name.endswith('colorsys.py') for name in linecache.cache))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "0"


def test_without_the_scan_where_it_is_looked_for_nothing_is_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, pyside_scan.FEATURE_MODULE)
    assert not pyside_scan.skip_source_scan()
