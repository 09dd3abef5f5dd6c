#!/usr/bin/env python3
"""Extractor throughput: abstracts/s per core for the full pipeline, beside spaCy's blank English
tokenizer on the same texts in the same run (goal: at least 1/4 of the tokenizer's rate), and
peak memory as the number of papers grows (goal: flat).

Texts: the public abstracts under ../shared/eval (SciREX, SciERC, TDMSci records, titles kept),
repeated to --n papers. Usage: python benchmarks/extract.py [--n 3000] [--jobs 1]
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
    t0 = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    tok_rate = len(texts) / (time.perf_counter() - t0)

    nlp = load()
    list(extract_papers(papers[:50], nlp))  # warm up
    t0 = time.perf_counter()
    entities = 0
    rss = []
    for i, extracted in enumerate(extract_papers(papers, nlp, n_process=args.jobs, batch_size=64)):
        entities += len(extracted.entities)
        if i % max(1, args.n // 4) == 0:
            rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    elapsed = time.perf_counter() - t0
    rate = len(papers) / elapsed / args.jobs

    print(f"abstracts: {len(papers)} ({words / len(papers):.0f} words each on average), {entities} entities")
    print(f"spaCy blank 'en' tokenizer: {tok_rate:8.0f} abstracts/s")
    print(f"kg extractor ({args.jobs} proc):  {rate:8.0f} abstracts/s per core")
    print(f"ratio extractor/tokenizer:   {rate / tok_rate:8.2f}  (goal >= 0.25)")
    print(f"peak RSS (MiB) at 0, 1/4, 1/2, 3/4 of the run: {rss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
