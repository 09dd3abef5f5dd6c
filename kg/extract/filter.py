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
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.extract.spans import RULE as SPAN_RULE
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


def _parts(entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None) -> list[tuple[str, str | None]]:
    """The filter's features of one entity as (kind, value) pairs, in order: feature ``kind=type/value``
    (``kind=type`` where the value is None). The one definition that ``features`` and the scoring share."""
    name = entity["name"]
    low = name.lower()
    words = _WORD.findall(low) or [""]
    rule = str(entity.get("rule"))
    ev = entity.get("evidence") or {}
    where = ev.get("field")
    head = words[-1]
    f: list[tuple[str, str | None]] = [
        ("type", None),
        ("rule", rule),
        ("rulefam", rule.split(":")[0]),
        ("n", _SIZES[min(len(words), 5)]),
        ("head", head),
        ("first", words[0]),
        ("suf", head[-3:]),
        ("field", str(where)),
        ("prop", "True" if entity.get("proposed") else "False"),
        ("alias", "True" if entity.get("aliases") else "False"),
        ("shape", _shape(name)),
    ]
    f += [("w", w) for w in words]
    if any(map(str.isdigit, name)):
        f.append(("digit", None))
    if "-" in name:
        f.append(("hyphen", None))
    f.append(("count", _SIZES[min((lowered or text.lower()).count(low), 3)]))
    if where == "abstract":
        abstract_start = title_end + len(TITLE_SEPARATOR)
        start, end = abstract_start + ev.get("start", 0), abstract_start + ev.get("end", 0)
        before = _WORD.findall(text[max(abstract_start, start - 30) : start].lower())[-2:]
        if len(before) == 2:
            f += [("prev2", before[0]), ("prev1", before[1])]
        elif before:
            f.append(("prev1", before[0]))
        after = _WORD.search(text[end : end + 20].lower())
        if after:
            f.append(("next", after.group()))
    return f


_SIZES = ("0", "1", "2", "3", "4", "5")  # str(n) for the capped counts
PROPOSAL = "proposed"  # the second model's weights are keyed ``kind=proposed/value``
# words of the evidence sentence that say whose a method is ("we propose", "our", "a novel", "consists of")
_PROPOSAL_CUE = re.compile(
    r"\b(we|our|propose[sd]?|introduce[sd]?|present[sd]?|novel|new|called|named|dubbed|termed|consists?|comprises?"
    r"|modules?|components?|existing|previous|prior|baselines?|unlike|compared|such|including)\b"
)


def _proposal_parts(entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None) -> list[tuple[str, str | None]]:
    """The proposal model's features of a method: the filter's, and the cue words of its evidence sentence."""
    sentence = ((entity.get("evidence") or {}).get("sentence") or "").lower()
    return [*_parts(entity, text, title_end, lowered), *(("scue", w) for w in sorted(set(_PROPOSAL_CUE.findall(sentence))))]


def proposal_features(entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None = None) -> list[str]:
    """The proposal model's features of one method record, named as ``features`` names the filter's."""
    return [f"{k}={PROPOSAL}" if v is None else f"{k}={PROPOSAL}/{v}" for k, v in _proposal_parts(entity, text, title_end, lowered)]


def features(entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None = None) -> list[str]:
    """The filter's features of one entity record in the pipeline text ``title + "\\n\\n" + abstract``
    (``lowered``: that text lower-cased, when the caller has it)."""
    t = entity["type"]
    return [f"{k}={t}" if v is None else f"{k}={t}/{v}" for k, v in _parts(entity, text, title_end, lowered)]


def _tables(weights: Mapping[str, float]) -> dict[str, dict[tuple[str, str | None], float]]:
    """The weights by type, then by (kind, value) (``features``' names taken apart), so scoring looks
    the pairs up without formatting a feature name for each."""
    tables: dict[str, dict[tuple[str, str | None], float]] = {}
    for key, weight in weights.items():
        kind, _, rest = key.partition("=")
        t, slash, value = rest.partition("/")
        tables.setdefault(t, {})[kind, value if slash else None] = weight
    return tables


@dataclass(frozen=True, slots=True)
class EntityFilter:
    """Logistic-regression weights by feature name, and the default threshold of each filtered type."""

    weights: Mapping[str, float]
    bias: float
    thresholds: Mapping[str, float]
    proposal_bias: float | None = None  # the proposal model's (its weights are in ``weights``); None: no such model
    _by_type: dict[str, dict[tuple[str, str | None], float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_type", _tables(self.weights))

    def probability(self, entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None = None) -> float:
        """The logistic regression on ``features``: the same weights summed in the same order."""
        return self._logistic(entity["type"], self.bias, _parts(entity, text, title_end, lowered))

    def proposal_probability(self, entity: Mapping[str, Any], text: str, title_end: int, lowered: str | None = None) -> float:
        """How likely a method is the paper's own (the proposal model, trained on the gold's ``proposed``)."""
        return self._logistic(PROPOSAL, self.proposal_bias or 0.0, _proposal_parts(entity, text, title_end, lowered))

    def _logistic(self, table: str, bias: float, parts: list[tuple[str, str | None]]) -> float:
        weight = self._by_type.get(table, {}).get
        z = bias + sum([weight(part, 0.0) for part in parts])
        return 1.0 / (1.0 + math.exp(-z))

    def apply(
        self,
        records: Sequence[dict[str, Any]],
        text: str,
        title_end: int,
        thresholds: Mapping[str, float] | None = None,
    ) -> list[dict[str, Any]]:
        """The records worth keeping, each of a scored type with the filter's probability as its
        ``confidence`` (set in place): the paper's own methods a rule found always (their recall is what
        users look for first), any other record of a filtered type (the span spotter's proposals too) only
        at or above its type's threshold. With a ``proposed`` threshold, the proposal model then decides
        which kept methods are the paper's own: it weighs the rules' reading with the sentence's cues."""
        limits = self.thresholds if thresholds is None else thresholds
        lowered = text.lower()
        own = limits.get(PROPOSAL) if self.proposal_bias is not None else None
        kept = []
        for r in records:
            if r["type"] in SCORED_TYPES:
                p = self.probability(r, text, title_end, lowered)
                if p < limits.get(r["type"], 0.0) and not (r.get("proposed") and r.get("rule") != SPAN_RULE):
                    continue
                r["confidence"] = round(p, 4)
                if own is not None and r["type"] == "method":
                    r["proposed"] = self.proposal_probability(r, text, title_end, lowered) >= own
            kept.append(r)
        return kept


@lru_cache(maxsize=1)
def load_filter() -> EntityFilter:
    """The filter shipped in ``kg/extract/data/filter.json`` (read once per process)."""
    data = json.loads(resources.files("kg.extract").joinpath("data", MODEL_FILE).read_text(encoding="utf-8"))
    proposal_bias = data.get("proposal_bias")
    return EntityFilter(data["weights"], float(data["bias"]), data["thresholds"], None if proposal_bias is None else float(proposal_bias))
