"""An in-memory and a streamed build of the same corpus get the same communities: both run one
Louvain (kg.graph.communities.louvain) on the same links, numbered the same way."""

from __future__ import annotations

from pathlib import Path
from random import Random

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export.files import load_graph
from kg.export.stream import write_streamed
from kg.export.stream_links import add_links_and_communities
from kg.graph import assign_communities, build_graph, project
from kg.graph.communities import projection_links
from kg.graph.sparse_links import entity_link_weights, id_order, paper_links
from kg.model import Entity, EntityType, ExtractedPaper, Paper
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "daily-papers-sep-11.txt"
TYPES = [t for t in EntityType if t is not EntityType.CODE]  # code names are URLs


def communities(G: nx.DiGraph) -> tuple[dict[str, int], list[dict]]:
    return dict(G.nodes(data="community")), G.graph["communities"]


def test_the_example_gets_the_same_communities_in_memory_and_streamed(tmp_path):
    build([EXAMPLE], tmp_path / "memory")
    build([EXAMPLE], tmp_path / "streamed", stream_above=10)  # streamed above 10 papers
    assert not (tmp_path / "streamed" / "graph.graphml").exists()  # it was streamed
    in_memory, streamed = load_graph(tmp_path / "memory"), load_graph(tmp_path / "streamed")
    assert communities(streamed) == communities(in_memory)
    assert len(in_memory.graph["communities"]) >= 5


def corpus(seed: int, n_papers: int, n_names: int) -> list[ExtractedPaper]:
    """Papers mentioning a few of ``n_names`` names each (some in many papers, so that pairs of
    papers share up to a handful of entities), added in no particular id order."""
    rng = Random(seed)
    records = []
    for i in rng.sample(range(n_papers), n_papers):
        names = {(rng.choice(TYPES), f"name {int(rng.paretovariate(1.2)) % n_names}") for _ in range(rng.randint(0, 7))}
        entities = tuple(Entity(t, name) for t, name in sorted(names))
        records.append(ExtractedPaper(Paper(id=f"p{i:04d}", title=f"Paper {i}", abstract=""), entities))
    return records


@pytest.mark.parametrize(("seed", "n_papers", "n_names"), [(1, 60, 8), (2, 300, 40), (3, 800, 200)])
def test_random_corpora_get_the_same_communities_both_ways(tmp_path, seed, n_papers, n_names):
    records = corpus(seed, n_papers, n_names)
    G = build_graph(records)
    assign_communities(G, project(G), seed=seed)
    streamed = write_streamed(records, tmp_path)
    linked = add_links_and_communities(tmp_path, streamed.table, seed=seed)
    assert linked.communities == len(G.graph["communities"]) >= 2
    assert communities(load_graph(tmp_path)) == communities(G)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 40), st.integers(1, 12), st.integers(2, 30))
def test_the_projections_links_are_the_streamed_links_to_the_last_bit(seed, n_papers, n_names, limit):
    records = corpus(seed, n_papers, n_names)
    G = build_graph(records)
    papers, links = projection_links(project(G, max_paper_count=limit))
    rows: dict[str, int] = {}
    mentions, ends = [], []
    for record in records:
        mentions += [rows.setdefault(e.id, len(rows)) for e in record.entities]
        ends.append(len(mentions))
    kinds = {e.id: e.type.value for r in records for e in r.entities}
    weights = entity_link_weights([kinds[e] for e in rows], [G.in_degree(e) for e in rows], max_paper_count=limit)
    ids = [r.paper.node_id for r in records]
    streamed = paper_links(mentions, ends, weights, numbers=id_order(ids), chunk_pairs=7)
    assert papers == sorted(ids) and links.papers == streamed.papers
    assert np.array_equal(links.source, streamed.source) and np.array_equal(links.target, streamed.target)
    assert links.weight.tolist() == streamed.weight.tolist()
