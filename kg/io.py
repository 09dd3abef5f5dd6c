"""File helpers shared by every stage: atomic writes and JSON Lines."""

from __future__ import annotations

import gc
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Write ``path`` through a temporary file in the same folder, renamed into place on success.

    A crash or exception half-way leaves the previous file (if any) untouched and no partial output.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": encoding, "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while making millions of objects that form no cycles
    (unpickling, building a projection): its repeated full passes find nothing and cost time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def staging_dir(parent: Path, prefix: str) -> Path:
    """A fresh folder in ``parent`` to write into before moving it in place, with the
    permissions a plain ``mkdir`` gives (``mkdtemp`` makes it private: 0o700)."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    path.chmod(0o777 & ~_UMASK)
    return path


def _umask() -> int:
    """The process's umask (read once at import; reading it means setting it)."""
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _umask()
#: The permissions a plain ``open(path, "w")`` gives: 0o666 less the umask.
_FILE_MODE = 0o666 & ~_UMASK


def dumps_line(record: Any) -> str:
    """One JSON Lines line: compact, UTF-8 kept readable, keys in insertion order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_jsonl(path: str | Path, records: Iterable[Any]) -> int:
    """Atomically write ``records`` as JSON Lines; returns the number written."""
    n = 0
    with atomic_write(path) as fh:
        for record in records:
            fh.write(dumps_line(record))
            n += 1
    return n
