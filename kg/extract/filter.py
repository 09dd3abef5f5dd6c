"""A learned keep/drop filter over assembled entities.

The rules find candidates; this logistic regression, trained on the development gold by
``scripts/train_filter.py``, scores how likely each one is an entity an annotator would mark, from
the rule that produced it, its words and shape, and the words around it. Entities of a filtered type
below their threshold are dropped, and the probability is every scored entity's confidence: on unseen
gold it ranks right above wrong far better than the rules' own confidences (NOTES, session 9).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.extract.text import TITLE_SEPARATOR

MODEL_FILE = "filter.json"
SCORED_TYPES = ("method", "dataset", "metric", "task")  # trained on; code links keep their rule's confidence
_WORD = re.compile(r"\w+")


def _shape(name: str) -> str:
    if name.islower():
        return "lower"
    if name.isupper():
        return "upper"
    return "title" if name.istitle() else "mixed"


def features(entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None = None) -> list[str]:
    """The filter's features of one entity record in the pipeline text ``title + "\\n\\n" + abstract``
    (``lowered``: that text lower-cased, when the caller has it)."""
    t = entity["type"]
    name = entity["name"]
    words = _WORD.findall(name.lower()) or [""]
    rule = str(entity.get("rule"))
    ev = entity.get("evidence") or {}
    field = ev.get("field")
    f = [
        f"type={t}",
        f"rule={t}/{rule}",
        f"rulefam={t}/{rule.split(':')[0]}",
        f"n={t}/{min(len(words), 5)}",
        f"head={t}/{words[-1]}",
        f"first={t}/{words[0]}",
        f"suf={t}/{words[-1][-3:]}",
        f"field={t}/{field}",
        f"prop={t}/{bool(entity.get('proposed'))}",
        f"alias={t}/{bool(entity.get('aliases'))}",
        f"shape={t}/{_shape(name)}",
        *(f"w={t}/{w}" for w in words),
    ]
    if any(c.isdigit() for c in name):
        f.append(f"digit={t}")
    if "-" in name:
        f.append(f"hyphen={t}")
    f.append(f"count={t}/{min((lowered or text.lower()).count(name.lower()), 3)}")
    if field == "abstract":
        abstract_start = title_end + len(TITLE_SEPARATOR)
        start, end = abstract_start + ev.get("start", 0), abstract_start + ev.get("end", 0)
        before = _WORD.findall(text[max(abstract_start, start - 30) : start].lower())[-2:]
        f.extend(f"prev{len(before) - i}={t}/{w}" for i, w in enumerate(before))
        f.extend(f"next={t}/{w}" for w in _WORD.findall(text[end : end + 20].lower())[:1])
    return f


@dataclass(frozen=True, slots=True)
class EntityFilter:
    """Logistic-regression weights by feature name, and the default threshold of each filtered type."""

    weights: Mapping[str, float]
    bias: float
    thresholds: Mapping[str, float]

    def probability(self, entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None = None) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(entity, text, title_end, lowered))
        return 1.0 / (1.0 + math.exp(-z))

    def apply(
        self,
        records: Sequence[dict[str, Any]],
        text: str,
        title_end: int,
        thresholds: Mapping[str, float] | None = None,
    ) -> list[dict[str, Any]]:
        """The records worth keeping, each of a scored type with the filter's probability as its
        ``confidence`` (set in place): the paper's own methods always (their recall is what users look
        for first), any other record of a filtered type only at or above its type's threshold."""
        limits = self.thresholds if thresholds is None else thresholds
        lowered = text.lower()
        kept = []
        for r in records:
            if r["type"] in SCORED_TYPES:
                p = self.probability(r, text, title_end, lowered)
                if p < limits.get(r["type"], 0.0) and not r.get("proposed"):
                    continue
                r["confidence"] = round(p, 4)
            kept.append(r)
        return kept


@lru_cache(maxsize=1)
def load_filter() -> EntityFilter:
    """The filter shipped in ``kg/extract/data/filter.json`` (read once per process)."""
    data = json.loads(resources.files("kg.extract").joinpath("data", MODEL_FILE).read_text(encoding="utf-8"))
    return EntityFilter(data["weights"], float(data["bias"]), data["thresholds"])
