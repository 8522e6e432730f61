"""The entry point: numpy's BLAS on one thread unless the person chose otherwise, and the
cycle collector off for a brief command."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from cramplog import __main__ as entry
from cramplog import cli


@pytest.mark.parametrize(("own", "expected"), [(None, "1"), ("4", "4"), ("", "")])
def test_the_entry_point_runs_blas_on_one_thread_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, own: str | None, expected: str
) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "unset after the test as it was before")
    if own is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    else:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", own)
    seen: list[tuple[list[str], str | None]] = []

    def run(argv: Sequence[str]) -> int:
        import os

        seen.append((list(argv), os.environ.get("OPENBLAS_NUM_THREADS")))
        return 0

    monkeypatch.setattr(cli, "main", run)
    monkeypatch.setattr("sys.argv", ["cramplog", "--version"])
    assert entry.main() == 0
    # Set before anything (numpy included) is imported by the command line or the app.
    assert seen == [(["--version"], expected)]


@pytest.mark.parametrize(
    ("argv", "collector_on_in_command", "frozen"),
    [
        (["stats", "--json"], False, True),
        (["check"], True, False),
        (["--data-dir", "x", "stats"], True, False),  # an option first: not known early
        ([], True, False),  # the app
    ],
)
def test_a_brief_command_runs_without_the_cycle_collector_and_leaves_its_objects_frozen(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    collector_on_in_command: bool,
    frozen: bool,
) -> None:
    import gc

    state = {"enabled": True, "frozen": False}
    monkeypatch.setattr(gc, "isenabled", lambda: state["enabled"])
    monkeypatch.setattr(gc, "disable", lambda: state.update(enabled=False))
    monkeypatch.setattr(gc, "enable", lambda: state.update(enabled=True))
    monkeypatch.setattr(gc, "freeze", lambda: state.update(frozen=True))
    seen: list[bool] = []

    def run(argv: Sequence[str]) -> int:
        seen.append(state["enabled"])
        return 3

    monkeypatch.setattr(cli, "main", run)
    monkeypatch.setattr("sys.argv", ["cramplog", *argv])
    assert entry.main() == 3
    assert seen == [collector_on_in_command]
    assert state["frozen"] is frozen


def test_a_collector_already_off_when_the_entry_point_is_called_is_left_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    state = {"enabled": False}
    monkeypatch.setattr(gc, "isenabled", lambda: state["enabled"])
    monkeypatch.setattr(gc, "disable", lambda: state.update(enabled=False))
    monkeypatch.setattr(gc, "enable", lambda: state.update(enabled=True))
    monkeypatch.setattr(cli, "main", lambda argv: 0)
    monkeypatch.setattr("sys.argv", ["cramplog"])
    assert entry.main() == 0
    assert state["enabled"] is False
