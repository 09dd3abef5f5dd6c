"""``kg stats``: what a built graph holds: counts, top entities per type, communities."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.model import EntityType


@click.command("stats")
@click.argument("out_dir", metavar="OUT/", type=click.Path(file_okay=False, path_type=Path))
@click.option("-n", "--top", type=click.IntRange(0), default=5, show_default=True, help="Entities shown per type.")
@click.option("--by", type=click.Choice(["papers", "centrality"]), default="papers", show_default=True,
              help="Rank entities by the papers mentioning them, or by betweenness centrality (bridges between groups).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
def stats(out_dir: Path, top: int, by: str, as_json: bool) -> None:
    """Print the counts, the top entities of each type and the communities of the graph in OUT/."""
    from kg.errors import KgError
    from kg.export.files import load_graph
    from kg.graph import streamed, summary, top_entities

    if streamed.is_streamed(out_dir):  # too large to load: counted line by line
        if by == "centrality":
            raise KgError(f"--by centrality needs the whole graph in memory, and {out_dir}/graph.json is too large: use --by papers")
        counts, tops = streamed.streamed_stats(out_dir, top)
        communities = streamed.graph_attributes(out_dir).get("communities", [])
    else:
        G = load_graph(out_dir)
        counts = summary(G)
        tops = {t.value: top_entities(G, t, top, by=by) for t in EntityType}  # type: ignore[arg-type]
        communities = G.graph.get("communities", [])
    if as_json:
        record = {
            **counts,
            "top_entities": {t: [e.to_dict() for e in entities] for t, entities in tops.items()},
            "top_entities_by": by,
            "community_list": communities,
        }
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(f"{counts['papers']:,} papers, {counts['entities']:,} entities, {counts['mentions']:,} mentions")
    by_type = ", ".join(f"{n:,} {t}" for t, n in counts["entities_by_type"].items())
    click.echo(f"entities: {by_type}")
    if counts["papers_without_entities"]:
        click.echo(f"papers without entities: {counts['papers_without_entities']:,}")
    if counts["dated_papers"]:
        click.echo(f"dated papers: {counts['dated_papers']:,} ({counts['first_date']} to {counts['last_date']})")
    click.echo(f"connected components: {counts['components']:,} (largest: {counts['largest_component_papers']:,} papers)")
    score = "papers" if by == "papers" else "centrality"
    for entity_type, entities in tops.items():
        if not entities:
            continue
        click.echo(f"\ntop {entity_type} by {score}:")
        for e in entities:
            value = f"{e.paper_count:>5}" if by == "papers" else f"{e.score:.3f} ({e.paper_count} papers)"
            click.echo(f"  {value}  {e.name}")
    if communities:
        click.echo(f"\ncommunities ({len(communities)}):")
        for c in communities:
            click.echo(f"  {c['id']:>3}  {c['size']:>5} papers  {c['label']}")
