"""Ingest: read papers from every common source as normalised, de-duplicated Paper records.

>>> from kg.ingest import read_papers, IngestReport
>>> report = IngestReport()
>>> papers = list(read_papers(["examples/daily-papers-sep-11.txt"], report=report))  # doctest: +SKIP
>>> report.summary()  # doctest: +SKIP
'65 papers from 1 file: 65 read, 0 skipped, 0 duplicates merged'
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.dedupe import DEFAULT_WINDOW, deduplicate
from kg.ingest.detect import FORMAT_HELP, FORMATS, detect_format
from kg.ingest.report import ON_ERROR, REST_SKIPPED, IngestReport, OnError, Problems
from kg.ingest.source import Input, open_input
from kg.model import Paper

__all__ = [
    "FORMATS",
    "FORMAT_HELP",
    "ON_ERROR",
    "IngestReport",
    "read_papers",
    "read_file",
    "detect_format",
    "deduplicate",
]

Reader = Callable[[Input, Problems], Iterator[Paper]]

_READERS: dict[str, str] = {
    "hf-page": "kg.ingest.hf_page:read",
    "jsonl": "kg.ingest.jsonl:read_jsonl",
    "json": "kg.ingest.jsonl:read_json",
    "csv": "kg.ingest.csv:read_csv",
    "tsv": "kg.ingest.csv:read_tsv",
    "bibtex": "kg.ingest.bibtex:read",
    "arxiv-atom": "kg.ingest.arxiv_atom:read",
}


def _reader(format: str) -> Reader:
    module, attr = _READERS[format].split(":")
    return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


def read_papers(
    paths: Iterable[str | Path] | str | Path,
    *,
    format: str | None = None,
    encoding: str = "utf-8",
    on_error: OnError = "raise",
    report: IngestReport | None = None,
    dedupe: bool = True,
    window: int = DEFAULT_WINDOW,
) -> Iterator[Paper]:
    """Stream normalised papers from ``paths`` (``"-"`` is stdin), de-duplicated across all of them.

    Each file's format is detected from its extension and content unless ``format`` (one of
    :data:`FORMATS`) is given. Problems raise :class:`kg.errors.InputError` naming the file,
    line or record; with ``on_error="skip"`` they are recorded in ``report.skipped`` and reading
    goes on (a file that cannot be read at all, or whose syntax breaks, is skipped from there).
    Memory stays constant in the number of records apart from the hashed keys kept for
    de-duplication.
    """
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    report = report if report is not None else IngestReport()
    problems = Problems(on_error, report)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    papers = _read_all(list(paths), format, encoding, problems)
    return deduplicate(papers, report, window=window) if dedupe else papers


def read_file(
    path: str | Path, *, format: str | None = None, encoding: str = "utf-8", on_error: OnError = "raise",
    report: IngestReport | None = None,
) -> Iterator[Paper]:
    """Papers of one file, normalised but not de-duplicated."""
    return read_papers([path], format=format, encoding=encoding, on_error=on_error, report=report, dedupe=False)


def _read_all(paths: list[str | Path], format: str | None, encoding: str, problems: Problems) -> Iterator[Paper]:
    report = problems.report
    for path in paths:
        report.files += 1
        read_before = report.read
        try:
            with open_input(path, encoding) as source:
                reader = _reader(format or detect_format(source.label, source.head))
                for paper in reader(source, problems):
                    report.read += 1
                    yield paper
        except InputError as exc:
            if problems.on_error == "raise":
                raise
            problem = exc.problem
            if report.read > read_before:  # e.g. undecodable bytes half-way: say what was lost
                problem = replace(problem, message=problem.message + REST_SKIPPED)
            report.skipped.append(problem)
