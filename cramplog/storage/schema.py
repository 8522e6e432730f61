"""The diary's SQLite schema as SQLAlchemy 2.0 typed models."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from cramplog.core.records import ChecklistKind
from cramplog.storage import episode_figures

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The checklist kinds, in one place (`ChecklistKind`); the CHECK constraint lists their values.
VOCABULARY_KINDS = tuple(kind.value for kind in ChecklistKind)
SIDES = episode_figures.SIDES
HYDRATION_LEVELS = ("well", "normal", "thirsty")
RELIEF_RATINGS = ("helped", "a_little", "not_helped")
EXERCISE_LEVELS = ("none", "usual", "hard", "unaccustomed")
TAKEN_FOR = ("cramps", "other")
SPAN_SOURCES = ("declared", "import", "review")


def _one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    test = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {test}" if nullable else test


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Vocabulary(Base):
    """Every code an episode may refer to: the checklist's items and the person's own words."""

    __tablename__ = "vocabulary"

    code: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(Text)
    builtin: Mapped[bool] = mapped_column(default=False)
    hidden: Mapped[bool] = mapped_column(default=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_utc: Mapped[datetime] = mapped_column(DateTime)
    updated_utc: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint(_one_of("kind", VOCABULARY_KINDS), name="kind"),
        CheckConstraint("length(trim(label)) BETWEEN 1 AND 200", name="label"),
        CheckConstraint("length(code) > 0", name="code"),
    )


class EpisodeRow(Base):
    __tablename__ = "episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    start_utc: Mapped[datetime] = mapped_column(DateTime)
    utc_offset_min: Mapped[int] = mapped_column(Integer)
    # Wall-clock time where it happened, derived in SQL so it can never disagree with
    # start_utc + offset; indexed because every period and night query ranges over it.
    start_local: Mapped[str] = mapped_column(
        String(19),
        Computed(
            "strftime('%Y-%m-%d %H:%M:%S', start_utc, utc_offset_min || ' minutes')", persisted=True
        ),
        index=True,
    )
    muscle: Mapped[str] = mapped_column(ForeignKey("vocabulary.code"), index=True)
    side: Mapped[str] = mapped_column(String(4))
    # Indexed (migration 0006): the long-cramp warning sign looks for the few over 10 minutes.
    duration_s: Mapped[int | None] = mapped_column(Integer, index=True)
    intensity: Mapped[int | None] = mapped_column(Integer)
    activity: Mapped[str | None] = mapped_column(ForeignKey("vocabulary.code"))
    hydration: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str] = mapped_column(Text, default="")
    to_review: Mapped[bool] = mapped_column(default=False)
    created_utc: Mapped[datetime] = mapped_column(DateTime)
    updated_utc: Mapped[datetime] = mapped_column(DateTime)
    # The columns below were added by migration 0003 (so they come last in every diary).
    # None is "not answered": a quick log or an imported row without the column says nothing.
    woke_from_sleep: Mapped[bool | None] = mapped_column()
    # Whether the person was asked about triggers / relief methods (the full form, or an
    # imported column): only then does an empty list mean "none", rather than "unknown".
    triggers_asked: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    reliefs_asked: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    # Added by migration 0004. False: only the date was noted, so `start_local` is the
    # conventional moment of `nights.date_only_start` and its clock time means nothing.
    time_noted: Mapped[bool] = mapped_column(default=True, server_default=text("1"))
    # Added by migration 0007: what the figures read of each cramp, worked out by SQLite when
    # it is written and kept in `ix_episodes_figures` (see `episode_figures`). Virtual, so
    # the table stores nothing more; deferred, so loading an episode never asks for them
    # (an insert's RETURNING does: a few microseconds, left as it is).
    figures_packed: Mapped[int | None] = mapped_column(
        Integer, Computed(episode_figures.FIGURES_PACKED_SQL, persisted=False), deferred=True
    )
    start_seconds: Mapped[int | None] = mapped_column(
        Integer, Computed(episode_figures.START_SECONDS_SQL, persisted=False), deferred=True
    )

    triggers: Mapped[list[EpisodeTrigger]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    reliefs: Mapped[list[EpisodeRelief]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    symptoms: Mapped[list[EpisodeSymptom]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )

    __table_args__ = (
        CheckConstraint(_one_of("side", SIDES), name="side"),
        CheckConstraint("duration_s IS NULL OR duration_s BETWEEN 1 AND 86400", name="duration"),
        CheckConstraint("intensity IS NULL OR intensity BETWEEN 0 AND 10", name="intensity"),
        CheckConstraint(_one_of("hydration", HYDRATION_LEVELS, nullable=True), name="hydration"),
        CheckConstraint("utc_offset_min BETWEEN -1080 AND 1080", name="utc_offset"),
        Index(episode_figures.FIGURES_INDEX, *episode_figures.FIGURES_INDEX_COLUMNS),
    )


class EpisodeTrigger(Base):
    __tablename__ = "episode_triggers"

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(ForeignKey("vocabulary.code"), primary_key=True, index=True)


class EpisodeRelief(Base):
    __tablename__ = "episode_reliefs"

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(ForeignKey("vocabulary.code"), primary_key=True)
    rating: Mapped[str | None] = mapped_column(String(12))

    __table_args__ = (
        CheckConstraint(_one_of("rating", RELIEF_RATINGS, nullable=True), name="rating"),
        # Counting tries by method and rating reads this index alone (migration 0005).
        Index("ix_episode_reliefs_code_rating", "code", "rating"),
    )


class EpisodeSymptom(Base):
    __tablename__ = "episode_symptoms"

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(ForeignKey("vocabulary.code"), primary_key=True, index=True)


class DiaryDayRow(Base):
    """One diary day: the night of `night_of` and the factors of that day."""

    __tablename__ = "diary_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    night_of: Mapped[date] = mapped_column(Date, unique=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    reviewed: Mapped[bool] = mapped_column(default=False)
    fluids_l: Mapped[float | None] = mapped_column(Float)
    exercise: Mapped[str | None] = mapped_column(String(12))
    alcohol_units: Mapped[float | None] = mapped_column(Float)
    caffeine_drinks: Mapped[int | None] = mapped_column(Integer)
    hot_or_sweating: Mapped[bool | None] = mapped_column()
    long_standing: Mapped[bool | None] = mapped_column()
    long_sitting: Mapped[bool | None] = mapped_column()
    stretched_before_bed: Mapped[bool | None] = mapped_column()
    stress: Mapped[int | None] = mapped_column(Integer)
    sleep_disturbance: Mapped[int | None] = mapped_column(Integer)
    minutes_awake: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_utc: Mapped[datetime] = mapped_column(DateTime)
    updated_utc: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint("fluids_l IS NULL OR fluids_l BETWEEN 0 AND 20", name="fluids"),
        CheckConstraint(_one_of("exercise", EXERCISE_LEVELS, nullable=True), name="exercise"),
        CheckConstraint("alcohol_units IS NULL OR alcohol_units BETWEEN 0 AND 100", name="alcohol"),
        CheckConstraint(
            "caffeine_drinks IS NULL OR caffeine_drinks BETWEEN 0 AND 50", name="caffeine"
        ),
        CheckConstraint("stress IS NULL OR stress BETWEEN 0 AND 10", name="stress"),
        CheckConstraint(
            "sleep_disturbance IS NULL OR sleep_disturbance BETWEEN 0 AND 10", name="sleep"
        ),
        CheckConstraint("minutes_awake IS NULL OR minutes_awake BETWEEN 0 AND 1440", name="awake"),
    )


class MedicationRow(Base):
    __tablename__ = "medications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    dose: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None] = mapped_column(Date)
    stopped_on: Mapped[date | None] = mapped_column(Date)
    taken_for: Mapped[str] = mapped_column(String(10))
    med_class: Mapped[str | None] = mapped_column(ForeignKey("vocabulary.code"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_utc: Mapped[datetime] = mapped_column(DateTime)
    updated_utc: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name"),
        CheckConstraint(_one_of("taken_for", TAKEN_FOR), name="taken_for"),
        CheckConstraint(
            "stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on", name="dates"
        ),
    )


class LoggingSpanRow(Base):
    """A stretch of nights over which the person says every cramp was logged.

    Nights inside a span count as recorded (cramp-free where nothing was logged). An open
    span (`last_night` NULL) runs on to the most recent night: "I log every cramp from D".
    """

    __tablename__ = "logging_spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    first_night: Mapped[date] = mapped_column(Date, index=True)
    last_night: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(10))
    created_utc: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint(_one_of("source", SPAN_SOURCES), name="source"),
        CheckConstraint("last_night IS NULL OR last_night >= first_night", name="order"),
    )


class Setting(Base):
    """Diary-wide settings that change what the numbers mean (e.g. the day-boundary hour)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
