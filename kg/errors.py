"""The project's exceptions: the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class KgError(Exception):
    """Base class for every error the user can act on (exit code 1, no traceback)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in the input: where it is and what is wrong."""

    message: str
    path: str | None = None
    line: int | None = None
    record: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
        if self.record is not None:
            where += f" ({self.record})" if where else f"record {self.record}"
        return f"{where}: {self.message}" if where else self.message


class InputError(KgError):
    """Malformed or unreadable input; names the file, line or record and what is wrong."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        record: str | None = None,
    ) -> None:
        self.problem = Problem(message, None if path is None else str(path), line, record)
        super().__init__(str(self.problem))


class OutputError(KgError):
    """An output cannot be written, or would overwrite something without being asked."""


class ConnectionFailed(KgError):
    """A server (Neo4j, a fetch source) could not be reached or refused us."""
