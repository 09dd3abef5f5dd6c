"""``kg export``: write a built graph in another format (one subcommand per format)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import ui


@click.group("export")
def export() -> None:
    """Write the graph of a `kg build` output folder in another format."""


@export.command("neo4j-csv")
@click.argument("source", metavar="OUT/", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="The bundle folder to write (default: OUT/neo4j).",
)
@click.option("--force", is_flag=True, help="Replace the bundle folder if it exists (never done otherwise).")
def neo4j_csv(source: Path, output: Path | None, force: bool) -> None:
    """Write a `neo4j-admin database import` bundle of the graph in OUT/ (its graph.json).

    The fastest first load of a big graph into a new database: CSV header and data files per
    label and relationship type (ID spaces, typed properties, arrays), the schema, and a
    README.md with the exact import command. The folder appears complete or not at all.
    Later updates go over Bolt with `kg push`, which adds to the imported database.
    """
    from kg.export.files import GRAPH_JSON, load_graph
    from kg.export.neo4j_csv import BUNDLE_DIR, write_bundle
    from kg.export.neo4j_csv_stream import is_streamed_graph_json, write_streamed_bundle

    folder = source if source.is_dir() else source.parent
    target = output if output is not None else folder / BUNDLE_DIR
    path = source / GRAPH_JSON if source.is_dir() else source
    if path.is_file() and is_streamed_graph_json(path):  # a streamed build: read a line at a time
        target = write_streamed_bundle(path, target, overwrite=force)
        what = "the streamed graph"
    else:
        graph = load_graph(source)
        target = write_bundle(graph, target, overwrite=force)
        what = f"{graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} relationships"
    ui.summary(f"wrote {target}/: {what} from {source}; import command in {target / 'README.md'}")
