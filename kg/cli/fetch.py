"""``kg fetch``: download papers from the arXiv API or Hugging Face Daily Papers as JSON Lines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import click

from kg.cli import ui
from kg.cli.ingest import show_problems, write_papers
from kg.errors import KgError
from kg.ingest import IngestReport, deduplicate
from kg.ingest.fetch import ARXIV_DELAY, CACHE_MAX_AGE, HF_DELAY, Client, default_cache_dir, fetch_arxiv, fetch_hf_daily
from kg.model import Paper

_COMMON_EPILOG = (
    "\b\nThe raw responses are cached in --cache-dir (default $KG_CACHE_DIR, else ~/.cache/kg)\n"
    "for a day; --refresh ignores the cache. Failed requests (timeouts, HTTP 429/5xx) are\n"
    "retried with exponential backoff."
)


def _options(default_delay: float):  # type: ignore[no-untyped-def]
    def decorate(command):  # type: ignore[no-untyped-def]
        for option in reversed(
            [
                click.option("-o", "--output", required=True, metavar="FILE", help="Where to write the papers (JSON Lines); '-' for stdout."),
                click.option("--force", is_flag=True, help="Overwrite FILE if it exists (never done otherwise)."),
                click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Cache of raw responses (default: $KG_CACHE_DIR or ~/.cache/kg)."),
                click.option("--refresh", is_flag=True, help="Ignore cached responses and ask the server again."),
                click.option("--delay", type=click.FloatRange(min=0), default=default_delay, show_default=True, envvar="KG_FETCH_DELAY", help="Seconds between requests to the server [env KG_FETCH_DELAY]."),
                click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True, help="Retries of a failed request."),
                click.option("--backoff", type=click.FloatRange(min=0), default=2.0, show_default=True, help="Seconds before the first retry, doubled for each next one."),
                click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help="Seconds to wait for a response."),
            ]
        ):
            command = option(command)
        return command

    return decorate


@click.group("fetch")
def fetch() -> None:
    """Download papers from a live source and write them as JSON Lines (like `kg ingest`).

    These are the only kg commands that use the network.
    """


@fetch.command("arxiv", epilog=_COMMON_EPILOG)
@click.option("--query", "-Q", required=True, help="Words to search for, or an arXiv query such as 'cat:cs.LG AND ti:diffusion'.")
@click.option("--max", "max_results", type=click.IntRange(min=1), default=100, show_default=True, help="Most papers to fetch.")
@click.option("--sort", type=click.Choice(["relevance", "submitted", "updated"]), default="relevance", show_default=True, help="Order of the results.")
@_options(ARXIV_DELAY)
def arxiv(query: str, max_results: int, sort: str, **options: object) -> None:
    """Fetch papers matching a query from the arXiv API (https://export.arxiv.org/api/query).

    Plain words must all appear in the paper (all:word AND ...); queries with field prefixes
    (ti:, abs:, au:, cat:, all:) are sent as given. The API is asked for pages of up to 100
    results, --delay seconds apart (arXiv asks for 3 s). Set KG_ARXIV_API_URL to use another server.
    """
    sort_by = {"relevance": "relevance", "submitted": "submittedDate", "updated": "lastUpdatedDate"}[sort]
    report = IngestReport()
    client = _client(options)
    papers = fetch_arxiv(query, max_results, client=client, sort_by=sort_by, report=report)
    _write(papers, report, options, total=max_results, what=f"arXiv query {query!r}")


@fetch.command("hf-daily", epilog=_COMMON_EPILOG)
@click.option("--date", "day", required=True, type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="The day of Daily Papers to fetch.")
@_options(HF_DELAY)
def hf_daily(day: datetime, **options: object) -> None:
    """Fetch one day of Hugging Face Daily Papers (https://huggingface.co/api/daily_papers).

    Set KG_HF_API_URL to use another server.
    """
    report = IngestReport()
    papers = fetch_hf_daily(day.date(), client=_client(options), report=report)
    _write(papers, report, options, total=None, what=f"Daily Papers of {day.date().isoformat()}")


def _client(options: dict[str, object]) -> Client:
    cache_dir = options["cache_dir"] or default_cache_dir()
    return Client(
        cache_dir=cache_dir,  # type: ignore[arg-type]
        delay=float(options["delay"]),  # type: ignore[arg-type]
        retries=int(options["retries"]),  # type: ignore[call-overload]
        backoff=float(options["backoff"]),  # type: ignore[arg-type]
        timeout=float(options["timeout"]),  # type: ignore[arg-type]
        max_age=0.0 if options["refresh"] else CACHE_MAX_AGE,
    )


def _write(papers: Iterator[Paper], report: IngestReport, options: dict[str, object], *, total: int | None, what: str) -> None:
    output = str(options["output"])
    unique = deduplicate(papers, report)
    written = write_papers(ui.progress(unique, desc="fetch", total=total), output, force=bool(options["force"]))
    show_problems(report.skipped)
    if written == 0:
        raise KgError(f"no papers found for {what}")
    ui.summary(f"{report.summary().replace('file', 'response')}; wrote {'stdout' if output == '-' else output}")
