"""The ``neo4j-admin`` import bundle of a streamed build, read from its ``graph.json`` in bounded memory.

A streamed ``graph.json`` (:mod:`kg.export.stream`) has one node or edge per line, so
:class:`StreamedGraphJson` gives :func:`kg.export.neo4j_csv.write_source_bundle` its nodes and
edges line by line, twice (the columns, then the rows), and the bundle is the one
:func:`kg.export.neo4j_csv.write_bundle` writes from the same graph in memory. What memory holds:
the column types of each table, the names of the communities' top entities, and a chunk of the
ids sorted for the import id (an external merge sort, so the id is the in-memory one too).
An edge's end labels come from the node ids (``paper:...``, ``<entity type>:...``); each node's
id is checked against its ``kind`` on the way.
"""

from __future__ import annotations

import hashlib
import heapq
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.export.files import GRAPH_JSON
from kg.export.neo4j_csv import BUNDLE_DIR, write_source_bundle
from kg.graph.build import PAPER
from kg.graph.streamed_json import edge_lines, graph_attributes, is_streamed_graph_json, node_lines, parse
from kg.model import EntityType

__all__ = [
    "ExternalSort",
    "StreamedGraphJson",
    "is_streamed_graph_json",
    "write_streamed_bundle",
    "write_streamed_neo4j_bundle",
]

#: The label of a node by the prefix of its id (``paper:...``, ``dataset:...``; see kg.model).
_LABELS = {"paper": PAPER, **{t.value: t.label for t in EntityType}}
#: Strings sorted in memory at once for the import id (then merged from temporary files).
SORT_CHUNK = 500_000


def write_streamed_neo4j_bundle(out_dir: str | Path, table: object = None) -> list[Path]:
    """The streamed ``kg build`` exporter: the bundle of ``OUT/graph.json`` in ``OUT/neo4j/``."""
    return [write_streamed_bundle(Path(out_dir) / GRAPH_JSON, Path(out_dir) / BUNDLE_DIR)]


def write_streamed_bundle(
    graph_json: str | Path,
    bundle_dir: str | Path,
    *,
    overwrite: bool = False,
    import_id: str | None = None,
    at: datetime | None = None,
) -> Path:
    """:func:`kg.export.neo4j_csv.write_bundle` of the graph in a streamed ``graph_json``."""
    source = StreamedGraphJson(graph_json)
    return write_source_bundle(source, bundle_dir, overwrite=overwrite, import_id=import_id, at=at)


class StreamedGraphJson:
    """A streamed ``graph.json`` as a :class:`kg.export.neo4j_csv.Source`: nodes and edges parsed
    one line at a time (:mod:`kg.graph.streamed_json`); the first pass over them also gathers
    what the import id hashes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.graph: Mapping[str, Any] = graph_attributes(self.path) or {}
        self._node_ids: ExternalSort | None = ExternalSort(self.path.parent, SORT_CHUNK)
        self._edge_keys: ExternalSort | None = ExternalSort(self.path.parent, SORT_CHUNK)

    def nodes(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        ids = self._node_ids
        for number, line in node_lines(self.path):
            data = parse(line, self.path, number)
            node = str(data.pop("id"))
            if self.label(node) != data.get("kind"):
                raise InputError(f"node {node!r} has kind {data.get('kind')!r}", path=self.path, line=number)
            if ids is not None:
                ids.add(node)
            yield node, data

    def edges(self) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
        keys = self._edge_keys
        for number, line in edge_lines(self.path):
            data = parse(line, self.path, number)
            u, v = str(data.pop("source")), str(data.pop("target"))
            if keys is not None:
                keys.add(f"{u}\0{data.get('type')}\0{v}")
            yield u, v, data

    def label(self, node: str) -> str:
        label = _LABELS.get(node.partition(":")[0])
        if label is None:
            raise InputError(f"node id {node!r} names no node kind", path=self.path)
        return label

    def import_id(self) -> str:
        """:func:`kg.export.neo4j.graph_import_id` of the graph (after a full pass over nodes and edges)."""
        if self._node_ids is None or self._edge_keys is None:
            raise RuntimeError("import_id() is available once, after a first pass over nodes and edges")
        digest = hashlib.sha256()
        for node in self._node_ids:
            digest.update(node.encode("utf-8") + b"\0")
        digest.update(b"\1")
        for edge in self._edge_keys:
            digest.update(edge.encode("utf-8") + b"\0")
        self._node_ids = self._edge_keys = None
        return "import:" + digest.hexdigest()[:20]


class ExternalSort:
    """Strings sorted as :func:`sorted` sorts them, in bounded memory: chunks of ``chunk`` are
    sorted and written to temporary files in ``folder``, then merged. Iterate once."""

    def __init__(self, folder: str | Path, chunk: int = SORT_CHUNK) -> None:
        self.folder = folder
        self.chunk = chunk
        self.items: list[str] = []
        self.runs: list[IO[str]] = []
        self.escaped = False

    def add(self, item: str) -> None:
        self.items.append(item)
        if len(self.items) >= self.chunk:
            self._spill()

    def _spill(self) -> None:
        self.items.sort()
        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=self.folder)  # noqa: SIM115
        for item in self.items:
            if "\\" in item or "\n" in item:
                self.escaped = True
                item = item.replace("\\", "\\\\").replace("\n", "\\n")
            run.write(item + "\n")
        run.seek(0)
        self.runs.append(run)
        self.items = []

    def __iter__(self) -> Iterator[str]:
        if not self.runs:
            self.items.sort()
            yield from self.items
            return
        if self.items:
            self._spill()
        try:
            runs: list[Iterable[str]] = [(line[:-1] for line in run) for run in self.runs]
            if self.escaped:
                runs = [map(_unescape, run) for run in runs]
            yield from heapq.merge(*runs)
        finally:
            for run in self.runs:
                run.close()


def _unescape(item: str) -> str:
    if "\\" not in item:
        return item
    out, chars = [], iter(item)
    for char in chars:
        out.append({"n": "\n", "\\": "\\"}[next(chars)] if char == "\\" else char)
    return "".join(out)
