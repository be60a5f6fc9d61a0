"""Problems found in an interchange folder, in the `FILE:LINE: COLUMN: message` contract.

Messages never quote the offending value: the extract is personal data, and
a load report ends up in cron mail and CI logs. The line and column are
enough for the council's data team to find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

NO_COLUMN = "-"


class Severity(Enum):
    ERROR = "error"  # the load is rejected
    WARNING = "warning"  # the value is loaded as missing; the load goes on


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


class TooManyErrors(Exception):
    """Raised once the error cap is reached: the rest of the extract is not read."""


@dataclass
class Report:
    """Collects problems up to a cap, counting (but not keeping) the rest."""

    max_errors: int = 100
    max_warnings: int = 100
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    stopped_early: bool = False

    def error(self, file: str, line: int, column: str, message: str) -> None:
        self.error_count += 1
        self.errors.append(Problem(file, line, column, message))
        if self.error_count >= self.max_errors:
            self.stopped_early = True
            raise TooManyErrors

    def warning(self, file: str, line: int, column: str, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < self.max_warnings:
            self.warnings.append(
                Problem(file, line, column, f"warning: {message}", Severity.WARNING)
            )

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def lines(self, file_order: dict[str, int]) -> list[str]:
        """Errors then warnings, each in the order of the files and lines they are on."""

        def key(problem: Problem) -> tuple[int, int, str, str]:
            order = file_order.get(problem.file, len(file_order))
            return (order, problem.line, problem.column, problem.message)

        out = [str(p) for p in sorted(self.errors, key=key)]
        if self.stopped_early:
            out.append(
                f"stopped after {self.max_errors} errors; the rest of the extract was not read"
            )
        out += [str(p) for p in sorted(self.warnings, key=key)]
        hidden = self.warning_count - len(self.warnings)
        if hidden > 0:
            out.append(f"... and {hidden} more warnings")
        return out
