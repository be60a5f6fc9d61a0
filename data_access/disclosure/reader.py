"""Reading a person with the display rules applied (common-data-model.md, "Display rules").

The rules are applied here, where the data is read, so that no card, log or
export built from the records of `records.py` can show more than they allow:

- A service outside its age band is NOT_APPLICABLE and its rows are never
  read at the second level, let alone returned.
- Rows of an unavailable feed never count and are never returned: the
  queries join every involvement row to its feed and keep available feeds
  only, so "not available" can never turn into "none found" or into records.
- Restricted people are never listed, not even as someone's relative, and
  reaching one by id returns `Restricted` and nothing else.
- The police card gets at most `max_offences` safeguarding offences.

The decisions themselves (age, state, order, caps) are small pure functions
at the top of this module so that they can be tested without a database; the
queries below only fetch what those functions need.

Round trips matter: a lookup turn must stay fast on a million people. A
summary is two statements (the person with one EXISTS per service and the
feeds, then the related people), a service's details two (three for police),
a results list one. Every child-table probe goes through its person_id
index. Nothing here logs: what it reads is personal data.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Exists,
    Row,
    Select,
    String,
    Table,
    any_,
    bindparam,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from data_access.disclosure.records import (
    DEFAULT_AGE_BANDS,
    SERVICE_ORDER,
    AdultSocialCareRecord,
    AgeBand,
    Contact,
    DataLimitations,
    DisclosureRules,
    HousingRecord,
    Offence,
    PersonListing,
    PersonSummary,
    PoliceRecord,
    RelatedPerson,
    Restricted,
    SchoolRecord,
    ServiceDetails,
    ServiceFlag,
    ServiceRecord,
    ServiceState,
)
from data_access.engine import for_single_reads
from data_access.enums import AdmissionType, Involvement, RelationshipType, Service
from data_access.models import (
    AdultSocialCareInvolvement,
    DataSource,
    HousingInvolvement,
    Person,
    PoliceInvolvement,
    PoliceOffence,
    Relationship,
    SchoolInvolvement,
)
from data_access.precompiled import read_rows

# --------------------------------------------------------------------------------------
# The rules, as pure functions
# --------------------------------------------------------------------------------------


def age_on(date_of_birth: dt.date | None, today: dt.date) -> int | None:
    """Completed years on `today`, or None when the date of birth is not recorded.

    Someone born on 29 February is a year older on 1 March in a common year
    (the birthday has not come on 28 February): the UK reading, and the one
    that never shows a service a day early.
    """
    if date_of_birth is None:
        return None
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - int(before_birthday)


def age_band(rules: DisclosureRules, service: Service) -> AgeBand:
    """The council's band for a service; Stockport's when the council's rules leave it out.

    Falling back to a default band rather than to "no band" keeps a gap in
    the configuration from disclosing a service to every age.
    """
    return rules.age_bands.get(service, DEFAULT_AGE_BANDS[service])


def shown_state(
    band: AgeBand, age: int | None, feeds: Sequence[DataLimitations]
) -> ServiceState | None:
    """NOT_APPLICABLE or NOT_AVAILABLE when a service's rows may not be shown at all (and so
    need not be read), None when they may.

    The age band comes first: outside it nothing else about the service may
    be said, not even whether it is available.
    """
    if age is not None and not band.contains(age):
        return ServiceState.NOT_APPLICABLE
    if not any(feed.available for feed in feeds):
        return ServiceState.NOT_AVAILABLE
    return None


def service_state(
    service: Service,
    band: AgeBand,
    age: int | None,
    feeds: Sequence[DataLimitations],
    *,
    found: bool,
    current: bool,
) -> ServiceState:
    """Display rules 1 and 3, in the order that keeps the states from being confused.

    `found` and `current` must count rows from available feeds only; they are
    ignored when no feed is available, so rows of a withheld feed can never
    make the service look loaded.
    """
    gate = shown_state(band, age, feeds)
    if gate is not None:
        return gate
    if not found:
        return ServiceState.NONE_FOUND
    if service is Service.POLICE:
        return ServiceState.RECORDS_FOUND
    return ServiceState.CURRENT if current else ServiceState.HISTORIC


def service_flag(
    service: Service,
    rules: DisclosureRules,
    age: int | None,
    feeds: Sequence[DataLimitations],
    *,
    found: bool,
    current: bool,
) -> ServiceFlag:
    band = age_band(rules, service)
    return ServiceFlag(
        service=service,
        state=service_state(service, band, age, feeds, found=found, current=current),
        age_band=band,
        age_unknown=age is None,
        limitations=tuple(sorted(feeds, key=lambda feed: (feed.title, feed.source_id))),
    )


_ADMISSION_RANK = {
    AdmissionType.MAIN.value: 0,
    AdmissionType.SECONDARY.value: 1,
    AdmissionType.OFF_SITE.value: 2,
}


def _current_rank(involvement: str | None) -> int:
    """Current first; historic and "not recorded" after it (missing counts as historic)."""
    return 0 if involvement == Involvement.CURRENT.value else 1


def school_rank(
    involvement: str | None, admission_type: str | None, row_id: int
) -> tuple[int, ...]:
    """Current registrations before past ones, then main, secondary, off-site, not recorded.

    Current comes first so that a school the child left never pushes the
    provision they attend today down the card; among current registrations
    of a dual-registered child the main one leads, as the data model asks.
    """
    return (_current_rank(involvement), _ADMISSION_RANK.get(admission_type or "", 3), row_id)


def recency_rank(
    involvement: str | None, dates: Iterable[dt.date | None], row_id: int
) -> tuple[int, ...]:
    """Current first, then the row whose latest recorded date is most recent, then row id.

    Rows with no date at all go last within their group: they cannot be
    placed in time, and a dated row is the better lead to a practitioner.
    """
    known = [day for day in dates if day is not None]
    latest = -max(known).toordinal() if known else 0
    return (_current_rank(involvement), 0 if known else 1, latest, row_id)


def offence_rank(offence_date: dt.date, row_id: int) -> tuple[int, int]:
    """Most recent first; offences on the same day in the order the feed listed them."""
    return (-offence_date.toordinal(), row_id)


def latest_offences(offences: Iterable[tuple[int, Offence]], limit: int) -> tuple[Offence, ...]:
    """Display rule 2: the `limit` most recent safeguarding offences, most recent first.

    Takes (row id, offence) pairs so the tie-break does not depend on the
    order a database happened to return rows in.
    """
    ranked = sorted(offences, key=lambda pair: offence_rank(pair[1].offence_date, pair[0]))
    return tuple(offence for _, offence in ranked[: max(limit, 0)])


def other_offences_found(values: Iterable[bool | None]) -> bool | None:
    """ "Records found: yes / no" for offences that are not safeguarding types.

    Yes as soon as one row says so. No only when every row says no: a row
    that does not say is not a "no", so the answer is then unknown (None),
    as it is when there are no rows at all.
    """
    answers = list(values)
    if any(answer is True for answer in answers):
        return True
    if answers and all(answer is False for answer in answers):
        return False
    return None


_RELATIONSHIP_RANK = {
    RelationshipType.MOTHER.value: 0,
    RelationshipType.FATHER.value: 0,
    RelationshipType.PARENT.value: 0,
    RelationshipType.STEP_PARENT.value: 0,
    RelationshipType.CARER.value: 0,
    RelationshipType.PARTNER.value: 1,
    RelationshipType.SIBLING.value: 2,
    RelationshipType.HALF_SIBLING.value: 2,
    RelationshipType.CHILD.value: 2,
    RelationshipType.GRANDPARENT.value: 3,
}


def relationship_rank(relationship: str) -> int:
    """Parents and carers, then a partner, then siblings and children, then grandparents,
    then anyone else: roughly the order in which a social worker needs them."""
    return _RELATIONSHIP_RANK.get(relationship, 4)


def order_related(
    people: Iterable[RelatedPerson], limit: int
) -> tuple[tuple[RelatedPerson, ...], int]:
    """The related people to list (at most `limit`) and how many more there are.

    Case records often link the same two people twice (two workers, two
    wordings); each person is listed once, under the closest relationship
    recorded, the first recorded winning a tie. The input must already
    exclude restricted people and be in the order the links were recorded.
    """
    best: dict[str, RelatedPerson] = {}
    for person in people:
        kept = best.get(person.person_id)
        if kept is None or relationship_rank(person.relationship) < relationship_rank(
            kept.relationship
        ):
            best[person.person_id] = person
    ordered = sorted(
        best.values(),
        key=lambda person: (
            relationship_rank(person.relationship),
            person.last_name.casefold(),
            person.first_name.casefold(),
            person.person_id,
        ),
    )
    shown = tuple(ordered[: max(limit, 0)])
    return shown, len(ordered) - len(shown)


_FLAT_ONLY = re.compile(r"^(flat|apartment|apt|unit|room|maisonette)\s*\S{1,6}$", re.IGNORECASE)


def first_address_line(address: str | None) -> str | None:
    """The first line of a free-text address: before the first line break, or, in an
    address written on one line, before the first comma. None when there is nothing."""
    if address is None:
        return None
    text = address.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return None
    separator = "\n" if "\n" in text else ","
    parts = [part.strip().strip(",").strip() for part in text.split(separator)]
    parts = [part for part in parts if part]
    if not parts:
        return None
    # "Flat 1" alone does not tell namesakes apart: keep the building with it.
    if len(parts) > 1 and _FLAT_ONLY.match(parts[0]):
        return f"{parts[0]}, {parts[1]}"
    return parts[0]


def _clean(value: str | None) -> str | None:
    """Blank text is "not recorded", never an empty label on a card."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _optional_bool(value: Any) -> bool | None:
    """SQLite hands booleans back as 0/1; keep "not recorded" apart from "no"."""
    return None if value is None else bool(value)


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite returns the loader's UTC timestamps without a zone; PostgreSQL with one."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


# --------------------------------------------------------------------------------------
# The statements
# --------------------------------------------------------------------------------------

_person: Table = Person.__table__  # type: ignore[assignment]
_source: Table = DataSource.__table__  # type: ignore[assignment]
_relationship: Table = Relationship.__table__  # type: ignore[assignment]
_school: Table = SchoolInvolvement.__table__  # type: ignore[assignment]
_housing: Table = HousingInvolvement.__table__  # type: ignore[assignment]
_adult_social_care: Table = AdultSocialCareInvolvement.__table__  # type: ignore[assignment]
_police: Table = PoliceInvolvement.__table__  # type: ignore[assignment]
_offence: Table = PoliceOffence.__table__  # type: ignore[assignment]

_INVOLVEMENT_TABLES: Mapping[Service, Table] = {
    Service.SCHOOL: _school,
    Service.HOUSING: _housing,
    Service.ADULT_SOCIAL_CARE: _adult_social_care,
    Service.POLICE: _police,
}
_HAS_CURRENT = (Service.SCHOOL, Service.HOUSING, Service.ADULT_SOCIAL_CARE)

_PERSON_COLUMNS = (
    _person.c.person_id,
    _person.c.cms_id,
    _person.c.first_name,
    _person.c.last_name,
    _person.c.date_of_birth,
    _person.c.gender,
    _person.c.address,
    _person.c.postcode,
    _person.c.restricted,
)
_FEED_COLUMNS = (
    _source.c.source_id.label("feed_source_id"),
    _source.c.service.label("feed_service"),
    _source.c.title.label("feed_title"),
    _source.c.system_name.label("feed_system_name"),
    _source.c.organisation.label("feed_organisation"),
    _source.c.current_as_of.label("feed_current_as_of"),
    _source.c.coverage_start.label("feed_coverage_start"),
    _source.c.coverage_end.label("feed_coverage_end"),
    _source.c.coverage_area.label("feed_coverage_area"),
    _source.c.coverage_note.label("feed_coverage_note"),
    _source.c.available.label("feed_available"),
)
_CONTACT_COLUMNS = ("contact_name", "contact_role", "contact_phone", "contact_email")


def _available_rows(table: Table, service: Service, person_id: Any) -> Select[Any]:
    """Rows of `table` about the person that come from an available feed of the service.

    The feed's service is checked too (the loader already refuses a mismatch),
    so that the feeds a flag is judged on are exactly the feeds it lists.
    """
    feed = _source.alias(f"feed_of_{table.name}")
    return (
        select(literal(1))
        .select_from(table.join(feed, feed.c.source_id == table.c.source_id))
        .where(
            table.c.person_id == person_id,
            feed.c.service == service.value,
            feed.c.available.is_(True),
        )
    )


def _exists(table: Table, service: Service, *, current: bool = False) -> Exists:
    rows = _available_rows(table, service, _person.c.person_id)
    if current:
        rows = rows.where(table.c.involvement == Involvement.CURRENT.value)
    return rows.correlate(_person).exists()


@cache
def _summary_statement() -> Select[Any]:
    """The person, whether each service holds rows about them, and every feed: one row per
    feed (one row with empty feed columns when no feed is loaded at all).

    Flags and feeds in one statement are read from the same snapshot, so a
    nightly load can never pair one night's flags with another night's feeds.
    """
    flags: list[ColumnElement[Any]] = []
    for service in SERVICE_ORDER:
        found: ColumnElement[bool] = _exists(_INVOLVEMENT_TABLES[service], service)
        if service is Service.POLICE:
            # An offence is a record too, even if its involvement row were missing.
            found = or_(found, _exists(_offence, service))
        flags.append(found.label(f"found_{service.value}"))
        if service in _HAS_CURRENT:
            current = _exists(_INVOLVEMENT_TABLES[service], service, current=True)
            flags.append(current.label(f"current_{service.value}"))
    subject = (
        select(*_PERSON_COLUMNS, *flags)
        .where(_person.c.person_id == bindparam("person_id", type_=String()))
        .subquery("subject")
    )
    return (
        select(subject, *_FEED_COLUMNS)
        .select_from(subject.outerjoin(_source, true()))
        .order_by(_source.c.title, _source.c.source_id)
    )


@cache
def _related_statement() -> Select[Any]:
    """The people related to someone who is not restricted (it runs beside the person's own
    read, before anyone knows: of a restricted person's relations, nothing is read)."""
    related = _person.alias("related")
    of_whom = _person.alias("of_whom")
    return (
        select(
            _relationship.c.relationship,
            _relationship.c.label,
            related.c.person_id,
            related.c.first_name,
            related.c.last_name,
            related.c.date_of_birth,
        )
        .select_from(
            _relationship.join(
                related, related.c.person_id == _relationship.c.related_person_id
            ).join(of_whom, of_whom.c.person_id == _relationship.c.person_id)
        )
        .where(
            _relationship.c.person_id == bindparam("person_id", type_=String()),
            _relationship.c.related_person_id != _relationship.c.person_id,
            related.c.restricted.is_(False),
            of_whom.c.restricted.is_(False),
        )
        .order_by(_relationship.c.id)
    )


@cache
def _details_person_statement() -> Select[Any]:
    """The person and the feeds of one service, one row per feed."""
    return (
        select(*_PERSON_COLUMNS, *_FEED_COLUMNS)
        .select_from(
            _person.outerjoin(_source, _source.c.service == bindparam("service", type_=String()))
        )
        .where(_person.c.person_id == bindparam("person_id", type_=String()))
        .order_by(_source.c.title, _source.c.source_id)
    )


_RECORD_COLUMNS: Mapping[Service, tuple[str, ...]] = {
    Service.SCHOOL: ("involvement", "school_name", "admission_type"),
    Service.HOUSING: (
        "involvement",
        "housing_provider",
        "tenancy_start",
        "anti_social_behaviour",
        "eviction",
        "notice_seeking_possession",
        "rent_arrears",
    ),
    Service.ADULT_SOCIAL_CARE: (
        "involvement",
        "organisation",
        "last_involvement_start",
        "most_recent_interaction",
    ),
    Service.POLICE: ("police_area", "non_safeguarding_records"),
}


@cache
def _records_statement(service: Service) -> Select[Any]:
    table = _INVOLVEMENT_TABLES[service]
    columns = (*_RECORD_COLUMNS[service], *_CONTACT_COLUMNS)
    rows = _available_rows(table, service, bindparam("person_id", type_=String()))
    return rows.with_only_columns(
        table.c.id, table.c.source_id, *(table.c[name] for name in columns)
    ).order_by(table.c.id)


@cache
def _offences_statement() -> Select[Any]:
    """The most recent safeguarding offences: a short seek backwards in the
    (person_id, offence_date) index, never the person's whole history."""
    rows = _available_rows(_offence, Service.POLICE, bindparam("person_id", type_=String()))
    return (
        rows.with_only_columns(
            _offence.c.id,
            _offence.c.offence_date,
            _offence.c.offence_type,
            _offence.c.involvement,
        )
        .order_by(_offence.c.offence_date.desc(), _offence.c.id)
        .limit(bindparam("limit"))
    )


@cache
def _listing_statement(dialect: str) -> Select[Any]:
    ids: ColumnElement[bool]
    if dialect == "postgresql":
        # One array parameter: the statement is the same whatever the number of ids.
        ids = _person.c.person_id == any_(bindparam("person_ids", type_=postgresql.ARRAY(String())))
    else:
        ids = _person.c.person_id.in_(bindparam("person_ids", expanding=True, type_=String()))
    return select(
        _person.c.person_id,
        _person.c.cms_id,
        _person.c.first_name,
        _person.c.last_name,
        _person.c.date_of_birth,
        _person.c.address,
        _person.c.postcode,
    ).where(ids, _person.c.restricted.is_(False))


# --------------------------------------------------------------------------------------
# Rows to records
# --------------------------------------------------------------------------------------


def _feed(row: Row[Any]) -> DataLimitations | None:
    if row.feed_source_id is None:
        return None
    return DataLimitations(
        source_id=row.feed_source_id,
        title=row.feed_title,
        system_name=row.feed_system_name,
        organisation=row.feed_organisation,
        current_as_of=_utc(row.feed_current_as_of),
        coverage_start=row.feed_coverage_start,
        coverage_end=row.feed_coverage_end,
        coverage_area=row.feed_coverage_area,
        coverage_note=_clean(row.feed_coverage_note),
        available=bool(row.feed_available),
    )


def _feeds_by_service(rows: Sequence[Row[Any]]) -> dict[Service, list[DataLimitations]]:
    feeds: dict[Service, list[DataLimitations]] = {service: [] for service in SERVICE_ORDER}
    for row in rows:
        feed = _feed(row)
        if feed is not None:
            feeds.setdefault(Service(row.feed_service), []).append(feed)
    return feeds


def _contact(row: Row[Any]) -> Contact:
    return Contact(
        name=_clean(row.contact_name),
        role=_clean(row.contact_role),
        phone=_clean(row.contact_phone),
        email=_clean(row.contact_email),
    )


def _records(service: Service, rows: Sequence[Row[Any]]) -> tuple[ServiceRecord, ...]:
    """Records in display order (school_rank, recency_rank; police in feed order)."""
    if service is Service.SCHOOL:
        ordered = sorted(rows, key=lambda r: school_rank(r.involvement, r.admission_type, r.id))
        return tuple(
            SchoolRecord(
                involvement=r.involvement,
                school_name=_clean(r.school_name),
                admission_type=r.admission_type,
                contact=_contact(r),
                source_id=r.source_id,
            )
            for r in ordered
        )
    if service is Service.HOUSING:
        ordered = sorted(rows, key=lambda r: recency_rank(r.involvement, [r.tenancy_start], r.id))
        return tuple(
            HousingRecord(
                involvement=r.involvement,
                housing_provider=_clean(r.housing_provider),
                tenancy_start=r.tenancy_start,
                anti_social_behaviour=r.anti_social_behaviour,
                eviction=r.eviction,
                notice_seeking_possession=r.notice_seeking_possession,
                rent_arrears=r.rent_arrears,
                contact=_contact(r),
                source_id=r.source_id,
            )
            for r in ordered
        )
    if service is Service.ADULT_SOCIAL_CARE:
        ordered = sorted(
            rows,
            key=lambda r: recency_rank(
                r.involvement, [r.most_recent_interaction, r.last_involvement_start], r.id
            ),
        )
        return tuple(
            AdultSocialCareRecord(
                involvement=r.involvement,
                organisation=_clean(r.organisation),
                last_involvement_start=r.last_involvement_start,
                most_recent_interaction=r.most_recent_interaction,
                contact=_contact(r),
                source_id=r.source_id,
            )
            for r in ordered
        )
    # Police has no current/historic and no date on the involvement row: feed order.
    return tuple(
        PoliceRecord(
            police_area=_clean(r.police_area),
            non_safeguarding_records=_optional_bool(r.non_safeguarding_records),
            contact=_contact(r),
            source_id=r.source_id,
        )
        for r in sorted(rows, key=lambda r: r.id)
    )


def _offences(rows: Sequence[Row[Any]], limit: int) -> tuple[Offence, ...]:
    return latest_offences(
        (
            (
                r.id,
                Offence(
                    offence_date=r.offence_date,
                    offence_type=r.offence_type,
                    involvement=r.involvement,
                ),
            )
            for r in rows
        ),
        limit,
    )


class PersonDirectory:
    """The only way the conversation reads a person: every answer already obeys the rules.

    Each method opens one connection for its few statements. On PostgreSQL,
    `service_details` runs in one read-only REPEATABLE READ transaction, so a
    nightly load committing in between cannot pair one night's feeds with
    another night's records (and nothing there can ever write). `summary` reads
    the person with their feeds and flags in one statement and the related
    people in another, at once, each on a connection of its own and without a
    transaction (the turn every lookup makes waits for one round trip, not four):
    a load committing in between can only make the related people a night newer
    or older than the rest, which the next look shows anyway.
    """

    def __init__(self, engine: AsyncEngine, rules: DisclosureRules) -> None:
        self._engine = engine
        self._rules = rules

    async def _connection(self, connection: AsyncConnection) -> AsyncConnection:
        if connection.dialect.name == "postgresql":
            return await connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        return connection

    async def _single_read(self, statement: Any, person_id: str) -> Sequence[Row[Any]]:
        async with for_single_reads(self._engine).connect() as connection:
            return await read_rows(connection, statement, {"person_id": person_id})

    async def summary(self, person_id: str, today: dt.date) -> PersonSummary | Restricted | None:
        """First level of disclosure: basic details, one flag per service, related people."""
        rows, related_rows = await asyncio.gather(
            self._single_read(_summary_statement(), person_id),
            self._single_read(_related_statement(), person_id),
        )
        if not rows:
            return None
        person = rows[0]
        if person.restricted:
            return Restricted(person_id)  # what was read of the related people goes no further

        age = age_on(person.date_of_birth, today)
        feeds = _feeds_by_service(rows)
        flags = tuple(
            service_flag(
                service,
                self._rules,
                age,
                feeds[service],
                found=bool(getattr(person, f"found_{service.value}")),
                current=bool(getattr(person, f"current_{service.value}", False)),
            )
            for service in SERVICE_ORDER
        )
        related, not_shown = order_related(
            (
                RelatedPerson(
                    person_id=r.person_id,
                    first_name=r.first_name,
                    last_name=r.last_name,
                    date_of_birth=r.date_of_birth,
                    age=age_on(r.date_of_birth, today),
                    relationship=r.relationship,
                    label=_clean(r.label),
                )
                for r in related_rows
            ),
            self._rules.max_related,
        )
        return PersonSummary(
            person_id=person.person_id,
            cms_id=_clean(person.cms_id),
            first_name=person.first_name,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            age=age,
            gender=person.gender,
            address=_clean(person.address),
            postcode=_clean(person.postcode),
            services=flags,
            related=related,
            related_not_shown=not_shown,
        )

    async def service_details(
        self, person_id: str, service: Service, today: dt.date
    ) -> ServiceDetails | Restricted | None:
        """Second level of disclosure: one service's records and contacts, as the rules allow.

        The records are read only when the flag allows them to be shown: a
        service outside the age band, or with no available feed, is answered
        from the person and the feeds alone.
        """
        service = Service(service)
        records: tuple[ServiceRecord, ...] = ()
        offences: tuple[Offence, ...] = ()
        other_found: bool | None = None
        in_offences = False
        async with self._engine.connect() as raw:
            connection = await self._connection(raw)
            rows = (
                await connection.execute(
                    _details_person_statement(),
                    {"person_id": person_id, "service": service.value},
                )
            ).all()
            if not rows:
                return None
            person = rows[0]
            if person.restricted:
                return Restricted(person_id)
            age = age_on(person.date_of_birth, today)
            feeds = [feed for feed in map(_feed, rows) if feed is not None]
            if shown_state(age_band(self._rules, service), age, feeds) is None:
                record_rows = (
                    await connection.execute(_records_statement(service), {"person_id": person_id})
                ).all()
                records = _records(service, record_rows)
                if service is Service.POLICE:
                    offence_rows = (
                        await connection.execute(
                            _offences_statement(),
                            # One at least: with no offence allowed on the card, an offence
                            # still means the person is in the feed.
                            {"person_id": person_id, "limit": max(self._rules.max_offences, 1)},
                        )
                    ).all()
                    in_offences = bool(offence_rows)
                    offences = _offences(offence_rows, self._rules.max_offences)
                    other_found = other_offences_found(
                        _optional_bool(r.non_safeguarding_records) for r in record_rows
                    )

        flag = service_flag(
            service,
            self._rules,
            age,
            feeds,
            found=bool(records) or in_offences,
            current=any(
                getattr(record, "involvement", None) == Involvement.CURRENT.value
                for record in records
            ),
        )
        return ServiceDetails(
            person_id=person.person_id,
            first_name=person.first_name,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            age=age,
            flag=flag,
            records=records if flag.has_details else (),
            offences=offences if flag.has_details else (),
            other_offences_found=other_found if flag.has_details else None,
        )

    async def listings(self, person_ids: Sequence[str], today: dt.date) -> dict[str, PersonListing]:
        """Rows of a results list, in one statement; restricted people are simply absent."""
        wanted = list(dict.fromkeys(person_ids))
        if not wanted:
            return {}
        async with for_single_reads(self._engine).connect() as connection:
            rows = (
                await connection.execute(
                    _listing_statement(connection.dialect.name), {"person_ids": wanted}
                )
            ).all()
        return {
            r.person_id: PersonListing(
                person_id=r.person_id,
                cms_id=_clean(r.cms_id),
                first_name=r.first_name,
                last_name=r.last_name,
                date_of_birth=r.date_of_birth,
                age=age_on(r.date_of_birth, today),
                address_line=first_address_line(r.address),
                postcode=_clean(r.postcode),
            )
            for r in rows
        }
