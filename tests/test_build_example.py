"""The bundled example end to end: `kg build examples/daily-papers-sep-11.txt` and what it links."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pytest

from kg.export.files import load_graph
from kg.graph import project, related
from kg.model import entity_key
from kg.pipeline import build

from build_support import snapshot

EXAMPLE = Path(__file__).parent.parent / "examples" / "daily-papers-sep-11.txt"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example") / "out"
    build([EXAMPLE], out)
    return out


@pytest.fixture(scope="module")
def G(out) -> nx.DiGraph:
    return load_graph(out)


def test_every_paper_is_a_node(G):
    assert sum(1 for _, kind in G.nodes(data="kind") if kind == "Paper") == 65


@pytest.mark.parametrize(
    "name",
    [
        "information bottleneck",
        "text-to-image generation",
        "diffusion models",
        "VoxCeleb",
    ],
)
def test_papers_sharing_an_entity_are_linked_with_it_among_the_reasons(G, name):
    [entity] = [n for n in G if n.split(":", 1)[-1] == entity_key(name) and G.nodes[n]["kind"] != "Paper"]
    papers = sorted(G.pred[entity])
    assert len(papers) >= 2, f"{name}: only in {papers}"
    P = project(G)
    for a, b in itertools.combinations(papers, 2):
        assert entity in P.edges[a, b]["shared"]
        [why] = [r for r in related(G, a, k=None) if r.paper == b]
        assert entity in [reason.entity for reason in why.reasons]


def test_no_paper_is_linked_to_itself(G):
    assert nx.number_of_selfloops(project(G)) == 0
    assert not [(u, v) for u, v in G.edges if G.nodes[v]["kind"] == "Paper"]


def test_communities_and_every_byte_are_the_same_on_a_second_run(out, G, tmp_path):
    build([EXAMPLE], tmp_path / "again")
    assert dict(load_graph(tmp_path / "again").nodes(data="community")) == dict(G.nodes(data="community"))
    assert snapshot(tmp_path / "again") == snapshot(out)
    assert len(G.graph["communities"]) >= 3
