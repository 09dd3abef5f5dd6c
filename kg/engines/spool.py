"""Extracted papers parked on disk between the two passes, in compressed chunks.

Pass 1 appends each batch of :class:`~kg.model.ExtractedPaper` while the corpus index is
fed; pass 2 reads them back in order. The file is anonymous (unlinked as soon as it is
created), so nothing is left behind even if the process is killed.
"""

from __future__ import annotations

import copyreg
import io
import pickle
import struct
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.io import no_gc
from kg.model import Entity, Evidence, ExtractedPaper, Paper

_FRAME = struct.Struct(">Q")


def _by_fields(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    """Pickle a model dataclass as a call of its constructor: twice as fast to load as the
    dataclass's own pickling (which looks its fields up again for every object)."""
    return type(obj), tuple([getattr(obj, name) for name in obj.__slots__])


_DISPATCH = copyreg.dispatch_table.copy()
_DISPATCH.update(dict.fromkeys((Paper, Evidence, Entity, ExtractedPaper), _by_fields))


def pack(papers: Sequence[ExtractedPaper]) -> bytes:
    """A batch as compact bytes (pickle, then fast zlib: about 1 KB a paper)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(list(papers))
    return zlib.compress(buffer.getvalue(), 1)


def unpack(packed: bytes) -> list[ExtractedPaper]:
    """Inverse of :func:`pack` (only ever applied to bytes this process or its workers made)."""
    data = zlib.decompress(packed)
    with no_gc():
        return pickle.loads(data)  # noqa: S301


@dataclass(frozen=True, slots=True)
class Chunk:
    """A batch of results, as objects and packed (workers pack, so the spool need not)."""

    papers: list[ExtractedPaper]
    packed: bytes

    @property
    def size(self) -> int:
        return len(self.papers)


@dataclass(frozen=True, slots=True)
class IndexedChunk:
    """A batch as pass 1 needs it, made by a worker: packed for the spool, plus the corpus
    index of just this batch to merge, so the main process never unpickles the papers."""

    packed: bytes
    size: int
    index: Any  # a kg.extract.CorpusIndex


class Spool:
    """An append-then-read store of extracted papers on disk; a context manager."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="kg-spool-", dir=directory)
        self.papers = 0
        self.bytes = 0

    def add(self, chunk: Chunk | IndexedChunk) -> None:
        self._file.write(_FRAME.pack(len(chunk.packed)))
        self._file.write(chunk.packed)
        self.papers += chunk.size
        self.bytes += _FRAME.size + len(chunk.packed)

    def __iter__(self) -> Iterator[ExtractedPaper]:
        """Every paper added, in order (the spool can be read any number of times)."""
        for packed in self.packed():
            yield from unpack(packed)

    def packed(self) -> Iterator[bytes]:
        """Every batch added, in order, still packed (for workers to unpack)."""
        self._file.flush()
        self._file.seek(0)
        while header := self._file.read(_FRAME.size):
            (size,) = _FRAME.unpack(header)
            yield self._file.read(size)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
