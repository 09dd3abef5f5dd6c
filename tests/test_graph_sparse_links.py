"""The links of a streamed build (numpy, in chunks) are exactly the in-memory projection's, weights to the last bit."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export.files import read_extracted
from kg.export.stream import EntityTable
from kg.graph import build_graph, project
from kg.graph.build import add_paper
from kg.graph.sparse_links import Links, entity_link_weights, id_order, paper_links
from kg.model import EntityType, ExtractedPaper

GOLD = Path(__file__).parent / "data" / "gold" / "daily-papers-sep-11.gold.jsonl"
TYPES = [t.value for t in EntityType]


def links_by_id(links: Links, ids: list[str]) -> dict[frozenset[str], float]:
    return {frozenset((ids[u], ids[v])): w for u, v, w in zip(links.source, links.target, links.weight, strict=True)}


def projected(P: nx.Graph) -> dict[frozenset[str], float]:
    return {frozenset((u, v)): w for u, v, w in P.edges(data="weight")}


def assert_same_links(got: dict[frozenset[str], float], want: dict[frozenset[str], float]) -> None:
    assert got.keys() == want.keys()
    assert got == want  # to the last bit: both sum as math.fsum does


@pytest.fixture(scope="module")
def example() -> list[ExtractedPaper]:
    return list(read_extracted(GOLD))


def table_of(records: list[ExtractedPaper]) -> EntityTable:
    table = EntityTable()
    for record in records:
        star = nx.DiGraph()
        add_paper(star, record)
        table.add(star, record.paper.node_id)
    return table


@pytest.mark.parametrize("chunk_pairs", [1, 50, 4_000_000])
def test_the_links_of_the_example_are_the_projections_whatever_the_chunk(example, chunk_pairs):
    table = table_of(example)
    entities = table.entities()
    weights = entity_link_weights([e[2] for e in entities], [e[3] for e in entities])
    links = paper_links(*table.mention_rows(), weights, chunk_pairs=chunk_pairs)
    want = projected(project(build_graph(example)))
    assert len(want) > 100
    assert_same_links(links_by_id(links, [r.paper.node_id for r in example]), want)
    assert (links.source < links.target).all()


def test_type_weights_and_the_paper_count_limit_apply_as_in_memory(example):
    table = table_of(example)
    entities = table.entities()
    types, counts = [e[2] for e in entities], [e[3] for e in entities]
    weights = entity_link_weights(types, counts, type_weights={"metric": 0.0, "task": 2.0}, max_paper_count=3)
    links = paper_links(*table.mention_rows(), weights)
    want = projected(project(build_graph(example), type_weights={"metric": 0.0, "task": 2.0}, max_paper_count=3))
    assert_same_links(links_by_id(links, [r.paper.node_id for r in example]), want)


@st.composite
def corpora(draw):
    """A random paper→entity graph and the order its papers were added in."""
    n_papers = draw(st.integers(0, 25))
    n_entities = draw(st.integers(1, 15))
    types = draw(st.lists(st.sampled_from(TYPES), min_size=n_entities, max_size=n_entities))
    mentions = [draw(st.sets(st.integers(0, n_entities - 1), max_size=6)) for _ in range(n_papers)]
    order = draw(st.permutations(range(n_papers)))
    return types, mentions, order


@settings(max_examples=150, deadline=None)
@given(corpora(), st.integers(2, 8), st.integers(1, 60))
def test_any_corpus_gets_the_projections_links(corpus, limit, chunk_pairs):
    types, mentions, order = corpus
    G = nx.DiGraph()
    ids = [f"paper:{i:02d}" for i in order]  # ids not in the order added
    for pid, entities in zip(ids, mentions, strict=True):
        G.add_node(pid, kind="Paper")
        for e in entities:
            G.add_node(f"e{e}", kind="Entity", entity_type=types[e])
            G.add_edge(pid, f"e{e}")
    rows, ends = [], []
    for entities in mentions:
        rows += sorted(entities)
        ends.append(len(rows))
    counts = [sum(1 for m in mentions if e in m) for e in range(len(types))]
    weights = entity_link_weights(types, counts, max_paper_count=limit)
    want = projected(project(G, max_paper_count=limit))
    links = paper_links(rows, ends, weights, chunk_pairs=chunk_pairs)
    assert links.papers == len(mentions)
    assert_same_links(links_by_id(links, ids), want)
    by_id = paper_links(rows, ends, weights, numbers=id_order(ids), chunk_pairs=chunk_pairs)
    assert_same_links(links_by_id(by_id, sorted(ids)), want)
    in_order = sorted(zip(by_id.source.tolist(), by_id.target.tolist(), strict=True))
    assert in_order == list(zip(by_id.source.tolist(), by_id.target.tolist(), strict=True))
