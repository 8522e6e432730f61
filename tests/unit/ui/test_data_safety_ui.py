"""Data safety in the app: one instance, damaged diaries, drafts, errors, backups, import."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableWidget,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from cramplog import exchange
from cramplog.core.errors import DiaryLockedError
from cramplog.diary import backups, integrity
from cramplog.diary.drafts import DraftStore
from cramplog.diary.service import Diary
from cramplog.files import bug_log
from cramplog.ui import draft_keeper
from cramplog.ui.dialogs import data_actions
from cramplog.ui.dialogs.import_dialog import ImportDialog
from cramplog.ui.dialogs.restore_dialog import DamagedChoice, DamagedDiaryDialog, RestoreDialog
from cramplog.ui.draft_keeper import DraftKeeper, DraftKeeperInstaller, keep_drafts
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import Preferences
from cramplog.ui.startup import app as cramplog_app
from cramplog.ui.startup.error_dialog import ErrorDialog, ExceptionHook
from cramplog.ui.widgets import common as widgets
from tests.conftest import NOW
from tests.unit.data_safety import DAMAGES, log_cramp, loose_permissions, mode, sha256, umask_zero
from tests.unit.ui.dialogs.import_waits import settle

__all__ = ["umask_zero"]


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, f"no cell at row {row}, column {column}"
    return item.text()


# -- a form with the draft interface ----------------------------------------------------------


class NotesForm(QDialog):
    """The smallest form the keeper works with: one field, `edited`, and draft state."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.other = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.other)
        self.field.textEdited.connect(lambda _text: self.edited.emit())

    def draft_state(self) -> dict[str, object]:
        return {"notes": self.field.text()}

    def restore_draft(self, state: Mapping[str, object]) -> None:
        self.field.setText(str(state.get("notes", "")))

    def is_changed(self) -> bool:
        return bool(self.field.text())


@pytest.fixture
def form(qtbot: QtBot) -> NotesForm:
    widget = NotesForm()
    qtbot.add_widget(widget)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def test_a_draft_is_kept_within_two_seconds_of_typing(
    qtbot: QtBot, form: NotesForm, data_dir: Path, umask_zero: None
) -> None:
    keeper = keep_drafts(form, data_dir)
    assert draft_keeper.SAVE_DELAY_MS <= 2000
    form.field.setFocus()
    qtbot.keyClicks(form.field, "woke at 3, calf")
    store = DraftStore.for_episode_form(data_dir)
    assert not store.exists()  # not on every key press
    with qtbot.wait_signal(keeper.saved, timeout=2500):
        pass
    assert store.load() == {"notes": "woke at 3, calf"}
    assert mode(store.path) == 0o600
    assert loose_permissions(data_dir) == []
    assert keep_drafts(form, data_dir) is keeper  # one keeper per form


def test_leaving_a_field_keeps_the_draft_at_once(
    qtbot: QtBot, form: NotesForm, data_dir: Path
) -> None:
    keeper = DraftKeeper(form, DraftStore.for_episode_form(data_dir), delay_ms=60_000)
    form.field.setFocus()
    qtbot.keyClicks(form.field, "stretched")
    with qtbot.wait_signal(keeper.saved, timeout=1000):
        form.other.setFocus()
    assert DraftStore.for_episode_form(data_dir).load() == {"notes": "stretched"}


@pytest.mark.parametrize("ending", ["accept", "reject"])
def test_the_draft_goes_once_the_entry_is_committed_or_discarded(
    qtbot: QtBot, form: NotesForm, data_dir: Path, ending: str
) -> None:
    keeper = DraftKeeper(form, DraftStore.for_episode_form(data_dir), delay_ms=10)
    qtbot.keyClicks(form.field, "x")
    with qtbot.wait_signal(keeper.saved):
        pass
    assert DraftStore.for_episode_form(data_dir).exists()
    getattr(form, ending)()
    assert not DraftStore.for_episode_form(data_dir).exists()
    qtbot.keyClicks(form.field, "late typing after closing")
    qtbot.wait(30)
    assert not DraftStore.for_episode_form(data_dir).exists()


def test_a_form_back_as_it_opened_leaves_no_draft(
    qtbot: QtBot, form: NotesForm, data_dir: Path
) -> None:
    keeper = DraftKeeper(form, DraftStore.for_episode_form(data_dir), delay_ms=10)
    qtbot.keyClicks(form.field, "a")
    with qtbot.wait_signal(keeper.saved):
        pass
    form.field.clear()
    form.edited.emit()
    with qtbot.wait_signal(keeper.saved):
        pass
    assert not DraftStore.for_episode_form(data_dir).exists()


def test_a_full_disk_is_reported_and_the_form_keeps_its_content(
    qtbot: QtBot, form: NotesForm, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper = DraftKeeper(form, DraftStore.for_episode_form(data_dir), delay_ms=10)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # A full disk shows when the written data is synced to it.
    monkeypatch.setattr(os, "fsync", full)
    qtbot.keyClicks(form.field, "still here")
    with qtbot.wait_signal(keeper.failed) as failed:
        pass
    assert "disk is full (ENOSPC)" in failed.args[0]
    assert form.field.text() == "still here"
    assert not list(DraftStore.for_episode_form(data_dir).path.parent.glob("*.partial"))


def test_the_installer_keeps_drafts_of_every_form_that_takes_the_focus(
    qtbot: QtBot, data_dir: Path
) -> None:
    installer = DraftKeeperInstaller(data_dir)
    widget = NotesForm()
    qtbot.add_widget(widget)
    widget.show()
    widget.activateWindow()
    widget.field.setFocus()
    qtbot.wait_until(lambda: isinstance(widget.property("cramplogDraftKeeper"), DraftKeeper))
    plain = QLineEdit()
    qtbot.add_widget(plain)
    plain.show()
    plain.activateWindow()
    plain.setFocus()
    qtbot.wait_until(plain.hasFocus)
    assert plain.property("cramplogDraftKeeper") is None
    installer.deleteLater()


def test_the_real_episode_form_keeps_its_draft_until_saved(
    qtbot: QtBot, diary: Diary, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cramplog.ui.forms.episode_form import EpisodeDialog

    monkeypatch.setattr(widgets, "confirm_discard", lambda *_args: True)
    dialog = EpisodeDialog(DiaryEditor(diary), preferences)
    qtbot.add_widget(dialog)
    dialog.show()
    keeper = DraftKeeper(dialog, DraftStore.for_episode_form(diary.data_dir), delay_ms=10)
    dialog.muscle.set_code("muscle.calf")
    dialog.notes.setPlainText("half-written at 3 a.m.")
    with qtbot.wait_signal(keeper.saved):
        pass
    state = DraftStore.for_episode_form(diary.data_dir).load()
    assert state is not None and state["notes"] == "half-written at 3 a.m."
    dialog.save()
    assert diary.count_episodes() == 1
    assert not DraftStore.for_episode_form(diary.data_dir).exists()


# Long enough to need new pages, which a full disk refuses.
NOTE = "kept through a failed save " * 8000


@pytest.mark.parametrize("fault", ["disk full", "read-only"])
def test_a_refused_save_keeps_the_form_and_its_draft(
    qtbot: QtBot,
    diary: Diary,
    preferences: Preferences,
    fault: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.ui.forms.episode_form import EpisodeDialog

    monkeypatch.setattr(widgets, "confirm_discard", lambda *_args: True)

    dialog = EpisodeDialog(DiaryEditor(diary), preferences)
    qtbot.add_widget(dialog)
    dialog.show()
    keeper = DraftKeeper(dialog, DraftStore.for_episode_form(diary.data_dir), delay_ms=10)
    dialog.muscle.set_code("muscle.calf")
    dialog.notes.setPlainText(NOTE)
    with qtbot.wait_signal(keeper.saved):
        pass
    # The fault is set on the diary's own SQLite connection: SQLite itself then refuses
    # the write with SQLITE_FULL or SQLITE_READONLY, as a full disk or a read-only file would.
    raw = diary._store._engine.raw_connection()
    if fault == "disk full":
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count={pages}")
    else:
        raw.execute("PRAGMA query_only=1")
    dialog.save()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    kept = dialog.notes.toPlainText()
    assert len(kept) == len(NOTE) and kept == NOTE, "the form lost its text"
    message = " ".join(dialog.visible_errors().values())
    assert ("disk is full" if fault == "disk full" else "read-only") in message
    assert DraftStore.for_episode_form(diary.data_dir).exists()
    raw.execute("PRAGMA query_only=0")
    raw.execute("PRAGMA max_page_count=1073741823")
    assert diary.count_episodes() == 0 and diary.integrity_problems() == []


class Host(QMainWindow):
    """What offer_draft needs of the main window: its editor and preferences."""

    def __init__(self, diary: Diary, preferences: Preferences) -> None:
        super().__init__()
        self.editor = DiaryEditor(diary, self)
        self.preferences = preferences


def test_the_next_start_offers_a_crashed_draft_back(
    qtbot: QtBot, diary: Diary, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    DraftStore.for_episode_form(diary.data_dir).save(
        {"muscle": "muscle.foot", "notes": "cut off by a crash", "start": "2026-03-11T02:10:00"}
    )
    asked: list[str] = []

    def yes(_parent: object, title: str, _text: str) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(cramplog_app, "ask", yes)
    host = Host(diary, preferences)
    qtbot.add_widget(host)
    assert cramplog_app.offer_draft(host, diary)
    assert asked == ["An unsaved cramp entry"]
    from cramplog.ui.forms.episode_form import EpisodeDialog

    monkeypatch.setattr(widgets, "confirm_discard", lambda *_args: True)
    [dialog] = host.findChildren(EpisodeDialog)  # a child of the window: closed with it
    assert dialog.notes.toPlainText() == "cut off by a crash"
    assert dialog.muscle.code() == "muscle.foot"


def test_declining_the_offered_draft_throws_it_away(
    qtbot: QtBot, diary: Diary, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    DraftStore.for_episode_form(diary.data_dir).save({"notes": "not wanted"})
    monkeypatch.setattr(cramplog_app, "ask", lambda *_args: False)
    host = Host(diary, preferences)
    qtbot.add_widget(host)
    assert not cramplog_app.offer_draft(host, diary)
    assert not DraftStore.for_episode_form(diary.data_dir).exists()
    assert not cramplog_app.offer_draft(host, diary)  # nothing to offer now


# -- unexpected errors ----------------------------------------------------------------------


def test_an_unexpected_error_is_logged_without_diary_text_and_shown_once(
    qtbot: QtBot, form: NotesForm, data_dir: Path, umask_zero: None
) -> None:
    shown: list[Path] = []
    hook = ExceptionHook(log_dir=data_dir / "logs", show=shown.append)
    form.field.setText("my secret note")
    try:
        raise ValueError("failed while saving 'my secret note' [parameters: ('my secret note',)]")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    hook.uninstall()
    assert shown == [bug_log.log_file(data_dir / "logs")]
    log = bug_log.log_file(data_dir / "logs").read_text()
    assert "builtins.ValueError" in log and "message withheld" in log
    assert "test_data_safety_ui.py" in log
    assert "secret" not in log
    assert mode(bug_log.log_file(data_dir / "logs")) == 0o600
    assert loose_permissions(data_dir) == []
    assert form.isVisible() and form.field.text() == "my secret note"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_the_app_carries_on(
    qtbot: QtBot, form: NotesForm, data_dir: Path
) -> None:
    shown: list[Path] = []
    hook = ExceptionHook(log_dir=data_dir / "logs", show=shown.append)
    hook.install()
    try:

        def broken() -> None:
            raise RuntimeError("a bug")

        QTimer.singleShot(0, broken)
        qtbot.wait_until(lambda: bool(shown), timeout=2000)
        QTimer.singleShot(0, broken)
        qtbot.wait_until(lambda: len(shown) == 2, timeout=2000)
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook
    assert form.isVisible()
    assert bug_log.log_file(data_dir / "logs").read_text().count("RuntimeError") == 2


def test_the_error_dialog_names_the_log(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ErrorDialog(tmp_path / "logs" / "cramplog.log")
    qtbot.add_widget(dialog)
    assert dialog.log_label.text() == str(tmp_path / "logs" / "cramplog.log")
    assert "safe" in " ".join(label.text() for label in dialog.findChildren(type(dialog.log_label)))


# -- one instance ---------------------------------------------------------------------------


@pytest.fixture
def other_app(data_dir: Path) -> Iterator[None]:
    """A second process holding the diary's lock with QLockFile, as a running app does."""
    script = (
        "import sys, time\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1] + '/cramplog.lock')\n"
        "lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0)\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield
    process.kill()
    process.wait()
    process.stdout.close()


def test_a_second_start_says_the_diary_is_open_and_never_touches_it(
    qtbot: QtBot, filled_diary: Path, other_app: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: sha256(p) for p in filled_diary.iterdir() if p.is_file()}
    told: list[str] = []
    monkeypatch.setattr(cramplog_app, "tell", lambda _p, _title, text: told.append(text))
    with pytest.raises(DiaryLockedError, match="already open"):
        cramplog_app.acquire_lock(filled_diary)
    assert cramplog_app.run(data_dir=filled_diary, demo=False) == 1
    assert len(told) == 1 and "already open" in told[0]
    after = {p.name: sha256(p) for p in filled_diary.iterdir() if p.is_file()}
    assert after == before


def test_a_stale_lock_from_a_crash_is_recovered_owner_only(
    qtbot: QtBot, data_dir: Path, umask_zero: None
) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "cramplog.lock").write_text("999999\npython3.11\n" + os.uname().nodename + "\n")
    lock = cramplog_app.acquire_lock(data_dir)
    try:
        assert lock.isLocked()
        assert mode(data_dir / "cramplog.lock") == 0o600
        assert loose_permissions(data_dir) == []
    finally:
        lock.unlock()
    assert not (data_dir / "cramplog.lock").exists()


@pytest.fixture
def filled_diary(data_dir: Path) -> Path:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(4):
        log_cramp(diary, n)
    diary.close()
    return data_dir


# -- a damaged diary at start-up ------------------------------------------------------------


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_diary_offers_the_newest_good_backup(
    qtbot: QtBot, filled_diary: Path, damage: str
) -> None:
    good = backups.back_up(filled_diary)
    assert good is not None
    DAMAGES[damage](filled_diary / "diary.sqlite3")
    damaged = sha256(filled_diary / "diary.sqlite3")
    offered: list[tuple[integrity.Condition, backups.BackupDetails | None]] = []

    def choose(verdict: integrity.Verdict, newest: backups.BackupDetails | None) -> DamagedChoice:
        offered.append((verdict.condition, newest))
        return DamagedChoice.RESTORE

    diary = cramplog_app.open_diary(filled_diary, choose=choose)
    assert diary is not None
    try:
        assert diary.count_episodes() == 4 and diary.integrity_problems() == []
    finally:
        diary.close()
    [(condition, newest)] = offered
    assert condition in integrity.RECOVERABLE
    assert isinstance(newest, backups.BackupDetails) and newest.backup.path == good.path
    [kept] = filled_diary.glob("diary-damaged-*.sqlite3")
    assert sha256(kept) == damaged


def test_a_damaged_diary_can_be_set_aside_for_a_new_one_or_left_by_quitting(
    qtbot: QtBot, filled_diary: Path
) -> None:
    DAMAGES["flipped bytes"](filled_diary / "diary.sqlite3")
    damaged = sha256(filled_diary / "diary.sqlite3")
    assert cramplog_app.open_diary(filled_diary, choose=lambda *_a: DamagedChoice.QUIT) is None
    assert sha256(filled_diary / "diary.sqlite3") == damaged
    diary = cramplog_app.open_diary(filled_diary, choose=lambda *_a: DamagedChoice.NEW_DIARY)
    assert diary is not None
    try:
        assert diary.count_episodes() == 0
    finally:
        diary.close()
    [kept] = filled_diary.glob("diary-damaged-*.sqlite3")
    assert sha256(kept) == damaged


@pytest.mark.parametrize(
    ("problem", "wanted"),
    [("read-only", "read-only"), ("newer", "newer version")],
)
def test_a_diary_that_cannot_be_opened_is_refused_with_a_clear_message(
    qtbot: QtBot,
    filled_diary: Path,
    monkeypatch: pytest.MonkeyPatch,
    problem: str,
    wanted: str,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(cramplog_app, "tell", lambda _p, _title, text: told.append(text))
    if problem == "read-only":

        def read_only(*_args: object, **_kwargs: object) -> Diary:
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(Diary, "open", read_only)
    else:
        import sqlite3

        conn = sqlite3.connect(filled_diary / "diary.sqlite3")
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
    before = sha256(filled_diary / "diary.sqlite3")
    assert cramplog_app.open_diary(filled_diary) is None
    assert len(told) == 1 and wanted in told[0]
    assert sha256(filled_diary / "diary.sqlite3") == before


def test_the_damaged_diary_dialog_offers_three_ways_out(qtbot: QtBot, filled_diary: Path) -> None:
    good = backups.back_up(filled_diary)
    assert good is not None
    DAMAGES["truncated"](filled_diary / "diary.sqlite3")
    verdict = integrity.examine(filled_diary)
    dialog = DamagedDiaryDialog(verdict, backups.details(good))
    qtbot.add_widget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert "truncated" in labels["verdictMessage"]
    assert "4 cramps" in labels["newestBackup"]
    assert dialog.restore_button.isEnabled()
    dialog.new_button.click()
    assert dialog.choice is DamagedChoice.NEW_DIARY
    no_backup = DamagedDiaryDialog(verdict, None)
    qtbot.add_widget(no_backup)
    assert not no_backup.restore_button.isEnabled()
    no_backup.quit_button.click()
    assert no_backup.choice is DamagedChoice.QUIT


# -- the File menu's actions ----------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, diary: Diary, preferences: Preferences) -> Host:
    host = Host(diary, preferences)
    qtbot.add_widget(host)
    return host


def test_the_data_actions_are_import_back_up_and_restore(window: Host, diary: Diary) -> None:
    actions = data_actions.data_menu_actions(window, diary)
    assert [a.text() for a in actions] == ["&Import…", "&Back up now", "&Restore from backup…"]
    assert all(a.parent() is window for a in actions)


def test_back_up_now_says_where_the_copy_is(
    qtbot: QtBot, window: Host, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cramp(diary)
    told: list[tuple[str, str, bool]] = []
    monkeypatch.setattr(
        data_actions,
        "tell",
        lambda _w, title, text, problem=False: told.append((title, text, problem)),
    )
    data_actions.back_up_now(window, diary)  # the copy is made on a worker thread
    qtbot.wait_until(lambda: bool(told), timeout=10_000)
    [(title, text, problem)] = told
    assert title == "Backed up" and "1 cramp," in text and not problem
    assert len(backups.list_backups(diary.data_dir)) == 1


def test_restore_from_the_menu_asks_then_hands_the_backup_to_the_app(
    qtbot: QtBot, window: Host, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cramp(diary)
    made = backups.back_up(diary.data_dir)
    assert made is not None

    def choose_when_checked(dialog: RestoreDialog) -> int:
        qtbot.wait_until(lambda: None not in dialog.checked, timeout=5000)
        dialog._restore()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", choose_when_checked)
    monkeypatch.setattr(data_actions, "confirm", lambda *_args: True)
    chosen: list[Path] = []
    data_actions.restore_from_backup(window, diary, chosen.append)
    assert chosen == [made.path]
    monkeypatch.setattr(data_actions, "confirm", lambda *_args: False)
    data_actions.restore_from_backup(window, diary, chosen.append)
    assert chosen == [made.path]


def test_a_restore_request_leaves_the_event_loop_for_the_app_to_reopen(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    QTimer.singleShot(0, lambda: data_actions.request_restore(Path("/backups/x.sqlite3")))
    code = app.exec()
    try:
        assert code == data_actions.RESTART_EXIT_CODE
        assert app.property(data_actions.RESTORE_PROPERTY) == "/backups/x.sqlite3"
    finally:
        app.setProperty(data_actions.RESTORE_PROPERTY, None)


def test_the_app_restores_and_reopens_when_asked(
    qtbot: QtBot, filled_diary: Path, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = backups.back_up(filled_diary)
    assert made is not None
    diary = Diary.open(filled_diary, clock=lambda: NOW)
    log_cramp(diary, 50)
    window = Host(diary, preferences)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    reopened = cramplog_app._restore_and_reopen(app, window, diary, made.path)
    assert reopened is not None
    try:
        assert reopened.count_episodes() == 4
        assert any(
            b.reason is backups.Reason.BEFORE_RESTORE for b in backups.list_backups(filled_diary)
        )
    finally:
        reopened.close()


# -- the restore and import dialogs ---------------------------------------------------------


def test_the_restore_dialog_lists_date_cramps_and_nights(qtbot: QtBot, filled_diary: Path) -> None:
    older = backups.back_up(filled_diary, now=datetime.now(UTC) - timedelta(days=1))
    newer = backups.back_up(filled_diary)
    assert older is not None and newer is not None
    DAMAGES["flipped bytes"](older.path)
    dialog = RestoreDialog(backups.list_backups(filled_diary))
    qtbot.add_widget(dialog)
    qtbot.wait_until(lambda: None not in dialog.checked, timeout=5000)
    table = dialog.table
    assert table.rowCount() == 2
    assert [cell(table, 0, c) for c in (2, 3, 4)] == ["4", "0", "Verified"]
    assert cell(table, 1, 4).startswith("Cannot be used")
    assert dialog.selected() is not None and dialog.restore_button.isEnabled()
    table.selectRow(1)  # the damaged one cannot be chosen
    assert dialog.selected() is not dialog.checked[1]
    table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.chosen is dialog.checked[0]
    assert dialog.chosen is not None and dialog.chosen.backup == newer


def test_the_restore_dialog_without_backups_says_so(qtbot: QtBot) -> None:
    dialog = RestoreDialog([])
    qtbot.add_widget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.empty.isVisibleTo(dialog)


SHEET = (
    "Date,Time,Muscle,Side,Duration (min),Pain (0-10),Notes\n"
    "2026-03-01,02:10,Calf,L,1:30,7,<b>not bold</b>\n"
    "2026-03-02,02:10,Calf,L,1:30,70,\n"
    "2026-03-03,02:10,thigh,R,2,5,\n"
)


def test_the_import_dialog_dry_runs_first_and_lists_row_errors(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET)
    dialog = settle(ImportDialog(diary, path=path))
    qtbot.add_widget(dialog)
    imported: list[exchange.ImportResult] = []
    dialog.imported.connect(imported.append)
    assert diary.count_episodes() == 0  # a dry run, nothing written
    assert "2 new cramps" in dialog.summary.text()
    assert [dialog.errors.item(i).text() for i in range(dialog.errors.count())] == [
        dialog.plan.errors[0].__str__()  # type: ignore[union-attr]
    ]
    assert dialog.errors.item(0).text().startswith("line 3: ")
    assert dialog.preview.rowCount() == 2
    assert cell(dialog.preview, 0, dialog.preview.column_of("Notes")) == "<b>not bold</b>"
    assert not dialog.import_button.isEnabled()
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert not dialog.import_button.isEnabled()  # not while the import runs
    settle(dialog)
    assert diary.count_episodes() == 2
    assert len(imported) == 1 and imported[0].skipped_invalid == 1
    assert not dialog.import_button.isEnabled()  # no second import by a double click


def test_the_import_dialog_asks_for_columns_and_date_order(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    # "L calf" and "R foot" are read once the column is named, but name no muscle as they are.
    path.write_text("Day,Hour,Body,Remarks\n03/02/2026,02:10,L calf,x\n04/02/2026,02:10,R foot,y\n")
    dialog = settle(ImportDialog(diary, path=path))
    qtbot.add_widget(dialog)
    assert dialog.columns_box.isVisibleTo(dialog)
    assert "muscle" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    combo = dialog.columns.field_choice(2)
    combo.setCurrentIndex(combo.findData("muscle"))  # re-checks on its own
    settle(dialog)
    assert "day/month" in dialog.summary.text()
    assert dialog.date_order.isVisibleTo(dialog)
    dialog.date_order.setCurrentIndex(dialog.date_order.findData(True))
    settle(dialog)
    assert dialog.plan is not None and dialog.plan.questions == {}
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    settle(dialog)
    assert [e.start_local.month for e in diary.list_episodes()] == [2, 2]


def test_the_import_dialog_confirms_a_replace(
    qtbot: QtBot, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cramp(diary, 5)
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET.replace(",70,", ",7,"))
    dialog = settle(ImportDialog(diary, path=path))
    qtbot.add_widget(dialog)
    dialog.replace.setChecked(True)
    monkeypatch.setattr(dialog, "confirm", lambda *_args: False)
    dialog.import_button.click()
    settle(dialog)
    assert diary.count_episodes() == 1
    monkeypatch.setattr(dialog, "confirm", lambda *_args: True)
    dialog.import_button.click()
    settle(dialog)
    assert diary.count_episodes() == 3
    assert "kept as diary-before-import-" in dialog.summary.text()


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n", b"{not json"])
def test_the_import_dialog_shows_file_problems_plainly(
    qtbot: QtBot, diary: Diary, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    dialog = settle(ImportDialog(diary, path=path))
    qtbot.add_widget(dialog)
    assert dialog.plan is None and dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert not dialog.errors.isVisibleTo(dialog)


def test_import_from_the_menu_uses_the_file_seam(
    qtbot: QtBot, window: Host, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET.replace(",70,", ",7,"))
    monkeypatch.setattr(ImportDialog, "ask_for_file", lambda self: path)

    def run_import(self: ImportDialog) -> int:
        settle(self).import_button.click()
        settle(self)
        return 1

    monkeypatch.setattr(ImportDialog, "exec", run_import)
    changed: list[str] = []
    window.editor.changed.connect(changed.append)
    data_actions.import_into(window, diary)
    assert diary.count_episodes() == 3
    assert "episodes" in changed and "settings" in changed


def test_the_command_line_respects_the_apps_lock(
    qtbot: QtBot,
    filled_diary: Path,
    other_app: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cramplog import cli

    backups.back_up(filled_diary)
    before = sha256(filled_diary / "diary.sqlite3")
    assert cli.main(["restore", "newest", "--data-dir", str(filled_diary)]) == 1
    assert "already open" in capsys.readouterr().err
    assert sha256(filled_diary / "diary.sqlite3") == before


def test_the_app_respects_a_lock_held_by_a_command(qtbot: QtBot, filled_diary: Path) -> None:
    script = (
        "import sys, time, pathlib\n"
        "from cramplog.files import instance_lock\n"
        "with instance_lock.hold(pathlib.Path(sys.argv[1])):\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(60)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(filled_diary)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        with pytest.raises(DiaryLockedError):
            cramplog_app.acquire_lock(filled_diary)
    finally:
        process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
