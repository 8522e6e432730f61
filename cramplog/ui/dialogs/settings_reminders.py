"""Settings' "Tray and reminders" group: all off until chosen, each choice explained."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSystemTrayIcon,
    QVBoxLayout,
)

from cramplog.core import reminders, wording
from cramplog.core.errors import CramplogError, ValidationError
from cramplog.files import autostart
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets

EXPLANATION = (
    "All of these are off until you turn them on. The reminder appears only while cramplog "
    "is running, and its words say nothing about your health, even on a locked screen: "
    f"“{reminders.REMINDER_TEXT}”."
)
NO_TRAY = "No system tray was found on this desktop, so the reminder shows in the window."
NOT_LINUX = "Starting with your session is built for Linux desktops; see the README for others."


def session_command() -> list[str]:
    """How the autostart entry starts cramplog: this Python, running the cramplog package."""
    return [sys.executable, "-m", "cramplog"]


class ReminderSettings:
    """Builds the group, checks the reminder time, and saves the choices (and autostart)."""

    def __init__(
        self,
        preferences: Preferences,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        linux: bool = sys.platform.startswith("linux"),
    ) -> None:
        self.preferences = preferences
        self.linux = linux
        self.group = QGroupBox("Tray and reminders")
        self.group.setObjectName("traySettings")
        layout = QVBoxLayout(self.group)
        layout.addWidget(widgets.plain_label(EXPLANATION))
        self.tray_box = QCheckBox("Show cramplog in the system tra&y")
        self.tray_box.setChecked(preferences.tray_enabled)
        layout.addWidget(self.tray_box)
        if not tray_available():
            layout.addWidget(widgets.plain_label(NO_TRAY))
        self.close_box = QCheckBox("Closing the window &keeps cramplog running in the tray")
        self.close_box.setChecked(preferences.close_to_tray)
        layout.addWidget(self.close_box)

        self.reminder_box = QCheckBox("Re&mind me to review last night at")
        self.reminder_box.setChecked(preferences.reminder_enabled)
        self.time_edit = QLineEdit(wording.clock(preferences.reminder_time))
        self.time_edit.setAccessibleName("Reminder time, hours and minutes")
        self.time_edit.setMaxLength(40)
        self.time_edit.setMaximumWidth(110)
        row = QHBoxLayout()
        row.addWidget(self.reminder_box)
        row.addWidget(self.time_edit)
        row.addStretch(1)
        layout.addLayout(row)
        self.time_error = widgets.FieldError()
        self.time_error.setObjectName("reminderTimeError")
        layout.addWidget(self.time_error)

        self.session_box = QCheckBox("Start cramplog when I &log in")
        self.session_box.setChecked(preferences.start_with_session)
        layout.addWidget(self.session_box)
        where = (
            f"Writes {autostart.autostart_dir() / autostart.ENTRY_NAME}; unticking removes it."
            if linux
            else NOT_LINUX
        )
        layout.addWidget(widgets.plain_label(where))
        self.session_box.setEnabled(linux or preferences.start_with_session)
        self.tray_box.toggled.connect(self._sync)
        self.reminder_box.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        self.close_box.setEnabled(self.tray_box.isChecked())
        self.time_edit.setEnabled(self.reminder_box.isChecked())

    def check(self) -> bool:
        """True if the choices can be saved; otherwise the message is shown beside the time."""
        self.time_error.clear_message()
        if not self.reminder_box.isChecked():
            return True
        try:
            reminders.parse_reminder_time(self.time_edit.text())
        except ValidationError as exc:
            self.time_error.show_message(str(exc))
            self.time_edit.setFocus()
            return False
        return True

    def save_session_entry(self) -> str | None:
        """Write or remove the autostart entry if that choice changed; the message if it failed."""
        wanted = self.session_box.isChecked()
        if wanted == self.preferences.start_with_session:
            return None
        try:
            if wanted:
                autostart.write_entry(session_command())
            else:
                autostart.remove_entry()
        except CramplogError as exc:
            return str(exc)
        self.preferences.start_with_session = wanted
        return None

    def save(self) -> None:
        """Store the tray and reminder choices (checked first with `check`)."""
        self.preferences.tray_enabled = self.tray_box.isChecked()
        self.preferences.close_to_tray = self.close_box.isChecked()
        self.preferences.reminder_enabled = self.reminder_box.isChecked()
        if self.reminder_box.isChecked():
            at = reminders.parse_reminder_time(self.time_edit.text())
            if at != self.preferences.reminder_time:
                self.preferences.reminder_time = at
                # A new time today may be later than the one already shown.
                self.preferences.settings.remove("reminder/last_shown")
