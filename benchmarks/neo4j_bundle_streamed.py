"""Time and peak memory of the neo4j-admin bundle of a streamed build, written from its graph.json.

Usage: python benchmarks/neo4j_bundle_streamed.py OUT/graph.json [--in-memory]

Baseline in the same process: one pass parsing every line of graph.json (the least a streamed
writer must do; the writer makes two passes and formats the CSV). Peak RSS is the process's
(``ru_maxrss``), printed before and after the writer. ``--in-memory`` writes the bundle with the
in-memory writer instead (``load_graph`` + ``write_bundle``), for the memory comparison.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.files import load_graph  # noqa: E402
from kg.export.neo4j_csv import write_bundle  # noqa: E402
from kg.export.neo4j_csv_stream import write_streamed_bundle  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(graph_json: Path, in_memory: bool) -> None:
    start = time.perf_counter()
    lines = 0
    with open(graph_json, "rb") as fh:
        fh.readline()
        for line in fh:
            if line[:1] == b"{":
                json.loads(line.rstrip(b",\n"))
                lines += 1
    baseline = time.perf_counter() - start
    print(f"baseline: parse {lines:,} node/edge lines once: {baseline:.1f} s; peak RSS so far {peak_mb():,.0f} MB")
    with tempfile.TemporaryDirectory(dir=graph_json.parent) as folder:
        start = time.perf_counter()
        if in_memory:
            write_bundle(load_graph(graph_json), Path(folder) / "neo4j")
        else:
            write_streamed_bundle(graph_json, Path(folder) / "neo4j")
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
    how = "in memory (load_graph + write_bundle)" if in_memory else "streamed"
    print(f"bundle {how}: {seconds:.1f} s ({seconds / baseline:.1f}x the baseline), {size / 1e6:,.0f} MB written, "
          f"{lines / seconds:,.0f} lines/s; peak RSS {peak_mb():,.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--in-memory" in sys.argv[2:])
