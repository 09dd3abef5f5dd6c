"""Links and communities of a streamed build: time and peak memory, against the in-memory way.

Mentions come from a ``kg build`` output (``--from OUT/``: its ``entities.jsonl``) or are drawn
like ``benchmarks/graph.py`` draws them (Zipf-ranked names per type, a paper's own method),
straight into the arrays a streamed build keeps, so a million papers need no extraction.
Baseline, in the same run on the first ``--baseline`` papers: the in-memory way
(:func:`kg.graph.project` + :func:`kg.graph.assign_communities`: networkx links, the same igraph Louvain).

    python benchmarks/stream_links.py --n 100000 200000 1000000
    python benchmarks/stream_links.py --from out-100k/ --baseline 20000
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import tempfile
import sys
import threading
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # run from the repository, not from benchmarks/

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from kg.export.stream_links import _write_communities  # noqa: E402
from kg.graph import assign_communities, project  # noqa: E402
from kg.graph.sparse_communities import sparse_communities  # noqa: E402
from kg.graph.sparse_links import entity_link_weights, id_order, paper_links  # noqa: E402
from kg.model import EntityType, entity_id  # noqa: E402

T = TypeVar("T")


class Mentions:
    """What a streamed build keeps (:class:`kg.export.stream.EntityTable`): rows and entities."""

    def __init__(self, paper_ids: list[str], rows: array, ends: array, entities: list[tuple[str, str, str, int]]):
        self.paper_ids, self.rows, self.ends, self.entity_list = paper_ids, rows, ends, entities

    def mention_rows(self) -> tuple[array, array]:
        return self.rows, self.ends

    def entities(self) -> list[tuple[str, str, str, int]]:
        return self.entity_list

    def head(self, n: int) -> Mentions:
        """The first ``n`` papers (paper counts recounted)."""
        rows = array("I", self.rows[: self.ends[n - 1]])
        counts = np.bincount(np.frombuffer(rows, dtype=np.uint32), minlength=len(self.entity_list))
        entities = [(e[0], e[1], e[2], int(c)) for e, c in zip(self.entity_list, counts, strict=True)]
        return Mentions(self.paper_ids[:n], rows, array("Q", self.ends[:n]), entities)

    def graph(self) -> nx.DiGraph:
        """The paper→entity graph with the attributes the projection and communities read."""
        G = nx.DiGraph()
        G.add_nodes_from(((p, {"kind": "Paper"}) for p in self.paper_ids))
        G.add_nodes_from(((e[0], {"kind": "Entity", "name": e[1], "entity_type": e[2]}) for e in self.entity_list if e[3]))
        start = 0
        for pid, end in zip(self.paper_ids, self.ends, strict=True):
            G.add_edges_from((pid, self.entity_list[r][0]) for r in self.rows[start:end])
            start = end
        return G


def drawn(n: int, seed: int) -> Mentions:
    """``n`` papers' mentions drawn with ``benchmarks/graph.py``'s shape."""
    spec = importlib.util.spec_from_file_location("graph_bench", ROOT / "benchmarks" / "graph.py")
    shape = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(shape)  # type: ignore[union-attr]
    rng = np.random.default_rng(seed)
    parts, offset, entities = [], n, [(f"method:own{i}", f"Method{i}Net", "method", 1) for i in range(n)]
    for entity_type, (size, exponent, mean) in shape.SHAPE.items():
        cum = np.cumsum(np.arange(1, size + 1, dtype=np.float64) ** -exponent)
        k = rng.poisson(mean, n)
        ranks = np.searchsorted(cum, rng.random(int(k.sum())) * cum[-1])
        parts.append((np.repeat(np.arange(n), k), ranks + offset))
        entities += [(entity_id(EntityType(entity_type.value), f"{entity_type.value} {r}"), f"{entity_type.value} {r}", entity_type.value, 0) for r in range(size)]
        offset += size
    coded = np.flatnonzero(rng.random(n) < shape.P_CODE)
    parts.append((coded, np.arange(len(coded)) + offset))
    entities += [(f"code:{i}", f"code {i}", "code", 0) for i in range(len(coded))]
    paper = np.concatenate([np.arange(n)] + [p for p, _ in parts])
    row = np.concatenate([np.arange(n)] + [r for _, r in parts])
    key = np.unique(paper.astype(np.int64) * len(entities) + row)  # one mention per paper and entity
    paper, row = key // len(entities), key % len(entities)
    counts = np.bincount(row, minlength=len(entities))
    entities = [(e[0], e[1], e[2], int(c)) for e, c in zip(entities, counts, strict=True)]
    ends = np.cumsum(np.bincount(paper, minlength=n))
    return Mentions([f"paper:{i:07d}" for i in range(n)], array("I", row.astype(np.uint32).tobytes()), array("Q", ends.astype(np.uint64).tobytes()), entities)


def read_output(out: Path) -> Mentions:
    """The mentions of a ``kg build`` output, in its order (as a streamed build keeps them)."""
    rows, ends, index, entities, paper_ids = array("I"), array("Q"), {}, [], []
    with open(out / "entities.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            paper_ids.append(f"paper:{record['id']}")
            seen = set()
            for e in record["entities"]:
                eid = entity_id(EntityType(e["type"]), e["name"])
                if eid in seen:
                    continue
                seen.add(eid)
                if eid not in index:
                    index[eid] = len(entities)
                    entities.append([eid, e["name"], e["type"], 0])
                entities[index[eid]][3] += 1
                rows.append(index[eid])
            ends.append(len(rows))
    return Mentions(paper_ids, rows, ends, [tuple(e) for e in entities])  # type: ignore[misc]


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) / 1024


def measured(fn: Callable[[], T]) -> tuple[T, float, float, float]:
    """``fn()``, its wall and CPU seconds, and its peak RSS above the RSS before it (MB, sampled)."""
    before, peak, done = rss_mb(), [0.0], threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    done.set()
    sampler.join()
    return result, wall, cpu, max(peak[0], rss_mb()) - before


def streamed(m: Mentions, graph_json: Path | None = None) -> list[str]:
    entities = m.entities()
    weights = entity_link_weights([e[2] for e in entities], [e[3] for e in entities])
    links, wall, cpu, mb = measured(lambda: paper_links(*m.mention_rows(), weights, numbers=id_order(m.paper_ids)))
    lines = [f"  links        {wall:7.1f} s  (CPU {cpu:6.1f} s)  +{mb:6.0f} MB   {len(links):,} links ({len(links) / len(m.paper_ids):.1f} a paper)"]
    found, wall, cpu, mb = measured(lambda: sparse_communities(links, m.paper_ids, *m.mention_rows(), entities))
    lines.append(f"  communities  {wall:7.1f} s  (CPU {cpu:6.1f} s)  +{mb:6.0f} MB   {len(found.communities):,} communities (igraph Louvain)")
    if graph_json is not None:  # a streamed graph.json (no communities yet): rewrite a copy of it
        with tempfile.TemporaryDirectory(dir=graph_json.parent) as tmp:
            copy = Path(tmp) / "graph.json"
            shutil.copyfile(graph_json, copy)
            community = found.paper.tolist() + found.entity.tolist()
            _, wall, cpu, mb = measured(lambda: _write_communities(copy, community, [e[0] for e in entities], found.communities))
        size = graph_json.stat().st_size / 1e9
        lines.append(f"  graph.json   {wall:7.1f} s  (CPU {cpu:6.1f} s)  +{mb:6.0f} MB   rewritten with communities ({size:.2f} GB)")
    return lines


def in_memory(m: Mentions) -> list[str]:
    G = m.graph()
    P, wall, cpu, mb = measured(lambda: project(G))
    lines = [f"  links        {wall:7.1f} s  (CPU {cpu:6.1f} s)  +{mb:6.0f} MB   {P.number_of_edges():,} links (kg.graph.project)"]
    found, wall, cpu, mb = measured(lambda: assign_communities(G, P))
    lines.append(f"  communities  {wall:7.1f} s  (CPU {cpu:6.1f} s)  +{mb:6.0f} MB   {len(found):,} communities (igraph Louvain on the projection)")
    return lines


def _streamed_without_communities(path: Path) -> bool:
    with open(path, "rb") as fh:
        return b'"graph": {}, "nodes"' in fh.readline()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="*", default=[100_000], help="papers drawn (graph.py's shape)")
    parser.add_argument("--from", dest="source", type=Path, help="a kg build output folder instead")
    parser.add_argument("--baseline", type=int, default=10_000, help="papers for the in-memory comparison (0: none)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = [None] if args.source else args.n
    for n in sizes:
        m = read_output(args.source) if args.source else drawn(n, args.seed)
        what = f"{args.source}" if args.source else "drawn mentions (graph.py's shape)"
        print(f"{len(m.paper_ids):,} papers, {len(m.rows):,} mentions, {len(m.entity_list):,} entities: {what}")
        source = args.source / "graph.json" if args.source and _streamed_without_communities(args.source / "graph.json") else None
        for line in streamed(m, source):
            print(line)
        if args.baseline and args.baseline < len(m.paper_ids):
            small = m.head(args.baseline)
            print(f"first {args.baseline:,} papers, streamed way:")
            for line in streamed(small):
                print(line)
            print(f"first {args.baseline:,} papers, in-memory way:")
            for line in in_memory(small):
                print(line)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
