"""graph.json, GraphML and GEXF: golden files, round trips, and what Gephi needs."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.export.files import (
    load_graph,
    read_extracted,
    read_gexf,
    read_graphml,
    write_extracted,
    write_gexf,
    write_graph_json,
    write_graphml,
)
from kg.graph import assign_communities, build_graph

DATA = Path(__file__).parent / "data" / "graph"
GOLDEN = DATA / "golden"
UPDATE = os.environ.get("KG_UPDATE_GOLDEN") == "1"
WRITERS = {"graph.json": write_graph_json, "graph.graphml": write_graphml, "graph.gexf": write_gexf}
GEXF_DATE = re.compile(r'lastmodifieddate="[0-9-]+"')


def fixture_graph(reverse: bool = False) -> nx.DiGraph:
    papers = list(read_extracted(DATA / "papers.jsonl"))
    G = build_graph(papers[::-1] if reverse else papers)
    assign_communities(G)
    return G


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return fixture_graph()


def undated(text: str) -> str:
    return GEXF_DATE.sub('lastmodifieddate="-"', text)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_matches_golden_file(G, tmp_path, name):
    [path] = WRITERS[name](G, tmp_path)
    assert path == tmp_path / name
    written = undated(path.read_text(encoding="utf-8"))
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(written, encoding="utf-8")
    assert written == golden.read_text(encoding="utf-8"), f"regenerate with KG_UPDATE_GOLDEN=1 and review {golden}"


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_input_order_does_not_change_the_bytes(tmp_path, name):
    WRITERS[name](fixture_graph(), tmp_path / "a")
    WRITERS[name](fixture_graph(reverse=True), tmp_path / "b")
    a, b = ((tmp_path / d / name).read_text(encoding="utf-8") for d in "ab")
    assert undated(a) == undated(b)


def assert_same_graph(H: nx.DiGraph, G: nx.DiGraph, *, graph_attributes: bool = True) -> None:
    assert H.is_directed()
    assert sorted(H.nodes) == sorted(G.nodes)
    assert sorted(H.edges) == sorted(G.edges)
    for node, data in G.nodes(data=True):
        assert H.nodes[node] == data, node
    for u, v, data in G.edges(data=True):
        assert H.edges[u, v] == data, (u, v)
    if graph_attributes:
        assert H.graph == G.graph


def test_graph_json_loads_back_exactly(G, tmp_path):
    write_graph_json(G, tmp_path)
    assert_same_graph(load_graph(tmp_path), G)
    assert isinstance(load_graph(tmp_path / "graph.json").nodes["paper:ecapa-tdnn"]["authors"], list)


def test_graphml_loads_back_with_the_same_nodes_edges_and_attributes(G, tmp_path):
    [path] = write_graphml(G, tmp_path)
    assert_same_graph(read_graphml(path), G)


def test_gexf_loads_back_with_the_same_nodes_edges_and_attributes(G, tmp_path):
    [path] = write_gexf(G, tmp_path)
    assert_same_graph(read_gexf(path), G, graph_attributes=False)


def test_plain_networkx_reads_every_value_as_a_scalar(G, tmp_path):
    write_graphml(G, tmp_path)
    write_gexf(G, tmp_path)
    for H in (nx.read_graphml(tmp_path / "graph.graphml"), nx.read_gexf(tmp_path / "graph.gexf")):
        values = [v for _, d in H.nodes(data=True) for v in d.values()]
        values += [v for _, _, d in H.edges(data=True) for v in d.values()]
        assert all(isinstance(v, str | int | float | bool) for v in values)
        assert "None" not in {str(v) for v in values}
        assert json.loads(H.nodes["paper:ecapa-tdnn"]["authors"]) == G.nodes["paper:ecapa-tdnn"]["authors"]


def test_graphml_is_what_gephi_expects(G, tmp_path):
    [path] = write_graphml(G, tmp_path)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k for k in root.findall("g:key", ns)}
    assert len({(k.get("for"), k.get("attr.name")) for k in keys.values()}) == len(keys)  # one type per name
    assert {k.get("attr.type") for k in keys.values()} <= {"string", "int", "long", "double", "boolean"}
    for data in root.iter("{http://graphml.graphdrawing.org/xmlns}data"):
        assert len(data) == 0 and data.text not in (None, "None")  # no nested elements, no nulls
        if keys[data.get("key")].get("attr.type") in {"int", "long"}:
            int(data.text)


def test_gexf_is_what_gephi_expects(G, tmp_path):
    [path] = write_gexf(G, tmp_path)
    ns = "{http://www.gexf.net/1.2draft}"
    root = ET.parse(path).getroot()
    graph = root.find(f"{ns}graph")
    assert graph.get("mode") == "static" and graph.get("defaultedgetype") == "directed"
    for edge in graph.iter(f"{ns}edge"):
        assert edge.get("type") in (None, "directed", "undirected", "mutual")
        assert edge.get("start") is None and edge.get("end") is None  # no time spells
    titles = {a.get("title") for a in graph.iter(f"{ns}attribute")}
    assert {"relation", "evidence_start", "evidence_end", "community"} <= titles
    for value in graph.iter(f"{ns}attvalue"):
        assert value.get("value") != "None" and value.get("start") is None


def test_extracted_papers_round_trip(tmp_path):
    papers = list(read_extracted(DATA / "papers.jsonl"))
    paths = write_extracted(papers, tmp_path)
    assert [p.name for p in paths] == ["papers.jsonl", "entities.jsonl"]
    assert list(read_extracted(tmp_path)) == papers
    first = json.loads((tmp_path / "papers.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["id"] == papers[0].paper.id and "entities" not in first


def test_a_broken_entities_file_names_its_line(tmp_path):
    lines = (DATA / "papers.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "entities.jsonl").write_text("\n".join([lines[0], "{not json", lines[1]]), encoding="utf-8")
    with pytest.raises(InputError, match=r"entities.jsonl:2: not valid JSON"):
        list(read_extracted(tmp_path))
    (tmp_path / "entities.jsonl").write_text('{"title": "no id"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"entities.jsonl:1: not an extracted-paper record"):
        list(read_extracted(tmp_path))


def test_load_graph_explains_a_folder_without_graph(tmp_path):
    with pytest.raises(InputError, match="no graph.json here"):
        load_graph(tmp_path)
    (tmp_path / "graph.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(InputError, match="graph.json:1: not valid JSON"):
        load_graph(tmp_path)
    (tmp_path / "graph.json").write_text('{"nodes": 3}', encoding="utf-8")
    with pytest.raises(InputError, match="not a node-link graph"):
        load_graph(tmp_path)


def test_characters_xml_cannot_hold_are_dropped(tmp_path):
    G = fixture_graph()
    G.nodes["paper:ecapa-tdnn"]["abstract"] = "Copied\x0cfrom a PDF\x00: x-vector\x1b."
    G.nodes["paper:ecapa-tdnn"]["authors"] = ["Brecht\x0b Desplanques"]
    write_graphml(G, tmp_path)
    write_gexf(G, tmp_path)
    for H in (read_graphml(tmp_path / "graph.graphml"), read_gexf(tmp_path / "graph.gexf")):
        assert H.nodes["paper:ecapa-tdnn"]["abstract"] == "Copiedfrom a PDF: x-vector."
        assert H.nodes["paper:ecapa-tdnn"]["authors"] == ["Brecht\x0b Desplanques"]  # JSON-escaped, kept


text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30) | st.sampled_from(["", "[1, 2]", "{", "None"])
values = st.none() | text | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False, allow_infinity=False) | st.booleans()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=text,
    authors=st.lists(text, max_size=3),
    extra=values,
    evidence=st.none() | text,
    start=st.none() | st.integers(0, 10**6),
)
def test_property_graph_files_round_trip_any_values(tmp_path, title, authors, extra, evidence, start):
    G = nx.DiGraph()
    G.add_node("paper:p", kind="Paper", label=title, paper_id="p", title=title, abstract="", authors=authors,
               published=None, url=None, arxiv_id=None, doi=None, source="", categories=[], extra=extra)  # fmt: skip
    G.add_node("dataset:d", kind="Dataset", label="D", name="D", entity_type="dataset", aliases=authors,
               paper_count=1, first_seen=None)  # fmt: skip
    G.add_edge("paper:p", "dataset:d", type="EVALUATES_ON", evidence=evidence, field="abstract", start=start,
               end=None, confidence=0.5, rule="")  # fmt: skip
    expected = G.copy()
    if extra is None:
        del expected.nodes["paper:p"]["extra"]  # an optional attribute that is None is simply left out
    write_graphml(G, tmp_path)
    write_gexf(G, tmp_path)
    assert_same_graph(read_graphml(tmp_path / "graph.graphml"), expected)
    assert_same_graph(read_gexf(tmp_path / "graph.gexf"), expected, graph_attributes=False)
