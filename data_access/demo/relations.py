"""Relationships as a children's case management system records them.

One row each way, typed where the system had a type, with the worker's own
wording in the label, and some patchiness: a parent typed `parent`, a
step-parent typed `other` with the label "Mum's partner", an empty label, a
direction never recorded. Search and the person card must cope with all of
it, so the demo has all of it.
"""

from __future__ import annotations

from collections.abc import Callable

from data_access.demo.people import Member, Relation
from data_access.enums import RelationshipType

MOTHER = RelationshipType.MOTHER.value
FATHER = RelationshipType.FATHER.value
PARENT = RelationshipType.PARENT.value
STEP_PARENT = RelationshipType.STEP_PARENT.value
CARER = RelationshipType.CARER.value
SIBLING = RelationshipType.SIBLING.value
HALF_SIBLING = RelationshipType.HALF_SIBLING.value
GRANDPARENT = RelationshipType.GRANDPARENT.value
PARTNER = RelationshipType.PARTNER.value
CHILD = RelationshipType.CHILD.value
OTHER_TYPE = RelationshipType.OTHER.value

# Labels indexed by the gender of the person the label describes.
_PARENT_TYPE = (MOTHER, FATHER, PARENT, PARENT)
_PARENT_LABEL = ("Mother", "Father", "Parent", "Parent")
CHILD_LABEL = ("Daughter", "Son", "Child", "Child")
SIBLING_LABEL = ("Sister", "Brother", "Sibling", "Sibling")
HALF_SIBLING_LABEL = ("Half-sister", "Half-brother", "Half-sibling", "Half-sibling")
GRANDCHILD_LABEL = ("Granddaughter", "Grandson", "Grandchild", "Grandchild")
NIECE_LABEL = ("Niece", "Nephew", "Niece or nephew", "Niece or nephew")
_SPOUSE_LABEL = ("Wife", "Husband", "Spouse", "Spouse")
_STEP_PARENT_LABEL = ("Stepmother", "Stepfather", "Step-parent", "Step-parent")
_STEP_CHILD_LABEL = ("Stepdaughter", "Stepson", "Stepchild", "Stepchild")
_PARTNERS_CHILD_LABEL = (
    "Partner's daughter",
    "Partner's son",
    "Partner's child",
    "Partner's child",
)
_BIRTH_PARENT_LABEL = ("Birth mother", "Birth father", "Birth parent", "Birth parent")


class Relations:
    """The relationship rows of the cluster being drawn."""

    def __init__(self, rnd: Callable[[], float]) -> None:
        self.rnd = rnd
        self.rows: list[Relation] = []

    def link(self, person: Member, related: Member, kind: str, label: str) -> None:
        self.rows.append((person, related, kind, label))

    def parent_and_child(self, parent: Member, child: Member, *, elsewhere: bool = False) -> None:
        r = self.rnd()
        gender = parent.gender
        if r < 0.04:
            up = (PARENT, _PARENT_LABEL[gender])  # typed loosely, the label says more
        elif elsewhere and r < 0.12:
            up = (OTHER_TYPE, _BIRTH_PARENT_LABEL[gender])
        elif r > 0.99:
            up = (_PARENT_TYPE[gender], "")  # no label recorded
        else:
            up = (_PARENT_TYPE[gender], _PARENT_LABEL[gender])
        self.rows.append((child, parent, up[0], up[1]))
        if r < 0.995:  # now and then only one direction was recorded
            self.rows.append((parent, child, CHILD, CHILD_LABEL[child.gender]))

    def partners(self, a: Member, b: Member, married: bool) -> None:
        if married:
            self.rows.append((a, b, PARTNER, _SPOUSE_LABEL[b.gender]))
            self.rows.append((b, a, PARTNER, _SPOUSE_LABEL[a.gender]))
        else:
            self.rows.append((a, b, PARTNER, "Partner"))
            self.rows.append((b, a, PARTNER, "Partner"))

    def ex_partners(self, a: Member, b: Member) -> None:
        self.rows.append((a, b, OTHER_TYPE, "Ex-partner"))
        self.rows.append((b, a, OTHER_TYPE, "Ex-partner"))

    def step(self, step_parent: Member, child: Member, married: bool, informal: str) -> None:
        if married:
            self.rows.append(
                (child, step_parent, STEP_PARENT, _STEP_PARENT_LABEL[step_parent.gender])
            )
            self.rows.append((step_parent, child, CHILD, _STEP_CHILD_LABEL[child.gender]))
        else:
            self.rows.append((child, step_parent, OTHER_TYPE, informal))
            self.rows.append((step_parent, child, OTHER_TYPE, _PARTNERS_CHILD_LABEL[child.gender]))

    def siblings(self, children: list[Member]) -> None:
        relations = self.rows
        for i, a in enumerate(children):
            for b in children[i + 1 :]:
                relations.append((a, b, SIBLING, SIBLING_LABEL[b.gender]))
                relations.append((b, a, SIBLING, SIBLING_LABEL[a.gender]))

    def half_siblings(self, a: Member, b: Member) -> None:
        kind = HALF_SIBLING if self.rnd() < 0.9 else SIBLING  # some recorded as plain siblings
        self.rows.append((a, b, kind, HALF_SIBLING_LABEL[b.gender]))
        self.rows.append((b, a, kind, HALF_SIBLING_LABEL[a.gender]))
