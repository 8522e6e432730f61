"""The first diary schema: vocabulary, episodes with their links, diary days, medications.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_utc", sa.DateTime(), nullable=False),
        sa.Column("updated_utc", sa.DateTime(), nullable=False),
    ]


# Over 60 lines because a migration is frozen history: the first schema, table by table.
def upgrade() -> None:
    op.create_table(
        "vocabulary",
        sa.Column("code", sa.String(120), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        *_timestamps(),
        sa.CheckConstraint(
            "kind IN ('muscle', 'activity', 'trigger', 'relief', 'symptom', 'warning', "
            "'medication_class', 'risk_group')",
            name="kind",
        ),
        sa.CheckConstraint("length(trim(label)) BETWEEN 1 AND 200", name="label"),
        sa.CheckConstraint("length(code) > 0", name="code"),
    )
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("start_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column(
            "start_local",
            sa.String(19),
            sa.Computed(
                "strftime('%Y-%m-%d %H:%M:%S', start_utc, utc_offset_min || ' minutes')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column("muscle", sa.String(120), sa.ForeignKey("vocabulary.code"), nullable=False),
        sa.Column("side", sa.String(4), nullable=False),
        sa.Column("duration_s", sa.Integer()),
        sa.Column("intensity", sa.Integer()),
        sa.Column("woke_from_sleep", sa.Boolean(), nullable=False),
        sa.Column("activity", sa.String(120), sa.ForeignKey("vocabulary.code")),
        sa.Column("hydration", sa.String(10)),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("to_review", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("side IN ('left', 'right', 'both', 'n/a')", name="side"),
        sa.CheckConstraint("duration_s IS NULL OR duration_s BETWEEN 1 AND 86400", name="duration"),
        sa.CheckConstraint("intensity IS NULL OR intensity BETWEEN 0 AND 10", name="intensity"),
        sa.CheckConstraint(
            "hydration IS NULL OR hydration IN ('well', 'normal', 'thirsty')", name="hydration"
        ),
        sa.CheckConstraint("utc_offset_min BETWEEN -1080 AND 1080", name="utc_offset"),
    )
    op.create_index("ix_episodes_start_local", "episodes", ["start_local"])
    op.create_index("ix_episodes_muscle", "episodes", ["muscle"])
    for table, extra in (
        ("episode_triggers", []),
        ("episode_reliefs", [sa.Column("rating", sa.String(12))]),
        ("episode_symptoms", []),
    ):
        checks = (
            [
                sa.CheckConstraint(
                    "rating IS NULL OR rating IN ('helped', 'a_little', 'not_helped')",
                    name="rating",
                )
            ]
            if table == "episode_reliefs"
            else []
        )
        op.create_table(
            table,
            sa.Column(
                "episode_id",
                sa.Integer(),
                sa.ForeignKey("episodes.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("code", sa.String(120), sa.ForeignKey("vocabulary.code"), primary_key=True),
            *extra,
            *checks,
        )
        op.create_index(f"ix_{table}_code", table, ["code"])
    op.create_table(
        "diary_days",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("night_of", sa.Date(), nullable=False, unique=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("fluids_l", sa.Float()),
        sa.Column("exercise", sa.String(12)),
        sa.Column("alcohol_units", sa.Float()),
        sa.Column("caffeine_drinks", sa.Integer()),
        sa.Column("hot_or_sweating", sa.Boolean()),
        sa.Column("long_standing", sa.Boolean()),
        sa.Column("long_sitting", sa.Boolean()),
        sa.Column("stretched_before_bed", sa.Boolean()),
        sa.Column("stress", sa.Integer()),
        sa.Column("sleep_disturbance", sa.Integer()),
        sa.Column("minutes_awake", sa.Integer()),
        sa.Column("notes", sa.Text(), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("fluids_l IS NULL OR fluids_l BETWEEN 0 AND 20", name="fluids"),
        sa.CheckConstraint(
            "exercise IS NULL OR exercise IN ('none', 'usual', 'hard', 'unaccustomed')",
            name="exercise",
        ),
        sa.CheckConstraint(
            "alcohol_units IS NULL OR alcohol_units BETWEEN 0 AND 100", name="alcohol"
        ),
        sa.CheckConstraint(
            "caffeine_drinks IS NULL OR caffeine_drinks BETWEEN 0 AND 50", name="caffeine"
        ),
        sa.CheckConstraint("stress IS NULL OR stress BETWEEN 0 AND 10", name="stress"),
        sa.CheckConstraint(
            "sleep_disturbance IS NULL OR sleep_disturbance BETWEEN 0 AND 10", name="sleep"
        ),
        sa.CheckConstraint(
            "minutes_awake IS NULL OR minutes_awake BETWEEN 0 AND 1440", name="awake"
        ),
    )
    op.create_table(
        "medications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("dose", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date()),
        sa.Column("stopped_on", sa.Date()),
        sa.Column("taken_for", sa.String(10), nullable=False),
        sa.Column("med_class", sa.String(120), sa.ForeignKey("vocabulary.code")),
        sa.Column("notes", sa.Text(), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name"),
        sa.CheckConstraint("taken_for IN ('cramps', 'other')", name="taken_for"),
        sa.CheckConstraint(
            "stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on", name="dates"
        ),
    )


def downgrade() -> None:
    raise NotImplementedError("cramplog never downgrades a diary")
