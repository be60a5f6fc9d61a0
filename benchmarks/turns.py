"""Turn latency: our bot on a 1,000,000-person database against a stock botbuilder echo bot.

In one run, on this machine, one bot at a time:

- `echo`: benchmarks/echo_bot.py, a plain botbuilder 4.17.1 echo bot with
  stock settings (CloudAdapter, ConfigurationBotFrameworkAuthentication, an
  empty app id, `adapter.process`);
- `ours`: `familycontext serve` with FC_ENVIRONMENT=local and no
  MicrosoftAppId (authentication off, on loopback only), the social worker
  role from FC_DEV_ROLES, on a database of the demo population (by default a
  1,000,000-person SQLite file under var/bench/, built once and then reused,
  as benchmarks/search_speed.py does); once with one process (the default)
  and once with a worker process per core (FC_WORKERS, --workers). The echo
  bot is one process, as botbuilder's samples run.

Each bot runs in its own process and replies to a fake Bot Framework
connector served by this process on 127.0.0.1. Simulated users (each with
its own conversation, Teams user id and Entra object id) send Teams-shaped
message activities to /api/messages, one turn after another, at 1 and at 16
concurrent users: first a warm-up, then the measured turns. For each turn,
measured here, from just before the POST:

- reply: until the bot's reply reaches the connector (matched by the reply's
  `replyToId`, the activity id we sent; the turn is answered when
  `Scenario.replies_per_turn` message activities have arrived);
- HTTP: until /api/messages answers.

Goal (issue 4, item 5): our full lookup turn (search, audit, card) is no slower
than the stock echo turn, at p50 and p95.

    python benchmarks/turns.py [--bots echo,ours] [--concurrency 1,16] [--turns 200]
        [--warm-up 20] [--turn help|lookup] [--database URL] [--people 1000000]
        [--workers 1,2] [--work var/bench] [--ours-root DIR]

WHAT A TURN IS lives in one place, `OUR_TURN` below (with `help_turn` and
`lookup_turn` beside it): the messages each user sends (a function of the
user and the demo people sampled for them) and a `setup` hook that primes each
conversation before anything is measured (for the lookup turn: give the
purpose). The echo bot is sent the same messages, without the setup.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from _common import FAMILYCONTEXT, ROOT, run_measured
from aiohttp import web
from search_speed import loaded, percentile, prepare
from sqlalchemy import func, select

from data_access.engine import create_engine
from data_access.models import Person

DEFAULT_PEOPLE = 1_000_000
DEFAULT_WORK = ROOT / "var" / "bench"
CORES = os.cpu_count() or 1
DEFAULT_WORKERS = "1" if CORES == 1 else f"1,{CORES}"
"""Our bot as `familycontext serve` runs by default (one process), and with a worker process
per core (FC_WORKERS, as the admin guide recommends for production)."""
TENANT_ID = "5f6e3a51-7c1e-4b0e-9a44-3d0b6c1d2e77"
BOT_ACCOUNT = {"id": "28:familycontext-bench", "name": "Bot"}
REPLY_TIMEOUT_SECONDS = 30.0
START_TIMEOUT_SECONDS = 120.0


# --------------------------------------------------------------------------------------
# What a turn is. Edit here (and only here) to change what is measured.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoPerson:
    """Someone in the benchmark database, for messages that look people up."""

    first_name: str
    last_name: str
    date_of_birth: dt.date


@dataclass(frozen=True)
class SimulatedUser:
    index: int
    conversation_id: str
    user_id: str
    """The Teams user id ("29:...")."""
    object_id: str
    """The Entra object id the access gate identifies the user by."""
    people: Sequence[DemoPerson]
    """Demo people sampled for this user (enough for every turn), if the turn needs them."""


Messages = Callable[[SimulatedUser], Sequence[str]]
Setup = Callable[["Conversation"], Awaitable[None]]


async def no_setup(conversation: Conversation) -> None:
    return None


@dataclass(frozen=True)
class Scenario:
    name: str
    messages: Messages
    """The texts a user sends, in turn (cycled; warm-up turns come first)."""
    setup: Setup = no_setup
    """Run once per conversation before the warm-up, unmeasured."""
    needs_people: bool = False
    """Sample demo people from the database for `SimulatedUser.people`."""
    replies_per_turn: int = 1
    """How many message activities answer one turn (typing indicators are not counted)."""
    bot_env: Mapping[str, str] = field(default_factory=dict)
    """Settings our bot needs for this turn (the echo bot ignores them)."""


def help_messages(user: SimulatedUser) -> Sequence[str]:
    return ["help"]


def lookup_messages(user: SimulatedUser) -> Sequence[str]:
    """One lookup per turn, each of a different person, as a social worker types it."""
    return [f"find {p.first_name} {p.last_name} {p.date_of_birth:%d/%m/%Y}" for p in user.people]


async def give_purpose(conversation: Conversation) -> None:
    """Record why the user is looking, once per conversation, so that each turn is a lookup.

    As a social worker does it: type "purpose", then press the purpose card's button with
    the first reason chosen (an `adaptiveCard/action` invoke carrying the card's verb and
    data, the reason merged in as Teams merges inputs). Adjust here if that flow changes;
    `conversation.replies` holds everything the bot has sent to the conversation.
    """
    asked = await conversation.send_message("purpose")
    card = next(
        (
            attachment.get("content") or {}
            for reply in asked.replies
            for attachment in reply.get("attachments") or []
            if attachment.get("contentType") == ADAPTIVE_CARD
        ),
        None,
    )
    if card is None:
        raise SystemExit(f'the bot answered "purpose" without a card: {describe_all(asked)}')
    button = next(iter(elements(card, "Action.Execute")), None)
    choices = next(iter(elements(card, "Input.ChoiceSet")), None)
    if button is None or choices is None or not choices.get("choices"):
        raise SystemExit("the purpose card has no Action.Execute button or no reasons to choose")
    data = {**(button.get("data") or {}), choices["id"]: choices["choices"][0]["value"]}
    action = {"type": "Action.Execute", "verb": button.get("verb"), "data": data}
    answer = await conversation.send_invoke(
        "adaptiveCard/action", {"action": action, "trigger": "manual"}
    )
    if answer.status != 200:
        raise SystemExit(f"setting the purpose answered HTTP {answer.status}")


ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


def elements(node: Any, kind: str) -> list[dict[str, Any]]:
    """Every object of `"type": kind` inside a card, depth first."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == kind:
            found.append(node)
        for value in node.values():
            found.extend(elements(value, kind))
    elif isinstance(node, list):
        for item in node:
            found.extend(elements(item, kind))
    return found


help_turn = Scenario("help", help_messages)
lookup_turn = Scenario(
    "lookup",
    lookup_messages,
    setup=give_purpose,
    needs_people=True,
    # Each simulated user searches hundreds of times an hour: lift the per-user limit
    # (the check still runs on every turn), or most turns would be the limit's notice.
    bot_env={"FC_SEARCH_LIMIT": "1000000"},
)

OUR_TURN = help_turn
"""The turn measured on our bot. Switch to `lookup_turn` once the lookup is built
(or, for one run, `--turn lookup`)."""
TURNS = {scenario.name: scenario for scenario in (help_turn, lookup_turn)}


# --------------------------------------------------------------------------------------
# The fake connector: where both bots send their replies.
# --------------------------------------------------------------------------------------


@dataclass
class _Waiter:
    wanted: int
    done: asyncio.Future[float]
    replies: list[dict[str, Any]] = field(default_factory=list)
    reply_bytes: int = 0


class FakeConnector:
    """POST /v3/conversations/{id}/activities[/{reply_to}] -> 200 {"id": ...}, timed on arrival."""

    def __init__(self) -> None:
        self.url = ""
        self._waiters: dict[str, _Waiter] = {}
        self.by_conversation: dict[str, list[dict[str, Any]]] = {}
        self.unmatched = 0
        self._runner: web.AppRunner | None = None

    def expect(self, activity_id: str, replies: int) -> _Waiter:
        waiter = _Waiter(replies, asyncio.get_running_loop().create_future())
        if replies <= 0:
            waiter.done.set_result(time.perf_counter())
        else:
            self._waiters[activity_id] = waiter
        return waiter

    def forget(self, activity_id: str) -> None:
        self._waiters.pop(activity_id, None)

    async def _reply(self, request: web.Request) -> web.Response:
        raw = await request.read()
        arrived = time.perf_counter()
        activity: dict[str, Any] = await request.json()
        conversation = request.match_info["conversation"]
        self.by_conversation.setdefault(conversation, []).append(activity)
        reply_to = activity.get("replyToId") or request.match_info.get("reply_to") or ""
        waiter = self._waiters.get(reply_to)
        if waiter is None:
            self.unmatched += 1
        elif activity.get("type", "message") == "message":
            waiter.replies.append(activity)
            waiter.reply_bytes += len(raw)
            if len(waiter.replies) >= waiter.wanted and not waiter.done.done():
                waiter.done.set_result(arrived)
                del self._waiters[reply_to]
        return web.json_response({"id": uuid.uuid4().hex})

    async def start(self) -> None:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._reply)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._reply)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}/"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


# --------------------------------------------------------------------------------------
# Simulated users.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exchange:
    """One activity sent to the bot, and what came back."""

    status: int
    http_seconds: float
    reply_seconds: float | None
    """None when the expected replies did not arrive in time."""
    replies: list[dict[str, Any]]
    reply_bytes: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 and self.reply_seconds is not None


class Conversation:
    """One simulated user's conversation with a bot (what a `setup` hook drives)."""

    def __init__(
        self,
        user: SimulatedUser,
        *,
        bot_url: str,
        session: aiohttp.ClientSession,
        connector: FakeConnector,
    ) -> None:
        self.user = user
        self._bot_url = bot_url
        self._session = session
        self._connector = connector

    @property
    def replies(self) -> list[dict[str, Any]]:
        """Everything the bot has sent to this conversation so far."""
        return self._connector.by_conversation.get(self.user.conversation_id, [])

    def activity(self, **values: Any) -> dict[str, Any]:
        """A Teams-shaped activity from this user in this 1:1 conversation."""
        activity: dict[str, Any] = {
            "type": "message",
            "id": uuid.uuid4().hex,
            "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "serviceUrl": self._connector.url,
            "channelId": "msteams",
            "from": {
                "id": self.user.user_id,
                "name": f"Bench Worker {self.user.index}",
                "aadObjectId": self.user.object_id,
            },
            "conversation": {
                "id": self.user.conversation_id,
                "conversationType": "personal",
                "tenantId": TENANT_ID,
            },
            "recipient": BOT_ACCOUNT,
            "locale": "en-GB",
            "channelData": {"tenant": {"id": TENANT_ID}},
        }
        activity.update(values)
        return activity

    async def send_message(self, text: str, *, replies: int = 1) -> Exchange:
        return await self.send(self.activity(text=text, textFormat="plain"), replies=replies)

    async def send_invoke(self, name: str, value: Any, *, replies: int = 0) -> Exchange:
        return await self.send(
            self.activity(type="invoke", name=name, value=value), replies=replies
        )

    async def send(self, activity: dict[str, Any], *, replies: int) -> Exchange:
        """POST an activity; wait for its HTTP answer and for `replies` replies to it."""
        waiter = self._connector.expect(activity["id"], replies)
        started = time.perf_counter()
        try:
            async with self._session.post(self._bot_url, json=activity) as response:
                body = await response.read()
                status = response.status
            http_seconds = time.perf_counter() - started
            try:
                async with asyncio.timeout(REPLY_TIMEOUT_SECONDS):
                    arrived = await waiter.done
                reply_seconds: float | None = arrived - started
            except TimeoutError:
                reply_seconds = None
        finally:
            self._connector.forget(activity["id"])
        return Exchange(
            status, http_seconds, reply_seconds, waiter.replies, waiter.reply_bytes, body
        )


# --------------------------------------------------------------------------------------
# The bots, in child processes.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BotProcess:
    name: str
    command: list[str]
    env: dict[str, str]
    scenario: Scenario
    cwd: Path = ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def echo_bot(port: int, scenario: Scenario) -> BotProcess:
    echo = Scenario("echo", scenario.messages, needs_people=scenario.needs_people)
    command = [sys.executable, str(ROOT / "benchmarks" / "echo_bot.py"), "--port", str(port)]
    return BotProcess("echo (stock botbuilder)", command, {}, echo)


def our_bot(
    port: int, database_url: str, scenario: Scenario, root: Path = ROOT, workers: int = 1
) -> BotProcess:
    """`familycontext serve`, from this checkout or from `root` (another copy of the code,
    such as a `git archive` of an earlier commit, to compare before and after a change)."""
    env = {
        "FC_ENVIRONMENT": "local",
        "MicrosoftAppId": "",
        "MicrosoftAppPassword": "",
        "FC_DEV_ROLES": "SocialWorker",
        "FC_ALLOWED_TENANT_IDS": "",
        "FC_DATABASE_URL": database_url,
        "FC_WORKERS": str(workers),
        **scenario.bot_env,
    }
    command = [*FAMILYCONTEXT, "serve", "--host", "127.0.0.1", "--port", str(port)]
    processes = f"{workers} worker{'s' if workers > 1 else ''}"
    return BotProcess(f"ours ({scenario.name}, {processes})", command, env, scenario, root)


@contextlib.asynccontextmanager
async def running(bot: BotProcess, port: int, log: Path) -> AsyncIterator[str]:
    """The bot's /api/messages URL while its process runs (its output goes to `log`)."""
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            *bot.command,
            env={**os.environ, **bot.env},
            cwd=bot.cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            await wait_until_up(f"{base}/healthz", process, log)
            yield f"{base}/api/messages"
        finally:
            if process.returncode is None:
                process.terminate()
                try:
                    async with asyncio.timeout(15):
                        await process.wait()
                except TimeoutError:
                    process.kill()
                    await process.wait()


async def wait_until_up(url: str, process: asyncio.subprocess.Process, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                tail = (await asyncio.to_thread(log.read_text, errors="replace"))[-2000:]
                raise SystemExit(f"the bot exited with code {process.returncode}:\n{tail}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.2)
    raise SystemExit(f"the bot did not answer {url} within {START_TIMEOUT_SECONDS:.0f} s")


# --------------------------------------------------------------------------------------
# Measuring.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    bot: str
    users: int
    turns: int
    errors: int
    reply_ms: list[float]
    http_ms: list[float]
    seconds: float
    reply_bytes: list[int]
    first_reply: str

    @property
    def turns_per_second(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0


def users_for(
    phase: str, count: int, people: Sequence[DemoPerson], per_user: int
) -> list[SimulatedUser]:
    run = uuid.uuid4().hex[:8]
    return [
        SimulatedUser(
            index=i,
            conversation_id=f"a:bench-{run}-{phase}-{i}",
            user_id=f"29:bench-user-{run}-{i}",
            object_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"familycontext-bench/{run}/{i}")),
            people=people[i * per_user : (i + 1) * per_user],
        )
        for i in range(count)
    ]


async def measure(
    bot: BotProcess,
    url: str,
    connector: FakeConnector,
    users: list[SimulatedUser],
    *,
    turns: int,
    warm_up: int,
) -> Result:
    scenario = bot.scenario
    limits = aiohttp.TCPConnector(limit=0, force_close=False)
    async with aiohttp.ClientSession(connector=limits) as session:
        conversations = [
            Conversation(user, bot_url=url, session=session, connector=connector) for user in users
        ]
        await asyncio.gather(*(scenario.setup(c) for c in conversations))

        async def run(conversation: Conversation, start: int, count: int) -> list[Exchange]:
            texts = scenario.messages(conversation.user)
            return [
                await conversation.send_message(
                    texts[(start + i) % len(texts)], replies=scenario.replies_per_turn
                )
                for i in range(count)
            ]

        await asyncio.gather(*(run(c, 0, warm_up) for c in conversations))
        started = time.perf_counter()
        measured = await asyncio.gather(*(run(c, warm_up, turns) for c in conversations))
        seconds = time.perf_counter() - started

    exchanges = [exchange for per_user in measured for exchange in per_user]
    good = [exchange for exchange in exchanges if exchange.ok]
    first = next((e.replies[0] for e in good if e.replies), {})
    return Result(
        bot=bot.name,
        users=len(users),
        turns=len(good),
        errors=len(exchanges) - len(good),
        reply_ms=sorted((e.reply_seconds or 0.0) * 1000 for e in good),
        http_ms=sorted(e.http_seconds * 1000 for e in good),
        seconds=seconds,
        reply_bytes=sorted(e.reply_bytes for e in good),
        first_reply=describe(first),
    )


def describe_all(exchange: Exchange) -> str:
    return f"HTTP {exchange.status}, " + (
        "; ".join(describe(reply) for reply in exchange.replies) or "no reply"
    )


def describe(activity: dict[str, Any]) -> str:
    if not activity:
        return "(none)"
    attachments = activity.get("attachments") or []
    if attachments:
        return ", ".join(str(a.get("contentType", "?")) for a in attachments)
    text = str(activity.get("text") or "")
    return repr(text[:40] + ("..." if len(text) > 40 else ""))


async def run_bots(
    bots: list[BotProcess],
    concurrency: list[int],
    people: Sequence[DemoPerson],
    *,
    turns: int,
    warm_up: int,
    work: Path,
) -> tuple[list[Result], list[str]]:
    """The results of each bot at each concurrency, and notes on what went wrong."""
    connector = FakeConnector()
    await connector.start()
    results: list[Result] = []
    notes: list[str] = []
    try:
        for number, bot in enumerate(bots, 1):
            port = int(bot.command[bot.command.index("--port") + 1])
            log = work / f"turns-{number}-{bot.name.split()[0]}.log"
            async with running(bot, port, log) as url:
                offset = 0
                for users in concurrency:
                    per_user = warm_up + turns
                    chosen = people[offset : offset + users * per_user]
                    offset += users * per_user
                    print(f"measuring {bot.name} at {users} users...", file=sys.stderr)
                    phase_users = users_for(f"u{users}", users, chosen, per_user)
                    results.append(
                        await measure(
                            bot, url, connector, phase_users, turns=turns, warm_up=warm_up
                        )
                    )
            notes.extend(log_problems(bot.name, log))
    finally:
        await connector.close()
    if connector.unmatched:
        notes.append(f"{connector.unmatched} replies matched no turn")
    return results, notes


LOG_LEVEL = re.compile(r" (WARNING|ERROR|CRITICAL) (\S+) (.*)$")


def log_problems(bot: str, log: Path) -> list[str]:
    """Warnings and errors the bot logged while it was measured (a turn that 'worked' may
    still have answered with a notice), most frequent first."""
    seen: Counter[str] = Counter()
    for line in log.read_text(errors="replace").splitlines():
        found = LOG_LEVEL.search(line)
        if found:
            seen[f"{found[1]} {found[2]}: {found[3][:80]}"] += 1
    return [f"{bot}: {count} x {message} (in {log})" for message, count in seen.most_common(5)]


# --------------------------------------------------------------------------------------
# The database, and people to look up.
# --------------------------------------------------------------------------------------


def benchmark_database(people: int, work: Path) -> str:
    """The SQLite demo database of `people` under `work`: reused if present, else built."""
    path = work / f"search-{people}.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    if path.exists():
        run_measured([*FAMILYCONTEXT, "db", "upgrade"], {"FC_DATABASE_URL": url})
        if asyncio.run(loaded(url)):
            return url
    url, _ = prepare(people, "sqlite", work, reuse=True)
    return url


async def sample_people(url: str, count: int) -> list[DemoPerson]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    select(Person.first_name, Person.last_name, Person.date_of_birth)
                    .where(Person.restricted.is_(False), Person.date_of_birth.is_not(None))
                    .order_by(func.random())
                    .limit(count)
                )
            ).all()
    finally:
        await engine.dispose()
    return [DemoPerson(first, last, born) for first, last, born in rows if born is not None]


# --------------------------------------------------------------------------------------
# The report.
# --------------------------------------------------------------------------------------


def report(results: list[Result], turns: int, warm_up: int) -> None:
    print()
    print(
        f"{turns} measured turns per user after {warm_up} warm-up turns; "
        "latency from the POST to /api/messages, in ms."
    )
    print()
    print(
        "| bot | users | turns | reply p50 | reply p95 | reply p99 | HTTP p50 | HTTP p95 "
        "| HTTP p99 | turns/s | reply bytes | errors | reply |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        if not r.turns:
            print(f"| {r.bot} | {r.users} | 0 | | | | | | | | | {r.errors} | |")
            continue
        print(
            f"| {r.bot} | {r.users} | {r.turns} "
            f"| {percentile(r.reply_ms, 0.50):.1f} | {percentile(r.reply_ms, 0.95):.1f} "
            f"| {percentile(r.reply_ms, 0.99):.1f} "
            f"| {percentile(r.http_ms, 0.50):.1f} | {percentile(r.http_ms, 0.95):.1f} "
            f"| {percentile(r.http_ms, 0.99):.1f} "
            f"| {r.turns_per_second:.0f} | {statistics.median(r.reply_bytes):,.0f} "
            f"| {r.errors} | {r.first_reply} |"
        )
    echo = {r.users: r for r in results if r.bot.startswith("echo") and r.turns}
    ours = [r for r in results if r.bot.startswith("ours") and r.turns and r.users in echo]
    if ours:
        print()
        print("| bot | users | ours / echo, reply p50 | ours / echo, reply p95 | goal (<= 1) |")
        print("|---|---:|---:|---:|---|")
        for r in ours:
            base = echo[r.users]
            p50 = percentile(r.reply_ms, 0.5) / percentile(base.reply_ms, 0.5)
            p95 = percentile(r.reply_ms, 0.95) / percentile(base.reply_ms, 0.95)
            met = "met" if p50 <= 1 and p95 <= 1 else "not met"
            print(f"| {r.bot} | {r.users} | {p50:.2f} | {p95:.2f} | {met} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bots", default="echo,ours", help="echo, ours, or both")
    parser.add_argument("--concurrency", default="1,16", help="simulated users, per phase")
    parser.add_argument("--turns", type=int, default=200, help="measured turns per user")
    parser.add_argument("--warm-up", type=int, default=20, help="unmeasured turns per user")
    parser.add_argument(
        "--database",
        default=os.environ.get("FC_BENCH_DATABASE_URL", ""),
        help="our bot's database (a migrated, loaded SQLAlchemy URL; env FC_BENCH_DATABASE_URL); "
        "default: the SQLite demo database of --people under --work",
    )
    parser.add_argument(
        "--turn", choices=sorted(TURNS), default=OUR_TURN.name, help="what our bot is sent"
    )
    parser.add_argument(
        "--workers",
        default=DEFAULT_WORKERS,
        help="our bot's FC_WORKERS, one run of ours for each (default: 1 and one per core)",
    )
    parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument(
        "--ours-root",
        type=Path,
        default=ROOT,
        help="run our bot from this copy of the code (for before/after comparisons)",
    )
    args = parser.parse_args()
    names = args.bots.split(",")
    concurrency = [int(users) for users in args.concurrency.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)

    scenario = TURNS[args.turn]
    bots: list[BotProcess] = []
    database = args.database
    if "ours" in names and not database:
        database = benchmark_database(args.people, args.work)
    people: list[DemoPerson] = []
    if scenario.needs_people:
        if not database:
            database = benchmark_database(args.people, args.work)
        needed = sum(concurrency) * (args.warm_up + args.turns)
        people = asyncio.run(sample_people(database, needed))
    if "echo" in names:
        bots.append(echo_bot(free_port(), scenario))
    if "ours" in names:
        for workers in sorted({int(count) for count in args.workers.split(",")}):
            bots.append(our_bot(free_port(), database, scenario, args.ours_root.resolve(), workers))
    if not bots:
        raise SystemExit("--bots: name echo, ours, or both")

    results, notes = asyncio.run(
        run_bots(bots, concurrency, people, turns=args.turns, warm_up=args.warm_up, work=args.work)
    )
    report(results, args.turns, args.warm_up)
    if notes:
        print()
        for note in notes:
            print(f"- {note}")


if __name__ == "__main__":
    main()
