"""Records an import reads again from its file rather than holds: a count, the first few, a re-read.

The dry run of a large file keeps only what it shows (counts, the first rows, the problems);
the import itself reads the file a second time and stores each record as it comes, so memory
stays flat however large the diary. The second reading must meet the same bytes as the first:
`FileText` checks that, and refuses a file that changed in between.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar, overload

from cramplog.core.errors import ImportFileError, ImportRejectedError
from cramplog.core.translation import _

_T = TypeVar("_T")
_CHUNK = 1 << 20


class NotStreamable(Exception):
    """The file cannot be read a piece at a time (its bytes are not the text they claimed)."""


class FileText:
    """A text file read in chunks of decoded text, each reading checked against the first."""

    def __init__(self, path: Path, encoding: str, skip: int) -> None:
        self.path = path
        self.encoding = encoding
        self.skip = skip  # the byte order mark's length
        self.digest: bytes | None = None

    def chunks(self) -> Iterator[str]:
        """The file's text; NotStreamable if it does not decode, ImportRejectedError if the
        bytes differ from the first reading's."""
        digest = hashlib.sha256()
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        try:
            with self.path.open("rb") as f:
                f.seek(self.skip)
                while block := f.read(_CHUNK):
                    digest.update(block)
                    yield decoder.decode(block)
                yield decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise NotStreamable from None
        except OSError as exc:
            raise ImportFileError(
                _("{path} cannot be read: {reason}.").format(
                    path=self.path, reason=exc.strerror or exc
                )
            ) from exc
        if self.digest is None:
            self.digest = digest.digest()
        elif digest.digest() != self.digest:
            raise ImportRejectedError(
                _(
                    "{name} changed after it was checked; nothing was imported. "
                    "Check it again before importing it."
                ).format(name=self.path.name)
            )


class Reread(Sequence[_T]):
    """A file's records of one kind: counted and the first few kept by the first reading, all
    of them read again (`read_again`) each time they are iterated."""

    def __init__(self, count: int, first: list[_T], read_again: Callable[[], Iterator[_T]]):
        self._count = count
        self._first = first
        self._read_again = read_again

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[_T]:
        return self._read_again()

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> list[_T]: ...

    def __getitem__(self, index: int | slice) -> _T | list[_T]:
        # The preview asks for the first few, which are held; anything else reads again.
        held = self._first
        if len(held) == self._count:
            return held[index]
        if isinstance(index, slice):
            stop = index.indices(self._count)[1]
            if index.step in (None, 1) and (index.start or 0) >= 0 and stop <= len(held):
                return held[index]
        elif 0 <= index < len(held):
            return held[index]
        return list(self)[index]
