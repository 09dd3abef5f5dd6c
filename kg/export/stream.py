"""Outputs for a corpus too large for an in-memory graph, streamed from the resolved papers.

A networkx graph costs about 0.7 KB per paper→entity edge plus the text on its nodes: at a
million papers (ten million edges) that is far beyond a laptop's memory. Above a size limit
``kg build`` therefore never builds it. One pass over the resolved papers writes
``papers.jsonl``, ``entities.jsonl`` and ``graph.json``, holding only the
:class:`EntityTable` (one compact row per distinct entity); ``graph.json`` is the same
node-link file :func:`kg.export.files.load_graph` reads, node and edge attributes as in
docs/ARCHITECTURE.md (made by :func:`kg.graph.build.add_paper` itself, one paper at a time);
:mod:`kg.export.stream_links` then adds the communities. ``view.html`` shows a sample: the papers most connected to the most
frequent entities.
"""

from __future__ import annotations

import heapq
import json
import shutil
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.export.files import ENTITIES_JSONL, GRAPH_JSON, PAPERS_JSONL
from kg.graph.build import PAPER, add_paper, build_graph
from kg.io import atomic_write, dumps_line
from kg.model import EntityType, ExtractedPaper

#: The view of a streamed build: this many of the most frequent entities ...
SAMPLE_ENTITIES = 200
#: ... and at most this many papers, those that mention most of them.
SAMPLE_PAPERS = 1500


class EntityTable:
    """Every entity node's attributes, aggregated paper by paper as :func:`build_graph` would.

    One list per entity: ``[name, entity_type, aliases, paper_count, first_seen, link_type, row]``,
    a few hundred bytes whatever the number of papers mentioning it. It also keeps which rows
    each paper mentions (4 bytes a mention), so a sample can be chosen without re-reading.
    """

    def __init__(self) -> None:
        self._rows: dict[str, list[Any]] = {}
        self._mentions = array("I")  # row numbers of each paper's entities, paper after paper
        self._ends = array("Q")  # where each paper's rows end in _mentions

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, star: nx.DiGraph, paper_node: str) -> None:
        """Count the entities of one paper's star graph (made by :func:`add_paper`)."""
        self.add_entities(star.nodes[paper_node].get("published"), _star_entities(star, paper_node))

    def add_entities(self, published: str | None, entities: Iterable[EntityRow]) -> None:
        """Count one paper's entities, as :meth:`add` reads them from its star graph."""
        for eid, name, entity_type, entity_aliases, link_type in entities:
            row = self._rows.get(eid)
            if row is None:
                row = self._rows[eid] = [name, entity_type, [], 0, None, link_type, len(self._rows)]
            self._mentions.append(row[6])
            for alias in (name, *entity_aliases):
                if alias != row[0] and alias not in row[2]:
                    row[2].append(alias)
            row[3] += 1
            if published and (row[4] is None or published < row[4]):
                row[4] = published
        self._ends.append(len(self._mentions))

    def nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(id, attributes)`` of every entity node, in the order first seen."""
        for eid, (name, entity_type, aliases, count, first_seen, link_type, _) in self._rows.items():
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

    def mention_rows(self) -> tuple[array, array]:
        """The entity rows of each paper, paper after paper, and where each paper's rows end."""
        return self._mentions, self._ends

    def entities(self) -> list[tuple[str, str, str, int]]:
        """``(id, name, entity_type, paper_count)`` of every entity, by row number."""
        return [(eid, row[0], row[1], row[3]) for eid, row in self._rows.items()]

    def most_frequent(self, n: int) -> set[str]:
        """Ids of the ``n`` entities in most papers (code links left out; ties: smallest id)."""
        rows = ((eid, row[3]) for eid, row in self._rows.items() if row[1] != EntityType.CODE.value)
        return {eid for eid, _ in heapq.nsmallest(n, rows, key=lambda item: (-item[1], item[0]))}

    def most_connected(self, entities: set[str], n: int) -> list[int]:
        """Positions (in the order added) of the ``n`` papers mentioning most of ``entities``
        (ties: earliest), in input order."""
        wanted = {self._rows[eid][6] for eid in entities}
        best: list[tuple[int, int]] = []  # min-heap of (score, -position)
        start = 0
        for position, end in enumerate(self._ends):
            score = sum(1 for row in self._mentions[start:end] if row in wanted)
            start = end
            if score:
                if len(best) < n:
                    heapq.heappush(best, (score, -position))
                elif (score, -position) > best[0]:
                    heapq.heapreplace(best, (score, -position))
        return sorted(-negative for _, negative in best)


#: An entity node of a paper's star graph: ``(id, name, entity_type, aliases, link_type)``.
EntityRow = tuple[str, str, str, tuple[str, ...], str | None]


@dataclass(frozen=True, slots=True)
class RenderedPaper:
    """One resolved paper as :func:`write_streamed` writes it, made by :func:`render_paper`
    wherever the paper was resolved (a worker process, so the writer only writes): its lines
    of ``papers.jsonl`` and ``entities.jsonl``, its node and edges in ``graph.json`` and its
    entity nodes for the :class:`EntityTable`."""

    paper_line: str
    entities_line: str
    node: str
    edges: tuple[str, ...]
    published: str | None
    entities: tuple[EntityRow, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as a plain tuple: a slotted dataclass's own pickling is several times slower
        return (RenderedPaper, (self.paper_line, self.entities_line, self.node, self.edges, self.published, self.entities))


def render_paper(record: ExtractedPaper) -> RenderedPaper:
    """The outputs of one paper, attributes made by :func:`add_paper` on the paper's star graph."""
    paper_line = dumps_line(record.paper.to_dict())
    # = dumps_line(record.to_dict()), without encoding the abstract twice
    entities = dumps_line([e.to_dict() for e in record.entities])
    star = nx.DiGraph()
    add_paper(star, record)
    pid = record.paper.node_id
    node = star.nodes[pid]
    return RenderedPaper(
        paper_line,
        f'{paper_line[:-2]},"entities":{entities[:-1]}}}\n',
        _json({**node, "id": pid}),
        tuple(_json({**data, "source": pid, "target": eid}) for _, eid, data in star.out_edges(pid, data=True)),
        node.get("published"),
        tuple(_star_entities(star, pid)),
    )


def render_batch(records: list[ExtractedPaper]) -> list[RenderedPaper]:
    """:func:`render_paper` of each record (for :meth:`kg.engines.corpus.ExtractedCorpus.map`)."""
    return [render_paper(record) for record in records]


def _star_entities(star: nx.DiGraph, paper_node: str) -> Iterator[EntityRow]:
    for eid in star.successors(paper_node):
        data = star.nodes[eid]
        yield eid, data["name"], data["entity_type"], tuple(data["aliases"]), data.get("link_type")


_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # json.dumps without a new encoder per call


@dataclass(frozen=True, slots=True)
class StreamedGraph:
    """What a streamed write produced: counts and the files, in the staging folder."""

    papers: int
    entities: int
    mentions: int
    files: tuple[Path, ...]
    table: EntityTable


def write_streamed(records: Iterable[ExtractedPaper | RenderedPaper], out_dir: str | Path) -> StreamedGraph:
    """One pass over ``records``: ``papers.jsonl``, ``entities.jsonl`` and ``graph.json``
    (paper nodes as they come, then entity nodes, then edges, which wait in a temporary file).
    Records may come already rendered (:func:`render_paper`), by worker processes say."""
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
            rendered = record if isinstance(record, RenderedPaper) else render_paper(record)
            papers_fh.write(rendered.paper_line)
            entities_fh.write(rendered.entities_line)
            nodes.add_json(rendered.node)
            for edge in rendered.edges:
                edges.add_json(edge)
            table.add_entities(rendered.published, rendered.entities)
            papers += 1
            mentions += len(rendered.edges)
        for eid, attrs in table.nodes():
            nodes.add({**attrs, "id": eid})
        graph_fh.write('\n], "edges": [\n')
        edges_fh.seek(0)
        shutil.copyfileobj(edges_fh, graph_fh)
        graph_fh.write("\n]}\n")
    files = (out / PAPERS_JSONL, out / ENTITIES_JSONL, out / GRAPH_JSON)
    return StreamedGraph(papers, len(table), mentions, files, table)


def sample_graph(
    entities_jsonl: str | Path,
    table: EntityTable,
    *,
    entities: int = SAMPLE_ENTITIES,
    papers: int = SAMPLE_PAPERS,
) -> nx.DiGraph:
    """A graph small enough to look at: the ``papers`` papers mentioning most of the
    ``entities`` most frequent entities (ties: earliest in the input), built by
    :func:`build_graph` from their lines of ``entities.jsonl`` (no other line is parsed)."""
    chosen = table.most_connected(table.most_frequent(entities), papers)
    G = build_graph(_lines(entities_jsonl, chosen))
    G.graph["name"] = f"Knowledge graph: a sample of {len(chosen)} of the most connected papers"
    return G


def _lines(entities_jsonl: str | Path, positions: list[int]) -> Iterator[ExtractedPaper]:
    """The records at ``positions`` (sorted) of an ``entities.jsonl`` written by :func:`write_streamed`."""
    wanted = iter(positions)
    target = next(wanted, None)
    with open(entities_jsonl, encoding="utf-8") as fh:
        for position, line in enumerate(fh):
            if position == target:
                yield ExtractedPaper.from_dict(json.loads(line))
                target = next(wanted, None)
                if target is None:
                    return


def write_sample_view(out_dir: str | Path, table: EntityTable) -> list[Path]:
    """``view.html`` of :func:`sample_graph`, read back from ``entities.jsonl`` in ``out_dir``."""
    from kg.export.html import write_view
    from kg.graph import assign_communities

    out = Path(out_dir)
    G = sample_graph(out / ENTITIES_JSONL, table)
    if any(kind == PAPER for _, kind in G.nodes(data="kind")):
        assign_communities(G)
    return write_view(G, out)


class _Items:
    """Writes JSON objects to a file as the items of a JSON array, comma-separated."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True

    def add(self, item: dict[str, Any]) -> None:
        self.add_json(_json(item))

    def add_json(self, text: str) -> None:
        if not self.first:
            self.fh.write(",\n")
        self.fh.write(text)
        self.first = False
