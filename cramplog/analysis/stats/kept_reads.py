"""A period's reads from the diary, kept while the diary is unchanged, so it is read once.

Patterns redraws on every change of period, comparison, palette or place; over a century
of cramps the reads cost a few hundred milliseconds and building the figures from them a
few dozen. The reads are kept per diary and per what they depend on besides the diary's
contents (the period, the night's boundary hour, last night), beside the diary's change
token (`aggregates.change_token`), and read again as soon as the token moves.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Final, TypeVar

from cramplog.storage import aggregates

if TYPE_CHECKING:
    import sqlite3

    from cramplog.diary.view import DiaryFigures

T = TypeVar("T")

# A period, its comparison and its warning signs, for a page or two: the newest few reads
# are enough (all of a century of cramps keeps about 17 MB).
MOST_KEPT: Final = 8

_KEPT: weakref.WeakKeyDictionary[object, dict[Hashable, tuple[tuple[int, int], object]]] = (
    weakref.WeakKeyDictionary()
)


def read_kept(diary: DiaryFigures, key: Hashable, read: Callable[[sqlite3.Connection], T]) -> T:
    """`read` run in one read transaction of `diary`, or its value from an earlier run with
    the same `key` when the diary has not changed since. The value must not be changed by
    its users: it is shared."""
    kept = _KEPT.setdefault(diary, {})
    found = kept.get(key)
    if found is not None and found[0] == diary.read_plain(aggregates.change_token):
        return found[1]  # type: ignore[return-value]

    def token_and_value(connection: sqlite3.Connection) -> tuple[tuple[int, int], T]:
        # The token first: a change committed during the read then shows as a new token
        # next time, never as an old token beside new values.
        token = aggregates.change_token(connection)
        return token, read(connection)

    token, value = diary.read_plain(token_and_value)
    kept.pop(key, None)
    kept[key] = (token, value)
    while len(kept) > MOST_KEPT:
        del kept[next(iter(kept))]
    return value


def forget(diary: DiaryFigures) -> None:
    """Drop every read kept for `diary` (its next period is read from the file)."""
    _KEPT.pop(diary, None)
