"""The floors hold at run time too: what the lower floors and the command line actually load.

The import-linter contracts in pyproject.toml check every import statement in CI
(`lint-imports`); these tests check what a real process loads, lazy imports included.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cramplog.commands import COMMAND_MODULES

ROOT = Path(__file__).resolve().parents[2]


def _loaded_after(script: str) -> set[str]:
    # In English: a catalogue for the tester's language would rightly load gettext.
    english = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES")}
    result = subprocess.run(
        [sys.executable, "-c", script + "\nprint(','.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**english, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    )
    return set(result.stdout.strip().splitlines()[-1].split(","))


def test_using_the_diary_service_loads_no_qt_and_no_matplotlib(tmp_path: Path) -> None:
    loaded = _loaded_after(
        "import sys, pathlib\n"
        "from cramplog.diary.service import Diary\n"
        "from cramplog import cli\n"
        "from cramplog.demo import sample\n"
        "from cramplog.core import validation, nights, checklist\n"
        "from cramplog.analysis import stats, warning_signs, report\n"
        f"Diary.open(pathlib.Path({str(tmp_path / 'd')!r})).close()\n"
    )
    assert "cramplog.diary.service" in loaded  # the script did what it says
    assert sorted(m for m in loaded if m.split(".")[0] in ("PySide6", "matplotlib")) == []


def test_the_command_lines_pdf_loads_nothing_of_the_desktop_app(tmp_path: Path) -> None:
    from cramplog.diary.service import Diary
    from tests.unit.data_safety import log_cramp

    diary = Diary.open(tmp_path / "d")
    try:
        log_cramp(diary)
    finally:
        diary.close()
    target = tmp_path / "gp.pdf"
    loaded = _loaded_after(
        "import sys\n"
        "from cramplog import cli\n"
        f"code = cli.main(['report', '-o', {str(target)!r}, '--data-dir', "
        f"{str(tmp_path / 'd')!r}])\n"
        "assert code == 0, code\n"
    )
    assert target.stat().st_size > 0
    assert "cramplog.render.report_document" in loaded
    assert sorted(m for m in loaded if m.startswith("cramplog.ui")) == []


def test_stats_reads_a_current_diary_without_loading_sqlalchemy_numpy_or_other_commands(
    tmp_path: Path,
) -> None:
    # SQLAlchemy was most of the command's start-up; the read-only diary needs none of it.
    from cramplog.diary.service import Diary
    from tests.unit.data_safety import log_cramp

    diary = Diary.open(tmp_path / "d")
    try:
        log_cramp(diary)
    finally:
        diary.close()
    loaded = _loaded_after(
        "import sys\n"
        "from cramplog import cli\n"
        f"code = cli.main(['stats', '--from', '2000-01-01', '--data-dir', "
        f"{str(tmp_path / 'd')!r}])\n"
        "assert code == 0, code\n"
    )
    assert "cramplog.analysis.stats.computing" in loaded  # the figures were computed
    assert sorted(m for m in loaded if m.split(".")[0] in ("sqlalchemy", "alembic")) == []
    # numpy's import was a quarter of the command: a small diary's figures are counted in
    # plain Python (`packed_tally`), and the charts' series (never drawn here) use it.
    assert sorted(m for m in loaded if m.split(".")[0] == "numpy") == []
    assert "cramplog.analysis.stats.weekly" not in loaded
    # Making dataclasses (and importing the module, with inspect) was a quarter of the
    # command: the values it reads are `core.value_class`es, and the entries' records
    # (`core.entries`, dataclasses) are never built.
    assert "dataclasses" not in loaded
    assert "cramplog.core.entries" not in loaded
    # Figures are rounded without decimal, and the checklist's digest taken without OpenSSL.
    assert "decimal" not in loaded
    assert "_hashlib" not in loaded
    # Only the command given is read, so no other command's module loads.
    commands = {f"cramplog.commands.{name}" for name in COMMAND_MODULES} & set(loaded)
    assert commands == {"cramplog.commands.stats"}
    # A plain command line is read by hand: argparse (with shutil, three compression
    # modules and gettext's search for its catalogues) is not loaded, nor gettext
    # without a catalogue to read.
    assert sorted(m for m in ("argparse", "shutil", "gettext", "locale") if m in loaded) == []
