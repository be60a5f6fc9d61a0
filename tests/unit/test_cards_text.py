"""The words and numbers the cards show (cards.text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cards import text
from data_access.disclosure.records import AgeBand, Contact, ServiceState
from data_access.enums import (
    AdmissionType,
    CaseStatus,
    Gender,
    OffenceInvolvement,
    OffenceType,
    RelationshipType,
    Service,
)

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2016, 3, 12), "12 Mar 2016"),
        (dt.date(2016, 3, 1), "1 Mar 2016"),
        (dt.date(1999, 12, 31), "31 Dec 1999"),
        (dt.date(2024, 9, 5), "5 Sep 2024"),
        (None, "Not recorded"),
    ],
)
def test_dates_are_day_short_month_year(value: dt.date | None, expected: str) -> None:
    assert text.format_date(value) == expected


def test_timestamps_show_the_day_in_uk_time() -> None:
    # 23:45 UTC in summer is already the next day in London.
    summer = dt.datetime(2026, 7, 20, 23, 45, tzinfo=dt.UTC)
    assert text.format_timestamp(summer) == "21 Jul 2026"
    winter = dt.datetime(2026, 1, 20, 23, 45, tzinfo=dt.UTC)
    assert text.format_timestamp(winter) == "20 Jan 2026"
    assert text.format_timestamp(dt.datetime(2026, 7, 20, 23, 45)) == "21 Jul 2026"  # naive = UTC
    assert text.format_date(summer) == "21 Jul 2026"
    assert text.format_timestamp(None) == "Not recorded"


def test_period() -> None:
    assert text.format_period(dt.date(2014, 4, 1), dt.date(2026, 11, 20)) == (
        "1 Apr 2014 to 20 Nov 2026"
    )


@pytest.mark.parametrize(
    ("age", "born", "expected"),
    [
        (7, dt.date(2019, 1, 1), "7 years"),
        (1, dt.date(2025, 11, 22), "1 year"),
        (41, None, "41 years"),
        (0, dt.date(2025, 12, 23), "10 months"),
        (0, dt.date(2025, 12, 22), "11 months"),
        (0, dt.date(2026, 10, 22), "1 month"),
        (0, dt.date(2026, 11, 1), "3 weeks"),
        (0, dt.date(2026, 11, 15), "1 week"),
        (0, dt.date(2026, 11, 20), "2 days"),
        (None, dt.date(2016, 3, 12), "10 years"),
        (None, None, "Unknown"),
    ],
)
def test_ages(age: int | None, born: dt.date | None, expected: str) -> None:
    assert text.format_age(age, born, TODAY) == expected


def test_birth_and_age() -> None:
    assert text.birth_and_age(10, dt.date(2016, 3, 12), TODAY) == "Born 12 Mar 2016 (10 years)"
    assert text.birth_and_age(None, None, TODAY) == "Date of birth not recorded"


@pytest.mark.parametrize("missing", [None, "", "   ", "None", "null", "NaN", "nan", "N/A"])
def test_missing_values_read_not_recorded(missing: str | None) -> None:
    assert text.is_missing(missing)
    assert text.or_not_recorded(missing) == "Not recorded"


def test_plain_keeps_the_words_and_defuses_markdown() -> None:
    address = "Flat 3\n 14  High Street\n\nStockport"
    assert text.plain(address) == "Flat 3, 14 High Street, Stockport"
    assert text.plain("1. Main Street") == "1.\u00a0Main Street"
    assert text.plain("- Smith") == "-\u00a0Smith"
    assert text.plain("[click](https://example.org)") == "[click]\u200b(https://example.org)"
    assert text.plain("O'Connor-Smith") == "O'Connor-Smith"


def test_names_and_addresses() -> None:
    assert text.full_name("Jayden", "Smith") == "Jayden Smith"
    assert text.full_name("", "Smith") == "Smith"
    assert text.full_name(None, "  ") == "Name not recorded"
    assert text.address_line("12 Acacia Avenue\nStockport", "SK1 2AB") == (
        "12 Acacia Avenue, Stockport, SK1 2AB"
    )
    assert text.address_line(None, "SK1 2AB") == "SK1 2AB"
    assert text.address_line(None, None) == "Not recorded"


@pytest.mark.parametrize(
    ("words", "enum"),
    [
        (text.gender_words, Gender),
        (text.admission_words, AdmissionType),
        (text.case_status_words, CaseStatus),
        (text.offence_type_words, OffenceType),
        (text.offence_involvement_words, OffenceInvolvement),
        (text.service_name, Service),
    ],
)
def test_every_vocabulary_value_has_words(words: Callable[[str], str], enum: type[StrEnum]) -> None:
    for member in enum:
        shown = words(member.value)
        assert shown
        assert "_" not in shown
        assert shown not in {"None", "none", "null", "Not recorded"}
        assert shown[0].isupper()


def test_vocabulary_words() -> None:
    assert text.offence_type_words("violence_with_injury") == "Violence with injury"
    assert text.case_status_words("none") == "No case"
    assert text.admission_words("off_site") == "Off-site provision"
    assert text.service_name("adult_social_care") == "Adult Social Care"
    assert text.involvement_words(None) == "Not recorded"
    assert text.gender_words("unknown") == "Not known"
    # A value the vocabulary does not know yet is still shown readably, never raw.
    assert text.offence_type_words("stalking_and_harassment") == "Stalking and harassment"


def test_relationship_label_wins_over_the_type() -> None:
    for member in RelationshipType:
        assert "_" not in text.relationship_words(member.value, None)
    assert text.relationship_words("other", "Maternal grandmother") == "Maternal grandmother"
    assert text.relationship_words("step_parent", None) == "Step-parent"
    assert text.relationship_words("other", "  ") == "Other relationship"


def test_match_words_never_overclaim() -> None:
    assert text.match_words("confident") == "Strong match"
    assert text.match_words("possible") == "Possible match"
    assert text.match_words("anything else") == "Possible match"


def test_states_have_distinct_words_and_symbols() -> None:
    words = {text.state_words(state) for state in ServiceState}
    symbols = {text.state_symbol(state) for state in ServiceState}
    assert len(words) == len(ServiceState)
    assert len(symbols) == len(ServiceState)


def test_age_bands_in_words() -> None:
    assert text.age_band_words(AgeBand(4, 20)) == "aged 4 to 20"
    assert text.age_band_words(AgeBand(18)) == "aged 18 and over"
    assert text.age_band_words(AgeBand(0, 17)) == "aged 17 and under"
    assert text.not_shown_sentence("police", AgeBand(18)) == (
        "Police information is only shown for people aged 18 and over"
    )
    assert text.age_unknown_sentence("housing", AgeBand(16)) == (
        "Age unknown, so the Housing age limit (16 and over) was not applied."
    )


@pytest.mark.parametrize(
    ("phone", "shown", "tel"),
    [
        ("01614960123", "0161 496 0123", "tel:+441614960123"),
        ("0161 496 0123", "0161 496 0123", "tel:+441614960123"),
        ("+44 (0)161 496-0123", "0161 496 0123", "tel:+441614960123"),
        ("02079460000", "020 7946 0000", "tel:+442079460000"),
        ("07700900456", "07700 900456", "tel:+447700900456"),
        ("01632960000", "01632 960000", "tel:+441632960000"),
        ("0800123456", "08001 23456", "tel:+44800123456"),
        ("03001234567", "0300 123 4567", "tel:+443001234567"),
        ("12345", "12345", None),
        ("call reception", "call reception", None),
    ],
)
def test_phone_numbers(phone: str, shown: str, tel: str | None) -> None:
    assert text.format_phone(phone) == shown
    assert text.tel_url(phone) == tel


def test_missing_phone() -> None:
    assert text.format_phone(None) == "Not recorded"
    assert text.tel_url(None) is None


def test_email_links_carry_only_the_address() -> None:
    email = "dawn.fitzgerald+asb@stockporthomes.example.org"
    assert text.mailto_url(email) == "mailto:dawn.fitzgerald%2Basb@stockporthomes.example.org"
    assert text.teams_chat_url(email) == (
        "https://teams.microsoft.com/l/chat/0/0?users="
        "dawn.fitzgerald%2Basb@stockporthomes.example.org"
    )
    for bad in (None, "", "not an email", "a@b", "x@example.org?subject=Jayden"):
        assert text.mailto_url(bad) is None
        assert text.teams_chat_url(bad) is None


def test_has_contact_details() -> None:
    assert not text.has_contact_details(Contact("Tom", "Officer", None, None))
    assert text.has_contact_details(Contact(None, None, "01614960123", None))
    assert text.has_contact_details(Contact(None, None, None, "a@example.org"))


@given(st.text(max_size=200))
def test_plain_never_returns_placeholder_or_raises(value: str) -> None:
    shown = text.or_not_recorded(value)
    assert shown.strip()
    assert "\n" not in shown
    assert shown.casefold() not in {"none", "null", "nan"}
