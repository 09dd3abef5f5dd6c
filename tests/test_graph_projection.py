"""The paper–paper projection: weights, explanations, limits, and agreement with networkx."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from networkx.algorithms import bipartite

from kg.export.files import read_extracted
from kg.graph import build_graph, entity_weights, project

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return build_graph(read_extracted(DATA / "graph" / "papers.jsonl"))


@pytest.fixture(scope="module")
def gold() -> nx.DiGraph:
    return build_graph(read_extracted(DATA / "gold" / "daily-papers-sep-11.gold.jsonl"))


def networkx_projection(G: nx.DiGraph, **options) -> nx.Graph:
    """The reference: networkx's generic weighted projection with our per-entity weights."""
    weights = entity_weights(G, **options)
    B = G.subgraph([n for n, kind in G.nodes(data="kind") if kind == "Paper" or n in weights])
    B = B.to_undirected(as_view=True)

    def weight(B: nx.Graph, u: str, v: str) -> float:
        return math.fsum(sorted(weights[e] for e in B[u].keys() & B[v].keys()))

    papers = [n for n, kind in G.nodes(data="kind") if kind == "Paper"]
    return bipartite.generic_weighted_projected_graph(B, papers, weight_function=weight)


def assert_same_projection(P: nx.Graph, Q: nx.Graph) -> None:
    assert set(P) == set(Q)
    assert {frozenset(e) for e in P.edges} == {frozenset(e) for e in Q.edges}
    for u, v, w in Q.edges(data="weight"):
        assert P.edges[u, v]["weight"] == pytest.approx(w, rel=1e-12)


def test_weight_is_adamic_adar_per_type(G):
    weights = entity_weights(G)
    assert weights["dataset:voxceleb"] == pytest.approx(1 / math.log(2))
    assert weights["method:grokking"] == pytest.approx(1 / math.log(3))
    assert "method:softmaxcollapse" not in weights  # in one paper: links nothing
    assert entity_weights(G, type_weights={"dataset": 0.25})["dataset:voxceleb"] == pytest.approx(0.25 / math.log(2))


def test_a_rare_shared_entity_weighs_more_than_a_common_one(G):
    P = project(G)
    rare = P.edges["paper:ecapa-tdnn", "paper:efficient-tdnn"]  # VoxCeleb and TDNN, 2 papers each
    common = P.edges["paper:deep-networks-always-grok", "paper:grokking-lazy-to-rich"]  # grokking, 3 papers
    assert rare["weight"] > common["weight"]
    assert rare["weight"] == pytest.approx(2 / math.log(2))


def test_edges_explain_themselves_with_the_shared_entities(G):
    P = project(G)
    assert P.edges["paper:tfmq-dm", "paper:temporal-feature-matters"]["shared"] == [
        "method:diffusionmodel",
        "method:posttrainingquantization",
        "task:imagegeneration",
    ]
    for u, v, shared in P.edges(data="shared"):
        assert shared and all(e in G.adj[u] and e in G.adj[v] for e in shared)
        assert [entity_weights(G)[e] for e in shared] == sorted((entity_weights(G)[e] for e in shared), reverse=True)


def test_every_paper_is_a_node_and_none_links_to_itself(G):
    P = project(G)
    assert sorted(P) == sorted(n for n, kind in G.nodes(data="kind") if kind == "Paper")
    assert nx.number_of_selfloops(P) == 0
    assert P.degree("paper:bci-eeg-augmented-covariance") == 0  # no entities, no links
    assert P.nodes["paper:ecapa-tdnn"]["title"].startswith("ECAPA-TDNN")


def test_entities_in_too_many_papers_do_not_link(G):
    P = project(G, max_paper_count=2)
    assert not P.has_edge("paper:deep-networks-always-grok", "paper:grokking-lazy-to-rich")
    assert P.has_edge("paper:ecapa-tdnn", "paper:efficient-tdnn")
    assert project(G, max_paper_count=None).number_of_edges() == project(G).number_of_edges()


def test_a_type_weighted_zero_links_nothing(G):
    P = project(G, type_weights={"method": 0})
    assert P.edges["paper:ecapa-tdnn", "paper:efficient-tdnn"]["shared"] == ["dataset:voxceleb"]
    assert not P.has_edge("paper:deep-networks-always-grok", "paper:grokking-lazy-to-rich")


def test_same_result_as_networkx_generic_projection(G, gold):
    assert_same_projection(project(G), networkx_projection(G))
    assert_same_projection(project(gold), networkx_projection(gold))
    assert_same_projection(project(gold, max_paper_count=4), networkx_projection(gold, max_paper_count=4))


def test_the_same_graph_in_another_order_projects_identically(gold):
    papers = list(read_extracted(DATA / "gold" / "daily-papers-sep-11.gold.jsonl"))
    shuffled = build_graph(papers[::-1])
    assert list(project(shuffled).edges(data=True)) == list(project(gold).edges(data=True))


@st.composite
def paper_entity_graphs(draw) -> nx.DiGraph:
    n_papers = draw(st.integers(1, 12))
    entities = [f"{t}:e{i}" for i, t in enumerate(draw(st.lists(st.sampled_from(["method", "dataset", "metric"]), max_size=10)))]
    G = nx.DiGraph()
    G.add_nodes_from((f"paper:p{i}", {"kind": "Paper"}) for i in range(n_papers))
    G.add_nodes_from((e, {"kind": e.split(":")[0].capitalize(), "entity_type": e.split(":")[0]}) for e in entities)
    for e in entities:
        for p in draw(st.sets(st.integers(0, n_papers - 1), min_size=1)):
            G.add_edge(f"paper:p{p}", e)
    return G


@settings(max_examples=60, deadline=None)
@given(paper_entity_graphs(), st.integers(2, 6))
def test_property_agrees_with_networkx(G, cap):
    assert_same_projection(project(G, max_paper_count=cap), networkx_projection(G, max_paper_count=cap))
