"""A command's options read by hand when the command line is plain, as argparse reads them.

Building a command's argparse parser and reading with it cost `cramplog stats` about 3.5 ms
of its ~70 (argparse formats every option's help as it is added, which loads shutil with
three compression modules to ask the terminal's width, and gettext looks for argparse's own
catalogues on disk). A command line of the command's own options alone, each spelled out
in full with a plain value, means one thing to argparse, and is read here the same way;
anything else (help, an abbreviation, an unknown word, a value that is refused) is left to
argparse, so every message and exit code a person can meet is still argparse's own.
`tests/unit/commands/test_plain_options.py` holds the two readings side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

# An option that takes a value: its destination and what turns the text into the value
# (ValueError for text argparse would refuse: argparse is then left to say so).
Valued = Mapping[str, tuple[str, Callable[[str], object]]]


def read(argv: Sequence[str], valued: Valued, flags: Mapping[str, str]) -> dict[str, object] | None:
    """What argparse would set from `argv` (the words after the command's name), or None.

    valued: `--name VALUE` or `--name=VALUE` options; flags: `--name` options that store
    True. Options not given are left out (the caller sets their defaults). A value must
    not be empty nor begin with "-": argparse reads such words in ways of its own.
    """
    found: dict[str, object] = {}
    at = 0
    while at < len(argv):
        token = argv[at]
        at += 1
        if token in flags:
            found[flags[token]] = True
            continue
        name, equals, value = token.partition("=")
        if name not in valued:
            return None
        if not equals:
            if at == len(argv):
                return None
            value = argv[at]
            at += 1
        if not value or value.startswith("-"):
            return None
        destination, convert = valued[name]
        try:
            found[destination] = convert(value)  # the last one given counts, as in argparse
        except ValueError:
            return None
    return found
