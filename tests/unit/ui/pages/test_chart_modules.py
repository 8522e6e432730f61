"""Loading the chart modules once, off the UI thread, without the page importing them twice."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Iterator, Sequence

import pytest

from cramplog.ui.pages import chart_modules


@pytest.fixture
def slow_modules(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Chart modules whose import waits for the returned event; the module's state fresh."""
    go_on = threading.Event()
    imported: list[str] = []

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(
            self,
            fullname: str,
            path: Sequence[str] | None,
            target: types.ModuleType | None = None,
        ) -> importlib.machinery.ModuleSpec | None:
            if fullname != "cramplog_test_slow_chart":
                return None
            return importlib.machinery.ModuleSpec(fullname, Loader())

    class Loader(importlib.abc.Loader):
        def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
            return None

        def exec_module(self, module: types.ModuleType) -> None:
            go_on.wait(10)
            imported.append(module.__name__)

    finder = Finder()
    sys.meta_path.insert(0, finder)
    monkeypatch.setattr(chart_modules, "MODULES", ("cramplog_test_slow_chart",))
    monkeypatch.setattr(chart_modules, "_pending", None)
    monkeypatch.setattr(chart_modules, "_loaded", False)
    try:
        yield go_on
    finally:
        go_on.set()
        sys.meta_path.remove(finder)
        sys.modules.pop("cramplog_test_slow_chart", None)
    assert imported == ["cramplog_test_slow_chart"]  # imported once, whoever asked


def test_the_page_waits_while_the_worker_loads_and_goes_on_once_it_is_done(
    slow_modules: threading.Event,
) -> None:
    promised = chart_modules.promise()
    assert promised is not None
    assert chart_modules.promise() is None  # one load at a time
    assert not chart_modules.ready()  # promised, not started: the page must not import
    worker = threading.Thread(target=promised.run)
    worker.start()
    assert not chart_modules.ready()  # under way
    slow_modules.set()
    worker.join(10)
    assert chart_modules.ready()
    assert "cramplog_test_slow_chart" in sys.modules
    assert chart_modules.promise() is None  # loaded: nothing more to promise


def test_a_dropped_promise_lets_the_page_import_the_modules_itself(
    slow_modules: threading.Event,
) -> None:
    promised = chart_modules.promise()
    assert promised is not None and not chart_modules.ready()
    promised.drop()  # the diary opened on the UI thread: no worker will load them
    assert chart_modules.ready()
    slow_modules.set()
    __import__("cramplog_test_slow_chart")


def test_settling_waits_for_a_load_under_way(slow_modules: threading.Event) -> None:
    promised = chart_modules.promise()
    assert promised is not None
    worker = threading.Thread(target=promised.run)
    worker.start()
    threading.Timer(0.05, slow_modules.set).start()
    chart_modules.settle()
    assert "cramplog_test_slow_chart" in sys.modules
    worker.join(10)


def test_a_load_that_fails_on_the_worker_is_left_for_the_page_to_meet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chart_modules, "MODULES", ("cramplog_no_such_chart_module",))
    monkeypatch.setattr(chart_modules, "_pending", None)
    monkeypatch.setattr(chart_modules, "_loaded", False)
    promised = chart_modules.promise()
    assert promised is not None
    promised.run()  # no exception on the worker thread, where nobody would see it
    assert chart_modules.ready()
    with pytest.raises(ModuleNotFoundError):  # the page imports it again, and reports it
        __import__("cramplog_no_such_chart_module")
