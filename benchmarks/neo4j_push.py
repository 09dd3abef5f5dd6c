"""Neo4j push throughput: a synthetic graph of 100,000 papers, batched, against one row per transaction.

After a warm-up, pushes (1) a small sample with ``batch_size=1`` (every row its own transaction:
the baseline) and (2) the whole graph with the default batch size and workers, through the same
code (:class:`kg.export.neo4j.Push`), and prints rows/s and relationships/s of both and their
ratio, with the server's CPU time when it is the one `bash scripts/neo4j start` runs.
Goals: batched >= 50x the baseline and >= 20,000 relationships/s.

The database is wiped before each push, so the script refuses a non-empty database unless --wipe.

    bash scripts/neo4j start && eval "$(bash scripts/neo4j env)"
    python benchmarks/neo4j_push.py --wipe                  # 100,000 papers
    python benchmarks/neo4j_push.py --wipe --papers 20000   # quicker
"""

from __future__ import annotations

import sys
from pathlib import Path

# Running a script puts its folder first on sys.path: keep benchmarks/ off it so that none of
# its scripts can shadow a module imported below.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from random import Random  # noqa: E402

import networkx as nx  # noqa: E402

from kg.export.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS, Push, connect, wipe  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.model import Entity, EntityType, Evidence, ExtractedPaper, Field, Paper  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Vocabulary size per entity type and how many entities of that type a paper mentions (min, max).
VOCABULARY = {
    EntityType.METHOD: (30_000, (1, 4)),
    EntityType.DATASET: (8_000, (1, 3)),
    EntityType.METRIC: (600, (1, 2)),
    EntityType.TASK: (3_000, (1, 2)),
}
CODE_SHARE = 0.3
WORDS = "model data learning neural training results method performance task show propose benchmark".split()


def zipf_sampler(n: int, rng: Random, s: float = 1.1):
    """Draw ranks 0..n-1 with probability ~ 1/(rank+1)^s: a few entities are everywhere, most are rare."""
    weights = [1.0 / (k + 1) ** s for k in range(n)]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    return lambda: min(n - 1, _bisect(cumulative, rng.random() * total))


def _bisect(values: list[float], x: float) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def synthetic_papers(n: int, seed: int = 1) -> Iterator[ExtractedPaper]:
    """``n`` extracted papers with Zipf-distributed entities, evidence and metadata."""
    rng = Random(seed)
    samplers = {t: zipf_sampler(size, rng) for t, (size, _) in VOCABULARY.items()}
    day0 = date(2024, 1, 1)
    for i in range(n):
        abstract = " ".join(rng.choice(WORDS) for _ in range(90)) + "."
        sentence = abstract[:120]
        entities: dict[str, Entity] = {}
        for type_, (_, (low, high)) in VOCABULARY.items():
            for _ in range(rng.randint(low, high)):
                name = f"{type_.value.title()} {samplers[type_]()}"
                proposed = type_ is EntityType.METHOD and rng.random() < 0.1
                entity = Entity(type_, name, (), proposed, Evidence(Field.ABSTRACT, 0, 10, sentence), 0.9, "synthetic")
                entities.setdefault(entity.id, entity)
        if rng.random() < CODE_SHARE:
            url = f"https://github.com/synthetic/repo-{i}"
            entities[url] = Entity(
                EntityType.CODE, url, (), False, Evidence(Field.ABSTRACT, 0, 10, sentence), 1.0, "url", "repository"
            )
        paper = Paper(
            id=f"arxiv:99{i // 100000:02d}.{i % 100000:05d}",
            title=f"Synthetic paper {i}: {' '.join(rng.choice(WORDS) for _ in range(8))}",
            abstract=abstract,
            authors=(f"Author {rng.randint(1, 50000)}", f"Author {rng.randint(1, 50000)}"),
            published=day0 + timedelta(days=i % 600),
            source="synthetic",
            categories=("cs.LG",),
        )
        yield ExtractedPaper(paper, tuple(entities.values()))


def server_pid() -> int | None:
    """The pid of the server `bash scripts/neo4j start` runs (None: another server)."""
    pid_file = ROOT / ".neo4j" / "instances" / "default" / "pid"
    try:
        pid = int(pid_file.read_text())
        return pid if Path(f"/proc/{pid}/stat").exists() else None
    except (OSError, ValueError):
        return None


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) the process has used; 0 when unknown."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_push(
    graph: nx.DiGraph, driver, batch_size: int, pid: int | None, workers: int = 1
) -> tuple[Push, dict[str, float], dict[str, float]]:
    """Push ``graph`` into a wiped database: the push, wall and server CPU seconds per stage."""
    with driver.session() as session:
        wipe(session)
    pusher = Push(graph, driver, batch_size=batch_size, workers=workers)
    stages: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    last, last_cpu = time.perf_counter(), cpu_seconds(pid)
    for step in pusher.steps():
        now, now_cpu = time.perf_counter(), cpu_seconds(pid)
        stages[step.stage] += now - last
        cpu[step.stage] += now_cpu - last_cpu
        last, last_cpu = now, now_cpu
    return pusher, stages, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000, help="papers in the synthetic graph (100,000)")
    parser.add_argument("--sample", type=int, default=200, help="papers pushed one row per transaction (200)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="sessions writing at once")
    parser.add_argument("--wipe", action="store_true", help="allow wiping a non-empty database")
    args = parser.parse_args(argv)
    if "NEO4J_URI" not in os.environ:
        sys.exit('NEO4J_URI is not set: bash scripts/neo4j start && eval "$(bash scripts/neo4j env)"')
    driver = connect(
        os.environ["NEO4J_URI"], (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    )
    with driver:
        existing = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
        if existing and not args.wipe:
            sys.exit(f"the database holds {existing} nodes; pass --wipe to let the benchmark delete them")

        started = time.perf_counter()
        graph = build_graph(synthetic_papers(args.papers))
        print(
            f"synthetic graph: {args.papers:,} papers, {graph.number_of_nodes():,} nodes, "
            f"{graph.number_of_edges():,} relationships (built in {time.perf_counter() - started:.1f}s)"
        )
        sample = graph.subgraph(
            {
                n
                for p in list(n for n, k in graph.nodes(data="kind") if k == "Paper")[: args.sample]
                for n in (p, *graph.succ[p])
            }
        ).copy()

        pid = server_pid()
        for batch_size in (args.batch_size, 1):  # warm-up: the server compiles both plans, the JIT warms
            timed_push(sample, driver, batch_size=batch_size, pid=pid)
        base, _, _ = timed_push(sample, driver, batch_size=1, pid=pid)
        client_started = time.process_time()
        big, stages, server_cpu = timed_push(graph, driver, batch_size=args.batch_size, pid=pid, workers=args.workers)
        client_cpu = time.process_time() - client_started

    b, r = base.result, big.result
    assert b is not None and r is not None
    rel_seconds = sum(stages[t] for t in {k[0] for k in big.rows.relationships})
    base_rows_s, rows_s = b.rows / b.seconds, r.rows / r.seconds
    print(
        f"baseline (1 row/transaction): {b.rows:,} rows ({b.relationships:,} relationships) in {b.seconds:.1f}s: "
        f"{base_rows_s:,.0f} rows/s, {b.relationships / b.seconds:,.0f} relationships/s"
    )
    print(
        f"batched ({args.batch_size:,} rows/transaction, {args.workers} at once): {r.rows:,} rows "
        f"({r.nodes:,} nodes, {r.relationships:,} relationships) in {r.seconds:.1f}s over {r.transactions:,} "
        f"transactions: {rows_s:,.0f} rows/s"
    )
    print(
        f"  relationships/s: {r.relationships / r.seconds:,.0f} over the whole push, "
        f"{r.relationships / rel_seconds:,.0f} in the relationship stage ({rel_seconds:.1f}s)"
    )
    print(f"  client CPU (this process: rows, packing, driver): {client_cpu:.1f}s")
    print(
        "  stages: " + ", ".join(f"{k} {v:.1f}s" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]) if v >= 0.05)
    )
    if pid is not None:
        total_cpu, rel_cpu = (
            sum(server_cpu.values()),
            sum(server_cpu[t] for t in {k[0] for k in big.rows.relationships}),
        )
        # CPU seconds per 10,000 relationships hardly depend on what else the machine runs (the
        # rates do: other jobs take the cores), so they are the figure to compare between runs.
        print(
            f"  server CPU: {total_cpu:.1f}s for the batched push ({total_cpu / r.relationships * 1e4:.2f}s per 10k "
            f"relationships), {rel_cpu:.1f}s in the relationship stage ({rel_cpu / r.relationships * 1e4:.2f}s per 10k, "
            f"{r.relationships / rel_cpu:,.0f} relationships per server CPU second); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
    ratio = rows_s / base_rows_s
    print(
        f"speed-up over the baseline: {ratio:,.0f}x (goal >= 50x); "
        f"relationships/s {r.relationships / r.seconds:,.0f} (goal >= 20,000)"
    )
    return 0 if ratio >= 50 and r.relationships / r.seconds >= 20_000 else 1


if __name__ == "__main__":
    sys.exit(main())
