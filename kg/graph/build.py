"""Build the paper–entity graph from extracted papers (networkx, plain attributes).

Node ids are the stable typed strings of :mod:`kg.model` (``paper:arxiv:2101.00001``,
``dataset:cifar10``); the Neo4j and HTML exporters use the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.model import Entity, EntityType, ExtractedPaper, Paper

PAPER = "Paper"

#: Relationship type of the edge from a paper to an entity of each type.
RELATIONS: dict[EntityType, str] = {
    EntityType.DATASET: "EVALUATES_ON",
    EntityType.METRIC: "MEASURES",
    EntityType.TASK: "ADDRESSES",
    EntityType.CODE: "HAS_CODE",
}
PROPOSES, USES = "PROPOSES", "USES"


def relation(entity: Entity) -> str:
    """The edge type from a paper to ``entity``: PROPOSES/USES for methods, else per type."""
    if entity.type is EntityType.METHOD:
        return PROPOSES if entity.proposed else USES
    return RELATIONS[entity.type]


def paper_attributes(paper: Paper) -> dict:
    """Node attributes of a paper (lists kept as lists; file exporters flatten them)."""
    return {
        "kind": PAPER,
        "label": paper.title,
        "paper_id": paper.id,
        "title": paper.title,
        "abstract": paper.abstract,
        "authors": list(paper.authors),
        "published": paper.published.isoformat() if paper.published else None,
        "url": paper.url,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "source": paper.source,
        "categories": list(paper.categories),
    }


def add_paper(G: nx.DiGraph, extracted: ExtractedPaper) -> None:
    """Add one paper, its entities and its edges to ``G`` (replacing the paper's old edges)."""
    paper = extracted.paper
    pid = paper.node_id
    if pid in G:
        G.remove_edges_from(list(G.out_edges(pid)))
    G.add_node(pid, **paper_attributes(paper))
    for entity in extracted.entities:
        eid = entity.id
        if eid not in G:
            G.add_node(
                eid,
                kind=entity.type.label,
                label=entity.name,
                name=entity.name,
                entity_type=entity.type.value,
                aliases=[],
                paper_count=0,
            )
            if entity.kind is not None:
                G.nodes[eid]["link_type"] = entity.kind
        node = G.nodes[eid]
        for alias in (entity.name, *entity.aliases):
            if alias != node["name"] and alias not in node["aliases"]:
                node["aliases"].append(alias)
        evidence = entity.evidence
        G.add_edge(
            pid,
            eid,
            type=relation(entity),
            evidence=evidence.sentence if evidence else None,
            field=evidence.field.value if evidence else None,
            start=evidence.start if evidence else None,
            end=evidence.end if evidence else None,
            confidence=entity.confidence,
            rule=entity.rule,
        )


def refresh_counts(G: nx.DiGraph) -> None:
    """Recompute derived entity attributes (``paper_count``, ``first_seen``: earliest date) and
    drop entities no paper mentions any more (after a paper was re-added with other entities)."""
    orphans = []
    for node, data in G.nodes(data=True):
        if data["kind"] == PAPER:
            continue
        papers = list(G.pred[node])
        if not papers:
            orphans.append(node)
            continue
        data["paper_count"] = len(papers)
        dates = [G.nodes[p]["published"] for p in papers if G.nodes[p].get("published")]
        data["first_seen"] = min(dates) if dates else None
    G.remove_nodes_from(orphans)


def build_graph(papers: Iterable[ExtractedPaper], G: nx.DiGraph | None = None) -> nx.DiGraph:
    """Build (or extend ``G`` with) the directed paper→entity graph.

    Re-adding a paper already in ``G`` replaces its edges, so updates never duplicate.
    """
    G = nx.DiGraph() if G is None else G
    for extracted in papers:
        add_paper(G, extracted)
    refresh_counts(G)
    return G
