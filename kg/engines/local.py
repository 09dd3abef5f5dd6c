"""Engines on this machine: in this process, or a pool of processes with one pipeline each."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

from kg.engines.spool import Chunk, IndexedChunk, pack, unpack
from kg.engines.window import batched, ordered
from kg.engines.worker import call_shared, extract_indexed, extract_packed, pipeline
from kg.errors import KgError
from kg.model import ExtractedPaper, Paper

T = TypeVar("T")
S = TypeVar("S")


class InProcessEngine:
    """``--workers 1``: the pipeline runs in this process, streaming through ``nlp.pipe``."""

    workers = 1

    def __init__(self, *, batch_size: int = 256, load_options: Mapping[str, Any] | None = None) -> None:
        self.batch_size = batch_size
        self.load_options = dict(load_options or {})

    def extract(self, papers: Iterable[Paper]) -> Iterator[ExtractedPaper]:
        from kg.extract import extract_papers

        yield from extract_papers(papers, pipeline(self.load_options), batch_size=min(self.batch_size, 64))

    def extract_chunks(self, papers: Iterable[Paper]) -> Iterator[Chunk]:
        for batch in batched(self.extract(papers), self.batch_size):
            yield Chunk(batch, pack(batch))

    def extract_indexed(self, papers: Iterable[Paper]) -> Iterator[IndexedChunk]:
        from kg.extract import CorpusIndex

        for batch in batched(self.extract(papers), self.batch_size):
            yield IndexedChunk(pack(batch), len(batch), CorpusIndex().add_all(batch))

    def map_shared(self, fn: Callable[[T, S], Any], shared: S, items: Iterable[T]) -> Iterator[Any]:
        for item in items:
            yield fn(item, shared)

    def __enter__(self) -> InProcessEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class ProcessPoolEngine:
    """``--workers N``: N processes, each loading the pipeline once, fed batches of papers.

    Processes are spawned, not forked, so workers never inherit the parent's threads or
    half-initialised state (and behave the same on Linux, macOS and Windows). As with any
    spawned pool, a script that uses this engine needs its main code under
    ``if __name__ == "__main__":``.
    """

    def __init__(self, workers: int, *, batch_size: int = 256, load_options: Mapping[str, Any] | None = None) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self.load_options = dict(load_options or {})
        self._pool: ProcessPoolExecutor | None = None

    def extract(self, papers: Iterable[Paper]) -> Iterator[ExtractedPaper]:
        for chunk in self.extract_chunks(papers):
            yield from chunk.papers

    def extract_chunks(self, papers: Iterable[Paper]) -> Iterator[Chunk]:
        for packed in self._map(partial(extract_packed, load_options=self.load_options), batched(papers, self.batch_size)):
            yield Chunk(unpack(packed), packed)

    def extract_indexed(self, papers: Iterable[Paper]) -> Iterator[IndexedChunk]:
        yield from self._map(partial(extract_indexed, load_options=self.load_options), batched(papers, self.batch_size))

    def map_shared(self, fn: Callable[[T, S], Any], shared: S, items: Iterable[T]) -> Iterator[Any]:
        """``fn(item, shared)`` for every item on the workers, in order; ``shared`` goes to each
        worker process once (through a temporary file), not with every item."""
        with _pickled(shared) as path:
            yield from self._map(partial(call_shared, fn, path), items)

    def _map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        pool = self._pool or self.__enter__()._pool
        assert pool is not None
        try:
            yield from ordered(partial(pool.submit, fn), items, window=2 * self.workers + 1)
        except BrokenProcessPool as exc:
            raise KgError(
                "a worker process died unexpectedly: out of memory (try fewer --workers)? "
                "Or, calling kg from a script, is its main code under `if __name__ == \"__main__\":`?"
            ) from exc

    def __enter__(self) -> ProcessPoolEngine:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


@contextmanager
def _pickled(obj: Any) -> Iterator[str]:
    """A temporary file holding ``obj`` pickled, removed on exit."""
    fd, path = tempfile.mkstemp(prefix="kg-shared-", suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        yield path
    finally:
        os.unlink(path)
