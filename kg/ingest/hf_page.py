"""Reader for a Hugging Face Daily Papers page saved as text: a title line, then its abstract.

The page chrome (banner, navigation, the "Sep 11" date line) before the first paper is skipped.
A title is a line of at most ``TITLE_MAX_CHARS`` characters; the next non-blank line is its
abstract. Blank lines, CRLF and abstracts split into paragraphs are tolerated. A title with no
abstract (at the end of the page, or followed by another title and its abstract) is reported by
name.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib import resources

from kg.ingest.normalise import parse_date, parse_month
from kg.ingest.records import RecordError, build_paper
from kg.ingest.report import IngestReport, OnError, Problems
from kg.ingest.source import Input, iter_lines
from kg.model import Paper

SOURCE = "hf-daily-page"
TITLE_MAX_CHARS = 300
"""Longer lines are abstract text: no Daily Papers title comes near this length."""
CHROME_WINDOW = 15
"""The date line that ends the page chrome is looked for in this many first non-blank lines."""

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE_LINE = re.compile(
    r"(?:daily papers\s*[-–—:]?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:"
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))",
    re.IGNORECASE,
)


@cache
def _chrome() -> frozenset[str]:
    text = resources.files("kg.ingest").joinpath("data/hf_page_chrome.txt").read_text("utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_date_line(line: str) -> bool:
    """True for the page's date line: ``Sep 11``, ``September 11, 2023``, ``2023-09-11``."""
    return _DATE_LINE.fullmatch(line.strip()) is not None


def is_chrome_line(line: str) -> bool:
    """True for a line of page chrome (navigation, banner) or the date line."""
    return line.strip().casefold() in _chrome() or is_date_line(line)


def _page_date(line: str) -> date | None:
    """The date of a date line when it has a year (``Sep 11`` alone does not say which year)."""
    match = _DATE_LINE.fullmatch(line.strip())
    if not match:
        return None
    if match["iso"]:
        return parse_date(match["iso"])
    year, month, day = match["y1"] or match["y2"], match["m1"] or match["m2"], match["d1"] or match["d2"]
    number = parse_month(month[:3] if month.lower() != "sept" else "sep")
    if not year or not number:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def read(source: Input, problems: Problems) -> Iterator[Paper]:
    """Papers from an opened page file."""
    return _parse(iter_lines(source), source.label, problems)


def parse_page(
    text: str, *, path: str = "<text>", on_error: OnError = "raise", report: IngestReport | None = None
) -> Iterator[Paper]:
    """Papers from the text of a page (for text already in memory)."""
    problems = Problems(on_error, report if report is not None else IngestReport())
    return _parse(enumerate(text.splitlines(), 1), path, problems)


def _parse(numbered: Iterable[tuple[int, str]], path: str, problems: Problems) -> Iterator[Paper]:
    lines = _skip_chrome((n, line.strip()) for n, line in numbered if line.strip())
    ahead: deque[tuple[int, str]] = deque()

    def peek(k: int) -> tuple[int, str] | None:
        while len(ahead) < k:
            item = next(lines, None)
            if item is None:
                return None
            ahead.append(item)
        return ahead[k - 1]

    page_date: date | None = None
    held: list[object] | None = None  # [line, title, [paragraphs]]: yielded once its abstract is complete
    while peek(1) is not None:
        number, line = ahead.popleft()
        if len(line) > TITLE_MAX_CHARS:
            if held is not None:
                held[2].append(line)  # type: ignore[index]  # another paragraph of the abstract
            else:
                problems.error("abstract without a title before it", path=path, line=number, record=_quote(line))
            continue
        if is_date_line(line):
            page_date = _page_date(line) or page_date
            continue
        following = peek(1)
        after = peek(2)
        missing = following is None or is_date_line(following[1]) or (
            len(following[1]) <= TITLE_MAX_CHARS and after is not None and len(after[1]) > TITLE_MAX_CHARS
        )
        if held is not None:
            yield from _paper(held, page_date, path, problems)
            held = None
        if missing:
            where = "at the end of the page" if following is None else f"(the next line {following[0]} is another title)"
            problems.error(f"title without abstract {where}", path=path, line=number, record=_quote(line))
            continue
        ahead.popleft()
        held = [number, line, [following[1]]]  # type: ignore[index]
    if held is not None:
        yield from _paper(held, page_date, path, problems)


def _skip_chrome(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Drop the chrome: everything up to the date line if one is near the top, else known chrome lines."""
    window: list[tuple[int, str]] = []
    for item in lines:
        window.append(item)
        if len(window) >= CHROME_WINDOW:
            break
    dates = [i for i, (_, line) in enumerate(window) if is_date_line(line)]
    if dates:
        yield window[dates[0]]  # the parser reads the page date from it
        rest = window[dates[0] + 1 :]
    else:
        rest = window
    while rest and is_chrome_line(rest[0][1]):
        rest.pop(0)
    yield from rest
    yield from lines


def _paper(held: list[object], page_date: date | None, path: str, problems: Problems) -> Iterator[Paper]:
    number, title, paragraphs = held
    try:
        yield build_paper(title, " ".join(paragraphs), source=SOURCE, published=page_date)  # type: ignore[arg-type]
    except RecordError as exc:
        problems.error(str(exc), path=path, line=number, record=_quote(str(title)))  # type: ignore[arg-type]


def _quote(text: str, limit: int = 80) -> str:
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"
