"""Reading one interchange CSV file as numbered records, one at a time.

Each physical line is decoded on its own so that a bad byte is reported on
the line it is on, and the file is never held in memory. A record that spans
several lines (a quoted multi-line address) is numbered by its first line.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from data_access.interchange import TableSpec
from data_access.loader.report import NO_COLUMN, Report

# An address may be long, but nothing legitimate comes near this.
csv.field_size_limit(64 * 1024)


def _lines(path: Path, report: Report) -> Iterator[str]:
    name = path.name
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                report.error(name, number, NO_COLUMN, "not valid UTF-8 (save the file as UTF-8)")
                yield raw.decode("utf-8", "replace")


def read_header(spec: TableSpec, header: list[str], report: Report) -> tuple[int, ...] | None:
    """Where each of the spec's columns is in the file, or None if the header is unusable."""
    name = spec.file_name
    names = [cell.strip().lower() for cell in header]
    ok = True
    seen: set[str] = set()
    for cell in names:
        if cell in seen:
            report.error(name, 1, cell or NO_COLUMN, "column appears more than once")
            ok = False
        seen.add(cell)
        if cell not in spec.column_names:
            report.warning(name, 1, cell or NO_COLUMN, "unknown column, ignored")
    for column in spec.column_names:
        if column not in seen:
            report.error(name, 1, column, "missing column")
            ok = False
    if not ok:
        return None
    return tuple(names.index(column) for column in spec.column_names)


class CsvRecords:
    """The data records of one file: iterate for (line number, column positions, cells).

    Structural problems (bad encoding, malformed quoting, a wrong number of
    fields, an unusable header) are reported as they are met; such records
    are not yielded. `header_ok` says afterwards whether the header could be
    used, which tells "no rows" apart from "unreadable".
    """

    def __init__(self, path: Path, spec: TableSpec, report: Report) -> None:
        self.path = path
        self.spec = spec
        self.report = report
        self.header_ok = False

    def __iter__(self) -> Iterator[tuple[int, tuple[int, ...], list[str]]]:
        name = self.spec.file_name
        report = self.report
        reader = csv.reader(_lines(self.path, report), strict=True)
        positions: tuple[int, ...] | None = None
        width = 0
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                message = str(error).replace("field larger than field limit", "a field is too long")
                report.error(name, line, NO_COLUMN, f"malformed CSV: {message}")
                continue
            if not cells or cells == [""]:
                continue  # blank line
            if positions is None:
                positions = read_header(self.spec, cells, report)
                if positions is None:
                    return
                self.header_ok = True
                width = len(cells)
                continue
            if len(cells) != width:
                report.error(
                    name, line, NO_COLUMN, f"expected {width} fields but found {len(cells)}"
                )
                continue
            yield line, positions, cells
        if positions is None:
            report.error(name, 1, NO_COLUMN, "the file is empty (expected a header line)")
