"""The Dask engine: extraction on an existing ``distributed`` cluster, results back in order.

Papers go to the workers in batches; each worker process loads the pipeline once and keeps
it. The client holds at most a few batches per worker thread in flight, so a corpus of any
size streams through with flat memory on both sides. Resolution and the graph stay here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from kg.engines.spool import Chunk, IndexedChunk, unpack
from kg.engines.window import batched, ordered
from kg.engines.worker import extract_indexed, extract_packed, warm

T = TypeVar("T")
S = TypeVar("S")
from kg.errors import ConnectionFailed, KgError
from kg.model import ExtractedPaper, Paper

CONNECT_TIMEOUT = "20s"


class DaskEngine:
    """``--dask ADDRESS``: a scheduler address (``tcp://host:8786``) or a scheduler file (JSON)."""

    def __init__(
        self,
        address: str,
        *,
        batch_size: int = 256,
        load_options: Mapping[str, Any] | None = None,
        connect_timeout: str = CONNECT_TIMEOUT,
    ) -> None:
        self.address = address
        self.connect_timeout = connect_timeout
        self.batch_size = batch_size
        self.load_options = dict(load_options or {})
        self.workers = 0
        self._client: Any = None

    def extract(self, papers: Iterable[Paper]) -> Iterator[ExtractedPaper]:
        for chunk in self.extract_chunks(papers):
            yield from chunk.papers

    def extract_chunks(self, papers: Iterable[Paper]) -> Iterator[Chunk]:
        for packed in self._map(extract_packed, batched(papers, self.batch_size), self.load_options):
            yield Chunk(unpack(packed), packed)

    def extract_indexed(self, papers: Iterable[Paper]) -> Iterator[IndexedChunk]:
        yield from self._map(extract_indexed, batched(papers, self.batch_size), self.load_options)

    def map_shared(self, fn: Callable[[T, S], Any], shared: S, items: Iterable[T]) -> Iterator[Any]:
        """``fn(item, shared)`` for every item on the cluster, in order; ``shared`` is scattered
        to every worker once, not sent with every item."""
        client = self._client or self.__enter__()._client
        [future] = client.scatter([shared], broadcast=True, hash=False)
        try:
            yield from self._map(fn, items, future)
        finally:
            client.cancel([future])

    def _map(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        client = self._client or self.__enter__()._client

        def submit(item: Any) -> Any:
            return client.submit(fn, item, *args, pure=False)

        yield from ordered(submit, items, window=2 * max(self.workers, 1) + 1)

    def __enter__(self) -> DaskEngine:
        if self._client is None:
            self._client = _connect(self.address, self.connect_timeout)
            try:
                self.workers = self._check_workers()
            except BaseException:
                self._client.close()
                self._client = None
                raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _check_workers(self) -> int:
        """Load the pipeline on every worker now (and count worker threads), so that a worker
        without kg or with another version fails here with a clear message, not mid-run."""
        import kg

        client = self._client
        nthreads = sum(client.nthreads().values())
        if nthreads == 0:
            raise KgError(f"the Dask cluster at {self.address} has no workers")
        try:
            versions = client.run(warm, self.load_options)
        except ModuleNotFoundError as exc:
            raise KgError(f"Dask workers at {self.address} cannot import {exc.name!r}: install kg on every worker") from exc
        wrong = sorted({v for v in versions.values() if v != kg.__version__})
        if wrong:
            raise KgError(f"Dask workers at {self.address} run kg {', '.join(wrong)}, this client kg {kg.__version__}")
        return nthreads


def _connect(address: str, timeout: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise KgError("--dask needs the distributed package: pip install 'kg[dask]'") from exc
    try:
        if address.endswith(".json") and Path(address).is_file():
            return Client(scheduler_file=address, timeout=timeout, set_as_default=False)
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConnectionFailed(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
