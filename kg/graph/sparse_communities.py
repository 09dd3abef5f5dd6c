"""Communities of a corpus too large for networkx, from :class:`Links` held as arrays.

The partition is :func:`kg.graph.communities.louvain`'s (igraph, in C, seeded), the function
:func:`kg.graph.assign_communities` calls on the same links in memory, so both builds find the
same communities. They are then numbered and described by the functions ``assign_communities``
uses (:func:`number_communities`, :func:`rank_characteristic`, :func:`describe_community`), and
entities get the community most of their papers are in (ties: the smaller id), as in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kg.graph.communities import NO_COMMUNITY, SEED, describe_community, louvain, number_communities, rank_characteristic
from kg.graph.sparse_links import Links, id_order


@dataclass(frozen=True, slots=True)
class SparseCommunities:
    """Community of every paper (by position) and entity (by row), and their descriptions
    (``{"id", "label", "size", "top_entities"}``, as ``G.graph["communities"]``)."""

    paper: np.ndarray  # int32, NO_COMMUNITY for papers in no community
    entity: np.ndarray  # int32
    communities: list[dict[str, Any]]


def sparse_communities(
    links: Links,
    paper_ids: Sequence[str],
    mentions: Sequence[int],
    ends: Sequence[int],
    entities: Sequence[tuple[str, str, str, int]],
    *,
    seed: int | None = SEED,
    resolution: float = 1.0,
    min_size: int = 2,
) -> SparseCommunities:
    """Communities of the papers ``paper_ids`` (by position) linked by ``links`` (papers numbered
    by :func:`~kg.graph.sparse_links.id_order`, as the in-memory projection orders them, so that
    communities do not depend on the order papers came in); ``mentions`` and
    ``ends`` are their entity rows (:meth:`kg.export.stream.EntityTable.mention_rows`) and
    ``entities`` the ``(id, name, entity_type, paper_count)`` of each row."""
    n_papers = len(paper_ids)
    paper = _numbered(louvain(links, seed=seed, resolution=resolution)[id_order(paper_ids)], paper_ids, min_size)
    rows = np.asarray(mentions, dtype=np.int64)
    paper_of = np.repeat(np.arange(n_papers), np.diff(np.asarray(ends, dtype=np.int64), prepend=0))
    community_of = paper[paper_of]
    inside = community_of != NO_COMMUNITY
    rows, community_of = rows[inside], community_of[inside].astype(np.int64)
    n_communities = int(paper.max()) + 1 if n_papers else 0
    sizes = np.bincount(paper[paper != NO_COMMUNITY], minlength=n_communities)

    # (entity, community) -> papers: each entity goes to its most frequent community, ties the smaller id
    pairs, votes = np.unique(rows * max(n_communities, 1) + community_of, return_counts=True)
    voter, voted = pairs // max(n_communities, 1), pairs % max(n_communities, 1)
    best = np.lexsort((voted, -votes, voter))
    first = best[np.r_[True, voter[best][1:] != voter[best][:-1]]] if len(best) else best
    entity = np.full(len(entities), NO_COMMUNITY, dtype=np.int32)
    entity[voter[first]] = voted[first]

    ids = [e[0] for e in entities]
    counts = {e[0]: e[3] for e in entities}
    names = {e[0]: e[1] for e in entities}
    by_community = np.lexsort((voter, voted))
    voter, voted, votes = voter[by_community], voted[by_community], votes[by_community]
    ends_at = np.searchsorted(voted, np.arange(n_communities), side="right")
    communities, start = [], 0
    for i, end in enumerate(ends_at):
        size = int(sizes[i])
        chosen = votes[start:end] >= (2 if size >= 2 else 1)  # rank_characteristic's own rule, applied early
        group = {ids[row]: int(n) for row, n in zip(voter[start:end][chosen], votes[start:end][chosen], strict=True)}
        ranked = rank_characteristic(group, size, n_papers, counts.__getitem__)
        communities.append(describe_community(i, size, ranked, names.__getitem__))
        start = end
    return SparseCommunities(paper.astype(np.int32), entity, communities)


def _numbered(labels: np.ndarray, paper_ids: Sequence[str], min_size: int) -> np.ndarray:
    """Louvain's labels renumbered as :func:`number_communities` numbers communities
    (largest first, ties: smallest paper id); NO_COMMUNITY for groups under ``min_size``."""
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    found = {}
    for members in np.split(order, cuts):
        if len(members) >= min_size:
            group = [paper_ids[p] for p in members]
            found[min(group)] = (int(labels[members[0]]), group)
    renumber = np.full(int(labels.max()) + 1 if len(labels) else 0, NO_COMMUNITY, dtype=np.int64)
    for i, group in enumerate(number_communities((g for _, g in found.values()), min_size)):
        renumber[found[group[0]][0]] = i
    return renumber[labels] if len(labels) else labels
