"""Precision, recall and F1 exactly as GUIDELINES "Scoring" defines them.

For each paper and type, predictions are matched one-to-one to gold entities; a prediction
matches a gold entity when ``entity_key`` of its name equals the key of the gold canonical name
or of any gold alias. Optional gold entities are neither rewarded nor punished: a prediction
that matches one is not a false positive, missing one is not a false negative. Counts are
micro-averaged per type and overall. Pure functions over plain records (dicts).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import EntityType, entity_key

TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives; P/R/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Report:
    """Scores of a prediction file against a gold file."""

    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    proposed_gold: int = 0
    proposed_found: int = 0
    papers: int = 0
    missing_papers: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.per_type.values():
            total.add(counts)
        return total

    @property
    def proposed_recall(self) -> float:
        return self.proposed_found / self.proposed_gold if self.proposed_gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "papers": self.papers,
            "missing_papers": list(self.missing_papers),
            "per_type": {t: c.to_dict() for t, c in self.per_type.items()},
            "overall": self.overall.to_dict(),
            "proposed_method_recall": round(self.proposed_recall, 4),
            "proposed_methods": {"gold": self.proposed_gold, "found": self.proposed_found},
        }


def gold_keys(entity: Mapping[str, Any]) -> frozenset[str]:
    """The normalised names a prediction may match: canonical name and every alias."""
    names = [entity.get("name") or "", *(entity.get("aliases") or ())]
    return frozenset(k for k in (entity_key(n) for n in names if n) if k)


def match(pred_keys: list[str], gold: list[frozenset[str]], required: list[bool]) -> dict[int, int]:
    """One-to-one matching prediction index -> gold index.

    Maximum matching on the required gold first, then extended by augmenting paths to the
    optional gold: an augmenting path never unmatches a vertex, so the number of required gold
    matched stays maximal while as many predictions as possible land on optional gold.
    """
    owner: dict[int, int] = {}  # gold index -> prediction index

    def augment(p: int, allowed: list[bool], seen: set[int]) -> bool:
        for g, keys in enumerate(gold):
            if allowed[g] and g not in seen and pred_keys[p] in keys:
                seen.add(g)
                if g not in owner or augment(owner[g], allowed, seen):
                    owner[g] = p
                    return True
        return False

    everything = [True] * len(gold)
    for allowed in (required, everything):
        matched = set(owner.values())
        for p in range(len(pred_keys)):
            if p not in matched and augment(p, allowed, set()):
                matched = set(owner.values())
    return {p: g for g, p in owner.items()}


def score_paper(
    gold_entities: Iterable[Mapping[str, Any]], pred_entities: Iterable[Mapping[str, Any]]
) -> tuple[dict[str, Counts], int, int, list[dict[str, Any]]]:
    """Counts per type for one paper, proposed-method (gold, found), and the errors made."""
    gold_by_type: dict[str, list[Mapping[str, Any]]] = {t: [] for t in TYPES}
    pred_by_type: dict[str, list[Mapping[str, Any]]] = {t: [] for t in TYPES}
    for g in gold_entities:
        gold_by_type.setdefault(str(g.get("type")), []).append(g)
    for p in pred_entities:
        pred_by_type.setdefault(str(p.get("type")), []).append(p)
    counts: dict[str, Counts] = {}
    proposed_gold = proposed_found = 0
    errors: list[dict[str, Any]] = []
    for type_ in TYPES:
        golds, preds = gold_by_type[type_], pred_by_type[type_]
        required = [not g.get("optional", False) for g in golds]
        pred_keys = [entity_key(p.get("name") or "") for p in preds]
        pairs = match(pred_keys, [gold_keys(g) for g in golds], required)
        matched_gold = set(pairs.values())
        c = Counts()
        for p_index, pred in enumerate(preds):
            g_index = pairs.get(p_index)
            if g_index is None:
                c.fp += 1
                errors.append({"kind": "fp", "type": type_, "name": pred.get("name")})
            elif required[g_index]:
                c.tp += 1
        for g_index, g in enumerate(golds):
            if required[g_index] and g_index not in matched_gold:
                c.fn += 1
                errors.append({"kind": "fn", "type": type_, "name": g.get("name")})
            if type_ == EntityType.METHOD and required[g_index] and g.get("proposed"):
                proposed_gold += 1
                p_index = next((p for p, gi in pairs.items() if gi == g_index), None)
                if p_index is not None and preds[p_index].get("proposed"):
                    proposed_found += 1
        counts[type_] = c
    return counts, proposed_gold, proposed_found, errors


def score(gold: Iterable[Mapping[str, Any]], predictions: Iterable[Mapping[str, Any]]) -> Report:
    """Score prediction records against gold records (both GUIDELINES record format).

    Papers are paired by ``id``; a gold paper without a prediction counts all its gold as
    missed; predictions for papers not in the gold are ignored.
    """
    by_id = {str(p["id"]): p for p in predictions}
    report = Report()
    for record in gold:
        paper_id = str(record["id"])
        report.papers += 1
        pred = by_id.get(paper_id)
        if pred is None:
            report.missing_papers.append(paper_id)
        counts, pg, pf, errors = score_paper(record.get("entities") or (), (pred or {}).get("entities") or ())
        for type_, c in counts.items():
            report.per_type.setdefault(type_, Counts()).add(c)
        report.proposed_gold += pg
        report.proposed_found += pf
        report.errors.extend({"id": paper_id, **e} for e in errors)
    return report


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Read a GUIDELINES JSON Lines file, checking each record has an id and an entity list."""
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON: {exc.msg}", path=path, line=line_no) from None
            if not isinstance(record, dict) or "id" not in record:
                raise InputError("a record needs an \"id\"", path=path, line=line_no)
            entities = record.get("entities", [])
            if not isinstance(entities, list) or not all(isinstance(e, dict) and "type" in e and "name" in e for e in entities):
                raise InputError("\"entities\" must be a list of objects with \"type\" and \"name\"",
                                 path=path, line=line_no, record=str(record["id"]))
            if str(record["id"]) in seen:
                raise InputError(f"duplicate id {record['id']!r}", path=path, line=line_no)
            seen.add(str(record["id"]))
            records.append(record)
    return records
