"""Alembic environment: migrations run on the connection cramplog hands over, never a URL."""

from __future__ import annotations

from alembic import context

from cramplog.storage.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("cramplog migrations run only through cramplog.storage.diary_file")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    # The caller holds the transaction, so a failed upgrade rolls back as a whole.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
