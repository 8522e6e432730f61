"""Write the checklist's shown words (labels, explanations, advice) as a gettext template.

    .venv/bin/python scripts/checklist_pot.py -o checklist.pot
    msgcat cramplog.pot checklist.pot -o cramplog-all.pot

xgettext reads Python, not resources/checklist.json, so the checklist's words get their own
template, merged with the code's (docs/translating.md). They are translated where shown
(`Diary.label`, the warning signs); codes and synonyms are matched on input and stay as
they are.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from cramplog.core.checklist import Checklist, load_checklist

HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: cramplog\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
)


def messages(checklist: Checklist) -> Iterator[tuple[str, str]]:
    """(where, text) for every word the checklist shows, in file order."""
    for group in checklist.groups:
        yield f"{group.code} label", group.label
    for item in checklist.items:
        yield f"{item.code} label", item.label
        yield f"{item.code} explanation", item.explanation
        if item.advice:
            yield f"{item.code} advice", item.advice


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def pot(checklist: Checklist) -> str:
    """The template: one entry per distinct text, each with the codes that show it."""
    places: dict[str, list[str]] = {}
    for where, text in messages(checklist):
        places.setdefault(text, []).append(where)
    entries = [HEADER]
    for text, wheres in places.items():
        comments = "".join(f"#. {where}\n" for where in wheres)
        entries.append(f'{comments}msgid {_quoted(text)}\nmsgstr ""\n')
    return "\n".join(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, help="the .pot file (default: stdout)")
    args = parser.parse_args(argv)
    text = pot(load_checklist())
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
