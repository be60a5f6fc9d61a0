"""The processes an end-to-end test needs: the bot (`familycontext serve`) and the Playground.

Both run as child processes of the test run, on free loopback ports, in working
directories under pytest's tmp_path (the bot reads no `.env` of the checkout, the
Playground writes its `devTools/` log there), and are stopped by process id.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PROJECT_ROOT = Path(__file__).resolve().parents[3]
FAMILYCONTEXT = Path(sys.executable).with_name("familycontext")
AGENTS_PLAYGROUND = PROJECT_ROOT / "node_modules" / ".bin" / "agentsplayground"

BOT_START_SECONDS = 60.0
PLAYGROUND_START_SECONDS = 30.0
STOP_SECONDS = 10.0

DEMO_PEOPLE = 2000
"""Enough synthetic people for families, namesakes and every service; loads in about 3 s."""

# GUID-shaped ids for the Playground's mock tenant, users and bot (its own defaults are not
# valid GUIDs, and the bot identifies users by Entra object id).
TENANT_ID = "5b0f8a4e-2d3c-4e1f-9a7b-6c5d4e3f2a10"
BOT_ID = "28b3f0e4-1c2d-4e5f-9a0b-1c2d3e4f5a6b"
BOT_NAME = "Family Context"
USER_ID = "29:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6"
USER_OBJECT_ID = "3a6b1f0e-8c2d-4f5a-9b7c-0d1e2f3a4b5c"
USER_NAME = "Sam Social Worker"

_OTHER_USERS = (
    ("Megan", "Bowen"),
    ("Adele", "Vance"),
    ("Isaiah", "Langer"),
    ("Patti", "Fernandez"),
    ("Lynne", "Robbins"),
)
"""The Playground's config schema wants exactly five other users (group chat and team)."""

_LISTENING = re.compile(r"Listening on (\d+)")


class ServerFailed(RuntimeError):
    """A child process did not start; the message ends with the tail of its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _wait(
    condition: Callable[[], bool],
    process: subprocess.Popen[bytes],
    log: Path,
    what: str,
    seconds: float,
) -> None:
    """Poll `condition` (a cheap check on a child process) until true, the child exits, or
    the deadline passes."""
    deadline = time.monotonic() + seconds
    while not condition():
        if process.poll() is not None:
            raise ServerFailed(f"{what} exited with status {process.returncode}:\n{_tail(log)}")
        if time.monotonic() > deadline:
            raise ServerFailed(f"{what} did not start within {seconds:.0f} s:\n{_tail(log)}")
        time.sleep(0.05)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the child (both servers shut down cleanly on it), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)


def _child_environment(extra: Mapping[str, str]) -> dict[str, str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        # Nothing of the developer's own bot configuration leaks into the child.
        if not name.startswith(("FC_", "Microsoft"))
    }
    environment.update(extra)
    return environment


# --- the bot ------------------------------------------------------------------------------


def bot_environment(database_url: str, **extra: str) -> dict[str, str]:
    """Local mode, no app id (the Playground sends no token), every user a social worker."""
    return _child_environment(
        {
            "FC_DATABASE_URL": database_url,
            "FC_ENVIRONMENT": "local",
            "FC_DEV_ROLES": "SocialWorker",
            "FC_DEMO_PEOPLE": str(DEMO_PEOPLE),
            "FC_LOG_LEVEL": "INFO",
            **extra,
        }
    )


def prepare_demo_database(directory: Path, *, people: int = DEMO_PEOPLE) -> str:
    """A migrated SQLite database with `people` synthetic people; returns its URL.

    `serve` fills a database on first run only for the embedded default, so an explicit
    FC_DATABASE_URL needs `db upgrade` and `data demo` first, as in a deployment.
    """
    directory.mkdir(parents=True, exist_ok=True)
    url = f"sqlite+aiosqlite:///{directory / 'demo.sqlite3'}"
    environment = bot_environment(url)
    for command in (["db", "upgrade"], ["data", "demo", "--people", str(people), "--seed", "1"]):
        result = subprocess.run(
            [str(FAMILYCONTEXT), *command],
            cwd=directory,
            env=environment,
            capture_output=True,
            text=True,
            timeout=BOT_START_SECONDS,
            check=False,
        )
        if result.returncode != 0:
            raise ServerFailed(
                f"familycontext {' '.join(command)} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
    return url


@dataclass(frozen=True)
class BotServer:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    database_url: str

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def endpoint(self) -> str:
        return f"{self.base_url}/api/messages"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (loopback)
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_bot(directory: Path, database_url: str, **extra_env: str) -> BotServer:
    """`familycontext serve` on a free port, once /healthz answers."""
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = directory / "bot.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(FAMILYCONTEXT), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=directory,
            env=bot_environment(database_url, **extra_env),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = BotServer(process=process, port=port, log=log, database_url=database_url)
    try:
        _wait(
            lambda: _healthy(f"{server.base_url}/healthz"),
            process,
            log,
            "familycontext serve",
            BOT_START_SECONDS,
        )
    except BaseException:
        stop_process(process)
        raise
    return server


# --- the Agents Playground ------------------------------------------------------------------


def playground_config(conversation_id: str) -> str:
    """`.m365agentsplayground.yml` (schema 0.1.1) with GUID-shaped tenant, user and bot ids."""
    others = "".join(
        f"""  - id: user-id-{n}
    name: {given} {surname}
    userPrincipleName: {given.lower()}@example.org
    aadObjectId: {uuid.UUID(int=0x5E2E_0000_0000_4000_8000_0000_0000_0000 + n)}
    givenName: {given}
    surname: {surname}
    email: {given.lower()}@example.org
"""
        for n, (given, surname) in enumerate(_OTHER_USERS, 1)
    )
    return f"""\
# Written by tests/e2e/support/servers.py for one end-to-end test.
version: "0.1.1"
tenantId: {TENANT_ID}
bot:
  id: {BOT_ID}
  name: {BOT_NAME}
currentUser:
  id: "{USER_ID}"
  name: {USER_NAME}
  userPrincipleName: sam.worker@example.org
  aadObjectId: {USER_OBJECT_ID}
  givenName: Sam
  surname: Worker
  email: sam.worker@example.org
users:
{others}personalChat:
  id: {conversation_id}
groupChat:
  id: {uuid.uuid4()}
  name: Group Chat
team:
  id: {uuid.uuid4()}
  name: Children's Services
  aadGroupId: {uuid.uuid4()}
  channels:
    - id: {uuid.uuid4()}
      name: Announcements
"""


@dataclass(frozen=True)
class PlaygroundServer:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    conversation_id: str
    endpoint: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def activity_log(self) -> Path:
        """Where the Playground logs each exchange with the bot (in its working directory)."""
        return self.log.parent / "devTools" / "m365agentsplayground.log"


def _listening_port(log: Path) -> int | None:
    try:
        match = _LISTENING.search(log.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return int(match.group(1)) if match else None


def start_playground(directory: Path, endpoint: str) -> PlaygroundServer:
    """The Agents Playground for `endpoint`, with a fresh personal chat, once it listens.

    It falls back to another port when the asked one is taken, so the port is read from
    its "Listening on N" line.
    """
    if not AGENTS_PLAYGROUND.exists():
        raise ServerFailed(f"{AGENTS_PLAYGROUND} is missing: run `npm ci` (or `make setup`)")
    directory.mkdir(parents=True, exist_ok=True)
    conversation_id = str(uuid.uuid4())
    (directory / ".m365agentsplayground.yml").write_text(
        playground_config(conversation_id), encoding="utf-8"
    )
    log = directory / "playground.log"
    sink: IO[bytes]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                str(AGENTS_PLAYGROUND),
                "--app-endpoint",
                endpoint,
                "--channel-id",
                "msteams",
                "--port",
                str(free_port()),
                "--disable-telemetry",
            ],
            cwd=directory,
            env=_child_environment(
                {
                    "TEAMSAPPTESTER_BROWSER": "none",
                    "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(
                        directory / ".m365agentsplayground.yml"
                    ),
                }
            ),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait(
            lambda: _listening_port(log) is not None,
            process,
            log,
            "the Agents Playground",
            PLAYGROUND_START_SECONDS,
        )
    except BaseException:
        stop_process(process)
        raise
    port = _listening_port(log)
    assert port is not None
    return PlaygroundServer(
        process=process,
        port=port,
        log=log,
        conversation_id=conversation_id,
        endpoint=endpoint,
    )
