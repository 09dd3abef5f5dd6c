#!/usr/bin/env python3
"""Do two code trees extract exactly the same entities? (the contract of speed work on kg/extract)

Runs `kg extract` (with and without the corpus pass) and the pipeline's span group with each
tree on its own PYTHONPATH, in subprocesses, on the same inputs: the committed gold files
(tests/data/gold/*.gold.jsonl), about --n public abstracts from ../shared/eval (SciREX, SciERC,
TDMSci) and a few hostile texts (empty, HTML, LaTeX, emoji, non-English, very long), then diffs
the outputs record by record. Prints the differences and exits 1 if there are any.

Usage: python benchmarks/extract_equivalence.py REFERENCE [CANDIDATE] [--n 1000]
REFERENCE and CANDIDATE are code trees (directories) or git revisions of this repository (exported
with `git archive`, so uncommitted work never leaks in); CANDIDATE defaults to this working tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ["scirex/train_abstracts.doc.jsonl", "scierc/train.doc.jsonl", "scierc/dev.doc.jsonl",
          "scierc/test.doc.jsonl", "tdmsci/test.doc.jsonl", "tdmsci/train.doc.jsonl"]
OUTPUTS = ("resolved.jsonl", "raw.jsonl", "spans.jsonl")

HOSTILE = [
    ("Empty", ""),
    ("Blank", "   "),
    ("Un résumé", "Ceci n'est pas un résumé: nous proposons une méthode pour la classification d'images."),
    ("摘要", "这是一个关于深度学习的摘要。我们提出了一种新方法。"),
    ("RocketNet 🚀: Fast", "We propose 🚀 RocketNet 🔥 for image classification 😀. Code: github.com/a/rocket."),
    ("<b>HTML</b> residue", "<p>We use <b>BERT</b> &amp; <a href=\"https://github.com/x/y\">code</a></p>"),
    ("LaTeX", "We use $\\mathcal{O}(n^2)$ \\textbf{Transformer} with \\cite{vaswani} and \\url{https://github.com/a/b}."),
    ("Brackets", "(" * 500 + "A (B (C) D" + ")" * 500),
    ("Long: A Very Long Abstract", "We train a ResNet-50 with dropout on ImageNet (IN-1k) and report top-1 accuracy. " * 400),
]


def build_inputs(path: Path, n: int) -> int:
    """Write the input JSON Lines file; returns the number of papers."""
    records: list[dict[str, str]] = []
    for gold in sorted((ROOT / "tests" / "data" / "gold").glob("*.gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                records.append({"id": f"{gold.stem}:{r['id']}", "title": r.get("title") or "", "abstract": r.get("abstract") or ""})
    shared: list[dict[str, str]] = []
    for name in SHARED:
        source = ROOT.parent / "shared" / "eval" / name
        if not source.exists():
            continue
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                shared.append({"id": f"{name}:{r['id']}", "title": r.get("title") or "", "abstract": r.get("abstract") or ""})
    if not shared:
        print("warning: no texts found under ../shared/eval; gold and hostile texts only", file=sys.stderr)
    step = max(1, len(shared) // n) if shared else 1
    records.extend(shared[::step][:n])
    records.extend({"id": f"hostile:{i}", "title": t, "abstract": a} for i, (t, a) in enumerate(HOSTILE))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return len(records)


def worker(tree: Path, inputs: Path, out: Path) -> None:
    """In a subprocess with PYTHONPATH=tree: write the three outputs for this tree."""
    # benchmarks/ off sys.path: none of its scripts may shadow a module kg imports
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    import kg

    if Path(kg.__file__).resolve().parent.parent != tree.resolve():
        raise SystemExit(f"kg imported from {kg.__file__}, not from {tree}")
    from kg.cli import cli
    from kg.extract import load
    from kg.extract.components import paper_text

    for name, extra in (("resolved.jsonl", []), ("raw.jsonl", ["--no-resolve"])):
        try:
            cli(["extract", str(inputs), "-o", str(out / name), "--force", *extra], prog_name="kg", standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise
    nlp = load()
    papers = [json.loads(line) for line in inputs.read_text(encoding="utf-8").splitlines()]
    with open(out / "spans.jsonl", "w", encoding="utf-8") as fh:
        stream = ((paper_text(p["title"], p["abstract"]), p["id"]) for p in papers)
        for doc, pid in nlp.pipe(stream, as_tuples=True, batch_size=64):
            spans = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get("kg_entities", [])]
            fh.write(json.dumps({"id": pid, "spans": spans, "entities": doc._.kg_entities}, ensure_ascii=False) + "\n")


def code_tree(where: str, scratch: Path) -> Path:
    """A directory as is, or a git revision exported into ``scratch``."""
    if Path(where).is_dir():
        return Path(where).resolve()
    scratch.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", where, "kg"], capture_output=True, check=False)
    if archive.returncode:
        raise SystemExit(f"{where}: neither a directory nor a git revision ({archive.stderr.decode().strip()})")
    subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive.stdout, check=True)
    return scratch.resolve()


def run_tree(tree: Path, inputs: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(tree), str(inputs), str(out)]
    return subprocess.Popen(cmd, env=env, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def diff(name: str, a: Path, b: Path, limit: int = 5) -> int:
    """Count differing records between two outputs and print the first few differences."""
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    if len(left) != len(right):
        print(f"{name}: {len(left)} records in the reference, {len(right)} in the candidate")
        return max(len(left), len(right))
    differing = 0
    for la, lb in zip(left, right):
        if la == lb:
            continue
        differing += 1
        if differing <= limit:
            ra, rb = json.loads(la), json.loads(lb)
            ea = [json.dumps(e, sort_keys=True) for e in ra.get("entities", [])]
            eb = [json.dumps(e, sort_keys=True) for e in rb.get("entities", [])]
            print(f"{name}: record {ra.get('id')} differs")
            for e in [e for e in ea if e not in eb][:2]:
                print(f"   - {e[:200]}")
            for e in [e for e in eb if e not in ea][:2]:
                print(f"   + {e[:200]}")
            if ea == eb:
                print("   (same entities; other fields differ)")
    return differing


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", help="code tree or git revision of the reference (e.g. main)")
    parser.add_argument("candidate", nargs="?", default=str(ROOT), help="code tree or git revision to check (default: this tree)")
    parser.add_argument("--n", type=int, default=1000, help="abstracts taken from ../shared/eval")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-equiv.") as tmp:
        tmp_path = Path(tmp)
        inputs = tmp_path / "inputs.jsonl"
        count = build_inputs(inputs, args.n)
        outs = {}
        procs = {}
        t0 = time.perf_counter()
        for label, where in (("reference", args.reference), ("candidate", args.candidate)):
            tree = code_tree(where, tmp_path / f"{label}-tree")
            print(f"{label}: {where} ({tree})")
            outs[label] = tmp_path / label
            outs[label].mkdir()
            procs[label] = run_tree(tree, inputs, outs[label])
        for label, proc in procs.items():
            _, err = proc.communicate()
            if proc.returncode:
                print(f"{label} run failed (exit {proc.returncode}):\n{err.decode(errors='replace')[-3000:]}")
                return 2
        print(f"{count} papers, both trees run in {time.perf_counter() - t0:.0f} s")
        total = 0
        for name in OUTPUTS:
            d = diff(name, outs["reference"] / name, outs["candidate"] / name)
            print(f"{name}: {d} differing records")
            total += d
        print("equivalent: zero differences" if total == 0 else f"NOT equivalent: {total} differing records")
        return 0 if total == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
