"""`familycontext serve` with FC_WORKERS=2: the workers share the turns (the state between
turns is in the database), /metrics counts for all of them, and the bot stops whole."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from tests.e2e.support.servers import BotServer, prepare_demo_database, start_bot, stop_process
from tests.support.activities import TEAMS_SERVICE_URL, invoke, message

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
LOOKUPS = 8


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return prepare_demo_database(tmp_path_factory.mktemp("workers-db"), people=300)


@pytest.fixture
def bot(tmp_path: Path, demo_url: str) -> Iterator[BotServer]:
    server = start_bot(tmp_path, demo_url, FC_WORKERS="2")
    yield server
    stop_process(server.process)


def workers_of(server: BotServer) -> list[int]:
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def post(server: BotServer, activity: dict[str, Any]) -> dict[str, Any]:
    """POST with expectReplies, on a new connection each time (so either worker may take it)."""
    activity["deliveryMode"] = "expectReplies"
    request = urllib.request.Request(  # noqa: S310 (loopback)
        server.endpoint,
        data=json.dumps(activity).encode(),
        headers={"Content-Type": "application/json", "Connection": "close"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert response.status == 200
        answer: dict[str, Any] = json.loads(response.read() or b"{}")
        return answer


def cards(answer: dict[str, Any]) -> list[dict[str, Any]]:
    replies = answer.get("activities") or answer.get("body", {}).get("activities") or []
    return [
        attachment["content"]
        for reply in replies
        for attachment in reply.get("attachments") or []
        if attachment.get("contentType") == ADAPTIVE_CARD
    ]


def find(node: Any, kind: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == kind:
            found.append(node)
        for value in node.values():
            found.extend(find(value, kind))
    elif isinstance(node, list):
        for value in node:
            found.extend(find(value, kind))
    return found


def give_purpose(server: BotServer) -> str:
    """Gives the first reason; returns the purpose card's verb."""
    (card,) = cards(post(server, message("purpose", TEAMS_SERVICE_URL)))
    button = find(card, "Action.Execute")[0]
    choices = find(card, "Input.ChoiceSet")[0]
    data = {**button.get("data", {}), choices["id"]: choices["choices"][0]["value"]}
    action = {"type": "Action.Execute", "verb": button["verb"], "data": data}
    post(server, invoke("adaptiveCard/action", {"action": action}, TEAMS_SERVICE_URL))
    return str(button["verb"])


def metric(server: BotServer, name: str, **labels: str) -> float:
    with urllib.request.urlopen(f"{server.base_url}/metrics", timeout=5) as response:  # noqa: S310
        text = response.read().decode()
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith(f"{name}{{{wanted}}} "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def metrics_folder(workers: list[int]) -> Path:
    """The workers' shared metrics folder, as mapped into their memory."""
    (folder,) = {
        Path(line.split()[-1]).parent
        for pid in workers
        for line in Path(f"/proc/{pid}/maps").read_text().splitlines()
        if "familycontext-metrics-" in line
    }
    return folder


def wait_for_exit(process: Any, seconds: float = 15) -> int:
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is not None, "the bot did not stop"
    return int(process.returncode)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie still answers until reaped by its parent; the supervisor reaps its own.
    return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"


def test_two_workers_serve_the_turns_and_count_them_together(bot: BotServer) -> None:
    assert len(workers_of(bot)) == 2
    purpose_verb = give_purpose(bot)
    for _ in range(LOOKUPS):
        # A conversation's purpose, given to one worker, is known to both: no worker asks.
        answer = post(bot, message("find smith", TEAMS_SERVICE_URL))
        (card,) = cards(answer)
        verbs = {action.get("verb") for action in find(card, "Action.Execute")}
        assert verbs
        assert purpose_verb not in verbs
    posted = 2 + LOOKUPS
    assert metric(
        bot, "familycontext_http_requests_total", route="/api/messages", status="200"
    ) == (posted)
    assert "worker process" not in bot.log_text().replace("serving from 2 worker processes", "")


def test_new_connections_are_spread_over_the_workers(bot: BotServer) -> None:
    workers = workers_of(bot)
    for _ in range(40):  # all on one worker by chance: 2 in a trillion
        request = urllib.request.Request(  # noqa: S310 (loopback)
            f"{bot.base_url}/healthz", headers={"Connection": "close"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            assert response.status == 200
    counted = {path.stem.rsplit("_", 1)[-1] for path in metrics_folder(workers).glob("*.db")}
    assert {str(pid) for pid in workers} <= counted


def test_stopping_the_bot_stops_every_worker(bot: BotServer) -> None:
    workers = workers_of(bot)
    metric(bot, "familycontext_http_requests_total")  # a worker has written its counts
    folder = metrics_folder(workers)
    assert folder.is_dir()

    bot.process.send_signal(signal.SIGTERM)

    assert wait_for_exit(bot.process) == 0
    assert all(gone(pid) for pid in workers)
    assert not folder.exists()


def test_a_worker_that_dies_stops_the_bot(bot: BotServer) -> None:
    first, second = workers_of(bot)
    os.kill(first, signal.SIGKILL)

    assert wait_for_exit(bot.process) == 1
    assert gone(second)
    assert "a worker process ended unexpectedly" in bot.log_text()


def test_workers_need_a_database_they_can_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FC_DATABASE_URL", "sqlite+aiosqlite://")
    monkeypatch.setenv("FC_WORKERS", "2")

    assert main(["serve"]) == 2

    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1
    assert "in-memory SQLite" in error[0]
