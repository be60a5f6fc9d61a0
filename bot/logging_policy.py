"""Application logs never hold personal data (product.md, "Governance").

Our own modules log identifiers, counts and error types only. Some libraries
print what passes through them at DEBUG: aiosqlite and SQLAlchemy's engine log
every statement with its parameters (search text, names), msrest and urllib3
log requests to the connector (card content). Those loggers are held at
WARNING whatever FC_LOG_LEVEL says, so turning on DEBUG to chase a problem
cannot leak a person's details into the log.
"""

from __future__ import annotations

import logging

DATA_PRINTING_LOGGERS = (
    "aiosqlite",
    "asyncpg",
    "sqlalchemy.engine",
    "sqlalchemy.pool",
    "msrest",
    "msal",
    "urllib3",
    "requests_oauthlib",
    "botbuilder",
    "botframework",
)


def keep_personal_data_out_of_logs() -> None:
    for name in DATA_PRINTING_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
