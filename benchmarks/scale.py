"""Scale benchmarks: abstracts/s end to end per engine, and time and peak memory at a million.

    python benchmarks/scale.py throughput [--n 100000]   # workers=1, workers=2, Dask (2 workers)
    python benchmarks/scale.py million [--n 1000000]     # `kg build --workers 2`: time, peak RSS

``throughput`` measures, in the same run and on the same synthetic corpus (benchmarks/synth.py),
spaCy's blank English tokenizer (reading the JSON Lines and tokenising title and abstract) as
the baseline, then ``kg.pipeline.build`` end to end with each engine; it prints abstracts/s and
the ratio to the baseline. ``--stage extract`` times ingest + extraction only (no graph, no
exports). ``million`` runs the real ``kg build`` command in a subprocess and samples the resident
memory of it and all its children (psutil) every half second. Goals: < 30 min and < 4 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Python puts a script's folder first on sys.path; keep benchmarks/ off it so that no benchmark
# script can shadow a module imported below.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]


def _load_synth():
    """benchmarks/synth.py, beside this file (loaded by path: benchmarks/ is not a package, and
    putting it on sys.path would let its scripts shadow other modules)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("kg_bench_synth", HERE / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synth = _load_synth()

GB = 1024**3


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    papers: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.papers / self.seconds


# --------------------------------------------------------------------------- corpus


def corpus(path: Path | None, n: int, seed: int, scratch: Path) -> Path:
    """``path`` if given (and complete), else a fresh synthetic corpus of ``n`` papers."""
    if path is not None:
        return path
    out = scratch / f"synth-{n}-{seed}.jsonl"
    t = time.perf_counter()
    generator = synth.Generator(synth.default_sources())
    with out.open("w", encoding="utf-8") as fh:
        synth.write(generator.papers(n, seed), fh)
    print(f"corpus: {n} synthetic papers (seed {seed}) in {time.perf_counter() - t:.1f} s -> {out}", flush=True)
    return out


def count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


# --------------------------------------------------------------------------- throughput


def baseline(path: Path) -> Run:
    """spaCy's blank English tokenizer over the same records: the yardstick of every ratio."""
    import spacy

    nlp = spacy.blank("en")

    def texts() -> Iterator[str]:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                yield f"{record['title']}\n\n{record['abstract']}"

    t = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts(), batch_size=256))
    return Run("spaCy blank tokenizer", n, time.perf_counter() - t)


def build_run(name: str, path: Path, scratch: Path, stage: str, **engine: object) -> Run:
    """One end-to-end run (``stage="build"``) or ingest + extraction only (``"extract"``)."""
    out = scratch / f"out-{name.replace(' ', '-')}"
    t = time.perf_counter()
    if stage == "build":
        from kg.pipeline import build

        result = build([path], out, **engine)
        n = result.papers
        stages = ", ".join(f"{stage} {s:.0f} s" for stage, s in result.seconds.items())
        print(f"  {name}: {stages}; {result.entities} entities, {result.mentions} mentions", flush=True)
    else:
        from kg.engines import open_engine
        from kg.ingest import read_papers

        with open_engine(**engine) as eng:
            n = sum(1 for _ in eng.extract(read_papers([path])))
    return Run(name, n, time.perf_counter() - t)


@contextmanager
def dask_cluster(workers: int) -> Iterator[str]:
    """A LocalCluster of ``workers`` single-threaded processes (started outside the timing)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def throughput(args: argparse.Namespace, scratch: Path) -> None:
    path = corpus(args.corpus, args.n, args.seed, scratch)
    base = baseline(path)
    print(f"{base.name}: {base.papers} abstracts in {base.seconds:.1f} s = {base.rate:,.0f} abstracts/s", flush=True)
    runs: list[Run] = []
    engines: dict[str, Callable[[], Run]] = {
        "workers=1": lambda: build_run("workers=1", path, scratch, args.stage, workers=1),
        "workers=2": lambda: build_run("workers=2", path, scratch, args.stage, workers=2),
    }

    def dask_run() -> Run:
        with dask_cluster(2) as address:
            return build_run("dask 2 workers", path, scratch, args.stage, dask_address=address)

    engines["dask"] = dask_run
    for name in args.engines.split(","):
        run = engines[name]()
        runs.append(run)
        print(f"{run.name}: {run.papers} abstracts in {run.seconds:.1f} s = {run.rate:,.1f} abstracts/s", flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{args.stage} throughput on {base.papers} synthetic abstracts ({os.cpu_count()} cores, load average {load})")
    print(f"{'engine':<24}{'abstracts/s':>14}{'x blank tokenizer':>20}{'speed-up':>10}")
    print(f"{base.name:<24}{base.rate:>14,.0f}{1:>20.4f}{'':>10}")
    first = runs[0].rate if runs else 1.0
    for run in runs:
        print(f"{run.name:<24}{run.rate:>14,.1f}{run.rate / base.rate:>20.4f}{run.rate / first:>9.2f}x")


# --------------------------------------------------------------------------- a million


class PeakMemory:
    """Samples the resident memory of a process and all its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.5, report_every: float = 60.0) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.interval = interval
        self.report_every = report_every
        self.peak_total = self.peak_main = 0
        self.peak_processes = 0
        self.start = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        next_report = self.report_every
        while not self._stop.is_set():
            try:
                procs = [self.process, *self.process.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.NoSuchProcess:
                        pass
                if rss:
                    self.peak_main = max(self.peak_main, rss[0])
                    self.peak_total = max(self.peak_total, sum(rss))
                    self.peak_processes = max(self.peak_processes, len(rss))
                    elapsed = time.perf_counter() - self.start
                    if elapsed >= next_report:  # a time series: memory stays flat
                        print(f"  {elapsed / 60:5.1f} min  RSS all {sum(rss) / GB:5.2f} GB  main {rss[0] / GB:5.2f} GB"
                              f"  ({len(rss)} processes)", flush=True)
                        next_report += self.report_every
            except psutil.NoSuchProcess:
                return
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def million(args: argparse.Namespace, scratch: Path) -> None:
    path = corpus(args.corpus, args.n, args.seed, scratch)
    n = count_lines(path)
    out = scratch / "out-million"
    command = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(path), "-o", str(out), "--workers", str(args.workers)]
    print("$ kg " + " ".join(command[3:]), flush=True)
    log = scratch / "kg-build.log"
    t = time.perf_counter()
    with log.open("w") as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        memory = PeakMemory(proc.pid)
        code = proc.wait()
        memory.stop()
    seconds = time.perf_counter() - t
    if code != 0:
        sys.exit(f"kg build failed with exit code {code}:\n{log.read_text()[-3000:]}")
    print(log.read_text()[-2000:], end="")
    print(f"\nkg build --workers {args.workers} on {n:,} synthetic abstracts")
    print(f"time            {seconds / 60:8.1f} min  ({n / seconds:,.0f} abstracts/s; goal < 30 min)")
    print(f"peak RSS, all   {memory.peak_total / GB:8.2f} GB  ({memory.peak_processes} processes; goal < 4 GB)")
    print(f"peak RSS, main  {memory.peak_main / GB:8.2f} GB")
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    print("outputs         " + ", ".join(f"{k} {v / GB:.2f} GB" for k, v in sorted(sizes.items())))


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("throughput", help="abstracts/s per engine against the blank tokenizer")
    t.add_argument("--n", type=int, default=100_000)
    t.add_argument("--engines", default="workers=1,workers=2,dask", help="comma-separated: workers=1,workers=2,dask")
    t.add_argument("--stage", choices=("build", "extract"), default="build")
    m = sub.add_parser("million", help="time and peak RSS of kg build on a million abstracts")
    m.add_argument("--n", type=int, default=1_000_000)
    m.add_argument("--workers", type=int, default=2)
    for p in (t, m):
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--corpus", type=Path, help="use this JSON Lines corpus instead of generating one")
        p.add_argument("--scratch", type=Path, help="folder for the corpus and outputs (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-scale-", dir=args.scratch) as scratch:
        (throughput if args.mode == "throughput" else million)(args, Path(scratch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
