"""Communities of a streamed build: numbered and described exactly as in memory, seeded, recorded
in graph.json."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from kg.export.files import GRAPH_JSON, load_graph, read_extracted
from kg.export.stream import EntityTable, write_streamed
from kg.export.stream_links import add_links_and_communities
from kg.graph import assign_communities, build_graph, project
from kg.graph.build import add_paper
from kg.graph.sparse_communities import sparse_communities
from kg.graph.sparse_links import entity_link_weights, id_order, paper_links
from kg.model import ExtractedPaper

GOLD = Path(__file__).parent / "data" / "gold" / "daily-papers-sep-11.gold.jsonl"


@pytest.fixture(scope="module")
def records() -> list[ExtractedPaper]:
    return list(read_extracted(GOLD))


def communities_of(records: list[ExtractedPaper], *, seed: int = 42):
    table = EntityTable()
    for record in records:
        star = nx.DiGraph()
        add_paper(star, record)
        table.add(star, record.paper.node_id)
    entities = table.entities()
    ids = [r.paper.node_id for r in records]
    weights = entity_link_weights([e[2] for e in entities], [e[3] for e in entities])
    links = paper_links(*table.mention_rows(), weights, numbers=id_order(ids))
    found = sparse_communities(links, ids, *table.mention_rows(), entities, seed=seed)
    by_node = dict(zip(ids, found.paper.tolist(), strict=True)) | dict(zip((e[0] for e in entities), found.entity.tolist(), strict=True))
    return by_node, found.communities


def test_communities_are_numbered_voted_and_described_as_in_memory(records):
    by_node, described = communities_of(records)
    groups: dict[int, set[str]] = {}
    for node, community in by_node.items():
        if node.startswith("paper:"):
            groups.setdefault(community, set()).add(node)
    singles = [{p} for p in groups.pop(-1, set())]
    G = build_graph(records)
    assert assign_communities(G, found=[*groups.values(), *singles]) == described
    assert dict(G.nodes(data="community")) == by_node
    assert len(described) >= 3 and all(c["label"] for c in described)


def test_the_same_seed_gives_the_same_communities_whatever_the_input_order(records):
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    assert communities_of(shuffled) == communities_of(records)


def test_a_streamed_graph_json_gets_every_community_and_the_links_count(records, tmp_path):
    streamed = write_streamed(records, tmp_path)
    before = load_graph(tmp_path)
    linked = add_links_and_communities(tmp_path, streamed.table)
    after = load_graph(tmp_path)
    by_node, described = communities_of(records)
    assert linked.links == project(build_graph(records)).number_of_edges()
    assert linked.communities == len(described)
    assert after.graph == {"communities": described}
    assert dict(after.nodes(data="community")) == by_node
    for _, data in after.nodes(data=True):
        data.pop("community")
    assert dict(after.nodes(data=True)) == dict(before.nodes(data=True))
    assert list(after.edges(data=True)) == list(before.edges(data=True))
    assert (tmp_path / GRAPH_JSON).read_text(encoding="utf-8").endswith("\n]}\n")


def test_papers_sharing_no_entity_are_in_no_community():
    entities = [("method:a", "A", "method", 1), ("method:b", "B", "method", 1)]
    ids = ["paper:z", "paper:y", "paper:x"]  # the second paper mentions nothing
    mentions, ends = [0, 1], [1, 1, 2]
    links = paper_links(mentions, ends, entity_link_weights(["method", "method"], [1, 1]), numbers=id_order(ids))
    found = sparse_communities(links, ids, mentions, ends, entities)
    assert len(links) == 0 and found.communities == []
    assert found.paper.tolist() == [-1, -1, -1] and found.entity.tolist() == [-1, -1]
