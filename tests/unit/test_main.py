"""The entry point: numpy's BLAS on one thread unless the person chose otherwise, and a
brief command run without the cycle collector and ended as soon as its output is out."""

from __future__ import annotations

import sys
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
    ("argv", "collector_on_in_command", "ends_at_once"),
    [
        (["stats", "--json"], False, True),
        (["check"], True, False),
        (["--data-dir", "x", "stats"], True, False),  # an option first: not known early
        ([], True, False),  # the app
    ],
)
def test_a_brief_command_runs_without_the_cycle_collector_and_ends_once_its_output_is_out(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    collector_on_in_command: bool,
    ends_at_once: bool,
) -> None:
    import gc
    import os

    state = {"enabled": True}
    monkeypatch.setattr(gc, "isenabled", lambda: state["enabled"])
    monkeypatch.setattr(gc, "disable", lambda: state.update(enabled=False))
    monkeypatch.setattr(gc, "enable", lambda: state.update(enabled=True))
    seen: list[bool] = []
    ended: list[tuple[int, str, str]] = []

    class Ended(Exception):
        pass

    def end(code: int) -> None:
        # What had reached the terminal when the process ended.
        out, err = capsys.readouterr()
        ended.append((code, out, err))
        raise Ended

    monkeypatch.setattr(os, "_exit", end)

    def run(argv: Sequence[str]) -> int:
        seen.append(state["enabled"])
        print("the figures")
        print("a note", file=sys.stderr)
        return 3

    monkeypatch.setattr(cli, "main", run)
    monkeypatch.setattr("sys.argv", ["cramplog", *argv])
    if ends_at_once:
        with pytest.raises(Ended):
            entry.main()
        assert ended == [(3, "the figures\n", "a note\n")]
    else:
        assert entry.main() == 3
        assert ended == []
    assert seen == [collector_on_in_command]


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
