"""The first family of every extract: one household that shows every state.

A demo of a few dozen people, or a test, must not depend on chance to meet a
dual registration, a teenager outside an age band or an adult with more
offences than the card may show. This family has all of them, always at
person P0000001 onwards; its names and addresses still come from the seed.

    P0000001 mother, 38: council tenant (ASB case and rent arrears open),
             past adult social care with no worker recorded, a previous surname
    P0000002 her partner, 41: five safeguarding offences ("at most three"),
             known by another surname
    P0000003 son, 17: sixth form, secondary school left; a police record
             (outside the 18+ band) whose contact has no phone number
    P0000004 daughter, 14: dual registered (main and off-site); named in the
             household's ASB case (outside the 16+ housing band)
    P0000005 son, 12: special school; early transitions work with adult
             social care (outside the 15+ band); respite with his grandmother;
             a preferred (short) first name
    P0000006 daughter, 8: a school row without school name or contact
    P0000007 son, 3, the couple's own: nursery school (outside the 4-20 band)
    P0000008 the older children's father, at another address, date of birth
             unknown: police record without safeguarding offences, a former
             tenancy of unknown start with a closed ASB case
    P0000009 maternal grandmother, date of birth unknown: council tenant,
             adult social care

Their relationships use every relationship type, some of them loosely, as
case records do. The person after them (P0000010) is always restricted, so
the "never listed" rule can be shown too (generator.py).
"""

from __future__ import annotations

from data_access.demo import names
from data_access.demo.drawing import ALIAS, PREFERRED, PREVIOUS
from data_access.demo.families import FamilyBuilder
from data_access.demo.people import FEMALE, MALE, Member, Relation
from data_access.demo.relations import (
    CARER,
    CHILD,
    FATHER,
    GRANDPARENT,
    HALF_SIBLING,
    MOTHER,
    OTHER_TYPE,
    PARENT,
    STEP_PARENT,
)
from data_access.demo.services import (
    CLOSED,
    CURRENT,
    HISTORIC,
    MAIN,
    OFF_SITE,
    OPEN,
    Row,
    ServiceRows,
)
from data_access.interchange import (
    ADULT_SOCIAL_CARE_INVOLVEMENT,
    HOUSING_INVOLVEMENT,
    POLICE_INVOLVEMENT,
    SCHOOL_INVOLVEMENT,
    TableSpec,
)

_CONTACT = ("contact_name", "contact_role", "contact_phone", "contact_email")


def showcase_cluster(families: FamilyBuilder) -> tuple[list[Member], list[Relation]]:
    families.begin()
    draw, rel = families.draw, families.rel
    rng = families.rng
    world = families.world
    heritage = names.WHITE_BRITISH
    partner_heritage = names.IRISH
    home = draw.home()
    maiden = draw.surname(heritage)
    birth_father_surname = draw.surname(heritage)
    partner_surname = draw.surname(partner_heritage)

    def days(age: int) -> int:
        return world.days_for_age(rng, age, age)

    mother = draw.person(heritage, FEMALE, days(38), birth_father_surname, home)
    mother.alias("", maiden[1], PREVIOUS)
    partner = draw.person(partner_heritage, MALE, days(41), partner_surname, home)
    older = [
        draw.person(heritage, MALE, days(17), birth_father_surname, home),
        draw.person(heritage, FEMALE, days(14), birth_father_surname, home),
        draw.person(heritage, MALE, days(12), birth_father_surname, home),
        draw.person(heritage, FEMALE, days(8), birth_father_surname, home),
    ]
    older[0].alias("", maiden[0], PREVIOUS)
    youngest = draw.person(partner_heritage, MALE, days(3), partner_surname, home)
    father = draw.person(heritage, MALE, days(44), birth_father_surname, draw.home())
    grandmother = draw.person(heritage, FEMALE, days(63), maiden, draw.home())
    father.dob_known = grandmother.dob_known = False
    # Known to the police under another surname.
    other_surname = draw.surname(partner_heritage)
    while other_surname == partner_surname:
        other_surname = draw.surname(partner_heritage)
    partner.alias("", other_surname[0], ALIAS)
    # Called by a short form of his name at school.
    son = older[2]
    boys = heritage.decade(world.birth_year[son.days])[2]
    formal = [name for name in boys if name in names.NICKNAMES]
    son.first = formal[int(rng.random() * len(formal))]
    son.aliases = [(names.NICKNAMES[son.first][0], "", PREFERRED)]

    rel.partners(mother, partner, married=False)
    rel.ex_partners(mother, father)
    for child in older:
        rel.link(child, mother, MOTHER, "Mother")
        rel.link(mother, child, CHILD, "Son" if child.gender == MALE else "Daughter")
        if child is older[3]:
            rel.link(child, father, PARENT, "Father")  # typed loosely
        else:
            rel.link(child, father, FATHER, "Father")
        rel.link(father, child, CHILD, "Son" if child.gender == MALE else "Daughter")
    # The same step relationship, recorded by two workers in two ways.
    rel.link(older[0], partner, STEP_PARENT, "Stepfather")
    rel.link(partner, older[0], CHILD, "Stepson")
    for child in older[1:]:
        rel.link(child, partner, OTHER_TYPE, "Mum's partner")
        rel.link(
            partner,
            child,
            OTHER_TYPE,
            "Partner's " + ("son" if child.gender == MALE else "daughter"),
        )
    rel.link(youngest, mother, MOTHER, "Mother")
    rel.link(mother, youngest, CHILD, "Son")
    rel.link(youngest, partner, FATHER, "Father")
    rel.link(partner, youngest, CHILD, "Son")
    rel.siblings(older)
    for child in older:
        rel.link(child, youngest, HALF_SIBLING, "Half-brother")
        rel.link(
            youngest,
            child,
            HALF_SIBLING,
            "Half-" + ("brother" if child.gender == MALE else "sister"),
        )
    for child in [*older, youngest]:
        if child is older[2]:
            rel.link(child, grandmother, CARER, "Respite carer (maternal grandmother)")
        else:
            rel.link(child, grandmother, GRANDPARENT, "Maternal grandmother")
        rel.link(
            grandmother, child, OTHER_TYPE, "Grandson" if child.gender == MALE else "Granddaughter"
        )
    rel.link(mother, grandmother, MOTHER, "Mother")
    rel.link(grandmother, mother, CHILD, "Daughter")

    roles = (
        "mother",
        "partner",
        "son17",
        "daughter14",
        "son12",
        "daughter8",
        "son3",
        "father",
        "grandmother",
    )
    for member, role in zip(draw.members, roles, strict=True):
        member.showcase = role
        member.cms = member.age < 18 or role == "mother"
    return draw.members, rel.rows


def showcase_services(services: ServiceRows, member: Member) -> None:
    world = services.world
    role = member.showcase
    home = member.home
    if role == "mother":
        home.tenancy = services.tenancy(member, current=True, asb=OPEN, arrears=OPEN)
        services.housing_row(member, home.tenancy, damage=False)
        services.adult_social_care_row(member, current=False, damage=False)
        # A closed case: nobody is allocated any more.
        _blank(services.adult_social_care, ADULT_SOCIAL_CARE_INVOLVEMENT, *_CONTACT)
    elif role == "partner":
        services.housing_row(member, home.tenancy or (), damage=False)
        services.police_rows(member, 5, other_records=True, damage=False)
    elif role == "son17":
        services.school_row(member, world.secondary[home.secondary], HISTORIC, MAIN, damage=False)
        services.school_row(member, world.sixth_form[0], CURRENT, MAIN, damage=False)
        services.police_rows(member, 1, other_records=False, damage=False)
        _blank(services.police, POLICE_INVOLVEMENT, "contact_phone")
    elif role == "daughter14":
        services.school_row(member, world.secondary[home.secondary], CURRENT, MAIN, damage=False)
        services.school_row(member, world.alternative[-1], CURRENT, OFF_SITE, damage=False)
        services.housing_row(member, home.tenancy or (), damage=False)
    elif role == "son12":
        services.school_row(member, world.special[0], CURRENT, MAIN, damage=False)
        services.adult_social_care_row(member, current=True, transitions=True, damage=False)
    elif role == "daughter8":
        services.school_row(member, world.primary[home.primary], CURRENT, MAIN, damage=False)
        _blank(services.school, SCHOOL_INVOLVEMENT, "school_name", *_CONTACT)
    elif role == "son3":
        services.school_row(member, world.nursery[0], CURRENT, MAIN, damage=False)
    elif role == "father":
        home.tenancy = services.tenancy(member, current=False, asb=CLOSED)
        services.housing_row(member, home.tenancy, damage=False)
        _blank(services.housing, HOUSING_INVOLVEMENT, "tenancy_start")
        services.police_rows(member, 0, other_records=True, damage=False)
    elif role == "grandmother":
        home.tenancy = services.tenancy(member, current=True)
        services.housing_row(member, home.tenancy, damage=False)
        services.adult_social_care_row(member, current=True, damage=False)


def _blank(rows: list[Row], spec: TableSpec, *columns: str) -> None:
    """Empty some cells of the row just written: a detail the source did not record."""
    cells = list(rows[-1])
    for column in columns:
        cells[spec.column_names.index(column)] = ""
    rows[-1] = tuple(cells)
