"""Modules imported on the UI thread one per turn of its event loop."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cramplog.ui.startup.import_turns import import_in_turns

NAMES = ("turns_first", "turns_second", "turns_third")


@pytest.fixture
def three_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Three importable modules that note the order they were imported in."""
    imported: list[str] = []
    monkeypatch.setattr(sys, "turns_noted", imported, raising=False)
    for name in NAMES:
        (tmp_path / f"{name}.py").write_text(
            f"import sys\nsys.turns_noted.append({name!r})\n", encoding="utf-8"
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield imported
    for name in NAMES:
        sys.modules.pop(name, None)


def one_turn() -> None:
    QApplication.processEvents()


def test_one_module_is_imported_per_turn_in_order(qtbot: QtBot, three_modules: list[str]) -> None:
    context = QObject()
    import_in_turns(NAMES, context)
    assert three_modules == []  # nothing before the event loop turns
    one_turn()
    assert three_modules == ["turns_first"]
    one_turn()
    assert three_modules == ["turns_first", "turns_second"]
    one_turn()
    one_turn()
    assert three_modules == list(NAMES)


def test_a_module_already_imported_costs_no_turn(qtbot: QtBot, three_modules: list[str]) -> None:
    importlib.import_module("turns_second")  # by other code, first

    context = QObject()
    import_in_turns(NAMES, context)
    one_turn()
    assert three_modules == ["turns_second", "turns_first"]
    one_turn()
    assert three_modules == ["turns_second", "turns_first", "turns_third"]


def test_the_imports_stop_when_their_context_goes(qtbot: QtBot, three_modules: list[str]) -> None:
    context = QObject()
    import_in_turns(NAMES, context)
    one_turn()
    shiboken6.delete(context)  # the window closed: its timers go with it
    qtbot.wait(20)
    assert three_modules == ["turns_first"]
