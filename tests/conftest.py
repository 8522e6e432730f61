"""Shared fixtures: offscreen Qt, a fresh diary in a temporary folder, a fixed clock."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cramplog.diary.service import Diary

LONDON = ZoneInfo("Europe/London")
# A Thursday morning; the clocks went forward a fortnight later (29 March 2026).
NOW = datetime(2026, 3, 12, 9, 30, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _no_blocking_discard_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form closed at teardown with unsaved changes must not open a real, blocking prompt.

    Tests about the prompt patch the same seam themselves, which overrides this answer.
    """
    from cramplog.ui.widgets import common as widgets

    monkeypatch.setattr(widgets, "confirm_discard", lambda _parent, _question: True)


@pytest.fixture
def tour_allowed() -> None:
    """Asked for by a test about the first-run tour: the real tour may open."""


@pytest.fixture(autouse=True)
def _no_first_run_tour(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Every test starts on fresh preferences, which would open the first-run tour; it opens
    only in a test that asks for `tour_allowed`."""
    if "tour_allowed" in request.fixturenames:
        return
    from cramplog.ui.dialogs import tour

    monkeypatch.setattr(tour, "offer_tour", lambda _window, _preferences: None)


@pytest.fixture(autouse=True)
def _bug_log_in_a_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An unexpected error in a test is logged in a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv("CRAMPLOG_LOG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _english_as_written() -> Iterator[None]:
    """Every test starts and ends with cramplog's own English style and messages as written;
    locale and translation tests choose their own."""
    from cramplog.core import conventions, translation

    conventions.use(conventions.C)
    yield
    conventions.use(conventions.C)
    translation.install(translation.AsWritten())  # what a person without a catalogue has


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def diary(data_dir: Path) -> Iterator[Diary]:
    opened = Diary.open(data_dir, clock=lambda: NOW)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def busy_year_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample year of frequent cramps (over 500): exports report their progress on it."""
    from cramplog.demo import sample

    folder = tmp_path_factory.mktemp("year") / "sample"
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=1, episodes_per_week=12),
        seed=3,
        end=date(2026, 3, 10),
    )
    return folder


@pytest.fixture
def busy_year(busy_year_folder: Path) -> Iterator[Diary]:
    opened = Diary.open(busy_year_folder, clock=lambda: NOW)
    yield opened
    opened.close()


@pytest.fixture
def preferences(tmp_path: Path) -> object:
    """App preferences on a throwaway ini file, never the person's real settings."""
    from PySide6.QtCore import QSettings

    from cramplog.ui.preferences import Preferences

    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
