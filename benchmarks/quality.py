#!/usr/bin/env python3
"""Print the extractor's scores (GUIDELINES scoring) on the dev gold and on ../shared/eval splits.

Usage: python benchmarks/quality.py [--errors N] [--only dev|heldout|...|heldout7|arxiv|arxiv-blind|arxiv-blind-next|arxiv-blind-fresh|arxiv-blind-new|arxiv-blind-s9|arxiv-blind-s10|arxiv-blind-s11|blind|shared] [--type T] [--rules] [--no-filter]
The gold files (tests/data/gold) are the target; the shared corpora only score the types they
annotate and follow other span conventions, so they are a check on generalisation.
A blind set (heldout6, heldout7 and the arxiv-blind* sets now) is scored only when asked for by name
(`--only heldout6`), never in a default run, so that rule work never sees it; once rules are tuned on
it, it joins the default run. `--only blind` scores each blind file and then the SciREX ones and the
arXiv ones pooled, since a 30-abstract set alone moves by several points between samples.
The learned keep/drop filter (kg/extract/filter.py) is trained on the development files, so their
figures are in-sample for it: `--no-filter` scores the rules alone, which is how rule work is measured.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import extract, load  # noqa: E402
from kg.extract.scoring import read_records, score  # noqa: E402
from kg.model import Paper  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
GOLD = ROOT / "tests" / "data" / "gold"
# name -> gold files, in the order made; each SciREX set was annotated blind (tests/data/gold/README.md)
# and became a development set once rules were changed with an eye on its errors
GOLD_SETS = {
    "dev": [GOLD / "daily-papers-sep-11.gold.jsonl", GOLD / "scirex-40.gold.jsonl"],
    "heldout": [GOLD / "scirex-heldout-30.gold.jsonl"],
    "heldout2": [GOLD / "scirex-heldout-2.gold.jsonl"],
    "heldout3": [GOLD / "scirex-heldout-3.gold.jsonl"],
    "heldout4": [GOLD / "scirex-heldout-4.gold.jsonl"],
    "heldout5": [GOLD / "scirex-heldout-5.gold.jsonl"],
    "heldout6": [GOLD / "scirex-heldout-6.gold.jsonl"],  # SciREX records 191-220
    "heldout7": [GOLD / "scirex-heldout-7.gold.jsonl"],  # SciREX records 221-250
    # recent arXiv listings (2025-26), the kind of abstract Daily Papers shows: 1,040 for development ...
    "arxiv": [GOLD / f"arxiv-dev-{i}.gold.jsonl" for i in range(1, 53)],
    # ... 60 kept blind ...
    "arxiv-blind": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(1, 4)],
    # ... 40 more, annotated at the end of session 6 and first scored at the start of session 7 ...
    "arxiv-blind-next": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(4, 6)],
    # ... and 40 annotated during session 7, scored only at its end
    "arxiv-blind-fresh": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(6, 8)],
    # ... and 60 annotated at the start of session 8, committed before any extractor ran on them
    "arxiv-blind-new": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(8, 11)],
    # ... and 60 annotated the same way at the start of session 9
    "arxiv-blind-s9": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(11, 14)],
    # ... and 60 annotated the same way at the start of session 10
    "arxiv-blind-s10": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(14, 17)],
    # ... and 60 annotated the same way at the start of session 11
    "arxiv-blind-s11": [GOLD / f"arxiv-blind-{i}.gold.jsonl" for i in range(17, 20)],
}
BLIND = {"heldout6", "heldout7", "arxiv-blind", "arxiv-blind-next", "arxiv-blind-fresh", "arxiv-blind-new", "arxiv-blind-s9", "arxiv-blind-s10", "arxiv-blind-s11"}  # scored only when asked for by name (or all with --only blind)
# files also scored as one set when more than one of them was scored: a 30-abstract set alone moves by
# several points between samples
POOLS = {
    "SciREX blind sets pooled": ("heldout6", "heldout7"),
    "arXiv dev pooled": ("arxiv",),
    "arXiv blind pooled": ("arxiv-blind",),
    "arXiv next blind pooled": ("arxiv-blind-next",),
    "arXiv fresh blind pooled": ("arxiv-blind-fresh",),
    "arXiv new blind pooled": ("arxiv-blind-new",),
    "arXiv session-9 blind pooled": ("arxiv-blind-s9",),
    "arXiv session-10 blind pooled": ("arxiv-blind-s10",),
    "arXiv session-11 blind pooled": ("arxiv-blind-s11",),
    "arXiv blind sets pooled": ("arxiv-blind", "arxiv-blind-next", "arxiv-blind-fresh", "arxiv-blind-new", "arxiv-blind-s9", "arxiv-blind-s10", "arxiv-blind-s11"),
}
# corpus file -> types it annotates
SPLITS = {
    "scierc/dev.doc.jsonl": ("method", "task", "metric", "dataset"),
    "scierc/test.doc.jsonl": ("method", "task", "metric", "dataset"),
    "scirex/train_abstracts.doc.jsonl": ("method", "task", "metric", "dataset"),
    "tdmsci/test.doc.jsonl": ("task", "dataset", "metric"),
    "scier/test.doc.jsonl": ("method", "task", "dataset"),
}


def papers_of(records: list[dict]) -> list[Paper]:
    return [Paper(id=str(r["id"]), title=r.get("title") or "", abstract=r.get("abstract") or "") for r in records]


def _rule_table(gold: list[dict], predictions: list[dict]) -> None:
    """Approximate precision of each rule: a prediction is right when its key is a gold key."""
    from kg.extract.scoring import gold_keys
    from kg.model import entity_key

    keys = {(r["id"], e["type"]): set() for r in gold for e in r["entities"]}
    for r in gold:
        for e in r["entities"]:
            keys[(r["id"], e["type"])] |= gold_keys(e)
    table: dict[str, list[int]] = {}
    for r in predictions:
        for e in r["entities"]:
            hit = entity_key(e["name"]) in keys.get((r["id"], e["type"]), ())
            row = table.setdefault(f"{e['type']}/{e.get('rule')}", [0, 0])
            row[0 if hit else 1] += 1
    for rule, (good, bad) in sorted(table.items()):
        print(f"  rule {rule:24} right {good:4d} wrong {bad:4d}  precision {good / (good + bad):.2f}")


def run(
    label: str, gold: list[dict], types: tuple[str, ...] | None, errors: int, only_type: str | None, rules: bool = False, nlp=None
) -> None:
    predictions = [p.to_dict() for p in extract(papers_of(gold), nlp, expand_acronyms=False)]
    if types is not None:
        keep = set(types)
        for record in (*gold, *predictions):
            record["entities"] = [e for e in record.get("entities", []) if e["type"] in keep]
    report = score(gold, predictions)
    print(f"\n== {label}  ({report.papers} papers)")
    print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for type_, c in report.per_type.items():
        if types is not None and type_ not in types or c.tp + c.fp + c.fn == 0:
            continue
        print(f"{type_:8} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
    o = report.overall
    print(f"{'overall':8} {o.precision:6.3f} {o.recall:6.3f} {o.f1:6.3f} {o.tp:5d} {o.fp:5d} {o.fn:5d}")
    if report.proposed_gold:
        print(f"proposed-method recall {report.proposed_recall:.3f} ({report.proposed_found}/{report.proposed_gold})")
    if rules:
        _rule_table(gold, predictions)
    if errors:
        for kind in ("fp", "fn"):
            counter = Counter((e["type"], e["name"]) for e in report.errors if e["kind"] == kind and (not only_type or e["type"] == only_type))
            print(f"  top {kind}: " + "; ".join(f"{t}:{n}" + (f" x{c}" if c > 1 else "") for (t, n), c in counter.most_common(errors)))


def _label(path: Path) -> str:
    return str(path.relative_to(path.parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="show the N most common errors of each kind")
    parser.add_argument("--only", choices=[*GOLD_SETS, "blind", "shared"])
    parser.add_argument("--type", help="only show errors of this type")
    parser.add_argument("--rules", action="store_true", help="show the precision of each rule")
    parser.add_argument(
        "--no-filter", action="store_true", help="score the rules alone, without the learned keep/drop filter (trained on the dev gold)"
    )
    args = parser.parse_args()
    nlp = load(kg_entities={"keep_thresholds": {}}) if args.no_filter else None
    scored: dict[str, list[list[dict]]] = {}  # set name -> its files' records
    for name, paths in GOLD_SETS.items():
        if args.only == name or args.only is None and name not in BLIND or args.only == "blind" and name in BLIND:
            for path in paths:
                if path.exists():
                    gold = read_records(path)
                    scored.setdefault(name, []).append(gold)
                    run(_label(path), gold, None, args.errors, args.type, args.rules, nlp)
    pooled: set[tuple[int, ...]] = set()
    for label, names in POOLS.items():
        files = [gold for name in names for gold in scored.get(name, [])]
        if len(files) > 1 and (key := tuple(map(id, files))) not in pooled:  # each pool of files once
            pooled.add(key)
            run(label, [r for gold in files for r in gold], None, args.errors, args.type, args.rules, nlp)
    if args.only in (None, "shared"):
        for name, types in SPLITS.items():
            path = SHARED / name
            if path.exists():
                run(_label(path), read_records(path), types, args.errors, args.type, nlp=nlp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
