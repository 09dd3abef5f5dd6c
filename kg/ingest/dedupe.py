"""Streaming de-duplication: papers with the same id, arXiv id, DOI or normalised title merge.

Memory stays bounded: only 64-bit hashes of the keys already written are kept (about 120 bytes
per distinct paper), plus a window of the most recent papers not yet written. A duplicate found inside the window merges into it (the
richer value of each field wins); a duplicate of a paper already written is dropped and counted.
Two papers with the same title but different ids given by their sources (two arXiv ids, two
gold ids) are different papers and are both kept.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from kg.ingest.normalise import title_id, title_key
from kg.ingest.report import IngestReport
from kg.model import Paper

DEFAULT_WINDOW = 4096
"""Papers held back so that a nearby duplicate can still be merged into them."""

_GENERATED_TAIL = re.compile(r"-[0-9a-f]{8}\Z")


def has_own_id(paper: Paper) -> bool:
    """True when the id came from the source (arXiv id, DOI, given id), not from the title."""
    return not (_GENERATED_TAIL.search(paper.id) and paper.id == title_id(paper.title))


def _strong_keys(paper: Paper) -> set[int]:
    """Hashes of the id, arXiv id and DOI (one key when the id is the arXiv id or DOI itself)."""
    keys = set()
    if paper.arxiv_id:
        keys.add(hash("arxiv:" + paper.arxiv_id))
    if paper.doi:
        keys.add(hash("doi:" + paper.doi))
    if paper.id.startswith(("arxiv:", "doi:")):
        keys.add(hash(paper.id))
    else:
        keys.add(hash("id:" + paper.id))
    return keys


def _title_hash(paper: Paper) -> int | None:
    key = title_key(paper.title)
    return hash("title:" + key) if key else None


def _identity(paper: Paper) -> int:
    return hash(paper.id) if has_own_id(paper) else 0


def _conflict(a: int, b: int) -> bool:
    return a != 0 and b != 0 and a != b


def deduplicate(
    papers: Iterable[Paper], report: IngestReport | None = None, *, window: int = DEFAULT_WINDOW
) -> Iterator[Paper]:
    """Yield ``papers`` without duplicates, in first-seen order; merges are counted in ``report``."""
    report = report if report is not None else IngestReport()
    written_keys: set[int] = set()
    # titles written, split by whether their paper had its own id (sets of hashes: small)
    written_titles: tuple[set[int], set[int]] = (set(), set())  # (own id, generated id)
    # slot -> (paper, keys, title hashes, identity); an OrderedDict pops its oldest item in O(1)
    held: OrderedDict[int, tuple[Paper, set[int], set[int], int]] = OrderedDict()
    held_keys: dict[int, int] = {}  # strong key -> slot
    held_titles: dict[int, int] = {}  # title hash -> slot
    next_slot = 0

    for paper in papers:
        keys = _strong_keys(paper)
        title = _title_hash(paper)
        identity = _identity(paper)
        slot = next((held_keys[k] for k in keys if k in held_keys), None)
        if slot is None and title is not None and title in held_titles:
            candidate = held_titles[title]
            if not _conflict(held[candidate][3], identity):
                slot = candidate
        if slot is not None:
            kept, kept_keys, kept_titles, kept_identity = held[slot]
            merged = merge(kept, paper)
            new_keys = _strong_keys(merged) | keys
            for key in new_keys - kept_keys:
                held_keys[key] = slot
            if title is not None and title not in held_titles:
                held_titles[title] = slot
                kept_titles = kept_titles | {title}
            identity = kept_identity if merged.id == kept.id else _identity(merged)
            held[slot] = (merged, kept_keys | new_keys, kept_titles, identity)
            report.add_merge(paper.id, merged.id)
            continue
        if not keys.isdisjoint(written_keys) or (
            title is not None
            and (title in written_titles[1] or (identity == 0 and title in written_titles[0]))
        ):
            report.add_merge(paper.id, "a paper written earlier")
            continue
        titles: set[int] = set()
        if title is not None and title not in held_titles:
            held_titles[title] = next_slot
            titles.add(title)
        held[next_slot] = (paper, keys, titles, identity)
        for key in keys:
            held_keys[key] = next_slot
        next_slot += 1
        if len(held) > window:
            yield _release(held, held_keys, held_titles, written_keys, written_titles)
    while held:
        yield _release(held, held_keys, held_titles, written_keys, written_titles)


def _release(
    held: OrderedDict[int, tuple[Paper, set[int], set[int], int]],
    held_keys: dict[int, int],
    held_titles: dict[int, int],
    written_keys: set[int],
    written_titles: tuple[set[int], set[int]],
) -> Paper:
    slot, (paper, keys, titles, identity) = held.popitem(last=False)
    for key in keys:
        if held_keys.get(key) == slot:
            del held_keys[key]
        written_keys.add(key)
    for title in titles:
        del held_titles[title]
        written_titles[0 if identity else 1].add(title)
    return paper


def merge(kept: Paper, other: Paper) -> Paper:
    """``kept`` completed with ``other``: the longer abstract and author list, the earliest date,
    the union of links and categories; the id of ``kept`` unless only ``other`` has its own."""
    paper_id = other.id if not has_own_id(kept) and has_own_id(other) else kept.id
    return replace(
        kept,
        id=paper_id,
        title=kept.title or other.title,
        abstract=other.abstract if len(other.abstract) > len(kept.abstract) else kept.abstract,
        authors=other.authors if len(other.authors) > len(kept.authors) else kept.authors,
        published=_earliest(kept.published, other.published),
        url=kept.url or other.url,
        arxiv_id=kept.arxiv_id or other.arxiv_id,
        doi=kept.doi or other.doi,
        links=tuple(dict.fromkeys((*kept.links, *other.links))),
        categories=tuple(dict.fromkeys((*kept.categories, *other.categories))),
    )


def _earliest(a: date | None, b: date | None) -> date | None:
    if a is None or b is None:
        return a or b
    return min(a, b)
