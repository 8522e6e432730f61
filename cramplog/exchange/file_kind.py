"""Tell what an import file is from its bytes, never its name, and word the refusal of the rest."""

from __future__ import annotations

import enum
import io
import zipfile

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import N_, _

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An Office file saved with a password is an OLE2 container holding these two streams
# (their names are stored in UTF-16-LE); an old .xls holds a "Workbook" or "Book" stream.
_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_OLD_EXCEL = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
# How far into a text file to look for its kind (an XML file's root, binary bytes).
_LOOK_AHEAD = 64 * 1024


class FileKind(enum.Enum):
    """What a file turned out to be; only TEXT, XLSX and ODS are read further."""

    TEXT = "text"  # a CSV or JSON file: the text decides which
    XLSX = "xlsx"
    ODS = "ods"


# Known binary files, by their first bytes, and what to call them in a refusal.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", N_("a PDF document")),
    (
        b"SQLite format 3\x00",
        N_("a SQLite database (a cramplog diary or backup is restored, not imported)"),
    ),
    (b"\x89PNG", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")),
    (b"\x1f\x8b", N_("a gzip-compressed file")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-Zip archive")),
    (b"Rar!", N_("a RAR archive")),
    (b"{\\rtf", N_("a Rich Text (RTF) document")),
)


def recognise(raw: bytes) -> FileKind:
    """The kind of file `raw` is; ImportFileError naming it when it cannot be imported."""
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(raw)
    if raw.startswith(_OLE2):
        raise ImportFileError(_ole2_refusal(raw))
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise ImportFileError(
                _("The file is {what}, not a diary export or a spreadsheet. {ask}").format(
                    what=_(what), ask=_(_ASK)
                )
            )
    head = _text_head(raw)
    if head is not None and head.startswith("<"):
        raise ImportFileError(_xml_refusal(head))
    return FileKind.TEXT


_ASK = N_(
    "cramplog imports a cramplog export, a CSV file, or an .xlsx or .ods "
    "workbook; nothing was imported."
)


def _zip_kind(raw: bytes) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 200:
                    mimetype = archive.read(info).strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
        raise ImportFileError(
            _(
                "The file is a damaged zip archive (perhaps a workbook that did not "
                "finish saving: {reason}); nothing was imported."
            ).format(reason=exc)
        ) from exc
    except NotImplementedError as exc:
        raise ImportFileError(
            _(
                "The file is a zip archive packed in a way cramplog cannot unpack "
                "({reason}); nothing was imported."
            ).format(reason=exc)
        ) from exc
    if mimetype == ODS_MIMETYPE:
        return FileKind.ODS
    if "xl/workbook.xml" in names:
        return FileKind.XLSX
    if mimetype.startswith(b"application/vnd.oasis.opendocument."):
        what = _("an OpenDocument file that is not a spreadsheet ({kind})").format(
            kind=mimetype.decode("ascii", "replace").rpartition(".")[2]
        )
    elif "word/document.xml" in names:
        what = _("a Word document")
    elif "ppt/presentation.xml" in names:
        what = _("a PowerPoint presentation")
    elif any(name.endswith("apple_health_export/export.xml") for name in names):
        raise ImportFileError(_apple_health(_("a zip archive")))
    elif "Index/Document.iwa" in names:
        what = _("an Apple Numbers document (export it from Numbers as CSV or Excel)")
    else:
        what = _("a zip archive that holds no workbook")
    raise ImportFileError(_("The file is {what}. {ask}").format(what=what, ask=_(_ASK)))


def _apple_health(form: str) -> str:
    return _(
        "This is an Apple Health export ({form}). cramplog cannot read it: it "
        "holds steps, heart rate and other measurements, not a diary of cramps. "
        "Log cramps in cramplog, or import a CSV of them; nothing was imported."
    ).format(form=form)


def _ole2_refusal(raw: bytes) -> str:
    if any(name in raw for name in _ENCRYPTED):
        return _(
            "The file is a password-protected Office file. Open it in your "
            "spreadsheet program, remove the password (or save a copy as CSV or "
            ".xlsx without one) and import that; nothing was imported."
        )
    if any(name in raw for name in _OLD_EXCEL):
        return _(
            "The file is an old Excel workbook (.xls, Excel 97–2003). Save it from "
            "your spreadsheet program as .xlsx or CSV and import that; nothing was "
            "imported."
        )
    return _("The file is an old-style Office document (not a workbook). {ask}").format(ask=_(_ASK))


def _text_head(raw: bytes) -> str | None:
    """The start of the file as text, without a byte-order mark, or None if it is not text."""
    head = raw[:_LOOK_AHEAD]
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "ignore").lstrip()
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] != 0:
        return head.decode("utf-16-le", "ignore").lstrip()
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] != 0:
        return head.decode("utf-16-be", "ignore").lstrip()
    if b"\x00" in head:
        return None
    return head.decode("utf-8", "ignore").lstrip()


def _xml_refusal(head: str) -> str:
    if "<HealthData" in head:
        return _apple_health("XML")
    lowered = head[:2000].lower()
    if lowered.startswith("<!doctype html") or "<html" in lowered:
        return _(
            "The file is a web page (HTML), not a diary export or a spreadsheet. {ask}"
        ).format(ask=_(_ASK))
    if "urn:schemas-microsoft-com:office:spreadsheet" in head:
        return _(
            "The file is an Excel 2003 XML spreadsheet. Save it from your "
            "spreadsheet program as .xlsx or CSV and import that; nothing was "
            "imported."
        )
    return _("The file is an XML document, not a diary export or a spreadsheet. {ask}").format(
        ask=_(_ASK)
    )
