"""Graph benchmark: build and project a graph of 100,000 papers; time and peak memory.

Entities are sampled per type from Zipf-ranked vocabularies (a few names in a large share of
papers, a long tail in one or two), with a paper's own proposed method and code link unique to
it, so the shape matches a real corpus: at 100,000 papers the most common method is in about a
quarter of them. Each paper carries a 1,000-character abstract and an evidence sentence per
entity, as real records do, so memory figures include them.

Baselines, in the same run and on the same sample of papers: networkx's plain
``bipartite.weighted_projected_graph`` (shared-entity counts, no per-entity weights, no
explanations) and ``bipartite.generic_weighted_projected_graph`` with our weight function,
against :func:`kg.graph.project`.

    python benchmarks/graph.py                 # 100,000 papers, baselines on 3,000
    python benchmarks/graph.py --n 20000 --communities   # also Louvain: kg's (igraph) against networkx's
"""

from __future__ import annotations

import argparse
import gc
import math
import resource
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
# run from the repository, not from benchmarks/
sys.path[0] = str(ROOT)

import networkx as nx  # noqa: E402
from networkx.algorithms import bipartite  # noqa: E402

from kg.graph import MAX_PAPER_COUNT, assign_communities, build_graph, entity_weights, project, related  # noqa: E402
from kg.graph.communities import louvain, projection_links  # noqa: E402
from kg.model import Entity, EntityType, Evidence, ExtractedPaper, Field, Paper  # noqa: E402

T = TypeVar("T")

#: type -> (vocabulary size, Zipf exponent, mean entities of that type per paper)
SHAPE: dict[EntityType, tuple[int, float, float]] = {
    EntityType.METHOD: (60_000, 1.05, 3.0),
    EntityType.DATASET: (20_000, 1.1, 1.2),
    EntityType.METRIC: (2_000, 1.2, 1.2),
    EntityType.TASK: (15_000, 1.05, 1.5),
}
P_CODE = 0.3
FILLER = (
    "We study the problem in depth and report results that improve over strong baselines. "
    "Our analysis explains when the approach works and when it does not, and why. "
) * 6


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CPU: dict[str, float] = {}


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """``fn()`` and its wall-clock seconds (its CPU seconds go to ``CPU["last"]``: on a busy
    machine wall time includes waiting for a core, CPU time does not)."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    CPU["last"] = time.process_time() - cpu
    return result, time.perf_counter() - start


def cpu() -> str:
    return f"(CPU {CPU['last']:6.1f} s)"


def cumulative(size: int, exponent: float) -> list[float]:
    total, cum = 0.0, []
    for rank in range(1, size + 1):
        total += rank**-exponent
        cum.append(total)
    return cum


def poisson(rng: Random, mean: float) -> int:
    """Knuth's method: fine for the small means used here."""
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def corpus(n: int, seed: int) -> list[ExtractedPaper]:
    """``n`` extracted papers with Zipf-distributed entities (deterministic from ``seed``)."""
    rng = Random(seed)
    tables = {t: (list(range(size)), cumulative(size, s), mean) for t, (size, s, mean) in SHAPE.items()}
    start = date(2018, 1, 1)
    papers = []
    for i in range(n):
        title = f"Paper {i}: a study of things"
        entities: dict[str, Entity] = {}
        own = Entity(EntityType.METHOD, f"Method{i}Net", proposed=True, rule="bench",
                     evidence=Evidence(Field.TITLE, 0, 10, title))  # fmt: skip
        entities[own.id] = own
        for entity_type, (ranks, cum, mean) in tables.items():
            for rank in rng.choices(ranks, cum_weights=cum, k=poisson(rng, mean)):
                name = f"{entity_type.value} {rank}"
                sentence = f"In paper {i} we rely on {name} for the main experiments."
                entity = Entity(entity_type, name, rule="bench", confidence=0.9,
                                evidence=Evidence(Field.ABSTRACT, 24, 24 + len(name), sentence))  # fmt: skip
                entities.setdefault(entity.id, entity)
        if rng.random() < P_CODE:
            url = f"https://github.com/lab{i % 997}/paper-{i}"
            code = Entity(EntityType.CODE, url, kind="repository", rule="bench")
            entities[code.id] = code
        paper = Paper(
            id=f"arxiv:{2000 + i // 10_000}.{i % 100_000:05d}",
            title=title,
            abstract=f"Paper {i}. " + FILLER,
            authors=(f"Author {i % 5000}", f"Author {(i * 7) % 5000}"),
            published=start + timedelta(days=i * 2000 // max(n, 1)),
            source="benchmark",
        )
        papers.append(ExtractedPaper(paper, tuple(entities.values())))
    return papers


def networkx_plain(G: nx.DiGraph, papers: list[str]) -> nx.Graph:
    """Baseline 1: networkx's weighted projection (weight = number of shared entities)."""
    return bipartite.weighted_projected_graph(G.to_undirected(as_view=False), papers)


def networkx_generic(G: nx.DiGraph, papers: list[str]) -> nx.Graph:
    """Baseline 2: networkx's generic projection with kg's per-entity weights (same result as kg)."""
    weights = entity_weights(G)
    B = G.subgraph([*papers, *weights]).to_undirected(as_view=False)

    def weight(B: nx.Graph, u: str, v: str) -> float:
        return math.fsum(sorted(weights[e] for e in B[u].keys() & B[v].keys()))

    return bipartite.generic_weighted_projected_graph(B, papers, weight_function=weight)


def sample_graph(G: nx.DiGraph, papers: list[str]) -> nx.DiGraph:
    """The subgraph of ``papers`` and their entities, as a graph of its own (counts recomputed)."""
    H = G.subgraph([*papers, *{e for p in papers for e in G.adj[p]}]).copy()
    for node, data in H.nodes(data=True):
        if data["kind"] != "Paper":
            data["paper_count"] = H.in_degree(node)
    return H


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="papers (default 100,000)")
    parser.add_argument("--sample", type=int, default=3_000, help="papers for the networkx baselines (default 3,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--communities", action="store_true", help="also time Louvain communities on the full graph")
    parser.add_argument("--max-paper-count", type=int, default=MAX_PAPER_COUNT,
                        help=f"entities in more papers do not link (default {MAX_PAPER_COUNT})")
    args = parser.parse_args()

    print(f"graph benchmark: {args.n:,} papers (seed {args.seed}), entities in at most {args.max_paper_count} papers link;"
          f" Python {sys.version.split()[0]}, networkx {nx.__version__}")
    records, t_gen = timed(lambda: corpus(args.n, args.seed))
    mentions = sum(len(r.entities) for r in records)
    print(f"  corpus generated       {t_gen:7.1f} s {cpu()}  {mentions:,} mentions   peak RSS {peak_mb():5.0f} MB")

    G, t_build = timed(lambda: build_graph(records))
    entities = G.number_of_nodes() - args.n
    top = max(G.in_degree(e) for e in G if G.nodes[e]["kind"] != "Paper")
    c_build = CPU["last"]
    print(f"  build_graph            {t_build:7.1f} s {cpu()}  {entities:,} entities (most common in {top:,} papers)   peak RSS {peak_mb():5.0f} MB")

    P, t_project = timed(lambda: project(G, max_paper_count=args.max_paper_count))
    c_total = c_build + CPU["last"]
    print(f"  project                {t_project:7.1f} s {cpu()}  {P.number_of_edges():,} links   peak RSS {peak_mb():5.0f} MB")
    total = t_build + t_project
    print(f"  build + project        {total:7.1f} s (CPU {c_total:6.1f} s)  goal < 60 s;   peak RSS {peak_mb():5.0f} MB, goal < 2048 MB")

    papers = sorted(r.paper.node_id for r in records)
    rng = Random(args.seed)
    queries = rng.sample(papers, 100)
    _, t_related = timed(lambda: [related(G, q, 10, max_paper_count=args.max_paper_count) for q in queries])
    print(f"  related() x 100        {t_related:7.2f} s  ({1000 * t_related / 100:.1f} ms a query, no projection needed)")

    if args.communities:
        communities, t_louvain = timed(lambda: assign_communities(G, P, max_paper_count=args.max_paper_count))
        print(f"  assign_communities     {t_louvain:7.1f} s {cpu()}  {len(communities):,} communities   peak RSS {peak_mb():5.0f} MB")
    del P

    sample = sorted(rng.sample(papers, min(args.sample, args.n)))
    S = sample_graph(G, sample)
    print(f"\nbaselines on {len(sample):,} sampled papers ({S.number_of_edges():,} mentions):")
    runs: dict[str, tuple[Any, float]] = {}
    for name, fn in (
        ("kg.graph.project", lambda: project(S)),
        ("networkx weighted_projected_graph", lambda: networkx_plain(S, sample)),
        ("networkx generic (kg weights)", lambda: networkx_generic(S, sample)),
    ):
        graph, _ = timed(fn)
        runs[name] = (graph, CPU["last"])
    ours = runs["kg.graph.project"][1]
    for name, (graph, seconds) in runs.items():
        print(f"  {name:<36} CPU {seconds:7.2f} s  {graph.number_of_edges():>10,} links   x{seconds / ours:5.2f} of kg")
    kg_edges = {frozenset(e) for e in runs["kg.graph.project"][0].edges}
    generic_edges = {frozenset(e) for e in runs["networkx generic (kg weights)"][0].edges}
    print(f"  kg and networkx generic agree on the links: {kg_edges == generic_edges}")
    print("  (plain networkx links every pair sharing any entity, however common: no cap, no weights, no reasons)")
    if args.communities:
        louvain_baseline(runs["kg.graph.project"][0])


def louvain_baseline(P: nx.Graph) -> None:
    """kg's Louvain (igraph, with the conversion of ``P`` to arrays) against networkx's on the same
    projection, seeded alike: CPU time and the modularity of what each finds."""
    print(f"\ncommunities of the sample's projection ({P.number_of_edges():,} links):")
    results = []
    for name, fn in (
        ("kg.graph.communities.louvain (igraph)", lambda: igraph_groups(P)),
        ("networkx louvain_communities", lambda: nx.community.louvain_communities(P, weight="weight", seed=42)),
    ):
        groups, _ = timed(fn)
        results.append((name, CPU["last"], nx.community.modularity(P, groups, weight="weight"), len(groups)))
    ours = results[0][1]
    for name, seconds, modularity, count in results:
        print(f"  {name:<38} CPU {seconds:6.2f} s  {count:>6,} groups  modularity {modularity:.4f}   x{seconds / ours:5.2f} of kg")


def igraph_groups(P: nx.Graph) -> list[set[str]]:
    papers, links = projection_links(P)
    groups: dict[int, set[str]] = {}
    for paper, label in zip(papers, louvain(links, seed=42).tolist(), strict=True):
        groups.setdefault(label, set()).add(paper)
    return list(groups.values())


if __name__ == "__main__":
    main()
