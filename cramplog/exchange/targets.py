"""Export targets: never the diary or its journals; written by cramplog's one file writer."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from cramplog import files as file_writer
from cramplog.core.errors import ExportError, ForbiddenTargetError
from cramplog.core.translation import _
from cramplog.storage import health, layout

Writer = Callable[[IO[str]], object]  # what it returns (a count, say) is not used


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_target(diary_path: Path, target: Path) -> None:
    """Refuse a target that is the diary, one of its journal files, or the backups folder."""
    forbidden = [diary_path] + [health.companion(diary_path, s) for s in health.COMPANION_SUFFIXES]
    resolved = target.expanduser().resolve()
    for path in forbidden:
        if resolved == path.resolve() or _same_file(resolved, path):
            raise ForbiddenTargetError(
                _(
                    "{target} is the diary file itself (or one of its journal files); choose "
                    "another name. Nothing was written."
                ).format(target=target)
            )
    backups = layout.backup_dir(diary_path.parent).resolve()
    if resolved.parent == backups:
        raise ForbiddenTargetError(
            _(
                "{target} is inside the backups folder; choose another folder. Nothing was written."
            ).format(target=target)
        )


def write_files(diary_path: Path, files: Sequence[tuple[Path, Writer]]) -> list[Path]:
    """Write each (target, writer) pair with cramplog's one file writer (`cramplog.files`).

    CSV targets are written as UTF-8 with a byte-order mark, others as plain UTF-8. Each
    target is refused first if it is the diary, a journal file, a folder, a device or a
    FIFO; a symbolic link is written through. On any failure the targets are left as they
    were.
    """
    for target, _writer in files:
        check_target(diary_path, target)
    file_writer.write_all(
        [(target, _encoded(target, writer)) for target, writer in files], error=ExportError
    )
    return [target for target, _writer in files]


def _encoded(target: Path, writer: Writer) -> file_writer.Fill:
    def fill(stream: IO[bytes]) -> None:
        # newline="" so the csv module's own line endings pass through unchanged.
        encoding = "utf-8-sig" if target.suffix == ".csv" else "utf-8"
        text = io.TextIOWrapper(stream, encoding=encoding, newline="")
        try:
            writer(text)
            text.flush()
        finally:
            text.detach()  # the stream belongs to the file writer, which syncs and closes it

    return fill
