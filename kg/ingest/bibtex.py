"""Reader for BibTeX: entries with an ``abstract`` field become papers.

The file is split into entries as it is read (brace counting), and each entry is parsed by
bibtexparser, so large bibliographies stream and every problem names the entry's line and key.
Entries without an abstract are common in reference lists: they are skipped with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bibtexparser.bparser import BibTexParser

from kg.ingest.normalise import clean_text, parse_arxiv_id, parse_date, split_bibtex_authors
from kg.ingest.records import RecordError, build_paper
from kg.ingest.report import Problems
from kg.ingest.source import Input, iter_lines
from kg.model import Paper

SOURCE = "bibtex"
_ENTRY_START = re.compile(r"^\s*@\s*([A-Za-z]+)\s*([{(])")
_ARXIV_IN_TEXT = re.compile(r"arxiv[:\s]*(?:abs/)?([a-z\-]+(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?", re.I)
_KEY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]\s*([^,\s]+)")


def read(source: Input, problems: Problems) -> Iterator[Paper]:
    """Papers from the entries of a BibTeX file."""
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
    parser.expect_multiple_parse = True
    for number, kind, text in _entries(source, problems):
        if kind in ("comment", "preamble"):
            continue
        key = _key(text)
        try:
            database = parser.parse(text)
        except Exception as exc:  # pyparsing's ParseException and friends: report, go on
            problems.error(f"malformed BibTeX entry: {str(exc).splitlines()[0]}", path=source.label, line=number, record=key)
            continue
        entries = list(database.entries)
        database.entries.clear()
        database.comments.clear()
        database.preambles.clear()
        if kind == "string":
            continue
        if not entries:
            problems.error(
                "malformed BibTeX entry: its fields could not be parsed (a missing comma or quote?)",
                path=source.label, line=number, record=key,
            )
            continue
        for entry in entries:
            yield from _paper(entry, number, source.label, problems)


def _paper(entry: dict[str, str], number: int, path: str, problems: Problems) -> Iterator[Paper]:
    key = entry.get("ID")
    if not clean_text(entry.get("title")):
        problems.error("entry has no title", path=path, line=number, record=key)
        return
    if not clean_text(entry.get("abstract")):
        problems.warn("entry has no abstract", path=path, line=number, record=key)
        return
    arxiv_id = _arxiv_id(entry)
    doi = entry.get("doi")
    try:
        yield build_paper(
            entry.get("title"),
            entry.get("abstract"),
            source=SOURCE,
            given_id=None if arxiv_id or doi else key,
            authors=split_bibtex_authors(entry.get("author", "")),
            published=parse_date(entry.get("date") or entry.get("year"), entry.get("month")),
            url=(entry.get("url") or "").strip() or None,
            arxiv_id=arxiv_id,
            doi=doi,
        )
    except RecordError as exc:
        problems.error(str(exc), path=path, line=number, record=key)


def _arxiv_id(entry: dict[str, str]) -> str | None:
    prefix = (entry.get("archiveprefix") or entry.get("eprinttype") or "").lower()
    eprint = entry.get("eprint")
    if eprint and (prefix in ("", "arxiv")):
        found = parse_arxiv_id(eprint.strip())
        if found:
            return found
    for field in ("journal", "note", "url", "howpublished", "volume"):
        match = _ARXIV_IN_TEXT.search(entry.get(field) or "")
        if match:
            return parse_arxiv_id(match[1])
    return None


def _entries(source: Input, problems: Problems) -> Iterator[tuple[int, str, str]]:
    """``(first line, entry type, text)`` of each ``@type{...}`` block; text between is ignored.

    A line starting a new entry (`@type{`) while the previous one is still open
    means the previous entry was never closed: it is reported and reading resumes there.
    """
    lines = iter_lines(source)
    pushed: tuple[int, str] | None = None
    while True:
        item = pushed if pushed is not None else next(lines, None)
        pushed = None
        if item is None:
            return
        number, line = item
        match = _ENTRY_START.match(line)
        if not match:
            continue
        opener = match[2]
        parts = [line]
        depth = _depth(line[match.end(2) - 1 :], opener)
        while depth > 0:
            item = next(lines, None)
            if item is None or _ENTRY_START.match(item[1]):
                where = "before the end of the file" if item is None else f"before the next entry on line {item[0]}"
                problems.error(f"BibTeX entry is not closed {where}", path=source.label, line=number, record=_key(line))
                pushed = item
                break
            parts.append(item[1])
            depth += _depth(item[1], opener)
        else:
            yield number, match[1].lower(), "\n".join(parts)


def _key(line: str) -> str | None:
    match = _KEY.match(line)
    return match[1].rstrip(",") if match else None


def _depth(text: str, opener: str) -> int:
    if opener == "(":
        return text.count("(") - text.count(")")
    text = text.replace("\\{", "").replace("\\}", "")
    return text.count("{") - text.count("}")
