"""Widgets read the diary through DiaryView: nothing in it can change the diary."""

from __future__ import annotations

import inspect

from cramplog.diary.service import Diary
from cramplog.diary.view import DiaryView

WRITES = (
    "add_",
    "update_",
    "delete_",
    "set_",
    "mark_",
    "declare_",
    "remove_",
    "restore_",
    "clear_",
    "rename_",
    "stop_",
    "bulk_session",
    "close",
    "reload",
)


def _members(cls: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls) if not name.startswith("_")}


def test_the_view_offers_no_way_to_change_the_diary() -> None:
    offered = _members(DiaryView)
    assert offered, "the protocol lists what widgets may read"
    assert sorted(name for name in offered if name.startswith(WRITES)) == []


def test_every_reading_action_of_the_service_is_in_the_view() -> None:
    service = _members(Diary)
    reading = {name for name in service if not name.startswith(WRITES)}
    # The service's own plumbing is not for widgets either.
    reading -= {"open", "integrity_problems"}
    assert reading <= _members(DiaryView) | {"data_dir", "checklist"}
    assert _members(DiaryView) <= service | {"data_dir", "checklist"}
