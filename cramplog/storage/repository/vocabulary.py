"""The vocabulary table: built-in checklist codes kept in sync, and the person's own words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from cramplog.core.errors import NotFoundError, ValidationError
from cramplog.core.records import (
    VocabularyItem,
    VocabularyKind,
)
from cramplog.core.translation import _
from cramplog.storage.schema import (
    EpisodeRelief,
    EpisodeRow,
    EpisodeTrigger,
    Vocabulary,
)


@dataclass(frozen=True, slots=True)
class VocabularyEntry:
    """A row of the vocabulary table, built-in or the person's own."""

    code: str
    kind: str
    label: str
    builtin: bool
    hidden: bool
    uuid: str


def sync_builtin_vocabulary(
    session: Session, items: Iterable[tuple[str, str, str]], *, now: datetime, new_uuid: object
) -> int:
    """Insert checklist codes the diary lacks and refresh built-in labels; return rows changed.

    Stored episodes refer to codes, so a relabelled checklist item changes no history.
    """
    existing = {
        code: label
        for code, label in session.execute(
            select(Vocabulary.code, Vocabulary.label).where(Vocabulary.builtin.is_(True))
        )
    }
    changed = 0
    make_uuid = new_uuid if callable(new_uuid) else None
    assert make_uuid is not None
    for code, kind, label in items:
        if code not in existing:
            session.add(
                Vocabulary(
                    code=code,
                    kind=kind,
                    label=label,
                    builtin=True,
                    hidden=False,
                    uuid=make_uuid(),
                    created_utc=now,
                    updated_utc=now,
                )
            )
            changed += 1
        elif existing[code] != label:
            session.execute(
                update(Vocabulary)
                .where(Vocabulary.code == code)
                .values(label=label, updated_utc=now)
            )
            changed += 1
    return changed


def vocabulary(session: Session) -> list[VocabularyEntry]:
    rows = session.execute(
        select(
            Vocabulary.code,
            Vocabulary.kind,
            Vocabulary.label,
            Vocabulary.builtin,
            Vocabulary.hidden,
            Vocabulary.uuid,
        ).order_by(Vocabulary.kind, Vocabulary.label)
    )
    return [VocabularyEntry(*row) for row in rows]


def _custom_item(row: Vocabulary) -> VocabularyItem:
    return VocabularyItem(
        code=row.code,
        kind=VocabularyKind(row.kind),
        label=row.label,
        hidden=row.hidden,
        uuid=row.uuid,
    )


def add_custom_item(
    session: Session, *, code: str, kind: VocabularyKind, label: str, uuid: str, now: datetime
) -> VocabularyItem:
    row = Vocabulary(
        code=code,
        kind=kind.value,
        label=label,
        builtin=False,
        hidden=False,
        uuid=uuid,
        created_utc=now,
        updated_utc=now,
    )
    session.add(row)
    session.flush()
    return _custom_item(row)


def custom_items(session: Session, kind: VocabularyKind | None = None) -> list[VocabularyItem]:
    query = select(Vocabulary).where(Vocabulary.builtin.is_(False)).order_by(Vocabulary.label)
    if kind is not None:
        query = query.where(Vocabulary.kind == kind.value)
    return [_custom_item(row) for row in session.scalars(query)]


def find_custom_by_label(session: Session, kind: VocabularyKind, label: str) -> str | None:
    return session.scalar(
        select(Vocabulary.code).where(
            Vocabulary.builtin.is_(False),
            Vocabulary.kind == kind.value,
            func.lower(Vocabulary.label) == label.lower(),
        )
    )


def update_custom_item(
    session: Session,
    code: str,
    *,
    label: str | None = None,
    hidden: bool | None = None,
    now: datetime,
) -> VocabularyItem:
    row = session.get(Vocabulary, code)
    if row is None or row.builtin:
        raise NotFoundError(_("That word of your own is no longer in the diary."))
    if label is not None:
        row.label = label
    if hidden is not None:
        row.hidden = hidden
    row.updated_utc = now
    session.flush()
    return _custom_item(row)


def delete_custom_item(session: Session, code: str) -> VocabularyItem:
    """Remove a word of the person's own that no cramp uses (undoing its adding)."""
    row = session.get(Vocabulary, code)
    if row is None or row.builtin:
        raise NotFoundError(_("That word of your own is no longer in the diary."))
    uses = (
        select(EpisodeRow.id).where(EpisodeRow.muscle == code),
        select(EpisodeTrigger.episode_id).where(EpisodeTrigger.code == code),
        select(EpisodeRelief.episode_id).where(EpisodeRelief.code == code),
    )
    if any(session.scalar(use.limit(1)) is not None for use in uses):
        raise ValidationError(
            _("“{label}” is used by cramps in the diary, so it stays; hide it instead.").format(
                label=row.label
            ),
            field="label",
        )
    item = _custom_item(row)
    session.delete(row)
    session.flush()
    return item
