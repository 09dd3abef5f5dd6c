"""A learned span spotter: which runs of words name a task (or another type) an annotator would mark.

The rules find names by their shape and by cue phrases; a task is mostly a plain noun phrase
("long-context reasoning", "NDA compliance review") that no cue announces. This logistic regression,
trained on the development gold by ``scripts/train_spans.py``, scores every run of up to
``max_words`` words inside one phrase (no punctuation between them, no function word at either end)
from its words, its first and last word and their endings, the words around it and where it stands,
and proposes the best non-overlapping runs above a threshold as mentions. The assembler and the
keep/drop filter then treat them like any rule's mentions.

Scoring is exact and cheap: the features of a span are those of its first word (``start_parts``),
its last word (``end_parts``), its length, each of its words, and a few of the whole span
(``whole_parts``); the first four are summed per word once, and the last only for spans that could
reach the threshold with them.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.extract.rules import Mention, Words

MODEL_FILE = "spans.json"
RULE = "span"
# what each model's spans are mentions of: "proposed" finds the paper's own methods
EMITS: dict[str, tuple[str, bool]] = {"proposed": ("method", True)}
Part = tuple[str, str]


def _category(word: str) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    return "cap" if word[:1].isupper() else "mixed"


def _char(c: str) -> str:
    """A neighbouring character as a feature value: punctuation as itself, a letter or digit as "a"."""
    return "a" if c.isalnum() else c


def start_parts(words: Words, i: int, text: str, title_end: int, colon: int) -> list[Part]:
    """Features of a span that depend only on its first word ``i``."""
    low = words.lowers
    first = low[i]
    s = words.starts[i]
    parts = [
        ("first", first),
        ("fsuf", first[-3:]),
        ("prev", low[i - 1] if i else "<s>"),
        ("prev2", f"{low[i - 2] if i > 1 else '<s>'}|{low[i - 1] if i else '<s>'}"),
        ("prevj", "1" if i and words.joined[i] else "0"),
        ("before", _char(text[s - 1]) if s else ""),
        ("sent1", "1" if words.firsts[i] else "0"),
    ]
    if s < title_end:
        parts.append(("where", "title"))
        if colon >= 0:
            parts.append(("tc", "pre" if s < colon else "post"))
    else:
        parts.append(("where", "abs"))
    return parts


def end_parts(words: Words, j: int, text: str) -> list[Part]:
    """Features of a span that depend only on its last word ``j``."""
    low = words.lowers
    last = low[j]
    e = words.ends[j]
    more = j + 1 < len(low)
    return [
        ("head", last),
        ("suf", last[-3:]),
        ("next", low[j + 1] if more else "</s>"),
        ("nextj", "1" if more and words.joined[j + 1] else "0"),
        ("after", _char(text[e]) if e < len(text) else ""),
        ("hshape", _category(words.texts[j])),
    ]


class Grams:
    """How often each run of words occurs in a text (lower-cased), counted per run length on first
    use: linear in the text, where counting each span's string in the text would be quadratic."""

    __slots__ = ("lowers", "_by_length")

    def __init__(self, words: Words) -> None:
        self.lowers = words.lowers
        self._by_length: dict[int, Counter[tuple[str, ...]]] = {}

    def count(self, i: int, j: int) -> int:
        size = j - i + 1
        counts = self._by_length.get(size)
        if counts is None:
            low = self.lowers
            counts = self._by_length[size] = Counter(zip(*(low[k:] for k in range(size))))
        return counts[tuple(self.lowers[i : j + 1])]


def whole_parts(words: Words, i: int, j: int, text: str, grams: Grams) -> list[Part]:
    """Features of the span ``i..j`` as a whole (scored last, only where they could matter)."""
    name = text[words.starts[i] : words.ends[j]]
    parts = [("shape", _category(name) if i == j else _phrase_shape(words, i, j))]
    if j > i:
        parts.append(("hf", f"{words.lowers[i]}|{words.lowers[j]}"))
    parts.append(("cnt", str(min(grams.count(i, j), 3))))
    if any(map(str.isdigit, name)):
        parts.append(("digit", "1"))
    return parts


def _phrase_shape(words: Words, i: int, j: int) -> str:
    cats = {_category(words.texts[k]) for k in range(i, j + 1)}
    return cats.pop() if len(cats) == 1 else "mixed"


def span_parts(words: Words, i: int, j: int, text: str, title_end: int, grams: Grams) -> list[Part]:
    """All features of the span ``i..j``: the one definition training and scoring share."""
    colon = text.find(":", 0, title_end)
    return [
        *start_parts(words, i, text, title_end, colon),
        *end_parts(words, j, text),
        ("n", str(j - i + 1)),
        *(("w", w) for w in words.lowers[i : j + 1]),
        *whole_parts(words, i, j, text, grams),
    ]


def candidates(words: Words, stop: frozenset[str], max_words: int) -> list[tuple[int, int]]:
    """Every run ``(i, j)`` of at most ``max_words`` words in one phrase, neither end a function word
    nor free of letters."""
    low, joined = words.lowers, words.joined
    n = len(low)
    ok = [w not in stop and not w.isdigit() and any(map(str.isalpha, w)) for w in low]
    out = []
    for i in range(n):
        if not ok[i]:
            continue
        for j in range(i, min(n, i + max_words)):
            if j > i and not joined[j]:
                break
            if ok[j]:
                out.append((i, j))
    return out


@dataclass(frozen=True, slots=True)
class TypeModel:
    """One type's weights by (kind, value), bias and threshold."""

    weights: Mapping[Part, float]
    bias: float
    threshold: float
    _best_whole: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        best: dict[str, float] = {}
        for (kind, _), w in self.weights.items():
            if kind in _WHOLE_KINDS:
                best[kind] = max(best.get(kind, 0.0), w)
        object.__setattr__(self, "_best_whole", sum(best.values()))


_WHOLE_KINDS = frozenset({"shape", "hf", "cnt", "digit"})


@dataclass(frozen=True, slots=True)
class SpanSpotter:
    """The learned spotter: per-type models over shared span candidates."""

    models: Mapping[str, TypeModel]
    stop: frozenset[str]
    max_words: int

    def with_thresholds(self, thresholds: Mapping[str, float]) -> SpanSpotter:
        """The same spotter with some types' thresholds replaced."""
        models = {t: TypeModel(m.weights, m.bias, thresholds.get(t, m.threshold)) for t, m in self.models.items()}
        return SpanSpotter(models, self.stop, self.max_words)

    def probabilities(self, type_: str, words: Words, text: str, title_end: int) -> list[tuple[float, int, int]]:
        """(probability, first word, last word) of each candidate of ``type_`` at or above its threshold."""
        model = self.models[type_]
        weight = model.weights.get
        spans = candidates(words, self.stop, self.max_words)
        if not spans:
            return []
        grams = Grams(words)
        colon = text.find(":", 0, title_end)
        n = len(words)
        starts: dict[int, float] = {}
        ends: dict[int, float] = {}
        bag = [0.0] * (n + 1)
        for k, w in enumerate(words.lowers):
            bag[k + 1] = bag[k] + weight(("w", w), 0.0)
        cut = _logit(model.threshold)
        out = []
        for i, j in spans:
            a = starts.get(i)
            if a is None:
                a = starts[i] = sum([weight(p, 0.0) for p in start_parts(words, i, text, title_end, colon)])
            b = ends.get(j)
            if b is None:
                b = ends[j] = sum([weight(p, 0.0) for p in end_parts(words, j, text)])
            z = model.bias + a + b + weight(("n", str(j - i + 1)), 0.0) + bag[j + 1] - bag[i]
            if z + model._best_whole < cut:
                continue
            z += sum([weight(p, 0.0) for p in whole_parts(words, i, j, text, grams)])
            if z >= cut:
                out.append((1.0 / (1.0 + math.exp(-z)), i, j))
        return out

    def mentions(self, words: Words, text: str, title_end: int) -> list[Mention]:
        """Each type's best non-overlapping spans above its threshold, as mentions (rule ``span``)."""
        found = []
        for type_ in self.models:
            kind, proposed = EMITS.get(type_, (type_, False))
            taken = bytearray(len(words))
            for p, i, j in sorted(self.probabilities(type_, words, text, title_end), key=lambda c: (-c[0], c[1])):
                if not any(taken[i : j + 1]):
                    taken[i : j + 1] = b"\x01" * (j - i + 1)
                    found.append(Mention(words.starts[i], words.ends[j], kind, RULE, round(p, 4), proposed=proposed))
        return found


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def model_from_dict(data: Mapping) -> SpanSpotter:
    """The spotter a ``spans.json`` document describes (weights keyed ``kind=value``)."""
    models = {}
    for type_, m in data["types"].items():
        weights = {}
        for key, w in m["weights"].items():
            kind, _, value = key.partition("=")
            weights[kind, value] = float(w)
        models[type_] = TypeModel(weights, float(m["bias"]), float(m["threshold"]))
    return SpanSpotter(models, frozenset(data["stop"]), int(data["max_words"]))


@lru_cache(maxsize=1)
def load_spotter() -> SpanSpotter:
    """The spotter shipped in ``kg/extract/data/spans.json`` (read once per process)."""
    return model_from_dict(json.loads(resources.files("kg.extract").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")))


def feature_names(parts: Sequence[Part]) -> list[str]:
    """``kind=value`` names of features, as stored in ``spans.json``."""
    return [f"{k}={v}" for k, v in parts]
