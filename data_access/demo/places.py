"""The fictional geography and institutions of Millbrook.

Street names are generic English combinations ("Alder Grove") tied to
postcodes of the non-existent area MB, so no generated address is anyone's
home. School names follow the patterns of real school names (faith schools
with an apostrophe, academies, a pupil referral unit) because search and
cards must render them.
"""

from __future__ import annotations

COUNCIL = "Millbrook Metropolitan Borough Council"
AREA = "Millbrook"
POSTCODE_AREA = "MB"
# Letters the Royal Mail uses in the last two characters of a postcode.
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# (locality, postcode district): a town of twelve districts.
LOCALITIES: tuple[tuple[str, int], ...] = (
    ("Millbrook", 1),
    ("Millbrook", 2),
    ("Millbrook", 3),
    ("Hollins Green", 4),
    ("Ashworth", 5),
    ("Kettle End", 6),
    ("Upper Millbrook", 7),
    ("Brindle Vale", 8),
    ("Scarcroft", 9),
    ("Low Moor Side", 10),
    ("Thornleigh", 11),
    ("Wharfe Bridge", 12),
)

STREET_WORDS = (
    "Acacia",
    "Alder",
    "Ashbourne",
    "Beech",
    "Bramble",
    "Brook",
    "Canal",
    "Chapel",
    "Clover",
    "Coronation",
    "Cotton",
    "Dale",
    "Elm",
    "Fern",
    "Foundry",
    "Gorse",
    "Hawthorn",
    "Heather",
    "Holly",
    "Juniper",
    "Kingfisher",
    "Larch",
    "Lark",
    "Linnet",
    "Loom",
    "Maple",
    "Meadow",
    "Mill",
    "Moorland",
    "Orchard",
    "Pennine",
    "Primrose",
    "Quarry",
    "Rowan",
    "Rushcroft",
    "Sandstone",
    "Shuttle",
    "Spinner",
    "Spring",
    "Sycamore",
    "Tanner",
    "Thistle",
    "Weaver",
    "Willow",
    "Wren",
    "Yew",
    "St Anne's",
    "Bishop's",
    "Miller's",
    "Weavers'",
)

STREET_KINDS = (
    "Street",
    "Road",
    "Avenue",
    "Lane",
    "Close",
    "Grove",
    "Drive",
    "Way",
    "Crescent",
    "Terrace",
    "Gardens",
    "Walk",
    "Mews",
    "Rise",
    "Court",
)

# Names of blocks of flats: "Flat 4, Wren House".
BLOCK_NAMES = (
    "Wren House",
    "Pennine Court",
    "Alder Heights",
    "Canalside",
    "Foundry Point",
    "Larch Tower",
    "Mill Court",
    "Weaver House",
    "Kingfisher Court",
    "Sandstone House",
)

PRIMARY_SCHOOLS = (
    "Hollins Green Primary School",
    "St Bede's RC Primary School",
    "Ashworth Community Primary School",
    "Kettle End Primary Academy",
    "Upper Millbrook C of E Primary School",
    "Brindle Vale Primary School",
    "St Mary's C of E Primary School",
    "Scarcroft Junior and Infant School",
    "Low Moor Side Primary School",
    "Thornleigh Primary School",
    "Wharfe Bridge Community Primary",
    "Canal Street Primary School",
    "Our Lady of Lourdes RC Primary School",
    "Meadow Bank Primary School",
    "Millbrook Park Primary Academy",
    "Al-Noor Primary School",
    "Rushcroft Primary School",
    "Willow Tree Primary School",
)

SECONDARY_SCHOOLS = (
    "Millbrook Academy",
    "Ashworth High School",
    "St Thomas More RC High School",
    "Hollins Green High School",
    "Kettle End Academy",
    "Thornleigh School and Sixth Form",
    "Brindle Vale Church of England Academy",
    "Millbrook Girls' High School",
)

SIXTH_FORMS = (
    "Millbrook Sixth Form College",
    "Millbrook College",
    "Thornleigh School and Sixth Form",
)

NURSERY_SCHOOLS = (
    "Millbrook Nursery School",
    "Hollins Green Nursery School",
    "Little Acorns Maintained Nursery",
)

SPECIAL_SCHOOLS = (
    "Pennine View Special School",
    "Oakfield School",
)

# Secondary and off-site registrations of a dual-registered pupil.
ALTERNATIVE_PROVISION = (
    "Millbrook Pupil Referral Unit",
    "Millbrook Hospital Education Service",
    "Brook Learning Centre",
    "Millbrook Home Tuition Service",
)

HOUSING_PROVIDER = "Millbrook Homes"
HOUSING_PROVIDER_TEMPORARY = "Millbrook Homes (temporary accommodation)"
HOUSING_ASSOCIATION = "Brookside Housing Association"
ADULT_SOCIAL_CARE_ORGANISATIONS = (
    "Millbrook Adult Social Care",
    "Millbrook Adult Social Care - Learning Disability Team",
    "Millbrook Adult Social Care - Older People's Team",
    "Millbrook Community Mental Health Team",
)
POLICE_AREA = "Northshire Police"
