"""Pure parts of the Neo4j exporter: property values, shown URIs, import ids, query whitelists."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from neo4j_support import graph

from kg.export.neo4j import graph_import_id, neo4j_value, node_query, relationship_query, shown_uri

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8)


def storable(value) -> bool:
    if value is None or isinstance(value, bool | int | float | str):
        return True
    return (
        isinstance(value, list)
        and bool(value)
        and len({type(v) for v in value}) == 1
        and all(isinstance(v, bool | int | float | str) for v in value)
    )


@given(values)
def test_every_value_becomes_one_neo4j_can_store(value):
    assert storable(neo4j_value(value))


@given(st.lists(st.text(), min_size=1))
def test_lists_of_strings_are_kept_as_they_are(items):
    assert neo4j_value(items) == items
    assert neo4j_value(tuple(items)) == items


def test_empty_lists_are_not_stored_and_mixed_numbers_become_floats():
    assert neo4j_value([]) is None
    assert neo4j_value([1, 2.5]) == [1.0, 2.5]
    assert neo4j_value([1, "a"]) == '[1, "a"]'
    assert neo4j_value({"b": 1, "a": [2]}) == '{"a": [2], "b": 1}'


@given(st.text(alphabet=st.characters(blacklist_characters="@/:?#[]%", blacklist_categories=("Cs", "Cc")), min_size=4))
def test_a_password_in_the_uri_is_never_shown(password):
    uri = f"bolt://neo4j:{password}@db.example.org:7687"
    shown = shown_uri(uri)
    assert password not in shown and shown == "bolt://db.example.org:7687"


def test_the_import_id_depends_on_content_not_on_order():
    G = graph("day1")
    H = nx.DiGraph()
    nodes = list(G.nodes(data=True))
    random.Random(1).shuffle(nodes)
    H.add_nodes_from(nodes)
    H.add_edges_from(reversed(list(G.edges(data=True))))
    assert graph_import_id(H) == graph_import_id(G)
    H.remove_edge(*next(iter(G.edges)))
    assert graph_import_id(H) != graph_import_id(G)


@pytest.mark.parametrize(
    "call",
    [
        lambda: node_query("Paper`) DETACH DELETE (n"),
        lambda: relationship_query("USES]->() DELETE r //", "Paper", "Method"),
        lambda: relationship_query("USES", "Person", "Method"),
    ],
)
def test_queries_are_built_only_from_whitelisted_labels_and_types(call):
    with pytest.raises(ValueError, match="is not one of"):
        call()
