"""Messages go through gettext: every converted message reaches the person in their language.

A pseudo-language wraps every message the extraction finds in ⟦ ⟧; a line the person sees
without the brackets is a message that bypassed `_()` (or that the extraction missed, as an
f-string inside `_()` would be).
"""

from __future__ import annotations

import argparse
import array
import ast
import gettext
import struct
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from cramplog import cli
from cramplog.core import translation
from cramplog.core.records import DayFactors, EpisodeInput, Side
from cramplog.diary.service import Diary

PACKAGE = Path(cli.__file__).parent
# The modules converted so far (docs/translating.md says which are not yet).
CONVERTED = (
    "cli.py",
    "commands/__init__.py",
    "commands/backup.py",
    "commands/check.py",
    "commands/export.py",
    "commands/import_.py",
    "commands/report.py",
    "commands/restore.py",
    "commands/stats.py",
    "analysis/report/__init__.py",
    "analysis/report/content.py",
    "analysis/report/tables.py",
    "render/chart_view.py",
    "render/charts/calendar_grid.py",
    "render/charts/drawing.py",
    "render/charts/hours.py",
    "render/charts/muscles.py",
    "render/charts/reliefs.py",
    "render/charts/trend.py",
    "render/charts/triggers.py",
    "render/charts/weekly.py",
    "render/report_document/appendix_grid.py",
    "render/report_document/appendix_painter.py",
    "render/report_document/appendix_rows.py",
    "render/report_document/document.py",
    "render/report_document/front.py",
    "render/report_document/writing.py",
)
CONVERTED_COMMANDS = ("check", "stats", "report", "export", "backup", "restore", "import")
MARKERS = {"_": 1, "N_": 1, "n_": 2}


def extracted(paths: tuple[str, ...] = CONVERTED) -> set[str]:
    """The messages xgettext would find (keywords _, N_, n_:1,2), by reading the source."""
    found: set[str] = set()
    for name in paths:
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                for arg in node.args[: MARKERS.get(node.func.id, 0)]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(arg.value)
    return found


class Pseudo(gettext.NullTranslations):
    """A language whose every known message is the English one in brackets."""

    def __init__(self, messages: set[str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧" if message in self.messages else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Pseudo]:
    language = Pseudo(extracted())
    monkeypatch.setattr(translation, "find", lambda *_args, **_kwargs: language)
    translation.install(language)
    yield language


def mo_file(messages: dict[str, str]) -> bytes:
    """A compiled catalogue, as msgfmt writes it (GNU .mo, little-endian)."""
    catalogue = {"": "Content-Type: text/plain; charset=UTF-8\n", **messages}
    keys = sorted(catalogue)
    ids = strs = b""
    spans = []
    for key in keys:
        raw_id, raw_str = key.encode(), catalogue[key].encode()
        spans.append((len(ids), len(raw_id), len(strs), len(raw_str)))
        ids += raw_id + b"\0"
        strs += raw_str + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_offsets: list[int] = []
    value_offsets: list[int] = []
    for id_at, id_len, str_at, str_len in spans:
        key_offsets += [id_len, id_at + key_start]
        value_offsets += [str_len, str_at + value_start]
    head = struct.pack("<Iiiiiii", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    return head + array.array("i", key_offsets + value_offsets).tobytes() + ids + strs


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    try:
        code = cli.main(list(args))
    except SystemExit as usage:  # argparse's way out of a usage error
        code = int(usage.code or 0)
    out, err = capsys.readouterr()
    return code, [line for line in (out + err).splitlines() if line.strip()]


def filled(folder: Path) -> Path:
    diary = Diary.open(folder)
    try:
        diary.add_episode(
            EpisodeInput(start=datetime(2025, 6, 4, 3, 0).astimezone(), muscle="muscle.calf",
                         side=Side.LEFT, symptoms=("symptom.swelling",))
        )  # fmt: skip
        diary.set_day(date(2025, 6, 3), DayFactors(reviewed=True))
    finally:
        diary.close()
    return folder


# -- finding a catalogue ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "wanted"),
    [
        ({"LANG": "de_DE.UTF-8"}, ["de_DE", "de"]),
        ({"LANGUAGE": "fr_CA:de", "LANG": "en_US.UTF-8"}, ["fr_CA", "fr", "de"]),
        ({"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, []),
        ({}, []),
    ],
)
def test_the_languages_asked_for_are_read_as_gettext_reads_them(
    environ: dict[str, str], wanted: list[str]
) -> None:
    assert translation.languages(environ) == wanted


def test_a_shipped_catalogue_is_found_by_language_and_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    english = "There is no diary in {folder}; nothing was created."
    (folder / "cramplog.mo").write_bytes(mo_file({english: "Kein Tagebuch in {folder}."}))
    translation.install(translation.find(["de_DE", "de"], tmp_path / "locale"))
    assert translation._(english) == "Kein Tagebuch in {folder}."
    assert translation._("Not in the catalogue.") == "Not in the catalogue."
    # An empty label stays empty; gettext alone would answer with the catalogue's header.
    assert translation._("") == ""


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda good: b"\xde\x12\x04\x95 not a catalogue", id="bad version"),
        pytest.param(lambda good: b"", id="empty"),
        pytest.param(lambda good: good[:6], id="cut in its header"),
        pytest.param(lambda good: good[:30], id="cut in its tables"),
        pytest.param(
            lambda good: good.replace(b"charset=UTF-8", b"charset=XX-99"), id="unknown charset"
        ),
    ],
)
def test_a_damaged_or_missing_catalogue_leaves_the_messages_in_english(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "cramplog.mo").write_bytes(damage(mo_file({"Duration": "Dauer"})))
    for wanted in (["de"], ["fr"], []):
        catalogue = translation.find(wanted, tmp_path / "locale")
        assert catalogue.gettext("Duration") == "Duration"


@pytest.mark.parametrize("n", [0, 1, 2, -1, 5, 1_000_000])
def test_no_catalogue_answers_as_gettexts_own_empty_catalogue(n: int) -> None:
    # AsWritten stands in for gettext.NullTranslations without loading gettext.
    written, null = translation.AsWritten(), gettext.NullTranslations()
    for message in ("Duration", "", "{n} cramp"):
        assert written.gettext(message) == null.gettext(message)
    assert written.ngettext("{n} cramp", "{n} cramps", n) == null.ngettext(
        "{n} cramp", "{n} cramps", n
    )
    assert written.info() == null.info()


def test_with_no_catalogue_shipped_english_is_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    translation.install(translation.find(translation.languages({"LANGUAGE": "de"})))
    assert translation._("Duration") == "Duration"


# -- every converted message goes through it -------------------------------------------------


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """The help of each option and argument, the description and the epilog a parser shows."""
    for text in (parser.description, parser.epilog):
        if text:
            yield text
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue  # argparse's own "show this help message and exit" (its own catalogue)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest in CONVERTED_COMMANDS:
                    yield str(choice.help)
            for name, sub in action.choices.items():
                if name in CONVERTED_COMMANDS:
                    yield from help_texts(sub)
        elif action.help and action.help != argparse.SUPPRESS:
            yield action.help


def test_every_help_text_of_the_converted_commands_is_translated(pseudo: Pseudo) -> None:
    texts = list(help_texts(cli.build_parser()))
    assert len(texts) > 30
    untranslated = [t for t in texts if not (t.startswith("⟦") and t.endswith("⟧"))]
    assert untranslated == []


def test_every_message_of_the_converted_commands_is_translated(
    pseudo: Pseudo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty, diary = str(tmp_path / "none"), str(filled(tmp_path / "diary"))
    said: list[str] = []
    for args in (
        ("stats", "--data-dir", empty),
        ("stats", "--data-dir", diary, "--from", "1800-01-01"),
        ("stats", "--data-dir", diary, "--from", "2999-01-01"),
        ("stats", "--data-dir", diary, "--from", "2025-06-05", "--to", "2025-06-02"),
        ("stats", "--data-dir", diary, "--from", "2025-06-01", "--to", "2025-06-07"),
        ("report", "--data-dir", diary, "-o", "-"),
        ("report", "--data-dir", diary, "-o", ""),
        ("report", "--data-dir", empty, "-o", str(tmp_path / "r.pdf")),
        ("export", "json", "--data-dir", diary, "-o", " "),
        ("export", "json", "--data-dir", diary, "-o", str(tmp_path / "d.json")),
        ("export", "csv", "--data-dir", empty, "-o", str(tmp_path / "csv")),
        ("backup", "--data-dir", diary, "--list"),
        ("backup", "--data-dir", diary),
        ("backup", "--data-dir", empty),
        ("check", "--data-dir", diary),
        ("check", "--data-dir", str(tmp_path / "new")),
        ("restore", "--data-dir", diary, "newest"),
    ):
        _code, lines = run(capsys, *args)
        assert lines, args
        said += lines
    # A cited cramp is the analysis's own text (not converted yet): "night of Tue 3 Jun ...".
    own = [line for line in said if not line.startswith("    ")]
    assert [line for line in own if "⟦" not in line] == []
    assert any("⟦Cramps per week⟧" in line for line in own)  # the stats text was among them


def test_the_extraction_finds_no_message_built_before_translation() -> None:
    """An f-string or a joined string inside _() is a message no catalogue can hold."""
    for name in CONVERTED:
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                for arg in node.args[: MARKERS.get(node.func.id, 0)]:
                    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                        # _(HELP), _(module.HELP), _(LABELS[key]) translate a message marked
                        # N_() where it is defined; never an f-string or a joined one.
                        named = isinstance(arg, ast.Name | ast.Attribute | ast.Subscript)
                        called = name == "cli.py" and isinstance(arg, ast.Call)
                        assert named or called, f"{name}:{node.lineno}"
