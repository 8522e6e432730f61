"""The floors below the UI speak through the catalogue: no refusal or dry-run line is English-only.

Two checks. A scan of the source fails on a message a person can see that is built from a
bare string literal: the message of a user-facing error (every CramplogError, and the cell
and record errors an import turns into row errors) and what the import's dry run, its
summaries and the statistics' and warning signs' sentence makers return, and a count()
given an English word instead of a whole counted message. Then the sentences
themselves, under a marker catalogue installed through `core.translation.install`: `stats`,
the dry run of a hand-kept CSV with a bad row, and a warning sign's sentence come out marked.
"""

from __future__ import annotations

import ast
import contextlib
import gettext
import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

import cramplog
from cramplog import cli
from cramplog.core import errors, translation
from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary

PACKAGE = Path(cramplog.__file__).parent
# The lower floors; ui/ and render/ have their own guard, analysis/report is the PDF's.
FLOORS = ("cli.py", "commands", "core", "files", "storage", "diary", "analysis", "exchange")
NOT_HERE = ("analysis/report", "storage/migrations")
WRAPPERS = frozenset({"_", "n_", "N_", "count"})

# Programmer errors (ValueError, KeyError, TypeError) and the shipped checklist's and body
# map's own checks (ChecklistError, BodyMapFileError: a broken installation, for whoever
# packages cramplog) are not CramplogErrors, so they are not scanned; there is no allow-list.

# Message makers: what they return or list is read by the person (the dry run, the import's
# summaries, the statistics notes and the warning signs' sentences).
MESSAGE_MAKERS = {
    "exchange/dry_run.py": "*",
    "exchange/import_plan.py": "*",
    "exchange/batch.py": ("__str__", "label"),
    "exchange/csv_format/spreadsheet_words.py": ("listed_words", "new_words_question"),
    "analysis/stats/headline.py": "*",
    "analysis/stats/rates.py": "*",
    "analysis/stats/periods.py": ("describe", "label", "previous"),
    "analysis/warning_signs/rules.py": "*",
    "core/recorded.py": ("describe", "breakdown", "describe_span"),
    "diary/integrity.py": "*",
    "files/__init__.py": ("storage_message", "_kind", "kind_of", "final_target"),
}

_WORD = re.compile(r"[A-Za-z]{2,}")


def user_facing_errors() -> dict[str, int]:
    """Class name → index of its message argument, for every error a person may read."""
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="cramplog."):
        if not info.name.startswith(("cramplog.ui", "cramplog.render", "cramplog.demo")):
            importlib.import_module(info.name)
    found: dict[str, int] = {}
    stack: list[type] = [errors.CramplogError]
    while stack:
        cls = stack.pop()
        found[cls.__name__] = 0
        stack += cls.__subclasses__()
    # An import's cell and record errors become the row errors its dry run lists.
    return found | {"CellError": 0, "Bad": 0, "RowError": 1}


def has_words(text: str) -> bool:
    """Words a person reads: not a code, key or file name ("warning.frequent", "diary-",
    ".sqlite3": no space and no capital), nor the program's own name and option names."""
    if not re.search(r"\s|[A-Z]", text):
        return False
    text = re.sub(r"--[a-z-]+", "", text.replace("cramplog", ""))
    return bool(_WORD.search(text))


def bare(node: ast.AST) -> bool:
    """True when `node` builds a message from a literal with words outside the catalogue."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        literal = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        return has_words(literal)
    if isinstance(node, ast.BinOp):
        return bare(node.left) or bare(node.right)
    if isinstance(node, ast.IfExp):
        return bare(node.body) or bare(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # "…".format(…), "…".join(…), "…".strip(): the receiver is what is read.
        return bare(node.func.value)
    return False


def floor_files(root: Path) -> Iterator[tuple[str, ast.Module]]:
    for floor in FLOORS:
        paths = [root / floor] if floor.endswith(".py") else sorted((root / floor).rglob("*.py"))
        for path in (p for p in paths if p.is_file()):
            name = path.relative_to(root).as_posix()
            if not name.startswith(NOT_HERE):
                yield name, ast.parse(path.read_text(encoding="utf-8"))


def _called(node: ast.Call) -> str:
    func = node.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )


def bare_error_messages(name: str, tree: ast.Module, classes: dict[str, int]) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in classes:
            at = classes[_called(node)]
            given = [
                *node.args[at : at + 1],
                *(k.value for k in node.keywords if k.arg == "message"),
            ]
            if any(bare(arg) for arg in given):
                yield f"{name}:{node.lineno} {_called(node)}"


def bare_counts(name: str, tree: ast.Module) -> Iterator[str]:
    """count(n, "cramp"): an English word made plural by "s", not a whole counted message."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) == "count" and len(node.args) > 1:
            word = node.args[1]
            # str.count("\n", 0, cut) counts characters: its second argument is no word.
            if (
                isinstance(word, ast.Constant)
                and isinstance(word.value, str)
                and "{n}" not in word.value
            ):
                yield f"{name}:{node.lineno} count"


def _inside_wrappers(tree: ast.AST) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in WRAPPERS:
            inside |= {id(n) for n in ast.walk(node)}
    return inside


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            found.add(id(body[0].value))
    return found


def _not_text(tree: ast.AST) -> set[int]:
    """Literals used as data inside a message maker: keys, comparisons, subscripts."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare | ast.Subscript | ast.Dict):
            parts = [node.left, *node.comparators] if isinstance(node, ast.Compare) else []
            parts += [node.slice] if isinstance(node, ast.Subscript) else []
            parts += [k for k in node.keys if k] if isinstance(node, ast.Dict) else []
            found |= {id(n) for part in parts for n in ast.walk(part)}
        if isinstance(node, ast.keyword) and node.arg in ("field", "key", "code", "kind"):
            found.add(id(node.value))
        if isinstance(node, ast.Raise):  # an error's message is the other rule's
            found |= {id(n) for n in ast.walk(node)}
    return found


def bare_maker_lines(name: str, tree: ast.Module) -> Iterator[str]:
    wanted = MESSAGE_MAKERS.get(name)
    if wanted is None:
        return
    skip = _inside_wrappers(tree) | _docstrings(tree) | _not_text(tree)
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        if wanted != "*" and function.name not in wanted:
            continue
        for node in ast.walk(function):
            if id(node) in skip or not isinstance(node, ast.Constant | ast.JoinedStr):
                continue
            if isinstance(node, ast.JoinedStr):
                skip |= {id(n) for n in ast.walk(node)}
            if bare(node):
                yield f"{name}:{node.lineno} in {function.name}()"


def misses(root: Path = PACKAGE) -> list[str]:
    classes = user_facing_errors()
    found: list[str] = []
    for name, tree in floor_files(root):
        found += bare_error_messages(name, tree, classes)
        found += bare_maker_lines(name, tree)
        found += bare_counts(name, tree)
    return sorted(set(found))


def test_every_user_facing_error_and_dry_run_line_goes_through_the_catalogue() -> None:
    assert misses() == []


def test_the_scan_catches_a_bare_refusal_and_a_bare_dry_run_line(tmp_path: Path) -> None:
    """The rule itself: each form a miss takes is found, each translated form is not."""
    (tmp_path / "exchange").mkdir()
    (tmp_path / "exchange" / "dry_run.py").write_text(
        "def lines(n, path):\n"
        "    out = [f'{n} rows would be added.', _('Columns:'), 'Columns: ' + str(n)]\n"
        "    out.append(count(n, '{n} row', '{n} rows'))\n"
        "    raise ImportFileError(f'{path} cannot be read.')\n"
        "    raise ImportFileError(_('{path} cannot be read.').format(path=path))\n"
        "    raise CellError('The date is empty.')\n"
        "    raise CellError(f'{path} “{n}”')\n"
        "    return count(n, 'row') + count(n, '{n} row', '{n} rows')\n",
        encoding="utf-8",
    )
    assert misses(tmp_path) == [
        "exchange/dry_run.py:2 in lines()",
        "exchange/dry_run.py:4 ImportFileError",
        "exchange/dry_run.py:6 CellError",
        "exchange/dry_run.py:8 count",
    ]


# -- the sentences, under a marker catalogue ---------------------------------------------------


class Marked(gettext.NullTranslations):
    """Every message marked ⟦…⟧: a sentence without the marks bypassed the catalogue."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"⟦{msgid1 if n == 1 else msgid2}⟧"


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # cli.main installs the language it finds; it finds this one.
    monkeypatch.setattr(translation, "find", lambda *_args, **_kwargs: Marked())
    translation.install(Marked())
    yield
    translation.install(gettext.NullTranslations())


def said(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    with contextlib.suppress(SystemExit):  # argparse's way out of a usage error
        cli.main(list(args))
    out, err = capsys.readouterr()
    return [line for line in (out + err).splitlines() if line.strip()]


def unmarked(line: str, data: tuple[str, ...] = ()) -> str:
    """What is left of a line once its marked sentences and its data values are taken out."""
    line = re.sub(r"⟦[^⟦⟧]*⟧", "", line)  # innermost marks first: a sentence holds others
    while "⟦" in line:
        line = re.sub(r"⟦[^⟦⟧]*⟧", "", line)
    for value in data:
        line = line.replace(value, "")
    line = re.sub(r"\d[\d:,./ -]*|cramplog|[^\w]+", " ", line)
    return " ".join(word for word in line.split() if _WORD.search(word))


@dataclass(frozen=True)
class Sample:
    folder: Path
    sheet: Path


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    folder = tmp_path / "diary"
    diary = Diary.open(folder)
    try:
        for day in range(1, 6):  # swelling twice: a warning sign
            diary.add_episode(
                EpisodeInput(
                    start=datetime(2025, 6, day, 3, 0).astimezone(),
                    muscle="muscle.calf",
                    side=Side.LEFT,
                    duration_s=90,
                    symptoms=("symptom.swelling",) if day > 3 else (),
                )
            )
    finally:
        diary.close()
    sheet = tmp_path / "kept by hand.csv"
    sheet.write_text(
        "Date,Time,Muscle,Duration (min),Intensity\n"
        "2025-06-10,02:30,calf,2,6\n"
        "2025-06-11,03:10,calf,abc,5\n",
        encoding="utf-8",
    )
    return Sample(folder, sheet)


# Values from the diary, the file and the checklist (its labels get their own catalogue).
DATA = ("calf", "Calf", "Swelling", "Date", "Time", "Muscle", "Intensity", "Duration (min)",
        "abc", "kept by hand.csv", "Jun", "Mon", "Tue", "Wed")  # fmt: skip


def test_stats_speaks_through_the_catalogue(
    marked: None, sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = said(
        capsys,
        "stats",
        "--data-dir",
        str(sample.folder),
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-07",
    )
    assert any("⟦Cramps per week⟧" in line for line in lines)
    assert [line for line in lines if unmarked(line, DATA + _labels(sample.folder))] == []


def test_an_import_dry_run_with_a_bad_row_speaks_through_the_catalogue(
    marked: None, sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = said(capsys, "import", "--dry-run", str(sample.sheet), "--data-dir", str(sample.folder))
    text = "\n".join(lines)
    # Counted sentences come whole from the catalogue, their number filled in.
    assert "⟦1 row with errors: nothing is imported unless you choose to skip them.⟧" in text
    assert "⟦1 invalid row; an import would add nothing" in text
    assert "⟦Columns:⟧" in lines
    assert [line for line in lines if unmarked(line, DATA)] == []


def test_a_warning_sign_explains_itself_through_the_catalogue(marked: None, sample: Sample) -> None:
    from cramplog.analysis import stats, warning_signs

    diary = Diary.open(sample.folder)
    try:
        signs = warning_signs.check(diary, stats.Period(date(2025, 6, 1), date(2025, 6, 7)))
    finally:
        diary.close()
    swelling = next(s for s in signs if s.code == "warning.leg_swelling_redness")
    assert swelling.sentence.startswith("⟦2 cramps in this period came with ⟦swelling")
    assert swelling.urgency.label.startswith("⟦")
    assert unmarked(swelling.sentence, DATA) == ""


def _labels(folder: Path) -> tuple[str, ...]:
    diary = Diary.open(folder)
    try:
        return tuple(item.label for item in diary.checklist.items)
    finally:
        diary.close()
