"""What an ingest run did: records read, problems skipped, duplicates merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kg.errors import InputError, Problem

OnError = Literal["raise", "skip"]
ON_ERROR: tuple[str, ...] = ("raise", "skip")
MAX_MERGE_EXAMPLES = 1000
REST_SKIPPED = "; the rest of the file was not read"


@dataclass(slots=True)
class IngestReport:
    """Mutable tally an ingest run fills in; pass one to :func:`kg.ingest.read_papers`.

    ``read`` counts records turned into papers (before de-duplication), ``merged`` the records
    merged into an earlier paper with the same id or title, ``papers`` the papers yielded.
    ``skipped`` lists every record or file left out and why (errors under ``on_error="skip"``,
    and warnings such as a BibTeX entry without abstract, which are always skipped).
    """

    files: int = 0
    read: int = 0
    merged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)  # "dropped -> kept" examples, capped

    @property
    def papers(self) -> int:
        return self.read - self.merged

    def summary(self) -> str:
        """One line for people: ``65 papers from 1 file: 66 read, 1 skipped, 1 duplicate merged``."""
        files = f"{self.files} file" + ("" if self.files == 1 else "s")
        merged = f"{self.merged} duplicate" + ("" if self.merged == 1 else "s") + " merged"
        paper = "paper" if self.papers == 1 else "papers"
        return f"{self.papers} {paper} from {files}: {self.read} read, {len(self.skipped)} skipped, {merged}"

    def add_merge(self, dropped: str, kept: str) -> None:
        self.merged += 1
        if len(self.merges) < MAX_MERGE_EXAMPLES:
            self.merges.append(f"{dropped} merged into {kept}")


class Problems:
    """Routes problems found while reading: raise under ``on_error="raise"``, else record and go on."""

    __slots__ = ("on_error", "report")

    def __init__(self, on_error: OnError, report: IngestReport) -> None:
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
        self.on_error = on_error
        self.report = report

    def error(
        self,
        message: str,
        *,
        path: str | Path | None,
        line: int | None = None,
        record: str | None = None,
        fatal: bool = False,
    ) -> None:
        """A malformed record or file: raises :class:`InputError` unless skipping.

        ``fatal`` marks an error the reader cannot read past (broken syntax): when skipping,
        the report says that the rest of the file was not read.
        """
        if self.on_error == "raise":
            raise InputError(message, path=path, line=line, record=record)
        if fatal:
            message += REST_SKIPPED
        self.report.skipped.append(Problem(message, None if path is None else str(path), line, record))

    def warn(
        self, message: str, *, path: str | Path | None, line: int | None = None, record: str | None = None
    ) -> None:
        """A record that is well-formed but unusable (no abstract): always skipped and reported."""
        self.report.skipped.append(Problem(message, None if path is None else str(path), line, record))
