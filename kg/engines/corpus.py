"""Both extraction passes over a corpus of any size, in bounded memory.

Pass 1 streams papers through an engine; the workers pack each batch for a
:class:`~kg.engines.spool.Spool` on disk and index it, and this process merges the batch
indexes into the corpus index. Pass 2 reads the spool back and resolves every paper against
the finished index: in this process by iterating the :class:`ExtractedCorpus`, or on the
engine's workers with :meth:`ExtractedCorpus.map`. Only the index (distinct names and
acronyms) and a few batches in flight are ever in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from kg.engines import BATCH_SIZE, Engine, open_engine
from kg.engines.local import InProcessEngine
from kg.engines.spool import Spool
from kg.engines.worker import resolve_apply
from kg.model import ExtractedPaper, Paper

R = TypeVar("R")


class ExtractedCorpus:
    """Pass 1 done: iterate for pass 2, the resolved papers in input order (re-readable)."""

    def __init__(self, spool: Spool, index: Any, *, expand_acronyms: bool = True, engine: Engine | None = None) -> None:
        self.spool = spool
        self.index = index
        self.expand_acronyms = expand_acronyms
        self.engine = engine

    def __len__(self) -> int:
        return self.spool.papers

    def __iter__(self) -> Iterator[ExtractedPaper]:
        for extracted in self.spool:
            yield self.index.resolve(extracted, expand_acronyms=self.expand_acronyms)

    def map(self, fn: Callable[[list[ExtractedPaper]], R]) -> Iterator[R]:
        """``fn`` of each spooled batch of resolved papers, in input order, run on the engine's
        workers (the finished index shipped once to each); ``fn`` must be picklable (a module
        function) and should return something cheaper to send back than the papers.
        The engine's workers are released when the map is done (a later map starts new ones)."""
        engine = self.engine or InProcessEngine()
        try:
            yield from engine.map_shared(partial(resolve_apply, fn=fn), (self.index, self.expand_acronyms), self.spool.packed())
        finally:
            engine.__exit__(None, None, None)  # their pipelines' memory back before what follows pass 2


@contextmanager
def extract_corpus(
    papers: Iterable[Paper],
    *,
    workers: int | None = 1,
    dask_address: str | None = None,
    spool_dir: str | Path | None = None,
    batch_size: int = BATCH_SIZE,
    load_options: Mapping[str, Any] | None = None,
    expand_acronyms: bool = True,
    on_extracted: Callable[[int], None] | None = None,
) -> Iterator[ExtractedCorpus]:
    """Run pass 1 (see :func:`kg.engines.open_engine` for ``workers`` and ``dask_address``)
    and give the corpus for pass 2; the spool is deleted on exit.

    ``on_extracted(n)`` is called after each batch of ``n`` papers (progress bars).
    The engine's workers stay up for :meth:`ExtractedCorpus.map` and are released after it or on exit.
    """
    from kg.extract import CorpusIndex

    index = CorpusIndex()
    with Spool(spool_dir) as spool:
        engine = open_engine(workers, dask_address, batch_size=batch_size, load_options=load_options)
        with engine:
            for chunk in engine.extract_indexed(papers):
                index.merge(chunk.index)
                spool.add(chunk)
                if on_extracted is not None:
                    on_extracted(chunk.size)
            yield ExtractedCorpus(spool, index, expand_acronyms=expand_acronyms, engine=engine)
