"""Repository functions: each takes the caller's Session and returns plain records.

A package by table: vocabulary, episodes, days, medications, settings and spans; every
function is re-exported here, so callers keep `repo.insert_episode(session, ...)`.
"""

from __future__ import annotations

from cramplog.storage.repository.days import (
    delete_day,
    get_day,
    list_days,
    put_day,
)
from cramplog.storage.repository.episodes import (
    count_episodes,
    delete_episode,
    episode_id_by_uuid,
    get_episode,
    insert_episode,
    list_episodes,
    nights_with_episodes,
    update_episode,
)
from cramplog.storage.repository.medications import (
    delete_medication,
    get_medication,
    insert_medication,
    list_medications,
    update_medication,
)
from cramplog.storage.repository.settings import (
    get_setting,
    put_setting,
)
from cramplog.storage.repository.spans import (
    delete_span,
    end_span,
    insert_span,
    list_spans,
)
from cramplog.storage.repository.vocabulary import (
    VocabularyEntry,
    add_custom_item,
    custom_items,
    delete_custom_item,
    find_custom_by_label,
    sync_builtin_vocabulary,
    update_custom_item,
    vocabulary,
)

__all__ = [
    "VocabularyEntry",
    "add_custom_item",
    "count_episodes",
    "custom_items",
    "delete_custom_item",
    "delete_day",
    "delete_episode",
    "delete_medication",
    "delete_span",
    "end_span",
    "episode_id_by_uuid",
    "find_custom_by_label",
    "get_day",
    "get_episode",
    "get_medication",
    "get_setting",
    "insert_episode",
    "insert_medication",
    "insert_span",
    "list_days",
    "list_episodes",
    "list_medications",
    "list_spans",
    "nights_with_episodes",
    "put_day",
    "put_setting",
    "sync_builtin_vocabulary",
    "update_custom_item",
    "update_episode",
    "update_medication",
    "vocabulary",
]
