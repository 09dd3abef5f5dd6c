"""What runs inside a worker process: the pipeline loaded once and kept, one batch at a time."""

from __future__ import annotations

import pickle
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kg.engines.spool import IndexedChunk, pack, unpack
from kg.model import ExtractedPaper, Paper

# The lock serialises the use of this process's pipelines, because a spaCy pipeline is not
# meant to be shared by threads (a Dask worker may run several).
_lock = threading.RLock()


def pipeline(load_options: Mapping[str, Any]) -> Any:
    """The spaCy pipeline of :func:`kg.extract.load`, loaded on first use in this process
    (the process's one cache of pipelines, ``kg.extract.pipeline.shared``)."""
    from kg.extract.pipeline import shared

    with _lock:
        return shared(load_options)


def extract_batch(papers: Sequence[Paper], load_options: Mapping[str, Any]) -> list[ExtractedPaper]:
    """Extract one batch with this process's pipeline; results in input order."""
    from kg.extract import extract_papers

    with _lock:
        nlp = pipeline(load_options)
        return list(extract_papers(papers, nlp, batch_size=max(1, min(len(papers), 64))))


def extract_packed(papers: Sequence[Paper], load_options: Mapping[str, Any]) -> bytes:
    """:func:`extract_batch`, packed for the trip back (and, as is, for the client's spool)."""
    return pack(extract_batch(papers, load_options))


def extract_indexed(papers: Sequence[Paper], load_options: Mapping[str, Any]) -> IndexedChunk:
    """:func:`extract_packed`, plus the batch's own corpus index (pass 1 without unpickling)."""
    from kg.extract import CorpusIndex

    extracted = extract_batch(papers, load_options)
    return IndexedChunk(pack(extracted), len(extracted), CorpusIndex().add_all(extracted))


def resolve_apply(packed: bytes, shared: tuple[Any, bool], fn: Callable[[list[ExtractedPaper]], Any]) -> Any:
    """Pass 2 of one spooled batch: ``fn`` of its papers resolved against ``shared``
    (the finished corpus index and whether to expand acronyms)."""
    index, expand_acronyms = shared
    return fn([index.resolve(extracted, expand_acronyms=expand_acronyms) for extracted in unpack(packed)])


# The object a process-pool map shares with every task, read from its file once per process.
_shared: dict[str, Any] = {}


def call_shared(fn: Callable[[Any, Any], Any], path: str, item: Any) -> Any:
    """``fn(item, shared)`` with the object pickled at ``path`` (loaded on this process's first call)."""
    with _lock:
        if path not in _shared:
            _shared.clear()  # an earlier map's object is not needed any more
            with open(path, "rb") as fh:
                _shared[path] = pickle.load(fh)  # noqa: S301 (written by our own parent process)
        shared = _shared[path]
    return fn(item, shared)


def warm(load_options: Mapping[str, Any]) -> str:
    """Load the pipeline now, so that a broken install fails before any work is sent;
    returns this worker's kg version."""
    import kg

    pipeline(load_options)
    return kg.__version__
