"""Typed access to one object of a JSON diary, each failure naming the field."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TypeVar

from cramplog.core.translation import _


class Bad(ValueError):
    """One field of one record is wrong."""


_T = TypeVar("_T")


class Record:
    """Typed access to one JSON object, each failure naming the field."""

    def __init__(self, raw: object) -> None:
        if not isinstance(raw, dict):
            raise Bad(_("is not an object"))
        self.raw: dict[str, object] = raw

    def _get(self, key: str, kinds: tuple[type, ...], what: str, required: bool) -> object:
        if key not in self.raw or self.raw[key] is None:
            if required:
                raise Bad(_("{key!r} is missing").format(key=key))
            return None
        value = self.raw[key]
        # bool is an int in Python; a JSON true is never a number here.
        if isinstance(value, bool) and bool not in kinds:
            raise Bad(_("{key!r} must be {what}").format(key=key, what=what))
        if not isinstance(value, kinds):
            raise Bad(_("{key!r} must be {what}").format(key=key, what=what))
        return value

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self._get(key, (str,), _("text"), required)
        return default if value is None else str(value)

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, (str,), _("text"), False)
        return None if value is None else str(value)

    def whole(self, key: str, *, required: bool = False) -> int | None:
        value = self._get(key, (int,), _("a whole number"), required)
        return value if isinstance(value, int) else None

    def number(self, key: str) -> float | None:
        value = self._get(key, (int, float), _("a number"), False)
        if not isinstance(value, int | float):
            return None
        try:
            number = float(value)
        except OverflowError:  # a 400-digit whole number is too large for a float
            raise Bad(_("{key!r} must be a finite number").format(key=key)) from None
        if not math.isfinite(number):
            raise Bad(_("{key!r} must be a finite number").format(key=key))
        return number

    def flag(self, key: str, *, default: bool | None = False) -> bool | None:
        value = self._get(key, (bool,), _("true or false"), False)
        return default if value is None else bool(value)

    def objects(self, key: str) -> list[Record]:
        value = self._get(key, (list,), _("a list"), False)
        return [] if not isinstance(value, list) else [Record(item) for item in value]

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._get(key, (list,), _("a list"), False)
        if value is None:
            return ()
        assert isinstance(value, list)
        if not all(isinstance(item, str) for item in value):
            raise Bad(_("{key!r} must be a list of codes").format(key=key))
        return tuple(value)

    def enum(self, key: str, kind: Callable[[str], _T]) -> _T | None:
        value = self.optional_text(key)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            raise Bad(
                _("{key!r} has an unknown value “{value}”").format(key=key, value=value[:30])
            ) from None

    def uuid(self) -> str:
        value = self.text("uuid", required=True)
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise Bad(_("'uuid' is not a UUID")) from None

    def utc(self, key: str) -> datetime:
        value = self.text(key, required=True)
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise Bad(_("{key!r} is not an ISO date and time").format(key=key)) from None
        if moment.tzinfo is not None:
            try:
                moment = moment.astimezone(UTC)
            except OverflowError:  # 0001-01-01T00:00+05:00 is before the year 1 in UTC
                raise Bad(_("{key!r} is out of range").format(key=key)) from None
        return moment.replace(tzinfo=None, microsecond=0)

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.text(key, required=required) or None
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise Bad(_("{key!r} is not an ISO date (YYYY-MM-DD)").format(key=key)) from None
