"""Where the diary lives: the platform's data directory unless the person says otherwise."""

from __future__ import annotations

import errno
from pathlib import Path

from cramplog.core import wording
from cramplog.core.translation import _


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_path("cramplog", appauthor=False))


def resolve_data_dir(option: str | None) -> Path:
    """The data directory from a `--data-dir` option (expanded, absolute) or the default."""
    if option is None:
        return default_data_dir()
    from cramplog.core.errors import DiaryOpenError

    if not option.strip():
        raise DiaryOpenError(_("--data-dir needs a directory name."))
    if "\x00" in option:
        raise DiaryOpenError(_("--data-dir contains a NUL character."))
    given = Path(option).expanduser()
    try:
        resolved = given.resolve()
        # The folder, or a folder above it, may be the link (a diary inside a linked drive).
        dangling = next(
            (part for part in (given, *given.parents) if part.is_symlink() and not part.exists()),
            None,
        )
    except (OSError, RuntimeError) as exc:  # a loop of links: RuntimeError before 3.13
        if isinstance(exc, OSError) and exc.errno != errno.ELOOP:
            raise DiaryOpenError(
                _("--data-dir {folder} cannot be used: {reason}.").format(
                    folder=wording.shortened(option), reason=exc.strerror or exc
                )
            ) from None
        raise DiaryOpenError(
            _("--data-dir {folder} is a symbolic link that leads round in a loop.").format(
                folder=option
            )
        ) from None
    if dangling is not None:
        # Its target's folders would be made (on the disk under a mount point, if the drive
        # it leads to is not mounted): refused, and nothing made.
        raise DiaryOpenError(
            _(
                "--data-dir {folder}: {link} is a symbolic link to {target}, which does not "
                "exist (a drive not mounted?); nothing was created."
            ).format(folder=option, link=dangling, target=dangling.resolve())
        )
    return resolved
