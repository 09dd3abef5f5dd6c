"""Communities: seeded Louvain, stable ids, labels from characteristic entities."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.export.files import read_extracted
from kg.graph import NO_COMMUNITY, assign_communities, build_graph, characteristic_entities, project

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "graph" / "papers.jsonl"
GOLD = DATA / "gold" / "daily-papers-sep-11.gold.jsonl"

COMMUNITIES_IN_A_FRESH_PROCESS = """
import json, sys
from kg.export.files import read_extracted
from kg.graph import assign_communities, build_graph
G = build_graph(read_extracted(sys.argv[1]))
assign_communities(G)
print(json.dumps({"communities": G.graph["communities"], "nodes": dict(G.nodes(data="community"))}))
"""


@pytest.fixture()
def G() -> nx.DiGraph:
    return build_graph(read_extracted(FIXTURE))


def test_papers_linked_together_share_a_community(G):
    assign_communities(G)
    community = dict(G.nodes(data="community"))
    assert community["paper:ecapa-tdnn"] == community["paper:efficient-tdnn"] != NO_COMMUNITY
    assert community["paper:tfmq-dm"] == community["paper:temporal-feature-matters"]
    ib = {community[p] for p in G.pred["method:informationbottleneck"]}
    assert len(ib) == 1 and ib != {community["paper:ecapa-tdnn"]}


def test_ids_count_from_the_largest_community(G):
    communities = assign_communities(G)
    assert [c["id"] for c in communities] == list(range(len(communities)))
    sizes = [c["size"] for c in communities]
    assert sizes == sorted(sizes, reverse=True)
    for c in communities:
        assert c["size"] == sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Paper" and d["community"] == c["id"])
    assert G.graph["communities"] == communities


def test_papers_linked_to_nothing_are_in_no_community(G):
    assign_communities(G)
    assert G.nodes["paper:bci-eeg-augmented-covariance"]["community"] == NO_COMMUNITY
    communities = assign_communities(G, min_size=3)
    assert communities and all(c["size"] >= 3 for c in communities)
    assert G.nodes["paper:ecapa-tdnn"]["community"] == NO_COMMUNITY  # a community of two
    assert G.nodes["dataset:voxceleb"]["community"] == NO_COMMUNITY


def test_entities_join_the_community_of_most_of_their_papers(G):
    assign_communities(G)
    assert G.nodes["dataset:voxceleb"]["community"] == G.nodes["paper:ecapa-tdnn"]["community"]
    assert G.nodes["method:softmaxcollapse"]["community"] == G.nodes["paper:grokking-numerical-stability"]["community"]
    assert all("community" in d for _, d in G.nodes(data=True))


def test_labels_name_what_the_community_shares(G):
    communities = {c["top_entities"][0]: c for c in assign_communities(G)}
    voxceleb = communities["dataset:voxceleb"]
    assert voxceleb["label"] == "VoxCeleb, Time Delay Neural Network"
    assert voxceleb["top_entities"] == ["dataset:voxceleb", "method:timedelayneuralnetwork"]
    assert "method:informationbottleneck" in communities


def test_characteristic_entities_prefer_what_is_common_inside_and_rare_outside(G):
    grok = ["paper:deep-networks-always-grok", "paper:grokking-lazy-to-rich", "paper:grokking-numerical-stability"]
    assert characteristic_entities(G, grok) == ["method:grokking"]  # in all three; everything else in one
    assert characteristic_entities(G, grok[:1])[0] != "method:grokking"  # one paper: its rarest entities first


def test_a_given_projection_and_seed_are_used(G):
    P = project(G, type_weights={"method": 0})
    communities = assign_communities(G, P, seed=7)
    # without methods only VoxCeleb (ECAPA, EfficientTDNN) and image generation (TFMQ-DM, TFM) link papers
    assert [c["top_entities"][:1] for c in communities] == [["dataset:voxceleb"], ["method:diffusionmodel"]]


def test_community_ids_are_identical_across_runs_and_hash_seeds():
    runs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", COMMUNITIES_IN_A_FRESH_PROCESS, str(GOLD)],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
    assert len(runs[0]["communities"]) >= 3


def test_the_same_corpus_in_another_order_gets_the_same_communities():
    papers = list(read_extracted(GOLD))
    G, H = build_graph(papers), build_graph(papers[::-1])
    assert assign_communities(G) == assign_communities(H)
    assert dict(G.nodes(data="community")) == dict(H.nodes(data="community"))
