"""The Summary place: choose a period, watch the preview follow, take the PDF to the GP."""

from __future__ import annotations

import stat
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from cramplog.analysis import report, stats
from cramplog.core.records import EpisodeInput, ReliefRating, Side
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import summary_page
from cramplog.ui.pages.summary_page import SummaryPage
from cramplog.ui.pages.summary_print_preview import PrintPreview
from cramplog.ui.preferences import Preferences
from tests.conftest import LONDON


def log_cramp(diary: Diary, when: datetime, notes: str = "") -> None:
    diary.add_episode(
        EpisodeInput(
            start=when.replace(tzinfo=LONDON),
            muscle="muscle.calf",
            side=Side.LEFT,
            duration_s=120,
            intensity=6,
            woke_from_sleep=True,
            reliefs=(("relief.stretch", ReliefRating.HELPED),),
            notes=notes,
        )
    )


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    # A cramp last week and one two months ago: the 4-week and 3-month periods differ.
    log_cramp(diary, datetime(2026, 3, 10, 2, 10), "Woke with it")
    log_cramp(diary, datetime(2026, 1, 10, 3, 0))
    return DiaryEditor(diary)


def make_page(qtbot: QtBot, editor: DiaryEditor, preferences: Preferences) -> SummaryPage:
    page = SummaryPage(editor, preferences)
    qtbot.add_widget(page)
    page.resize(1100, 760)
    return page


def shown_page(qtbot: QtBot, editor: DiaryEditor, preferences: Preferences) -> SummaryPage:
    page = make_page(qtbot, editor, preferences)
    page.show()
    qtbot.waitUntil(lambda: page.document is not None, timeout=10_000)
    return page


def test_the_preview_follows_the_chosen_period(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    page = shown_page(qtbot, editor, preferences)
    assert page.report is not None
    assert len(page.report.appendix) == 2  # the last 3 months hold both cramps
    before = page.document

    page.select_period(stats.PeriodPreset.LAST_4_WEEKS.value)
    qtbot.waitUntil(lambda: page.document is not before, timeout=10_000)
    assert len(page.report.appendix) == 1
    assert page.report.header.period.first == date(2026, 2, 12)
    assert "1 cramp in the appendix" in page.preview_label.text()
    # The pages are drawn from the same document the PDF is written from.
    assert page.pages.document is page.document
    assert page.pages.page_image(0).width() > 0


def test_a_new_cramp_reaches_the_preview_while_it_is_on_screen(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    page = shown_page(qtbot, editor, preferences)
    before = page.document
    log_cramp(diary, datetime(2026, 3, 11, 1, 0))  # logged by another hand
    editor.changed.emit("episodes")
    qtbot.waitUntil(lambda: page.document is not before, timeout=10_000)
    assert page.report is not None and len(page.report.appendix) == 3


def test_a_hidden_page_waits_until_it_is_shown(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    page = make_page(qtbot, editor, preferences)
    editor.changed.emit("episodes")
    assert not page.preview_pending
    assert page.document is None
    page.show()
    assert page.preview_pending
    qtbot.waitUntil(lambda: page.document is not None, timeout=10_000)


@pytest.mark.slow  # lays out and writes the whole PDF
def test_export_pdf_writes_the_file_chosen_and_offers_to_open_it(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "for-my-gp"
    asked: list[str] = []

    def choose(parent: object, kind: str, title: str, suggested: str) -> Path:
        asked.append(kind)
        return target

    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(summary_page, "choose_path", choose)
    monkeypatch.setattr(summary_page, "open_url", open_url)
    page = shown_page(qtbot, editor, preferences)
    page.name_edit.setText("Ann <b>Example</b>")
    page.export_pdf()

    written = tmp_path / "for-my-gp.pdf"
    assert asked == ["pdf"]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = " ".join(
        " ".join(p.extract_text(extraction_mode="layout").split())
        for p in pypdf.PdfReader(written).pages
    )
    assert "Patient-kept diary — not a diagnosis" in text
    assert "Ann <b>Example</b>" in text
    assert "Woke with it" in text
    assert page.banner.isVisible()
    assert str(written) in page.banner.message.text()

    page.banner.open_button.click()
    page.banner.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(written), str(tmp_path)]
    assert all(url.isLocalFile() for url in opened)


def test_cancelling_the_file_dialog_writes_nothing(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(summary_page, "choose_path", lambda *args: None)
    page = shown_page(qtbot, editor, preferences)
    page.export_pdf()
    page.export_csv()
    page.export_json()
    assert not page.banner.isVisible()
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_refused_target_is_explained_not_written(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    diary_file = editor.diary.path
    before = diary_file.read_bytes()
    errors: list[str] = []
    monkeypatch.setattr(summary_page, "choose_path", lambda *args: diary_file)
    monkeypatch.setattr(summary_page, "show_error", lambda parent, title, text: errors.append(text))
    page = shown_page(qtbot, editor, preferences)
    page.export_pdf()
    assert errors and "diary file itself" in errors[0]
    assert diary_file.read_bytes()[:100] == before[:100]


def test_csv_and_json_exports_go_through_the_same_dialog_seam(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = {"folder": tmp_path / "csv", "json": tmp_path / "diary"}
    monkeypatch.setattr(
        summary_page, "choose_path", lambda parent, kind, title, suggested: answers[kind]
    )
    page = shown_page(qtbot, editor, preferences)
    page.export_csv()
    assert (tmp_path / "csv" / "episodes.csv").exists()
    assert (tmp_path / "csv" / "nights.csv").exists()
    assert "episodes.csv" in page.banner.message.text()
    page.export_json()
    assert (tmp_path / "diary.json").exists()


def test_print_and_print_preview_use_the_laid_out_document(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    previews: list[object] = []
    monkeypatch.setattr(summary_page, "run_print_dialog", lambda printer, parent: False)

    def run_print_preview(preview: object) -> bool:
        assert isinstance(preview, PrintPreview)
        previews.append(preview.document)
        return False

    monkeypatch.setattr(summary_page, "run_print_preview", run_print_preview)
    page = shown_page(qtbot, editor, preferences)
    page.print_report()  # the person cancels the print dialog: nothing happens
    page.print_preview()
    assert previews == [page.document]


def test_name_and_birth_date_are_not_remembered_unless_asked(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    page = make_page(qtbot, editor, preferences)
    page.name_edit.setText("Ann Example")
    page.birth_check.setChecked(True)
    preferences.sync()
    settings = preferences.settings
    assert not settings.contains(summary_page.KEY_NAME)
    assert not settings.contains(summary_page.KEY_BIRTH)
    assert make_page(qtbot, editor, preferences).name_edit.text() == ""

    page.remember_check.setChecked(True)
    assert settings.value(summary_page.KEY_NAME) == "Ann Example"
    again = make_page(qtbot, editor, preferences)
    assert again.name_edit.text() == "Ann Example"
    assert again.date_of_birth() == page.date_of_birth()
    assert again.remember_check.isChecked()

    again.remember_check.setChecked(False)
    for key in (summary_page.KEY_NAME, summary_page.KEY_BIRTH, summary_page.KEY_REMEMBER):
        assert not settings.contains(key)
    assert make_page(qtbot, editor, preferences).name_edit.text() == ""


def test_sections_left_out_leave_the_report(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    page = shown_page(qtbot, editor, preferences)
    page.section_boxes[report.Section.APPENDIX].setChecked(False)
    built = page.build_report()
    assert not built.shows(report.Section.APPENDIX)
    assert built.appendix == ()
