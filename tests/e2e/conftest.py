"""Fixtures for the end-to-end tests: the bot, the Agents Playground, headless Chromium.

- `bot_server` (session): `familycontext serve` on a free port, on a scratch SQLite demo
  database (2,000 synthetic people), local mode, every user a social worker.
- `browser` (module): Debian's Chromium through Playwright's sync API. The tests are
  plain `def` tests (see `browser` for why; async ones are refused at collection).
- `playground` (per test): a Playground process for `bot_server` with a fresh personal
  chat (so the bot's conversation state starts empty), and a page open on it.
- `card_echo_bot` / `card_playground` (per test): the same against a throwaway bot that
  answers with Adaptive Cards (support/card_echo_bot.py), to test the harness itself.

A failing test leaves a screenshot and the page's HTML in var/e2e/failures/.
"""

from __future__ import annotations

import inspect
import os
import shutil
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.support.card_echo_bot import CardEchoBot
from tests.e2e.support.playground import Playground, launch_chromium, new_context
from tests.e2e.support.servers import (
    PROJECT_ROOT,
    BotServer,
    PlaygroundServer,
    prepare_demo_database,
    start_bot,
    start_playground,
    stop_process,
)

OUTPUT_DIR = PROJECT_ROOT / "var" / "e2e"
"""Screenshots, kept out of git (var/ is ignored)."""
E2E_DIR = Path(__file__).parent

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse async e2e tests: they cannot run while Playwright's sync API is active."""
    for item in items:
        function = getattr(item, "function", None)
        if E2E_DIR in item.path.parents and inspect.iscoroutinefunction(function):
            raise pytest.UsageError(
                f"{item.nodeid}: end-to-end tests are plain `def` tests (Playwright sync API)"
            )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember whether the test itself failed, for the failure screenshot."""
    report = yield
    if report.when == "call":
        item.stash[_FAILED] = report.failed
    return report


_FAILED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def e2e_output() -> Path:
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return OUTPUT_DIR


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a scratch SQLite database filled with the demo population (seed 1)."""
    return prepare_demo_database(tmp_path_factory.mktemp("e2e-database"))


@pytest.fixture(scope="session")
def bot_server(tmp_path_factory: pytest.TempPathFactory, demo_database: str) -> Iterator[BotServer]:
    server = start_bot(tmp_path_factory.mktemp("e2e-bot"), demo_database)
    yield server
    stop_process(server.process)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Module scope, not session: between its calls, Playwright's sync API leaves its own
    event loop marked as running in the main thread, which breaks every async test
    (pytest-asyncio) until Playwright stops. So e2e tests are plain `def` tests, and
    Playwright stops at the end of each e2e module, before the rest of the suite runs."""
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


def _open(
    request: pytest.FixtureRequest,
    browser: Browser,
    server: PlaygroundServer,
    logs: Sequence[Path] = (),
) -> Iterator[Playground]:
    """A page open on `server`; if the test fails, its screenshot, HTML and the servers'
    logs (`logs`, and the Playground's) go to var/e2e/failures/."""
    context = new_context(browser)
    try:
        playground = Playground.open(context, server.url)
        yield playground
        if request.node.stash.get(_FAILED, False):
            failures = OUTPUT_DIR / "failures"
            failures.mkdir(parents=True, exist_ok=True)
            name = request.node.name
            playground.page.screenshot(path=str(failures / f"{name}.png"))
            (failures / f"{name}.html").write_text(playground.page.content(), encoding="utf-8")
            for log in (server.log, server.activity_log, *logs):
                if log.exists():
                    shutil.copyfile(log, failures / f"{name}.{log.name}")
    finally:
        context.close()


@pytest.fixture
def playground_server(tmp_path: Path, bot_server: BotServer) -> Iterator[PlaygroundServer]:
    server = start_playground(tmp_path / "playground", bot_server.endpoint)
    yield server
    stop_process(server.process)


@pytest.fixture
def playground(
    request: pytest.FixtureRequest,
    browser: Browser,
    bot_server: BotServer,
    playground_server: PlaygroundServer,
) -> Iterator[Playground]:
    """The Playground's personal chat with the bot, open in headless Chromium."""
    yield from _open(request, browser, playground_server, [bot_server.log])


@pytest.fixture
def card_echo_bot() -> Iterator[CardEchoBot]:
    with CardEchoBot() as bot:
        yield bot


@pytest.fixture
def card_playground(
    request: pytest.FixtureRequest, tmp_path: Path, browser: Browser, card_echo_bot: CardEchoBot
) -> Iterator[Playground]:
    """The Playground's personal chat with the card echo bot."""
    server = start_playground(tmp_path / "playground", card_echo_bot.endpoint)
    try:
        yield from _open(request, browser, server)
    finally:
        stop_process(server.process)
