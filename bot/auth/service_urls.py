"""The exact hosts the bot may send replies, and with them its token, to.

Public bots have leaked their token by replying to a forged `serviceUrl`
(platform-notes.md). A service URL is allowed only when it is https, on the
default port, with no user name or password, and its host is exactly one of
the allowed hosts (never a suffix match: anyone can register a name under
trafficmanager.net). Loopback addresses (the Agents Playground) are allowed,
over http too, only when the policy says so: in `local`, or when a test
names the loopback host explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from bot.settings import Settings, is_loopback


class ServiceUrlPolicy:
    def __init__(self, hosts: Iterable[str], *, allow_any_loopback: bool = False) -> None:
        self.hosts = frozenset(host.lower() for host in hosts)
        self.allow_any_loopback = allow_any_loopback

    @classmethod
    def from_settings(cls, settings: Settings) -> ServiceUrlPolicy:
        return cls(
            settings.effective_allowed_service_hosts,
            allow_any_loopback=settings.loopback_service_urls_allowed,
        )

    def allows(self, url: str | None) -> bool:
        if not url:
            return False
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return False
        host = (parts.hostname or "").lower()
        if not host or parts.username is not None or parts.password is not None:
            return False
        if is_loopback(host):
            allowed = self.allow_any_loopback or host in self.hosts
            return allowed and parts.scheme in ("http", "https")
        return parts.scheme == "https" and port in (None, 443) and host in self.hosts

    def host_of(self, url: str | None) -> str:
        """The host part of a URL, for a log line (never the path, which may hold ids)."""
        try:
            return (urlsplit(url or "").hostname or "").lower()
        except ValueError:
            return ""


class ServiceUrlNotAllowed(Exception):
    """A connector to a service URL whose host is not allowed (nothing was sent)."""
