"""kill -9 at random moments: after every round the diary is intact and holds every saved entry.

A launcher process imports cramplog once and forks a writer per round (a fork is far quicker
than starting Python 60 times). The writer opens the diary as the app does, saves complete
entries (with triggers, reliefs and symptoms), takes a backup now and then, and prints an
acknowledgement after each commit. The test kills it with SIGKILL at a random moment, then
checks the file with SQLite's full integrity check and looks for every acknowledged entry.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from cramplog.diary import backups, integrity
from tests.conftest import NOW

ROUNDS = 60

LAUNCHER = r"""
import os, sys
from datetime import datetime, timedelta, timezone
from cramplog.diary import backups, integrity
from cramplog.core.records import EpisodeInput, ReliefRating, Side

NOW = datetime.fromisoformat(sys.argv[1])


def write(data_dir, seed):
    print(f"started {os.getpid()}", flush=True)
    diary = integrity.open_checked(data_dir, clock=lambda: NOW)
    n = seed * 100_000
    while True:
        n += 1
        saved = diary.add_episode(
            EpisodeInput(
                start=NOW - timedelta(minutes=n % 500_000 + 5),
                muscle="muscle.calf",
                side=Side.LEFT,
                duration_s=1 + n % 600,
                intensity=n % 11,
                triggers=("trigger.dehydration", "trigger.long_standing"),
                reliefs=(("relief.stretch", ReliefRating.HELPED), ("relief.heat", None)),
                symptoms=("symptom.soreness_after",),
                notes=f"entry {n} " + "x" * (n % 2000),
            )
        )
        print(f"ack {saved.uuid} {n}", flush=True)
        if n % 25 == 0:
            backups.back_up(data_dir, reason=backups.Reason.AUTOMATIC, only_if_changed=True)


for line in sys.stdin:
    command, *args = line.split()
    if command == "run":
        pid = os.fork()
        if pid == 0:
            try:
                write(__import__("pathlib").Path(args[0]), int(args[1]))
            finally:
                os._exit(1)
    elif command == "reap":
        os.waitpid(int(args[0]), 0)
        # A new line first: a writer killed mid-line must not swallow this one.
        print("\nreaped", flush=True)
    elif command == "quit":
        break
"""


class Launcher:
    """The forking launcher and a thread turning its output into a queue of lines."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, NOW.isoformat()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def next_line(self, timeout: float = 30) -> str:
        return self.lines.get(timeout=timeout)

    def close(self) -> None:
        try:
            self.send("quit")
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def one_round(launcher: Launcher, data_dir: Path, seed: int, rng: random.Random) -> set[str]:
    """Start a writer, kill it at a random moment, and return the entries it acknowledged."""
    launcher.send(f"run {data_dir} {seed}")
    line = launcher.next_line()
    assert line.startswith("started "), line
    pid = int(line.split()[1])
    acknowledged: set[str] = set()
    # Anywhere from during the diary's opening to a few dozen commits in.
    kill_at = time.monotonic() + rng.uniform(0.0, 0.15)
    while (left := kill_at - time.monotonic()) > 0:
        try:
            line = launcher.lines.get(timeout=left)
        except queue.Empty:
            break
        if line.startswith("ack "):
            acknowledged.add(line.split()[1])
    os.kill(pid, signal.SIGKILL)
    launcher.send(f"reap {pid}")
    while (line := launcher.next_line()) != "reaped":
        if line.startswith("ack ") and len(line.split()) == 3:
            acknowledged.add(line.split()[1])
        elif line.endswith("reaped"):
            raise AssertionError(f"partial line {line!r}")
    return acknowledged


def test_every_acknowledged_entry_survives_kill_9(tmp_path: Path) -> None:
    rng = random.Random(20260312)
    launcher = Launcher()
    survived = 0
    unfinished = 0
    checked_backups: set[Path] = set()
    data_dir = tmp_path / "round-0"
    acknowledged: set[str] = set()
    try:
        for round_number in range(ROUNDS):
            if round_number % 15 == 0:
                # A fresh diary now and then, so some kills land while one is being created.
                data_dir = tmp_path / f"round-{round_number}"
                acknowledged = set()
            acknowledged |= one_round(launcher, data_dir, round_number, rng)

            verdict = integrity.examine(data_dir)
            if verdict.condition is integrity.Condition.UNFINISHED:
                # Killed while creating a new diary: nothing was ever acknowledged, and
                # opening starts it afresh (keeping the shell aside).
                assert not acknowledged, f"round {round_number}: {verdict.message}"
                unfinished += 1
            else:
                assert verdict.usable, f"round {round_number}: {verdict.message}"
            diary = integrity.open_checked(data_dir, clock=lambda: NOW)
            try:
                assert diary.integrity_problems() == [], f"round {round_number}"
                stored = {e.uuid: e for e in diary.list_episodes()}
            finally:
                diary.close()
            missing = acknowledged - stored.keys()
            assert not missing, f"round {round_number}: lost {len(missing)} acknowledged entries"
            for uuid in acknowledged:
                entry = stored[uuid]
                assert entry.triggers == ("trigger.dehydration", "trigger.long_standing")
                assert [code for code, _rating in entry.reliefs] == [
                    "relief.heat",
                    "relief.stretch",
                ]
                assert entry.symptoms == ("symptom.soreness_after",)
            # Every backup carrying a final name was verified before it got that name.
            for backup in backups.list_backups(data_dir):
                if backup.path not in checked_backups:
                    assert backups.details(backup).usable, backup.path.name
                    checked_backups.add(backup.path)
            survived += 1
    finally:
        launcher.close()
    assert survived == ROUNDS
    print(f"kill -9 rounds survived: {survived} ({unfinished} during a diary's creation)")
