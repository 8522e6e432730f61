"""Cramps' figures kept in an index, worked out once when each is written.

Every figure of a period reads the period's cramps packed one integer each. SQLite worked
the packed value out from the table on every read: about a microsecond per cramp, 100 ms of
a century's Patterns redraw and a seventh of `cramplog stats` over ten years. This adds two
virtual columns (no byte more in the table) and an index that holds them beside
`start_local`: SQLite computes them when a cramp is written, and the read takes them from
the index (half the read's time).

The expressions are written out here, not imported: they are this revision's schema, and
the app's `storage.episode_figures` may change only with a migration of its own (a test
checks that the two agree).

Only columns and an index are added: no table is recreated, so nothing cascades. A later
migration that drops a column these expressions read must drop the index and the two
columns first (SQLite refuses otherwise).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FIGURES_PACKED = (
    "coalesce(intensity, 15)"
    " + CASE WHEN woke_from_sleep IS 1 OR activity = 'activity.asleep' THEN 16"
    " WHEN woke_from_sleep IS NULL AND activity IS NULL THEN 17179869184 ELSE 0 END"
    " + CASE side WHEN 'left' THEN 0 WHEN 'right' THEN 64 WHEN 'both' THEN 128"
    " WHEN 'n/a' THEN 192 ELSE 192 END"
    " + coalesce(duration_s, 0) * 131072"
    " + CASE WHEN time_noted IS 0 THEN 34359738368 ELSE 0 END"
    " + CAST(substr(start_local, 12, 2) AS INTEGER) * 137438953472"
)
START_SECONDS = "CAST((julianday(start_local) - 2415020.5) * 86400 + 0.5 AS INTEGER)"


def upgrade() -> None:
    op.execute(
        "ALTER TABLE episodes ADD COLUMN figures_packed INTEGER"
        f" GENERATED ALWAYS AS ({FIGURES_PACKED}) VIRTUAL"
    )
    op.execute(
        "ALTER TABLE episodes ADD COLUMN start_seconds INTEGER"
        f" GENERATED ALWAYS AS ({START_SECONDS}) VIRTUAL"
    )
    op.execute(
        "CREATE INDEX ix_episodes_figures"
        " ON episodes (start_local, figures_packed, start_seconds, muscle)"
    )


def downgrade() -> None:
    raise NotImplementedError("cramplog never downgrades a diary")
