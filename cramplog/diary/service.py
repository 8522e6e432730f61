"""The diary service: every action the app and the CLI take, one transaction each."""
# Over 400 lines because Diary is the one façade every action goes through: one short
# method per action, one transaction each, nothing else in the file.

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cramplog.core import checklist as checklists
from cramplog.core import nights, recorded, validation, wording
from cramplog.core.errors import ValidationError
from cramplog.core.records import (
    ChecklistKind,
    DayFactors,
    DiaryDay,
    Episode,
    EpisodeFilter,
    EpisodeInput,
    LoggingSpan,
    Medication,
    MedicationInput,
    SpanSource,
    VocabularyItem,
    VocabularyKind,
    new_uuid,
)
from cramplog.core.translation import _
from cramplog.diary import setting_values
from cramplog.storage import layout, plain_reads
from cramplog.storage import repository as repo
from cramplog.storage.store import Store

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy.orm import Session

T = TypeVar("T")

BOUNDARY_HOUR_KEY = setting_values.BOUNDARY_HOUR_KEY
FREQUENT_THRESHOLD_KEY = setting_values.FREQUENT_THRESHOLD_KEY
SLEEP_HOURS_KEY = setting_values.SLEEP_HOURS_KEY
ONE_NIGHT = timedelta(days=1)
DEFAULT_FREQUENT_THRESHOLD = setting_values.DEFAULT_FREQUENT_THRESHOLD
MAX_FREQUENT_THRESHOLD = setting_values.MAX_FREQUENT_THRESHOLD
_CHECKLIST_HASH_KEY = setting_values.CHECKLIST_HASH_KEY


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


PINNED_NOW_ENV = setting_values.PINNED_NOW_ENV
_local_now = setting_values.local_now


class Diary:
    """One open diary. Widgets and commands hold this, never a Session or an ORM object."""

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        *,
        checklist: checklists.Checklist | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        self.data_dir = data_dir
        self.checklist = checklist or checklists.load_checklist()
        # The clock is injected so tests can fix "now" (future-time checks, last night).
        self._clock = clock or _local_now
        self._labels: dict[str, str] = {}
        self._boundary_hour: int | None = None
        self._codes_by_kind: dict[str, frozenset[str]] = {}
        self._sync_vocabulary()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> Diary:
        """Open (creating or upgrading) the diary in `data_dir`."""
        store = Store.open(data_dir)
        try:
            return cls(store, data_dir, clock=clock)
        except BaseException:
            store.close()
            raise

    @property
    def path(self) -> Path:
        return layout.diary_path(self.data_dir)

    def close(self) -> None:
        self._store.close()

    def now(self) -> datetime:
        return self._clock()

    def _transaction(self) -> AbstractContextManager[Session]:
        """One transaction per user action; storage failures become a StorageError."""
        return self._store.transaction()

    @contextmanager
    def bulk_session(self) -> Iterator[Session]:
        """One transaction for storing many records at once (a sample diary, an import)."""
        with self._transaction() as session:
            yield session

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run `fn` in one read transaction, so aggregate queries see one consistent diary.

        `fn` is a repository function (e.g. from `cramplog.storage.aggregates`) returning plain
        values; it must not keep the Session or any ORM object.
        """
        with self._transaction() as session:
            return fn(session)

    def read_plain(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` on the session's own sqlite3 connection, in one read transaction.

        For the statistics' plain SQL (`cramplog.storage.aggregates`), which a read-only
        command runs on a connection of its own without SQLAlchemy.
        """
        with self._store.plain_transaction() as connection:
            return fn(connection)

    def reload(self) -> None:
        """Forget what this Diary caches (vocabulary, boundary hour) after a bulk change."""
        self._boundary_hour = None
        self._sync_vocabulary()

    # -- vocabulary -------------------------------------------------------------------------

    def _sync_vocabulary(self) -> None:
        items = [(item.code, item.kind, item.label) for item in self.checklist.items]
        digest = setting_values.checklist_digest(self.checklist)
        with self._transaction() as session:
            if repo.get_setting(session, _CHECKLIST_HASH_KEY) != digest:
                repo.sync_builtin_vocabulary(session, items, now=_utc_now(), new_uuid=new_uuid)
                repo.put_setting(session, _CHECKLIST_HASH_KEY, digest)
            self._load_vocabulary(session)

    def _load_vocabulary(self, session: Session) -> None:
        entries = repo.vocabulary(session)
        by_kind: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        for entry in entries:
            labels[entry.code] = entry.label
            by_kind.setdefault(entry.kind, set()).add(entry.code)
        # Swapped in whole: an import's worker reloads them while the window reads them.
        self._labels = labels
        self._codes_by_kind = {kind: frozenset(codes) for kind, codes in by_kind.items()}

    def codes(self, kind: str) -> frozenset[str]:
        """Every code of a kind the diary accepts: the checklist's and the person's own."""
        return self._codes_by_kind.get(kind, frozenset())

    def label(self, code: str) -> str:
        """The label shown for a code; an unknown code is shown as itself, never hidden.

        The checklist's labels go through the catalogue (the person's language); the person's
        own words are shown as they wrote them.
        """
        label = self._labels.get(code)
        if label is None:
            return code
        return label if code.startswith("custom.") else _(label)

    def custom_items(self, kind: VocabularyKind | None = None) -> list[VocabularyItem]:
        with self._transaction() as session:
            return repo.custom_items(session, kind)

    def _check_new_label(
        self, session: Session, kind: VocabularyKind, label: str, *, renaming: str | None = None
    ) -> None:
        """Refuse a word that would read the same as a checklist item or another own word."""
        for item in self.checklist.of_kind(kind.value):
            if item.label.casefold() == label.casefold():
                raise ValidationError(
                    _("“{label}” is already in the checklist; choose it there.").format(
                        label=label
                    ),
                    field="label",
                )
        existing = repo.find_custom_by_label(session, kind, label)
        if existing is not None and existing != renaming:
            raise ValidationError(
                _("“{label}” is already in your list.").format(label=label), field="label"
            )

    def add_custom_item(self, kind: VocabularyKind, label: str) -> VocabularyItem:
        label = validation.check_label(label)
        with self._transaction() as session:
            self._check_new_label(session, kind, label)
            code = f"custom.{kind.value}.{new_uuid()}"
            item = repo.add_custom_item(
                session, code=code, kind=kind, label=label, uuid=new_uuid(), now=_utc_now()
            )
            self._load_vocabulary(session)
        return item

    def rename_custom_item(self, code: str, label: str) -> VocabularyItem:
        label = validation.check_label(label)
        with self._transaction() as session:
            kind = code.split(".")[1] if code.count(".") >= 2 else ""
            if kind in {k.value for k in VocabularyKind}:
                self._check_new_label(session, VocabularyKind(kind), label, renaming=code)
            item = repo.update_custom_item(session, code, label=label, now=_utc_now())
            self._load_vocabulary(session)
        return item

    def set_custom_item_hidden(self, code: str, hidden: bool) -> VocabularyItem:
        with self._transaction() as session:
            item = repo.update_custom_item(session, code, hidden=hidden, now=_utc_now())
            self._load_vocabulary(session)
        return item

    def remove_custom_item(self, code: str) -> VocabularyItem:
        """Take back the adding of a word of one's own (the undo stack's); a used word stays."""
        with self._transaction() as session:
            item = repo.delete_custom_item(session, code)
            self._load_vocabulary(session)
        return item

    def restore_custom_item(self, item: VocabularyItem) -> VocabularyItem:
        """Put a removed word of one's own back with its code, so what named it still does."""
        with self._transaction() as session:
            restored = repo.add_custom_item(
                session,
                code=item.code,
                kind=item.kind,
                label=item.label,
                uuid=item.uuid,
                now=_utc_now(),
            )
            self._load_vocabulary(session)
        return restored

    # -- settings ---------------------------------------------------------------------------

    @property
    def boundary_hour(self) -> int:
        # Cached: night_of() asks for it once per row of a 15,000-row list. This connection
        # is the diary's only writer, so the cache cannot go stale behind our back.
        if self._boundary_hour is None:
            with self._transaction() as session:
                value = repo.get_setting(session, BOUNDARY_HOUR_KEY)
            self._boundary_hour = nights.boundary_from_setting(value)
        return self._boundary_hour

    def set_boundary_hour(self, hour: int) -> None:
        try:
            nights.check_boundary_hour(hour)
        except ValueError as exc:
            raise ValidationError(str(exc), field="boundary_hour") from exc
        with self._transaction() as session:
            repo.put_setting(session, BOUNDARY_HOUR_KEY, str(hour))
        self._boundary_hour = hour

    @property
    def frequent_threshold(self) -> int:
        """Cramps a week (over the last 4 weeks) at which "frequent cramps" is flagged."""
        with self._transaction() as session:
            value = repo.get_setting(session, FREQUENT_THRESHOLD_KEY)
        return setting_values.frequent_threshold(value)

    def set_frequent_threshold(self, per_week: int) -> None:
        if isinstance(per_week, bool) or not 1 <= per_week <= MAX_FREQUENT_THRESHOLD:
            raise ValidationError(
                _(
                    "The frequent-cramps threshold must be a whole number from 1 to "
                    "{max_frequent_threshold} a week."
                ).format(max_frequent_threshold=MAX_FREQUENT_THRESHOLD),
                field="frequent_threshold",
            )
        with self._transaction() as session:
            repo.put_setting(session, FREQUENT_THRESHOLD_KEY, str(per_week))

    @property
    def sleep_hours(self) -> nights.SleepHours:
        """The person's usual sleep hours: a cramp not known to have woken them counts as
        night-time (inferred) when it began inside them."""
        with self._transaction() as session:
            return nights.SleepHours.from_setting(repo.get_setting(session, SLEEP_HOURS_KEY))

    def set_sleep_hours(self, hours: nights.SleepHours) -> None:
        with self._transaction() as session:
            repo.put_setting(session, SLEEP_HOURS_KEY, hours.to_setting())

    def night_of(self, episode: Episode) -> date:
        return nights.night_of(episode.start_local, self.boundary_hour)

    def last_night(self) -> date:
        return nights.last_night(self.now(), self.boundary_hour)

    # -- episodes ---------------------------------------------------------------------------

    def _check_episode(self, episode: EpisodeInput) -> None:
        validation.check_episode(
            episode,
            now=self.now(),
            muscles=self.codes(ChecklistKind.MUSCLE),
            activities=self.codes(ChecklistKind.ACTIVITY),
            triggers=self.codes(ChecklistKind.TRIGGER),
            reliefs=self.codes(ChecklistKind.RELIEF),
            symptoms=self.codes(ChecklistKind.SYMPTOM),
        )

    def add_episode(self, episode: EpisodeInput) -> Episode:
        self._check_episode(episode)
        start_local, offset = nights.split_local(episode.start)
        now = _utc_now()
        with self._transaction() as session:
            episode_id = repo.insert_episode(
                session,
                episode,
                start_local=start_local,
                offset_min=offset,
                uuid=new_uuid(),
                created_utc=now,
                updated_utc=now,
            )
            return repo.get_episode(session, episode_id)

    def restore_episode(self, episode: Episode) -> Episode:
        """Put a deleted episode back exactly as it was (same UUID), e.g. for undo."""
        with self._transaction() as session:
            if repo.episode_id_by_uuid(session, episode.uuid) is not None:
                raise ValidationError(_("That cramp is already in the diary."))
            episode_id = repo.insert_episode(
                session,
                episode.as_input(),
                start_local=episode.start_local,
                offset_min=episode.utc_offset_min,
                uuid=episode.uuid,
                created_utc=episode.created_utc,
                updated_utc=episode.updated_utc,
            )
            return repo.get_episode(session, episode_id)

    def update_episode(self, episode_id: int, episode: EpisodeInput) -> Episode:
        self._check_episode(episode)
        start_local, offset = nights.split_local(episode.start)
        with self._transaction() as session:
            repo.update_episode(
                session,
                episode_id,
                episode,
                start_local=start_local,
                offset_min=offset,
                now=_utc_now(),
            )
            return repo.get_episode(session, episode_id)

    def delete_episode(self, episode_id: int) -> Episode:
        """Delete one episode and return it as it was, so the deletion can be undone."""
        with self._transaction() as session:
            gone = repo.get_episode(session, episode_id)
            repo.delete_episode(session, episode_id)
        return gone

    def get_episode(self, episode_id: int) -> Episode:
        with self._transaction() as session:
            return repo.get_episode(session, episode_id)

    def list_episodes(self, where: EpisodeFilter | None = None) -> list[Episode]:
        where = where or EpisodeFilter()
        local_from, local_to = nights.nights_span(
            where.first_night, where.last_night, self.boundary_hour
        )
        with self._transaction() as session:
            return repo.list_episodes(
                session,
                local_from=local_from,
                local_to=local_to,
                muscles=sorted(where.muscles),
                text=where.text,
            )

    def episode_by_uuid(self, uuid: str) -> Episode | None:
        with self._transaction() as session:
            episode_id = repo.episode_id_by_uuid(session, uuid)
            return None if episode_id is None else repo.get_episode(session, episode_id)

    def count_episodes(self) -> int:
        with self._transaction() as session:
            return repo.count_episodes(session)

    # -- diary days -------------------------------------------------------------------------

    def get_day(self, night: date) -> DiaryDay | None:
        with self._transaction() as session:
            return repo.get_day(session, night)

    def set_day(self, night: date, factors: DayFactors) -> DiaryDay:
        validation.check_day(night, factors, today=self.now().date())
        with self._transaction() as session:
            return repo.put_day(session, night, factors, uuid=new_uuid(), now=_utc_now())

    def clear_day(self, night: date) -> None:
        """Forget the record of one day (used to undo a review)."""
        with self._transaction() as session:
            repo.delete_day(session, night)

    def mark_cramp_free(self, night: date) -> DiaryDay:
        """Mark a night as reviewed with no cramps, keeping any factors already recorded."""
        hour = self.boundary_hour
        validation.check_day(night, DayFactors(), today=self.now().date())
        with self._transaction() as session:
            if repo.nights_with_episodes(session, boundary_hour=hour, first=night, last=night):
                raise ValidationError(
                    _(
                        "The night of {night} already has a cramp logged, so it cannot be marked "
                        "cramp-free."
                    ).format(night=wording.long_day(night)),
                    field="night_of",
                )
            existing = repo.get_day(session, night)
            factors = replace(existing.factors if existing else DayFactors(), reviewed=True)
            return repo.put_day(session, night, factors, uuid=new_uuid(), now=_utc_now())

    def mark_reviewed(self, chosen: Sequence[date]) -> list[DiaryDay]:
        """Mark several nights reviewed in one transaction, keeping factors already recorded.

        A reviewed night with no cramp logged is a cramp-free night; one with cramps is a
        night whose cramps are all in. All or nothing: a night not yet over refuses the lot.
        """
        today = self.now().date()
        last_night = self.last_night()
        for night in chosen:
            validation.check_day(night, DayFactors(), today=today)
            if night > last_night:
                raise ValidationError(
                    _("The night of {night} is not over yet, so it cannot be reviewed.").format(
                        night=nights.day_text(night)
                    ),
                    field="night_of",
                )
        with self._transaction() as session:
            reviewed = []
            for night in sorted(set(chosen)):
                existing = repo.get_day(session, night)
                factors = replace(existing.factors if existing else DayFactors(), reviewed=True)
                reviewed.append(
                    repo.put_day(session, night, factors, uuid=new_uuid(), now=_utc_now())
                )
            return reviewed

    def restore_days(self, before: Mapping[date, DiaryDay | None]) -> None:
        """Put several nights' records back as they were (None: no record), in one transaction."""
        with self._transaction() as session:
            for night, day in before.items():
                if day is None:
                    repo.delete_day(session, night)
                else:
                    repo.put_day(session, night, day.factors, uuid=day.uuid, now=_utc_now())

    def list_days(self, first: date | None = None, last: date | None = None) -> list[DiaryDay]:
        with self._transaction() as session:
            return repo.list_days(session, first, last)

    def cramp_free_nights(self, first_night: date | None = None) -> list[date]:
        """Reviewed nights without a cramp, from `first_night` on, oldest first."""
        hour = self.boundary_hour  # before the transaction: reading it may need one of its own
        with self._store.plain_transaction() as connection:
            return plain_reads.cramp_free_nights(
                connection, boundary_hour=hour, first_night=first_night
            )

    def nights_with_episodes(self, first: date, last: date) -> set[date]:
        hour = self.boundary_hour
        with self._transaction() as session:
            return repo.nights_with_episodes(session, boundary_hour=hour, first=first, last=last)

    # -- logging spans ----------------------------------------------------------------------

    def logging_spans(self) -> list[LoggingSpan]:
        """The spans of nights over which every cramp was logged, oldest first."""
        with self._transaction() as session:
            return repo.list_spans(session)

    def declare_span(
        self, first: date, last: date | None, *, source: SpanSource = SpanSource.REVIEW
    ) -> LoggingSpan:
        """Say every cramp of the nights `first`..`last` was logged (`last` None: ongoing).

        Refused, changing nothing, if it ends before it starts, reaches past last night or
        overlaps a span already declared.
        """
        last_night = self.last_night()
        with self._transaction() as session:
            recorded.check_new_span(
                first, last, existing=repo.list_spans(session), last_night=last_night
            )
            return repo.insert_span(
                session,
                first_night=first,
                last_night=last,
                source=source,
                uuid=new_uuid(),
                now=_utc_now(),
            )

    def remove_span(self, span_id: int) -> LoggingSpan:
        with self._transaction() as session:
            return repo.delete_span(session, span_id)

    def restore_span(self, span: LoggingSpan) -> LoggingSpan:
        """Put back a span that was removed (undo), keeping its identity."""
        with self._transaction() as session:
            return repo.insert_span(
                session,
                first_night=span.first_night,
                last_night=span.last_night,
                source=span.source,
                uuid=span.uuid,
                now=span.created_utc,
            )

    def logging_every_cramp_since(self) -> date | None:
        """The first night of the ongoing "I log every cramp" span, if there is one."""
        return next((s.first_night for s in self.logging_spans() if s.last_night is None), None)

    def set_logging_every_cramp(self, since: date | None) -> None:
        """Start (from the night `since`, tonight at the latest) or stop the ongoing "I log
        every cramp" span.

        Stopping keeps the nights already covered: the span ends at last night (or the night
        before a new start), or goes if it had not begun yet.
        """
        last_night = self.last_night()
        with self._transaction() as session:
            current = next((s for s in repo.list_spans(session) if s.last_night is None), None)
            if current is not None:
                if since == current.first_night:
                    return
                if current.first_night > last_night or (
                    since is not None and since <= current.first_night
                ):
                    repo.delete_span(session, current.id)
                else:
                    end = last_night if since is None else min(last_night, since - ONE_NIGHT)
                    repo.end_span(session, current.id, end)
            if since is None:
                return
            recorded.check_new_span(
                since, None, existing=repo.list_spans(session), last_night=last_night
            )
            repo.insert_span(
                session,
                first_night=since,
                last_night=None,
                source=SpanSource.DECLARED,
                uuid=new_uuid(),
                now=_utc_now(),
            )

    # -- medications ------------------------------------------------------------------------

    def add_medication(self, medication: MedicationInput) -> Medication:
        medication = validation.check_medication(
            medication, classes=self.codes(ChecklistKind.MEDICATION_CLASS)
        )
        now = _utc_now()
        with self._transaction() as session:
            return repo.insert_medication(
                session, medication, uuid=new_uuid(), created_utc=now, updated_utc=now
            )

    def update_medication(self, medication_id: int, medication: MedicationInput) -> Medication:
        medication = validation.check_medication(
            medication, classes=self.codes(ChecklistKind.MEDICATION_CLASS)
        )
        with self._transaction() as session:
            return repo.update_medication(session, medication_id, medication, now=_utc_now())

    def stop_medication(self, medication_id: int, stopped_on: date) -> Medication:
        with self._transaction() as session:
            current = repo.get_medication(session, medication_id)
        return self.update_medication(
            medication_id, replace(current.as_input(), stopped_on=stopped_on)
        )

    def delete_medication(self, medication_id: int) -> Medication:
        with self._transaction() as session:
            gone = repo.get_medication(session, medication_id)
            repo.delete_medication(session, medication_id)
        return gone

    def restore_medication(self, medication: Medication) -> Medication:
        with self._transaction() as session:
            return repo.insert_medication(
                session,
                medication.as_input(),
                uuid=medication.uuid,
                created_utc=medication.created_utc,
                updated_utc=medication.updated_utc,
            )

    def list_medications(self) -> list[Medication]:
        with self._transaction() as session:
            return repo.list_medications(session)

    # -- health -----------------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` and `foreign_key_check` report; empty when healthy."""
        return self._store.integrity_problems()
