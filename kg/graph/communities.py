"""Communities of papers (Louvain on the paper–paper projection), labelled by their entities.

In-memory and streamed builds (:mod:`kg.graph.sparse_communities`) find them with the same
function, :func:`louvain` (igraph's, in C, seeded) on the same links, numbered the same way
(papers in id order): the same corpus gets the same communities whichever way it is built.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from typing import Any

import networkx as nx
import numpy as np

from kg.graph.projection import MAX_PAPER_COUNT, PAPER, paper_nodes, papers_of, project
from kg.graph.sparse_links import Links

#: The default Louvain seed: the same graph always gets the same communities.
SEED = 42
#: ``community`` of a paper in no community (linked to too few papers), and of its entities.
NO_COMMUNITY = -1
#: How many entities describe a community (``top_entities``); the label names the first three.
TOP_ENTITIES = 5
LABEL_ENTITIES = 3


def assign_communities(
    G: nx.DiGraph,
    P: nx.Graph | None = None,
    *,
    seed: int | None = SEED,
    resolution: float = 1.0,
    min_size: int = 2,
    type_weights: Mapping[str, float] | None = None,
    max_paper_count: int | None = MAX_PAPER_COUNT,
    found: Iterable[Iterable[str]] | None = None,
) -> list[dict[str, Any]]:
    """Find communities of papers, record them on ``G`` and return their descriptions.

    Louvain (:func:`louvain`, seeded) on the projection ``P`` (computed from ``G`` with
    ``type_weights`` and ``max_paper_count`` when not given), its ``weight`` on every link.
    Communities are numbered 0, 1, ... from the largest (ties: smallest paper id), so ids are
    stable across runs. Sets node attribute ``community`` on every paper (``-1`` for papers in
    communities smaller than ``min_size``) and on every entity (the community most of its papers
    are in; ties go to the smaller id), and ``G.graph["communities"]``: a list of
    ``{"id", "label", "size", "top_entities"}``, ``top_entities`` being the node ids of the
    entities most characteristic of the community (see :func:`characteristic_entities`).
    ``found`` gives the communities (sets of paper ids) instead of Louvain: numbered and
    described the same way.
    """
    if found is None:
        if P is None:
            P = project(G, type_weights=type_weights, max_paper_count=max_paper_count)
        papers, links = projection_links(P)
        labels = louvain(links, seed=seed, resolution=resolution).tolist()
        grouped: dict[int, list[str]] = {}
        for paper, label in zip(papers, labels, strict=True):
            grouped.setdefault(label, []).append(paper)
        found = grouped.values()
    groups = number_communities(found, min_size)
    membership = {p: i for i, group in enumerate(groups) for p in group}
    for paper in paper_nodes(G):
        G.nodes[paper]["community"] = membership.get(paper, NO_COMMUNITY)
    for node, data in G.nodes(data=True):
        if data.get("kind") != PAPER:
            votes = Counter(membership[p] for p in papers_of(G, node) if p in membership)
            data["community"] = min(votes, key=lambda c: (-votes[c], c)) if votes else NO_COMMUNITY
    communities = [
        describe_community(i, len(group), characteristic_entities(G, group), lambda e: G.nodes[e].get("name", e))
        for i, group in enumerate(groups)
    ]
    G.graph["communities"] = communities
    return communities


def louvain(links: Links, *, seed: int | None = SEED, resolution: float = 1.0) -> np.ndarray:
    """A Louvain partition of the linked papers (igraph's multilevel, seeded): a label per paper
    number. What it finds depends on the numbering and the order of the links, so both kinds of
    build give it papers in id order and links sorted (:func:`projection_links`, :mod:`kg.graph.sparse_links`)."""
    import igraph

    # a numpy array is read row by row: no Python list of every link (130 bytes each)
    graph = igraph.Graph(n=links.papers, edges=np.column_stack((links.source, links.target)))
    igraph.set_random_number_generator(random.Random(seed))
    try:
        found = graph.community_multilevel(weights=links.weight, resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)
    return np.asarray(found.membership, dtype=np.int64)


def projection_links(P: nx.Graph) -> tuple[list[str], Links]:
    """The papers of a projection (:func:`kg.graph.project`) in id order, and its links by their
    numbers there as :func:`kg.graph.sparse_links.paper_links` gives them (``source < target``,
    sorted; ``weight``, 1 where missing)."""
    papers = sorted(P)
    number = {p: i for i, p in enumerate(papers)}
    m = P.number_of_edges()
    ends = np.fromiter(chain.from_iterable((number[u], number[v]) for u, v in P.edges()), dtype=np.int64, count=2 * m)
    weight = np.fromiter((w for _, _, w in P.edges(data="weight", default=1.0)), dtype=np.float64, count=m)
    ends = ends.reshape(m, 2)
    source, target = ends.min(axis=1), ends.max(axis=1)
    order = np.lexsort((target, source))
    return papers, Links(source[order].astype(np.int32), target[order].astype(np.int32), weight[order], len(papers))


def number_communities(found: Iterable[Iterable[str]], min_size: int = 2) -> list[list[str]]:
    """The communities of at least ``min_size`` papers, each sorted, numbered (listed) from the
    largest (ties: smallest paper id), so ids are stable across runs."""
    return sorted((sorted(c) for c in found if len(c) >= min_size), key=lambda c: (-len(c), c[0]))


def describe_community(i: int, size: int, ranked: list[str], name: Callable[[str], str]) -> dict[str, Any]:
    """The description of community ``i``: ``{"id", "label", "size", "top_entities"}`` from its
    entities ranked by :func:`characteristic_entities` and their names."""
    top = ranked[:TOP_ENTITIES]
    label = ", ".join(name(e) for e in top[:LABEL_ENTITIES]) or f"community {i}"
    return {"id": i, "label": label, "size": size, "top_entities": top}


def characteristic_entities(G: nx.DiGraph, papers: list[str]) -> list[str]:
    """Entities of ``papers`` ranked by how characteristic they are of that group, best first.

    Score ``(n_in / size) * log(N / n)`` (the c-TF-IDF of topic models): the share of the group's
    papers that mention the entity, times how rare it is in the whole corpus of ``N`` papers
    (``n`` papers mention it). In groups of two papers or more an entity must appear in at least
    two of them, so a label names what links the group, not one paper's detail.
    """
    total = sum(1 for _, kind in G.nodes(data="kind") if kind == PAPER)
    inside = Counter(e for p in papers for e in G.adj[p])
    return rank_characteristic(inside, len(papers), total, lambda e: len(papers_of(G, e)))


def rank_characteristic(inside: Mapping[str, int], size: int, total: int, paper_count: Callable[[str], int]) -> list[str]:
    """:func:`characteristic_entities` from counts: ``inside[e]`` papers of a group of ``size``
    mention ``e``, ``paper_count(e)`` of the ``total`` papers of the corpus do."""
    needed = 2 if size >= 2 else 1
    scores = {e: (n / size) * math.log(total / paper_count(e)) for e, n in inside.items() if n >= needed}
    return sorted((e for e, s in scores.items() if s > 0), key=lambda e: (-scores[e], e))
