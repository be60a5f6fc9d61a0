"""`familycontext serve`: checks, database preparation, then the web server."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from pathlib import Path

from aiohttp import web

from bot.app import create_app
from bot.composition import disclosure_rules
from bot.database import database_for
from bot.logging_policy import keep_personal_data_out_of_logs
from bot.metrics import Metrics
from bot.settings import ConfigurationError, Settings, check_can_serve
from bot.workers import can_fork, listening_sockets, shared_metrics, supervise
from data_access.engine import Database, create_engine, is_sqlite, sqlite_path
from data_access.migrate import current_revision, head_revision, upgrade

log = logging.getLogger(__name__)

DEMO_SEED = 1

PLAYGROUND_HINT = """\
Family Context is listening on http://{host}:{port}/api/messages
Try it in the Microsoft 365 Agents Playground (Node.js needed), in another terminal:
    TEAMSAPPTESTER_BROWSER=none npx --yes \\
        --package @microsoft/m365agentsplayground@0.2.28 agentsplayground \\
        -e http://{host}:{port}/api/messages -c msteams -p 56150 --disable-telemetry
then open http://127.0.0.1:56150 and type "help"."""

UNAUTHENTICATED_WARNING = """\
!!! WARNING: MicrosoftAppId is empty, so requests are NOT authenticated.
!!! This mode is for local development only, and listens on {host} only.
!!! Every user is treated as holding the app roles: {roles} (FC_DEV_ROLES).
!!! Never run it with real data."""


async def prepare_database(settings: Settings, database: Database | None = None) -> None:
    """Make sure the schema is current; on the embedded default, create and fill it first."""
    url = database or database_for(settings)
    if settings.uses_embedded_database:
        await upgrade(url)
        from data_access.demo_command import has_people, load_demo

        if not await has_people(url):
            print(
                f"Creating the embedded demo database ({settings.demo_people} synthetic people)...",
                file=sys.stderr,
            )
            await load_demo(url, people=settings.demo_people, seed=DEMO_SEED)
        return
    if await current_revision(url) != head_revision():
        raise SystemExit(
            "familycontext: the database schema is not up to date: "
            "run `familycontext db upgrade` first"
        )


async def _freeze_start_up_objects(_: web.Application) -> None:
    """What start-up made (modules, the name tables, botbuilder's and SQLAlchemy's
    caches) lives as long as the process: out of the garbage collector's sight, its
    full passes walk only what turns make, and a turn now and then waits less."""
    gc.collect()
    gc.freeze()


def serve(settings: Settings, *, host: str, port: int) -> int:
    check_can_serve(settings, host)
    disclosure_rules(settings)  # a bad FC_AGE_BANDS stops here, before anything is created
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    keep_personal_data_out_of_logs()
    database = database_for(settings)
    if settings.workers > 1:
        check_can_serve_from_workers(database.url)
    asyncio.run(prepare_database(settings, database))
    if settings.authentication_disabled:
        roles = ", ".join(settings.effective_dev_roles) or "none"
        print(UNAUTHENTICATED_WARNING.format(host=host, roles=roles), file=sys.stderr)
    print(PLAYGROUND_HINT.format(host=host, port=port), file=sys.stderr)

    async def application(shared_metrics_folder: Path | None = None) -> web.Application:
        engine = create_engine(
            database,
            pool_size=settings.database_pool_size,
            max_overflow=settings.database_max_overflow,
        )
        metrics = Metrics(shared_metrics_folder) if shared_metrics_folder else None
        app = create_app(settings, engine, metrics=metrics)

        async def close_engine(_: web.Application) -> None:
            await engine.dispose()

        app.on_cleanup.append(close_engine)
        app.on_startup.append(_freeze_start_up_objects)
        return app

    access_log = logging.getLogger("aiohttp.access") if settings.access_log else None
    if settings.workers == 1:
        web.run_app(application(), host=host, port=port, print=None, access_log=access_log)
        return 0
    sockets = listening_sockets(host, port, settings.workers)
    with shared_metrics() as folder:

        def run_worker(number: int) -> None:
            for other, sock in enumerate(sockets):
                if other != number:
                    sock.close()  # or the kernel would hand this worker's connections to it
            app = application(folder)
            web.run_app(app, sock=sockets[number], print=None, access_log=access_log)

        code = supervise(settings.workers, run_worker)
    for sock in sockets:
        sock.close()
    return code


def check_can_serve_from_workers(url: str) -> None:
    if not can_fork():
        raise ConfigurationError("FC_WORKERS above 1 needs a POSIX system (fork); use 1 here")
    if is_sqlite(url) and sqlite_path(url) is None:
        raise ConfigurationError(
            "FC_WORKERS above 1 needs a database the workers can share: an in-memory SQLite "
            "database belongs to one process"
        )
