"""``kg related`` and ``kg stats`` on a streamed build, reading its ``graph.json`` line by line.

A streamed build (docs/scale.md) writes ``graph.json`` with one node or edge a line: nodes (papers,
then entities), then edges (paper after paper). At a million papers it is several GB, far too
large for :func:`kg.export.files.load_graph`. Here it is scanned a few times instead:
:func:`neighbourhood` gathers just the graph :func:`kg.graph.related` needs for one paper
(the paper, its entities, every paper sharing a linking one), and :func:`streamed_summary` and
:func:`streamed_top_entities` give what :func:`kg.graph.summary` and
:func:`kg.graph.top_entities` give, from numpy arrays (one int per node and two per edge).
"""

from __future__ import annotations

import heapq
import json
from array import array
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from kg.errors import InputError, KgError
from kg.graph import streamed_json
from kg.graph.streamed_json import GRAPH_JSON
from kg.graph.analysis import EntityScore
from kg.graph.projection import MAX_PAPER_COUNT, PAPER
from kg.graph.related import match_title, paper_candidates
from kg.model import EntityType

#: A streamed ``graph.json`` larger than this (bytes) is read line by line rather than loaded.
STREAM_READ_ABOVE = 64 * 2**20
_SOURCE = b',"source":'
_TYPE = b'{"type":"'


def graph_path(out_dir: str | Path) -> Path:
    """``OUT/graph.json`` (or ``out_dir`` itself when it is a file)."""
    path = Path(out_dir)
    return path / GRAPH_JSON if path.is_dir() else path


def is_streamed(out_dir: str | Path, *, above: int | None = None) -> bool:
    """Whether ``graph.json`` has the streamed layout (one node a line) and more than ``above``
    bytes (default :data:`STREAM_READ_ABOVE`): then it is read line by line."""
    path = graph_path(out_dir)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > (STREAM_READ_ABOVE if above is None else above) and streamed_json.is_streamed_graph_json(path)


def graph_attributes(out_dir: str | Path) -> dict[str, Any]:
    """The graph attributes (``communities``...) from the first line of a streamed ``graph.json``."""
    return streamed_json.graph_attributes(graph_path(out_dir))


def nodes(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Every node of a streamed ``graph.json`` (its attributes and ``id``), in file order."""
    path = graph_path(out_dir)
    for number, line in streamed_json.node_lines(path):
        yield streamed_json.parse(line, path, number)


def edges(out_dir: str | Path) -> Iterator[tuple[str, str, bytes]]:
    """``(source, target, line)`` of every edge of a streamed ``graph.json`` (one a line), in order."""
    path = graph_path(out_dir)
    for number, line in streamed_json.edge_lines(path):
        try:
            source, target = endpoints(line)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"not a graph edge ({exc!r})", path=path, line=number) from None
        yield source, target, line


def endpoints(line: bytes) -> tuple[str, str]:
    """``(source, target)`` of an edge line; they are its last keys, as the streamed writer puts them."""
    at = line.rfind(_SOURCE)
    data = json.loads(b"{" + line[at + 1 :].rstrip(b",\n")) if at >= 0 else {}
    if len(data) != 2:
        data = json.loads(line.rstrip(b",\n"))
    return data["source"], data["target"]


def relation(line: bytes) -> str | None:
    """The ``type`` of an edge line (its first key, as the streamed writer puts it)."""
    if line.startswith(_TYPE):
        end = line.find(b'"', len(_TYPE))
        if end > 0 and b"\\" not in line[len(_TYPE) : end]:
            return line[len(_TYPE) : end].decode()
    return json.loads(line.rstrip(b",\n")).get("type")


def find_paper(out_dir: str | Path, query: str) -> str:
    """:func:`kg.graph.find_paper` on a streamed ``graph.json``: a node id, a paper id or a title."""
    query = query.strip()
    if not query:
        raise KgError("no paper given: pass a paper id or a title")
    candidates = paper_candidates(query)
    found = set()
    for node in nodes(out_dir):
        if node.get("id") in candidates and node.get("kind") == PAPER:
            found.add(node["id"])
    for node_id in candidates:
        if node_id in found:
            return node_id

    def titles() -> Iterator[tuple[str, str]]:
        for node in nodes(out_dir):
            if node.get("kind") == PAPER:
                yield node["id"], node.get("title") or ""

    return match_title(query, titles)


def neighbourhood(out_dir: str | Path, paper: str, *, max_paper_count: int | None = MAX_PAPER_COUNT) -> nx.DiGraph:
    """The part of the graph :func:`kg.graph.related` reads for ``paper`` (a node id): the paper,
    its entities and every paper mentioning one of them, with their attributes and the edges to
    those entities. An entity's papers stop being gathered past ``max_paper_count`` (it links
    none then), so ``related(G, paper, max_paper_count=...)`` on the result equals it on the whole graph."""
    entities: set[str] = set()
    seen = False
    for source, target, _ in edges(out_dir):  # the paper's edges come together
        if source == paper:
            entities.add(target)
            seen = True
        elif seen:
            break
    cap = None if max_paper_count is None else max_paper_count + 1
    members: dict[str, list[str]] = {e: [] for e in entities}
    for source, target, _ in edges(out_dir):
        papers = members.get(target)
        if papers is not None and (cap is None or len(papers) < cap):
            papers.append(source)
    wanted = {paper, *entities, *(p for papers in members.values() for p in papers)}
    G = nx.DiGraph()
    for node in nodes(out_dir):
        if node.get("id") in wanted:
            G.add_node(node.pop("id"), **node)
    G.add_edges_from((p, e) for e, papers in members.items() for p in papers)
    return G


class _Scan:
    """One pass over nodes and edges: node numbers, edges as two int32 arrays, counts."""

    def __init__(self, out_dir: str | Path) -> None:
        index: dict[str, int] = {}
        self.ids: list[str] = []
        kinds = bytearray()  # 1: paper, 2 + position in EntityType: entity of that type
        types = [t.value for t in EntityType]
        self.dates = 0
        self.first_date: str | None = None
        self.last_date: str | None = None
        for node in nodes(out_dir):
            node_id = node["id"]
            index[node_id] = len(self.ids)
            self.ids.append(node_id)
            if node.get("kind") == PAPER:
                kinds.append(1)
                if published := node.get("published"):
                    self.dates += 1
                    self.first_date = min(published, self.first_date or published)
                    self.last_date = max(published, self.last_date or published)
            else:
                entity_type = node.get("entity_type")
                kinds.append(2 + types.index(entity_type) if entity_type in types else 0)
        sources, targets = array("i"), array("i")
        self.relations: Counter[str] = Counter()
        for source, target, line in edges(out_dir):
            try:
                sources.append(index[source])
                targets.append(index[target])
            except KeyError as exc:
                raise InputError(f"an edge names {exc.args[0]}, which is no node", path=graph_path(out_dir)) from None
            self.relations[relation(line)] += 1
        del index
        self.kinds = np.frombuffer(bytes(kinds), dtype=np.uint8)
        self.sources = np.frombuffer(sources, dtype=np.int32)
        self.targets = np.frombuffer(targets, dtype=np.int32)
        self.in_degree = np.bincount(self.targets, minlength=len(self.ids))
        self.out_degree = np.bincount(self.sources, minlength=len(self.ids))


def components(n: int, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """The connected component of each of ``n`` nodes (its smallest node number), edges undirected."""
    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[sources], label[targets])
        before = label.copy()
        # hook both ends' roots onto the smaller label, then flatten the trees
        np.minimum.at(label, label[sources], low)
        np.minimum.at(label, label[targets], low)
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


def streamed_stats(out_dir: str | Path, top: int | None = 10) -> tuple[dict[str, Any], dict[str, list[EntityScore]]]:
    """:func:`kg.graph.summary` and :func:`kg.graph.top_entities` (by papers, ``top`` of each
    type) of a streamed ``graph.json``, read in one pass (two to name the top entities)."""
    scan = _Scan(out_dir)
    types = [t.value for t in EntityType]
    papers = scan.kinds == 1
    label = components(len(scan.ids), scan.sources, scan.targets)
    roots = np.unique(label)
    paper_counts = np.bincount(label, weights=papers, minlength=len(scan.ids))
    by_type = np.bincount(scan.kinds, minlength=2 + len(types))
    summary = {
        "papers": int(papers.sum()),
        "entities": int((scan.kinds != 1).sum()),
        "entities_by_type": {t: int(by_type[2 + i]) for i, t in enumerate(types)},
        "mentions": len(scan.sources),
        "mentions_by_relation": dict(sorted(scan.relations.items())),
        "papers_without_entities": int((papers & (scan.out_degree == 0)).sum()),
        "dated_papers": scan.dates,
        "first_date": scan.first_date,
        "last_date": scan.last_date,
        "components": len(roots),
        "largest_component_papers": int(paper_counts.max()) if len(roots) else 0,
        "communities": len(graph_attributes(out_dir).get("communities", [])),
    }
    chosen: dict[str, list[int]] = {}
    for i, t in enumerate(types):
        members = np.flatnonzero(scan.kinds == 2 + i)
        ranked = ((-int(scan.in_degree[m]), scan.ids[m], int(m)) for m in members)
        best = heapq.nsmallest(len(members) if top is None else top, ranked)
        chosen[t] = [m for _, _, m in best]
    wanted = {scan.ids[m] for ms in chosen.values() for m in ms}
    names = {node["id"]: node.get("name", node["id"]) for node in nodes(out_dir) if node["id"] in wanted}
    tops = {
        t: [EntityScore(scan.ids[m], names[scan.ids[m]], t, int(scan.in_degree[m]), float(scan.in_degree[m])) for m in ms]
        for t, ms in chosen.items()
    }
    return summary, tops
