"""build_graph: the paper→entity graph, and re-adding papers without duplicates or leftovers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kg.export.files import read_extracted
from kg.graph import build_graph

DATA = Path(__file__).parent / "data" / "graph"


def test_papers_entities_and_typed_edges():
    G = build_graph(read_extracted(DATA / "papers.jsonl"))
    assert sum(1 for _, kind in G.nodes(data="kind") if kind == "Paper") == 12
    assert G.nodes["dataset:voxceleb"]["paper_count"] == 2
    assert G.nodes["dataset:voxceleb"]["first_seen"] == "2020-05-14"
    assert G.edges["paper:ecapa-tdnn", "dataset:voxceleb"]["type"] == "EVALUATES_ON"
    assert G.edges["paper:ecapa-tdnn", "method:ecapatdnn"]["type"] == "PROPOSES"
    assert G.nodes["code:httpgithubcomxujiinformationbottleneck"]["link_type"] == "repository"
    assert G.nodes["method:timedelayneuralnetwork"]["aliases"] == ["TDNN"]


def test_re_adding_a_paper_replaces_its_entities_and_drops_orphans():
    papers = list(read_extracted(DATA / "papers.jsonl"))
    G = build_graph(papers)
    before = (G.number_of_nodes(), G.number_of_edges())
    build_graph(papers, G)
    assert (G.number_of_nodes(), G.number_of_edges()) == before  # nothing duplicated

    ecapa = next(p for p in papers if p.paper.id == "ecapa-tdnn")
    only_voxceleb = dataclasses.replace(ecapa, entities=tuple(e for e in ecapa.entities if e.name == "VoxCeleb"))
    build_graph([only_voxceleb], G)
    assert list(G.adj["paper:ecapa-tdnn"]) == ["dataset:voxceleb"]
    assert "method:ecapatdnn" not in G  # mentioned by no paper any more
    assert "method:res2net" not in G
    assert G.nodes["method:timedelayneuralnetwork"]["paper_count"] == 1
    assert G.nodes["dataset:voxceleb"]["paper_count"] == 2
