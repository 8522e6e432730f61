"""The README's benchmark table is rewritten from a benchmark run's JSON, and nothing else is."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "benchmark_table.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_table", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report() -> dict[str, Any]:
    figure = {"ratio": None, "ok": None, "note": "", "floor_seconds": None}
    return {
        "mode": "full",
        "date": "2026-12-06",
        "reference_night": "2026-06-30",
        "load_average": {"before": [1.5, 1, 1], "after": [2.25, 1, 1]},
        "machine": {
            "platform": "Linux",
            "cpus": 2,
            "versions": {
                "python": "3.11.7",
                "PySide6-Essentials": "6.11.3",
                "SQLAlchemy": "2.1.9",
                "matplotlib": "3.11.2",
            },
        },
        "diaries": {
            "10-year": {"years": 10, "episodes": 15147, "diary_days": 3205, "medications": 2}
        },
        "figures": [
            {**figure, "name": "start-up to a painted main window", "seconds": 0.192,
             "floor_seconds": 0.139, "ratio": 1.381, "ok": True, "budget": "<= 1.5x bare window"},
            {**figure, "name": "GP summary PDF, 10-year diary, all of it", "seconds": 1.2,
             "ok": False, "budget": "<= 1000 ms", "note": "421 pages"},
            {**figure, "name": "peak memory, 100-year diary", "seconds": None, "ok": True,
             "budget": "<= 300 MB", "note": "188 MB"},
        ],
    }  # fmt: skip


def test_the_table_between_the_markers_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    script = _script()
    readme = tmp_path / "README.md"
    readme.write_text(f"# Intro\n\n{script.START}\nold table\n{script.END}\n\nAfter.\n")
    report = tmp_path / "bench.json"
    report.write_text(json.dumps(_report()))
    assert script.main([str(report), "--readme", str(readme)]) == 0
    text = readme.read_text()
    assert text.startswith("# Intro\n\n") and text.endswith("\n\nAfter.\n")
    assert "old table" not in text
    assert (
        "| start-up to a painted main window | 192 ms | 139 ms | 1.38 | ≤ 1.5× bare window |"
        in text
    )
    assert "| GP summary PDF, 10-year diary, all of it (421 pages) | 1,200 ms |" in text
    assert "≤ 1000 ms | **over** |" in text
    assert "| peak memory, 100-year diary | 188 MB |" in text
    assert "15,147 cramps" in text and "load average 1.50 before, 2.25 after" in text


def test_a_readme_without_the_markers_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script()
    readme = tmp_path / "README.md"
    readme.write_text("# No table here\n")
    report = tmp_path / "bench.json"
    report.write_text(json.dumps(_report()))
    assert script.main([str(report), "--readme", str(readme)]) == 1
    assert readme.read_text() == "# No table here\n"
    assert "benchmark-table" in capsys.readouterr().err


def test_a_report_that_is_not_json_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script()
    readme = tmp_path / "README.md"
    readme.write_text(f"{script.START}\n{script.END}\n")
    report = tmp_path / "bench.json"
    report.write_text("{not json")
    assert script.main([str(report), "--readme", str(readme)]) == 1
    assert readme.read_text() == f"{script.START}\n{script.END}\n"
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_ratio_just_over_its_budget_never_reads_as_the_budget_itself() -> None:
    ratio = _script()._ratio
    # 1.5018 against "≤ 1.5×": "1.50 … over" would contradict itself on the page.
    assert ratio(1.5018, over=True) == "1.502"
    assert ratio(1.5018, over=False) == "1.50"
    assert ratio(1.876, over=True) == "1.88"  # rounded up: two decimals already say "over"
    # Far over its budget, rounding down cannot make it read as within: two decimals.
    assert ratio(4.1539, over=True, limit=3.0) == "4.15"
    assert ratio(1.5018, over=True, limit=1.5) == "1.502"


def test_the_ratio_a_budget_allows_is_read_from_its_text() -> None:
    limit = _script()._limit
    assert limit("<= 3.0x python + sqlite3 count") == 3.0
    assert limit("<= 1.5x bare window") == 1.5
    assert limit("<= 100 ms") is None
    assert limit("(reference)") is None
    assert limit(None) is None
