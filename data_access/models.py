"""SQLAlchemy models of the common data model (common-data-model.md).

The tables mirror the interchange CSV files one to one so that a council can
read the loader's reports against its own extract. Closed vocabularies are
stored as text guarded by CHECK constraints rather than native enum types:
the same migration then runs on SQLite and PostgreSQL, and adding a value is
a constraint change, not a type migration.

Child tables use a surrogate 64-bit key: every nightly load deletes and
re-inserts millions of rows, and a 32-bit sequence would run out in about two
years of loads.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from data_access.enums import (
    AdmissionType,
    AliasKind,
    CaseStatus,
    Gender,
    Involvement,
    OffenceInvolvement,
    OffenceType,
    RelationshipType,
    Service,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A 64-bit key everywhere but SQLite, where only INTEGER PRIMARY KEY is the
# auto-incrementing rowid (and is 64-bit anyway).
SurrogateKey = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, enum: type[StrEnum], name: str | None = None) -> CheckConstraint:
    allowed = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or column)


def _person_fk() -> ForeignKey:
    return ForeignKey("person.person_id", ondelete="CASCADE")


def _source_fk() -> ForeignKey:
    return ForeignKey("data_source.source_id", ondelete="CASCADE")


class Person(Base):
    __tablename__ = "person"

    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cms_id: Mapped[str | None] = mapped_column(String(64))
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(10))
    restricted: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))

    __table_args__ = (
        one_of("gender", Gender),
        Index(
            "uq_person_cms_id",
            "cms_id",
            unique=True,
            sqlite_where=text("cms_id IS NOT NULL"),
            postgresql_where=text("cms_id IS NOT NULL"),
        ),
        Index("ix_person_date_of_birth", "date_of_birth"),
    )


class PersonAlias(Base):
    __tablename__ = "person_alias"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    first_name: Mapped[str | None] = mapped_column(String(200))
    last_name: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))

    __table_args__ = (one_of("kind", AliasKind),)


class Relationship(Base):
    __tablename__ = "relationship"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    related_person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    relationship: Mapped[str] = mapped_column(String(16))
    label: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (one_of("relationship", RelationshipType),)


class DataSource(Base):
    __tablename__ = "data_source"

    source_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    service: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    system_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200))
    current_as_of: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    coverage_start: Mapped[dt.date] = mapped_column(Date)
    coverage_end: Mapped[dt.date] = mapped_column(Date)
    coverage_area: Mapped[str] = mapped_column(String(200))
    coverage_note: Mapped[str | None] = mapped_column(Text)
    available: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (
        one_of("service", Service),
        CheckConstraint("coverage_start <= coverage_end", name="coverage_period"),
    )


class _Contact:
    """The practitioner to phone or email: the whole point of the tool."""

    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_role: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    contact_email: Mapped[str | None] = mapped_column(String(254))


class SchoolInvolvement(_Contact, Base):
    __tablename__ = "school_involvement"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    source_id: Mapped[str] = mapped_column(String(64), _source_fk())
    involvement: Mapped[str | None] = mapped_column(String(16))
    school_name: Mapped[str | None] = mapped_column(String(200))
    admission_type: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (one_of("involvement", Involvement), one_of("admission_type", AdmissionType))


class HousingInvolvement(_Contact, Base):
    __tablename__ = "housing_involvement"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    source_id: Mapped[str] = mapped_column(String(64), _source_fk())
    involvement: Mapped[str | None] = mapped_column(String(16))
    housing_provider: Mapped[str | None] = mapped_column(String(200))
    tenancy_start: Mapped[dt.date | None] = mapped_column(Date)
    anti_social_behaviour: Mapped[str | None] = mapped_column(String(8))
    eviction: Mapped[str | None] = mapped_column(String(8))
    notice_seeking_possession: Mapped[str | None] = mapped_column(String(8))
    rent_arrears: Mapped[str | None] = mapped_column(String(8))

    __table_args__ = (
        one_of("involvement", Involvement),
        one_of("anti_social_behaviour", CaseStatus),
        one_of("eviction", CaseStatus),
        one_of("notice_seeking_possession", CaseStatus),
        one_of("rent_arrears", CaseStatus),
    )


class AdultSocialCareInvolvement(_Contact, Base):
    __tablename__ = "adult_social_care_involvement"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    source_id: Mapped[str] = mapped_column(String(64), _source_fk())
    involvement: Mapped[str | None] = mapped_column(String(16))
    organisation: Mapped[str | None] = mapped_column(String(200))
    last_involvement_start: Mapped[dt.date | None] = mapped_column(Date)
    most_recent_interaction: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (one_of("involvement", Involvement),)


class PoliceInvolvement(_Contact, Base):
    __tablename__ = "police_involvement"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk(), index=True)
    source_id: Mapped[str] = mapped_column(String(64), _source_fk())
    police_area: Mapped[str | None] = mapped_column(String(200))
    non_safeguarding_records: Mapped[bool | None] = mapped_column(Boolean)


class PoliceOffence(Base):
    __tablename__ = "police_offence"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), _person_fk())
    source_id: Mapped[str] = mapped_column(String(64), _source_fk())
    offence_date: Mapped[dt.date] = mapped_column(Date)
    offence_type: Mapped[str] = mapped_column(String(32))
    involvement: Mapped[str] = mapped_column(String(16))

    __table_args__ = (
        one_of("offence_type", OffenceType),
        one_of("involvement", OffenceInvolvement),
        # The police rule reads "the three most recent offences of a person".
        Index("ix_police_offence_person_id_offence_date", "person_id", "offence_date"),
    )


# Parents before children: the order in which a load inserts and the reverse
# of the order in which it deletes.
COMMON_MODEL_TABLES = (
    DataSource.__table__,
    Person.__table__,
    PersonAlias.__table__,
    Relationship.__table__,
    SchoolInvolvement.__table__,
    HousingInvolvement.__table__,
    AdultSocialCareInvolvement.__table__,
    PoliceInvolvement.__table__,
    PoliceOffence.__table__,
)


class PersonSearchKey(Base):
    """The person search index: short name keys (search/keys.py), rebuilt by every load.

    One table serves every look-up of the retrieval plan: all people holding
    a key, and people holding a key who were born on given dates or in a
    period. The primary key (key, date_of_birth, person_id) is ordered for
    both: a key alone is a prefix range, a key and a date a narrower one, and
    every column a search reads is in it. On SQLite the table is WITHOUT
    ROWID, so that primary key is the table itself (one B-tree, each
    look-up a single seek and a short scan); on PostgreSQL the primary key
    index covers the query, so look-ups can be index-only. The key column
    uses the "C" collation on PostgreSQL: keys are compared for equality
    only, and byte order builds and searches faster than a linguistic one
    (SQLite's default BINARY collation is the same thing).

    `date_of_birth` is NOT NULL because primary-key columns of a WITHOUT
    ROWID table must be (and PostgreSQL's always are); a person whose date of
    birth is not recorded is filed under 9999-12-30
    (search.index.UNKNOWN_DATE_OF_BIRTH), which only the look-up of people with
    no date recorded asks for.

    No foreign key to person, on purpose: the rows are derived from person
    and person_alias by the load that replaces them, in the same transaction
    (search/index.py), so they cannot disagree. A foreign key would check
    each of some fourteen million inserted rows against person, and ON
    DELETE CASCADE would search this table for every person a load deletes,
    which needs another index on person_id that no search uses. Search reads
    people from the person table, so a key can only ever lead to a person
    who exists.
    """

    __tablename__ = "person_search_key"

    key: Mapped[str] = mapped_column(
        Text().with_variant(Text(collation="C"), "postgresql"), primary_key=True
    )
    date_of_birth: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


# --- the bot's own state (not part of the common model; never replaced by a load) ---


class ConversationState(Base):
    """What a conversation needs from one turn to the next, per user: the purpose given,
    a request kept while the purpose is asked for, and the last choices offered.

    In the database rather than in process memory so that any instance of the
    bot can serve the next turn. The kept request is search text (personal
    data): it is cleared as soon as it is answered, and expires with the
    purpose.
    """

    __tablename__ = "conversation_state"

    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(512), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose_code: Mapped[str | None] = mapped_column(String(64))
    purpose_text: Mapped[str | None] = mapped_column(Text)
    case_reference: Mapped[str | None] = mapped_column(String(100))
    purpose_set_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    pending_text: Mapped[str | None] = mapped_column(Text)
    pending_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    choices: Mapped[str | None] = mapped_column(Text)
    """JSON: the people last offered, with their match label and reason."""
    choices_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_conversation_state_updated_at", "updated_at"),)


class HandledActivity(Base):
    """Message activities already answered: Teams re-delivers a message it thinks was not
    acknowledged in time (platform-notes.md), and a second answer would search and
    disclose twice."""

    __tablename__ = "handled_activity"

    activity_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(512), primary_key=True)
    handled_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


# --- the audit trail (data_access/audit/; append-only, guarded by triggers in migration 0004) ---

from data_access.audit.events import AuditAction, AuditOutcome  # noqa: E402


class AuditEntry(Base):
    """One entry of the audit trail, chained to the one before it by `prev_hash`.

    `seq` is assigned by the store under the chain lock (never by the
    database), so the chain has no gaps and the order is the order of
    commit. `person_ids` holds the ids as the JSON list that was hashed;
    `audit_entry_person` indexes them for "who looked at this person". The
    whole row is personal data and is read by auditors only.
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    tenant_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(64))
    user_name: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    person_ids: Mapped[str] = mapped_column(Text)
    service: Mapped[str | None] = mapped_column(String(64))
    search_text: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    case_reference: Mapped[str | None] = mapped_column(String(100))
    conversation_id: Mapped[str] = mapped_column(String(512))
    correlation_id: Mapped[str] = mapped_column(String(256))
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        one_of("action", AuditAction),
        one_of("outcome", AuditOutcome),
        # count_searches (the rate limit): one index range scan, index-only.
        Index(
            "ix_audit_entry_user_id_action_recorded_at_outcome",
            "user_id",
            "action",
            "recorded_at",
            "outcome",
        ),
        # recent(user_id=...) and export --user, newest first.
        Index("ix_audit_entry_user_id_seq", "user_id", "seq"),
        Index("ix_audit_entry_recorded_at", "recorded_at"),
    )


class AuditEntryPerson(Base):
    """The person ids of each entry, one row per distinct id: the index behind
    `recent(person_id=...)` and `export --person`. `verify` checks it against the
    hashed list in `audit_entry.person_ids`."""

    __tablename__ = "audit_entry_person"

    seq: Mapped[int] = mapped_column(
        SurrogateKey, ForeignKey("audit_entry.seq"), primary_key=True, autoincrement=False
    )
    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)

    __table_args__ = (
        Index("ix_audit_entry_person_person_id_seq", "person_id", "seq"),
        {"sqlite_with_rowid": False},
    )


class AuditChainHead(Base):
    """The one row holding the last entry's seq and hash. Every append updates it first,
    which serialises appends on both databases (a row lock on PostgreSQL, the write lock
    on SQLite), reads the tail in O(1), and lets `verify` notice entries removed from the
    end of the chain."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class AuditPurgeGuard(Base):
    """Empty except inside the retention purge's own transaction: the triggers refuse to
    delete audit rows unless it holds its row, and only the owner role may write it
    (docs/audit.md)."""

    __tablename__ = "audit_purge_guard"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class SentCard(Base):
    """A message the bot sent (or changed) whose card shows personal data, until it is
    replaced by the "expired" notice (bot/card_sweeper.py). Only where the message is:
    no personal data."""

    __tablename__ = "sent_card"

    conversation_id: Mapped[str] = mapped_column(String(512), primary_key=True)
    activity_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    service_url: Mapped[str] = mapped_column(String(512))
    channel_id: Mapped[str] = mapped_column(String(64))
    tenant_id: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
