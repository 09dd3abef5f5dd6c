"""``kg ingest``: read papers from any supported source and write them as normalised JSON Lines."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from kg.cli import ui
from kg.errors import InputError, KgError, OutputError, Problem
from kg.ingest import FORMAT_HELP, FORMATS, ON_ERROR, IngestReport, read_papers
from kg.io import atomic_write, dumps_line
from kg.model import Paper

MAX_SHOWN_PROBLEMS = 20
_FORMATS_HELP = "\n".join(f"  {name:<11} {FORMAT_HELP[name]}" for name in FORMATS)


@click.command(
    "ingest",
    epilog=f"\b\nFormats (detected from the extension, else from the content):\n{_FORMATS_HELP}",
)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write the papers (JSON Lines); '-' for stdout.")
@click.option("--format", "format_", type=click.Choice(FORMATS), help="Read every INPUT as this format instead of detecting it.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs (e.g. latin-1, cp1252, utf-16).")
@click.option(
    "--on-error", type=click.Choice(ON_ERROR), default="raise", show_default=True,
    help="On a malformed record: stop with an error (raise), or leave it out, go on and report it (skip).",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists (never done otherwise).")
def ingest(inputs: tuple[str, ...], output: str, format_: str | None, encoding: str, on_error: str, force: bool) -> None:
    """Read papers from INPUT files and write them, normalised and de-duplicated, to FILE.

    INPUT may be a Daily Papers page saved as text, JSON Lines, a JSON array, CSV/TSV, BibTeX or
    an arXiv API response; '-' reads stdin. Each output line is one paper: id, title, abstract,
    authors, published, source, url, arxiv_id, doi, links, categories. Papers with the same id
    or the same normalised title are merged. FILE is written atomically: on an error no partial
    file is left behind ('-o -' streams lines as they come). An existing FILE is not overwritten
    unless --force is given.
    """
    report = IngestReport()
    papers = read_papers(inputs, format=format_, encoding=encoding, on_error=on_error, report=report)  # type: ignore[arg-type]
    written = write_papers(ui.progress(papers, desc="ingest"), output, force=force)
    show_problems(report.skipped)
    if written == 0:
        raise KgError(f"no papers read from {_names(inputs)}" + (f" ({len(report.skipped)} skipped)" if report.skipped else ""))
    ui.summary(f"{report.summary()}; wrote {_where(output)}")


def write_papers(papers: Iterable[Paper], output: str, *, force: bool) -> int:
    """Write ``papers`` as JSON Lines to ``output`` (atomically) or stdout; the number written.

    Nothing is written when no paper comes, so a failed run never leaves an empty file.
    """
    if output == "-":
        count = 0
        for paper in papers:
            sys.stdout.write(dumps_line(paper.to_dict()))
            count += 1
        sys.stdout.flush()
        return count
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"{output}: is a directory; give a file name for the output")
    if path.exists() and not force:
        raise OutputError(f"{output}: already exists; pass --force to overwrite it")
    iterator = iter(papers)
    first = next(iterator, None)
    if first is None:
        return 0
    count = 0
    with atomic_write(path) as fh:
        fh.write(dumps_line(first.to_dict()))
        count += 1
        for paper in iterator:
            fh.write(dumps_line(paper.to_dict()))
            count += 1
    return count


def show_problems(problems: list[Problem]) -> None:
    """List what was skipped (the first few, then a count) as warnings on stderr."""
    for problem in problems[:MAX_SHOWN_PROBLEMS]:
        ui.summary(f"Warning: skipped {problem}")
    if len(problems) > MAX_SHOWN_PROBLEMS:
        ui.summary(f"Warning: ... and {len(problems) - MAX_SHOWN_PROBLEMS} more skipped")


def _names(inputs: tuple[str, ...]) -> str:
    shown = ", ".join("<stdin>" if i == "-" else i for i in inputs[:3])
    return shown + (f" and {len(inputs) - 3} more" if len(inputs) > 3 else "")


def _where(output: str) -> str:
    return "stdout" if output == "-" else output


__all__ = ["ingest", "write_papers", "show_problems", "InputError"]
