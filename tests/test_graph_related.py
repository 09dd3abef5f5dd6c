"""related(): finding the paper asked about, ranking its neighbours, and saying why."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KgError
from kg.export.files import read_extracted
from kg.graph import build_graph, find_paper, project, related

DATA = Path(__file__).parent / "data"
ECAPA = "ECAPA-TDNN: Emphasized Channel Attention, Propagation and Aggregation in TDNN Based Speaker Verification"


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return build_graph(read_extracted(DATA / "graph" / "papers.jsonl"))


@pytest.mark.parametrize(
    "query",
    [
        "paper:ecapa-tdnn",  # node id
        "ecapa-tdnn",  # paper id
        ECAPA,  # exact title
        ECAPA.upper(),  # any case
        "  ecapa-tdnn: emphasized   channel attention, propagation and aggregation in tdnn based speaker verification ",
        "Emphasized Channel Attention",  # a unique part of the title
        ECAPA.replace("Emphasized", "Emphasised").replace("Aggregation", "Agregation"),  # typos
    ],
)
def test_a_paper_is_found_by_id_or_title(G, query):
    assert find_paper(G, query) == "paper:ecapa-tdnn"


def test_a_query_matching_several_papers_is_an_error_naming_them(G):
    with pytest.raises(KgError, match=r'"grokking" matches 2 papers: paper:grokking-lazy-to-rich \(Grokking as') as exc:
        find_paper(G, "grokking")
    assert "\n" not in str(exc.value)


def test_a_query_matching_nothing_is_an_error(G):
    with pytest.raises(KgError, match='no paper matches "speech recognition with whales"'):
        find_paper(G, "speech recognition with whales")
    with pytest.raises(KgError, match="no paper given"):
        find_paper(G, "  ")


def test_an_entity_id_is_not_a_paper(G):
    with pytest.raises(KgError):
        find_paper(G, "dataset:voxceleb")


def test_related_papers_are_ranked_with_their_reasons(G):
    [efficient] = related(G, "ecapa-tdnn")
    assert efficient.paper == "paper:efficient-tdnn"
    assert efficient.title.startswith("EfficientTDNN")
    assert efficient.score == pytest.approx(2 / math.log(2))
    assert [(r.entity, r.name, r.type, r.paper_count) for r in efficient.reasons] == [
        ("dataset:voxceleb", "VoxCeleb", "dataset", 2),
        ("method:timedelayneuralnetwork", "Time Delay Neural Network", "method", 2),
    ]


def test_scores_are_the_projection_weights(G):
    P = project(G)
    for paper in P:
        ranked = related(G, paper, k=None)
        assert {r.paper: r.score for r in ranked} == pytest.approx({v: d["weight"] for v, d in P[paper].items()})
        assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
        assert paper not in {r.paper for r in ranked}


def test_ties_are_broken_by_id_and_k_limits(G):
    ranked = related(G, "deep-networks-always-grok", k=None)
    assert [r.paper for r in ranked] == [
        "paper:efficient-tdnn",  # convolutional neural network, 2 papers
        "paper:stretching-each-dollar",  # Transformer, 2 papers
        "paper:grokking-lazy-to-rich",  # grokking, 3 papers
        "paper:grokking-numerical-stability",
    ]
    assert related(G, "deep-networks-always-grok", k=2) == ranked[:2]


def test_a_paper_sharing_nothing_has_no_related_papers(G):
    assert related(G, "bci-eeg-augmented-covariance") == []


def test_results_serialise_to_json_ready_dicts(G):
    record = related(G, "ecapa-tdnn")[0].to_dict()
    assert record["paper_id"] == "efficient-tdnn"
    assert record["reasons"][0] == {
        "entity": "dataset:voxceleb",
        "name": "VoxCeleb",
        "type": "dataset",
        "paper_count": 2,
        "weight": round(1 / math.log(2), 6),
    }


def test_every_paper_of_the_example_is_found_by_its_id_and_its_title():
    G = build_graph(read_extracted(DATA / "gold" / "daily-papers-sep-11.gold.jsonl"))
    for node, data in G.nodes(data=True):
        if data["kind"] == "Paper":
            assert find_paper(G, data["paper_id"]) == node
            assert find_paper(G, data["title"]) == node
            assert find_paper(G, data["title"].lower()) == node
