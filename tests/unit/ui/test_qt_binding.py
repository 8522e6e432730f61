"""The installed Qt binding does not leak references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import subprocess
import sys


def test_thousands_of_void_qt_calls_leave_none_alone() -> None:
    # Run apart from the test process: with a leaking binding, None is freed and Python aborts.
    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(20000):\n"
        "    o.setObjectName('x')\n"
        "print(sys.getrefcount(None) - before)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
