"""A file is known by its content, never its name: each kind cramplog cannot import is refused
with a line naming what it is, and the diary is left as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ExportError, ImportFileError
from cramplog.diary.service import Diary
from cramplog.exchange import importer
from cramplog.exchange.file_kind import FileKind, recognise
from tests.unit.data_safety import log_cramp


def zipped(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

REFUSED = [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"SQLite format 3\x00" + b"\x00" * 84, "a SQLite database"),
    (zipped({"readme.txt": "hello"}), "a zip archive that holds no workbook"),
    (zipped({"word/document.xml": "<w/>"}), "a Word document"),
    (
        zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
        "OpenDocument file that is not a spreadsheet (text)",
    ),
    (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData>\n<HealthData locale="en">',
        "This is an Apple Health export (XML)",
    ),
    (
        zipped({"apple_health_export/export.xml": "<HealthData/>"}),
        "Apple Health export (a zip archive)",
    ),
    (b'<?xml version="1.0"?><rss><channel/></rss>', "an XML document"),
    (b"<!DOCTYPE html><html><body>cramps</body></html>", "a web page (HTML)"),
    (OLE2 + "EncryptionInfo".encode("utf-16-le"), "password-protected Office file"),
    (OLE2 + "Workbook".encode("utf-16-le"), "old Excel workbook (.xls"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00garbage", "damaged zip archive"),
    (bytes(range(1, 32)) * 40, "not text"),
]


@pytest.mark.parametrize(("content", "named"), REFUSED)
@pytest.mark.parametrize("name", ["cramps.csv", "cramps.xlsx", "diary.json"])
def test_a_file_that_is_not_importable_is_refused_by_what_it_is(
    diary: Diary, tmp_path: Path, content: bytes, named: str, name: str
) -> None:
    log_cramp(diary, 0)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as raised:
        exchange.plan_import(diary, path)
    assert named in str(raised.value)
    assert "\n" not in str(raised.value)
    assert diary.count_episodes() == 1


def test_a_csv_named_json_is_read_as_the_csv_it_is(diary: Diary, tmp_path: Path) -> None:
    path = tmp_path / "cramps.json"
    path.write_text("Date,Time,Muscle\n2026-03-01,02:10,Calf\n")
    plan = exchange.plan_import(diary, path)
    assert plan.source is exchange.SourceKind.SPREADSHEET and len(plan.batch.episodes) == 1


def test_a_json_export_named_csv_is_read_as_json(diary: Diary, tmp_path: Path) -> None:
    log_cramp(diary, 0)
    exported = exchange.export_json(diary, tmp_path / "export.json")
    path = tmp_path / "export.csv"
    path.write_bytes(exported.read_bytes())
    assert exchange.plan_import(diary, path).source is exchange.SourceKind.JSON


def test_the_size_is_checked_before_the_kind(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-" + b"x" * 2000)
    with pytest.raises(ImportFileError, match="more than the"):
        importer.read_source(path, limit=1000)


@pytest.mark.parametrize(
    "content",
    [b"Date,Muscle\n", "Date,Muscle\n".encode("utf-16"), b"\xef\xbb\xbfDate;Muscle\n"],
)
def test_text_in_every_encoding_read_is_text(content: bytes) -> None:
    assert recognise(content) is FileKind.TEXT


def test_bytes_named_as_a_workbook_are_refused_as_a_damaged_workbook_not_as_a_csv(
    diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "cramps.xlsx"
    path.write_bytes(bytes(range(128, 256)) * 20)  # no zip, no text
    with pytest.raises(ImportFileError) as refused:
        exchange.plan_import(diary, path)
    message = str(refused.value)
    assert message.startswith("cramps.xlsx is named as a workbook but is not one cramplog can")
    assert "CSV UTF-8" not in message


def test_export_csv_into_a_device_names_what_it_is(diary: Diary) -> None:
    with pytest.raises(ExportError, match=r"^/dev/null is a device; CSV export needs a folder"):
        exchange.export_csv(diary, Path("/dev/null"))
