"""Backups: verified copies, rotation that never loses the wrong one, and restores that hold."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cramplog.core.errors import BackupError, StorageError
from cramplog.diary import backups, integrity
from cramplog.diary.service import Diary
from cramplog.storage import snapshot as snapshots
from tests.conftest import NOW
from tests.unit.data_safety import (
    flip_bytes,
    log_cramp,
    loose_permissions,
    mode,
    sha256,
    umask_zero,
)

__all__ = ["umask_zero"]  # a fixture, used by name

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


def open_diary(data_dir: Path) -> Diary:
    return Diary.open(data_dir, clock=lambda: NOW)


# -- making backups -------------------------------------------------------------------------


def test_a_backup_is_a_verified_private_copy_with_the_entries(
    diary: Diary, data_dir: Path, umask_zero: None
) -> None:
    log_cramp(diary, 1)
    log_cramp(diary, 2)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    assert made.path.parent == data_dir / "backups"
    assert made.reason is backups.Reason.MANUAL
    details = backups.details(made)
    assert details.usable and details.episodes == 2 and details.nights == 0
    assert mode(made.path) == 0o600 and mode(made.path.parent) == 0o700
    assert loose_permissions(data_dir) == []


def test_an_unchanged_diary_makes_no_new_automatic_backup(diary: Diary, data_dir: Path) -> None:
    log_cramp(diary)
    first = backups.back_up(data_dir, reason=backups.Reason.AUTOMATIC, now=T0)
    assert first is not None
    later = T0 + timedelta(hours=1)
    assert (
        backups.back_up(data_dir, reason=backups.Reason.AUTOMATIC, now=later, only_if_changed=True)
        is None
    )
    log_cramp(diary, 5)
    again = backups.back_up(
        data_dir, reason=backups.Reason.AUTOMATIC, now=later, only_if_changed=True
    )
    assert again is not None and backups.details(again).episodes == 2
    assert [b.path for b in backups.list_backups(data_dir)] == [again.path, first.path]


def test_an_edit_that_adds_no_row_still_makes_an_automatic_backup(
    diary: Diary, data_dir: Path
) -> None:
    """Counting rows tells an added or deleted cramp at once; an edit in place keeps every
    count, and is found by comparing the rows themselves."""
    uuid = log_cramp(diary)
    first = backups.back_up(data_dir, reason=backups.Reason.AUTOMATIC, now=T0)
    assert first is not None
    episode = diary.episode_by_uuid(uuid)
    assert episode is not None and episode.intensity != 9
    diary.update_episode(episode.id, replace(episode.as_input(), intensity=9))
    later = T0 + timedelta(hours=1)
    again = backups.back_up(
        data_dir, reason=backups.Reason.AUTOMATIC, now=later, only_if_changed=True
    )
    assert again is not None
    assert backups.details(again).episodes == backups.details(first).episodes == 1


def test_backups_made_at_once_on_several_threads_are_all_kept_whole(
    diary: Diary, data_dir: Path
) -> None:
    """The app backs up on a worker thread while the person may back up by hand: neither
    may tidy away the other's copy while it is being written."""
    for n in range(3):
        log_cramp(diary, n)
    made: list[backups.Backup | None] = []
    failed: list[BaseException] = []

    def back_up() -> None:
        try:
            made.append(backups.back_up(data_dir))
        except BaseException as exc:
            failed.append(exc)

    workers = [threading.Thread(target=back_up) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failed == []
    assert len(made) == 4 and all(b is not None for b in made)
    listed = backups.list_backups(data_dir)
    assert len(listed) == 4
    assert all(backups.details(b).usable and backups.details(b).episodes == 3 for b in listed)


def test_two_backups_in_the_same_second_both_survive(diary: Diary, data_dir: Path) -> None:
    one = backups.back_up(data_dir, now=T0)
    two = backups.back_up(data_dir, now=T0)
    assert one is not None and two is not None and one.path != two.path
    assert len(backups.list_backups(data_dir)) == 2


def test_there_is_nothing_to_back_up_without_a_diary(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no diary"):
        backups.back_up(tmp_path / "empty")


def test_a_failed_backup_rotates_nothing(
    diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for d in range(40, 0, -1):
        backups.back_up(data_dir, now=T0 - timedelta(days=d))
    before = sorted(p.name for p in (data_dir / "backups").iterdir())

    def disk_full(source: Path, destination: Path) -> Path:
        raise StorageError("No space left on device")

    monkeypatch.setattr(backups, "snapshot", disk_full)
    with pytest.raises(BackupError, match="diary is unchanged"):
        backups.back_up(data_dir, now=T0 + timedelta(days=30))
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == before


def test_a_half_written_copy_left_by_a_crash_is_tidied_by_the_next_backup(
    diary: Diary, data_dir: Path
) -> None:
    folder = data_dir / "backups"
    folder.mkdir()
    leftover = folder / "diary-20260101-000000.sqlite3.partial"
    leftover.write_bytes(b"half a copy")
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    assert not leftover.exists()
    assert [b.path for b in backups.list_backups(data_dir)] == [made.path]


def test_a_copy_that_fails_its_check_is_never_given_a_backup_name(
    diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshots, "verify", lambda path: False)
    with pytest.raises(BackupError, match="could not be verified"):
        backups.back_up(data_dir, now=T0)
    assert backups.list_backups(data_dir) == []
    assert not list((data_dir / "backups").iterdir())


def test_the_backup_reads_a_diary_that_is_open_and_never_writes_to_it(
    diary: Diary, data_dir: Path
) -> None:
    log_cramp(diary)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    log_cramp(diary, 3)  # the open diary goes on working
    assert diary.count_episodes() == 2
    assert backups.details(made).episodes == 1


# -- listing --------------------------------------------------------------------------------


def test_the_list_ignores_other_files_and_marks_a_damaged_backup(
    diary: Diary, data_dir: Path
) -> None:
    log_cramp(diary)
    good = backups.back_up(data_dir, now=T0)
    bad = backups.back_up(data_dir, now=T0 + timedelta(minutes=1))
    assert good is not None and bad is not None
    flip_bytes(bad.path)
    (data_dir / "backups" / "notes.txt").write_text("mine")
    (data_dir / "backups" / "diary-garbage.sqlite3").write_text("x")
    found = backups.list_backups(data_dir)
    assert [b.path for b in found] == [bad.path, good.path]
    assert backups.details(found[0]).usable is False
    assert backups.details(found[0]).problem == "damaged"
    assert backups.details(found[1]).usable is True


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("diary-20260312-090000.sqlite3", backups.Reason.AUTOMATIC),
        ("diary-manual-20260312-090000.sqlite3", backups.Reason.MANUAL),
        ("diary-before-import-20260312-090000-2.sqlite3", backups.Reason.BEFORE_IMPORT),
        ("diary-before-restore-20260312-090000.sqlite3", backups.Reason.BEFORE_RESTORE),
        ("diary-before-upgrade-from-0001-20260312-090000.sqlite3", backups.Reason.BEFORE_UPGRADE),
    ],
)
def test_backup_names_say_when_and_why(name: str, reason: backups.Reason) -> None:
    parsed = backups.parse_name(Path(name))
    assert parsed is not None
    assert parsed.reason is reason
    assert parsed.taken_utc == T0


@pytest.mark.parametrize(
    "name",
    ["diary.sqlite3", "diary-2026-03-12.sqlite3", "diary-20261399-250000.sqlite3", "x" * 300, ""],
)
def test_other_names_are_not_backups(name: str) -> None:
    assert backups.parse_name(Path(name or "empty")) is None


# -- rotation -------------------------------------------------------------------------------


def fake(taken: datetime, reason: backups.Reason = backups.Reason.AUTOMATIC) -> backups.Backup:
    return backups.Backup(Path(f"{taken.isoformat()}-{reason.value}"), taken, reason)


def test_retention_keeps_two_days_then_12_daily_10_weekly_9_monthly() -> None:
    now = T0
    # Hourly backups for two years.
    every_hour = [fake(now - timedelta(hours=h)) for h in range(0, 2 * 365 * 24)]
    kept = backups.to_keep(every_hour, now=now)
    recent = [b for b in every_hour if now - b.taken_utc <= timedelta(days=2)]
    assert {b.path for b in recent} <= kept
    older = sorted(
        (b for b in every_hour if b.path in kept and b not in recent),
        key=lambda b: b.taken_utc,
        reverse=True,
    )
    assert len(older) == 12 + 10 + 9
    # The 12 newest of them: one per calendar day, on 12 days in a row.
    days = [b.taken_utc.date() for b in older[:12]]
    assert days == [days[0] - timedelta(days=i) for i in range(12)]
    # Each kept one is the newest backup of its day, week or month, never a middle one.
    newest_of_day: dict[object, backups.Backup] = {}
    for b in every_hour:
        if now - b.taken_utc > timedelta(days=2):
            newest_of_day.setdefault(b.taken_utc.date(), b)
    assert all(newest_of_day[b.taken_utc.date()] is b for b in older)
    weeks = {b.taken_utc.isocalendar()[:2] for b in older[12:]}
    months = {(b.taken_utc.year, b.taken_utc.month) for b in older[12:]}
    assert len(weeks) >= 10 and len(months) >= 9
    # Reaching back about 12 days + 10 weeks + 9 months.
    assert 270 < (now - older[-1].taken_utc).days < 400


def test_pre_upgrade_backups_are_never_rotated_out() -> None:
    ancient = fake(T0 - timedelta(days=3000), backups.Reason.BEFORE_UPGRADE)
    failed_attempts = [
        fake(T0 - timedelta(days=d), backups.Reason.BEFORE_UPGRADE) for d in range(10, 400, 7)
    ]
    noise = [fake(T0 - timedelta(days=d)) for d in range(0, 800)]
    kept = backups.to_keep([ancient, *failed_attempts, *noise], now=T0)
    assert ancient.path in kept
    assert all(b.path in kept for b in failed_attempts)


def test_rotation_deletes_only_backups_retention_drops(data_dir: Path) -> None:
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    names = [f"diary-{(T0 - timedelta(days=d)):%Y%m%d-%H%M%S}.sqlite3" for d in range(0, 600)]
    for name in names:
        (folder / name).write_bytes(b"")
    protected = folder / "diary-before-upgrade-from-0001-20200101-000000.sqlite3"
    protected.write_bytes(b"")
    mine = folder / "my-own-copy.sqlite3"
    mine.write_bytes(b"")
    deleted = backups.rotate(data_dir, now=T0)
    left = {p.name for p in folder.iterdir()}
    assert protected.name in left and mine.name in left
    assert len(left) == 3 + 12 + 10 + 9 + 2  # 3 from the last 2 days, plus the two above
    assert len(deleted) == len(names) - (3 + 12 + 10 + 9)


def test_backing_up_rotates_after_the_new_copy_is_verified(diary: Diary, data_dir: Path) -> None:
    folder = data_dir / "backups"
    folder.mkdir()
    for d in range(3, 100):
        name = f"diary-{(T0 - timedelta(days=d)):%Y%m%d-%H%M%S}.sqlite3"
        shutil.copyfile(diary.path, folder / name)
    everything = backups.list_backups(data_dir)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None and made.path.exists()
    left = {b.path for b in backups.list_backups(data_dir)}
    assert made.path in left
    assert left == backups.to_keep([*everything, made], now=T0)
    assert len(left) < len(everything)


def test_a_startup_backup_is_due_after_a_day(diary: Diary, data_dir: Path) -> None:
    assert backups.startup_backup_due(data_dir, now=T0)
    backups.back_up(data_dir, now=T0)
    assert not backups.startup_backup_due(data_dir, now=T0 + timedelta(hours=23))
    assert backups.startup_backup_due(data_dir, now=T0 + timedelta(hours=25))


def test_the_file_state_moves_when_an_entry_is_saved(diary: Diary, data_dir: Path) -> None:
    before = backups.file_state(data_dir)
    assert backups.file_state(data_dir) == before
    log_cramp(diary)
    assert backups.file_state(data_dir) != before


def test_the_file_state_moves_when_an_entry_is_saved_to_a_symlinked_diary(
    tmp_path: Path, data_dir: Path
) -> None:
    # The diary kept elsewhere (a synced folder, say) and linked into the data folder: a save
    # goes to the log beside the link's target, which the state must see.
    elsewhere = tmp_path / "elsewhere"
    Diary.open(elsewhere, clock=lambda: NOW).close()
    data_dir.mkdir(mode=0o700)
    (data_dir / "diary.sqlite3").symlink_to(elsewhere / "diary.sqlite3")
    diary = Diary.open(data_dir, clock=lambda: NOW)
    try:
        before = backups.file_state(data_dir)
        log_cramp(diary)
        assert backups.file_state(data_dir) != before
    finally:
        diary.close()


# -- restoring ------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_the_diary_as_it_was(
    data_dir: Path, umask_zero: None
) -> None:
    diary = open_diary(data_dir)
    kept = log_cramp(diary, 1)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    later = log_cramp(diary, 2)
    diary.close()

    result = backups.restore(data_dir, made.path, now=T0 + timedelta(minutes=5))

    assert result.previous_diary is not None
    assert result.previous_diary.reason is backups.Reason.BEFORE_RESTORE
    assert backups.details(result.previous_diary).episodes == 2
    diary = open_diary(data_dir)
    try:
        assert [e.uuid for e in diary.list_episodes()] == [kept]
        assert diary.integrity_problems() == []
    finally:
        diary.close()
    restored_again = backups.restore(data_dir, result.previous_diary.path)
    diary = open_diary(data_dir)
    try:
        assert {e.uuid for e in diary.list_episodes()} == {kept, later}
    finally:
        diary.close()
    assert restored_again.previous_diary is not None
    assert loose_permissions(data_dir) == []


def _crash_image(diary: Diary) -> tuple[bytes, bytes]:
    """The diary's main file and write-ahead log as a kill -9 would leave them."""
    path = diary.path
    return path.read_bytes(), path.with_name(path.name + "-wal").read_bytes()


def test_a_leftover_wal_is_never_replayed_into_the_restored_diary(data_dir: Path) -> None:
    diary = open_diary(data_dir)
    log_cramp(diary, 1)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    for n in range(2, 30):
        log_cramp(diary, n)
    main, wal = _crash_image(diary)
    assert len(wal) > 0
    diary.close()
    # The crash: the main file without its last checkpoint, and the log beside it.
    diary_path = data_dir / "diary.sqlite3"
    diary_path.write_bytes(main)
    (data_dir / "diary.sqlite3-wal").write_bytes(wal)

    result = backups.restore(data_dir, made.path, now=T0 + timedelta(minutes=1))

    assert (
        not (data_dir / "diary.sqlite3-wal").exists()
        or (data_dir / "diary.sqlite3-wal").stat().st_size == 0
    )
    diary = open_diary(data_dir)
    try:
        assert diary.count_episodes() == 1
        assert diary.integrity_problems() == []
    finally:
        diary.close()
    # The crashed diary, with the log's entries, was kept as the pre-restore backup.
    assert result.previous_diary is not None
    assert backups.details(result.previous_diary).episodes == 29


def test_restoring_over_a_damaged_diary_keeps_it_renamed_and_untouched(data_dir: Path) -> None:
    diary = open_diary(data_dir)
    log_cramp(diary)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    diary.close()
    flip_bytes(data_dir / "diary.sqlite3")
    damaged = sha256(data_dir / "diary.sqlite3")

    result = backups.restore(data_dir, made.path, now=T0)

    assert result.previous_diary is None
    assert result.kept_damaged is not None
    assert sha256(result.kept_damaged) == damaged
    assert integrity.examine(data_dir).condition is integrity.Condition.HEALTHY


def test_a_damaged_backup_is_refused_and_the_diary_is_left_alone(
    diary: Diary, data_dir: Path
) -> None:
    log_cramp(diary)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    diary.close()
    flip_bytes(made.path)
    before = sha256(data_dir / "diary.sqlite3")
    with pytest.raises(BackupError, match="cannot be restored"):
        backups.restore(data_dir, made.path)
    assert sha256(data_dir / "diary.sqlite3") == before
    assert len(backups.list_backups(data_dir)) == 1


def test_a_disk_error_during_restore_leaves_the_diary_and_no_temporary_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    diary = open_diary(data_dir)
    log_cramp(diary)
    made = backups.back_up(data_dir, now=T0)
    assert made is not None
    log_cramp(diary, 4)
    diary.close()
    before = sha256(data_dir / "diary.sqlite3")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", full)
    with pytest.raises(BackupError, match=r"disk is full \(ENOSPC\)"):
        backups.restore(data_dir, made.path, now=T0 + timedelta(minutes=1))
    assert sha256(data_dir / "diary.sqlite3") == before
    assert not list(data_dir.glob("*.partial"))


@pytest.mark.parametrize("name", ["", "   ", "nope.sqlite3", "../nope/x.sqlite3", "a\x00b"])
def test_naming_a_backup_that_is_not_there_fails_clearly(data_dir: Path, name: str) -> None:
    data_dir.mkdir()
    with pytest.raises(BackupError):
        backups.resolve_backup(data_dir, name)


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + bytes(200)])
def test_restoring_a_file_that_is_no_backup_is_refused(
    diary: Diary, data_dir: Path, tmp_path: Path, content: bytes
) -> None:
    diary.close()
    impostor = tmp_path / "impostor.sqlite3"
    impostor.write_bytes(content)
    before = sha256(data_dir / "diary.sqlite3")
    with pytest.raises(BackupError, match="cannot be restored"):
        backups.restore(data_dir, backups.resolve_backup(data_dir, str(impostor)))
    assert sha256(data_dir / "diary.sqlite3") == before


def test_newest_names_the_newest_usable_backup(diary: Diary, data_dir: Path) -> None:
    with pytest.raises(BackupError, match="no usable backup"):
        backups.resolve_backup(data_dir, "newest")
    good = backups.back_up(data_dir, now=T0)
    broken = backups.back_up(data_dir, now=T0 + timedelta(hours=1))
    assert good is not None and broken is not None
    flip_bytes(broken.path)
    assert backups.resolve_backup(data_dir, "newest") == good.path.resolve()
    assert backups.resolve_backup(data_dir, good.path.name) == good.path.resolve()


def test_a_backup_asked_for_during_a_restore_waits_and_copies_the_restored_diary(
    diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Backups run on worker threads while the app restores: none may copy a diary that
    is half replaced."""
    log_cramp(diary)
    one_cramp = backups.back_up(data_dir, now=T0)
    assert one_cramp is not None
    log_cramp(diary, 1)
    diary.close()
    checking = threading.Event()
    go_on = threading.Event()
    real_check = backups._check_restorable

    def slow_check(path: Path) -> None:
        checking.set()
        go_on.wait(10)
        real_check(path)

    monkeypatch.setattr(backups, "_check_restorable", slow_check)
    restoring = threading.Thread(target=backups.restore, args=(data_dir, one_cramp.path))
    restoring.start()
    assert checking.wait(10)
    made: list[backups.Backup | None] = []
    backing_up = threading.Thread(target=lambda: made.append(backups.back_up(data_dir)))
    backing_up.start()
    backing_up.join(0.3)
    assert backing_up.is_alive() and made == []  # waiting for the restore
    go_on.set()
    restoring.join()
    backing_up.join()
    assert made and made[0] is not None
    assert backups.details(made[0]).episodes == 1  # the restored diary, whole
