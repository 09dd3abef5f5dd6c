"""Link papers through the entities they share: the weighted paper–paper projection.

Two papers are linked when they share at least one *linking* entity. The link's weight is the
sum, over the shared entities, of ``type_weight[type] / log(paper_count)``: the Adamic–Adar
index of the two papers in the paper–entity graph, with a weight per entity type.

Why Adamic–Adar rather than an IDF ``log(N / paper_count)``: it rewards rare entities just as
well (a dataset shared by 2 papers counts 1.44, ``Transformer`` shared by 30 counts 0.29) but
does not depend on the corpus size ``N``, so adding unrelated papers in an update leaves
existing links unchanged, and scores stay comparable between corpora.

Entities in more than ``max_paper_count`` papers (default 100) do not link papers: they say
little about any one pair (weight < 0.22) yet would add ``n²/2`` links each, the difference
between 2.6 million links and 30 million at 100,000 papers (``benchmarks/graph.py``). They
stay in the paper–entity graph and in every statistic; only the projection skips them.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping

import networkx as nx

from kg.io import no_gc
from kg.model import EntityType

PAPER = "Paper"

#: Default weight of each entity type in a link: metrics ("accuracy", "F1") say less about
#: what two papers have in common than the methods, datasets and tasks they share.
TYPE_WEIGHTS: dict[str, float] = {
    EntityType.METHOD.value: 1.0,
    EntityType.DATASET.value: 1.0,
    EntityType.TASK.value: 1.0,
    EntityType.METRIC.value: 0.5,
    EntityType.CODE.value: 1.0,
}

#: Entities in more papers than this do not link papers (see the module docstring).
MAX_PAPER_COUNT = 100


def paper_nodes(G: nx.Graph) -> list[str]:
    """The paper nodes of ``G`` (``kind == "Paper"``), sorted by node id."""
    return sorted(n for n, kind in G.nodes(data="kind") if kind == PAPER)


def entity_nodes(G: nx.Graph, entity_type: str | None = None) -> list[str]:
    """The entity nodes of ``G``, optionally of one type (``"dataset"``), sorted by node id."""
    return sorted(
        n
        for n, data in G.nodes(data=True)
        if data.get("kind") != PAPER and (entity_type is None or data.get("entity_type") == entity_type)
    )


def papers_of(G: nx.Graph, entity: str) -> Iterable[str]:
    """The papers that mention ``entity`` (its predecessors in the paper→entity graph)."""
    return G.pred[entity] if G.is_directed() else G.adj[entity]


def entity_weights(
    G: nx.Graph,
    entities: Iterable[str] | None = None,
    *,
    type_weights: Mapping[str, float] | None = None,
    max_paper_count: int | None = MAX_PAPER_COUNT,
) -> dict[str, float]:
    """The weight each *linking* entity adds to a link between two papers that share it.

    ``type_weights[type] / log(paper_count)`` for entities in 2 to ``max_paper_count`` papers
    (``None``: no limit) whose type weight is positive; other entities are left out.
    ``entities`` limits the result to those nodes (default: every entity of ``G``).
    """
    weights = merged_type_weights(type_weights)
    result: dict[str, float] = {}
    for node in G if entities is None else entities:
        data = G.nodes[node]
        if data.get("kind") == PAPER:
            continue
        weight = link_weight(weights.get(data.get("entity_type", ""), 0.0), len(papers_of(G, node)), max_paper_count)
        if weight is not None:
            result[node] = weight
    return result


def merged_type_weights(type_weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """:data:`TYPE_WEIGHTS` with ``type_weights`` merged over it."""
    return TYPE_WEIGHTS if type_weights is None else {**TYPE_WEIGHTS, **type_weights}


def link_weight(type_weight: float, count: int, max_paper_count: int | None = MAX_PAPER_COUNT) -> float | None:
    """What an entity of ``type_weight`` in ``count`` papers adds to a link, or None when it
    does not link papers (in fewer than 2 or more than ``max_paper_count`` papers, weight 0)."""
    if count < 2 or type_weight <= 0 or (max_paper_count is not None and count > max_paper_count):
        return None
    return type_weight / math.log(count)


def project(
    G: nx.Graph,
    *,
    type_weights: Mapping[str, float] | None = None,
    max_paper_count: int | None = MAX_PAPER_COUNT,
) -> nx.Graph:
    """The paper–paper graph of ``G``: papers linked through the entities they share.

    Parameters
    ----------
    G : networkx.DiGraph
        The paper→entity graph of :func:`kg.graph.build_graph`.
    type_weights : mapping, optional
        Weight per entity type, merged over :data:`TYPE_WEIGHTS`; 0 leaves a type out.
    max_paper_count : int or None
        Entities in more papers than this do not link papers (see the module docstring).

    Returns
    -------
    networkx.Graph
        Every paper node of ``G`` (a shallow copy of its attributes; sorted by id) and an edge
        between each pair of papers sharing a linking entity, with ``weight`` (the sum of the
        shared entities' :func:`entity_weights`) and ``shared`` (their node ids, largest
        contribution first, then by id). No self-loops.

    Notes
    -----
    The result equals ``networkx.bipartite.generic_weighted_projected_graph`` with a weight
    function summing :func:`entity_weights` over common neighbours (``tests/test_graph_projection.py``
    checks this), but is computed in one pass per paper: networkx evaluates the weight function
    once per ordered pair, twice per link, and has no place to record the shared entities.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["paper:a", "paper:b"], kind="Paper")
    >>> G.add_node("dataset:voxceleb", kind="Dataset", entity_type="dataset")
    >>> G.add_edges_from([("paper:a", "dataset:voxceleb"), ("paper:b", "dataset:voxceleb")])
    >>> P = project(G)
    >>> P.edges["paper:a", "paper:b"]["shared"]
    ['dataset:voxceleb']
    >>> round(P.edges["paper:a", "paper:b"]["weight"], 3)
    1.443
    """
    weights = entity_weights(G, type_weights=type_weights, max_paper_count=max_paper_count)
    papers = paper_nodes(G)
    P = nx.Graph()
    P.graph.update(projection_of=G.graph.get("name", ""))
    P.add_nodes_from((p, G.nodes[p]) for p in papers)
    members = {e: sorted(papers_of(G, e)) for e in weights}
    with no_gc():
        P.add_edges_from(_links(G, papers, weights, members))
    return P


def _links(
    G: nx.Graph, papers: list[str], weights: dict[str, float], members: dict[str, list[str]]
) -> Iterator[tuple[str, str, dict]]:
    """Yield ``(u, v, {"weight", "shared"})`` for ``u < v``, one paper ``u`` at a time."""
    for u in papers:
        shared: dict[str, list[str]] = {}
        for entity in G.adj[u]:
            if entity not in weights:
                continue
            others = members[entity]
            for v in others[bisect_right(others, u) :]:
                entities = shared.get(v)
                if entities is None:
                    shared[v] = [entity]
                else:
                    entities.append(entity)
        for v in sorted(shared):
            entities = shared[v]
            if len(entities) == 1:
                weight = weights[entities[0]]
            else:
                entities.sort(key=lambda e: (-weights[e], e))
                # summed in a fixed order so weights do not depend on adjacency order
                weight = math.fsum(weights[e] for e in entities)
            yield u, v, {"weight": weight, "shared": entities}
