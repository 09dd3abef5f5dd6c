"""The pytest fixtures of the Neo4j tests, loaded with ``pytest_plugins = ["neo4j_fixtures"]``:
``neo4j_driver`` (a session-wide driver of the server in NEO4J_URI) and ``db`` (its database,
wiped and held by one test)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j import Driver
from neo4j_support import empty_database, server

from kg.export.neo4j import connect


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[Driver]:
    uri, auth = server()
    with connect(uri, auth) as driver:
        yield driver


@pytest.fixture
def db(neo4j_driver: Driver) -> Iterator[Driver]:
    """The driver of a server whose database ``neo4j`` is empty, held by this test alone."""
    with empty_database(neo4j_driver) as driver:
        yield driver
