"""The dry run's account of a spreadsheet: each column's fate, rows read specially, new words.

Nothing in a file is dropped without being said: every column read is listed with the field
it feeds, with a couple of its values, and the ignored ones too (named up to a dozen, then
counted); every word that is not simply matched is listed with where it goes.
"""

from __future__ import annotations

from typing import Final

from cramplog.core import nights, wording
from cramplog.core.translation import _
from cramplog.exchange.batch import Batch
from cramplog.exchange.csv_format.spreadsheet_columns import FIELD_LABELS
from cramplog.exchange.csv_format.spreadsheet_words import KIND_PLURALS, LISTED, listed_words

# Ignored columns named one by one in a dry run; any more are counted.
MOST_IGNORED_SHOWN: Final = 12


def column_fates(batch: Batch) -> list[str]:
    """One line per column: '“What helped” → Relief methods (“stretching”, “massage”)'."""
    return [
        choice.fate(
            choice.described
            or (_("ignored") if choice.field is None else _(FIELD_LABELS[choice.field]))
        )
        for choice in batch.columns
    ]


def spreadsheet_lines(batch: Batch, *, new_words_agreed: bool) -> list[str]:
    """The dry run's lines about a spreadsheet, after its summary (none for other files)."""
    if not batch.columns:
        return []
    fates = column_fates(batch)
    # A tracker's column (Flaredown, Bearable) has no field of ours either, but says what
    # it becomes (`described`): it is read, not ignored.
    ignored = [
        i for i, choice in enumerate(batch.columns) if choice.field is None and not choice.described
    ]
    if len(ignored) > MOST_IGNORED_SHOWN:
        # A file of 200,000 columns listed 200,000 lines: those read, the first ignored
        # ones, and a count of the rest.
        left_off = set(ignored[MOST_IGNORED_SHOWN:])
        fates = [fate for i, fate in enumerate(fates) if i not in left_off]
        fates.append(
            wording.count(
                len(left_off), "… and {n} more column, ignored", "… and {n} more columns, ignored"
            )
        )
    lines = [_("Columns:"), *(f"  {fate}" for fate in fates)]
    lines += reading_lines(batch)
    for kind, words in batch.new_words.items():
        added = (
            _("{kinds} would be added as words of your own: {words}.")
            if new_words_agreed
            else _("{kinds} would be added (with --new-words) as words of your own: {words}.")
        )
        lines.append(
            added.format(kinds=_(KIND_PLURALS[kind]).capitalize(), words=listed_words(words))
        )
    return lines


def reading_lines(batch: Batch) -> list[str]:
    """How rows were read specially: without a time, repeated, or with words kept in notes.

    The import dialog shows the same lines as the CLI's dry run.
    """
    lines = []
    if batch.time_not_noted:
        lines.append(
            wording.count(
                batch.time_not_noted,
                "{n} row gives a date but no time ({time_not_noted}): each goes to the night "
                "before its date, or to that date's night where the time column says evening "
                "or night.",
                "{n} rows give a date but no time ({time_not_noted}): each goes to the night "
                "before its date, or to that date's night where the time column says evening "
                "or night.",
                time_not_noted=_(nights.TIME_NOT_NOTED),
            )
        )
    if batch.duplicates:
        # The first dozen, like listed words: a file of thousands of repeats stays readable.
        repeats = ", ".join(
            _("line {line} (as line {first})").format(line=line, first=first)
            for line, first in batch.duplicates[:LISTED]
        )
        if len(batch.duplicates) > LISTED:
            repeats += _(" and {more} more").format(
                more=wording.number(len(batch.duplicates) - LISTED)
            )
        lines.append(
            wording.count(
                len(batch.duplicates),
                "{n} row repeats an earlier row and would be imported once: {repeats}.",
                "{n} rows repeat an earlier row and would be imported once: {repeats}.",
                repeats=repeats,
            )
        )
    for kind, words in batch.kept_in_notes.items():
        kinds = _(KIND_PLURALS[kind]).capitalize()
        lines.append(
            _("{kinds} the checklist lacks, kept in the notes: {words}.").format(
                kinds=kinds, words=listed_words(words)
            )
        )
    return lines
