"""The diary's own settings, as text by key."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cramplog.storage.schema import (
    Setting,
)


def get_setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
