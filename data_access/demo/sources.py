"""The feeds of the demo extract and their "data limitations".

Every feed is dated relative to the day of generation so that the demo
always looks like last night's load. Extract times are between 02:00 and
04:00 UK time: those wall-clock times exist exactly once on every day of the
year, so the UTC offset written is never ambiguous across a clock change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from data_access.demo import places
from data_access.enums import Service

UK_TIME = ZoneInfo("Europe/London")

SCHOOL_CENSUS = "school-census"
MILLBROOK_HOMES = "housing-millbrook-homes"
BROOKSIDE_HOUSING = "housing-brookside-ha"
ADULT_SOCIAL_CARE = "asc-liquidlogic"
NORTHSHIRE_POLICE = "police-northshire"

POLICE_CONVICTION_YEARS = 5
POLICE_SUSPECT_YEARS = 1


@dataclass(frozen=True, slots=True)
class Feed:
    source_id: str
    service: Service
    title: str
    system_name: str
    organisation: str
    current_as_of: dt.datetime
    coverage_start: dt.date
    coverage_end: dt.date
    coverage_note: str
    available: bool

    def row(self) -> tuple[str, ...]:
        return (
            self.source_id,
            self.service.value,
            self.title,
            self.system_name,
            self.organisation,
            self.current_as_of.isoformat(),
            self.coverage_start.isoformat(),
            self.coverage_end.isoformat(),
            places.AREA,
            self.coverage_note,
            "true" if self.available else "false",
        )


def _extract_time(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UK_TIME)


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def feeds(today: dt.date, withhold: frozenset[Service] = frozenset()) -> Sequence[Feed]:
    """The extract's data_source rows; `withhold` shows the "not available" state."""
    yesterday = today - dt.timedelta(days=1)
    last_good_brookside = today - dt.timedelta(days=45)
    all_feeds = (
        Feed(
            source_id=SCHOOL_CENSUS,
            service=Service.SCHOOL,
            title="Millbrook Schools Census",
            system_name="Capita SIMS (via Synergy)",
            organisation=places.COUNCIL,
            current_as_of=_extract_time(today, 2, 5),
            coverage_start=dt.date(today.year - 10, 9, 1),
            coverage_end=yesterday,
            coverage_note=(
                "Pupils on roll at Millbrook maintained schools, academies, nursery schools"
                " and the pupil referral unit since September "
                f"{today.year - 10}, from the termly school census and daily attendance"
                " returns. Children educated at home or at independent schools are not"
                " included."
            ),
            available=True,
        ),
        Feed(
            source_id=MILLBROOK_HOMES,
            service=Service.HOUSING,
            title="Millbrook Homes",
            system_name="Northgate Housing",
            organisation="Millbrook Homes Ltd",
            current_as_of=_extract_time(today, 2, 20),
            coverage_start=dt.date(today.year - 20, 4, 1),
            coverage_end=yesterday,
            coverage_note=(
                "Current and former Millbrook Homes tenants and household members since"
                f" April {today.year - 20}, and anyone named in an anti-social behaviour case."
                " Private tenants, owner-occupiers and housing association tenants are not"
                " included."
            ),
            available=True,
        ),
        Feed(
            source_id=BROOKSIDE_HOUSING,
            service=Service.HOUSING,
            title=places.HOUSING_ASSOCIATION,
            system_name="Civica Cx Housing",
            organisation=places.HOUSING_ASSOCIATION,
            current_as_of=_extract_time(last_good_brookside, 2, 40),
            coverage_start=dt.date(today.year - 8, 1, 1),
            coverage_end=last_good_brookside - dt.timedelta(days=1),
            coverage_note=(
                "Brookside Housing Association tenants in Millbrook. Withheld while the"
                " data sharing agreement is renewed: no records are loaded."
            ),
            available=False,
        ),
        Feed(
            source_id=ADULT_SOCIAL_CARE,
            service=Service.ADULT_SOCIAL_CARE,
            title="Millbrook Adult Social Care",
            system_name="LiquidLogic Adults",
            organisation=places.COUNCIL,
            current_as_of=_extract_time(today, 2, 45),
            coverage_start=dt.date(today.year - 9, 4, 1),
            coverage_end=yesterday,
            coverage_note=(
                "Adults, and young people from 15 preparing for adult services, with a care"
                " and support assessment, plan, review or safeguarding enquiry since April "
                f"{today.year - 9}. Carers' assessments are included; NHS continuing"
                " healthcare is not."
            ),
            available=True,
        ),
        Feed(
            source_id=NORTHSHIRE_POLICE,
            service=Service.POLICE,
            title="Northshire Police",
            system_name="Niche RMS",
            organisation="Northshire Police",
            current_as_of=_extract_time(today, 3, 30),
            coverage_start=years_before(today, POLICE_CONVICTION_YEARS),
            coverage_end=yesterday,
            coverage_note=(
                "Convictions from the last 5 years and suspect records from the last year,"
                " for people living in Millbrook. Victims and witnesses are not included."
            ),
            available=True,
        ),
    )
    return tuple(
        replace(feed, available=False) if feed.service in withhold else feed for feed in all_feeds
    )
