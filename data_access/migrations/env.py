"""Alembic environment: always given a live connection by data_access.migrate."""

from __future__ import annotations

from alembic import context

from data_access.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `familycontext db upgrade` (data_access.migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
