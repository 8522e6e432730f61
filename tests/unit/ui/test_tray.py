"""The tray and the morning reminder: off by default; on, it speaks once a day at the set time."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from cramplog.core.reminders import REMINDER_TEXT
from cramplog.ui.preferences import Preferences
from cramplog.ui.tray import TrayPresence
from tests.conftest import LONDON


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


def make_tray(
    qtbot: QtBot,
    preferences: Preferences,
    clock: Clock,
    *,
    tray: bool,
    reviewed: list[bool] | None = None,
) -> tuple[TrayPresence, list[str], list[str]]:
    """A tray presence whose tray exists (or not) as told; returns it and what each said."""
    shown: list[str] = []
    in_window: list[str] = []
    presence = TrayPresence(
        preferences,
        actions=[QAction("Log a cramp"), QAction("Cramp now"), QAction("How was last night?")],
        show_window=lambda: None,
        quit_app=lambda: None,
        fallback=in_window.append,
        clock=clock,
        needs_review=lambda: not (reviewed or [False])[0],
        tray_available=lambda: tray,
        tray_notify=shown.append,
    )
    return presence, shown, in_window


def test_nothing_is_on_until_chosen(qtbot: QtBot, preferences: Preferences) -> None:
    clock = Clock(datetime(2026, 3, 12, 9, 0, tzinfo=LONDON))
    presence, shown, _ = make_tray(qtbot, preferences, clock, tray=True)
    presence.apply()
    assert presence.icon is None
    assert not presence.reminder.timer.isActive()
    assert not presence.reminder.check()
    assert shown == []
    assert not presence.keeps_running_when_closed()


# The offscreen platform has no tray; this test pretends one exists to reach the tray's menu,
# and Qt says the platform lacks the tray's signal. On a desktop with a tray it has it.
@pytest.mark.qt_log_ignore("QPlatformNativeInterface::systemTrayWindowChanged")
def test_with_the_tray_on_the_reminder_fires_at_the_set_time_once_a_day(
    qtbot: QtBot, preferences: Preferences
) -> None:
    preferences.tray_enabled = True
    preferences.reminder_enabled = True
    preferences.reminder_time = time(7, 30)
    clock = Clock(datetime(2026, 3, 12, 7, 29, tzinfo=LONDON))
    presence, shown, _ = make_tray(qtbot, preferences, clock, tray=True)
    presence.apply()
    assert presence.icon is not None
    menu = presence.icon.contextMenu()
    assert [a.text() for a in menu.actions() if a.text()][:3] == [
        "Log a cramp",
        "Cramp now",
        "How was last night?",
    ]
    assert presence.reminder.timer.isActive()
    assert shown == []  # 07:29: not yet

    clock.moment += timedelta(minutes=1)
    presence.reminder.timer.timeout.emit()
    assert shown == [REMINDER_TEXT]
    clock.moment += timedelta(hours=2)
    presence.reminder.timer.timeout.emit()
    assert shown == [REMINDER_TEXT]  # once a day
    clock.moment += timedelta(days=1)
    presence.reminder.timer.timeout.emit()
    assert shown == [REMINDER_TEXT, REMINDER_TEXT]
    presence.icon.hide()


def test_no_reminder_when_last_night_is_already_reviewed(
    qtbot: QtBot, preferences: Preferences
) -> None:
    preferences.reminder_enabled = True
    clock = Clock(datetime(2026, 3, 12, 9, 0, tzinfo=LONDON))
    presence, shown, _ = make_tray(qtbot, preferences, clock, tray=False, reviewed=[True])
    presence.apply()
    assert shown == []
    assert preferences.reminder_last_shown == clock.moment.date()  # no nag later today


def test_without_a_tray_the_reminder_reaches_the_window_instead(
    qtbot: QtBot, preferences: Preferences
) -> None:
    preferences.tray_enabled = True
    preferences.close_to_tray = True
    preferences.reminder_enabled = True
    clock = Clock(datetime(2026, 3, 12, 9, 0, tzinfo=LONDON))
    in_window: list[str] = []
    presence = TrayPresence(
        preferences,
        actions=[],
        show_window=lambda: None,
        quit_app=lambda: None,
        fallback=in_window.append,
        clock=clock,
        needs_review=lambda: True,
        tray_available=lambda: False,
    )
    presence.apply()
    assert presence.icon is None
    assert in_window == [REMINDER_TEXT]
    # With no icon to come back through, closing the window must really close it.
    assert not presence.keeps_running_when_closed()
