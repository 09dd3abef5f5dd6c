"""What runs inside a worker process: the pipeline loaded once and kept, one batch at a time."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from kg.engines.spool import pack
from kg.model import ExtractedPaper, Paper

# One pipeline per process and load options; the lock serialises its use, because a spaCy
# pipeline is not meant to be shared by threads (a Dask worker may run several).
_pipelines: dict[str, Any] = {}
_lock = threading.RLock()


def pipeline(load_options: Mapping[str, Any]) -> Any:
    """The spaCy pipeline of :func:`kg.extract.load`, loaded on first use in this process."""
    key = json.dumps(load_options, sort_keys=True, default=str)  # options may nest dicts
    with _lock:
        if key not in _pipelines:
            from kg.extract import load

            _pipelines[key] = load(**load_options)
        return _pipelines[key]


def extract_batch(papers: Sequence[Paper], load_options: Mapping[str, Any]) -> list[ExtractedPaper]:
    """Extract one batch with this process's pipeline; results in input order."""
    from kg.extract import extract_papers

    with _lock:
        nlp = pipeline(load_options)
        return list(extract_papers(papers, nlp, batch_size=max(1, min(len(papers), 64))))


def extract_packed(papers: Sequence[Paper], load_options: Mapping[str, Any]) -> bytes:
    """:func:`extract_batch`, packed for the trip back (and, as is, for the client's spool)."""
    return pack(extract_batch(papers, load_options))


def warm(load_options: Mapping[str, Any]) -> str:
    """Load the pipeline now, so that a broken install fails before any work is sent;
    returns this worker's kg version."""
    import kg

    pipeline(load_options)
    return kg.__version__
