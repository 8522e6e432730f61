"""Taking the GP summary away: the PDF with its progress, printing, and the CSV and JSON files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from cramplog.core.errors import CramplogError, ExportCancelled
from cramplog.core.translation import _
from cramplog.render import report_document
from cramplog.ui.pages import summary_printing
from cramplog.ui.pages.export_progress import ExportProgress

if TYPE_CHECKING:
    from cramplog.ui.pages.summary_page import SummaryPage


@dataclass(frozen=True)
class Seams:
    """The dialogs the page asks through, as the page holds them at the moment of asking."""

    choose_path: Callable[[QWidget, str, str, str], Path | None]
    show_error: Callable[[QWidget, str, str], None]
    run_print_dialog: Callable[[object, QWidget], bool]
    run_print_preview: Callable[[QDialog], bool]


def _suggested(name: str) -> str:
    return str(Path.home() / name)


def export_pdf(page: SummaryPage, seams: Seams) -> None:
    document = page.current_document(_("Export PDF"))
    if document is None:
        return
    period = document.report.header.period
    path = seams.choose_path(
        page,
        "pdf",
        _("Export the GP summary as PDF"),
        _suggested(f"cramp-diary-summary-{period.last.isoformat()}.pdf"),
    )
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix(".pdf")
    writing = _("Writing the PDF…")
    try:
        with ExportProgress(page, writing, _("Export PDF"), document.page_count) as progress:
            written = report_document.save_pdf(document, path, progress=progress)
    except report_document.ExportCancelled:
        page.banner.note(_("Export cancelled; nothing was written."))
        return
    except CramplogError as exc:
        seams.show_error(page, _("The PDF was not saved"), str(exc))
        return
    page.banner.saved(_("Saved to {path}").format(path=written), written)


def print_report(page: SummaryPage, seams: Seams) -> None:
    summary_printing.print_report(page, seams.run_print_dialog, seams.show_error)


def print_preview(page: SummaryPage, seams: Seams) -> None:
    summary_printing.print_preview(
        page, seams.run_print_preview, seams.run_print_dialog, seams.show_error
    )


def export_csv(page: SummaryPage, seams: Seams) -> None:
    from cramplog import exchange

    try:
        period = page.current_period()
    except ValueError as exc:
        seams.show_error(page, _("Nothing was exported"), str(exc))
        return
    folder = seams.choose_path(
        page,
        "folder",
        _("Choose a folder for episodes.csv and nights.csv"),
        str(Path.home()),
    )
    if folder is None:
        return
    try:
        with ExportProgress(page, _("Writing the CSV files…"), _("Export CSV")) as progress:
            episodes, nights = exchange.export_csv(
                page.diary,
                folder,
                first_night=period.first,
                last_night=period.last,
                progress=progress,
            )
    except ExportCancelled as exc:
        page.banner.note(str(exc))
        return
    except CramplogError as exc:
        seams.show_error(page, _("The CSV files were not saved"), str(exc))
        return
    page.banner.saved(
        _("Saved {name} and {name2} to {parent}").format(
            name=episodes.name, name2=nights.name, parent=episodes.parent
        ),
        episodes.parent,
    )


def export_json(page: SummaryPage, seams: Seams) -> None:
    from cramplog import exchange

    path = seams.choose_path(
        page,
        "json",
        _("Export the whole diary as JSON"),
        _suggested(f"cramp-diary-{page.diary.now().date().isoformat()}.json"),
    )
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix(".json")
    try:
        with ExportProgress(page, _("Writing the JSON file…"), _("Export JSON")) as progress:
            written = exchange.export_json(page.diary, path, progress=progress)
    except ExportCancelled as exc:
        page.banner.note(str(exc))
        return
    except CramplogError as exc:
        seams.show_error(page, _("The JSON file was not saved"), str(exc))
        return
    page.banner.saved(_("Saved to {path}").format(path=written), written)
