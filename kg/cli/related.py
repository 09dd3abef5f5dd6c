"""``kg related``: the papers most related to one paper, and the shared entities that say why."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("related")
@click.argument("out_dir", metavar="OUT/", type=click.Path(file_okay=False, path_type=Path))
@click.argument("paper", metavar="PAPER")
@click.option("-k", "--top", "k", type=click.IntRange(1), default=10, show_default=True, help="How many related papers.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the paper and its related papers with reasons).")
def related(out_dir: Path, paper: str, k: int, as_json: bool) -> None:
    """List the papers of OUT/ most related to PAPER (a paper id or title; a unique part of a
    title or a near miss will do) with the entities they share, rarest first.

    Two papers are related when they share methods, datasets, metrics, tasks or code; each shared
    entity counts more the fewer papers mention it.
    """
    from kg.export.files import load_graph
    from kg.graph import find_paper, streamed
    from kg.graph import related as find_related

    if streamed.is_streamed(out_dir):  # too large to load: read the paper's neighbourhood only
        node = streamed.find_paper(out_dir, paper)
        G = streamed.neighbourhood(out_dir, node)
    else:
        G = load_graph(out_dir)
        node = find_paper(G, paper)
    results = find_related(G, node, k)
    data = G.nodes[node]
    if as_json:
        record = {"paper": node, "paper_id": data.get("paper_id"), "title": data.get("title"),
                  "related": [r.to_dict() for r in results]}  # fmt: skip
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data.get('title')} [{data.get('paper_id')}]")
    if not results:
        click.echo("  no related papers: it shares no entity with another paper")
        return
    for rank, r in enumerate(results, 1):
        click.echo(f"{rank:>3}. {r.score:6.3f}  {r.title} [{r.paper_id}]")
        reasons = ", ".join(f"{x.name} ({x.type}, {x.paper_count} papers)" for x in r.reasons)
        click.echo(f"       shared: {reasons}")
