"""The dry run's account of a spreadsheet: each column's fate, rows read specially, new words.

Nothing in a file is dropped without being named: every column is listed with the field it
feeds or "ignored", with a couple of its values, and every word that is not simply matched
is listed with where it goes.
"""

from __future__ import annotations

from cramplog.core import nights, wording
from cramplog.exchange.batch import Batch
from cramplog.exchange.csv_format.spreadsheet_columns import FIELD_LABELS
from cramplog.exchange.csv_format.spreadsheet_words import KIND_PLURALS, LISTED, listed_words


def column_fates(batch: Batch) -> list[str]:
    """One line per column: '“What helped” → Relief methods (“stretching”, “massage”)'."""
    return [
        choice.fate(
            choice.described or ("ignored" if choice.field is None else FIELD_LABELS[choice.field])
        )
        for choice in batch.columns
    ]


def spreadsheet_lines(batch: Batch, *, new_words_agreed: bool) -> list[str]:
    """The dry run's lines about a spreadsheet, after its summary (none for other files)."""
    if not batch.columns:
        return []
    lines = ["Columns:", *(f"  {fate}" for fate in column_fates(batch))]
    lines += reading_lines(batch)
    for kind, words in batch.new_words.items():
        verb = "would be added" if new_words_agreed else "would be added (with --new-words)"
        lines.append(
            f"{KIND_PLURALS[kind].capitalize()} {verb} as words of your own: {listed_words(words)}."
        )
    return lines


def reading_lines(batch: Batch) -> list[str]:
    """How rows were read specially: without a time, repeated, or with words kept in notes.

    The import dialog shows the same lines as the CLI's dry run.
    """
    lines = []
    if batch.time_not_noted:
        one = batch.time_not_noted == 1
        lines.append(
            f"{wording.count(batch.time_not_noted, 'row')} {'gives' if one else 'give'} a date "
            "but no time "
            f"({nights.TIME_NOT_NOTED}): each goes to the night before its date, or to that "
            "date's night where the time column says evening or night."
        )
    if batch.duplicates:
        # The first dozen, like listed words: a file of thousands of repeats stays readable.
        repeats = ", ".join(
            f"line {line} (as line {first})" for line, first in batch.duplicates[:LISTED]
        )
        if len(batch.duplicates) > LISTED:
            repeats += f" and {len(batch.duplicates) - LISTED:,} more"
        lines.append(
            f"{wording.count(len(batch.duplicates), 'row')} "
            f"{'repeats' if len(batch.duplicates) == 1 else 'repeat'} an earlier row and would be "
            f"imported once: {repeats}."
        )
    for kind, words in batch.kept_in_notes.items():
        kinds = KIND_PLURALS[kind].capitalize()
        lines.append(f"{kinds} the checklist lacks, kept in the notes: {listed_words(words)}.")
    return lines
