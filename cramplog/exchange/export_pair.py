"""Either file of a cramplog CSV export (or the folder holding both) read with the other.

`cramplog export csv` writes episodes.csv and nights.csv side by side; imported, they are
one import (all or nothing), so the recorded nights come back as they were. An
episodes.csv alone leaves its nights unrecorded, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import N_, _
from cramplog.exchange import csv_format
from cramplog.exchange.batch import Batch, Context, SourceKind
from cramplog.exchange.import_plan import ImportOptions

# Reads one file's records (the importer's reader: JSON a piece at a time, else whole).
ReadFile = Callable[[Path, Context, ImportOptions], Batch]

# A CSV export is two files written side by side: each one's partner, by name and by kind.
PARTNERS = {
    SourceKind.EPISODES_CSV: (csv_format.NIGHTS_FILENAME, SourceKind.NIGHTS_CSV),
    SourceKind.NIGHTS_CSV: (csv_format.EPISODES_FILENAME, SourceKind.EPISODES_CSV),
}


def read_with_partner(
    path: Path, context: Context, options: ImportOptions, read_file: ReadFile
) -> Batch:
    """The file's records; for either file of a cramplog CSV export (or the folder holding
    them), both files' records as one import.

    Its cramps are in episodes.csv and its night records in nights.csv: read alone,
    episodes.csv would leave out which nights were reviewed, and the recorded nights (the
    denominator of every rate) would not come back as they were. `read_file` reads one file
    (the importer's own reader).
    """
    folder = path.is_dir()
    if folder:
        for name in (csv_format.EPISODES_FILENAME, csv_format.NIGHTS_FILENAME):
            if (path / name).exists():
                path = path / name
                break
    batch = read_file(path, context, options)
    if batch.source not in PARTNERS:
        return batch
    partner_name, partner_kind = PARTNERS[batch.source]
    partner_path = path.with_name(partner_name)
    partner = None
    alone = _(_EPISODES_ALONE)
    if partner_path != path and partner_path.is_file():
        try:
            partner = read_file(partner_path, context, ImportOptions())
        except ImportFileError as exc:
            # The file asked for is still imported; the one beside it is named, and why.
            alone = _(
                "{partner} beside it could not be read, so it was left out ({reason}): no "
                "night counts as recorded from this file alone."
            ).format(partner=partner_path.name, reason=str(exc).rstrip("."))
    if partner is None or partner.source is not partner_kind:
        if batch.source is SourceKind.EPISODES_CSV:
            batch.notes = (*batch.notes, alone, _(_NO_SPANS_IN_CSV))
        return batch
    together = (
        _("Read from its {episodes} and {nights}, as one import.").format(
            episodes=csv_format.EPISODES_FILENAME, nights=csv_format.NIGHTS_FILENAME
        )
        if folder
        else _("Read together with {partner} beside it, as one import.").format(
            partner=partner_path.name
        )
    )
    files = {batch.source: (batch, path.name), partner.source: (partner, partner_path.name)}
    return _joined(files[SourceKind.EPISODES_CSV], files[SourceKind.NIGHTS_CSV], together)


OWN_CSV = frozenset({*PARTNERS, SourceKind.CSV_EXPORT})
_EPISODES_ALONE = N_(
    "No nights.csv of the same export is beside it, so the export's night records are not "
    "read: no night counts as recorded from this file alone (import that nights.csv too to "
    "bring them back)."
)
_NO_SPANS_IN_CSV = N_(
    "A CSV export does not carry the stretches of nights over which you said you logged "
    "every cramp (a JSON export does): nights recorded only by such a stretch stay unrecorded."
)


def _joined(episodes: tuple[Batch, str], nights_: tuple[Batch, str], together: str) -> Batch:
    """One batch of a CSV export's two files (each with its file's name), every row error
    named by its file."""
    (cramps, cramps_file), (days, days_file) = episodes, nights_
    return Batch(
        SourceKind.CSV_EXPORT,
        rows=cramps.rows + days.rows,
        episodes=cramps.episodes,
        days=days.days,
        vocabulary=cramps.vocabulary,
        errors=[
            *(error.in_file(cramps_file) for error in cramps.errors),
            *(error.in_file(days_file) for error in days.errors),
        ],
        errors_left_off=cramps.errors_left_off + days.errors_left_off,
        notes=(*cramps.notes, *days.notes, together, _(_NO_SPANS_IN_CSV)),
    )
