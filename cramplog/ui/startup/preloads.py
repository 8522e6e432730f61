"""What start-up loads ahead while the diary opens, and on which thread.

Building the place in view, and `attach`, import modules; loaded ahead, neither finds them
missing. Start-up's worker thread loads only modules that load no Qt: a worker defining Qt
classes, or making PySide's enum types, while the UI thread runs Qt crashed the app (SIGSEGV,
about 1 launch in 200 on a busy machine; `tests/unit/ui/startup/test_worker_imports.py`
watches the real start). The UI thread loads the Qt ones itself, one per turn of its event
loop after the first paint (`import_turns`).
"""

from __future__ import annotations

from cramplog.ui.places import DIARY, PATTERNS, SUMMARY, TREATMENTS
from cramplog.ui.startup import patterns_first

# Qt: for the UI thread.
PLACE_MODULES = {
    DIARY: ("cramplog.ui.pages.diary_page",),
    PATTERNS: ("cramplog.ui.pages.patterns_page",),
    TREATMENTS: ("cramplog.ui.pages.treatments_page",),
    SUMMARY: ("cramplog.ui.pages.summary_page",),
}
ATTACH_MODULES = (
    "cramplog.ui.editor",
    "cramplog.ui.forms.night_review",
    "cramplog.ui.forms.missed_nights",
    "cramplog.ui.dialogs.data_actions",
    "cramplog.ui.tray",
    "cramplog.ui.draft_keeper",
    "cramplog.ui.startup.auto_backup",
    "cramplog.ui.dialogs.tour",
)

# No Qt: for the worker. numpy: Patterns' statistics import it when first computed (~0.1 s).
# Not the charts: Patterns paints its numbers first; the worker loads them after
# (`MainWindow.work_after_first_paint`).
_STATISTICS = ("numpy", "cramplog.analysis.stats", "cramplog.analysis.warning_signs")
WORKER_PLACE_MODULES = {
    PATTERNS: _STATISTICS,
    SUMMARY: (*_STATISTICS, "cramplog.analysis.report"),
}
WORKER_ATTACH_MODULES = (
    "cramplog.diary.review_due",  # the banner's offer (and the plain reads it shares)
    "cramplog.diary.backups",
    "cramplog.diary.integrity",
    "cramplog.diary.drafts",
    "cramplog.core.reminders",
)


def while_examining(place: int) -> tuple[str, ...]:
    """What the worker loads while it examines the file: what Patterns' first figures
    import, or, for a place with no preview, what its page will import (so the UI thread,
    importing the page after, does not load them itself). The list's preview needs only its
    page, built on the UI thread."""
    if place == PATTERNS:
        return patterns_first.MODULES
    return () if place == DIARY else WORKER_PLACE_MODULES.get(place, ())


def on_the_worker(place: int) -> tuple[str, ...]:
    """What the worker loads once the diary is open, for `attach` and the place."""
    return (*WORKER_ATTACH_MODULES, *WORKER_PLACE_MODULES.get(place, ()))


def on_the_ui_thread(place: int) -> tuple[str, ...]:
    """The Qt modules `attach` and the place import, for the UI thread to load."""
    return (*PLACE_MODULES.get(place, ()), *ATTACH_MODULES)
