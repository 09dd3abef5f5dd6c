"""Questions a researcher asks of the paper–entity graph: what is common, what is central,
what goes together, what grows over time, how two papers connect, and how big it all is."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
from networkx.algorithms import bipartite

from kg.errors import KgError
from kg.graph.projection import PAPER, entity_nodes, paper_nodes, papers_of
from kg.graph.related import find_paper
from kg.model import EntityType

#: Above this many nodes, betweenness is estimated from a seeded sample of this many sources.
CENTRALITY_SAMPLE = 500


@dataclass(frozen=True, slots=True)
class EntityScore:
    """An entity and a score (paper count or centrality)."""

    entity: str  # node id
    name: str
    type: str
    paper_count: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "type": self.type,
            "paper_count": self.paper_count,
            "score": round(self.score, 6),
        }


def top_entities(
    G: nx.DiGraph,
    entity_type: EntityType | str | None = None,
    n: int | None = 10,
    *,
    by: Literal["papers", "centrality"] = "papers",
    seed: int = 0,
) -> list[EntityScore]:
    """The ``n`` top entities (of one type, or all), by paper count or by centrality.

    ``by="papers"`` counts the papers that mention each entity; ``by="centrality"`` uses
    :func:`entity_centrality`, which favours entities that bridge otherwise separate groups of
    papers. Ties are broken by paper count, then node id.
    """
    wanted = None if entity_type is None else EntityType(entity_type).value
    nodes = entity_nodes(G, wanted)
    if by == "papers":
        scores: dict[str, float] = {e: float(len(papers_of(G, e))) for e in nodes}
    elif by == "centrality":
        centrality = entity_centrality(G, seed=seed)
        scores = {e: centrality[e] for e in nodes}
    else:
        raise ValueError(f"by must be 'papers' or 'centrality', not {by!r}")
    ranked = sorted(nodes, key=lambda e: (-scores[e], -len(papers_of(G, e)), e))
    return [_score(G, e, scores[e]) for e in (ranked if n is None else ranked[:n])]


def entity_centrality(G: nx.DiGraph, *, seed: int = 0, sample: int = CENTRALITY_SAMPLE) -> dict[str, float]:
    """Betweenness centrality of every entity in the undirected paper–entity graph.

    An entity scores high when many shortest paths between papers go through it: it ties
    together papers that would otherwise be far apart. Exact up to ``sample`` nodes, estimated
    from ``sample`` seeded sources above that (:func:`networkx.betweenness_centrality`).
    """
    U = G.to_undirected(as_view=True)
    k = sample if U.number_of_nodes() > sample else None
    centrality = nx.betweenness_centrality(U, k=k, normalized=True, seed=seed)
    return {e: centrality[e] for e in entity_nodes(G)}


def cooccurrence_graph(
    G: nx.DiGraph, entity_types: Iterable[EntityType | str] | None = None, *, min_papers: int = 1
) -> nx.Graph:
    """Entities linked when papers mention them together (``weight``: how many papers).

    Built with :func:`networkx.bipartite.weighted_projected_graph` on the entities (of
    ``entity_types``, default all); edges in fewer than ``min_papers`` papers are dropped.
    Nodes keep the entity attributes.
    """
    wanted = None if entity_types is None else {EntityType(t).value for t in entity_types}
    entities = [e for e in entity_nodes(G) if wanted is None or G.nodes[e]["entity_type"] in wanted]
    B = G.subgraph([*paper_nodes(G), *entities]).to_undirected(as_view=True)
    C = bipartite.weighted_projected_graph(B, entities)
    C.remove_edges_from([(u, v) for u, v, w in C.edges(data="weight") if w < min_papers])
    return C


def entity_timeline(
    G: nx.DiGraph,
    entities: Iterable[str] | None = None,
    *,
    period: Literal["day", "month", "year"] = "month",
) -> dict[str, dict[str, int]]:
    """How many papers mention each entity per period (``"2023-09"``), from paper dates.

    Papers without a date are left out. Returns ``{entity node id: {period: count}}`` with
    periods in order; entities (default: all) mentioned by no dated paper map to ``{}``.
    """
    width = {"day": 10, "month": 7, "year": 4}.get(period)
    if width is None:
        raise ValueError(f"period must be 'day', 'month' or 'year', not {period!r}")
    timeline: dict[str, dict[str, int]] = {}
    for entity in entity_nodes(G) if entities is None else entities:
        counts = Counter(
            published[:width]
            for p in papers_of(G, entity)
            if (published := G.nodes[p].get("published"))
        )
        timeline[entity] = dict(sorted(counts.items()))
    return timeline


def explanation_path(G: nx.DiGraph, source: str, target: str) -> list[str]:
    """The shortest chain paper, entity, paper, ..., entity, paper linking two papers.

    ``source`` and ``target`` are node ids, paper ids or titles (:func:`~kg.graph.find_paper`).
    Among the chains with fewest steps, the one through the rarest entities wins (each step
    costs 1 plus a tie-breaker growing with the entity's paper count, too small to ever make a
    longer chain win), so a dataset two papers share beats "accuracy".
    Raises :class:`~kg.errors.KgError` when the papers are not connected.
    """
    start, end = find_paper(G, source), find_paper(G, target)
    U = G.to_undirected(as_view=True)
    size = U.number_of_nodes() + 1
    counts = {e: len(papers_of(G, e)) for e in entity_nodes(G)}

    def cost(u: str, v: str, _: dict) -> float:
        entity = v if v in counts else u
        # < 1/size per step: the tie-breakers of a whole chain never add up to one step
        return 1 + math.log(counts[entity]) / (math.log(size) * size)

    try:
        return nx.shortest_path(U, start, end, weight=cost)
    except nx.NetworkXNoPath:
        raise KgError(f"{start} and {end} share no chain of entities") from None


def summary(G: nx.DiGraph) -> dict[str, Any]:
    """Counts that describe the graph, JSON-ready: papers, entities and mentions per type,
    papers without entities, dated papers and their range, connected components, communities."""
    papers = paper_nodes(G)
    dates = sorted(d for p in papers if (d := G.nodes[p].get("published")))
    entities = Counter(G.nodes[e]["entity_type"] for e in entity_nodes(G))
    relations = Counter(t for _, _, t in G.edges(data="type"))
    components = list(nx.connected_components(G.to_undirected(as_view=True)))
    return {
        "papers": len(papers),
        "entities": sum(entities.values()),
        "entities_by_type": {t.value: entities.get(t.value, 0) for t in EntityType},
        "mentions": G.number_of_edges(),
        "mentions_by_relation": dict(sorted(relations.items())),
        "papers_without_entities": sum(1 for p in papers if G.out_degree(p) == 0),
        "dated_papers": len(dates),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "components": len(components),
        "largest_component_papers": max(
            (sum(1 for n in c if G.nodes[n].get("kind") == PAPER) for c in components), default=0
        ),
        "communities": len(G.graph.get("communities", [])),
    }


def _score(G: nx.DiGraph, entity: str, score: float) -> EntityScore:
    data = G.nodes[entity]
    return EntityScore(entity, data.get("name", entity), data.get("entity_type", ""), len(papers_of(G, entity)), score)
