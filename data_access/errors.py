"""What a caller outside data_access catches when the database cannot be reached or
answer, without knowing the database library (dialogs/ must not import SQLAlchemy)."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

STORE_ERRORS: tuple[type[BaseException], ...] = (SQLAlchemyError, OSError, TimeoutError)
