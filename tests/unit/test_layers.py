"""The layers hold: storage and domain code never import Qt or matplotlib; the UI never SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cramplog"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def python_files(*, under: Path, exclude: tuple[str, ...] = ()) -> list[Path]:
    return [
        path
        for path in sorted(under.rglob("*.py"))
        if not any(part in exclude for part in path.relative_to(PACKAGE).parts)
    ]


def offenders(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files
        for name in sorted(imported_modules(path))
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


def test_storage_and_domain_modules_import_neither_qt_nor_matplotlib() -> None:
    # charts/ may use matplotlib (never Qt); ui/ is the one place for Qt.
    domain = python_files(under=PACKAGE, exclude=("ui", "charts"))
    assert len(domain) > 10
    assert offenders(domain, ("PySide6", "shiboken6", "matplotlib")) == []


def test_charts_never_import_qt() -> None:
    charts = python_files(under=PACKAGE / "charts") if (PACKAGE / "charts").exists() else []
    assert offenders(charts, ("PySide6", "shiboken6")) == []


def test_the_ui_never_touches_sql() -> None:
    ui = python_files(under=PACKAGE / "ui")
    assert ui, "the ui package should exist"
    assert offenders(ui, ("sqlalchemy", "sqlite3", "alembic", "cramplog.db")) == []


def test_the_layering_checker_notices_a_forbidden_import(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from PySide6 import QtCore\n    return QtCore\n")
    assert imported_modules(sneaky) == {"PySide6", "PySide6.QtCore"}


def test_using_the_diary_service_loads_no_qt_and_no_matplotlib(tmp_path: Path) -> None:
    script = (
        "import sys, pathlib\n"
        "from cramplog.diary import Diary\n"
        "from cramplog import cli, sample, validation, nights, checklist\n"
        f"Diary.open(pathlib.Path({str(tmp_path / 'd')!r})).close()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
