"""Shared by the benchmarks: real commands in child processes, timed, with their peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parent.parent
FAMILYCONTEXT = [sys.executable, "-m", "bot.cli"]
POSTGRES_ADMIN_DSN = os.environ.get(
    "FC_BENCH_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/test"
)


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mb: float


def run_measured(args: list[str], env: dict[str, str]) -> Measured:
    """Run a command to completion; its wall time and its own peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env={**os.environ, **env}, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with exit code {process.returncode}")
    return Measured(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


async def fresh_postgres_database(name: str) -> str:
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0]
    return f"{base.replace('postgresql://', 'postgresql+asyncpg://', 1)}/{name}"
