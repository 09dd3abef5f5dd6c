"""kg.export.neo4j.push against a real Neo4j server: schema, counts, idempotence, updates, hostile text."""

from __future__ import annotations

import dataclasses

import networkx as nx
import pytest
from neo4j_support import counts, graph, query, snapshot

from kg.errors import InputError, KgError
from kg.export.neo4j import LABELS, PushResult, apply_schema, graph_import_id, push, schema_statements, wipe

pytestmark = pytest.mark.neo4j

pytest_plugins = ["neo4j_fixtures"]  # db, neo4j_driver


def expected_counts(G: nx.DiGraph) -> dict[str, int]:
    """What the graph should give in Neo4j: one node per graph node, community and import."""
    wanted: dict[str, int] = {}
    for _, kind in G.nodes(data="kind"):
        wanted[kind] = wanted.get(kind, 0) + 1
    for _, _, rel_type in G.edges(data="type"):
        wanted[rel_type] = wanted.get(rel_type, 0) + 1
    wanted["Community"] = len(G.graph["communities"])
    wanted["IN_COMMUNITY"] = sum(1 for _, c in G.nodes(data="community") if c is not None and c >= 0)
    wanted["Import"] = 1
    return wanted


def test_push_writes_every_node_and_relationship_with_communities(db):
    G = graph("day1")
    result = push(G, db)
    assert isinstance(result, PushResult)
    assert counts(db) == expected_counts(G)
    assert (result.nodes, result.relationships) == (G.number_of_nodes(), G.number_of_edges())
    assert result.nodes_created == G.number_of_nodes() + len(G.graph["communities"]) + 1
    assert result.relationships_created == G.number_of_edges() + expected_counts(G)["IN_COMMUNITY"]
    assert result.import_seq == 1 and result.import_id == graph_import_id(G)


def test_properties_are_those_of_the_graph(db):
    G = graph("day1")
    push(G, db)
    [paper] = query(db, "MATCH (p:Paper {id: $id}) RETURN properties(p) AS p", id="paper:arxiv:2509.00003")
    data = G.nodes["paper:arxiv:2509.00003"]
    for key in ("title", "abstract", "authors", "published", "url", "arxiv_id", "source", "categories", "community"):
        assert paper["p"][key] == data[key], key
    assert "doi" not in paper["p"]  # None is not stored
    [metric] = query(db, "MATCH (m:Metric {id: 'metric:equalerrorrate'}) RETURN properties(m) AS m")
    assert metric["m"]["aliases"] == ["EER"]
    assert metric["m"]["paper_count"] == 2 and metric["m"]["first_seen"] == "2025-09-03"
    [edge] = query(
        db,
        "MATCH (:Paper {id: $p})-[r:EVALUATES_ON]->(:Dataset {id: 'dataset:voxceleb'}) RETURN properties(r) AS r",
        p="paper:arxiv:2509.00003",
    )
    evidence = G.edges["paper:arxiv:2509.00003", "dataset:voxceleb"]
    assert edge["r"] == {k: evidence[k] for k in ("evidence", "field", "start", "end", "confidence", "rule")}


def test_pushing_the_same_graph_twice_changes_nothing(db):
    G = graph("day1")
    push(G, db)
    before = counts(db), snapshot(db, skip=frozenset())
    again = push(G, db, batch_size=3)
    assert (counts(db), snapshot(db, skip=frozenset())) == before
    assert again.nodes_created == again.relationships_created == 0
    assert again.relationships_deleted == again.nodes_deleted == 0


@pytest.mark.parametrize(("batch_size", "workers"), [(10_000, 1), (2, 3), (5, 4)])
def test_batch_size_and_workers_do_not_change_the_result(db, batch_size, workers):
    G = graph("day1")
    push(G, db, batch_size=1, workers=1)
    one_by_one = snapshot(db)
    with db.session() as session:
        wipe(session)
    result = push(G, db, batch_size=batch_size, workers=workers)
    assert snapshot(db) == one_by_one
    assert result.nodes_created == G.number_of_nodes() + len(G.graph["communities"]) + 1


def test_parallel_lanes_never_share_a_node():
    from kg.export.neo4j import Push

    class NoDriver:  # lanes are planned before anything is sent
        pass

    pusher = Push(graph("day1", "day2"), NoDriver(), workers=3, batch_size=2)  # type: ignore[arg-type]
    for lanes in pusher._relationship_phases():
        touched = [
            {n for job in lane for start, end, _ in job.parameters["rows"] for n in (start, end)} for lane in lanes
        ]
        for i, a in enumerate(touched):
            for b in touched[i + 1 :]:
                assert not a & b
    for lanes in [pusher._node_lanes()]:
        ids = [row["id"] for lane in lanes for job in lane for row in job.parameters["rows"]]
        assert len(ids) == len(set(ids))


def test_tomorrows_papers_add_only_what_is_new(db):
    push(graph("day1"), db)
    before = {r["id"] for r in query(db, "MATCH (n) RETURN n.id AS id")}
    tomorrow = graph("day2")
    result = push(tomorrow, db)
    after = {r["id"] for r in query(db, "MATCH (n) RETURN n.id AS id")}
    new = after - before
    assert {n for n in new if n.startswith("paper:")} == {"paper:arxiv:2509.00010"}
    assert {"method:grokformer", "method:wav2vec20"} <= new
    assert result.import_seq == 2
    # entities known before keep their first import; their counts cover both days
    [grokking] = query(db, "MATCH (t:Task {id: 'task:grokking'}) RETURN t.paper_count AS n, t.first_import AS first")
    assert grokking["n"] == 3
    assert grokking["first"] == graph_import_id(graph("day1"))
    [imagenet] = query(db, "MATCH (d:Dataset {id: 'dataset:imagenet'}) RETURN d.paper_count AS n")
    assert imagenet["n"] == 4


def test_a_paper_pushed_again_has_its_old_links_replaced(db):
    push(graph("day1"), db)
    push(graph("day2"), db)  # arxiv:2509.00004 now uses wav2vec 2.0, no longer the Transformer
    uses = query(db, "MATCH (:Paper {id: 'paper:arxiv:2509.00004'})-[:USES]->(m) RETURN m.id AS id")
    assert [r["id"] for r in uses] == ["method:wav2vec20"]
    [transformer] = query(db, "MATCH (m:Method {id: 'method:transformer'}) RETURN m.paper_count AS n")
    assert transformer["n"] == 4  # 00001, 00002, 00006 and tomorrow's 00010
    assert query(db, "MATCH (m:Metric {id: 'metric:equalerrorrate'}) RETURN m.aliases AS a") == [{"a": ["EER"]}]


def test_an_entity_no_paper_mentions_any_more_is_removed(db):
    G = graph("day1")
    push(G, db)
    H = G.copy()
    H.remove_edge("paper:arxiv:2509.00002", "method:slingshotnet")
    H.remove_node("method:slingshotnet")
    result = push(H, db)
    assert query(db, "MATCH (m:Method {id: 'method:slingshotnet'}) RETURN m") == []
    assert result.nodes_deleted == 1 and result.relationships_deleted >= 1


def test_hostile_names_and_titles_round_trip_unchanged(db):
    G = graph("day1")
    push(G, db)
    pid = "paper:doi:10.1000/hostile-1"
    [paper] = query(
        db, "MATCH (p:Paper {id: $id}) RETURN p.title AS title, p.abstract AS abstract, p.authors AS authors", id=pid
    )
    assert paper == {
        "title": G.nodes[pid]["title"],
        "abstract": G.nodes[pid]["abstract"],
        "authors": G.nodes[pid]["authors"],
    }
    assert "\n" in paper["title"] and "`" in paper["title"] and "$" in paper["title"]
    names = {
        r["name"]
        for r in query(db, "MATCH (:Paper {id: $id})-->(e) WHERE NOT e:Community RETURN e.name AS name", id=pid)
    }
    assert names == {G.nodes[e]["name"] for e in G.succ[pid]}
    assert {
        "`Back`Tick` Net",
        'Tom\'s "Quoted" Set',
        "{Brace}Former $x",
        "Über-Net 東京 ∑",
        "MATCH (n) DETACH DELETE n",
    } <= names
    # the Task named like a query did not run: everything is still there
    assert counts(db)["Paper"] == 8


def test_the_schema_is_created_and_every_label_is_constrained(db):
    push(graph("day1"), db)
    constraints = query(db, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type")
    constrained = {c["labelsOrTypes"][0] for c in constraints if c["properties"] == ["id"] and "UNIQUE" in c["type"]}
    assert constrained == set(LABELS)
    indexes = {r["name"]: r for r in query(db, "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state")}
    assert indexes["paper_text"]["type"] == "FULLTEXT" and indexes["paper_text"]["properties"] == ["title", "abstract"]
    assert all(r["state"] == "ONLINE" for r in indexes.values())
    assert {f"{label.lower()}_name" for label in ("Method", "Dataset", "Metric", "Task", "Code")} <= set(indexes)


def test_a_refused_schema_statement_is_reported(db):
    # two Papers with the same id: the uniqueness constraint cannot be created over them
    query(db, "DROP CONSTRAINT paper_id IF EXISTS")
    query(db, "CREATE (:Paper {id: 'paper:twin'}), (:Paper {id: 'paper:twin'})")
    try:
        with pytest.raises(KgError, match=r"refused the schema statement 'CREATE CONSTRAINT paper_id .*Paper"):
            push(graph("day1"), db)
    finally:
        query(db, "MATCH (p:Paper {id: 'paper:twin'}) DETACH DELETE p")
        with db.session() as session:
            apply_schema(session)  # puts the constraint back


def test_schema_file_constrains_exactly_the_exporters_labels():
    constrained = {s.split("FOR (n:")[1].split(")")[0] for s in schema_statements() if "IS UNIQUE" in s}
    assert constrained == set(LABELS)


def test_wipe_deletes_what_was_there(db):
    query(db, "CREATE (:Stranger {id: 'x'})")
    push(graph("day1"), db, wipe=True)
    assert query(db, "MATCH (s:Stranger) RETURN s") == []
    assert counts(db)["Paper"] == 8


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda G: G.add_node("x:1", kind="Person", label="x"), r"node kind 'Person' is not one of Paper, Method"),
        (lambda G: G.add_node("x:2", label="no kind"), r"x:2.*node kind None"),
        (
            lambda G: G.add_edge("paper:arxiv:2509.00001", "dataset:imagenet", type="CITES`]->() DETACH DELETE n //"),
            r"edge type .*CITES.* is not one of",
        ),
    ],
)
def test_kinds_and_types_outside_the_contract_are_refused_before_writing(db, change, message):
    G = graph("day1")
    change(G)
    with pytest.raises(InputError, match=message):
        push(G, db)
    assert counts(db) == {}


def test_push_result_is_a_frozen_dataclass(db):
    result = push(graph("day1"), db)
    assert dataclasses.is_dataclass(result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.nodes = 0  # type: ignore[misc]
    assert result.rows == result.nodes + result.relationships
    assert result.seconds > 0 and result.transactions > 10


def test_push_to_a_uri_connects_and_closes(db):
    import os

    result = push(
        graph("day1"), os.environ["NEO4J_URI"], auth=(os.environ["NEO4J_USERNAME"], os.environ["NEO4J_PASSWORD"])
    )
    assert result.nodes_created > 0 and counts(db)["Paper"] == 8


def test_a_missing_database_is_named(db):
    with pytest.raises(KgError, match=r"no database 'nosuchdb'"):
        push(graph("day1"), db, database="nosuchdb")
