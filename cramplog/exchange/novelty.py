"""What of an import batch the diary does not hold yet: the records a merge would add."""

from __future__ import annotations

from collections.abc import Iterable, Sized

from cramplog.exchange.batch import Batch
from cramplog.storage import bulk, transfer

# Each yields the records as it goes: a large export is read again from its file rather than
# held (exchange.streamed), so none of these builds a list of what it finds.


def new_episodes(batch: Batch, held: transfer.Holdings) -> Iterable[bulk.NewEpisode]:
    """The batch's episodes the diary lacks: by UUID, and for a spreadsheet by moment too."""
    if not held.episode_uuids:
        return batch.episodes  # an empty diary lacks them all
    fresh = (e for e in batch.episodes if e.uuid not in held.episode_uuids)
    if batch.match_by_moment:
        moments = held.episode_moments
        fresh = (
            e for e in fresh if (e.start_local.isoformat(" "), e.episode.muscle) not in moments
        )
    return fresh


def new_days(batch: Batch, held: transfer.Holdings) -> Iterable[bulk.NewDay]:
    """The batch's days the diary lacks: by UUID and by night."""
    if not held.day_uuids:
        return batch.days
    return (
        d for d in batch.days if d.uuid not in held.day_uuids and d.night_of not in held.day_nights
    )


def new_medications(batch: Batch, held: transfer.Holdings) -> Iterable[bulk.NewMedication]:
    """The batch's medicines the diary lacks, by UUID."""
    if not held.medication_uuids:
        return batch.medications
    return (m for m in batch.medications if m.uuid not in held.medication_uuids)


def _count(records: Iterable[object]) -> int:
    """How many: a batch's own list (or re-read records) knows; a filter is counted."""
    if isinstance(records, Sized):
        return len(records)
    return sum(1 for _record in records)


def counts(batch: Batch, held: transfer.Holdings) -> dict[str, int]:
    """How many of each kind of record are new to the diary, and how many it holds already."""
    fresh_episodes = _count(new_episodes(batch, held))
    fresh_days = _count(new_days(batch, held))
    new_meds = _count(new_medications(batch, held))
    return {
        "new_episodes": fresh_episodes,
        "known_episodes": len(batch.episodes) - fresh_episodes,
        "new_days": fresh_days,
        "known_days": len(batch.days) - fresh_days,
        "new_medications": new_meds,
        "known_medications": len(batch.medications) - new_meds,
        "new_words": len([v for v in batch.vocabulary if v.code not in held.vocabulary_codes]),
    }
