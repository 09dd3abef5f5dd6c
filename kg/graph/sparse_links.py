"""The paper–paper links of :func:`kg.graph.project` for a corpus too large for networkx.

Same definition (Adamic–Adar per entity type, :data:`~kg.graph.projection.TYPE_WEIGHTS`,
entities in more than ``max_paper_count`` papers left out: :func:`~kg.graph.projection.link_weight`),
computed with numpy from the compact mention rows a streamed build keeps (each paper's entity
row numbers, paper after paper; :meth:`kg.export.stream.EntityTable.mention_rows`). Papers are
taken in chunks: each chunk's pairs (one per shared entity) are sorted and summed into links, so
memory stays bounded by :data:`CHUNK_PAIRS` plus the links themselves (16 bytes a link).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kg.graph.projection import MAX_PAPER_COUNT, link_weight, merged_type_weights

#: Pairs (one per shared entity) sorted and summed at once: bounds the working memory (~40 bytes each).
CHUNK_PAIRS = 4_000_000


@dataclass(frozen=True, slots=True)
class Links:
    """Paper–paper links by paper number (see :func:`paper_links`): ``source < target``, sorted
    by (source, target); ``weight`` as :func:`kg.graph.project` computes it, to the last bit."""

    source: np.ndarray  # int32
    target: np.ndarray  # int32
    weight: np.ndarray  # float64
    papers: int  # number of papers, linked or not

    def __len__(self) -> int:
        return len(self.source)


def entity_link_weights(
    entity_types: Sequence[str],
    paper_counts: Sequence[int],
    *,
    type_weights: Mapping[str, float] | None = None,
    max_paper_count: int | None = MAX_PAPER_COUNT,
) -> np.ndarray:
    """What each entity (by row) adds to a link between two papers sharing it; 0 when it does not link."""
    weights = merged_type_weights(type_weights)
    result = np.zeros(len(entity_types), dtype=np.float64)
    for row, (entity_type, count) in enumerate(zip(entity_types, paper_counts, strict=True)):
        weight = link_weight(weights.get(entity_type, 0.0), count, max_paper_count)
        if weight is not None:
            result[row] = weight
    return result


def id_order(paper_ids: Sequence[str]) -> np.ndarray:
    """The place of each paper in id order (the order of :func:`kg.graph.project`'s papers)."""
    rank = np.empty(len(paper_ids), dtype=np.int32)
    rank[sorted(range(len(paper_ids)), key=paper_ids.__getitem__)] = np.arange(len(paper_ids), dtype=np.int32)
    return rank


def paper_links(
    mentions: Sequence[int],
    ends: Sequence[int],
    weights: np.ndarray,
    *,
    numbers: np.ndarray | None = None,
    chunk_pairs: int = CHUNK_PAIRS,
) -> Links:
    """The links between papers whose entity rows are ``mentions`` (paper after paper, paper
    ``i``'s ending at ``ends[i]``), entities weighted by ``weights`` (:func:`entity_link_weights`).
    Papers are numbered by their position, or by ``numbers[position]`` (a permutation, such as
    :func:`id_order`: links then come in the order of the in-memory projection's)."""
    rows = np.asarray(mentions, dtype=np.int64)
    bounds = np.asarray(ends, dtype=np.int64)
    n_papers = len(bounds)
    paper_of = np.repeat(np.arange(n_papers, dtype=np.int32), np.diff(bounds, prepend=0))
    linking = weights[rows] > 0
    rows, paper_of = rows[linking], paper_of[linking]
    if numbers is not None:
        paper_of = np.asarray(numbers, dtype=np.int32)[paper_of]
        by_number = np.argsort(paper_of, kind="stable")
        rows, paper_of = rows[by_number], paper_of[by_number]
        del by_number
    # each linking entity's papers, ascending (mentions come paper after paper; the sort is stable)
    by_entity = np.argsort(rows, kind="stable")
    members = paper_of[by_entity]
    entity_end = np.cumsum(np.bincount(rows, minlength=len(weights)))
    place = np.empty(len(rows), dtype=np.int64)  # where each mention's paper is in its entity's papers
    place[by_entity] = np.arange(len(rows))
    later = entity_end[rows] - place - 1  # papers after this one sharing the entity
    del by_entity
    per_paper = np.bincount(paper_of, weights=later, minlength=n_papers).cumsum()
    cuts = np.unique(np.searchsorted(per_paper, np.arange(chunk_pairs, per_paper[-1] if n_papers else 0, chunk_pairs), side="right"))
    sources, targets, sums = [], [], []
    for first, last in zip(np.r_[0, cuts], np.r_[cuts, n_papers]):
        lo, hi = np.searchsorted(paper_of, [first, last])
        count = later[lo:hi]
        total = int(count.sum())
        if not total:
            continue
        offset = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        source = np.repeat(paper_of[lo:hi], count).astype(np.int64)
        target = members[np.repeat(place[lo:hi] + 1, count) + offset]
        weight = np.repeat(weights[rows[lo:hi]], count)
        key = source * n_papers + target
        order = np.argsort(key, kind="stable")
        key, weight = key[order], weight[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        sums.append(_fsum_segments(weight, starts))
        sources.append((key[starts] // n_papers).astype(np.int32))
        targets.append((key[starts] % n_papers).astype(np.int32))
    if not sums:
        empty = np.zeros(0, dtype=np.int32)
        return Links(empty, empty.copy(), np.zeros(0, dtype=np.float64), n_papers)
    return Links(np.concatenate(sources), np.concatenate(targets), np.concatenate(sums), n_papers)


def _fsum_segments(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The sum of each run of ``values`` from one start to the next, correctly rounded as
    :func:`math.fsum` (and :func:`kg.graph.project`) sums it, whatever the order of the run:
    one or two values need no more than numpy's addition; longer runs, rare, get :func:`math.fsum`."""
    sums = np.add.reduceat(values, starts)
    lengths = np.diff(np.r_[starts, len(values)])
    for i in np.flatnonzero(lengths > 2).tolist():
        sums[i] = math.fsum(values[starts[i] : starts[i] + lengths[i]].tolist())
    return sums
