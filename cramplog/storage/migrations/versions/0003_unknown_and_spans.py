"""Unknown answers and logging spans.

- `episodes.woke_from_sleep` may be NULL ("not answered"). What the app itself invented
  becomes NULL: entries quick-logged and still to review, and entries whose details were
  never given at all (no activity, hydration, trigger, relief or symptom and woke "no" —
  what an import of a file without those columns stored). A person who truly answered "no"
  and nothing else is indistinguishable from those; unknown is the honest reading.
- `triggers_asked` / `reliefs_asked`: whether an empty trigger or relief list means "none"
  (asked) or "unknown". True where a trigger/relief was noted, or where the entry went
  through the full form (reviewed, with an activity, hydration, trigger, relief or symptom
  given; "woke" alone is what a cramps-only import could hold).
- `logging_spans`: stretches of nights over which every cramp was logged.

The column is rebuilt with ADD / UPDATE / DROP / RENAME COLUMN, never by recreating the
table: with foreign keys on, dropping `episodes` would cascade into the link tables.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_NOTHING_GIVEN = (
    "activity IS NULL AND hydration IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM episode_triggers t WHERE t.episode_id = episodes.id)"
    " AND NOT EXISTS (SELECT 1 FROM episode_reliefs r WHERE r.episode_id = episodes.id)"
    " AND NOT EXISTS (SELECT 1 FROM episode_symptoms s WHERE s.episode_id = episodes.id)"
)


def upgrade() -> None:
    op.execute("ALTER TABLE episodes ADD COLUMN woke_answer BOOLEAN")
    op.execute(
        "UPDATE episodes SET woke_answer = CASE"
        " WHEN to_review THEN NULL"
        f" WHEN NOT woke_from_sleep AND {_NOTHING_GIVEN} THEN NULL"
        " ELSE woke_from_sleep END"
    )
    op.execute("ALTER TABLE episodes DROP COLUMN woke_from_sleep")
    op.execute("ALTER TABLE episodes RENAME COLUMN woke_answer TO woke_from_sleep")
    for column, table in (
        ("triggers_asked", "episode_triggers"),
        ("reliefs_asked", "episode_reliefs"),
    ):
        op.execute(f"ALTER TABLE episodes ADD COLUMN {column} BOOLEAN NOT NULL DEFAULT 0")
        op.execute(
            f"UPDATE episodes SET {column} = CASE"
            f" WHEN EXISTS (SELECT 1 FROM {table} x WHERE x.episode_id = episodes.id) THEN 1"
            " WHEN to_review THEN 0"
            f" WHEN {_NOTHING_GIVEN} THEN 0"
            " ELSE 1 END"
        )
    op.create_table(
        "logging_spans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("first_night", sa.Date(), nullable=False),
        sa.Column("last_night", sa.Date()),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("created_utc", sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('declared', 'import', 'review')", name="source"),
        sa.CheckConstraint("last_night IS NULL OR last_night >= first_night", name="order"),
    )
    op.create_index("ix_logging_spans_first_night", "logging_spans", ["first_night"])


def downgrade() -> None:
    raise NotImplementedError("cramplog never downgrades a diary")
