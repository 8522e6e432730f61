"""The person's app preferences (not diary data), kept in QSettings with typed accessors."""

from __future__ import annotations

import enum
from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from cramplog.core import units
from cramplog.core.units import FluidUnit

if TYPE_CHECKING:
    from cramplog.core.records import Side


class ThemeMode(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Preferences:
    """Typed access to QSettings. Tests pass a QSettings on a temporary ini file."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings("cramplog", "cramplog")

    def _text(self, key: str, default: str) -> str:
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    def _enum(self, key: str, kind: type[enum.StrEnum], default: enum.StrEnum) -> enum.StrEnum:
        try:
            return kind(self._text(key, default.value))
        except ValueError:
            return default

    @property
    def fluid_unit(self) -> FluidUnit | None:
        """The unit the person chose for fluids; None until they choose (the locale's then)."""
        return units.parse(self._text("fluid_unit", ""))

    @fluid_unit.setter
    def fluid_unit(self, unit: FluidUnit | None) -> None:
        self.settings.setValue("fluid_unit", "" if unit is None else unit.value)

    @property
    def theme(self) -> ThemeMode:
        return ThemeMode(self._enum("theme", ThemeMode, ThemeMode.SYSTEM))

    @theme.setter
    def theme(self, mode: ThemeMode) -> None:
        self.settings.setValue("theme", mode.value)

    @property
    def default_side(self) -> Side:
        from cramplog.core.records import Side  # the records load after the window is painted

        return Side(self._enum("default_side", Side, Side.NOT_APPLICABLE))

    @default_side.setter
    def default_side(self, side: Side) -> None:
        self.settings.setValue("default_side", side.value)

    @property
    def default_activity(self) -> str | None:
        value = self._text("default_activity", "")
        return value or None

    @default_activity.setter
    def default_activity(self, code: str | None) -> None:
        self.settings.setValue("default_activity", code or "")

    # What the quick log and the form remember from last time.
    @property
    def last_muscle(self) -> str | None:
        return self._text("last_muscle", "") or None

    @last_muscle.setter
    def last_muscle(self, code: str) -> None:
        self.settings.setValue("last_muscle", code)

    @property
    def last_side(self) -> Side | None:
        from cramplog.core.records import Side

        value = self._text("last_side", "")
        try:
            return Side(value) if value else None
        except ValueError:
            return None

    @last_side.setter
    def last_side(self, side: Side) -> None:
        self.settings.setValue("last_side", side.value)

    # The first-run tour: shown until the person ticks "Don't show this again".
    @property
    def show_tour(self) -> bool:
        return self._text("show_tour", "true") != "false"

    @show_tour.setter
    def show_tour(self, show: bool) -> None:
        self.settings.setValue("show_tour", "true" if show else "false")

    # Window state.
    def geometry(self, key: str) -> QByteArray | None:
        value = self.settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.settings.setValue(f"window/{key}", value)

    @property
    def last_place(self) -> int:
        value = self.settings.value("window/last_place", 0)
        if isinstance(value, int):
            return value
        return int(value) if isinstance(value, str) and value.isdigit() else 0

    @last_place.setter
    def last_place(self, index: int) -> None:
        self.settings.setValue("window/last_place", index)

    # The tray and the morning reminder: all off until the person turns them on.
    def _flag(self, key: str) -> bool:
        value = self.settings.value(key, False)
        return value is True or (isinstance(value, str) and value.lower() == "true")

    @property
    def tray_enabled(self) -> bool:
        return self._flag("tray/enabled")

    @tray_enabled.setter
    def tray_enabled(self, on: bool) -> None:
        self.settings.setValue("tray/enabled", on)

    @property
    def close_to_tray(self) -> bool:
        return self._flag("tray/close_to_tray")

    @close_to_tray.setter
    def close_to_tray(self, on: bool) -> None:
        self.settings.setValue("tray/close_to_tray", on)

    @property
    def reminder_enabled(self) -> bool:
        return self._flag("reminder/enabled")

    @reminder_enabled.setter
    def reminder_enabled(self, on: bool) -> None:
        self.settings.setValue("reminder/enabled", on)

    @property
    def reminder_time(self) -> time:
        from cramplog.core import reminders
        from cramplog.core.errors import ValidationError

        try:
            return reminders.parse_reminder_time(self._text("reminder/time", "08:00"))
        except ValidationError:
            return reminders.DEFAULT_REMINDER_TIME  # a hand-edited file: the default

    @reminder_time.setter
    def reminder_time(self, at: time) -> None:
        self.settings.setValue("reminder/time", f"{at:%H:%M}")

    @property
    def reminder_last_shown(self) -> date | None:
        try:
            return date.fromisoformat(self._text("reminder/last_shown", ""))
        except ValueError:
            return None

    @reminder_last_shown.setter
    def reminder_last_shown(self, day: date) -> None:
        self.settings.setValue("reminder/last_shown", day.isoformat())

    @property
    def start_with_session(self) -> bool:
        return self._flag("tray/start_with_session")

    @start_with_session.setter
    def start_with_session(self, on: bool) -> None:
        self.settings.setValue("tray/start_with_session", on)

    def sync(self) -> None:
        self.settings.sync()
