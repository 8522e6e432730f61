"""The GP summary as a PDF: what a doctor reads, what it refuses to do, and how it is written."""

from __future__ import annotations

import gc
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QPageSize, QTextDocument

from cramplog.analysis import report, stats, warning_signs
from cramplog.analysis.report import appendix_ahead
from cramplog.core.errors import ExportError, ForbiddenTargetError
from cramplog.core.records import DayFactors, EpisodeInput, ReliefRating, Side, VocabularyKind
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.files import bug_log
from cramplog.render import report_document
from tests.conftest import LONDON, NOW

# Each test lays out and writes a PDF of many pages.
pytestmark = pytest.mark.slow

WEEK = stats.Period(date(2026, 3, 2), date(2026, 3, 8), "That week")
HUGE_NOTE = ("Long night. " * 8_500) + "END-OF-THE-HUGE-NOTE"
HOSTILE_NOTES = (
    "<b>x</b>",
    '<img src="file:///etc/passwd">',
    '<a href="http://example.com/x">a link</a>',
    '=HYPERLINK("http://x")',
    r"$\frac{1}{2}$",
    "Cramp again 😖 at night",
    "שלום עולם",
    HUGE_NOTE,
)


def words(text: str) -> str:
    """Text with every run of whitespace as one space (the PDF places words, not spaces)."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    return [words(page.extract_text(extraction_mode="layout")) for page in reader.pages]


def plain_texts(path: Path) -> list[str]:
    """The text of each page in the order it was drawn (turned headings included, which the
    layout mode leaves out)."""
    return [words(page.extract_text()) for page in pypdf.PdfReader(path).pages]


def image_count(path: Path) -> int:
    """Image XObjects drawn on the pages, wherever they are nested."""
    reader = pypdf.PdfReader(path)
    seen: set[int] = set()

    def visit(resources: object) -> int:
        count = 0
        xobjects = resources.get("/XObject") if isinstance(resources, dict) else None
        if xobjects is None:
            return 0
        for reference in xobjects.get_object().values():
            key = id(reference.get_object())
            target = reference.get_object()
            if key in seen:
                continue
            seen.add(key)
            if target.get("/Subtype") == "/Image":
                count += 1
            elif target.get("/Subtype") == "/Form":
                count += visit(target.get("/Resources", {}).get_object())
        return count

    return sum(visit(page.get("/Resources", {}).get_object()) for page in reader.pages)


def cramp(when: datetime, notes: str = "", **extra: object) -> EpisodeInput:
    fields: dict[str, object] = {
        "muscle": "muscle.calf",
        "side": Side.LEFT,
        "duration_s": 150,
        "intensity": 6,
        "woke_from_sleep": True,
        "reliefs": (("relief.stretch", ReliefRating.HELPED),),
        "notes": notes,
    }
    fields.update(extra)
    return EpisodeInput(start=when.replace(tzinfo=LONDON), **fields)  # type: ignore[arg-type]


def log_the_week(diary: Diary) -> Diary:
    """The week of 2–8 March 2026: a cramp a night on the first four nights, one of them a
    15-minute cramp stretching did not relieve, and hostile notes on cramps of the 7th."""
    diary.add_episode(cramp(datetime(2026, 3, 3, 2, 10)))
    diary.add_episode(cramp(datetime(2026, 3, 4, 3, 20), muscle="muscle.foot", side=Side.RIGHT))
    diary.add_episode(
        cramp(
            datetime(2026, 3, 5, 1, 5),
            duration_s=900,
            intensity=9,
            reliefs=(("relief.stretch", ReliefRating.NOT_HELPED),),
        )
    )
    diary.add_episode(cramp(datetime(2026, 3, 6, 4, 45)))
    for minute, note in enumerate(HOSTILE_NOTES):
        diary.add_episode(cramp(datetime(2026, 3, 7, 14, minute), note, woke_from_sleep=False))
    for night in (6, 8):
        diary.mark_cramp_free(date(2026, 3, night))
    for night in (2, 3, 4, 5, 7):  # the cramp nights were reviewed the next morning
        diary.set_day(date(2026, 3, night), DayFactors(reviewed=True))
    return diary


@pytest.fixture
def week(diary: Diary) -> Diary:
    return log_the_week(diary)


@pytest.fixture(scope="module")
def week_pdf(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The week's summary for Ann, written once: the tests that only read it share it."""
    folder = tmp_path_factory.mktemp("week")
    diary = log_the_week(Diary.open(folder / "data", clock=lambda: NOW))
    try:
        summary = report.build_report(
            diary,
            period=WEEK,
            comparison=WEEK.previous(),
            name="<i>Ann</i> Example",
            questions='Is it the statin?\n<img src="file:///etc/passwd">',
        )
        yield report_document.write_pdf(
            summary, folder / "summary.pdf", page_size=QPageSize(QPageSize.PageSizeId.A4)
        )
    finally:
        diary.close()


@pytest.fixture(scope="module")
def week_pages(week_pdf: Path) -> list[str]:
    """The text of each page of the week's summary, read once."""
    return page_texts(week_pdf)


def test_page_one_says_what_it_is_and_gives_the_headline_numbers(week_pages: list[str]) -> None:
    first = week_pages[0]
    assert "Muscle cramp diary — summary for my GP" in first
    assert "Patient-kept diary — not a diagnosis" in first
    assert "Name: <i>Ann</i> Example" in first
    assert "2 Mar 2026 – 8 Mar 2026 (7 nights)" in first
    # 12 cramps on 7 recorded nights (5 cramp nights, the 6th and 8th cramp-free): 12.0 a week.
    assert "Cramps per week 12.0" in first
    assert "Cramps over 10 minutes 1" in first
    assert "Questions for my GP" in first
    assert '<img src="file:///etc/passwd">' in first


def test_warning_signs_come_first_with_their_dates(week_pages: list[str]) -> None:
    first = week_pages[0]
    assert "Warning signs found in the diary" in first
    warning = first.index("Seek medical advice now:")
    assert "Cramp over 10 minutes despite stretching" in first
    assert "4 Mar 2026" in first[warning:]
    assert warning < first.index("Headline numbers")


def test_a_cramp_at_0159_on_sunday_is_the_night_of_saturday_in_every_citation(
    qapp: object, diary: Diary, tmp_path: Path
) -> None:
    diary.add_episode(cramp(datetime(2026, 3, 8, 1, 59), symptoms=("symptom.swelling",)))
    saturday = "night of Sat 7 Mar 2026, 01:59"
    (sign,) = warning_signs.check(diary, WEEK)
    assert f"(latest: {saturday})" in sign.sentence
    assert sign.evidence[0].describe() == f"N{saturday[1:]} — Calf (left): Swelling"
    summary = report.build_report(diary, period=WEEK)
    (line,) = summary.warnings
    assert line.cited_text == saturday
    first = page_texts(report_document.write_pdf(summary, tmp_path / "sunday.pdf"))[0]
    assert f"(latest: {saturday})" in first
    assert f"When: {saturday}." in first
    assert "8 Mar 2026," not in first and "8 March" not in first
    # The appendix lists it under Saturday the 7th at 01:59 too.
    assert summary.appendix[0].night_of == date(2026, 3, 7)


def test_the_appendix_lists_each_cramp_on_one_line(week_pages: list[str]) -> None:
    appendix = " ".join(week_pages[1:])
    assert "Appendix: every cramp in the period (12 cramps)" in appendix
    assert "March 2026" in appendix
    assert "Mon 2 02:10 Calf L 2:30 6 yes ✓" in appendix
    assert "Tue 3 03:20 Foot or toes R 2:30 6 yes ✓" in appendix
    assert "Wed 4 01:05 Calf L 15:00 9 yes ✗" in appendix


LONG_TRIGGER = "Carried the shopping up four flights of stairs after a long day standing"


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_the_appendix_shows_each_cramps_symptoms_with_warning_signs_marked_and_its_triggers(
    qapp: object, diary: Diary, tmp_path: Path, paper: QPageSize.PageSizeId
) -> None:
    own = diary.add_custom_item(VocabularyKind.TRIGGER, LONG_TRIGGER)
    diary.add_episode(
        cramp(
            datetime(2026, 3, 3, 2, 10),
            symptoms=("symptom.numbness", "symptom.soreness_after"),
            triggers=("trigger.dehydration", own.code),
            triggers_asked=True,
        )
    )
    diary.add_episode(cramp(datetime(2026, 3, 4, 3, 20), symptoms=("symptom.twitching",)))
    summary = report.build_report(diary, period=WEEK)
    path = report_document.write_pdf(summary, tmp_path / "s.pdf", page_size=QPageSize(paper))
    appendix = " ".join(page_texts(path)[1:])
    # The headings wrap over two lines (where depends on the column's width), read here side
    # by side.
    assert all(word in appendix for word in ("Symptoms", "(⚠", "warning", "sign)"))
    assert "Other" in appendix and "triggers" in appendix
    # Numbness is a warning sign: marked with a shape that prints in black and white.
    assert "⚠ Numbness" in appendix
    assert "Soreness" in appendix and "afterwards" in appendix and "⚠ Soreness" not in appendix
    assert "Twitching" in appendix and "⚠ Twitching" not in appendix
    # Dehydration has a column of its own, its heading turned on its side (read here from
    # the page's text in drawing order): the cramp that noted it has its mark there, the
    # other none, and the legend says what the mark means.
    assert "Dehydration" in " ".join(plain_texts(path)[1:])
    assert "◆ suspected trigger" in appendix
    assert "Mon 2 02:10 Calf L 2:30 6 yes ✓ ⚠ Numbness, Soreness ◆ Carried" in appendix
    assert "Tue 3 03:20 Calf L 2:30 6 yes ✓ Twitching 2 Mar 2026" in appendix
    # A trigger too long for a turned heading is named in the text column; it wraps within
    # its column: every word of it is printed, none cut.
    position = 0
    for word in LONG_TRIGGER.split():
        found = appendix.find(word, position)
        assert found >= 0, word
        position = found + len(word)


def test_hostile_notes_are_printed_literally_and_load_nothing(
    week_pdf: Path, week_pages: list[str]
) -> None:
    text = " ".join(week_pages)
    # The notes column may wrap a note anywhere; read without the line breaks, each is there
    # character for character (no markup was obeyed, nothing dropped).
    unwrapped = "".join(text.split())
    for note in HOSTILE_NOTES[:5]:
        assert "".join(note.split()) in unwrapped, note
    assert "Cramp again" in text and "at night" in text
    assert "שלום" in text and "עולם" in text
    # The notes column may break the last words at a hyphen; they are all printed.
    assert "END-OF-THE-HUGE-NOTE" in text.replace("- ", "-")
    # The only pictures in the file are the two charts: no note or name pulled one in.
    assert image_count(week_pdf) == 2


def test_every_page_is_numbered_and_repeats_the_appendix_headings(week_pages: list[str]) -> None:
    pages = week_pages
    count = len(pages)
    assert count >= 3  # the 100 kB note alone runs over pages
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in text
    for text in pages[1:]:
        assert "Night of Time Muscle Side" in text


def test_the_pdf_is_private_and_replaces_an_older_one_whole(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.pdf"
    target.write_bytes(b"an older summary")
    summary = report.build_report(week, period=WEEK)
    written = report_document.write_pdf(summary, target)
    assert written == target.resolve()
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["summary.pdf"]


def test_cancelling_leaves_the_old_file_and_no_partial_one(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.pdf"
    target.write_bytes(b"an older summary")
    seen: list[tuple[int, int]] = []
    collecting: list[bool] = []

    def cancel_on_the_second_page(done: int, total: int) -> bool:
        seen.append((done, total))
        collecting.append(gc.isenabled())
        return done < 1

    summary = report.build_report(week, period=WEEK)
    assert gc.isenabled()
    with pytest.raises(report_document.ExportCancelled):
        report_document.write_pdf(summary, target, progress=cancel_on_the_second_page)
    assert target.read_bytes() == b"an older summary"
    assert sorted(p.name for p in folder.iterdir()) == ["summary.pdf"]
    assert seen[-1][0] == 1
    # The cycle collector rests while the pages are painted (every call after the first,
    # which asks before anything is laid out), and is back once the write ends.
    assert len(collecting) > 1 and not any(collecting[1:])
    assert gc.isenabled()


def test_a_pdf_the_disk_cannot_hold_leaves_the_old_file_and_says_so(
    qapp: object, week: Diary, data_dir: Path, tmp_path: Path
) -> None:
    """The PDF is written to its file as it is painted: a write that fails half-way (here a
    file-size limit, as a full disk would) must never be renamed into place."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.pdf"
    target.write_bytes(b"an older summary")
    week.close()
    script = (
        "import resource, signal, sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from cramplog.analysis import report, stats\n"
        "from cramplog.core.errors import ExportError\n"
        "from cramplog.diary.service import Diary\n"
        "from cramplog.render import report_document\n"
        "report_document.headless_application()\n"
        f"diary = Diary.open(Path({str(data_dir)!r}))\n"
        "summary = report.build_report(diary, period=stats.Period(date(2026, 3, 2), "
        "date(2026, 3, 8)))\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))\n"
        "try:\n"
        f"    report_document.write_pdf(summary, Path({str(target)!r}))\n"
        "except ExportError as refused:\n"
        "    print(refused)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    (said,) = result.stdout.splitlines()
    assert said.startswith(f"{target} could not be written") and said.endswith(
        "Nothing was written."
    )
    assert target.read_bytes() == b"an older summary"
    assert sorted(p.name for p in folder.iterdir()) == ["summary.pdf"]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_diary_and_its_journal_files_are_refused_as_targets(
    qapp: object, week: Diary, suffix: str
) -> None:
    summary = report.build_report(week, period=WEEK)
    target = week.path.with_name(week.path.name + suffix)
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(ForbiddenTargetError):
        report_document.write_pdf(summary, target)
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_file_named_like_a_diary_is_refused_anywhere(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    summary = report.build_report(week, period=WEEK)
    with pytest.raises(ForbiddenTargetError):
        report_document.write_pdf(summary, tmp_path / "diary.sqlite3-wal")
    assert not (tmp_path / "diary.sqlite3-wal").exists()


def test_a_folder_or_a_missing_folder_is_a_clear_error(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    summary = report.build_report(week, period=WEEK)
    with pytest.raises(ExportError, match="is a folder"):
        report_document.write_pdf(summary, tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        report_document.write_pdf(summary, tmp_path / "missing" / "summary.pdf")


def test_letter_paper_where_asked(qapp: object, week: Diary, tmp_path: Path) -> None:
    summary = report.build_report(week, period=WEEK, sections={report.Section.HEADLINE})
    path = report_document.write_pdf(
        summary, tmp_path / "letter.pdf", page_size=report_document.page_size_named("letter")
    )
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_an_empty_period_still_renders_and_says_so(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    empty = stats.Period(date(2025, 1, 1), date(2025, 1, 31), "January")
    path = report_document.write_pdf(
        report.build_report(week, period=empty), tmp_path / "empty.pdf"
    )
    text = " ".join(page_texts(path))
    assert report.NOTHING_TO_SHOW in text
    assert "No cramps were logged in this period." in text
    assert image_count(path) == 0


def test_the_document_never_loads_a_resource_from_outside(qapp: object) -> None:
    document = report_document.SealedDocument()
    document.setHtml('<p>x<img src="file:///etc/passwd"><a href="http://example.com">y</a></p>')
    loaded = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("file:///etc/passwd"))
    assert loaded is None


def test_printing_draws_the_same_pages_on_a_printer(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    document = report_document.ReportDocument(report.build_report(week, period=WEEK))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    document.print_to(printer)
    printed = page_texts(tmp_path / "printed.pdf")
    assert len(printed) == document.page_count
    assert "Patient-kept diary — not a diagnosis" in printed[0]
    assert f"Page {document.page_count} of {document.page_count}" in printed[-1]


def test_a_cancelled_print_says_what_the_printer_already_had(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    document = report_document.ReportDocument(report.build_report(week, period=WEEK))
    assert document.page_count >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with pytest.raises(report_document.ExportCancelled) as cancelled:
        document.print_to(printer, progress=lambda done, total: done < 1)
    # Qt's PDF printer cannot abort a job once begun: the first page went, and no more.
    assert cancelled.value.pages_done == 1
    assert cancelled.value.withdrawn is False
    assert len(page_texts(tmp_path / "printed.pdf")) == 1


def test_the_preview_draws_the_same_pages(qapp: object, week: Diary) -> None:
    summary = report.build_report(week, period=WEEK)
    document = report_document.ReportDocument(summary)
    image = document.render_page(0, 400)
    assert image.width() == 400
    assert image.height() == round(400 * document.page.height() / document.page.width())
    # Something was drawn: not every pixel is the white of the paper.
    assert len({image.pixel(x, y) for x in range(0, 400, 7) for y in range(0, 500, 7)}) > 1


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    folder = tmp_path_factory.mktemp("ten-years")
    sample.create_sample_diary(folder, size=sample.SampleSize(years=10, episodes_per_week=29))
    diary = Diary.open(folder)
    yield diary
    diary.close()


def test_ten_years_fit_page_one(qapp: object, ten_years: Diary, tmp_path: Path) -> None:
    period = stats.diary_presets(ten_years)[stats.PeriodPreset.ALL]
    summary = report.build_report(ten_years, period=period, comparison=period.previous())
    document = report_document.ReportDocument(summary)
    assert document.front_pages == 1
    path = report_document.save_pdf(document, tmp_path / "ten-years.pdf")
    assert len(pypdf.PdfReader(path).pages) == document.page_count


def test_the_appendix_lists_every_cramp_of_a_year_in_order(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "year"
    sample.create_sample_diary(folder, size=sample.SampleSize(years=1, episodes_per_week=29))
    year = Diary.open(folder)
    try:
        period = stats.diary_presets(year)[stats.PeriodPreset.ALL]
        summary = report.build_report(year, period=period)
        rows = list(summary.appendix)
        path = report_document.write_pdf(summary, tmp_path / "year.pdf")
    finally:
        year.close()
    assert len(rows) > 1000
    text = " ".join(page_texts(path)[1:])
    # Each cramp's time and muscle, one after another in the diary's order: none is left out.
    position = 0
    for row in rows:
        clock = row.start_local.strftime("%H:%M") if row.time_noted else "–"
        found = text.find(f"{clock} {row.muscle}", position)
        assert found >= 0, (row.start_local, row.muscle)
        position = found + 1


def test_a_trigger_noted_on_many_cramps_gets_a_column_of_marks(
    qapp: object, diary: Diary, tmp_path: Path
) -> None:
    for day in range(3, 9):  # the nights of 2 to 7 March, nine cramps each
        for hour in range(9):
            diary.add_episode(
                cramp(
                    datetime(2026, 3, day, hour, 10),
                    triggers=("trigger.dehydration",),
                    triggers_asked=True,
                )
            )
    diary.add_episode(
        cramp(datetime(2026, 3, 8, 8, 40), triggers=("trigger.caffeine",), triggers_asked=True)
    )
    summary = report.build_report(diary, period=WEEK)
    path = report_document.write_pdf(summary, tmp_path / "s.pdf")
    appendix = " ".join(page_texts(path)[1:])
    plain = " ".join(plain_texts(path)[1:])
    # Dehydration, on 54 of the 55 cramps, is a column headed with its name: a mark on
    # each of its cramps, its name never repeated in a row; the legend says what a mark is.
    assert "Dehydration" in plain and "Dehydration" not in appendix
    legends = appendix.count("◆ suspected trigger")
    assert legends >= 1
    assert appendix.count("◆") == 54 + legends
    # Caffeine, on one cramp in 55, is named in the text column on its row.
    assert "08:40 Calf L 2:30 6 yes ✓ Caffeine" in appendix


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_page_one_keeps_its_margins_and_never_runs_under_the_footer(
    qapp: object, ten_years: Diary, paper: QPageSize.PageSizeId
) -> None:
    period = stats.diary_presets(ten_years)[stats.PeriodPreset.ALL]
    summary = report.build_report(ten_years, period=period, comparison=period.previous())
    document = report_document.ReportDocument(summary, page_size=QPageSize(paper))
    scale = 2  # pixels per point
    image = document.render_page(0, round(document.page.width() * scale))
    white = image.pixel(0, 0)
    margin = report_document.MARGIN
    # Nothing in the left and right margins (the footer starts at the margin too).
    for x in [
        *range(0, round((margin - 1) * scale)),
        *range(image.width() - round((margin - 1) * scale), image.width()),
    ]:
        column = {image.pixel(x, y) for y in range(0, image.height(), 2)}
        assert column == {white}, f"something drawn {x / scale:.0f} pt from the edge"
    # Between where the text must end and the footer's rule, the page is blank: a row that
    # does not fit moves on to the next page instead of running under the footer.
    text_ends = document.page.height() - margin - report_document.FOOTER_GAP
    for y in range(round(text_ends * scale) + 1, round((text_ends + 3) * scale)):
        row = {image.pixel(x, y) for x in range(0, image.width(), 2)}
        assert row == {white}, f"text runs {y / scale - text_ends:.1f} pt below its area"


def test_a_cramp_noted_by_date_only_is_listed_with_time_not_noted(
    qapp: object, diary: Diary, tmp_path: Path
) -> None:
    from cramplog.core import nights

    diary.add_episode(cramp(datetime(2026, 3, 3, 2, 10)))
    diary.add_episode(cramp(datetime(2026, 3, 3, 4, 0), duration_s=3900))
    # Noted on Wednesday 4 March with no time: the night of Tuesday 3 March.
    noted = nights.date_only_start(date(2026, 3, 4))
    diary.add_episode(cramp(noted, "felt it on waking", time_noted=False, woke_from_sleep=None))
    summary = report.build_report(diary, period=WEEK, comparison=WEEK.previous())
    pages = page_texts(
        report_document.write_pdf(
            summary, tmp_path / "s.pdf", page_size=QPageSize(QPageSize.PageSizeId.A4)
        )
    )
    appendix = words(" ".join(pages[1:]))
    assert "Mon 2 02:10 Calf L 2:30 6 yes ✓" in appendix
    # Over an hour, the Min:s column still counts minutes: 65 of them, not "1:05:00".
    assert "04:00 Calf L 65:00 6 yes ✓" in appendix
    assert "Tue 3 – Calf L 2:30 6 ✓ Time not noted. felt it on waking" in appendix
    # The night-time count calls it not known rather than guessing from the sleep hours.
    assert "2 / 0; 1 not known, time not noted" in words(pages[0])


def test_with_no_relief_noted_page_one_claims_no_count_of_tries(qapp: object, diary: Diary) -> None:
    # Cramps imported from a file with no relief column: whether anything was tried is not
    # known, so page one does not say "0" tried.
    for day in (3, 4):
        diary.add_episode(cramp(datetime(2026, 3, day, 2, 10), reliefs=()))
    front = report_document.ReportDocument(report.build_report(diary, period=WEEK)).front
    text = front.toPlainText()
    table = text[text.index("What was tried, and whether it helped") :].splitlines()
    row = table.index("No relief method noted")
    assert table[row + 1 : row + 3] == ["", ""]  # no count of tries, no share helped
    assert "Nothing recorded" not in text


def test_the_woke_column_says_no_and_leaves_not_answered_blank(
    qapp: object, diary: Diary, tmp_path: Path
) -> None:
    from cramplog.render.report_document.appendix_rows import WOKE, compact_rows

    # Monday night: a cramp that woke her, one that did not, and one she never said.
    diary.add_episode(cramp(datetime(2026, 3, 3, 2, 10), woke_from_sleep=True))
    diary.add_episode(cramp(datetime(2026, 3, 3, 2, 20), woke_from_sleep=False))
    diary.add_episode(cramp(datetime(2026, 3, 3, 2, 30), woke_from_sleep=None))
    summary = report.build_report(diary, period=WEEK)
    rows = summary.appendix.read_plain(
        lambda plain: compact_rows(plain, relief_labels={}, relief_codes={}, trigger_columns={})
    ).rows
    assert [row[WOKE] for row in rows] == ["yes", "no", ""]
    pages = page_texts(
        report_document.write_pdf(
            summary, tmp_path / "s.pdf", page_size=QPageSize(QPageSize.PageSizeId.A4)
        )
    )
    appendix = " ".join(pages[1:])
    assert "02:10 Calf L 2:30 6 yes ✓" in appendix
    assert "02:20 Calf L 2:30 6 no ✓" in appendix
    assert "02:30 Calf L 2:30 6 ✓" in appendix
    # The legend says what a blank means, so it is not read as "no".
    assert "blank: not noted" in appendix  # a blank Woke cell is not a "no"


# -- every heading goes through the catalogue --------------------------------------------------

# The modules whose messages the PDF shows: its layout, and the report's own wording.
PDF_MODULES = (
    "render/report_document/appendix_grid.py",
    "render/report_document/appendix_painter.py",
    "render/report_document/appendix_rows.py",
    "render/report_document/document.py",
    "render/report_document/front.py",
    "analysis/report/content.py",
    "analysis/report/__init__.py",
)


def test_every_heading_of_the_pdf_is_shown_in_the_persons_language(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    from cramplog.core import translation
    from tests.unit.core.test_translation import Pseudo, extracted

    translation.install(Pseudo(extracted(PDF_MODULES)))
    summary = report.build_report(week, period=WEEK, comparison=WEEK.previous())
    path = report_document.write_pdf(summary, tmp_path / "pseudo.pdf")
    pages = page_texts(path)
    text = " ".join(pages)
    # A heading is bracketed when it came from the catalogue: the pseudo-language does that.
    for heading in (
        "⟦Muscle cramp diary — summary for my GP⟧",
        "⟦Patient-kept diary — not a diagnosis⟧",
        "⟦Warning signs found in the diary⟧",
        "⟦Headline numbers⟧",
        "⟦Muscles and side⟧",
        "⟦What was tried, and whether it helped⟧",
        "⟦Possible triggers⟧",
        "⟦Medicines and supplements during the period⟧",
        "⟦Questions for my GP⟧",
        "⟦Appendix: every cramp in the period (⟦12 cramps⟧)⟧",
        "⟦Time⟧",  # the appendix's columns (the longer headings wrap over two lines)
        "⟦Muscle⟧",
        "⟦Woke⟧",
        "⟦Notes⟧",
    ):
        assert heading in text, heading
    assert all("⟦Page " in page for page in pages)
    # And none of them is shown as written in English, outside the brackets.
    outside, depth = [], 0
    for char in text:  # the text outside every bracket, nested ones too
        depth += {"⟦": 1, "⟧": -1}.get(char, 0)
        outside.append(char if depth == 0 and char != "⟧" else " ")
    outside_text = words("".join(outside))
    for english in (
        "summary for my GP",
        "not a diagnosis",
        "Warning signs",
        "Headline numbers",
        "Muscles and side",
        "whether it helped",
        "Possible triggers",
        "Medicines and supplements",
        "Questions for my GP",
        "every cramp in the period",
        "Night of: the evening",
        "Page 1 of",
    ):
        assert english not in outside_text, english


def appendix_readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "cramplog-appendix-read"]


def test_a_bug_in_reading_the_appendix_ahead_changes_nothing_in_the_pdf(
    qapp: object, week: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = report.build_report(week, period=WEEK)
    expected = page_texts(report_document.write_pdf(summary, tmp_path / "as-usual.pdf"))

    def a_bug(*args: object, **kwargs: object) -> Iterator[str]:
        raise ZeroDivisionError
        yield ""  # a generator, as the real one

    monkeypatch.setattr(appendix_ahead, "appendix_json_chunks", a_bug)
    monkeypatch.setattr(appendix_ahead, "READ_AHEAD_FROM", 1)  # the week's few cramps too
    # The rows are read on the diary's own connection instead: every cramp, in order.
    written = report_document.write_pdf(summary, tmp_path / "read-here.pdf")
    assert page_texts(written) == expected
    assert "ZeroDivisionError" in bug_log.log_file().read_text(encoding="utf-8")
    assert appendix_readers() == []


def test_a_layout_that_fails_leaves_no_reader_behind_and_no_file(
    qapp: object, week: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cramplog.render.report_document import document

    def charts_fail(*args: object) -> None:
        raise ValueError("a bug in the charts")

    # Page one fails while the appendix's rows are being read ahead.
    monkeypatch.setattr(document, "chart_images", charts_fail)
    monkeypatch.setattr(appendix_ahead, "READ_AHEAD_FROM", 1)
    summary = report.build_report(week, period=WEEK)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ValueError, match="a bug in the charts"):
        report_document.write_pdf(summary, folder / "summary.pdf")
    assert appendix_readers() == []
    assert list(folder.iterdir()) == []


def test_the_side_table_calls_a_side_not_given_not_noted(
    qapp: object, week: Diary, tmp_path: Path
) -> None:
    # A cramp logged without a side is counted in its own column, headed for what it is:
    # no side was noted ("n/a" read as "not applicable" to a GP, wrong for a calf).
    week.add_episode(cramp(datetime(2026, 3, 4, 3, 0), side=Side.NOT_APPLICABLE))
    path = report_document.write_pdf(report.build_report(week, period=WEEK), tmp_path / "s.pdf")
    page_one = words(page_texts(path)[0])
    assert "Left Right Both Not noted" in page_one
    assert "n/a" not in page_one
