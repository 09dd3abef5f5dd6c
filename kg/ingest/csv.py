"""Reader for CSV and TSV files with a header row (``title``, ``abstract``/``summary``, ``id``, ...)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from kg.ingest.records import ABSTRACT_KEYS, ID_KEYS, TITLE_KEYS, RecordError, paper_from_mapping
from kg.ingest.report import Problems
from kg.ingest.source import Input, iter_lines
from kg.model import Paper

FIELD_LIMIT = 64 << 20
"""Largest field accepted: abstracts can be long, the csv module's default (128 KiB) is not enough."""


def read_csv(source: Input, problems: Problems) -> Iterator[Paper]:
    """Comma-separated (or semicolon-separated, as some spreadsheets write) values."""
    return _read(source, problems, None, "csv")


def read_tsv(source: Input, problems: Problems) -> Iterator[Paper]:
    """Tab-separated values."""
    return _read(source, problems, "\t", "tsv")


def _read(source: Input, problems: Problems, delimiter: str | None, name: str) -> Iterator[Paper]:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(min(FIELD_LIMIT, sys.maxsize))
    lines = (line + "\n" for _, line in iter_lines(source))
    first = next(lines, None)
    while first is not None and not first.strip():
        first = next(lines, None)
    if first is None:
        problems.error("no header row", path=source.label)
        return
    if delimiter is None:
        delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(_chain(first, lines), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    if not any(h in TITLE_KEYS for h in header) and not (
        any(h in ID_KEYS for h in header) and any(h in ABSTRACT_KEYS for h in header)
    ):
        shown = ", ".join(repr(h) for h in header[:8]) + (", ..." if len(header) > 8 else "")
        problems.error(
            f"the header row has no title column (found {shown}); is this {name.upper()} with a header?",
            path=source.label,
            line=1,
        )
        return
    start = reader.line_num
    try:
        for row in reader:
            number = start + 1 if reader.line_num == start + 1 else reader.line_num
            start = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.error(
                    f"{len(row)} fields but the header has {len(header)} (a stray {delimiter!r} or quote?)",
                    path=source.label,
                    line=number,
                )
                continue
            record = dict(zip(header, row, strict=True))
            try:
                yield paper_from_mapping(record, source=name)
            except RecordError as exc:
                label = record.get("id") or record.get("title")
                problems.error(str(exc), path=source.label, line=number, record=f"id {label}" if record.get("id") else None)
    except csv.Error as exc:
        problems.error(f"malformed {name.upper()}: {exc}", path=source.label, line=reader.line_num, fatal=True)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
