"""Locate the files in `resources/`, from a source checkout and from an installed wheel alike."""

from __future__ import annotations

from pathlib import Path

from cramplog.core.errors import DamagedInstallError
from cramplog.core.translation import _

# This module sits in cramplog/core; the package directory is one level up.
_PACKAGE_DIR = Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    """The directory holding the shipped data files (checklist, icons, .desktop file)."""
    # An installed wheel carries them inside the package (see pyproject's force-include);
    # a source checkout or an editable install has them at the top of the repository.
    for candidate in (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise DamagedInstallError(
        _(
            "cramplog's resource files are missing; the installation is incomplete. "
            "Reinstall cramplog."
        )
    )


def resource_path(name: str) -> Path:
    """The path of one shipped resource file, which must exist."""
    path = resources_dir() / name
    if not path.is_file():
        raise DamagedInstallError(
            _("cramplog's resource file {name!r} is missing; reinstall cramplog.").format(name=name)
        )
    return path
