#!/usr/bin/env python3
"""Train the extractor's learned span spotter (kg/extract/data/spans.json) on the development gold.

Every candidate run of words (``kg.extract.spans.candidates``) of every training abstract is labelled
by the gold: 1 when its key is a required entity of the type, skipped when it is only an optional one,
0 otherwise; an L2 logistic regression (the filter's ``fit``) is fitted per type on
``kg.extract.spans.span_parts``. Deterministic: the same gold gives the same weights. Blind gold is
never read. Train this before the filter (the filter learns from the spotter's mentions too).

Usage: python scripts/train_spans.py [--cv] [--check]
  --cv     six folds over the arXiv dev files: each type's span-alone P/R/F1 by threshold, nothing written
  --check  exit 1 if the shipped spans.json is not what training gives now
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_filter import GOLD, TRAIN, fit  # noqa: E402

from kg.extract.components import paper_text, sentences_of, title_end_of  # noqa: E402
from kg.extract.rules import words_of  # noqa: E402
from kg.extract.scoring import gold_keys, read_records  # noqa: E402
from kg.extract.spans import EMITS, MODEL_FILE, Grams, SpanSpotter, TypeModel, candidates, feature_names, span_parts  # noqa: E402
from kg.model import entity_key  # noqa: E402

OUT = ROOT / "kg" / "extract" / "data" / MODEL_FILE
TYPES = ("task", "proposed")
THRESHOLDS = {"task": 0.25, "proposed": 0.45}  # chosen by --cv with the filter after it (see NOTES, session 10)
MAX_WORDS = 6
MIN_COUNT = 3
PRUNE = 0.01
# function words that neither start nor end a name (they may stand inside one: "detection of outliers")
STOP = sorted(set(
    "a an the of for and or nor but in on to with by from via at as into onto over under than then "
    "we our us you your i my this that these those it its their them they he she his her which who whom whose "
    "is are was were be been being has have had do does did can could may might must shall should will would "
    "not no also only such both each every all any some more most less least other another new novel "
    "using based use used while when where whether if so thus hence however yet".split()
))


class Doc:
    """One training abstract: its words, text and each type's required / optional gold keys."""

    def __init__(self, record: dict) -> None:
        self.text = paper_text(record.get("title") or "", record.get("abstract") or "")
        self.title_end = title_end_of(self.text)
        self.words = words_of(self.text, sentences_of(None, self.text), self.title_end)
        self.grams = Grams(self.words)
        self.required: dict[str, set[str]] = {}
        self.optional: dict[str, set[str]] = {}
        self.gold: dict[str, list[set[str]]] = {}
        for g in record["entities"]:
            keys = set(gold_keys(g))
            types = [g["type"]]
            if g["type"] == "method":  # the "proposed" model learns the paper's own methods; used ones are neutral to it
                types.append("proposed" if g.get("proposed") and not g.get("optional") else "proposed-neutral")
            for t in types:
                if t == "proposed-neutral":
                    self.optional.setdefault("proposed", set()).update(keys)
                elif g.get("optional"):
                    self.optional.setdefault(t, set()).update(keys)
                else:
                    self.required.setdefault(t, set()).update(keys)
                    self.gold.setdefault(t, []).append(keys)

    def rows(self, type_: str, stop: frozenset[str]) -> list[tuple[list[str], int]]:
        required, optional = self.required.get(type_, set()), self.optional.get(type_, set())
        out = []
        for i, j in candidates(self.words, stop, MAX_WORDS):
            key = entity_key(self.text[self.words.starts[i] : self.words.ends[j]])
            if key in optional and key not in required:
                continue
            out.append((feature_names(span_parts(self.words, i, j, self.text, self.title_end, self.grams)), int(key in required)))
        return out


def train(docs: list[Doc], stop: frozenset[str]) -> dict[str, tuple[dict[str, float], float]]:
    """Each type's weights and bias, from the features seen in at least ``MIN_COUNT`` candidates (the
    rest would only remember single abstracts), without the weights below ``PRUNE`` (two thirds of them:
    they move no decision and cost memory and time in every process)."""
    trained = {}
    for t in TYPES:
        rows = [row for d in docs for row in d.rows(t, stop)]
        seen = Counter(f for fs, _ in rows for f in fs)
        weights, bias = fit([([f for f in fs if seen[f] >= MIN_COUNT], label) for fs, label in rows])
        trained[t] = {f: w for f, w in weights.items() if abs(w) >= PRUNE}, bias
    return trained


def spotter(trained: dict[str, tuple[dict[str, float], float]], stop: frozenset[str], thresholds: dict[str, float]) -> SpanSpotter:
    models = {}
    for t, (weights, bias) in trained.items():
        models[t] = TypeModel({tuple(k.split("=", 1)): w for k, w in weights.items()}, bias, thresholds[t])  # type: ignore[misc]
    return SpanSpotter(models, stop, MAX_WORDS)


def counts(model: SpanSpotter, docs: list[Doc], type_: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of the spotter alone on one type, GUIDELINES scoring (optional gold neutral)."""
    tp = fp = fn = 0
    for d in docs:
        found = {
            entity_key(d.text[m.start : m.end])
            for m in model.mentions(d.words, d.text, d.title_end)
            if (m.type, m.proposed) == EMITS.get(type_, (type_, False))
        }
        golds = d.gold.get(type_, [])
        hit = [g for g in golds if g & found]
        tp += len(hit)
        fn += len(golds) - len(hit)
        fp += sum(1 for k in found if not any(k in g for g in golds) and k not in d.optional.get(type_, ()))
    return tp, fp, fn


def cross_validate(files: dict[str, list[Doc]], stop: frozenset[str]) -> None:
    dev = [name for name in files if name.startswith("arxiv-dev-")]
    grid = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
    totals = {(t, thr): [0, 0, 0] for t in TYPES for thr in grid}
    for k in range(6):
        held = set(dev[k::6])
        trained = train([d for name, docs in files.items() if name not in held for d in docs], stop)
        test = [d for name in held for d in files[name]]
        for thr in grid:
            model = spotter(trained, stop, {t: thr for t in TYPES})
            for t in TYPES:
                totals[t, thr] = [a + b for a, b in zip(totals[t, thr], counts(model, test, t))]
    print("six folds over the arXiv dev files, spotter alone: P / R / F1 (tp/fp/fn) by threshold")
    for (t, thr), (tp, fp, fn) in totals.items():
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        print(f"  {t:7} {thr:.2f}  P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}  ({tp}/{fp}/{fn})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="cross-validated figures only")
    parser.add_argument("--check", action="store_true", help="fail if the shipped spans.json is stale")
    args = parser.parse_args()
    stop = frozenset(STOP)
    files = {name: [Doc(r) for r in read_records(GOLD / name)] for name in TRAIN}
    if args.cv:
        cross_validate(files, stop)
        return 0
    trained = train([d for docs in files.values() for d in docs], stop)
    model = {
        "about": "kg span spotter: L2 logistic regression per type, trained by scripts/train_spans.py on tests/data/gold",
        "trained_on": TRAIN,
        "max_words": MAX_WORDS,
        "stop": STOP,
        "types": {
            t: {"threshold": THRESHOLDS[t], "bias": bias, "weights": dict(sorted(weights.items()))}
            for t, (weights, bias) in trained.items()
        },
    }
    if args.check:
        shipped = json.loads(OUT.read_text(encoding="utf-8"))
        same = {k: shipped.get(k) for k in ("trained_on", "max_words", "stop")} == {k: model[k] for k in ("trained_on", "max_words", "stop")}
        same = same and shipped["types"].keys() == model["types"].keys()
        for t, m in model["types"].items():
            s = shipped["types"][t]
            keys = s["weights"].keys() | m["weights"].keys()
            same = same and s["threshold"] == m["threshold"] and abs(s["bias"] - m["bias"]) < 1e-3
            same = same and all(abs(s["weights"].get(k, 0.0) - m["weights"].get(k, 0.0)) < 1e-3 for k in keys)
        print("spans.json is up to date" if same else "spans.json is stale: run python scripts/train_spans.py")
        return 0 if same else 1
    OUT.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{t} {len(m['weights'])} weights" for t, m in model["types"].items())
    print(f"wrote {OUT.relative_to(ROOT)}: {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
