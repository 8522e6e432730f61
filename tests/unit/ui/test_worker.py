"""Work on a thread of its own: its outcome, a value or an exception, reaches the UI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from cramplog.ui.worker import Worker, outcome_of


def test_the_outcome_is_taken_on_the_thread_that_made_the_worker(qtbot: QtBot) -> None:
    ran_on: list[threading.Thread] = []
    taken_on: list[threading.Thread] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    worker = Worker(work, name="test-work")
    worker.when_done(lambda done: taken_on.append(threading.current_thread()))
    worker.start()
    qtbot.wait_until(lambda: bool(taken_on), timeout=5000)
    assert worker.outcome == 42 and worker.wait() == 42
    assert ran_on[0] is not threading.main_thread()
    assert taken_on == [threading.main_thread()]


def test_an_exception_is_an_outcome_never_lost_on_the_worker() -> None:
    def bug() -> object:
        raise KeyError("a bug")

    worker = Worker(bug, name="test-bug")
    worker.start()
    assert isinstance(worker.wait(), KeyError)  # no event loop needed to take it
    assert isinstance(outcome_of(bug), KeyError) and outcome_of(lambda: "value") == "value"
