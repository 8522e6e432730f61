"""Cramps noted by date only.

`episodes.time_noted`: False where the person gave a date but no clock time (a spreadsheet
row with a date only); its `start_local` is then the conventional moment chosen by
`nights.date_only_start` and no hour-of-night figure uses it. Every cramp stored before
this revision was entered with a time, so existing rows read true (the server default).

Added with ADD COLUMN, never by recreating the table: with foreign keys on, dropping
`episodes` would cascade into the link tables.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE episodes ADD COLUMN time_noted BOOLEAN NOT NULL DEFAULT 1")


def downgrade() -> None:
    raise NotImplementedError("cramplog never downgrades a diary")
