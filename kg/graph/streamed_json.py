"""The one reader of a streamed build's ``graph.json``, a line at a time.

A streamed build (:mod:`kg.export.stream`) writes ``graph.json`` as node-link JSON with one node
or edge a line: a first line ending in :data:`NODES_HEADER` (the graph attributes before it), the
node lines (papers, then entities), a line starting with :data:`EDGES_HEADER`, the edge lines
(paper after paper), then ``]}``. ``kg related`` and ``kg stats`` (:mod:`kg.graph.streamed`),
the links step of the build (:mod:`kg.export.stream_links`) and the Neo4j bundle
(:mod:`kg.export.neo4j_csv_stream`) all read it here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError

#: The graph file's name in a build's output folder (:mod:`kg.export.files` takes it from here).
GRAPH_JSON = "graph.json"
#: The end of the first line of a streamed ``graph.json``: the node lines follow.
NODES_HEADER = b'"nodes": [\n'
#: The line between the node lines and the edge lines.
EDGES_HEADER = b'], "edges": [\n'
_decode = json.JSONDecoder().decode  # json.loads without its per-call checks


def is_streamed_graph_json(path: str | Path) -> bool:
    """Whether ``path`` is a ``graph.json`` written a line a node/edge by a streamed build."""
    try:
        with open(path, "rb") as fh:
            return fh.readline().endswith(NODES_HEADER)
    except OSError:
        return False


def graph_attributes(path: str | Path) -> dict[str, Any]:
    """The graph attributes (``communities``...), from the first line."""
    with open(path, "rb") as fh:
        first = _first_line(fh.readline(), path)
    try:
        return json.loads(first[: -len(NODES_HEADER)] + b'"nodes": []}')["graph"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"not a streamed graph.json ({exc})", path=path, line=1) from None


def node_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """``(line number, line)`` of every node line, in file order."""
    with open(path, "rb") as fh:
        _first_line(fh.readline(), path)
        for number, line in enumerate(fh, 2):
            if line.startswith(b"]"):  # the edges header (or the end)
                return
            if line != b"\n":  # the writer leaves an empty line where a section has no items
                yield number, line


def edge_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """``(line number, line)`` of every edge line, in file order."""
    with open(path, "rb") as fh:
        _first_line(fh.readline(), path)
        number = 1
        for number, line in enumerate(fh, 2):
            if line.startswith(EDGES_HEADER):
                break
        for number, line in enumerate(fh, number + 1):
            if line.startswith(b"]"):
                return
            if line != b"\n":
                yield number, line


def parse(line: bytes, path: str | Path, number: int) -> dict[str, Any]:
    """The JSON object of a node or edge line; an :class:`InputError` naming the line if it is none."""
    try:
        data = _decode(line.rstrip(b",\n").decode("utf-8"))
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise InputError(f"not valid JSON: {getattr(exc, 'msg', exc)}", path=path, line=number) from None
    if not isinstance(data, dict):
        raise InputError("not a JSON object", path=path, line=number)
    return data


def _first_line(first: bytes, path: str | Path) -> bytes:
    if not first.endswith(NODES_HEADER):
        raise InputError("not a streamed graph.json (one node a line)", path=path, line=1)
    return first
