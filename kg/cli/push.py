"""``kg push``: write a built graph (or papers, built first) to a Neo4j database over Bolt."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click
import networkx as nx

from kg.cli import ui
from kg.export.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_DATABASE, DEFAULT_URI, DEFAULT_USER, DEFAULT_WORKERS, shown_uri


@click.command("push")
@click.argument("sources", nargs=-1, required=True, metavar="OUT/ | INPUT...")
@click.option(
    "--uri",
    envvar="NEO4J_URI",
    default=DEFAULT_URI,
    show_default=True,
    show_envvar=True,
    help="Bolt URI of the Neo4j server.",
)
@click.option(
    "-u",
    "--username",
    envvar="NEO4J_USERNAME",
    default=DEFAULT_USER,
    show_default=True,
    show_envvar=True,
    help="User to log in as.",
)
@click.option(
    "-p",
    "--password",
    envvar="NEO4J_PASSWORD",
    show_envvar=True,
    help="Password (prefer the environment variable: a flag is visible to other users of the machine).",
)
@click.option(
    "-d",
    "--database",
    envvar="NEO4J_DATABASE",
    default=DEFAULT_DATABASE,
    show_default=True,
    show_envvar=True,
    help="Database to write to.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Rows per transaction.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=DEFAULT_WORKERS,
    show_default=True,
    help="Transactions written at once (each on nodes no other one touches).",
)
@click.option("--wipe", is_flag=True, help="Delete every node and relationship in the database first (asks first).")
@click.option("-y", "--yes", is_flag=True, help="Do not ask before wiping.")
def push(
    sources: tuple[str, ...],
    uri: str,
    username: str,
    password: str | None,
    database: str,
    batch_size: int,
    workers: int,
    wipe: bool,
    yes: bool,
) -> None:
    """Write the graph of a `kg build` output folder OUT/ (its graph.json) to Neo4j.

    Given paper files (any format `kg ingest` reads) instead, builds their graph first. The
    schema comes first (a uniqueness constraint on `id` for every label, name indexes, a
    full-text index over titles and abstracts), then nodes and relationships in batches of
    --batch-size rows, each batch a transaction retried on transient errors. Pushing is
    idempotent: the same graph again changes nothing, a graph with tomorrow's papers adds what
    is new and replaces the links of papers pushed again. An interrupted push can simply be run
    again. The password is never printed.
    """
    graph = _graph(sources)
    from kg.export.neo4j import Push, connect

    shown = shown_uri(uri)
    auth = (username, password) if password is not None else None
    with connect(uri, auth) as driver:
        if wipe and not yes:
            click.confirm(f"Delete every node and relationship in database '{database}' at {shown}?", abort=True)
        pusher = Push(graph, driver, database=database, batch_size=batch_size, workers=workers, wipe=wipe, uri=shown)
        for _ in ui.progress(pusher.steps(), desc="push", total=pusher.total_steps, unit="batch"):
            pass
    result = pusher.result
    assert result is not None
    changed = (
        f"{result.nodes_created:,} nodes and {result.relationships_created:,} relationships created"
        if result.nodes_created or result.relationships_created or result.relationships_deleted
        else "nothing new"
    )
    if result.relationships_deleted:
        changed += f", {result.relationships_deleted:,} relationships removed"
    if result.wiped:
        changed = f"{result.wiped:,} nodes wiped first, {changed}"
    ui.summary(
        f"pushed {result.nodes:,} nodes and {result.relationships:,} relationships to {shown} "
        f"(database {database}, import {result.import_seq}): {changed}, in {result.seconds:.1f}s"
    )


def _graph(sources: tuple[str, ...]) -> nx.DiGraph:
    """The graph of a build output folder (or its graph.json), else of the papers in ``sources``."""
    from kg.export.files import GRAPH_JSON, load_graph

    if len(sources) == 1:
        source = Path(sources[0])
        if source.is_dir() or source.name == GRAPH_JSON:
            return load_graph(source)
    from kg.pipeline import build

    with tempfile.TemporaryDirectory(prefix="kg-push-") as tmp:
        build(list(sources), Path(tmp) / "out", exporters=["graph-json"], progress=ui.progress)
        return load_graph(Path(tmp) / "out")
