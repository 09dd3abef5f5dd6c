"""Execution engines for extraction: in-process, a local process pool, or a Dask cluster.

Every engine maps :func:`kg.extract.extract_papers` over batches of papers and yields the
:class:`~kg.model.ExtractedPaper` results in input order, with a bounded number of batches
in flight so memory stays flat however long the input::

    with open_engine(workers=4) as engine:
        for extracted in engine.extract(papers):
            ...

The same workers run the rest of a large build (:mod:`kg.engines.corpus`): each batch is
packed and indexed where it was extracted (:meth:`Engine.extract_indexed`), and pass 2 maps
a function over the spooled batches with the finished index sent once to every worker
(:meth:`Engine.map_shared`), so the calling process mostly reads input and writes output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

from kg.engines.spool import Chunk, IndexedChunk, Spool
from kg.model import ExtractedPaper, Paper

T = TypeVar("T")
S = TypeVar("S")

#: Papers per batch sent to a worker process (large enough to amortise the transfer).
BATCH_SIZE = 256


class Engine(Protocol):
    """Runs extraction somewhere; a context manager that releases its workers on exit."""

    #: How many extraction processes (or Dask threads) work in parallel.
    workers: int

    def extract(self, papers: Iterable[Paper]) -> Iterator[ExtractedPaper]:
        """Extract every paper, yielding results in input order."""
        ...

    def extract_chunks(self, papers: Iterable[Paper]) -> Iterator[Chunk]:
        """The same, a batch at a time, each also packed for a :class:`Spool`."""
        ...

    def extract_indexed(self, papers: Iterable[Paper]) -> Iterator[IndexedChunk]:
        """Batches packed for a :class:`Spool` with each batch's corpus index, all made by the
        workers (pass 1 without unpickling a paper in this process)."""
        ...

    def map_shared(self, fn: Callable[[T, S], Any], shared: S, items: Iterable[T]) -> Iterator[Any]:
        """``fn(item, shared)`` for every item on the workers, results in input order; ``shared``
        (pickled) reaches each worker once, not with every item."""
        ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


def default_workers() -> int:
    """The number of cores this process may use (the ``--workers`` default)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def open_engine(
    workers: int | None = None,
    dask_address: str | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    load_options: Mapping[str, Any] | None = None,
) -> Engine:
    """The engine for a ``kg build`` run.

    ``dask_address`` (a scheduler address such as ``tcp://host:8786``, or a scheduler file
    written by dask-jobqueue / dask-mpi) selects the Dask engine; otherwise ``workers``
    processes on this machine (``None``: one per core; ``1``: in this process).
    ``load_options`` are passed to :func:`kg.extract.load` in every worker.
    """
    options = dict(load_options or {})
    if dask_address:
        from kg.engines.cluster import DaskEngine

        return DaskEngine(dask_address, batch_size=batch_size, load_options=options)
    from kg.engines.local import InProcessEngine, ProcessPoolEngine

    n = default_workers() if workers is None else workers
    if n < 1:
        raise ValueError(f"workers must be at least 1, not {n}")
    if n == 1:
        return InProcessEngine(batch_size=batch_size, load_options=options)
    return ProcessPoolEngine(n, batch_size=batch_size, load_options=options)


__all__ = ["BATCH_SIZE", "Chunk", "Engine", "IndexedChunk", "Spool", "default_workers", "open_engine"]
