"""The cycle collector is off only for the bulk job, and back as it was afterwards."""

from __future__ import annotations

import gc
import threading
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


def test_overlapping_pauses_keep_it_off_until_the_last_ends() -> None:
    """A worker's pause and a UI-thread export's can end in either order: the collector
    comes back only when both are over, not halfway through the export."""
    gc.enable()
    worker, export = collector.paused(), collector.paused()
    worker.__enter__()
    export.__enter__()
    worker.__exit__(None, None, None)  # the worker's read ends first
    assert not gc.isenabled()
    export.__exit__(None, None, None)
    assert gc.isenabled()


def test_pauses_on_two_threads_leave_it_as_it_was() -> None:
    gc.enable()
    started, release = threading.Event(), threading.Event()

    def work() -> None:
        with collector.paused():
            started.set()
            release.wait(10)

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(10)
    with collector.paused():
        release.set()
        thread.join(10)
        assert not gc.isenabled()  # the other thread's pause ended; this one has not
    assert gc.isenabled()
