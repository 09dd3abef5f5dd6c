"""``kg build``: papers in, every output out (the whole pipeline in one command)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import ui
from kg.ingest import FORMATS, ON_ERROR

MAX_SHOWN_PROBLEMS = 20


def _exporter_names() -> list[str]:
    from kg.pipeline import EXPORTERS

    return list(EXPORTERS)


@click.command("build")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "out", metavar="OUT/", type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write everything into.")
@click.option("--update", "update", metavar="OUT/", type=click.Path(file_okay=False, path_type=Path),
              help="Add the papers of INPUT to the previous build in OUT/ (only new or changed papers are extracted).")
@click.option("--format", "format_", type=click.Choice(FORMATS), help="Read every INPUT as this format instead of detecting it.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs.")
@click.option("--on-error", type=click.Choice(ON_ERROR), default="raise", show_default=True,
              help="On a malformed input record: stop (raise) or skip it and report it.")
@click.option("-j", "--workers", type=click.IntRange(1), default=None,
              help="Extraction processes on this machine  [default: one per core]")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on this Dask cluster (scheduler address or scheduler file) instead.")
@click.option("--expand-acronyms/--no-expand-acronyms", default=True, show_default=True,
              help="Rename an acronym used without definition to the long form another paper defines (links more papers).")
@click.option("--export", "exporters", multiple=True, metavar="NAME",
              help="Only run this exporter (repeatable; default: all). `kg build --list-exporters` names them.")
@click.option("--list-exporters", is_flag=True, is_eager=True, expose_value=False, callback=lambda ctx, _, value: _list(ctx, value),
              help="Print the exporter names and exit.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed of the community detection (Louvain).")
@click.option("--stream-above", type=click.IntRange(0), default=None, metavar="N",
              help="Above N papers, stream the graph to disk instead of holding it in memory (GraphML/GEXF skipped, "
                   "view.html a sample)  [default: 25000]")
@click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, metavar="P",
    help="Keep only entities whose confidence (as in `kg extract --min-confidence`) is at least P: a sparser, "
    "more precise graph. With --update, only the newly extracted papers are filtered.",
)
@click.option("--force", is_flag=True, help="Write into OUT/ even if it holds files that are not a kg build output.")
def build(
    inputs: tuple[str, ...], out: Path | None, update: Path | None, format_: str | None, encoding: str, on_error: str,
    workers: int | None, dask_address: str | None, expand_acronyms: bool, exporters: tuple[str, ...], seed: int,
    stream_above: int | None, min_confidence: float, force: bool,
) -> None:
    """Read papers from INPUT files, extract their entities, link them, and write every output to OUT/.

    INPUT is any format `kg ingest` reads ('-' for stdin). OUT/ receives papers.jsonl,
    entities.jsonl (one record per paper, enough to rebuild everything), graph.json (node-link),
    graph.graphml and graph.gexf (for Gephi, yEd, Cytoscape), plus every other registered export
    (HTML view, Neo4j import bundle). Files appear only when all of them were written.

    A folder that is not empty and not a previous kg build output is refused unless --force.
    `kg build --update OUT/ new.txt` adds the papers of new.txt to OUT/ without duplicating
    papers or entities; running it again with the same input changes nothing.
    """
    from kg.pipeline import STREAM_ABOVE
    from kg.pipeline import build as run_build

    if out is not None and update is not None and out.resolve() != update.resolve():
        raise click.UsageError("give the folder once: -o OUT/ to build, or --update OUT/ to add to it")
    target = update if update is not None else out
    if target is None:
        raise click.UsageError("where to? give -o OUT/ (or --update OUT/ to add to a previous build)")
    result = run_build(
        inputs, target, format=format_, encoding=encoding, on_error=on_error, update=update is not None,
        force=force, workers=workers, dask_address=dask_address, expand_acronyms=expand_acronyms,
        exporters=list(exporters) or None, seed=seed, progress=ui.progress,
        stream_above=STREAM_ABOVE if stream_above is None else stream_above, min_confidence=min_confidence,
    )  # fmt: skip
    for problem in result.ingest.skipped[:MAX_SHOWN_PROBLEMS]:
        ui.summary(f"Warning: skipped {problem}")
    if len(result.ingest.skipped) > MAX_SHOWN_PROBLEMS:
        ui.summary(f"Warning: ... and {len(result.ingest.skipped) - MAX_SHOWN_PROBLEMS} more skipped")
    for amb in result.ambiguous_acronyms[:10]:
        ui.summary(f"Note: ambiguous acronym {amb.describe()}")
    for note in result.notes:
        ui.summary(f"Note: {note}")
    ui.summary(result.ingest.summary())
    ui.summary(f"{result.summary()}; wrote {target}/ ({', '.join(p.name for p in result.files)})")


def _list(ctx: click.Context, value: bool) -> None:
    if value:
        click.echo("\n".join(_exporter_names()))
        ctx.exit()
