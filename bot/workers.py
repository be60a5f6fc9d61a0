"""Serving from several worker processes (FC_WORKERS), to use more than one core.

A turn is mostly Python (botbuilder's activity handling, parsing, scoring, the
card), and a Python process runs it on one core at a time. With FC_WORKERS=N,
`familycontext serve` prepares the database once, opens N listening sockets
on the port, and forks N workers, one on each (the kernel spreads new
connections over them). Nothing a later turn needs is kept only in a worker: the conversation's
state is in the database, and the database refuses an audit entry that would
fork the chain, so any worker may serve any turn, as any of several instances
may.

`/metrics` counts for all workers: prometheus_client's multi-process mode, its
files in a private temporary folder removed at the end.

The supervisor stops every worker when it is asked to stop (SIGTERM, SIGINT),
and when any worker ends: a half-working bot is better restarted whole by the
platform. POSIX only (fork).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from aiohttp.web_runner import GracefulExit
from prometheus_client import values

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def can_fork() -> bool:
    return hasattr(os, "fork")


def listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """A listening socket for each worker, all on the same port (SO_REUSEPORT), opened
    before the workers are forked, so that a port already taken stops the bot at once.

    One shared socket would let whichever worker wakes first take each new connection,
    and Teams (like any HTTP client) keeps its connections open: at sixteen busy users
    one worker could end up with most of them. With a socket each, the kernel spreads
    new connections over the workers evenly."""
    if not hasattr(socket, "SO_REUSEPORT"):
        raise OSError("this system cannot share a port between processes (SO_REUSEPORT)")
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sockets.append(socket.create_server((host, port), backlog=1024, reuse_port=True))
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    return sockets


@contextlib.contextmanager
def shared_metrics() -> Iterator[Path]:
    """prometheus_client's multi-process mode, for metrics made after this (in the workers):
    each process writes its counts to files in a private folder, and `/metrics` adds them up."""
    folder = Path(tempfile.mkdtemp(prefix="familycontext-metrics-"))
    previous = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    previous_class = values.ValueClass
    # The library reads the folder from the environment; its choice of value class was
    # made when it was imported, so it is made again here.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    values.ValueClass = values.MultiProcessValue()  # type: ignore[no-untyped-call]
    try:
        yield folder
    finally:
        values.ValueClass = previous_class
        if previous is None:
            os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        else:
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = previous
        shutil.rmtree(folder, ignore_errors=True)


def supervise(count: int, run_worker: Callable[[int], None]) -> int:
    """Fork `count` workers, each running `run_worker(its number)`; wait for them. The exit
    status is 0 when they all ended cleanly after a stop signal, 1 otherwise."""
    children: set[int] = set()
    stopping = False

    def stop_all(signum: int | None = None, _frame: FrameType | None = None) -> None:
        nonlocal stopping
        stopping = stopping or signum is not None
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum in STOP_SIGNALS:
        signal.signal(signum, stop_all)
    failed = False
    try:
        for number in range(count):
            pid = os.fork()
            if pid == 0:
                _run_child(run_worker, number)
            children.add(pid)
        if stopping:  # asked to stop while the last workers were being forked
            stop_all()
        log.info("serving from %d worker processes", count)
        while children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            children.discard(pid)
            code = os.waitstatus_to_exitcode(status)
            if not stopping:
                # A worker ended unasked: stop the others too.
                log.error("a worker process ended unexpectedly (exit status %d)", code)
                failed = True
                stopping = True
                stop_all()
            elif code not in (0, -signal.SIGTERM, -signal.SIGINT):
                failed = True
    finally:
        stop_all()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 1 if failed else 0


def _run_child(run_worker: Callable[[int], None], number: int) -> None:
    """In a forked worker: run, then leave without running the parent's clean-up."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    code = 0
    try:
        run_worker(number)
    except KeyboardInterrupt:
        pass
    except SystemExit as stop:
        # aiohttp raises GracefulExit for a second stop signal while it is stopping.
        if not isinstance(stop, GracefulExit):
            code = stop.code if isinstance(stop.code, int) else 1
    except BaseException as error:  # the type only: a message could quote personal data
        log.error("worker process failed: %s", type(error).__name__)
        code = 1
    finally:
        logging.shutdown()
        os._exit(code)
