"""Reader for arXiv API responses (Atom XML), streamed entry by entry with ``iterparse``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from kg.ingest.normalise import clean_text, parse_arxiv_id, parse_date
from kg.ingest.records import RecordError, build_paper
from kg.ingest.report import Problems
from kg.ingest.source import Input
from kg.model import Paper

SOURCE = "arxiv-api"
ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
ERROR_ID_PREFIX = "http://arxiv.org/api/errors"


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """The paging numbers of an arXiv API response (``opensearch:*``)."""

    total_results: int
    start_index: int
    items_per_page: int
    entries: int


def read(source: Input, problems: Problems) -> Iterator[Paper]:
    """Papers from the ``<entry>`` elements of an arXiv Atom feed."""
    return _read(source.stream, source.label, problems)


def _read(stream: BinaryIO, label: str, problems: Problems) -> Iterator[Paper]:
    events = ET.iterparse(stream, events=("start", "end"))
    root: ET.Element | None = None
    index = 0
    try:
        for event, elem in events:
            if root is None:
                root = elem
                if elem.tag != f"{ATOM}feed":
                    problems.error(f"not an arXiv Atom feed (the root element is <{_local(elem.tag)}>)", path=label, line=1)
                    return
                continue
            if event != "end" or elem.tag != f"{ATOM}entry":
                continue
            index += 1
            try:
                yield _paper(elem)
            except RecordError as exc:
                problems.error(str(exc), path=label, record=_entry_label(elem, index))
            finally:
                root.clear()  # what was read is not needed again: constant memory
    except ET.ParseError as exc:
        line, column = exc.position
        problems.error(f"invalid XML: {_parse_message(exc)} (column {column})", path=label, line=line, fatal=True)


def feed_info(data: bytes) -> FeedInfo:
    """Paging numbers of a response held in memory (one page, as ``kg fetch`` receives it)."""
    root = ET.fromstring(data)
    if root.tag != f"{ATOM}feed":
        raise ValueError(f"not an Atom feed (root element <{_local(root.tag)}>)")

    def number(tag: str) -> int:
        text = root.findtext(f"{OPENSEARCH}{tag}")
        return int(text) if text and text.strip().isdigit() else 0

    return FeedInfo(number("totalResults"), number("startIndex"), number("itemsPerPage"), len(root.findall(f"{ATOM}entry")))


def api_error(data: bytes) -> str | None:
    """The message of an arXiv API error response (a feed whose one entry is the error), if it is one."""
    root = ET.fromstring(data)
    for entry in root.findall(f"{ATOM}entry"):
        if (entry.findtext(f"{ATOM}id") or "").startswith(ERROR_ID_PREFIX):
            return clean_text(entry.findtext(f"{ATOM}summary")) or "unknown error"
    return None


def _paper(entry: ET.Element) -> Paper:
    raw_id = (entry.findtext(f"{ATOM}id") or "").strip()
    if raw_id.startswith(ERROR_ID_PREFIX):
        raise RecordError(f"the arXiv API returned an error: {clean_text(entry.findtext(f'{ATOM}summary'))}")
    arxiv_id = parse_arxiv_id(raw_id)
    if arxiv_id is None:
        raise RecordError(f"entry id {raw_id!r} is not an arXiv abs URL")
    primary = entry.find(f"{ARXIV}primary_category")
    categories = [primary.get("term", "")] if primary is not None else []
    categories += [c.get("term", "") for c in entry.findall(f"{ATOM}category")]
    return build_paper(
        entry.findtext(f"{ATOM}title"),
        entry.findtext(f"{ATOM}summary"),
        source=SOURCE,
        authors=[n for n in (clean_text(a.findtext(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")) if n],
        published=parse_date(entry.findtext(f"{ATOM}published")),
        url=f"https://arxiv.org/abs/{arxiv_id}",  # the alternate link names a version; this is the paper
        arxiv_id=arxiv_id,
        doi=entry.findtext(f"{ARXIV}doi"),
        categories=[c for c in categories if c],
    )


def _entry_label(entry: ET.Element, index: int) -> str:
    raw_id = (entry.findtext(f"{ATOM}id") or "").strip()
    return f"entry {index} ({raw_id})" if raw_id else f"entry {index}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_message(exc: ET.ParseError) -> str:
    return str(exc).split(":", 1)[0]
