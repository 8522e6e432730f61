"""The tray icon and the morning reminder: both optional, off until chosen in Settings.

The reminder's clock and the way it reaches the person are injected, so it is tested with a
fixed clock and a recording notifier; where no tray exists (QSystemTrayIcon unavailable, as on
some desktops and offscreen), it falls back to the window: a status line, the review banner
and the taskbar's attention hint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from cramplog.core import reminders
from cramplog.core.translation import _
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets.icons import app_icon

# How often the clock is looked at: a reminder may come up to this late, which is fine for
# a morning review and costs nothing noticeable.
CHECK_EVERY_MS = 30_000
MESSAGE_MS = 15_000

Notify = Callable[[str], None]


class MorningReminder(QObject):
    """Says REMINDER_TEXT once a day from the chosen time, if last night is not reviewed."""

    fired = Signal(str)

    def __init__(
        self,
        preferences: Preferences,
        notify: Notify,
        *,
        clock: Callable[[], datetime],
        needs_review: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.notify = notify
        self.clock = clock
        self.needs_review = needs_review
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def apply(self) -> None:
        """Run while the reminder is on in Settings, and look at the clock at once."""
        if self.preferences.reminder_enabled:
            if not self.timer.isActive():
                self.timer.start()
            self.check()
        else:
            self.timer.stop()

    def check(self) -> bool:
        """Remind now if it is due; True if it did."""
        if not self.preferences.reminder_enabled:
            return False
        now = self.clock()
        at = self.preferences.reminder_time
        if not reminders.is_due(now, at, self.preferences.reminder_last_shown):
            return False
        # Counted as done for today even when last night is already reviewed: no later nag.
        self.preferences.reminder_last_shown = now.date()
        self.preferences.sync()
        if not self.needs_review():
            return False
        self.notify(_(reminders.REMINDER_TEXT))
        self.fired.emit(_(reminders.REMINDER_TEXT))
        return True


class TrayPresence(QObject):
    """The tray icon with the log actions, and the reminder that speaks through it."""

    def __init__(
        self,
        preferences: Preferences,
        *,
        actions: Sequence[QAction],
        show_window: Callable[[], None],
        quit_app: Callable[[], None],
        fallback: Notify,
        clock: Callable[[], datetime],
        needs_review: Callable[[], bool],
        tray_available: Callable[[], bool] | None = None,
        tray_notify: Notify | None = None,
        icon: QIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.actions = list(actions)
        self.show_window = show_window
        self.quit_app = quit_app
        self.fallback = fallback
        self.tray_available = tray_available or QSystemTrayIcon.isSystemTrayAvailable
        # Injected (tests): always able to speak. Qt's own: only where the tray shows messages.
        self._injected_notify = tray_notify is not None
        self.tray_notify = tray_notify or self._show_message
        self.app_icon = icon if icon is not None else app_icon()
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        self.reminder = MorningReminder(
            preferences, self.notify, clock=clock, needs_review=needs_review, parent=self
        )

    def apply(self) -> None:
        """Show or remove the icon and start or stop the reminder, as Settings now say."""
        wanted = self.preferences.tray_enabled and self.tray_available()
        if wanted and self.icon is None:
            self._make_icon()
        elif not wanted and self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None
        self.reminder.apply()

    def _make_icon(self) -> None:
        menu = QMenu()
        for action in self.actions:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(_("Show cramplog"), self.show_window)
        menu.addAction(_("Quit cramplog"), self.quit_app)
        self.menu = menu
        icon = QSystemTrayIcon(self.app_icon, self)
        icon.setToolTip("cramplog")
        icon.setContextMenu(menu)
        icon.activated.connect(self._activated)
        icon.show()
        self.icon = icon

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def keeps_running_when_closed(self) -> bool:
        """Closing the window hides it instead, when chosen and an icon is there to return."""
        return self.icon is not None and self.preferences.close_to_tray

    def notify(self, text: str) -> None:
        """Through the tray's notification where there is one, else through the window."""
        if self.icon is not None and self._tray_speaks():
            self.tray_notify(text)
        else:
            self.fallback(text)

    def _tray_speaks(self) -> bool:
        return self._injected_notify or QSystemTrayIcon.supportsMessages()

    def _show_message(self, text: str) -> None:
        if self.icon is not None:
            self.icon.showMessage(
                reminders.REMINDER_TITLE, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
            )
