"""Communities of papers (Louvain on the paper–paper projection), labelled by their entities."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import networkx as nx

from kg.graph.projection import MAX_PAPER_COUNT, PAPER, paper_nodes, papers_of, project
from kg.io import no_gc

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

    Louvain (:func:`networkx.community.louvain_communities`, seeded) on the projection ``P``
    (computed from ``G`` with ``type_weights`` and ``max_paper_count`` when not given).
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
        with no_gc():
            found = nx.community.louvain_communities(P, weight="weight", resolution=resolution, seed=seed)
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
