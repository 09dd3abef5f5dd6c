"""Helpers of the Neo4j tests (tests/test_neo4j_*.py): the server, fixture graphs, queries.

The server comes from the environment (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD), set by
`bash scripts/test`. Without it the tests fail, loudly: CI must never pass without running them.
Neo4j Community has a single user database, so each test takes a lock (tests from several pytest
processes cannot interleave) and wipes the database before it starts.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from neo4j import Driver

from kg.export.neo4j import wipe
from kg.graph import assign_communities, build_graph
from kg.model import ExtractedPaper

DATA = Path(__file__).parent / "data" / "neo4j"
ROOT = Path(__file__).parent.parent
HOW_TO_START = (
    "the Neo4j tests need a real server and NEO4J_URI is not set. Run `bash scripts/test`, or start one with "
    '`bash scripts/neo4j start && eval "$(bash scripts/neo4j env)"` (or point NEO4J_URI, NEO4J_USERNAME and '
    "NEO4J_PASSWORD at your own server, whose database `neo4j` the tests wipe)"
)


def server() -> tuple[str, tuple[str, str]]:
    """The server's URI and login from the environment; fails the test when there is none."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.fail(HOW_TO_START, pytrace=False)
    return uri, (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))


@contextmanager
def empty_database(driver: Driver) -> Iterator[Driver]:
    """Hold the database ``neo4j`` alone (a lock file across processes) and wipe it first."""
    with open(Path(tempfile.gettempdir()) / "kg-neo4j-tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with driver.session() as session:
            wipe(session)
        yield driver


def papers(name: str) -> list[ExtractedPaper]:
    """The extracted papers of tests/data/neo4j/<name>.jsonl."""
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as fh:
        return [ExtractedPaper.from_dict(json.loads(line)) for line in fh]


def graph(*names: str) -> nx.DiGraph:
    """The graph (with communities) of the fixture files ``names``, read in order."""
    G = build_graph(p for name in names for p in papers(name))
    assign_communities(G)
    return G


def cypher_file(name: str) -> str:
    """The text of a query of the library, ``cypher/<name>.cypher``."""
    return (ROOT / "cypher" / f"{name}.cypher").read_text(encoding="utf-8")


def query(driver: Driver, cypher: str, /, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, parameters, database_="neo4j")
    return [r.data() for r in records]


def counts(driver: Driver) -> dict[str, int]:
    """Nodes per label and relationships per type."""
    nodes = query(driver, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    rels = query(driver, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    return {**{r["label"]: r["n"] for r in nodes}, **{r["type"]: r["n"] for r in rels}}


def snapshot(driver: Driver, *, skip: frozenset[str] = frozenset({"at"})) -> dict[str, Any]:
    """Every node and relationship with its properties (``skip``: properties left out), comparable."""
    nodes = query(driver, "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")
    rels = query(driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
    return {
        "nodes": sorted(
            (
                json.dumps(
                    [n["id"], sorted(n["labels"]), {k: v for k, v in n["props"].items() if k not in skip}],
                    sort_keys=True,
                    default=str,
                )
            )
            for n in nodes
        ),
        "relationships": sorted(
            json.dumps([r["a"], r["type"], r["b"], r["props"]], sort_keys=True, default=str) for r in rels
        ),
    }
