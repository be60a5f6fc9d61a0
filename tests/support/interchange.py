"""A small, valid interchange folder that tests change one cell at a time."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from data_access.interchange import TABLES

Rows = dict[str, list[dict[str, str]]]


def valid_extract() -> Rows:
    return {
        "data_source": [
            {
                "source_id": "SCH",
                "service": "school",
                "title": "Schools census",
                "system_name": "Synergy",
                "organisation": "Testshire Council",
                "current_as_of": "2026-11-21T02:00:00Z",
                "coverage_start": "2020-09-01",
                "coverage_end": "2026-11-20",
                "coverage_area": "Testshire",
                "coverage_note": "Pupils at Testshire schools",
                "available": "true",
            },
            {
                "source_id": "HOU",
                "service": "housing",
                "title": "Testshire Homes",
                "system_name": "Northgate",
                "organisation": "Testshire Homes",
                "current_as_of": "2026-11-21 02:00:00",
                "coverage_start": "01/01/2014",
                "coverage_end": "20/11/2026",
                "coverage_area": "Testshire",
                "coverage_note": "",
                "available": "yes",
            },
        ],
        "person": [
            {
                "person_id": "P1",
                "cms_id": "7190247",
                "first_name": "Jayden",
                "last_name": "Smith",
                "date_of_birth": "2016-03-12",
                "gender": "male",
                "address": "1 Test Street, Testville",
                "postcode": "ts1 1aa",
                "restricted": "false",
            },
            {
                "person_id": "P2",
                "cms_id": "",
                "first_name": "Zoë",
                "last_name": "O'Connor-Smith",
                "date_of_birth": "12/03/1990",
                "gender": "female",
                "address": "1 Test Street",
                "postcode": "TS1 1AA",
                "restricted": "",
            },
        ],
        "relationship": [
            {
                "person_id": "P1",
                "related_person_id": "P2",
                "relationship": "mother",
                "label": "Mother",
                "source": "Mosaic",
            },
        ],
        "school_involvement": [
            {
                "person_id": "P1",
                "source_id": "SCH",
                "involvement": "current",
                "school_name": "Test Primary",
                "admission_type": "main",
                "contact_name": "A Teacher",
                "contact_role": "Designated Safeguarding Lead",
                "contact_phone": "0161 496 0123",
                "contact_email": "dsl@test-primary.example",
            },
        ],
        "housing_involvement": [
            {
                "person_id": "P2",
                "source_id": "HOU",
                "involvement": "current",
                "housing_provider": "Testshire Homes",
                "tenancy_start": "2019-05-01",
                "anti_social_behaviour": "none",
                "eviction": "closed",
                "notice_seeking_possession": "none",
                "rent_arrears": "open",
                "contact_name": "",
                "contact_role": "Housing Officer",
                "contact_phone": "+44 7700 900123",
                "contact_email": "",
            },
        ],
    }


def write_extract(folder: Path, rows: Rows) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    specs = {spec.table: spec for spec in TABLES}
    for table, table_rows in rows.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        columns = list(specs[table].column_names)
        writer.writerow(columns)
        for row in table_rows:
            writer.writerow([row.get(column, "") for column in columns])
        (folder / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")
    return folder
