"""The Cypher query library (cypher/*.cypher): documented, and exact on a pushed fixture graph.

The database holds two imports: day 1 (tests/data/neo4j/day1.jsonl), then days 1 and 2 rebuilt
together (`kg build --update`), in which arxiv:2509.00004 was re-extracted (wav2vec 2.0 instead
of the Transformer) and arxiv:2509.00010 is new.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j_support import ROOT, cypher_file, empty_database, graph, query

from kg.export.neo4j import push

QUERIES = sorted(p.stem for p in (ROOT / "cypher").glob("*.cypher") if p.stem != "schema")
HOSTILE = "Quotes 'single' and \"double\", `backticks`, {braces} and $dollars:\na title on two lines"

pytest_plugins = ["neo4j_fixtures"]  # db, neo4j_driver


def header(name: str) -> list[str]:
    """The comment lines that open the query file, without their ``//``."""
    lines = cypher_file(name).splitlines()
    end = next(i for i, line in enumerate(lines) if not line.startswith("//"))
    return [line.removeprefix("//").strip() for line in lines[:end]]


def documented_parameters(name: str) -> set[str]:
    text = "\n".join(header(name))
    section = text[text.index("Parameters:") : text.index("Returns:")]
    return set() if section.strip() == "Parameters: none." else set(re.findall(r"\$(\w+)", section))


def used_parameters(name: str) -> set[str]:
    body = "\n".join(line for line in cypher_file(name).splitlines() if not line.startswith("//"))
    return set(re.findall(r"\$(\w+)", body))


def test_the_library_has_at_least_ten_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("name", QUERIES)
def test_each_query_says_what_it_answers_its_parameters_and_what_it_returns(name):
    lines = header(name)
    assert len(lines[0]) > 30 and lines[0][0].isupper(), "first line: what the query answers"
    assert any(line.startswith("Parameters:") for line in lines)
    assert any(line.startswith("Returns:") for line in lines)
    assert documented_parameters(name) == used_parameters(name)


@pytest.fixture(scope="module")
def fixture_db(neo4j_driver: Driver) -> Iterator[Driver]:
    with empty_database(neo4j_driver) as driver:
        push(graph("day1"), driver)
        push(graph("day1", "day2"), driver)
        yield driver


def run(driver: Driver, query_name: str, /, **parameters) -> list[dict]:
    return query(driver, cypher_file(query_name), **parameters)


pytestmark = pytest.mark.neo4j


def test_top_datasets(fixture_db):
    rows = run(fixture_db, "top_datasets", limit=3)
    assert [(r["dataset"], r["papers"]) for r in rows] == [("ImageNet", 4), ("VoxCeleb", 2), ("modular arithmetic", 2)]
    assert rows[0]["examples"] == ["Grokking Beyond Arithmetic", HOSTILE, "ResNets Revisited on ImageNet"]


def test_top_methods(fixture_db):
    rows = run(fixture_db, "top_methods", limit=3)
    assert rows == [
        {"method": "Transformer", "papers": 4, "proposed_by": 0},
        {"method": "information bottleneck", "papers": 2, "proposed_by": 0},
        {"method": "GrokFormer", "papers": 1, "proposed_by": 1},
    ]


@pytest.mark.parametrize("paper", ["arxiv:2509.00003", "paper:arxiv:2509.00003"])
def test_papers_sharing_a_dataset(fixture_db, paper):
    assert run(fixture_db, "papers_sharing_dataset", paper=paper) == [
        {
            "paper": "arxiv:2509.00004",
            "title": "Self-Supervised Speaker Embeddings at Scale",
            "shared_datasets": ["VoxCeleb"],
        }
    ]


def test_related_papers_rank_rare_shared_entities_first(fixture_db):
    rows = run(fixture_db, "related_papers", paper="arxiv:2509.00003", limit=5)
    # 9 papers; VoxCeleb, equal error rate and speaker verification: 2 papers each, information bottleneck: 2
    assert [(r["paper"], r["shared"]) for r in rows] == [
        ("arxiv:2509.00004", ["VoxCeleb", "equal error rate", "speaker verification"]),
        ("arxiv:2509.00001", ["information bottleneck"]),
    ]
    assert [r["score"] for r in rows] == [round(3 * 1.5040774, 3), round(1.5040774, 3)]


def test_code_for_a_method(fixture_db):
    assert run(fixture_db, "code_for_method", method="TRANSFORMER") == [
        {
            "method": "Transformer",
            "paper": "arxiv:2509.00002",
            "title": "Delayed Generalisation Explained",
            "code": "https://github.com/kg-fixture/slingshot",
            "link_type": "repository",
        }
    ]


def test_methods_evaluated_on_a_dataset(fixture_db):
    rows = run(fixture_db, "methods_on_dataset", dataset="imagenet")
    assert [(r["method"], r["papers"], r["proposed"]) for r in rows] == [
        ("Transformer", 2, False),
        ("GrokFormer", 1, True),
        ("RegViT", 1, True),
        ("ResNet", 1, False),
        ("`Back`Tick` Net", 1, True),
        ("{Brace}Former $x", 1, False),
        ("Über-Net 東京 ∑", 1, False),
    ]
    assert run(fixture_db, "methods_on_dataset", dataset="CIFAR10")[0]["method"] == "ResNet"  # an alias


def test_communities_and_their_labels(fixture_db):
    G = graph("day1", "day2")
    rows = run(fixture_db, "communities")
    assert [(r["community"], r["label"], r["size"]) for r in rows] == [
        (c["id"], c["label"], c["size"]) for c in G.graph["communities"]
    ]
    speakers = next(r for r in rows if "VoxCeleb" in r["label"])
    assert speakers["top_entities"][:3] == ["VoxCeleb", "equal error rate", "speaker verification"]
    assert speakers["example_papers"] == [
        "Self-Supervised Speaker Embeddings at Scale",
        "Speaker Verification with Information Bottleneck Embeddings",
    ]


def test_shortest_path_between_two_papers(fixture_db):
    [row] = run(fixture_db, "shortest_path", source="arxiv:2509.00002", target="arxiv:2509.00003")
    # through one of what 00002 shares with 00001 (grokking, Transformer, accuracy, modular
    # arithmetic), then the information bottleneck 00001 shares with 00003
    assert row["hops"] == 4
    assert row["kinds"][::2] == ["Paper", "Paper", "Paper"] and row["kinds"][3] == "Method"
    assert row["steps"][0] == "Delayed Generalisation Explained"
    assert row["steps"][1] in {"grokking", "Transformer", "accuracy", "modular arithmetic"}
    assert row["steps"][2:] == [
        "Grokking as Compression: an Information Bottleneck View",
        "information bottleneck",
        "Speaker Verification with Information Bottleneck Embeddings",
    ]
    assert run(fixture_db, "shortest_path", source="arxiv:2509.00002", target="hostile-slug-1a2b3c4d") == []


def test_entities_new_in_the_latest_import(fixture_db):
    assert run(fixture_db, "new_entities_latest_import") == [
        {"import": 2, "type": "Method", "name": "GrokFormer", "papers": 1},
        {"import": 2, "type": "Method", "name": "wav2vec 2.0", "papers": 1},
    ]


def test_papers_proposing_new_methods_for_a_task(fixture_db):
    rows = run(fixture_db, "new_methods_for_task", task="Image Classification")
    assert [(r["method"], r["paper"], r["published"]) for r in rows] == [
        ("GrokFormer", "arxiv:2509.00010", "2025-09-10"),
        ("RegViT", "arxiv:2509.00006", "2025-09-06"),
    ]
    assert rows[1]["evidence"] == "We propose RegViT, a vision Transformer with registers, for image classification."


def test_full_text_search_over_titles_and_abstracts(fixture_db):
    rows = run(fixture_db, "fulltext_search", query="grokking", limit=10)
    assert {r["paper"] for r in rows} == {"arxiv:2509.00001", "arxiv:2509.00002", "arxiv:2509.00010"}
    assert rows == sorted(rows, key=lambda r: -r["score"])
    [hostile] = run(fixture_db, "fulltext_search", query='"DETACH DELETE"', limit=10)
    assert hostile["title"] == HOSTILE
    assert run(fixture_db, "fulltext_search", query="東京", limit=10)[0]["paper"] == "doi:10.1000/hostile-1"


def test_papers_with_an_entity(fixture_db):
    rows = run(fixture_db, "papers_with_entity", name="eer")  # an alias, any case
    assert [(r["entity"], r["relation"], r["paper"]) for r in rows] == [
        ("equal error rate", "MEASURES", "arxiv:2509.00003"),
        ("equal error rate", "MEASURES", "arxiv:2509.00004"),
    ]
    [hostile] = run(fixture_db, "papers_with_entity", name='Tom\'s "Quoted" Set')
    assert hostile["evidence"].startswith('We propose `Back`Tick` Net, evaluated on Tom\'s "Quoted" Set')


def test_co_occurring_entities(fixture_db):
    rows = run(fixture_db, "co_occurring_entities", name="VoxCeleb", limit=2)
    assert rows == [
        {"type": "Metric", "name": "equal error rate", "papers": 2},
        {"type": "Task", "name": "speaker verification", "papers": 2},
    ]


def test_every_query_is_tested_here():
    tested = {m.group(1) for m in re.finditer(r'run\(fixture_db, "(\w+)"', Path(__file__).read_text())}
    assert tested == set(QUERIES)
