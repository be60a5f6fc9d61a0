"""Building the conversation's services from settings: the one place that wires
data_access/ into dialogs/ (the app and the benchmarks use it)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import ConfigurationError, Settings
from data_access.audit.store import AuditLog
from data_access.conversations import ConversationStore
from data_access.disclosure.reader import PersonDirectory
from data_access.disclosure.records import DEFAULT_AGE_BANDS, AgeBand, DisclosureRules
from data_access.enums import Service
from data_access.search.service import PersonSearch
from dialogs.services import Policy, Services

_BAND = re.compile(r"^(\d{1,3})-(\d{1,3})?$")


def disclosure_rules(settings: Settings) -> DisclosureRules:
    """The default age bands with the council's overrides (FC_AGE_BANDS)."""
    bands = dict(DEFAULT_AGE_BANDS)
    for name, text in settings.age_bands.items():
        try:
            service = Service(name)
        except ValueError:
            known = ", ".join(s.value for s in Service)
            raise ConfigurationError(
                f"FC_AGE_BANDS: unknown service {name!r} (one of {known})"
            ) from None
        match = _BAND.match(text)
        if match is None:
            raise ConfigurationError(
                f"FC_AGE_BANDS: {name}={text!r} is not MIN-MAX or MIN- (e.g. 4-20, 18-)"
            )
        minimum = int(match[1])
        maximum = int(match[2]) if match[2] else None
        if maximum is not None and maximum < minimum:
            raise ConfigurationError(f"FC_AGE_BANDS: {name}={text!r} ends before it starts")
        bands[service] = AgeBand(minimum, maximum)
    return DisclosureRules(age_bands=bands)


def policy(settings: Settings) -> Policy:
    return Policy(
        purposes=tuple(settings.purpose_options),
        card_max_age=dt.timedelta(hours=settings.card_max_age_hours),
        council_name=settings.council_name,
        appropriate_use_text=settings.appropriate_use_text,
    )


def build_services(settings: Settings, engine: AsyncEngine) -> Services:
    return Services(
        search=PersonSearch(engine),
        directory=PersonDirectory(engine, disclosure_rules(settings)),
        audit=AuditLog(
            engine,
            search_limit=settings.search_limit,
            search_window=dt.timedelta(minutes=settings.search_window_minutes),
        ),
        conversations=ConversationStore(
            engine, purpose_ttl=dt.timedelta(minutes=settings.purpose_ttl_minutes)
        ),
        policy=policy(settings),
    )
