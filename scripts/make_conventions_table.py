"""Write cramplog/core/conventions_table.py from Qt's locale data (run by hand)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale

from cramplog.render import locale_conventions

# The locales the command line knows by name; the app reads any locale from Qt itself.
LOCALES = (
    "en_US", "en_GB", "en_CA", "en_AU", "en_IE", "en_NZ", "en_IN",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA", "fr_BE", "fr_CH",
    "es_ES", "es_MX", "it_IT", "nl_NL", "nl_BE",
)  # fmt: skip

OUT = Path(__file__).resolve().parent.parent / "cramplog" / "core" / "conventions_table.py"


def entry(name: str) -> str:
    fields = locale_conventions.table_entry(QLocale(name))
    body = "".join(f"        {key}={value!r},\n" for key, value in fields.items())
    return f'    "{name}": dict(\n{body}    ),\n'


def main() -> int:
    head = (
        '"""Qt\'s conventions for the locales the command line knows, written by\n'
        "scripts/make_conventions_table.py: the CLI writes dates as the app does, without Qt."
        '"""\n\n'
        "# ruff: noqa: E501 - generated data, one locale's field a line\n"
        "# fmt: off\n"
        "from typing import Any, Final\n\n"
        "TABLE: Final[dict[str, dict[str, Any]]] = {\n"
    )
    OUT.write_text(head + "".join(entry(n) for n in LOCALES) + "}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
