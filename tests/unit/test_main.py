"""The entry point: numpy's BLAS on one thread unless the person chose otherwise."""

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
