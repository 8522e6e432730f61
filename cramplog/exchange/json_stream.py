"""Read a cramplog JSON export from its file a piece at a time: counts and first records held.

The dry run keeps what it shows (how many records, the first few, every problem up to a
cap); the records themselves are read again from the file when they are stored
(`streamed.Reread`), so importing a 100-year diary takes no more memory than a 10-year one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _
from cramplog.exchange import streamed
from cramplog.exchange.batch import Batch, Context, SourceKind
from cramplog.exchange.json_format import reader

# Records of each kind held from the first reading: the preview's rows, and all of a small
# file's (which is then never read again).
HELD = 2_000
_HEAD_BYTES = 4096


def scan(path: Path, context: Context) -> Batch | None:
    """The export at `path` read once, or None when it is not JSON text that can be read a
    piece at a time (a spreadsheet, a workbook, or text in another encoding): the caller
    then reads it whole."""
    found = _encoding(path)
    if found is None:
        return None
    text = streamed.FileText(path, *found)
    batch = Batch(SourceKind.JSON)
    first: dict[str, list[object]] = {name: [] for name in reader.LONG_LISTS}
    counted = dict.fromkeys(reader.LONG_LISTS, 0)
    try:
        for name, record in reader.records(text.chunks(), context, batch):
            counted[name] += 1
            if counted[name] <= HELD:
                first[name].append(record)
    except streamed.NotStreamable:
        return None

    def held(name: str) -> streamed.Reread[Any]:
        def read_again() -> Iterator[Any]:
            scratch = Batch(SourceKind.JSON)  # its problems were counted the first time
            only = frozenset({name})
            for _name, record in reader.records(text.chunks(), context, scratch, wanted=only):
                yield record

        return streamed.Reread(counted[name], first[name], read_again)

    batch.episodes = held("episodes")
    batch.days = held("days")
    batch.medications = held("medications")
    return batch


def _encoding(path: Path) -> tuple[str, int] | None:
    """(encoding, length of its byte order mark) of a file whose text starts with "{"."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES)
    except OSError as exc:
        raise ImportFileError(
            _("{path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    # As csv_format.decode_text tells them apart.
    if head.startswith(b"\xef\xbb\xbf"):
        encoding, skip = "utf-8", 3
    elif head.startswith(b"\xff\xfe"):
        encoding, skip = "utf-16-le", 2
    elif head.startswith(b"\xfe\xff"):
        encoding, skip = "utf-16-be", 2
    elif len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] != 0:
        encoding, skip = "utf-16-le", 0
    elif len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] != 0:
        encoding, skip = "utf-16-be", 0
    else:
        encoding, skip = "utf-8", 0
    start = head[skip:].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    return (encoding, skip) if start.startswith("{") else None
