"""Links and communities of a streamed build, added to its ``graph.json`` after the streamed pass.

The streamed pass (:func:`kg.export.stream.write_streamed`) keeps each paper's entity rows; from
them :func:`kg.graph.sparse_links.paper_links` computes the paper–paper links of
:func:`kg.graph.project` and :func:`kg.graph.sparse_communities.sparse_communities` their
communities. ``graph.json`` is then rewritten line by line (one node a line, edges copied in
blocks) with what an in-memory build writes: ``community`` on every node (just before ``id``)
and ``"graph": {"communities": [...]}``. As in memory, the links themselves are not written:
``kg related`` computes a paper's links from the paper→entity graph.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import OutputError
from kg.export.files import GRAPH_JSON
from kg.graph.communities import SEED
from kg.graph.projection import MAX_PAPER_COUNT
from kg.graph.sparse_communities import sparse_communities
from kg.graph.sparse_links import entity_link_weights, id_order, paper_links
from kg.graph.streamed_json import EDGES_HEADER, NODES_HEADER, node_lines
from kg.io import atomic_write

_HEADER = b'"graph": {}, ' + NODES_HEADER  # before the communities are written
_ID = b',"id":'


@dataclass(frozen=True, slots=True)
class StreamedLinks:
    """How many links the projection has and how many communities were found."""

    links: int
    communities: int


def add_links_and_communities(
    out_dir: str | Path,
    table: object,
    *,
    seed: int | None = SEED,
    max_paper_count: int | None = MAX_PAPER_COUNT,
    step: Callable[[str], None] = lambda what: None,
) -> StreamedLinks:
    """Compute the links and communities of the streamed build in ``out_dir`` from its
    :class:`~kg.export.stream.EntityTable` and record the communities in its ``graph.json``.
    ``step`` is called with the name of each stage as it starts (for a progress display)."""
    path = Path(out_dir) / GRAPH_JSON
    mentions, ends = table.mention_rows()  # type: ignore[attr-defined]
    entities = table.entities()  # type: ignore[attr-defined]
    step("links")
    paper_ids = list(_paper_ids(path, len(ends)))
    weights = entity_link_weights([e[2] for e in entities], [e[3] for e in entities], max_paper_count=max_paper_count)
    links = paper_links(mentions, ends, weights, numbers=id_order(paper_ids))
    step("communities")
    found = sparse_communities(links, paper_ids, mentions, ends, entities, seed=seed)
    n_links = len(links)
    del links, paper_ids
    step("write communities")
    _write_communities(path, found.paper.tolist() + found.entity.tolist(), [e[0] for e in entities], found.communities)
    return StreamedLinks(n_links, len(found.communities))


def _node_id(line: bytes) -> str:
    """The ``id`` of a node line; it is the last key, as the streamed writer puts it."""
    at = line.rfind(_ID)
    value = line[at + len(_ID) :].rstrip(b",\n")
    if at < 0 or not value.endswith(b"}"):
        return str(json.loads(line.rstrip(b",\n"))["id"])
    return str(json.loads(value[:-1]))


def _paper_ids(path: Path, papers: int) -> Iterator[str]:
    """The ids of the first ``papers`` nodes: the papers, in the order they were added."""
    for count, (_, line) in enumerate(node_lines(path)):
        if count == papers:
            return
        yield _node_id(line)


def _write_communities(path: Path, community: list[int], entity_ids: list[str], communities: list[dict]) -> None:
    """Rewrite ``graph.json`` with ``community`` on every node (papers then entities, in order)
    and the communities' descriptions in its graph attributes."""
    papers = len(community) - len(entity_ids)
    with open(path, "rb") as source, atomic_write(path, "wb") as fh:
        first = source.readline()
        if not first.endswith(_HEADER):
            raise OutputError(f"{path}: not a streamed graph.json without communities (unexpected first line)")
        described = json.dumps(communities, ensure_ascii=False, separators=(",", ":")).encode()
        fh.write(first[: -len(_HEADER)] + b'"graph": {"communities": ' + described + b'}, "nodes": [\n')
        position = 0
        for line in source:
            if line.startswith(EDGES_HEADER):
                fh.write(line)
                break
            at = line.rfind(_ID)
            if position >= papers and _node_id(line) != entity_ids[position - papers]:
                raise OutputError(f"{path}: node {position + 1} is not the entity expected there")
            fh.write(b"%s,\"community\":%d%s" % (line[:at], community[position], line[at:]))
            position += 1
        if position != len(community):
            raise OutputError(f"{path}: {position} nodes, expected {len(community)}")
        shutil.copyfileobj(source, fh, 1 << 20)
