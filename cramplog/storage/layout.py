"""How a diary file is found and recognised: its name, its application id, its schema stamps.

Kept apart from the SQLAlchemy modules so that examining a diary at start-up (and reading
its list for the first screen) does not wait for SQLAlchemy to load.
"""

from __future__ import annotations

from pathlib import Path

DIARY_FILENAME = "diary.sqlite3"
BACKUP_DIRNAME = "backups"

# "CRMP": written into the SQLite header so a cramplog diary is told from any other file.
APPLICATION_ID = 0x43524D50

# The schema revisions this cramplog knows, oldest first. Kept here (and checked against the
# migration scripts by a test) so that opening an up-to-date diary never imports Alembic.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
HEAD_REVISION = REVISIONS[-1]

# The setting of the day-boundary hour: read by the first screen's preview and by the
# read-only figures, neither of which loads the ORM (nor the records of each entry).
BOUNDARY_HOUR_KEY = "day_boundary_hour"


def diary_path(data_dir: Path) -> Path:
    return data_dir / DIARY_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME
