"""The `familycontext` command: the composition root for every entry point.

Settings are read here, once, and handed to the layers below; each
subcommand is a thin wrapper over a function that tests call directly.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.database import database_for
from bot.settings import ConfigurationError, Settings, load_settings

Handler = Callable[[argparse.Namespace, Settings], int]


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.server import serve

    return serve(settings, host=args.host, port=args.port)


def _cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.migrate import upgrade

    asyncio.run(upgrade(database_for(settings)))
    print("database schema is up to date")
    return 0


def _cmd_data_demo(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.demo_command import run_demo
    from data_access.migrate import upgrade

    database = database_for(settings)

    async def demo() -> int:
        if settings.uses_embedded_database and args.out is None:
            await upgrade(database)  # the embedded default needs no separate `db upgrade`
        return await run_demo(database, people=args.people, seed=args.seed, out=args.out)

    return asyncio.run(demo())


def _cmd_data_load(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.load_command import run_load

    return asyncio.run(run_load(database_for(settings), args.directory))


def _cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.search_command import run_batch, run_search

    database = database_for(settings)

    async def search() -> int:
        if settings.uses_embedded_database:
            from bot.server import prepare_database  # creates and fills the demo database

            await prepare_database(settings, database)
        if args.batch is not None:
            return await run_batch(database, args.batch, limit=args.limit)
        return await run_search(database, " ".join(args.text), limit=args.limit, as_json=args.json)

    return asyncio.run(search())


def _cmd_manifest_build(args: argparse.Namespace, settings: Settings) -> int:
    from manifest.build import build_command

    return build_command(settings, args.out)


def _cmd_audit_export(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.audit_command import run_export

    return asyncio.run(
        run_export(
            database_for(settings),
            since=args.since,
            until=args.until,
            user=args.user,
            person=args.person,
            form=args.format,
        )
    )


def _cmd_audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.audit_command import run_verify

    return asyncio.run(run_verify(database_for(settings)))


def _cmd_audit_purge(args: argparse.Namespace, settings: Settings) -> int:
    from data_access.audit_command import run_purge

    older_than = args.older_than or settings.audit_retention_days
    return asyncio.run(run_purge(database_for(settings), older_than=older_than))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="familycontext",
        description="Family Context for Microsoft Teams.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the bot")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3978)
    serve.set_defaults(handler=_cmd_serve)

    db = commands.add_parser("db", help="database schema").add_subparsers(
        dest="db_command", required=True, metavar="ACTION"
    )
    db.add_parser("upgrade", help="create or migrate the schema").set_defaults(
        handler=_cmd_db_upgrade
    )

    data = commands.add_parser("data", help="common-model data").add_subparsers(
        dest="data_command", required=True, metavar="ACTION"
    )
    demo = data.add_parser("demo", help="fill the database (or a folder) with synthetic data")
    demo.add_argument("--people", type=_positive, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--out", type=Path, help="write an interchange folder here instead of loading it"
    )
    demo.set_defaults(handler=_cmd_data_demo)
    load = data.add_parser("load", help="load an interchange folder, replacing the data")
    load.add_argument("directory", type=Path, metavar="DIR")
    load.set_defaults(handler=_cmd_data_load)

    search = commands.add_parser("search", help="find a person as the bot does")
    asked = search.add_mutually_exclusive_group(required=True)
    asked.add_argument("text", nargs="*", default=[], metavar="TEXT", help="what to search for")
    asked.add_argument(
        "--batch",
        type=Path,
        metavar="FILE",
        help='JSON Lines of {"id": ..., "text": ...}; one JSON answer per line ("-": stdin)',
    )
    search.add_argument("--limit", type=_positive, default=5, metavar="N")
    search.add_argument("--json", action="store_true", help="one JSON object (single search)")
    search.set_defaults(handler=_cmd_search)

    # Values are checked by data_access.audit_command, so that a mistake is one line (exit 2).
    audit = commands.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    export = audit.add_parser("export", help="write audit entries to stdout, oldest first")
    export.add_argument("--since", metavar="ISO", help="recorded at or after (UTC if no offset)")
    export.add_argument("--until", metavar="ISO", help="recorded before (UTC if no offset)")
    export.add_argument("--user", metavar="OBJECT_ID", help="the user's Entra object id")
    export.add_argument("--person", metavar="PERSON_ID", help="entries about this person")
    export.add_argument(
        "--format", default="jsonl", metavar="{csv,jsonl}", help="JSON Lines (default) or CSV"
    )
    export.set_defaults(handler=_cmd_audit_export)
    audit.add_parser(
        "verify", help="check the hash chain; non-zero exit if the trail was altered"
    ).set_defaults(handler=_cmd_audit_verify)
    purge = audit.add_parser("purge", help="delete entries past retention (recorded in the trail)")
    purge.add_argument(
        "--older-than",
        metavar="DAYS",
        help="retention in days (default FC_AUDIT_RETENTION_DAYS: 2555, seven years)",
    )
    purge.set_defaults(handler=_cmd_audit_purge)

    manifest = commands.add_parser("manifest", help="the Teams app package").add_subparsers(
        dest="manifest_command", required=True, metavar="ACTION"
    )
    build = manifest.add_parser("build", help="build the Teams app package zip")
    build.add_argument("--out", type=Path, default=Path("familycontext-teams-app.zip"))
    build.set_defaults(handler=_cmd_manifest_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        handler: Handler = args.handler
        return handler(args, settings)
    except ConfigurationError as error:
        print(f"familycontext: configuration error: {error}", file=sys.stderr)
        return 2
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc']) or 'settings'}: {problem['msg']}"
            for problem in error.errors()
        )
        print(f"familycontext: configuration error: {problems}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
