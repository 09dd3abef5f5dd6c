"""``kg extract``: read papers, extract their entities, write one GUIDELINES record per paper."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

import click

from kg.cli import ui
from kg.errors import KgError, OutputError
from kg.ingest import FORMATS, ON_ERROR, IngestReport, read_papers
from kg.io import atomic_write, dumps_line
from kg.model import ExtractedPaper


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write the entities (JSON Lines); '-' for stdout.")
@click.option("--format", "format_", type=click.Choice(FORMATS), help="Read every INPUT as this format instead of detecting it.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs.")
@click.option("--on-error", type=click.Choice(ON_ERROR), default="raise", show_default=True, help="On a malformed input record: stop (raise) or skip it and report it.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Worker processes for extraction.")
@click.option("--batch-size", type=click.IntRange(1), default=64, show_default=True, help="Papers per spaCy batch (and per task of a worker process).")
@click.option("--resolve/--no-resolve", default=True, show_default=True, help="Unify entity names across papers (second pass).")
@click.option(
    "--expand-acronyms/--no-expand-acronyms", default=False, show_default=True,
    help="With --resolve: rename an acronym used without definition to the long form another paper defines "
    "(links papers in the graph; GUIDELINES gold keeps the acronym as written).",
)
@click.option(
    "--filter/--no-filter", "filter_", default=True, show_default=True,
    help="Drop the methods and tasks the learned filter finds unlikely (passing mentions, generic words); "
    "--no-filter keeps every entity the rules find: more recall, less precision.",
)
@click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, metavar="P",
    help="Keep only entities whose confidence (the learned filter's probability that an annotator would mark "
    "them) is at least P: higher P, more precision, less recall.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists (never done otherwise).")
def extract(
    inputs: tuple[str, ...], output: str, format_: str | None, encoding: str, on_error: str,
    jobs: int, batch_size: int, resolve: bool, expand_acronyms: bool, filter_: bool, min_confidence: float, force: bool,
) -> None:
    """Extract methods, datasets, metrics, tasks and code links from papers in INPUT files.

    INPUT is any format `kg ingest` reads ('-' for stdin); a JSON Lines "id" is kept as the paper
    id. Each output line is one paper: its metadata plus "entities" (type, name, aliases,
    proposed, evidence, confidence, rule; "kind" for code links). With --resolve (default) a
    second pass gives each entity one name across all papers and reports acronyms defined with
    different long forms. Output is written atomically and never overwrites FILE without --force.
    """
    from kg.engines import open_engine
    from kg.extract import CorpusIndex

    target = _check_output(output, force)
    report = IngestReport()
    papers = read_papers(inputs, format=format_, encoding=encoding, on_error=on_error, report=report)  # type: ignore[arg-type]
    types: Counter[str] = Counter()
    count = 0
    index = CorpusIndex()
    tmp_dir = target.parent if target is not None else None
    fd, tmp_name = tempfile.mkstemp(prefix=".kg-extract.", suffix=".jsonl", dir=tmp_dir)
    try:
        # the engines of `kg build --workers`: N processes each load the pipeline once and take batches
        # of papers (spaCy's own n_process sent every Doc back serialised: slower than one process)
        settings: dict[str, object] = {}
        if not filter_:
            settings["keep_thresholds"] = {}
        if min_confidence:
            settings["min_confidence"] = min_confidence
        with os.fdopen(fd, "w", encoding="utf-8") as tmp, open_engine(
            jobs, batch_size=batch_size, load_options={"kg_entities": settings} if settings else None
        ) as engine:
            for extracted in ui.progress(engine.extract(papers), desc="extract"):
                if resolve:
                    index.add(extracted)
                tmp.write(dumps_line(extracted.to_dict()))
                count += 1
        if count == 0:
            raise KgError("no papers read from " + ", ".join(inputs[:3]) + (f" ({len(report.skipped)} skipped)" if report.skipped else ""))

        def records():
            with open(tmp_name, encoding="utf-8") as fh:
                for line in fh:
                    paper = ExtractedPaper.from_dict(json.loads(line))
                    if resolve:
                        paper = index.resolve(paper, expand_acronyms=expand_acronyms)
                    types.update(e.type.value for e in paper.entities)
                    yield paper.to_dict()

        if target is None:
            for record in records():
                sys.stdout.write(dumps_line(record))
            sys.stdout.flush()
        else:
            with atomic_write(target) as fh:
                for record in records():
                    fh.write(dumps_line(record))
    finally:
        os.unlink(tmp_name)
    for problem in report.skipped[:20]:
        ui.summary(f"Warning: skipped {problem}")
    ambiguous = index.ambiguous() if resolve else []
    for amb in ambiguous[:10]:
        ui.summary(f"Note: ambiguous acronym {amb.describe()}")
    by_type = ", ".join(f"{types[t]} {t}" for t in ("method", "dataset", "metric", "task", "code"))
    ui.summary(
        f"{count} papers, {sum(types.values())} entities ({by_type})"
        + (f", {len(ambiguous)} ambiguous acronyms" if ambiguous else "")
        + f"; wrote {'stdout' if target is None else output}"
    )


def _check_output(output: str, force: bool) -> Path | None:
    if output == "-":
        return None
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"{output}: is a directory; give a file name for the output")
    if path.exists() and not force:
        raise OutputError(f"{output}: already exists; pass --force to overwrite it")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    return path
