"""A state machine over the data layer (add, edit, delete, import, backup, restore, reopen,
crash), checked against a plain dictionary after every step, permissions included."""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from cramplog import exchange
from cramplog.core.records import EpisodeInput, Side
from cramplog.diary import backups, integrity
from cramplog.diary.service import Diary
from tests.conftest import NOW
from tests.unit.data_safety import loose_permissions

MUSCLES = ("muscle.calf", "muscle.foot", "muscle.thigh")
# The machine checks logic, not the disk (the kill -9 test does that on a real disk), so it
# runs in memory where there is a tmpfs: 200 examples of fsyncs would take minutes.
FAST_TMP = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
RUNS = {"examples": 0}

# 200 runs of up to six steps, each on a diary file of its own.
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Entry:
    """What the model remembers of one episode."""

    minutes_ago: int
    muscle: str
    intensity: int | None
    notes: str


def entry_of(episode: object) -> Entry:
    from cramplog.core.records import Episode

    assert isinstance(episode, Episode)
    ago = NOW.replace(tzinfo=None, second=0) - episode.start_local
    return Entry(int(ago.total_seconds() // 60), episode.muscle, episode.intensity, episode.notes)


def entry_input(entry: Entry) -> EpisodeInput:
    return EpisodeInput(
        start=NOW - timedelta(minutes=entry.minutes_ago),
        muscle=entry.muscle,
        side=Side.LEFT,
        intensity=entry.intensity,
        notes=entry.notes,
    )


@functools.cache
def empty_diary() -> bytes:
    with tempfile.TemporaryDirectory(dir=FAST_TMP) as folder:
        Diary.open(Path(folder), clock=lambda: NOW).close()
        return (Path(folder) / "diary.sqlite3").read_bytes()


# Any text a person can type: no lone surrogates ("Cs"), no NUL.
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
typed_characters = st.characters(exclude_categories=SURROGATES, exclude_characters="\x00")
entries = st.builds(
    Entry,
    minutes_ago=st.integers(5, 60 * 24 * 400),
    muscle=st.sampled_from(MUSCLES),
    intensity=st.none() | st.integers(0, 10),
    notes=st.text(typed_characters, max_size=30),
)


class DataLayer(RuleBasedStateMachine):
    saved = Bundle("saved")
    taken = Bundle("taken")

    def __init__(self) -> None:
        super().__init__()
        RUNS["examples"] += 1
        # The most permissive umask there is: every file must still come out owner-only.
        self._umask = os.umask(0)
        self.root = Path(tempfile.mkdtemp(prefix="cramplog-machine-", dir=FAST_TMP))
        self.data_dir = self.root / "data"
        self.data_dir.mkdir(mode=0o700)
        # A copy of a new, empty diary: the same state as creating one, at a tenth the cost.
        fd = os.open(self.data_dir / "diary.sqlite3", os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(empty_diary())
        self.diary = Diary.open(self.data_dir, clock=lambda: NOW)
        self.model: dict[str, Entry] = {}

    def teardown(self) -> None:
        self.diary.close()
        shutil.rmtree(self.root, ignore_errors=True)
        os.umask(self._umask)

    # -- entries ----------------------------------------------------------------------------

    @rule(target=saved, entry=entries)
    def add(self, entry: Entry) -> str:
        stored = self.diary.add_episode(entry_input(entry))
        self.model[stored.uuid] = entry
        return stored.uuid

    @rule(key=saved, intensity=st.none() | st.integers(0, 10), notes=st.text(max_size=10))
    def edit(self, key: str, intensity: int | None, notes: str) -> None:
        current = self.diary.episode_by_uuid(key)
        if key not in self.model:
            assert current is None
            return
        assert current is not None
        notes = notes.replace("\x00", "")
        changed = Entry(self.model[key].minutes_ago, self.model[key].muscle, intensity, notes)
        self.diary.update_episode(current.id, entry_input(changed))
        self.model[key] = changed

    @rule(key=consumes(saved))
    def delete(self, key: str) -> None:
        current = self.diary.episode_by_uuid(key)
        if key in self.model:
            assert current is not None
            self.diary.delete_episode(current.id)
            del self.model[key]
        else:
            assert current is None

    @rule(new=st.lists(entries, min_size=1, max_size=3), repeat_one=st.booleans())
    def import_json(self, new: list[Entry], repeat_one: bool) -> None:
        records = []
        for entry in new:
            key = str(uuid.uuid4())
            records.append((key, entry))
        if repeat_one and self.model:
            key, entry = next(iter(self.model.items()))
            records.append((key, Entry(1, "muscle.hand", 3, "must not replace the stored one")))
        document = {
            "format": "cramplog-diary",
            "version": 1,
            "episodes": [
                {
                    "uuid": key,
                    "start_local": (NOW - timedelta(minutes=entry.minutes_ago))
                    .replace(tzinfo=None)
                    .isoformat(timespec="seconds"),
                    "utc_offset_min": int(NOW.utcoffset().total_seconds() // 60),  # type: ignore[union-attr]
                    "muscle": entry.muscle,
                    "intensity": entry.intensity,
                    "notes": entry.notes,
                    "created_utc": "2026-03-01T00:00:00Z",
                    "updated_utc": "2026-03-01T00:00:00Z",
                }
                for key, entry in records
            ],
        }
        path = self.root / "import.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        plan = exchange.plan_import(self.diary, path)
        assert plan.errors == []
        exchange.apply_import(self.diary, plan)
        for key, entry in records:
            self.model.setdefault(key, entry)

    # -- files ------------------------------------------------------------------------------

    @rule(target=taken)
    def back_up(self) -> tuple[Path, dict[str, Entry]]:
        made = backups.back_up(self.data_dir)
        assert made is not None
        return made.path, dict(self.model)

    @rule(backup=taken)
    def restore(self, backup: tuple[Path, dict[str, Entry]]) -> None:
        path, then = backup
        self.diary.close()
        result = backups.restore(self.data_dir, path)
        assert result.previous_diary is not None
        self.diary = integrity.open_checked(self.data_dir, clock=lambda: NOW)
        self.model = dict(then)
        assert self.diary.integrity_problems() == []

    @rule()
    def reopen(self) -> None:
        self.diary.close()
        self.diary = integrity.open_checked(self.data_dir, clock=lambda: NOW)

    @precondition(lambda self: (self.data_dir / "diary.sqlite3-wal").exists())
    @rule()
    def crash(self) -> None:
        """What kill -9 leaves: the main file as last checkpointed, and the log beside it."""
        path = self.data_dir / "diary.sqlite3"
        main = path.read_bytes()
        wal = (self.data_dir / "diary.sqlite3-wal").read_bytes()
        self.diary.close()
        path.write_bytes(main)
        (self.data_dir / "diary.sqlite3-wal").write_bytes(wal)
        (self.data_dir / "diary.sqlite3-shm").unlink(missing_ok=True)
        verdict = integrity.examine(self.data_dir)
        assert verdict.usable, verdict.message
        self.diary = integrity.open_checked(self.data_dir, clock=lambda: NOW)
        assert self.diary.integrity_problems() == []

    # -- what must always hold --------------------------------------------------------------

    @invariant()
    def the_diary_holds_what_the_model_holds(self) -> None:
        stored = {e.uuid: entry_of(e) for e in self.diary.list_episodes()}
        assert stored == self.model

    @invariant()
    def every_file_stays_owner_only(self) -> None:
        assert loose_permissions(self.data_dir) == []


DataLayer.TestCase.settings = settings(
    max_examples=200,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestDataLayer = DataLayer.TestCase
