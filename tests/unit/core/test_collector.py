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


def test_then_freeze_leaves_what_the_job_made_out_of_later_passes() -> None:
    gc.enable()
    frozen_before = gc.get_freeze_count()
    try:
        with collector.paused(then_freeze=True):
            kept = [[n] for n in range(1000)]  # long-lived containers, as modules are
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(kept)
    finally:
        gc.unfreeze()
