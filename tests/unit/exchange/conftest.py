"""Fixtures the import and export tests share."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator

import pytest


@pytest.fixture
def london_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's own zone set to London, whose clocks change in March and October."""
    monkeypatch.setenv("TZ", "Europe/London")
    clock.tzset()
    yield
    monkeypatch.undo()
    clock.tzset()
