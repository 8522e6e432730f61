"""Translatable text: `_()` gives a message in the person's language, or as written without one.

gettext, not Qt's tr(): the command line loads no Qt, and the sentences of the lower floors
(statistics, warning signs, the report) are shared by the CLI, the app and the PDF, so one
catalogue serves all of them; xgettext and msgfmt are the standard tools translators know.
Catalogues live in resources/locale/<language>/LC_MESSAGES/cramplog.mo (docs/translating.md).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import gettext

DOMAIN: Final = "cramplog"


class AsWritten:
    """No catalogue: every message as written (gettext's `NullTranslations`, the same
    answers), made without loading gettext, which compiles a regular expression on import
    (about 1 ms of a `cramplog stats`); gettext is loaded when a catalogue is found."""

    __slots__ = ()

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def info(self) -> dict[str, str]:
        return {}


# gettext's catalogue (read from a .mo file, or a test's own), or none.
_catalogue: gettext.NullTranslations | AsWritten = AsWritten()


def _(message: str) -> str:
    """`message` in the person's language; itself when no catalogue has it.

    An empty message stays empty: gettext answers "" with the catalogue's header
    ("Project-Id-Version: …"), and an empty label passed through `_()` must not show that.
    """
    return _catalogue.gettext(message) if message else message


def n_(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message, as the person's language counts `n`."""
    return _catalogue.ngettext(singular, plural, n)


def N_(message: str) -> str:  # gettext's own name for the marker xgettext knows
    """Marks a message for translation where it is defined; translated with `_()` where shown."""
    return message


def languages(environ: Mapping[str, str]) -> list[str]:
    """The languages asked for, most wanted first ("de_DE" then "de"), as gettext reads them."""
    wanted: list[str] = []
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if not value:
            continue
        for item in value.split(":") if key == "LANGUAGE" else [value]:
            name = item.split(".")[0].split("@")[0]
            if name and name not in ("C", "POSIX"):
                wanted += [name, name.split("_")[0]]
        break
    return list(dict.fromkeys(wanted))


def find(wanted: Sequence[str], root: Path | None = None) -> gettext.NullTranslations | AsWritten:
    """The first catalogue among `wanted` under `root` (the shipped resources/locale)."""
    if root is None:
        from cramplog.core.errors import DamagedInstallError
        from cramplog.core.resources import resources_dir

        try:
            root = resources_dir() / "locale"
        except DamagedInstallError:
            return AsWritten()  # said where the checklist is needed, not here
    for language in wanted:
        path = root / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            data = path.read_bytes()
        except OSError:
            continue
        import gettext
        import struct

        try:
            return gettext.GNUTranslations(io.BytesIO(data))
        except (OSError, ValueError, LookupError, struct.error):
            # A damaged catalogue: English is better than nothing. gettext says so with
            # OSError (bad magic or version), struct.error (cut short), ValueError (its
            # header, plural rule or text) or LookupError (a charset Python does not know).
            continue
    return AsWritten()


def language() -> str | None:
    """The language of the catalogue in use ("de"), from its Language header; None for English.

    msginit writes that header; the app uses it to load Qt's own words in the same language.
    """
    found = _catalogue.info().get("language", "").strip()
    return found or None


def install(catalogue: gettext.NullTranslations | AsWritten) -> None:
    """Use `catalogue` from now on (once at start-up; tests install their own)."""
    global _catalogue  # one process, one language, like the locale's conventions
    _catalogue = catalogue
