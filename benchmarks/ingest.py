"""Ingest benchmark: papers/s and peak memory reading a generated 200,000-record JSON Lines file.

    python benchmarks/ingest.py [--n 200000] [--keep DIR]

The file imitates the arXiv metadata snapshot (the largest real input: id, title, hard-wrapped
abstract with some LaTeX, authors, categories, versions, authors_parsed), built from sentences of
the bundled Daily Papers page; 1 record in 50 repeats an earlier title, so de-duplication works.
Three readers run on the same file in the same process:

* baseline: ``json.loads`` of every line, nothing else;
* ``read_papers(dedupe=False)``: detection, decoding, parsing, normalisation and ids;
* ``read_papers()``: the same plus streaming de-duplication (what ``kg ingest`` does).

Each prints papers/s and its ratio to the baseline (timed in this process, one after the
other), and the peak resident memory of a fresh interpreter running it (``ru_maxrss``, so it
includes Python itself), for the whole file and for a quarter of it: memory that does not grow
with the file is what streaming means (de-duplication keeps ~120 bytes of key hashes per paper).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import resource
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# run from the repository, not from benchmarks/
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from kg.ingest import read_papers  # noqa: E402
from kg.ingest.hf_page import parse_page  # noqa: E402

SEED = ROOT / "examples" / "daily-papers-sep-11.txt"
MB = 1024 * 1024
LATEX = ["$\\ell_2$", "$\\epsilon$-greedy", "\\emph{significantly}", "$O(n^2)$", "50\\%", "$10\\times$"]
CATEGORIES = ["cs.LG", "cs.CV", "cs.CL", "stat.ML", "cs.AI", "eess.AS", "math.OC"]
NAMES = ["Yong Liu", "Randall Balestriero", "Emanuele Rodolà", "Tolga Birdal", "Kris Demuynck", "Song Han",
         "Frédo Durand", "Laxman Dhulipala", "Yann LeCun", "Michael M. Bronstein", "Lucas Prieto", "Ileana Streinu"]


def records(n: int, seed: int = 7) -> Iterator[dict[str, object]]:
    """Snapshot-shaped records with realistic lengths, deterministic for a seed."""
    papers = list(parse_page(SEED.read_text(encoding="utf-8")))
    sentences = [s for p in papers for s in re.split(r"(?<=\.) ", p.abstract) if len(s) > 40]
    words = [w for p in papers for w in p.title.split() if len(w) > 3]
    rng = random.Random(seed)
    titles: list[str] = []
    for i in range(n):
        if i % 50 == 49:
            title = rng.choice(titles)  # a duplicate title: exercised by de-duplication
        else:
            title = " ".join(rng.choice(words) for _ in range(rng.randint(5, 12))) + f" {i}"
            titles.append(title)
        abstract = " ".join(rng.choice(sentences) for _ in range(rng.randint(6, 11)))
        if rng.random() < 0.3:
            abstract = abstract.replace(" the ", f" the {rng.choice(LATEX)} ", 1)
        wrapped = "\n".join(_wrap(abstract, 80))
        authors = rng.sample(NAMES, rng.randint(1, 6))
        year, month = 7 + i % 17, 1 + i % 12
        yield {
            "id": f"{year + 2000 - 2000:02d}{month:02d}.{i % 100000:05d}",
            "submitter": authors[0],
            "authors": ", ".join(authors[:-1]) + (" and " if len(authors) > 1 else "") + authors[-1],
            "title": title,
            "comments": "12 pages, 4 figures",
            "journal-ref": None,
            "doi": None,
            "categories": " ".join(rng.sample(CATEGORIES, rng.randint(1, 3))),
            "license": None,
            "abstract": "  " + wrapped + "\n",
            "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
            "update_date": f"20{year:02d}-{month:02d}-15",
            "authors_parsed": [[a.split()[-1], " ".join(a.split()[:-1]), ""] for a in authors],
        }


def _wrap(text: str, width: int) -> Iterator[str]:
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            yield line
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        yield line


def baseline(path: Path) -> int:
    count = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            json.loads(line)
            count += 1
    return count


def ingest_without_dedupe(path: Path) -> int:
    return sum(1 for _ in read_papers([path], dedupe=False))


def ingest(path: Path) -> int:
    return sum(1 for _ in read_papers([path]))


READERS: dict[str, tuple[str, Callable[[Path], int]]] = {
    "baseline": ("baseline: json.loads per line", baseline),
    "no-dedupe": ("read_papers(dedupe=False)", ingest_without_dedupe),
    "ingest": ("read_papers()", ingest),
}


def timed(run: Callable[[Path], int], path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    count = run(path)
    return count, time.perf_counter() - start


def peak_rss(reader: str, path: Path) -> float:
    """Peak resident memory (MB) of a fresh interpreter running one reader over ``path``."""
    result = subprocess.run(
        [sys.executable, __file__, "--peak", reader, str(path)], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def _peak_child(reader: str, path: Path) -> None:
    READERS[reader][1](path)
    print(f"{_high_water_mb():.1f}")


def _high_water_mb() -> float:
    """Peak RSS of this process. On Linux ``VmHWM``: ``ru_maxrss`` would count the parent's
    memory at fork time, which survives ``exec``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200_000, help="records in the generated file")
    parser.add_argument("--keep", type=Path, help="write the generated files here instead of a temp dir")
    parser.add_argument("--peak", nargs=2, metavar=("READER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak_child(args.peak[0], Path(args.peak[1]))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        full, quarter = folder / f"snapshot-{args.n}.jsonl", folder / f"snapshot-{args.n // 4}.jsonl"
        start = time.perf_counter()
        for path, n in ((full, args.n), (quarter, args.n // 4)):
            if not path.exists():
                with path.open("w", encoding="utf-8") as fh:
                    for record in records(n):
                        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        size = full.stat().st_size / MB
        print(f"file: {args.n:,} records, {size:.0f} MB ({time.perf_counter() - start:.1f} s to make): {full}")
        print(f"{'reader':<32} {'papers':>8} {'seconds':>8} {'papers/s':>10} {'vs baseline':>12} "
              f"{'peak RSS MB':>12} {'at n/4':>8}")
        base_rate = 0.0
        for key, (name, run) in READERS.items():
            count, seconds = timed(run, full)
            rate = count / seconds
            base_rate = base_rate or rate
            print(f"{name:<32} {count:>8,} {seconds:>8.2f} {rate:>10,.0f} {rate / base_rate:>11.2f}x "
                  f"{peak_rss(key, full):>12.1f} {peak_rss(key, quarter):>8.1f}", flush=True)


if __name__ == "__main__":
    main()
