"""The cycle collector is off only for the bulk job, and back as it was afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from cramplog.core import collector


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failing_job_still_turns_the_collector_back_on() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("the job failed")
    assert gc.isenabled()


def test_a_nested_pause_leaves_the_outer_one_in_force() -> None:
    gc.enable()
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()
