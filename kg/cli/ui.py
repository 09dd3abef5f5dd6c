"""Terminal output helpers for commands: progress bars and summaries, quiet when piped."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click
from tqdm import tqdm

T = TypeVar("T")


def is_quiet(ctx: click.Context | None = None) -> bool:
    ctx = ctx or click.get_current_context(silent=True)
    return bool(ctx and (ctx.find_root().obj or {}).get("quiet"))


def progress(iterable: Iterable[T], *, desc: str, total: int | None = None, unit: str = "paper") -> Iterator[T]:
    """Wrap ``iterable`` in a progress bar with rate and ETA on stderr.

    Silent when ``-q`` was given or stderr is not a terminal, so piped output stays clean.
    """
    disable = is_quiet() or not sys.stderr.isatty()
    yield from tqdm(iterable, desc=desc, total=total, unit=unit, disable=disable, dynamic_ncols=True, leave=False)


def summary(message: str) -> None:
    """Print a summary line to stderr unless ``-q`` was given (stdout stays for data)."""
    if not is_quiet():
        click.echo(message, err=True)
