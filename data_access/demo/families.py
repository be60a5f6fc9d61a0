"""Family clusters: households and the relatives a case record links them to.

A cluster is what a social worker sees around a child: parents at home and
elsewhere, step-parents, brothers and sisters (some half-siblings),
grandparents in their own homes, kinship and foster carers. Single adults and
couples without children make up the rest of the council's person index, so
that searches meet the usual mix of ages.
"""

from __future__ import annotations

import random

from data_access.demo.drawing import PREVIOUS, YEAR, Drawer, SurnamePair, double_barrelled
from data_access.demo.names import Heritage
from data_access.demo.people import FEMALE, MALE, OTHER, UNKNOWN, Member, Relation
from data_access.demo.relations import (
    CARER,
    GRANDCHILD_LABEL,
    GRANDPARENT,
    MOTHER,
    NIECE_LABEL,
    OTHER_TYPE,
    SIBLING,
    SIBLING_LABEL,
    Relations,
)
from data_access.demo.world import World


def _adult_ages() -> tuple[int, ...]:
    """Ages of adults living alone or as a couple: many young adults, fewer after 65."""
    bag: list[int] = []
    for age in range(18, 99):
        if age < 35:
            weight = 14
        elif age < 65:
            weight = 10
        else:
            weight = 9 if age < 75 else 6 if age < 85 else 3 if age < 90 else 1
        bag.extend([age] * weight)
    return tuple(bag)


ADULT_AGES = _adult_ages()


class FamilyBuilder:
    """Draws one cluster at a time; keeps nothing between clusters."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng
        self.rnd = rng.random
        self.age_start = world.age_start
        self.draw = Drawer(world, rng)
        self.rel = Relations(self.rnd)

    # -- clusters ----------------------------------------------------------------

    def begin(self) -> None:
        self.draw.members = []
        self.rel.rows = []

    def cluster(self) -> tuple[list[Member], list[Relation]]:
        self.begin()
        r = self.rnd()
        if r < 0.20:
            self.couple_with_children()
        elif r < 0.32:
            self.lone_parent()
        elif r < 0.375:
            self.step_family()
        elif r < 0.395:
            self.kinship_care()
        elif r < 0.74:
            self.single_adult()
        elif r < 0.95:
            self.couple()
        else:
            self.adult_child_with_parent()
        self._case_ids()
        return self.draw.members, self.rel.rows

    def couple_with_children(self) -> None:
        draw = self.draw
        rnd = self.rnd
        mother_heritage = draw.heritage()
        father_heritage = mother_heritage if rnd() < 0.9 else draw.heritage()
        home = draw.home()
        child_days = draw.child_days()
        mother_days = draw.parent_days(child_days[0])
        father_days = max(mother_days + int((rnd() * 10 - 3) * YEAR), child_days[0] + 18 * YEAR)
        father_surname = draw.surname(father_heritage)
        mother_own = draw.own_surname(mother_heritage)
        married = rnd() < 0.6
        took_name = married and rnd() < mother_heritage.takes_husbands_name
        father = draw.person(father_heritage, MALE, father_days, father_surname, home)
        mother = draw.person(
            mother_heritage, FEMALE, mother_days, father_surname if took_name else mother_own, home
        )
        if took_name and rnd() < 0.5:
            mother.alias("", mother_own[1], PREVIOUS)
        self.rel.partners(mother, father, married)
        if father_heritage.patronymic:
            children_surname = (father.first, father.first)
        elif married or rnd() < 0.5:
            children_surname = father_surname
        elif rnd() < 0.5:
            children_surname = mother_own
        else:
            children_surname = double_barrelled(mother_own, father_surname)
        children_heritage = mother_heritage if rnd() < 0.5 else father_heritage
        children = [
            draw.person(children_heritage, draw.child_gender(), days, children_surname, home)
            for days in child_days
        ]
        for child in children:
            self.rel.parent_and_child(mother, child)
            self.rel.parent_and_child(father, child)
        self.rel.siblings(children)
        self.grandparents(mother, mother_own, mother_heritage, children, "Maternal", 0.35)
        self.grandparents(father, father_surname, father_heritage, children, "Paternal", 0.18)
        if rnd() < 0.06:
            self.aunt(mother, mother_own, mother_heritage, children)

    def lone_parent(self) -> None:
        draw = self.draw
        rnd = self.rnd
        heritage = draw.heritage()
        other_heritage = heritage if rnd() < 0.85 else draw.heritage()
        home = draw.home()
        child_days = draw.child_days()
        fathers = rnd() < 0.12  # a lone father
        parent_days = draw.parent_days(child_days[0])
        parent_surname = draw.surname(heritage)
        other_surname = draw.surname(other_heritage)
        parent = draw.person(
            heritage, MALE if fathers else FEMALE, parent_days, parent_surname, home
        )
        r = rnd()
        if r < 0.35:
            children_surname = other_surname
        elif r < 0.85:
            children_surname = parent_surname
        else:
            children_surname = double_barrelled(parent_surname, other_surname)
        if other_heritage.patronymic and not fathers:
            # The child's surname is the father's first name; he is named below.
            children_surname = ("", "")
        absent: Member | None = None
        if rnd() < 0.6:
            absent_days = max(parent_days + int((rnd() * 12 - 4) * YEAR), child_days[0] + 18 * YEAR)
            absent = draw.person(
                other_heritage,
                FEMALE if fathers else MALE,
                absent_days,
                other_surname,
                draw.home(),
            )
            self.rel.ex_partners(parent, absent)
        if children_surname == ("", ""):
            first = (
                absent.first
                if absent is not None
                else draw.first_name(other_heritage, MALE, self.age_start[40])
            )
            children_surname = (first, first)
        children_heritage = heritage if rnd() < 0.6 else other_heritage
        children = [
            draw.person(children_heritage, draw.child_gender(), days, children_surname, home)
            for days in child_days
        ]
        for child in children:
            self.rel.parent_and_child(parent, child)
            if absent is not None:
                self.rel.parent_and_child(absent, child, elsewhere=True)
            if children_surname != parent_surname and rnd() < 0.1:
                # Registered under the other parent's name, now known by the family's.
                child.alias("", child.last, PREVIOUS)
                child.last = parent_surname[1] if child.gender == FEMALE else parent_surname[0]
        self.rel.siblings(children)
        side = "Paternal" if fathers else "Maternal"
        self.grandparents(parent, parent_surname, heritage, children, side, 0.45)

    def step_family(self) -> None:
        draw = self.draw
        rnd = self.rnd
        heritage = draw.heritage()
        partner_heritage = heritage if rnd() < 0.85 else draw.heritage()
        home = draw.home()
        older_days = draw.child_days(youngest_eldest=5)
        mother_days = draw.parent_days(older_days[0])
        partner_days = max(mother_days + int((rnd() * 12 - 4) * YEAR), 20 * YEAR)
        maiden = draw.own_surname(heritage)
        ex_surname = draw.surname(heritage if rnd() < 0.8 else draw.heritage())
        partner_surname = draw.surname(partner_heritage)
        married = rnd() < 0.45
        took_name = married and rnd() < heritage.takes_husbands_name
        mother = draw.person(
            heritage, FEMALE, mother_days, partner_surname if took_name else maiden, home
        )
        if took_name:
            mother.alias("", maiden[1], PREVIOUS)
        partner = draw.person(partner_heritage, MALE, partner_days, partner_surname, home)
        self.rel.partners(mother, partner, married)
        older_surname = ex_surname if rnd() < 0.65 else maiden
        older = [
            draw.person(heritage, draw.child_gender(), days, older_surname, home)
            for days in older_days
        ]
        changed = rnd() < 0.2  # the older children took their stepfather's surname
        for child in older:
            if changed:
                child.alias("", child.last, PREVIOUS)
                child.last = partner_surname[1] if child.gender == FEMALE else partner_surname[0]
            self.rel.parent_and_child(mother, child)
            self.rel.step(partner, child, married, "Mum's partner")
        youngest_older = older_days[-1]
        joint_days = [
            int(rnd() * youngest_older)
            for _ in range(0 if youngest_older < 400 else 1 + (rnd() < 0.3))
        ]
        joint_days.sort(reverse=True)
        joint = [
            draw.person(partner_heritage, draw.child_gender(), days, partner_surname, home)
            for days in joint_days
        ]
        for child in joint:
            self.rel.parent_and_child(mother, child)
            self.rel.parent_and_child(partner, child)
        self.rel.siblings(older)
        self.rel.siblings(joint)
        for a in older:
            for b in joint:
                self.rel.half_siblings(a, b)
        if rnd() < 0.55:
            ex_days = max(mother_days + int((rnd() * 10 - 2) * YEAR), older_days[0] + 18 * YEAR)
            ex = draw.person(heritage, MALE, ex_days, ex_surname, draw.home())
            self.rel.ex_partners(mother, ex)
            for child in older:
                self.rel.parent_and_child(ex, child, elsewhere=True)
        self.grandparents(mother, maiden, heritage, older + joint, "Maternal", 0.35)

    def kinship_care(self) -> None:
        """Children living with a grandparent, an aunt or foster carers."""
        draw = self.draw
        rnd = self.rnd
        heritage = draw.heritage()
        carers_home = draw.home()
        child_days = draw.child_days()
        mother_days = draw.parent_days(child_days[0])
        maiden = draw.own_surname(heritage)
        children_surname = draw.surname(heritage) if rnd() < 0.6 else maiden
        r = rnd()
        carers: list[Member] = []
        # How the first carer is related to the children's mother, if at all.
        carer_is: str | None = None
        carer_labels: tuple[str, ...]
        if r < 0.55:
            grandmother_days = min(mother_days + (18 + int(rnd() * 20)) * YEAR, 85 * YEAR)
            grandmother = draw.person(heritage, FEMALE, grandmother_days, maiden, carers_home)
            carers.append(grandmother)
            carer_is = MOTHER
            if rnd() < 0.4:
                grandfather_days = grandmother_days + int(rnd() * 5 * YEAR)
                grandfather = draw.person(heritage, MALE, grandfather_days, maiden, carers_home)
                self.rel.partners(grandmother, grandfather, married=True)
                carers.append(grandfather)
            kinship = "Special guardian (maternal grandmother)" if rnd() < 0.6 else "Kinship carer"
            carer_labels = (kinship, "Special guardian (maternal grandfather)")
            back_suffix = " (special guardianship)"
            back_labels = GRANDCHILD_LABEL
        elif r < 0.8:
            aunt_days = max(mother_days + int((rnd() * 16 - 8) * YEAR), 20 * YEAR)
            carers.append(draw.person(heritage, FEMALE, aunt_days, maiden, carers_home))
            carer_is = SIBLING
            carer_labels = ("Kinship carer (maternal aunt)",)
            back_suffix = " (kinship care)"
            back_labels = NIECE_LABEL
        else:
            foster_heritage = draw.heritage()
            foster_surname = draw.surname(foster_heritage)
            for gender in (FEMALE, MALE) if rnd() < 0.7 else (FEMALE,):
                days = self.world.days_for_age(self.rng, 35, 64)
                carers.append(
                    draw.person(foster_heritage, gender, days, foster_surname, carers_home)
                )
            carer_labels = ("Foster carer",)
            back_suffix = ""
            back_labels = ("Foster child",) * 4
        children = [
            draw.person(heritage, draw.child_gender(), days, children_surname, carers_home)
            for days in child_days
        ]
        for child in children:
            for index, carer in enumerate(carers):
                self.rel.link(child, carer, CARER, carer_labels[min(index, len(carer_labels) - 1)])
                self.rel.link(carer, child, OTHER_TYPE, back_labels[child.gender] + back_suffix)
        self.rel.siblings(children)
        if rnd() < 0.7:
            mother = draw.person(heritage, FEMALE, mother_days, maiden, draw.home())
            for child in children:
                self.rel.parent_and_child(mother, child, elsewhere=True)
            carer = carers[0]
            if carer_is == MOTHER:
                self.rel.parent_and_child(carer, mother)
            elif carer_is == SIBLING:
                self.rel.link(mother, carer, SIBLING, "Sister")
                self.rel.link(carer, mother, SIBLING, "Sister")

    def single_adult(self) -> None:
        draw = self.draw
        rnd = self.rnd
        heritage = draw.heritage()
        age = ADULT_AGES[int(rnd() * len(ADULT_AGES))]
        days = self.world.days_for_age(self.rng, age, age)
        r = rnd()
        gender = FEMALE if r < 0.51 else MALE if r < 0.99 else UNKNOWN if r < 0.996 else OTHER
        draw.person(heritage, gender, days, draw.surname(heritage), draw.home())

    def couple(self) -> None:
        draw = self.draw
        rnd = self.rnd
        heritage = draw.heritage()
        other_heritage = heritage if rnd() < 0.9 else draw.heritage()
        home = draw.home()
        age = ADULT_AGES[int(rnd() * len(ADULT_AGES))]
        days = self.world.days_for_age(self.rng, age, age)
        partner_days = max(days + int((rnd() * 10 - 4) * YEAR), 18 * YEAR + 1)
        partner_days = min(partner_days, self.age_start[100])
        married = rnd() < (0.5 if age < 40 else 0.75)
        his_surname = draw.surname(heritage)
        her_own = draw.own_surname(other_heritage)
        took_name = married and rnd() < other_heritage.takes_husbands_name
        if rnd() < 0.03:  # a same-sex couple
            first = draw.person(heritage, FEMALE, days, his_surname, home)
            second = draw.person(other_heritage, FEMALE, partner_days, her_own, home)
        else:
            first = draw.person(heritage, MALE, days, his_surname, home)
            second = draw.person(
                other_heritage, FEMALE, partner_days, his_surname if took_name else her_own, home
            )
            if took_name and rnd() < 0.5:
                second.alias("", her_own[1], PREVIOUS)
        self.rel.partners(first, second, married)

    def adult_child_with_parent(self) -> None:
        """An older parent living with (and often cared for by) a grown-up child."""
        draw = self.draw
        rnd = self.rnd
        heritage = draw.heritage()
        home = draw.home()
        child_days = self.world.days_for_age(self.rng, 25, 62)
        parent_days = min(child_days + (20 + int(rnd() * 18)) * YEAR, self.age_start[100] - 1)
        surname = draw.surname(heritage)
        parent = draw.person(heritage, FEMALE if rnd() < 0.7 else MALE, parent_days, surname, home)
        child = draw.person(heritage, draw.child_gender(), child_days, surname, home)
        self.rel.parent_and_child(parent, child)

    # -- relatives outside the household -----------------------------------------

    def grandparents(
        self,
        parent: Member,
        parent_birth_surname: SurnamePair,
        heritage: Heritage,
        children: list[Member],
        side: str,
        chance: float,
    ) -> None:
        draw = self.draw
        rnd = self.rnd
        if not children or rnd() >= chance:
            return
        days = parent.days + (18 + int(rnd() * 22)) * YEAR + int(rnd() * YEAR)
        if days >= self.age_start[98]:
            return
        home = draw.home()
        grandmother = draw.person(heritage, FEMALE, days, parent_birth_surname, home)
        gran = [grandmother]
        if rnd() < 0.45 and days + 3 * YEAR < self.age_start[98]:
            grandfather_days = days + int((rnd() * 6 - 1) * YEAR)
            grandfather = draw.person(heritage, MALE, grandfather_days, parent_birth_surname, home)
            self.rel.partners(grandmother, grandfather, married=True)
            gran.append(grandfather)
        for grandparent in gran:
            label = f"{side} {'grandmother' if grandparent.gender == FEMALE else 'grandfather'}"
            for child in children:
                self.rel.link(child, grandparent, GRANDPARENT, label)
                self.rel.link(grandparent, child, OTHER_TYPE, GRANDCHILD_LABEL[child.gender])
            if rnd() < 0.5:
                self.rel.parent_and_child(grandparent, parent)

    def aunt(
        self, parent: Member, surname: SurnamePair, heritage: Heritage, children: list[Member]
    ) -> None:
        draw = self.draw
        days = max(parent.days + int((self.rnd() * 14 - 7) * YEAR), 18 * YEAR)
        aunt = draw.person(heritage, FEMALE, days, surname, draw.home())
        for child in children:
            self.rel.link(child, aunt, OTHER_TYPE, "Maternal aunt")
            self.rel.link(aunt, child, OTHER_TYPE, NIECE_LABEL[child.gender])
        self.rel.link(parent, aunt, SIBLING, "Sister")
        self.rel.link(aunt, parent, SIBLING, SIBLING_LABEL[parent.gender])

    def _case_ids(self) -> None:
        """Children of known families carry a case id, as do some adults."""
        rnd = self.rnd
        members = self.draw.members
        known = any(member.age < 18 for member in members) and rnd() < 0.45
        for member in members:
            if member.age < 18:
                member.cms = known
            elif rnd() < (0.35 if known else 0.02):
                member.cms = True
