"""Outputs for a corpus too large for an in-memory graph, streamed from the resolved papers.

A networkx graph costs about 0.7 KB per paper→entity edge plus the text on its nodes: at a
million papers (ten million edges) that is far beyond a laptop's memory. Above a size limit
``kg build`` therefore never builds it. One pass over the resolved papers writes
``papers.jsonl``, ``entities.jsonl`` and ``graph.json``, holding only the
:class:`EntityTable` (one compact row per distinct entity); ``graph.json`` is the same
node-link file :func:`kg.export.files.load_graph` reads, node and edge attributes as in
docs/ARCHITECTURE.md (made by :func:`kg.graph.build.add_paper` itself, one paper at a time),
without communities. ``view.html`` shows a sample: the papers most connected to the most
frequent entities.
"""

from __future__ import annotations

import heapq
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.export.files import ENTITIES_JSONL, GRAPH_JSON, PAPERS_JSONL, read_extracted
from kg.graph.build import PAPER, add_paper, build_graph
from kg.io import atomic_write, dumps_line
from kg.model import EntityType, ExtractedPaper

#: The view of a streamed build: this many of the most frequent entities ...
SAMPLE_ENTITIES = 200
#: ... and at most this many papers, those that mention most of them.
SAMPLE_PAPERS = 1500


class EntityTable:
    """Every entity node's attributes, aggregated paper by paper as :func:`build_graph` would.

    One list per entity: ``[name, entity_type, aliases, paper_count, first_seen, link_type]``,
    a few hundred bytes whatever the number of papers mentioning it.
    """

    def __init__(self) -> None:
        self._rows: dict[str, list[Any]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, star: nx.DiGraph, paper_node: str) -> None:
        """Count the entities of one paper's star graph (made by :func:`add_paper`)."""
        published = star.nodes[paper_node].get("published")
        for eid in star.successors(paper_node):
            data = star.nodes[eid]
            row = self._rows.get(eid)
            if row is None:
                row = self._rows[eid] = [data["name"], data["entity_type"], [], 0, None, data.get("link_type")]
            for alias in (data["name"], *data["aliases"]):
                if alias != row[0] and alias not in row[2]:
                    row[2].append(alias)
            row[3] += 1
            if published and (row[4] is None or published < row[4]):
                row[4] = published

    def nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(id, attributes)`` of every entity node, in the order first seen."""
        for eid, (name, entity_type, aliases, count, first_seen, link_type) in self._rows.items():
            attrs = {
                "kind": EntityType(entity_type).label,
                "label": name,
                "name": name,
                "entity_type": entity_type,
                "aliases": aliases,
                "paper_count": count,
            }
            if link_type is not None:
                attrs["link_type"] = link_type
            attrs["first_seen"] = first_seen
            yield eid, attrs

    def most_frequent(self, n: int) -> set[str]:
        """Ids of the ``n`` entities in most papers (code links left out; ties: smallest id)."""
        rows = ((eid, row[3]) for eid, row in self._rows.items() if row[1] != EntityType.CODE.value)
        return {eid for eid, _ in heapq.nsmallest(n, rows, key=lambda item: (-item[1], item[0]))}


@dataclass(frozen=True, slots=True)
class StreamedGraph:
    """What a streamed write produced: counts and the files, in the staging folder."""

    papers: int
    entities: int
    mentions: int
    files: tuple[Path, ...]
    table: EntityTable


def write_streamed(records: Iterable[ExtractedPaper], out_dir: str | Path) -> StreamedGraph:
    """One pass over ``records``: ``papers.jsonl``, ``entities.jsonl`` and ``graph.json``
    (paper nodes as they come, then entity nodes, then edges, which wait in a temporary file)."""
    out = Path(out_dir)
    table = EntityTable()
    papers = mentions = 0
    with (
        atomic_write(out / PAPERS_JSONL) as papers_fh,
        atomic_write(out / ENTITIES_JSONL) as entities_fh,
        atomic_write(out / GRAPH_JSON) as graph_fh,
        tempfile.TemporaryFile("w+", encoding="utf-8", dir=out) as edges_fh,
    ):
        graph_fh.write('{"directed": true, "multigraph": false, "graph": {}, "nodes": [\n')
        nodes = _Items(graph_fh)
        edges = _Items(edges_fh)
        for record in records:
            papers_fh.write(dumps_line(record.paper.to_dict()))
            entities_fh.write(dumps_line(record.to_dict()))
            star = nx.DiGraph()
            add_paper(star, record)
            pid = record.paper.node_id
            nodes.add({**star.nodes[pid], "id": pid})
            for _, eid, data in star.out_edges(pid, data=True):
                edges.add({**data, "source": pid, "target": eid})
            table.add(star, pid)
            papers += 1
            mentions += star.out_degree(pid)
        for eid, attrs in table.nodes():
            nodes.add({**attrs, "id": eid})
        graph_fh.write('\n], "edges": [\n')
        edges_fh.seek(0)
        shutil.copyfileobj(edges_fh, graph_fh)
        graph_fh.write("\n]}\n")
    files = (out / PAPERS_JSONL, out / ENTITIES_JSONL, out / GRAPH_JSON)
    return StreamedGraph(papers, len(table), mentions, files, table)


def sample_graph(
    records: Callable[[], Iterable[ExtractedPaper]],
    table: EntityTable,
    *,
    entities: int = SAMPLE_ENTITIES,
    papers: int = SAMPLE_PAPERS,
) -> nx.DiGraph:
    """A graph small enough to look at: the ``papers`` papers mentioning most of the
    ``entities`` most frequent entities (ties: earliest in the input), built by
    :func:`build_graph` from a second pass over ``records()``."""
    top = table.most_frequent(entities)
    best: list[tuple[int, int, str]] = []  # min-heap of (score, -position, paper id)
    for position, record in enumerate(records()):
        score = sum(1 for e in record.entities if e.id in top)
        if score:
            item = (score, -position, record.paper.id)
            if len(best) < papers:
                heapq.heappush(best, item)
            elif item > best[0]:
                heapq.heapreplace(best, item)
    chosen = {pid for _, _, pid in best}
    G = build_graph(record for record in records() if record.paper.id in chosen)
    G.graph["name"] = f"Knowledge graph: a sample of {len(chosen)} of the most connected papers"
    return G


def write_sample_view(out_dir: str | Path, table: EntityTable) -> list[Path]:
    """``view.html`` of :func:`sample_graph`, read back from ``entities.jsonl`` in ``out_dir``."""
    from kg.export.html import write_view
    from kg.graph import assign_communities

    out = Path(out_dir)
    G = sample_graph(lambda: read_extracted(out / ENTITIES_JSONL), table)
    if any(kind == PAPER for _, kind in G.nodes(data="kind")):
        assign_communities(G)
    return write_view(G, out)


class _Items:
    """Writes JSON objects to a file as the items of a JSON array, comma-separated."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True

    def add(self, item: dict[str, Any]) -> None:
        if not self.first:
            self.fh.write(",\n")
        self.fh.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
        self.first = False
