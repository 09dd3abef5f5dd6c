"""The ``kg`` command line: a thin layer over the library.

Commands are loaded lazily from their own modules (``kg/cli/<command>.py``) so that
``kg --help`` stays fast and each command's imports (spaCy, Neo4j, ...) load only when used.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import traceback
from typing import Any

import click

from kg import __version__
from kg.errors import KgError

# command name -> "module:attribute"; each command lives in its own module under kg/cli/.
COMMANDS: dict[str, str] = {
    "extract": "kg.cli.extract:extract",
    "eval": "kg.cli.eval:eval_",
    "html": "kg.cli.html:html",
    "ingest": "kg.cli.ingest:ingest",
    "fetch": "kg.cli.fetch:fetch",
    "build": "kg.cli.build:build",
    "stats": "kg.cli.stats:stats",
    "related": "kg.cli.related:related",
    "push": "kg.cli.push:push",
    "export": "kg.cli.export:export",
}


class KgGroup(click.Group):
    """A group that loads commands lazily and turns project errors into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module_name, attr = COMMANDS[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attr)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KgError as exc:
            if _debug(ctx):
                traceback.print_exc()
            raise click.ClickException(str(exc)) from exc
        except KeyboardInterrupt:
            raise click.exceptions.Abort() from None
        except BrokenPipeError:  # `kg stats OUT | head`: the reader left, which is not an error
            _silence_stdout()
            raise click.exceptions.Exit(0) from None
        except (OSError, UnicodeError) as exc:
            if _debug(ctx):
                traceback.print_exc()
            raise click.ClickException(_describe_os_error(exc)) from exc
        except Exception as exc:  # a bug: still one line, the traceback on request
            if _debug(ctx):
                raise
            raise click.ClickException(
                f"{type(exc).__name__}: {exc} (this is a bug in kg; run with --debug for the traceback)"
            ) from exc


def _debug(ctx: click.Context) -> bool:
    return bool((ctx.find_root().obj or {}).get("debug"))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More output (repeat for debug logging).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no summary and no progress bars.")
@click.option("--debug", is_flag=True, help="Show the full traceback on errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, debug: bool) -> None:
    """kg: turn research-paper titles and abstracts into a knowledge graph.

    Read papers (Daily Papers pages, JSON Lines, CSV, BibTeX, arXiv), extract methods,
    datasets, metrics, tasks and code links, link papers through what they share, and
    export to Neo4j, GraphML and an interactive HTML view.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(verbose=0 if quiet else verbose, quiet=quiet, debug=debug)
    level = logging.WARNING if verbose == 0 or quiet else logging.INFO if verbose == 1 else logging.DEBUG
    if quiet:
        level = logging.ERROR
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    cli(prog_name="kg")
