"""Draft files: kept whole or not at all, owner-only, and never trusted blindly when read back."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cramplog.core.errors import DraftError
from cramplog.diary import drafts
from cramplog.diary.drafts import DraftStore
from tests.unit.data_safety import loose_permissions, mode, umask_zero

__all__ = ["umask_zero"]

FORM = {
    "start": "2026-03-11T02:10:00",
    "muscle": "muscle.calf",
    "notes": "woke me at 2am — «ouch» 🦵 مرحبا",
    "triggers": ["trigger.dehydration"],
    "intensity": 7,
}


def test_a_draft_comes_back_exactly_and_owner_only(tmp_path: Path, umask_zero: None) -> None:
    store = DraftStore.for_episode_form(tmp_path / "data")
    assert store.load() is None and not store.exists()
    store.save(FORM)
    assert store.load() == FORM
    assert mode(store.path) == 0o600 and mode(store.path.parent) == 0o700
    assert store.saved_at() is not None
    assert loose_permissions(tmp_path / "data") == []


def test_saving_again_replaces_the_draft_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts" / "episode.json")
    store.save(FORM)
    store.save({**FORM, "notes": "second thoughts"})
    assert store.load() == {**FORM, "notes": "second thoughts"}
    assert [p.name for p in store.path.parent.iterdir()] == ["episode.json"]


def test_deleting_a_draft_twice_is_fine(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "episode.json")
    store.save(FORM)
    store.delete()
    store.delete()
    assert store.load() is None


def test_a_failed_write_keeps_the_previous_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path / "episode.json")
    store.save(FORM)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    # A full disk shows when the written data is synced to it.
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DraftError, match=r"disk is full \(ENOSPC\).*still in the form"):
        store.save({**FORM, "notes": "lost?"})
    monkeypatch.undo()
    assert store.load() == FORM
    assert [p.name for p in tmp_path.iterdir()] == ["episode.json"]


@pytest.mark.parametrize(
    "state",
    [{"when": object()}, {"n": float("nan")}],
    ids=["not JSON", "NaN"],
)
def test_a_form_state_that_is_not_json_is_refused_clearly(
    tmp_path: Path, state: dict[str, object]
) -> None:
    with pytest.raises(DraftError):
        DraftStore(tmp_path / "episode.json").save(state)


def test_huge_notes_are_kept_and_an_oversized_draft_refused(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "episode.json")
    store.save({"notes": "n" * 2_000_000})
    loaded = store.load()
    assert loaded is not None and len(str(loaded["notes"])) == 2_000_000
    with pytest.raises(DraftError, match="too much text"):
        store.save({"notes": "n" * (drafts.MAX_DRAFT_BYTES + 10)})


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"format": "cramplog-draft", "version": 99, "state": {}}',
        b'{"format": "something-else", "version": 1, "state": {}}',
        b'{"format": "cramplog-draft", "version": 1, "state": "text"}',
        b"[" * 100_000,
    ],
    ids=["empty", "cut off", "binary", "a list", "future", "foreign", "bad state", "deep"],
)
def test_a_damaged_or_foreign_draft_reads_as_no_draft(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "episode.json"
    path.write_bytes(content)
    assert DraftStore(path).load() is None
    assert DraftStore(path).saved_at() is None


def test_the_draft_file_keeps_the_form_state_under_a_versioned_envelope(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "episode.json")
    store.save(FORM)
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert document["format"] == "cramplog-draft" and document["version"] == 1
    assert document["state"] == FORM


def test_a_draft_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DraftError):
        DraftStore.for_episode_form(blocker).save(FORM)
    assert os.path.isfile(blocker)
