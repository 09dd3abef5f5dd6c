"""Readers for JSON Lines and JSON arrays of papers, both streaming.

Records may be plain objects (``title``; ``abstract``/``summary``; ``id``), arXiv metadata
snapshot records, Hugging Face ``daily_papers`` API items or kg's own output. A JSON array is
decoded element by element from fixed-size chunks (``json.JSONDecoder.raw_decode``), so a
multi-gigabyte array is read in constant memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kg.ingest.records import RecordError, paper_from_mapping
from kg.ingest.report import Problems
from kg.ingest.source import Input, iter_chunks, iter_lines
from kg.model import Paper

MAX_RECORD_CHARS = 64 << 20
"""A single JSON value larger than this is treated as broken JSON rather than read into memory."""



def read_jsonl(source: Input, problems: Problems, *, source_name: str = "jsonl") -> Iterator[Paper]:
    """One paper per non-blank line."""
    loads = json.loads
    for number, line in iter_lines(source):
        if not line or line.isspace():
            continue
        try:
            record = loads(line)
        except ValueError as exc:
            problems.error(_describe(exc, line), path=source.label, line=number)
            continue
        try:
            yield paper_from_mapping(record, source=source_name)
        except RecordError as exc:
            problems.error(str(exc), path=source.label, line=number, record=_record_label(record))


def read_json(source: Input, problems: Problems, *, source_name: str = "json") -> Iterator[Paper]:
    """Papers from a JSON array of objects, or from objects written one after another."""
    index = 0
    for number, record in _values(source, problems):
        index += 1
        try:
            yield paper_from_mapping(record, source=source_name)
        except RecordError as exc:
            problems.error(str(exc), path=source.label, line=number, record=_record_label(record, index))


class _Stream:
    """A text buffer over the decoded chunks, with the line number of its start."""

    __slots__ = ("buf", "pos", "line", "chunks", "eof")

    def __init__(self, source: Input) -> None:
        self.chunks = iter_chunks(source)
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def fill(self) -> bool:
        """Append the next chunk; False at the end of input."""
        if self.eof:
            return False
        chunk = next(self.chunks, None)
        if chunk is None:
            self.eof = True
            return False
        if self.pos > len(self.buf) // 2:  # drop what is consumed, keep line numbers right
            self.line += self.buf.count("\n", 0, self.pos)
            self.buf = self.buf[self.pos :] + chunk
            self.pos = 0
        else:
            self.buf += chunk
        return True

    def skip_space(self) -> str:
        """Skip whitespace; the next character, or "" at the end of input."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not self.fill():
                return ""

    def line_at(self, pos: int) -> int:
        return self.line + self.buf.count("\n", 0, pos)


def _values(source: Input, problems: Problems) -> Iterator[tuple[int, Any]]:
    stream = _Stream(source)
    decoder = json.JSONDecoder()
    first = stream.skip_space()
    in_array = first == "["
    if in_array:
        stream.pos += 1
    expect_comma = False
    while True:
        char = stream.skip_space()
        if char == "":
            if in_array:
                problems.error("truncated JSON: the array is not closed with ']'", path=source.label, line=stream.line_at(stream.pos))
            return
        if in_array and char == "]":
            stream.pos += 1
            if stream.skip_space():
                problems.error("unexpected data after the end of the JSON array", path=source.label, line=stream.line_at(stream.pos))
            return
        if expect_comma:
            if char != ",":
                problems.error(f"invalid JSON: expected ',' or ']' between array items, found {char!r}", path=source.label, line=stream.line_at(stream.pos), fatal=True)
                return
            stream.pos += 1
            stream.skip_space()
        start = stream.pos
        while True:
            try:
                value, end = decoder.raw_decode(stream.buf, stream.pos)
            except json.JSONDecodeError as exc:
                if len(stream.buf) - start < MAX_RECORD_CHARS and stream.fill():
                    start = stream.pos
                    continue
                problems.error(_describe(exc, stream.buf), path=source.label, line=stream.line_at(exc.pos), fatal=True)
                return
            if end == len(stream.buf) and not stream.eof and not isinstance(value, (dict, list, str)):
                # a bare number or literal cut at a chunk boundary: read on and decode again
                if stream.fill():
                    continue
            break
        line = stream.line_at(stream.pos)
        stream.pos = end
        expect_comma = in_array
        yield line, value


def _describe(exc: ValueError, text: str) -> str:
    if isinstance(exc, json.JSONDecodeError):
        if exc.msg.startswith("Unterminated string") or exc.pos >= len(text.rstrip()):
            return f"truncated JSON: the record ends before it is complete ({exc.msg.removesuffix(' at')} at column {exc.colno})"
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    return f"invalid JSON: {exc}"


def _record_label(record: Any, index: int | None = None) -> str | None:
    if isinstance(record, dict):
        for key in ("id", "paper_id", "title"):
            value = record.get(key)
            if isinstance(value, (str, int)) and str(value).strip():
                text = str(value).strip()
                return f"{key} {text[:60]!r}" if key == "title" else f"{key} {text}"
        if isinstance(record.get("paper"), dict) and record["paper"].get("id"):
            return f"paper.id {record['paper']['id']}"
    return f"record {index}" if index is not None else None
