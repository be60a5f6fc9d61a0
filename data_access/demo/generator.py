"""Write a synthetic interchange extract for the fictional Millbrook council.

The population is cut into fixed chunks of people, each drawn from its own
random stream derived from the seed and the chunk number: memory stays at one
chunk whatever the population, a chunk can be regenerated on its own, and a
family never spans two chunks, so every reference stays inside the rows
written together. Within a chunk, families are drawn one at a time and only
their rows are kept until the chunk is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from data_access.demo import sources
from data_access.demo.families import FamilyBuilder
from data_access.demo.people import GENDER_VALUES
from data_access.demo.services import Row, ServiceRows
from data_access.demo.showcase import showcase_cluster, showcase_services
from data_access.demo.world import CMS_SPACE, build_world, cms_id
from data_access.enums import Service
from data_access.interchange import DATA_SOURCE, TABLES

CHUNK_PEOPLE = 10_000
RESTRICTED_RATE = 0.01
RELATIONSHIP_SOURCES = ("Mosaic",) * 24 + ("Early Help Module",)

Task = tuple[int, dt.date, int, int, int]
"""(seed, today, chunk index, first person number, number of people)."""
ChunkRows = tuple[list[Row], ...]
"""The rows of each table after data_source, in TABLES order."""


def write_interchange(
    out_dir: Path,
    *,
    people: int,
    seed: int,
    today: dt.date | None = None,
    withhold: frozenset[Service] = frozenset(),
) -> dict[str, int]:
    """Write one CSV per table of data_access.interchange.TABLES into out_dir (created
    if missing), header = TableSpec.column_names in order, UTF-8, comma separated, csv
    module with default quoting (QUOTE_MINIMAL), dates ISO 8601 (YYYY-MM-DD),
    timestamps ISO 8601 with offset, booleans true/false, empty cell = missing.
    Returns rows written per table name.

    Ages are relative to `today` (default: the real today) so the demo stays
    realistic whenever it is generated; `withhold` marks every feed of those
    services unavailable, to demonstrate the "not available" state.
    """
    if people < 0:
        raise ValueError("people must not be negative")
    today = today or dt.date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {spec.table: 0 for spec in TABLES}
    with ExitStack() as stack:
        writers = []
        for spec in TABLES:
            handle = stack.enter_context(
                (out_dir / spec.file_name).open("w", encoding="utf-8", newline="")
            )
            writer = csv.writer(handle)
            writer.writerow(spec.column_names)
            writers.append(writer)
        feed_rows = [feed.row() for feed in sources.feeds(today, withhold)]
        writers[0].writerows(feed_rows)
        counts[DATA_SOURCE.table] = len(feed_rows)
        for chunk in map(generate_chunk, _tasks(seed, today, people)):
            for writer, rows, spec in zip(writers[1:], chunk, TABLES[1:], strict=True):
                writer.writerows(rows)
                counts[spec.table] += len(rows)
    return counts


def _tasks(seed: int, today: dt.date, people: int) -> Iterator[Task]:
    for index, first in enumerate(range(1, people + 1, CHUNK_PEOPLE)):
        yield (seed, today, index, first, min(CHUNK_PEOPLE, people + 1 - first))


def generate_chunk(task: Task) -> ChunkRows:
    """One chunk of people and every row that refers to them."""
    seed, today, index, first, count = task
    world = build_world(seed, today)
    rng = random.Random(f"millbrook-demo/{seed}/{index}")
    rnd = rng.random
    families = FamilyBuilder(world, rng)
    services = ServiceRows(world, rng)
    iso = world.iso
    person_rows: list[Row] = []
    alias_rows: list[Row] = []
    relationship_rows: list[Row] = []
    number = first
    end = first + count
    showcase = index == 0
    # The person after the showcase family is always restricted, so that even
    # a small demo shows a record that is never listed.
    restrict_next = index == 0
    while number < end:
        if showcase:
            members, relations = showcase_cluster(families)
            showcase = False
        else:
            members, relations = families.cluster()
        if number + len(members) > end:
            continue  # too big for what is left of the chunk: draw another
        for member in members:
            pid = member.pid = f"P{number:07d}"
            home = member.home
            restricted = rnd() < RESTRICTED_RATE
            if member.showcase:
                restricted = False  # what a demo looks up is never hidden
            elif restrict_next:
                restricted, restrict_next = True, False
            person_rows.append(
                (
                    pid,
                    cms_id(world, number) if member.cms and number <= CMS_SPACE else "",
                    member.first,
                    member.last,
                    iso[member.days] if member.dob_known else "",
                    GENDER_VALUES[member.gender],
                    home.address,
                    home.postcode,
                    "true" if restricted else "false",
                )
            )
            if member.aliases:
                alias_rows.extend((pid, *alias) for alias in member.aliases)
            number += 1
        source = RELATIONSHIP_SOURCES[int(rnd() * len(RELATIONSHIP_SOURCES))]
        relationship_rows.extend(
            (person.pid, related.pid, kind, label, source)
            for person, related, kind, label in relations
        )
        for member in members:
            if member.showcase:
                showcase_services(services, member)
            else:
                services.add(member)
    return (
        person_rows,
        alias_rows,
        relationship_rows,
        services.school,
        services.housing,
        services.adult_social_care,
        services.police,
        services.offence,
    )
