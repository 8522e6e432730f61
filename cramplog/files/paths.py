"""Where the diary lives: the platform's data directory unless the person says otherwise."""

from __future__ import annotations

from pathlib import Path

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
    return Path(option).expanduser().resolve()
