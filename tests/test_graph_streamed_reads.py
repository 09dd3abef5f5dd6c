"""`kg related` and `kg stats` on a streamed build read graph.json line by line (kg.graph.streamed)
and print exactly what loading the whole graph prints: on the bundled example and a synthetic corpus."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.export.files import load_graph
from kg.graph import streamed, summary, top_entities
from kg.model import EntityType
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "daily-papers-sep-11.txt"
IN_MEMORY = 1 << 62  # a threshold no graph.json reaches: always loaded


def _load_synth():
    spec = importlib.util.spec_from_file_location("kg_bench_synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=["example", "synthetic"])
def out(request, tmp_path_factory) -> Path:
    """A streamed build (`--stream-above 10`) of the bundled example or of 400 synthetic papers."""
    root = tmp_path_factory.mktemp(request.param)
    source = EXAMPLE
    if request.param == "synthetic":
        synth = _load_synth()
        source = root / "corpus.jsonl"
        with open(source, "w", encoding="utf-8") as fh:
            synth.write(synth.Generator(synth.read_example()).papers(400, seed=5), fh)
    build([source], root / "out", stream_above=10)
    return root / "out"


def kg(out: Path, *args: str, read_above: int, monkeypatch) -> tuple[int, str]:
    monkeypatch.setattr(streamed, "STREAM_READ_ABOVE", read_above)
    result = CliRunner().invoke(cli, [args[0], str(out), *args[1:]])
    return result.exit_code, result.output


def both_ways(out: Path, monkeypatch, *args: str) -> str:
    """The output of a command read line by line, checked equal to its output with the graph loaded."""
    assert streamed.is_streamed(out, above=0)
    line_by_line = kg(out, *args, read_above=0, monkeypatch=monkeypatch)
    loaded = kg(out, *args, read_above=IN_MEMORY, monkeypatch=monkeypatch)
    assert line_by_line == loaded
    return line_by_line[1]


def papers(out: Path) -> list[dict]:
    return [n for n in streamed.nodes(out) if n["kind"] == "Paper"]


@pytest.mark.parametrize("args", [(), ("--json",), ("-n", "0"), ("-n", "2", "--json")])
def test_stats_line_by_line_prints_what_the_loaded_graph_prints(out, monkeypatch, args):
    text = both_ways(out, monkeypatch, "stats", *args)
    assert "papers" in text and "connected components" in text or '"components"' in text


def test_stats_by_centrality_on_a_large_streamed_graph_is_a_clear_error(out, monkeypatch):
    code, text = kg(out, "stats", "--by", "centrality", read_above=0, monkeypatch=monkeypatch)
    assert code == 1 and "--by centrality needs the whole graph in memory" in text


def test_related_line_by_line_prints_what_the_loaded_graph_prints(out, monkeypatch):
    chosen = papers(out)[::7][:8]
    assert chosen
    shared = 0
    for paper in chosen:
        for args in ((paper["id"],), (paper["paper_id"], "--json"), (paper["title"], "-k", "3")):
            text = both_ways(out, monkeypatch, "related", *args)
            shared += text.count("shared:") + text.count('"reasons"')
    assert shared  # some of them do have related papers


def test_related_finds_papers_by_title_the_same_way(out, monkeypatch):
    title = papers(out)[3]["title"]
    for query in (title.upper(), f"  {title.lower()}  ", title[2:-2], title[:-1] + "q", "zzzz no such paper zzzz", " "):
        both_ways(out, monkeypatch, "related", query, "--json")


def test_summary_and_top_entities_equal_the_in_memory_functions(out):
    G = load_graph(out)
    counts, tops = streamed.streamed_stats(out, None)
    assert counts == summary(G)
    assert tops == {t.value: top_entities(G, t, None) for t in EntityType}


def test_neighbourhood_holds_a_papers_related_papers(out):
    from kg.graph import related

    G = load_graph(out)
    for paper in papers(out)[:10]:
        H = streamed.neighbourhood(out, paper["id"])
        assert related(H, paper["id"], None) == related(G, paper["id"], None)
        for cap in (1, 3):  # entities in more papers than the cap link none, whatever is gathered of them
            H = streamed.neighbourhood(out, paper["id"], max_paper_count=cap)
            assert related(H, paper["id"], None, max_paper_count=cap) == related(G, paper["id"], None, max_paper_count=cap)


def test_a_small_or_in_memory_graph_json_is_loaded(tmp_path, out):
    build([EXAMPLE], tmp_path / "memory")
    assert not streamed.is_streamed(tmp_path / "memory", above=0)  # written by the in-memory build
    assert not streamed.is_streamed(tmp_path / "nothing", above=0)
    size = (out / "graph.json").stat().st_size
    assert streamed.is_streamed(out, above=size - 1) and not streamed.is_streamed(out, above=size)


def test_a_broken_node_line_is_an_error_naming_the_line(tmp_path, out, monkeypatch):
    lines = (out / "graph.json").read_bytes().split(b"\n")
    lines[2] = lines[2][:20]
    (tmp_path / "graph.json").write_bytes(b"\n".join(lines))
    code, text = kg(tmp_path, "stats", read_above=0, monkeypatch=monkeypatch)
    assert code == 1 and text.startswith("Error: ") and "graph.json:3: not valid JSON" in text


def test_a_broken_edge_line_is_an_error_naming_the_line(tmp_path, out, monkeypatch):
    lines = (out / "graph.json").read_bytes().split(b"\n")
    at = lines.index(b'], "edges": [') + 2
    lines[at - 1] = b'{"type":"USES"},'
    (tmp_path / "graph.json").write_bytes(b"\n".join(lines))
    code, text = kg(tmp_path, "stats", read_above=0, monkeypatch=monkeypatch)
    assert code == 1 and f"graph.json:{at}: not a graph edge" in text


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_components_are_networkx_connected_components(graph):
    n, edges = graph
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    label = streamed.components(n, np.array([u for u, _ in edges], dtype=np.int32), np.array([v for _, v in edges], dtype=np.int32))
    found = {}
    for node, root in enumerate(label.tolist()):
        found.setdefault(root, set()).add(node)
    assert sorted(map(sorted, found.values())) == sorted(map(sorted, nx.connected_components(G)))
    assert all(root == min(members) for root, members in found.items())


def test_graph_attributes_are_the_loaded_graphs(out):
    assert streamed.graph_attributes(out) == load_graph(out).graph
    assert json.dumps(streamed.graph_attributes(out)["communities"])
