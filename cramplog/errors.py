"""The typed errors a person can cause or meet, each with a message they can read."""

from __future__ import annotations


class CramplogError(Exception):
    """Base of every error whose message is meant for the person using cramplog."""


class ValidationError(CramplogError):
    """An entry that cannot be saved as it is; `field` names the input at fault."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(CramplogError):
    """The entry asked for is not (or no longer) in the diary."""


class DiaryOpenError(CramplogError):
    """The diary file cannot be opened; nothing was written to it."""


class NotADiaryError(DiaryOpenError):
    """The file is not a cramplog diary (another program's file, or damaged beyond reading)."""


class NewerDiaryError(DiaryOpenError):
    """The diary was written by a newer cramplog; it is never downgraded."""


class DiaryLockedError(DiaryOpenError):
    """Another cramplog already has this diary open."""


class StorageError(CramplogError):
    """The environment refused a write (disk full, read-only file, permissions)."""
