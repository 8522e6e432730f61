"""The app ended by SIGTERM (a logout, `kill`) closes as its window would and tidies up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def test_a_demo_ended_by_sigterm_leaves_no_sample_folder(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "cramplog", "--demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        # The app holds its lock once the sample diary is made and the window is up.
        while not list(tmp_path.glob("cramplog-sample-*/cramplog.lock")):
            assert app.poll() is None, app.stderr.read() if app.stderr else ""
            assert time.monotonic() < deadline, "the demo never opened"
            time.sleep(0.1)
        time.sleep(0.5)
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        if app.stderr:
            app.stderr.close()
    assert list(tmp_path.glob("cramplog-sample-*")) == []
