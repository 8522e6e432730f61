"""The appendix's rows read ahead on a thread: the same rows, whatever goes wrong there."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cramplog.analysis import report, stats
from cramplog.analysis.report import appendix as appendix_module
from cramplog.analysis.report import appendix_ahead
from cramplog.analysis.report.appendix import Appendix
from cramplog.core.errors import StorageError
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.files import bug_log
from cramplog.storage import plain_diary
from cramplog.storage.appendix import appendix_json_chunks


@pytest.fixture(scope="module")
def diary_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ahead")
    sample.create_sample_diary(folder, size=sample.SampleSize(years=0.3, episodes_per_week=30))
    return folder


@pytest.fixture
def appendix(diary_folder: Path) -> Iterator[Appendix]:
    diary = Diary.open(diary_folder)
    try:
        period = stats.diary_presets(diary)[stats.PeriodPreset.ALL]
        yield report.build_report(diary, period=period).appendix
    finally:
        diary.close()


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Many chunks, and a reader that soon waits for room: every hand-over is exercised.
    monkeypatch.setattr(appendix_ahead, "CHUNK", 40)
    monkeypatch.setattr(appendix_ahead, "READY", 2)
    monkeypatch.setattr(appendix_ahead, "READ_AHEAD_FROM", 40)


def readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "cramplog-appendix-read"]


def read_ahead(appendix: Appendix) -> list[Any]:
    with appendix.reading_ahead():
        rows = appendix.read_plain(list)
    assert readers() == []  # stopped and joined on the way out
    return rows


def logged_bugs() -> str:
    path = bug_log.log_file()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_rows_read_ahead_are_the_rows_read_on_the_diary(
    appendix: Appendix, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = appendix.read_plain(list)
    assert len(expected) == len(appendix) > 300

    def not_on_the_diary(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("read on the diary's own connection")

    # All of them from the reader: the diary's own connection is not asked for one.
    monkeypatch.setattr(appendix_module, "appendix_chunks", not_on_the_diary)
    assert read_ahead(appendix) == expected
    assert logged_bugs() == ""


def test_a_bug_half_way_is_logged_and_the_rest_read_on_the_diary(
    appendix: Appendix, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = appendix.read_plain(list)

    def two_then_a_bug(*args: Any, **kwargs: Any) -> Iterator[str]:
        chunks = appendix_json_chunks(*args, **kwargs)
        yield next(chunks)
        yield next(chunks)
        raise ZeroDivisionError

    monkeypatch.setattr(appendix_ahead, "appendix_json_chunks", two_then_a_bug)
    # Every row once, in order: the first 80 from the reader, the others read on after them.
    assert read_ahead(appendix) == expected
    assert "ZeroDivisionError" in logged_bugs()


def test_a_diary_the_reader_cannot_open_is_read_as_usual(
    appendix: Appendix, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = appendix.read_plain(list)

    def refused(path: Path) -> object:
        raise StorageError("The diary is busy in another program; nothing was saved. Try again.")

    monkeypatch.setattr(plain_diary, "read_only", refused)
    assert read_ahead(appendix) == expected
    assert logged_bugs() == ""  # a refusal is not a bug


def test_a_reader_that_ends_without_a_word_is_not_waited_for(
    appendix: Appendix, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = appendix.read_plain(list)
    monkeypatch.setattr(appendix_ahead.ReadAhead, "_read", lambda self, *args: None)
    assert read_ahead(appendix) == expected
    assert "RuntimeError" in logged_bugs()


def test_a_layout_that_fails_half_way_stops_the_reader_at_once(appendix: Appendix) -> None:
    def fails_on_the_first_row(rows: Iterator[Any]) -> None:
        next(rows)
        raise ValueError("the layout failed")

    started = time.monotonic()
    with pytest.raises(ValueError, match="the layout failed"), appendix.reading_ahead():
        appendix.read_plain(fails_on_the_first_row)
    # The reader was waiting for room for its next chunk: it is stopped, not left waiting.
    assert readers() == []
    assert time.monotonic() - started < 5


def test_rows_are_read_on_the_diary_when_nothing_was_read_ahead(appendix: Appendix) -> None:
    # Out of a `reading_ahead`, and a second read inside one: each reads the diary itself.
    first = appendix.read_plain(list)
    with appendix.reading_ahead():
        assert appendix.read_plain(list) == first
        assert appendix.read_plain(list) == first
    assert Appendix.none().read_plain(list) == []
    with Appendix.none().reading_ahead():
        assert readers() == []
