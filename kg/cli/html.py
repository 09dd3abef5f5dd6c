"""``kg html``: write the interactive, self-contained HTML view of a built graph."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import ui
from kg.export.html import DEFAULT_MAX_NODES, VIEW_HTML, default_title, prune, write_html


@click.command("html")
@click.argument("out_dir", metavar="OUT", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Where to write the page (default: OUT/{VIEW_HTML}).")
@click.option("--max-nodes", type=click.IntRange(min=0), default=DEFAULT_MAX_NODES, show_default=True,
              help="Draw at most this many nodes, the best linked first (0: no limit).")
@click.option("--min-degree", type=click.IntRange(min=0), default=0, show_default=True,
              help="Leave out nodes with fewer links than this (applied before --max-nodes).")
@click.option("--title", help="Page title (default: the graph's name, else 'Knowledge graph').")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists (never done otherwise).")
def html(out_dir: Path, output: Path | None, max_nodes: int, min_degree: int, title: str | None, force: bool) -> None:
    """Write one HTML file showing the graph that `kg build` wrote to OUT (OUT/graph.json).

    The page needs nothing else: no network, no server, no lib/ folder; it opens from a file.
    Node colour and shape show the type (legend on the left), size the number of links. Search
    titles, names and aliases; filter by type and minimum links; click a node for its details
    and neighbours; switch to the related-papers view. Graphs above 1,000 nodes are laid out
    here and drawn without physics.

    Pruning is predictable: first nodes with fewer than --min-degree links in the full graph
    go, then, past --max-nodes, the least linked (papers kept before entities on a tie, then
    by id). The page says how many nodes were left out and why.
    """
    from kg.export.files import load_graph

    G = load_graph(out_dir)
    target = output if output is not None else out_dir / VIEW_HTML
    write_html(G, target, overwrite=force, max_nodes=max_nodes or None, min_degree=min_degree,
               title=title or default_title(G))
    _, pruning = prune(G, max_nodes=max_nodes or None, min_degree=min_degree)
    ui.summary(f"wrote {target}: " + (pruning.describe() if pruning.removed else f"{pruning.total_nodes:,} nodes"))
