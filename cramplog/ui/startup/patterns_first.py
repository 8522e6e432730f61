"""A start on Patterns: the figures start-up's worker reads from the file before the diary
is open, and what it reads ahead once the diary is open (the window's `work_before_open`,
`work_before_handover`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cramplog.core.errors import CramplogError

if TYPE_CHECKING:
    from cramplog.diary.review_due import ReviewDue
    from cramplog.diary.service import Diary
    from cramplog.diary.view import DiaryFigures
    from cramplog.ui.pages.patterns_read_ahead import OpeningFigures

# What Patterns' first figures, read before the diary is open, import: loaded while the file
# is examined (sqlite3 alone, no SQLAlchemy; see `MainWindow.work_before_open`). No Qt module:
# PySide makes an enum class on its first use, and not safely from two threads at once, while
# the UI thread makes the Qt namespace's in the same moments (`_full_theme`); a worker
# importing a page then failed with "Qt has no attribute ItemDataRole". The page's module
# loads on the UI thread.
MODULES = (
    "cramplog.diary.read_only",
    "numpy",
    "cramplog.ui.pages.patterns_read_ahead",
    "cramplog.diary.review_due",
)


@dataclass(frozen=True, slots=True)
class FirstFigures:
    """What a start on Patterns shows before the diary is open, read from the file."""

    patterns: OpeningFigures
    review: ReviewDue | None  # None: the open diary's banner will tell


def first_figures(diary: DiaryFigures) -> FirstFigures | None:
    # Imported here, on the worker: the page's modules are not loaded before it.
    from cramplog.diary.review_due import review_due
    from cramplog.ui.pages.patterns_read_ahead import opening_figures

    patterns = opening_figures(diary)
    if patterns is None:
        return None
    try:
        review = review_due(diary)
    except CramplogError:
        review = None
    return FirstFigures(patterns, review)


def read_ahead(diary: Diary) -> None:
    # Imported here, on the worker: the page's modules are not loaded before it.
    from cramplog.ui.pages.patterns_read_ahead import read_ahead as read_patterns_ahead

    read_patterns_ahead(diary)
