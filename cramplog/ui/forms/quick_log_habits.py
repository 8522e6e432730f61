"""What the quick log learns from the diary: the person's common muscles and usual sides."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cramplog.core.records import Episode, EpisodeFilter, Side

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView

# The muscles most people cramp in, offered as big buttons until the diary says otherwise.
USUAL_MUSCLES = ("muscle.calf", "muscle.foot", "muscle.hamstring", "muscle.thigh")
BIG_BUTTONS = 4
RECENT_NIGHTS = 90


def recent_episodes(diary: DiaryView) -> list[Episode]:
    """The episodes of the last RECENT_NIGHTS nights: habits change, so older ones do not count."""
    night = diary.last_night()
    return diary.list_episodes(
        EpisodeFilter(first_night=night - timedelta(days=RECENT_NIGHTS), last_night=night)
    )


def common_muscles(episodes: list[Episode], offered: list[str], last: str | None) -> list[str]:
    """The muscles for the big buttons: the most logged lately, the usual ones, the last used.

    Kept in checklist order, so a button does not move from one night to the next.
    """
    counts: Counter[str] = Counter()
    latest: dict[str, datetime] = {}
    for episode in episodes:
        if episode.muscle in offered:
            counts[episode.muscle] += 1
            latest[episode.muscle] = max(
                episode.start_utc, latest.get(episode.muscle, episode.start_utc)
            )
    # On a tie the muscle logged more recently wins.
    ranked = sorted(counts, key=lambda code: (counts[code], latest[code]), reverse=True)
    chosen = ranked[:BIG_BUTTONS]
    for code in USUAL_MUSCLES:
        if len(chosen) >= BIG_BUTTONS:
            break
        if code in offered and code not in chosen:
            chosen.append(code)
    if last is not None and last in offered and last not in chosen:
        chosen[-1:] = [last]
    return sorted(chosen, key=offered.index)


def usual_sides(episodes: list[Episode]) -> dict[str, Side]:
    """For each muscle logged with a side, the side it was logged with most (latest on a tie).

    No side ("Not noted") is not counted: it says nothing about which side a muscle usually
    cramps.
    """
    by_muscle: dict[str, Counter[Side]] = defaultdict(Counter)
    latest: dict[tuple[str, Side], int] = {}
    for order, episode in enumerate(sorted(episodes, key=lambda e: e.start_utc)):
        if episode.side is Side.NOT_APPLICABLE:
            continue
        by_muscle[episode.muscle][episode.side] += 1
        latest[(episode.muscle, episode.side)] = order
    return {
        muscle: max(sides, key=lambda side: (sides[side], latest[(muscle, side)]))
        for muscle, sides in by_muscle.items()
    }
