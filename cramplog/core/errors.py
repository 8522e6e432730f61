"""The typed errors a person can cause or meet, each with a message they can read."""

from __future__ import annotations


class CramplogError(Exception):
    """Base of every error whose message is meant for the person using cramplog."""


class DamagedInstallError(CramplogError):
    """A file shipped with cramplog is missing or damaged: only reinstalling cramplog mends it.

    Not the person's diary nor their input, and not a bug in the code either: the message
    says so, and what to do."""


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


class DamagedDiaryError(DiaryOpenError):
    """The diary file is damaged, truncated or foreign; it was not written to.

    `condition` is the integrity verdict's condition code (see cramplog.diary.integrity).
    """

    def __init__(self, message: str, *, condition: str) -> None:
        super().__init__(message)
        self.condition = condition


class ReadOnlyDiaryError(DiaryOpenError):
    """The diary (or its folder) cannot be written, so cramplog refuses to open it for editing."""


class BackupError(StorageError):
    """A backup could not be made, read or restored; the diary was left as it was."""


class ExportError(CramplogError):
    """An export could not be written; no partial file was left behind."""


class ExportCancelled(ExportError):
    """The person stopped an export; nothing was written."""


class ForbiddenTargetError(ExportError):
    """The export target is the diary itself or one of its journal files."""


class ImportFileError(CramplogError):
    """The file to import cannot be read as a diary export or a spreadsheet of cramps."""


class ImportRejectedError(CramplogError):
    """Some rows of the import are invalid, so nothing was imported (unless asked to skip them)."""


class DraftError(StorageError):
    """The unsaved form could not be kept in its draft file."""
