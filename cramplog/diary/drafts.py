"""The episode form's unsaved content, kept in an owner-only draft file until it is saved."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from cramplog import files
from cramplog.core.errors import DraftError
from cramplog.core.translation import N_, _
from cramplog.files.private import ensure_private_dir
from cramplog.storage.health import fsync_dir

DRAFT_DIRNAME = "drafts"
EPISODE_DRAFT = "episode.json"
FORMAT = "cramplog-draft"
VERSION = 1
# Notes may be ten million characters; a draft twice that size is still refused on reading.
MAX_DRAFT_BYTES = 64 * 1024 * 1024
_STILL_IN_FORM = N_("The draft was not kept; what you typed is still in the form.")


def draft_path(data_dir: Path, name: str = EPISODE_DRAFT) -> Path:
    return data_dir / DRAFT_DIRNAME / name


class DraftStore:
    """One draft file: save (atomically, 0600), load, delete. Holds no Qt and no diary."""

    def __init__(self, path: Path, *, data_dir: Path | None = None) -> None:
        self.path = path
        # Folders from here down to the draft are made owner-only when missing.
        self._private_from = data_dir or path.parent

    @classmethod
    def for_episode_form(cls, data_dir: Path) -> DraftStore:
        return cls(draft_path(data_dir), data_dir=data_dir)

    def save(self, state: Mapping[str, object], *, now: datetime | None = None) -> None:
        """Replace the draft with `state` (a JSON-able mapping); DraftError if it cannot be kept.

        Written to a temporary file, synced, then renamed, so a crash leaves either the old
        draft or the new one, never half of one.
        """
        document = {
            "format": FORMAT,
            "version": VERSION,
            "saved_utc": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "state": dict(state),
        }
        try:
            payload = json.dumps(document, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise DraftError(
                _("The form's content could not be kept as a draft: {reason}").format(reason=exc)
            ) from exc
        if len(payload) > MAX_DRAFT_BYTES:
            raise DraftError(_("The form holds too much text to keep as a draft."))
        try:
            ensure_private_dir(self._private_from)
            ensure_private_dir(self.path.parent)
        except OSError as exc:
            raise DraftError(files.storage_message(exc, self.path, done=_STILL_IN_FORM)) from exc
        files.write_bytes(self.path, payload, error=DraftError, done=_STILL_IN_FORM)

    def load(self) -> dict[str, object] | None:
        """The kept form content, or None if there is no usable draft.

        A draft that cannot be read back (damaged, foreign, too large) is treated as absent:
        it only ever mirrors a form, and the diary itself is never at stake.
        """
        try:
            with self.path.open("rb") as f:
                raw = f.read(MAX_DRAFT_BYTES + 1)
        except OSError:
            return None
        if len(raw) > MAX_DRAFT_BYTES:
            return None
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if (
            not isinstance(document, dict)
            or document.get("format") != FORMAT
            or document.get("version") != VERSION
            or not isinstance(document.get("state"), dict)
        ):
            return None
        state: dict[str, object] = document["state"]
        return state

    def saved_at(self) -> datetime | None:
        """When the draft was last kept (from the file), for "a draft from 03:12" wording."""
        try:
            stamp = json.loads(self.path.read_bytes()[:MAX_DRAFT_BYTES]).get("saved_utc")
            return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
        except (OSError, ValueError, AttributeError, RecursionError):
            return None

    def exists(self) -> bool:
        return self.path.is_file()

    def delete(self) -> None:
        """Forget the draft (after its entry was committed); a missing draft is fine."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise DraftError(
                _("The old draft could not be removed ({reason}).").format(reason=exc.strerror)
            ) from exc
        fsync_dir(self.path.parent)
