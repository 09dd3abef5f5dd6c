"""The bundled example in Neo4j: `kg build examples/daily-papers-sep-11.txt`, pushed with `kg push`
(first 40 papers, then all 65, as two imports), and every query of cypher/ run on it.

Each query's rows are compared with the same question answered by networkx on the pushed graph,
and with what a researcher knows of these papers (VoxCeleb, the information bottleneck, grokking).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from neo4j import Driver
from neo4j_support import ROOT, cypher_file, empty_database, query, server

from kg.cli import cli
from kg.export.files import load_graph, read_extracted, write_graph_json
from kg.export.neo4j import RELATIONSHIP_TYPES, push
from kg.graph import assign_communities, build_graph
from kg.model import entity_key
from kg.pipeline import build

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

EXAMPLE = ROOT / "examples" / "daily-papers-sep-11.txt"
FIRST_DAY = 40

pytest_plugins = ["neo4j_fixtures"]  # db, neo4j_driver


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example") / "out"
    build([EXAMPLE], out)
    return out


@pytest.fixture(scope="module")
def G(out) -> nx.DiGraph:
    return load_graph(out)


@pytest.fixture(scope="module")
def first_day(out, tmp_path_factory) -> nx.DiGraph:
    records = list(read_extracted(out))[:FIRST_DAY]
    G = build_graph(records)
    assign_communities(G)
    return G


@pytest.fixture(scope="module")
def example_db(neo4j_driver: Driver, out, first_day, tmp_path_factory) -> Iterator[Driver]:
    """The example pushed by `kg push`: the first 40 papers, then the whole output folder."""
    uri, (user, password) = server()
    day1 = tmp_path_factory.mktemp("day1")
    write_graph_json(first_day, day1)
    env = {"NEO4J_URI": uri, "NEO4J_USERNAME": user, "NEO4J_PASSWORD": password}
    with empty_database(neo4j_driver) as driver:
        for folder in (day1, out):
            result = CliRunner().invoke(cli, ["push", str(folder)], env=env)
            assert result.exit_code == 0, result.output
        yield driver


def run(driver: Driver, query_name: str, /, **parameters) -> list[dict]:
    return query(driver, cypher_file(query_name), **parameters)


def papers_of(G: nx.DiGraph, node: str, types=RELATIONSHIP_TYPES) -> set[str]:
    return {p for p in G.pred[node] if G.edges[p, node]["type"] in types}


def entity(G: nx.DiGraph, name: str) -> str:
    [node] = [n for n in G if G.nodes[n]["kind"] != "Paper" and n.split(":", 1)[1] == entity_key(name)]
    return node


def paper_with_title(G: nx.DiGraph, start: str) -> str:
    [node] = [n for n, d in G.nodes(data=True) if d["kind"] == "Paper" and d["title"].startswith(start)]
    return node


def pid(G: nx.DiGraph, node: str) -> str:
    return G.nodes[node]["paper_id"]


def ranking(counts: Counter, names: dict[str, str], limit: int) -> list[tuple[str, int]]:
    return sorted(((names[n], c) for n, c in counts.items()), key=lambda item: (-item[1], item[0]))[:limit]


def test_the_whole_example_is_in_neo4j(example_db, G):
    [row] = query(example_db, "MATCH (p:Paper) RETURN count(p) AS papers")
    assert row["papers"] == 65
    [row] = query(example_db, "MATCH (:Paper)-[r]->() WHERE NOT r:IN_COMMUNITY RETURN count(r) AS n")
    assert row["n"] == G.number_of_edges()


def test_most_used_datasets_include_imagenet(example_db, G):
    rows = run(example_db, "top_datasets", limit=5)
    datasets = [n for n, k in G.nodes(data="kind") if k == "Dataset"]
    expected = ranking(
        Counter({d: len(papers_of(G, d, {"EVALUATES_ON"})) for d in datasets}),
        {d: G.nodes[d]["name"] for d in datasets},
        5,
    )
    assert [(r["dataset"], r["papers"]) for r in rows] == expected
    assert "ImageNet" in [r["dataset"] for r in rows[:3]]


def test_most_used_methods(example_db, G):
    rows = run(example_db, "top_methods", limit=10)
    methods = [n for n, k in G.nodes(data="kind") if k == "Method"]
    expected = ranking(Counter({m: len(G.pred[m]) for m in methods}), {m: G.nodes[m]["name"] for m in methods}, 10)
    assert [(r["method"], r["papers"]) for r in rows] == expected
    assert {"Diffusion Models", "Transformer"} <= {r["method"] for r in rows}


def test_papers_sharing_voxceleb_are_returned_together(example_db, G):
    voxceleb = entity(G, "VoxCeleb")
    a, b = sorted(papers_of(G, voxceleb))
    rows = run(example_db, "papers_sharing_dataset", paper=pid(G, a))
    assert pid(G, b) in [r["paper"] for r in rows]
    assert "VoxCeleb" in next(r for r in rows if r["paper"] == pid(G, b))["shared_datasets"]
    shared = {p for d in G.succ[a] if G.nodes[d]["kind"] == "Dataset" for p in papers_of(G, d, {"EVALUATES_ON"})} - {a}
    assert {r["paper"] for r in rows} == {pid(G, p) for p in shared}


def test_related_papers_rank_by_rare_shared_entities(example_db, G):
    ecapa = paper_with_title(G, "ECAPA-TDNN")
    rows = run(example_db, "related_papers", paper=pid(G, ecapa), limit=5)
    total = sum(1 for _, k in G.nodes(data="kind") if k == "Paper")
    scores: Counter = Counter()
    for e in G.succ[ecapa]:
        for other in set(G.pred[e]) - {ecapa}:
            scores[other] += math.log(total / len(G.pred[e]))
    expected = sorted(((pid(G, p), round(s, 3)) for p, s in scores.items()), key=lambda item: (-item[1], item[0]))[:5]
    assert [(r["paper"], r["score"]) for r in rows] == expected
    assert rows[0]["title"].startswith("EfficientTDNN") and "VoxCeleb" in rows[0]["shared"]


def test_code_links_of_papers_using_a_method(example_db, G):
    method = entity(G, "Diffusion Models")
    rows = run(example_db, "code_for_method", method="diffusion models")
    expected = sorted(
        (pid(G, p), G.nodes[c]["name"]) for p in G.pred[method] for c in G.succ[p] if G.nodes[c]["kind"] == "Code"
    )
    assert [(r["paper"], r["code"]) for r in rows] == expected and expected
    assert all(r["link_type"] in {"repository", "project_page", "other"} for r in rows)


def test_methods_evaluated_on_imagenet(example_db, G):
    imagenet = entity(G, "ImageNet")
    rows = run(example_db, "methods_on_dataset", dataset="imagenet")
    counts = Counter(
        m for p in papers_of(G, imagenet, {"EVALUATES_ON"}) for m in G.succ[p] if G.nodes[m]["kind"] == "Method"
    )
    assert sorted((r["method"], r["papers"]) for r in rows) == sorted(
        (G.nodes[m]["name"], c) for m, c in counts.items()
    )


def test_communities_and_their_labels(example_db, G):
    rows = run(example_db, "communities")
    communities = G.graph["communities"]
    assert [(r["community"], r["label"], r["size"]) for r in rows] == [
        (c["id"], c["label"], c["size"]) for c in communities
    ]
    members = Counter(c for n, c in G.nodes(data="community") if G.nodes[n]["kind"] == "Paper")
    for r in rows:
        assert r["top_entities"] == [G.nodes[e]["name"] for e in communities[r["community"]]["top_entities"]]
        assert len(r["example_papers"]) == min(3, members[r["community"]])


def test_the_information_bottleneck_papers_are_linked_by_a_short_path(example_db, G):
    ib = sorted(papers_of(G, entity(G, "information bottleneck")))
    assert len(ib) >= 2
    [row] = run(example_db, "shortest_path", source=pid(G, ib[0]), target=pid(G, ib[1]))
    assert row["hops"] == 2 and row["kinds"][1] == "Method"
    far_a, far_b = paper_with_title(G, "Grokking at the Edge"), paper_with_title(G, "ECAPA-TDNN")
    [row] = run(example_db, "shortest_path", source=pid(G, far_a), target=pid(G, far_b))
    assert row["hops"] == nx.shortest_path_length(G.to_undirected(as_view=True), far_a, far_b)
    assert row["steps"][0] == G.nodes[far_a]["title"] and row["steps"][-1] == G.nodes[far_b]["title"]


def test_entities_new_in_the_latest_import(example_db, G, first_day):
    rows = run(example_db, "new_entities_latest_import")
    assert {r["import"] for r in rows} == {2}
    new = {n for n, k in G.nodes(data="kind") if k != "Paper"} - set(first_day)
    assert sorted((r["type"], r["name"]) for r in rows) == sorted((G.nodes[n]["kind"], G.nodes[n]["name"]) for n in new)


def test_papers_proposing_new_methods_for_image_generation(example_db, G):
    task = entity(G, "image generation")
    rows = run(example_db, "new_methods_for_task", task="Image Generation")
    expected = {
        (pid(G, p), G.nodes[m]["name"]) for p in G.pred[task] for m in G.succ[p] if G.edges[p, m]["type"] == "PROPOSES"
    }
    assert {(r["paper"], r["method"]) for r in rows} == expected and expected


def test_full_text_search_finds_the_grokking_papers(example_db, G):
    rows = run(example_db, "fulltext_search", query="grokking", limit=10)
    grokking = {
        pid(G, n)
        for n, d in G.nodes(data=True)
        if d["kind"] == "Paper" and "grokking" in (d["title"] + " " + d["abstract"]).lower()
    }
    assert len(grokking) >= 3
    assert {r["paper"] for r in rows} == grokking


@pytest.mark.parametrize(
    "name",
    [
        "VoxCeleb",
        "information bottleneck",
        "text-to-image generation",
    ],
)
def test_papers_sharing_an_entity_are_returned_together(example_db, G, name):
    rows = run(example_db, "papers_with_entity", name=name)
    node = entity(G, name)
    assert {r["paper"] for r in rows} == {pid(G, p) for p in G.pred[node]}
    assert len(rows) >= 2 and all(r["evidence"] for r in rows)


def test_entities_co_occurring_with_voxceleb(example_db, G):
    voxceleb = entity(G, "VoxCeleb")
    rows = run(example_db, "co_occurring_entities", name="voxceleb", limit=100)
    counts = Counter(o for p in G.pred[voxceleb] for o in G.succ[p] if o != voxceleb)
    assert sorted((r["name"], r["papers"]) for r in rows) == sorted((G.nodes[o]["name"], c) for o, c in counts.items())


def test_a_second_push_of_the_example_changes_nothing(example_db, G, out):
    before = query(example_db, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    result = push(G, example_db)
    assert result.nodes_created == result.relationships_created == result.relationships_deleted == 0
    assert query(example_db, "MATCH (n) RETURN count(n) AS n")[0]["n"] == before
