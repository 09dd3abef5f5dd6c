"""Graph files: ``graph.json`` (node-link), ``graph.graphml`` and ``graph.gexf``, and readers.

``graph.json`` keeps the graph exactly (lists stay lists, ``G.graph["communities"]`` included)
and is what :func:`load_graph` reads back. GraphML and GEXF are for Gephi, yEd, Cytoscape:
every value there is a scalar, so lists (``authors``, ``aliases``...) become JSON array strings,
graph-level lists and dicts become JSON strings (GraphML only: GEXF has no graph attributes),
``None`` values are left out, and characters XML cannot hold (NUL, form feed) are dropped.
GEXF also reserves the edge attributes ``type``, ``start`` and ``end`` (edge direction and time
spells), written as ``relation``, ``evidence_start`` and ``evidence_end``. :func:`read_graphml`
and :func:`read_gexf` undo all of this (but for the dropped characters).

Nodes are written sorted by id and edges by (source, target), so the same graph always gives
the same bytes (GEXF adds the date of writing in its ``meta`` element).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError
from kg.graph.build import PAPER, paper_attributes
from kg.graph.streamed_json import GRAPH_JSON
from kg.io import atomic_write, write_jsonl
from kg.model import ExtractedPaper, Paper

GRAPHML, GEXF = "graph.graphml", "graph.gexf"
PAPERS_JSONL, ENTITIES_JSONL = "papers.jsonl", "entities.jsonl"

#: Attributes of the graph contract (docs/ARCHITECTURE.md) that the readers restore as ``None``
#: when a file leaves them out, per node kind and for edges, and the node attributes that are lists.
PAPER_KEYS = tuple(paper_attributes(Paper(id="", title="", abstract="")))
ENTITY_KEYS = ("kind", "label", "name", "entity_type", "aliases", "paper_count", "first_seen")
EDGE_KEYS = ("type", "evidence", "field", "start", "end", "confidence", "rule")
LIST_KEYS = frozenset({"authors", "categories", "aliases"})
#: GEXF's reserved edge attributes and the names they are written under.
GEXF_EDGE_RENAMES = {"type": "relation", "start": "evidence_start", "end": "evidence_end"}


def write_extracted(papers: Sequence[ExtractedPaper], out_dir: str | Path) -> list[Path]:
    """Write ``OUT/papers.jsonl`` (the papers as read) and ``OUT/entities.jsonl`` (one
    :meth:`ExtractedPaper.to_dict` a line: enough to rebuild the graph without re-extracting)."""
    out = Path(out_dir)
    write_jsonl(out / PAPERS_JSONL, (p.paper.to_dict() for p in papers))
    write_jsonl(out / ENTITIES_JSONL, (p.to_dict() for p in papers))
    return [out / PAPERS_JSONL, out / ENTITIES_JSONL]


def read_extracted(path: str | Path) -> Iterator[ExtractedPaper]:
    """Read ``entities.jsonl`` (a path, or the output folder holding it) back, line by line.

    Raises :class:`~kg.errors.InputError` naming the file and line of a malformed record.
    """
    path = Path(path)
    if path.is_dir():
        path = path / ENTITIES_JSONL
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield ExtractedPaper.from_dict(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON: {exc.msg}", path=path, line=number) from None
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise InputError(f"not an extracted-paper record ({exc!r})", path=path, line=number) from None


def write_graph_json(G: nx.DiGraph, out_dir: str | Path) -> list[Path]:
    """Write ``OUT/graph.json``: node-link JSON (``nodes``, ``edges``), nodes and edges sorted."""
    path = Path(out_dir) / GRAPH_JSON
    data = nx.node_link_data(sorted_graph(G), edges="edges")
    with atomic_write(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return [path]


def write_graphml(G: nx.DiGraph, out_dir: str | Path) -> list[Path]:
    """Write ``OUT/graph.graphml`` with scalar attributes only (see the module docstring)."""
    path = Path(out_dir) / GRAPHML
    H = flat_graph(G)
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(H, fh, encoding="utf-8", prettyprint=True)
    return [path]


def write_gexf(G: nx.DiGraph, out_dir: str | Path) -> list[Path]:
    """Write ``OUT/graph.gexf`` (GEXF 1.2) with scalar attributes and no reserved names."""
    path = Path(out_dir) / GEXF
    H = flat_graph(G, renames=GEXF_EDGE_RENAMES)
    H.graph.clear()
    with atomic_write(path, "wb") as fh:
        nx.write_gexf(H, fh, encoding="utf-8", prettyprint=True, version="1.2draft")
    return [path]


def load_graph(out_dir: str | Path) -> nx.DiGraph:
    """Read the graph of a ``kg build`` output folder back from its ``graph.json``."""
    path = Path(out_dir)
    if path.is_dir():
        path = path / GRAPH_JSON
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InputError("no graph.json here: is this the output folder of kg build?", path=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    try:
        return nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise InputError(f"not a node-link graph ({exc})", path=path) from None


def read_graphml(path: str | Path) -> nx.DiGraph:
    """Read a ``graph.graphml`` written by :func:`write_graphml` back into the original graph."""
    H = nx.read_graphml(path)
    for key in ("node_default", "edge_default"):
        if not H.graph.get(key):
            H.graph.pop(key, None)
    return unflatten_graph(H)


def read_gexf(path: str | Path) -> nx.DiGraph:
    """Read a ``graph.gexf`` written by :func:`write_gexf` back (no graph-level attributes)."""
    H = nx.read_gexf(path)
    for _, _, data in H.edges(data=True):
        data.pop("id", None)
        for original, written in GEXF_EDGE_RENAMES.items():
            if written in data:
                data[original] = data.pop(written)
    H.graph.clear()
    return unflatten_graph(H)


_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def sorted_graph(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``G`` with nodes in id order and edges in (source, target) order."""
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda item: item[0]))
    H.add_edges_from(sorted(G.edges(data=True), key=lambda item: (item[0], item[1])))
    return H


def flat_graph(G: nx.DiGraph, *, renames: dict[str, str] | None = None) -> nx.DiGraph:
    """A sorted copy of ``G`` whose attributes are all scalars (lists and dicts as JSON, no None)."""
    renames = renames or {}
    H = G.__class__()
    H.graph.update(_flat(G.graph))
    H.add_nodes_from((_xml_text(n), _flat(d)) for n, d in sorted(G.nodes(data=True), key=lambda item: item[0]))
    H.add_edges_from(
        (_xml_text(u), _xml_text(v), {renames.get(k, k): value for k, value in _flat(d).items()})
        for u, v, d in sorted(G.edges(data=True), key=lambda item: (item[0], item[1]))
    )
    return H


def unflatten_graph(H: nx.Graph) -> nx.DiGraph:
    """Undo :func:`flat_graph`: decode graph attributes and list attributes from JSON, and
    restore the contract's ``None`` values."""
    for key, value in H.graph.items():
        H.graph[key] = _decoded(value)
    for _, data in H.nodes(data=True):
        for key in LIST_KEYS & data.keys():
            data[key] = _decoded(data[key])
        for key in PAPER_KEYS if data.get("kind") == PAPER else ENTITY_KEYS:
            data.setdefault(key, None)
    for _, _, data in H.edges(data=True):
        for key in EDGE_KEYS:
            data.setdefault(key, None)
    return H


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    flat = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | dict):
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        flat[key] = _xml_text(value) if isinstance(value, str) else value
    return flat


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (NUL, form feed... from PDF copy-paste)."""
    return _NOT_XML.sub("", text)


def _decoded(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            pass
    return value
