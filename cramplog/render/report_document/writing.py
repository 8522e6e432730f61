"""Write the report as a PDF file, refusing the diary's own files as a target."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtGui import QPageSize

from cramplog import files
from cramplog.analysis import report as reports
from cramplog.core import collector
from cramplog.core.errors import ExportError, ForbiddenTargetError
from cramplog.core.translation import _
from cramplog.render.report_document.document import ExportCancelled, Progress, ReportDocument

_COMPANIONS: Final = ("", "-wal", "-shm", "-journal")


def check_pdf_target(path: Path, diary_path: Path | None) -> Path:
    """Refuse a target that is the diary or one of its journal files (by resolved path and by
    name), or a folder; return the target made absolute."""
    target = path.expanduser()
    resolved = target.resolve()
    if diary_path is not None:
        from cramplog.exchange import targets

        targets.check_target(diary_path, target)
        names = {diary_path.name + suffix for suffix in _COMPANIONS}
        if resolved.name in names or target.name in names:
            raise ForbiddenTargetError(
                _(
                    "{path} has the name of a diary file; choose another name. Nothing was written."
                ).format(path=target)
            )
    files.final_target(target, error=ExportError)  # a folder, device or FIFO is refused
    return resolved


def write_pdf(
    report: reports.Report,
    path: Path,
    *,
    page_size: QPageSize | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report as a PDF at `path`, atomically and owner-only (0600); return the path.

    Raises ForbiddenTargetError for the diary's own files, ExportError when the file cannot
    be written, ExportCancelled when `progress` asked to stop. In every failure the target is
    left as it was and no partial file remains.
    """
    check_pdf_target(Path(path), report.source)
    if progress is not None and not progress(0, 1):
        raise ExportCancelled(_("The export was cancelled; nothing was written."))
    # Laying out and painting a long appendix makes hundreds of thousands of short-lived
    # objects: a full collection in the middle would cost a fifth of the write.
    with collector.paused():
        return save_pdf(ReportDocument(report, page_size=page_size), path, progress=progress)


def save_pdf(document: ReportDocument, path: Path, *, progress: Progress | None = None) -> Path:
    """Write an already laid-out report as a PDF; the same guarantees as `write_pdf`."""
    target = check_pdf_target(Path(path), document.report.source)
    with collector.paused(), files.replacing(target, error=ExportError) as partial:
        document.write_pdf_file(partial, progress=progress)
    return target
