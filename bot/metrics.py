"""Prometheus metrics for `/metrics`: counts and timings only, never anything personal.

Each app gets its own registry, so tests (and several apps in one process)
do not share counters.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Middleware
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0)


class Metrics:
    def __init__(self, shared: Path | None = None) -> None:
        """`shared`: the folder of prometheus_client's multi-process mode (bot/workers.py),
        when several worker processes serve: `/metrics` then reports all of them."""
        self.registry = CollectorRegistry(auto_describe=True)
        self._exposed = self.registry
        if shared is not None:
            self._exposed = CollectorRegistry()
            MultiProcessCollector(self._exposed, path=str(shared))  # type: ignore[no-untyped-call]
        self.requests = Counter(
            "familycontext_http_requests",
            "HTTP requests answered, by route and status.",
            ("route", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "familycontext_http_request_duration_seconds",
            "Time to answer an HTTP request, by route.",
            ("route",),
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.refusals = Counter(
            "familycontext_auth_refusals",
            "Requests to /api/messages refused as unauthenticated, by reason code.",
            ("reason",),
            registry=self.registry,
        )

    def middleware(self) -> Middleware:
        @web.middleware
        async def measure(request: web.Request, handler: Handler) -> web.StreamResponse:
            # The route's pattern, never the raw path: paths could carry identifiers.
            resource = request.match_info.route.resource
            route = resource.canonical if resource is not None else "unmatched"
            started = time.perf_counter()
            status = 500
            try:
                response = await handler(request)
                status = response.status
                return response
            except web.HTTPException as error:
                status = error.status
                raise
            finally:
                self.requests.labels(route, str(status)).inc()
                self.latency.labels(route).observe(time.perf_counter() - started)

        return measure

    async def handler(self, _: web.Request) -> web.Response:
        response = web.Response(body=generate_latest(self._exposed))
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response
