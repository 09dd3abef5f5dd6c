#!/usr/bin/env python3
"""Extractor throughput: abstracts/s per core for the full pipeline, beside spaCy's blank English
tokenizer on the same texts in the same run (goal: at least 1/4 of the tokenizer's rate), and
peak memory as the number of papers grows (goal: flat).

Texts: the public abstracts under ../shared/eval (SciREX, SciERC, TDMSci records, titles kept),
repeated to --n papers. Rates are per CPU second (this process and its workers), so they mean
"per core" and do not depend on how busy the machine is; wall-clock rates are printed beside.
Also prints the time `kg.extract.load()` takes. Usage: python benchmarks/extract.py [--n 3000] [--jobs 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from kg.extract import extract_papers, load  # noqa: E402
from kg.extract.components import paper_text  # noqa: E402
from kg.model import Paper  # noqa: E402

SOURCES = ["scirex/train_abstracts.doc.jsonl", "scierc/train.doc.jsonl", "scierc/dev.doc.jsonl", "scierc/test.doc.jsonl"]


def corpus(n: int) -> list[Paper]:
    base = []
    for name in SOURCES:
        path = ROOT.parent / "shared" / "eval" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                base.append((r.get("title") or "", r.get("abstract") or ""))
    if not base:
        raise SystemExit("no texts found under ../shared/eval")
    return [Paper(id=f"p{i}", title=base[i % len(base)][0], abstract=base[i % len(base)][1]) for i in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="number of abstracts")
    parser.add_argument("--jobs", type=int, default=1, help="processes for the extractor (rate is reported per core)")
    args = parser.parse_args()
    papers = corpus(args.n)
    texts = [paper_text(p.title, p.abstract) for p in papers]
    words = sum(len(t.split()) for t in texts)

    tokenizer = spacy.blank("en")
    cpu0, wall0 = cpu_time(), time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    tok_rate = len(texts) / (cpu_time() - cpu0)
    tok_wall = len(texts) / (time.perf_counter() - wall0)

    cpu0, wall0 = cpu_time(), time.perf_counter()
    nlp = load()
    load_cpu, load_wall = cpu_time() - cpu0, time.perf_counter() - wall0
    list(extract_papers(papers[:50], nlp))  # warm up
    cpu0, wall0 = cpu_time(), time.perf_counter()
    entities = 0
    rss = []
    for i, extracted in enumerate(extract_papers(papers, nlp, n_process=args.jobs, batch_size=64)):
        entities += len(extracted.entities)
        if i % max(1, args.n // 4) == 0:
            rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    rate = len(papers) / (cpu_time() - cpu0)
    wall = len(papers) / (time.perf_counter() - wall0) / args.jobs

    print(f"abstracts: {len(papers)} ({words / len(papers):.0f} words each on average), {entities} entities")
    print(f"pipeline load (kg.extract.load()): {load_cpu:.2f} s CPU, {load_wall:.2f} s wall")
    print(f"spaCy blank 'en' tokenizer: {tok_rate:8.0f} abstracts/s per core  (wall clock: {tok_wall:.0f}/s)")
    print(f"kg extractor ({args.jobs} proc):  {rate:8.0f} abstracts/s per core  (wall clock: {wall:.0f}/s per process)")
    print(f"ratio extractor/tokenizer:   {rate / tok_rate:8.2f}  (goal >= 0.25)")
    print(f"peak RSS (MiB) at 0, 1/4, 1/2, 3/4 of the run: {rss}")
    return 0


def cpu_time() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    self, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return self.ru_utime + self.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    raise SystemExit(main())
