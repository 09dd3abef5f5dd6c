"""Both extraction passes over a corpus of any size, in bounded memory.

Pass 1 streams papers through an engine, feeds each result to the corpus index and parks it
in a :class:`~kg.engines.spool.Spool` on disk; pass 2 (iterating the :class:`ExtractedCorpus`)
reads the spool back and resolves every paper against the finished index. Only the index
(distinct names and acronyms) and a few batches in flight are ever in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.engines import BATCH_SIZE, open_engine
from kg.engines.spool import Spool
from kg.model import ExtractedPaper, Paper


class ExtractedCorpus:
    """Pass 1 done: iterate for pass 2, the resolved papers in input order (re-readable)."""

    def __init__(self, spool: Spool, index: Any, *, expand_acronyms: bool = True) -> None:
        self.spool = spool
        self.index = index
        self.expand_acronyms = expand_acronyms

    def __len__(self) -> int:
        return self.spool.papers

    def __iter__(self) -> Iterator[ExtractedPaper]:
        for extracted in self.spool:
            yield self.index.resolve(extracted, expand_acronyms=self.expand_acronyms)


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
    The engine's workers are released before pass 2 starts.
    """
    from kg.extract import CorpusIndex

    index = CorpusIndex()
    with Spool(spool_dir) as spool:
        engine = open_engine(workers, dask_address, batch_size=batch_size, load_options=load_options)
        with engine:
            for chunk in engine.extract_chunks(papers):
                index.add_all(chunk.papers)
                spool.add(chunk)
                if on_extracted is not None:
                    on_extracted(len(chunk.papers))
        yield ExtractedCorpus(spool, index, expand_acronyms=expand_acronyms)
