"""Waiting for the Import dialog's check or import, which run on a worker thread."""

from __future__ import annotations

import time

from PySide6.QtTest import QTest

from cramplog.ui.dialogs.import_dialog import ImportDialog

# Far longer than any check or import of a test's few rows takes.
LONGEST_S = 20.0


def settle(dialog: ImportDialog) -> ImportDialog:
    """Wait until the dialog's check or import has ended and what came of it is shown."""
    deadline = time.monotonic() + LONGEST_S
    while dialog.work.busy:
        assert time.monotonic() < deadline, "the check or import never ended"
        QTest.qWait(5)
    return dialog
