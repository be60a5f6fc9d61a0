"""Service involvement rows: school, housing, adult social care, police.

Rates are chosen so that a small demo still shows every state of the display
rules: people just outside each age band with a record (a three-year-old at a
nursery school, a fourteen-year-old named in an anti-social behaviour case, a
seventeen-year-old known to the police), dual registrations, adults with more
offences than the card may show, and the occasional row with a detail
missing. Rows are tuples of text in TableSpec column order.
"""

from __future__ import annotations

import random

from data_access.demo import places, sources
from data_access.demo.contacts import Contact
from data_access.demo.people import MALE, Member
from data_access.demo.world import School, World
from data_access.enums import AdmissionType, CaseStatus, Involvement, OffenceInvolvement

Row = tuple[str, ...]

CURRENT = Involvement.CURRENT.value
HISTORIC = Involvement.HISTORIC.value
MAIN = AdmissionType.MAIN.value
SECONDARY = AdmissionType.SECONDARY.value
OFF_SITE = AdmissionType.OFF_SITE.value
OPEN = CaseStatus.OPEN.value
CLOSED = CaseStatus.CLOSED.value
NONE = CaseStatus.NONE.value
CONVICTED = OffenceInvolvement.CONVICTED.value
SUSPECT = OffenceInvolvement.SUSPECT.value

MISSING_DETAIL_RATE = 0.025
# Offence types weighted by how often they appear in safeguarding checks.
_OFFENCES = (
    ("violence_without_injury", 140),
    ("violence_with_injury", 100),
    ("possession_of_weapons", 50),
    ("robbery", 40),
    ("other_sexual_offences", 45),
    ("rape", 20),
    ("homicide", 1),
)
OFFENCE_BAG = tuple(name for name, weight in _OFFENCES for _ in range(weight))
# How many safeguarding offences a person in the police feed has (0 to 7);
# 4 or more exercises the "at most three shown" rule.
OFFENCE_COUNT_BAG = (0,) * 35 + (1,) * 30 + (2,) * 14 + (3,) * 9 + (4,) * 6 + (5,) * 3 + (6, 6, 7)


def _case_status(rng: random.Random, open_rate: float, closed_rate: float) -> str:
    r = rng.random()
    if r < open_rate:
        return OPEN
    if r < open_rate + closed_rate:
        return CLOSED
    return NONE


class ServiceRows:
    """Collects the involvement rows of one chunk of the population."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng
        self.school: list[Row] = []
        self.housing: list[Row] = []
        self.adult_social_care: list[Row] = []
        self.police: list[Row] = []
        self.offence: list[Row] = []
        # Days from each feed's coverage_start to today: no activity predates its feed.
        coverage = {
            feed.source_id: (world.today - feed.coverage_start).days
            for feed in sources.feeds(world.today)
        }
        self._asc_coverage = coverage[sources.ADULT_SOCIAL_CARE]
        self._conviction_days = coverage[sources.NORTHSHIRE_POLICE]
        self._suspect_days = 365 * sources.POLICE_SUSPECT_YEARS
        self._housing_days = coverage[sources.MILLBROOK_HOMES]

    # -- the population at large -------------------------------------------

    def add(self, member: Member) -> None:
        """Decide every service for one person, by age (the bands are per service)."""
        age = member.age
        rnd = self.rng.random
        if age <= 24:
            self._school_by_age(member, age)
        if age >= 14:
            self._housing_by_home(member, age)
        if age >= 13:
            r = rnd()
            if age < 15:
                if r < 0.004:  # early transitions work: outside the 15+ band
                    self.adult_social_care_row(member, current=True, transitions=True)
            elif r < (0.02 if age < 18 else 0.045 if age < 65 else 0.15 if age < 80 else 0.35):
                self.adult_social_care_row(member, current=rnd() < 0.55, transitions=age < 18)
        if age >= 16:
            r = rnd()
            male = member.gender == MALE
            if age < 18:
                rate = 0.06 if male else 0.02  # outside the 18+ band
            elif age < 25:
                rate = 0.14 if male else 0.045
            elif age < 45:
                rate = 0.12 if male else 0.04
            elif age < 65:
                rate = 0.06 if male else 0.016
            else:
                rate = 0.008
            if r < rate:
                offences = OFFENCE_COUNT_BAG[int(rnd() * len(OFFENCE_COUNT_BAG))]
                self.police_rows(member, offences)

    def _school_by_age(self, member: Member, age: int) -> None:
        world = self.world
        rnd = self.rng.random
        r = rnd()
        home = member.home
        if age < 4:
            # A maintained nursery school's pupils are in the census: outside the 4-20 band.
            if (age == 3 and r < 0.3) or (age == 2 and r < 0.05):
                nursery = world.nursery[int(rnd() * len(world.nursery))]
                self.school_row(member, nursery, CURRENT, MAIN)
            return
        if age <= 15:
            if r < 0.96:
                if r < 0.012:
                    school = world.special[int(rnd() * len(world.special))]
                elif age <= 10:
                    school = world.primary[home.primary]
                else:
                    school = world.secondary[home.secondary]
                self.school_row(member, school, CURRENT, MAIN)
                r2 = rnd()
                if r2 < 0.027 and age >= 5:
                    self._dual_registration(member)
                elif r2 < 0.08 and age >= 6:
                    # Moved school: the earlier registration is kept as history.
                    previous = world.primary[int(rnd() * len(world.primary))]
                    if previous is not school:
                        self.school_row(member, previous, HISTORIC, MAIN)
            return
        if age <= 17:
            if r < 0.68:
                school = world.sixth_form[int(rnd() * len(world.sixth_form))]
                self.school_row(member, school, CURRENT, MAIN)
            elif r < 0.95:
                self.school_row(member, world.secondary[home.secondary], HISTORIC, MAIN)
            return
        if age <= 20:
            if r < 0.2:
                school = world.sixth_form[int(rnd() * len(world.sixth_form))]
                self.school_row(member, school, CURRENT, MAIN)
            elif r < 0.75:
                self.school_row(member, world.secondary[home.secondary], HISTORIC, MAIN)
            return
        # Leavers of the last few years: outside the 4-20 band.
        if r < 0.3:
            self.school_row(member, world.secondary[home.secondary], HISTORIC, MAIN)

    def _dual_registration(self, member: Member) -> None:
        provision = self.world.alternative[int(self.rng.random() * len(self.world.alternative))]
        admission = SECONDARY if self.rng.random() < 0.6 else OFF_SITE
        self.school_row(member, provision, CURRENT, admission)

    def _housing_by_home(self, member: Member, age: int) -> None:
        home = member.home
        tenancy = home.tenancy
        if tenancy is None:
            if age < 18:
                return  # the tenancy is decided by the household's first adult
            tenancy = home.tenancy = self._tenancy(member)
        if not tenancy:
            return
        if age >= 16:
            self.housing_row(member, tenancy)
        elif tenancy[3] == OPEN and self.rng.random() < 0.5:
            # A teenager named in the household's ASB case: outside the 16+ band.
            self.housing_row(member, tenancy)

    def _tenancy(self, lead: Member) -> tuple[str, ...]:
        """The household's tenancy, decided when its first adult is seen."""
        r = self.rng.random()
        if r >= 0.31:
            return ()
        return self.tenancy(lead, current=r < 0.25, temporary=r < 0.008)

    def tenancy(
        self,
        lead: Member,
        *,
        current: bool,
        temporary: bool = False,
        asb: str | None = None,
        arrears: str | None = None,
    ) -> tuple[str, ...]:
        """A tenancy's cells from involvement to the contact; flags not given are drawn."""
        rnd = self.rng.random
        provider = places.HOUSING_PROVIDER_TEMPORARY if temporary else places.HOUSING_PROVIDER
        adult_days = lead.days - self.world.age_start[18]
        start_days = int(rnd() * min(adult_days, self._housing_days))
        if not current:
            start_days = min(start_days + 365 * 2, self._housing_days, max(adult_days, 0))
        start = self.world.iso[start_days] if rnd() < 0.95 else ""
        asb = asb or _case_status(self.rng, 0.06, 0.08)
        eviction = _case_status(self.rng, 0.012, 0.02)
        nsp = _case_status(self.rng, 0.03, 0.04)
        arrears = arrears or _case_status(self.rng, 0.1, 0.12)
        if not current:
            asb, eviction, nsp, arrears = (
                CLOSED if status == OPEN else status for status in (asb, eviction, nsp, arrears)
            )
        return (
            CURRENT if current else HISTORIC,
            provider,
            start,
            asb,
            eviction,
            nsp,
            arrears,
            *self._housing_contact(asb, arrears),
        )

    def _housing_contact(self, asb: str, arrears: str) -> Contact:
        world = self.world
        pick = int(self.rng.random() * 1000)
        if asb == OPEN:
            return world.asb_officers[pick % len(world.asb_officers)]
        if arrears == OPEN:
            return world.income_officers[pick % len(world.income_officers)]
        return world.housing_officers[pick % len(world.housing_officers)]

    # -- rows ------------------------------------------------------------------

    def _maybe_damage(self, row: Row, first_detail: int, damage: bool | None) -> Row:
        """A few rows lose a detail, as real extracts do; the card says "not recorded"."""
        if damage is None:
            damage = self.rng.random() < MISSING_DETAIL_RATE
        return self._damaged(row, first_detail) if damage else row

    def _damaged(self, row: Row, first_detail: int) -> Row:
        cells = list(row)
        r = self.rng.random()
        if r < 0.35:
            cells[-4:] = ("", "", "", "")  # no practitioner recorded
        elif r < 0.6:
            cells[len(cells) - 4 + int(self.rng.random() * 4)] = ""
        else:
            details = len(cells) - 4 - first_detail
            cells[first_detail + int(self.rng.random() * details)] = ""
        return tuple(cells)

    def school_row(
        self,
        member: Member,
        school: School,
        involvement: str,
        admission: str,
        *,
        damage: bool | None = None,
    ) -> None:
        staff = school.staff
        r = self.rng.random()
        contact = staff[0] if r < 0.6 else staff[1] if r < 0.85 else staff[2]
        row = (member.pid, sources.SCHOOL_CENSUS, involvement, school.name, admission, *contact)
        self.school.append(self._maybe_damage(row, 2, damage))

    def housing_row(
        self, member: Member, tenancy: tuple[str, ...], *, damage: bool | None = None
    ) -> None:
        row = (member.pid, sources.MILLBROOK_HOMES, *tenancy)
        self.housing.append(self._maybe_damage(row, 2, damage))

    def adult_social_care_row(
        self,
        member: Member,
        *,
        current: bool,
        transitions: bool = False,
        damage: bool | None = None,
    ) -> None:
        world = self.world
        rnd = self.rng.random
        # Not before the person was about 13, nor before the feed's coverage.
        earliest = min(self._asc_coverage, max(member.days - world.age_start[13], 30))
        if current:
            start = int(rnd() * min(earliest, 3 * 365))
            latest = int(rnd() * min(start, 180))
        else:
            start = min(earliest, 365 + int(rnd() * earliest))
            latest = max(start - int(rnd() * 700), 180 if start > 180 else 0)
        team = world.transitions if transitions else world.social_care
        organisation = places.ADULT_SOCIAL_CARE_ORGANISATIONS[
            0 if rnd() < 0.7 else 1 + int(rnd() * 3)
        ]
        row = (
            member.pid,
            sources.ADULT_SOCIAL_CARE,
            CURRENT if current else HISTORIC,
            organisation,
            world.iso[start],
            world.iso[latest],
            *team[int(rnd() * len(team))],
        )
        self.adult_social_care.append(self._maybe_damage(row, 2, damage))

    def police_rows(
        self,
        member: Member,
        offences: int,
        *,
        other_records: bool | None = None,
        damage: bool | None = None,
    ) -> None:
        world = self.world
        rnd = self.rng.random
        if other_records is None:
            other_records = rnd() < (0.92 if offences == 0 else 0.55)
        row = (
            member.pid,
            sources.NORTHSHIRE_POLICE,
            places.POLICE_AREA,
            "true" if other_records else "false",
            *world.police[int(rnd() * len(world.police))],
        )
        self.police.append(self._maybe_damage(row, 2, damage))
        # Nobody is recorded for an offence before the age of criminal responsibility.
        oldest = max(member.days - world.age_start[10], 2)
        for _ in range(offences):
            if rnd() < 0.7:
                days = 1 + int(rnd() * min(self._conviction_days - 1, oldest))
                involvement = CONVICTED
            else:
                days = 1 + int(rnd() * min(self._suspect_days, oldest))
                involvement = SUSPECT
            offence = OFFENCE_BAG[int(rnd() * len(OFFENCE_BAG))]
            self.offence.append(
                (member.pid, sources.NORTHSHIRE_POLICE, world.iso[days], offence, involvement)
            )
