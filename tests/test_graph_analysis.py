"""Analysis functions: top entities, centrality, co-occurrence, timelines, explanation paths, summary."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KgError
from kg.export.files import read_extracted
from kg.graph import (
    assign_communities,
    build_graph,
    cooccurrence_graph,
    entity_centrality,
    entity_timeline,
    explanation_path,
    summary,
    top_entities,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return build_graph(read_extracted(DATA / "graph" / "papers.jsonl"))


def test_top_entities_by_paper_count(G):
    top = top_entities(G, "method", 3)
    assert [(e.name, e.paper_count) for e in top] == [
        ("grokking", 3),
        ("information bottleneck", 3),
        ("convolutional neural network", 2),
    ]
    assert [e.entity for e in top_entities(G, "dataset", 1)] == ["dataset:voxceleb"]
    assert len(top_entities(G, n=None)) == sum(1 for _, d in G.nodes(data=True) if d["kind"] != "Paper")


def test_top_entities_by_centrality_favour_bridges(G):
    # the CNN links the grokking papers to the speaker-recognition papers: it lies on the most paths
    top = top_entities(G, "method", 2, by="centrality")
    assert top[0].name == "convolutional neural network"
    assert top[0].score == pytest.approx(entity_centrality(G)["method:convolutionalneuralnetwork"])
    with pytest.raises(ValueError, match="by must be"):
        top_entities(G, by="fame")


def test_centrality_is_sampled_and_seeded_on_large_graphs(G):
    assert entity_centrality(G, sample=10, seed=1) == entity_centrality(G, sample=10, seed=1)
    assert set(entity_centrality(G, sample=10)) == {n for n, d in G.nodes(data=True) if d["kind"] != "Paper"}


def test_cooccurrence_counts_papers_mentioning_both(G):
    C = cooccurrence_graph(G)
    assert C["method:diffusionmodel"]["method:posttrainingquantization"]["weight"] == 2
    assert C["dataset:voxceleb"]["task:speakerverification"]["weight"] == 1
    assert C.nodes["dataset:voxceleb"]["name"] == "VoxCeleb"
    strong = cooccurrence_graph(G, ["method", "task"], min_papers=2)
    assert sorted(map(sorted, strong.edges)) == [
        ["method:diffusionmodel", "method:posttrainingquantization"],
        ["method:diffusionmodel", "task:imagegeneration"],
        ["method:posttrainingquantization", "task:imagegeneration"],
    ]
    assert all(G.nodes[n]["entity_type"] in {"method", "task"} for n in strong)


def test_timeline_counts_dated_papers_per_period(G):
    assert entity_timeline(G, ["method:grokking"], period="year") == {
        "method:grokking": {"2023": 1, "2024": 1, "2025": 1}
    }
    months = entity_timeline(G, ["method:informationbottleneck"])
    assert months == {"method:informationbottleneck": {"2023-05": 2, "2024-04": 1}}
    # "Temporal Feature Matters" has no date: only TFMQ-DM counts
    assert entity_timeline(G, ["method:diffusionmodel"], period="day") == {"method:diffusionmodel": {"2023-11-27": 1}}
    with pytest.raises(ValueError):
        entity_timeline(G, period="week")


def test_explanation_path_goes_through_shared_entities(G):
    path = explanation_path(G, "ecapa-tdnn", "Deep Networks Always Grok and Here is Why")
    assert path[0] == "paper:ecapa-tdnn"
    assert path[1] in {"dataset:voxceleb", "method:timedelayneuralnetwork"}  # equally rare: 2 papers each
    assert path[2:] == ["paper:efficient-tdnn", "method:convolutionalneuralnetwork", "paper:deep-networks-always-grok"]


def test_explanation_path_prefers_rare_entities_among_equally_short_chains():
    G = nx.DiGraph()
    G.add_nodes_from(["paper:a", "paper:b", "paper:c", "paper:d"], kind="Paper")
    G.add_node("metric:accuracy", kind="Metric", entity_type="metric")
    G.add_node("dataset:voxceleb", kind="Dataset", entity_type="dataset")
    G.add_edges_from([(p, "metric:accuracy") for p in "abcd" for p in [f"paper:{p}"]])
    G.add_edges_from([("paper:a", "dataset:voxceleb"), ("paper:b", "dataset:voxceleb")])
    assert explanation_path(G, "paper:a", "paper:b") == ["paper:a", "dataset:voxceleb", "paper:b"]
    assert explanation_path(G, "paper:a", "paper:c") == ["paper:a", "metric:accuracy", "paper:c"]


def test_unconnected_papers_have_no_explanation(G):
    with pytest.raises(KgError, match="share no chain of entities"):
        explanation_path(G, "ecapa-tdnn", "bci-eeg-augmented-covariance")


def test_summary_counts(G):
    H = G.copy()
    assign_communities(H)
    stats = summary(H)
    assert stats["papers"] == 12
    assert stats["entities_by_type"] == {"method": 26, "dataset": 4, "metric": 3, "task": 5, "code": 1}
    assert stats["entities"] == 39
    assert stats["mentions"] == 50
    assert stats["mentions_by_relation"]["PROPOSES"] == 7
    assert stats["mentions_by_relation"]["HAS_CODE"] == 1
    assert stats["papers_without_entities"] == 1
    assert (stats["dated_papers"], stats["first_date"], stats["last_date"]) == (11, "2020-05-14", "2025-01-08")
    assert stats["largest_component_papers"] == 6  # grokking + CNN + TDNN + Transformer papers
    assert stats["communities"] == len(H.graph["communities"])
