"""Long cramps found from an index.

The warning sign "a cramp over 10 minutes despite stretching" looks for the period's cramps
longer than ten minutes: about one in a hundred. Without an index on `duration_s` SQLite
reads every episode to find them (a hundred-year diary: about 24 ms on each Patterns
redraw); with one it reads only those few (about 2 ms for the search itself).

Only an index is added: no table is recreated, so nothing cascades.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_episodes_duration_s ON episodes (duration_s)")


def downgrade() -> None:
    raise NotImplementedError("cramplog never downgrades a diary")
