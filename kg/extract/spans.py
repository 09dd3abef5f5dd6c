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
from itertools import chain

import numpy as np

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
    _tables: _Tables = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tables", _Tables(self.models, self.stop, self.max_words))

    def with_thresholds(self, thresholds: Mapping[str, float]) -> SpanSpotter:
        """The same spotter with some types' thresholds replaced."""
        models = {t: TypeModel(m.weights, m.bias, thresholds.get(t, m.threshold)) for t, m in self.models.items()}
        return SpanSpotter(models, self.stop, self.max_words)

    def probabilities(self, type_: str, words: Words, text: str, title_end: int) -> list[tuple[float, int, int]]:
        """(probability, first word, last word) of each candidate of ``type_`` at or above its threshold."""
        return self._scored([(words, text, title_end)])[0][list(self.models).index(type_)]

    def mentions(self, words: Words, text: str, title_end: int) -> list[Mention]:
        """Each type's best non-overlapping spans above its threshold, as mentions (rule ``span``)."""
        return self.mentions_of_texts([(words, text, title_end)])[0]

    def mentions_of_texts(self, texts: Sequence[tuple[Words, str, int]]) -> list[list[Mention]]:
        """``mentions`` of each (words, text, title end), scored together (numpy's work per call, once)."""
        found_all = []
        for (words, _, _), scored_types in zip(texts, self._scored(texts)):
            found = []
            for type_, scored in zip(self.models, scored_types):
                kind, proposed = EMITS.get(type_, (type_, False))
                taken = bytearray(len(words))
                for p, i, j in sorted(scored, key=lambda c: (-c[0], c[1])):
                    if not any(taken[i : j + 1]):
                        taken[i : j + 1] = b"\x01" * (j - i + 1)
                        found.append(Mention(words.starts[i], words.ends[j], kind, RULE, round(p, 4), proposed=proposed))
            found_all.append(found)
        return found_all

    def _scored(self, texts: Sequence[tuple[Words, str, int]]) -> list[list[list[tuple[float, int, int]]]]:
        """``probabilities`` of every type (inner lists, in candidate order) of each text: the logistic
        regression on ``span_parts`` summed in the same order (so equal to the last bit), its per-word
        sums for all types and texts gathered from shared tables in one numpy pass, and the whole-span
        parts looked up only for the spans a bound on them leaves able to reach a threshold."""
        tb = self._tables
        out: list[list[list[tuple[float, int, int]]]] = [[[] for _ in tb.types] for _ in texts]
        sizes = np.array([len(w) for w, _, _ in texts], dtype=np.intp)
        n = int(sizes.sum())
        if not n:
            return out
        low = list(chain.from_iterable(w.lowers for w, _, _ in texts))
        wget = tb.word_rows.get
        word = np.array([wget(w, 0) for w in low], dtype=np.intp)
        ok = tb.ok[word]
        suffix = tb.suffix[word]
        unknown = np.flatnonzero(word == 0).tolist()
        if unknown:
            stop, sget = self.stop, tb.suffix_rows.get
            for k in unknown:
                w = low[k]
                ok[k] = w not in stop and not w.isdigit() and any(map(str.isalpha, w))
                suffix[k] = sget(w[-3:], 0)
        if not ok.any():
            return out

        # words of all texts end to end: ``at[d]`` the first of text ``d``, ``doc`` each word's text
        at = np.zeros(len(texts) + 1, dtype=np.intp)
        np.cumsum(sizes, out=at[1:])
        doc = np.repeat(np.arange(len(texts)), sizes)
        lengths = np.array([len(t) for _, t, _ in texts], dtype=np.intp)
        shift = np.zeros(len(texts), dtype=np.intp)
        np.cumsum(lengths[:-1], out=shift[1:])
        text_all = "".join(t for _, t, _ in texts)
        codes = np.frombuffer(text_all.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        starts = np.fromiter(chain.from_iterable(w.starts for w, _, _ in texts), dtype=np.intp, count=n)
        ends = np.fromiter(chain.from_iterable(w.ends for w, _, _ in texts), dtype=np.intp, count=n)
        shifts = shift[doc]
        cats = _categories(codes, starts + shifts, ends + shifts, text_all)
        heads = at[:-1][sizes > 0]  # each text's first word, and last
        tails = at[1:][sizes > 0] - 1
        joined = np.fromiter(chain.from_iterable(w.joined for w, _, _ in texts), dtype=bool, count=n).view(np.uint8)
        joined[heads] = 0
        phrase = np.cumsum(joined == 0)
        firsts, spans, shapes = [], [], []
        same = np.ones(n, dtype=bool)
        for size in range(1, min(self.max_words, n) + 1):
            m = n - size + 1
            same = same[:m] & (cats[size - 1 :] == cats[:m])
            (i,) = np.nonzero(ok[:m] & ok[size - 1 :] & (phrase[:m] == phrase[size - 1 :]))
            if len(i):
                firsts.append(i)
                spans.append(np.full(len(i), size))
                shapes.append(np.where(same[i], cats[i], _MIXED))
        if not firsts:
            return out
        first, size, shape = np.concatenate(firsts), np.concatenate(spans), np.concatenate(shapes)
        last = first + size - 1

        # per-word sums of every type (a column each), each part added in ``span_parts``' order
        previous = np.empty(n, dtype=np.intp)
        previous[1:] = word[:-1]
        previous[heads] = tb.start_row
        before_previous = np.empty(n, dtype=np.intp)
        before_previous[2:] = word[:-2]
        before_previous[: min(n, 2)] = tb.start_row
        before_previous[heads] = tb.start_row
        before_previous[np.minimum(heads + 1, n - 1)[heads + 1 < n]] = tb.start_row
        title_ends = np.array([e for _, _, e in texts], dtype=np.intp)[doc]
        title = starts < title_ends
        a = tb.first[word] + tb.fsuf[suffix]
        a += tb.prev[previous]
        a += tb.prev2[_pair_rows(tb.prev2_keys, tb.prev2_rows, before_previous, previous, tb.width)]
        a += tb.prevj[joined]
        a += tb.before[_char_rows(tb, codes, starts + shifts - 1, starts > 0, text_all)]
        a += tb.sent1[np.fromiter(chain.from_iterable(w.firsts for w, _, _ in texts), dtype=bool, count=n).view(np.uint8)]
        a += tb.where[title.view(np.uint8)]
        colons = np.array([t.find(":", 0, e) for _, t, e in texts], dtype=np.intp)
        if (colons >= 0).any():
            colon = colons[doc]
            a += tb.tc[np.where(title & (colon >= 0), np.where(starts < colon, 1, 2), 0)]

        following = np.empty(n, dtype=np.intp)
        following[:-1] = word[1:]
        following[tails] = tb.end_row
        next_joined = np.zeros(n, dtype=np.intp)
        next_joined[:-1] = joined[1:]
        next_joined[tails] = 0
        b = tb.head[word] + tb.suf[suffix]
        b += tb.next[following]
        b += tb.nextj[next_joined]
        b += tb.after[_char_rows(tb, codes, ends + shifts, ends < lengths[doc], text_all)]
        b += tb.hshape[cats]

        # each text's running sums of its words' weights (a text's rows start at ``at[d] + d``)
        weights = tb.w[word]
        bag = np.zeros((n + len(texts), len(tb.types)))
        for d in np.flatnonzero(sizes).tolist():
            np.cumsum(weights[at[d] : at[d + 1]], axis=0, out=bag[at[d] + d + 1 : at[d + 1] + d + 1])
        d_first = doc[first]
        z = tb.bias + a[first]
        z += b[last]
        z += tb.n[size]
        z += bag[last + 1 + d_first]
        z -= bag[first + d_first]
        hopeful = z + tb.best_whole >= tb.cut
        (rows,) = np.nonzero(hopeful.any(axis=1))
        if not len(rows):
            return out
        # the whole-span parts exactly, but for the count of the span in the text and its digits
        first, last, size, shape, z, hopeful = first[rows], last[rows], size[rows], shape[rows], z[rows], hopeful[rows]
        whole = tb.shape[shape]
        multi = size > 1
        whole[multi] += tb.hf[_pair_rows(tb.hf_keys, tb.hf_rows, word[first[multi]], word[last[multi]], tb.width)]
        hopeful &= z + ((whole + tb.best_cnt) + tb.best_digit) >= tb.cut
        (rows,) = np.nonzero(hopeful.any(axis=1))
        if not len(rows):
            return out

        ids = word.copy()  # a distinct id a distinct word, for counting runs of words
        index: dict[str, int] = {}
        for k in unknown:
            ids[k] = tb.width + index.setdefault(low[k], len(index))
        counts: dict[int, _Counts] = {}
        cut, cnt, digit = tb.cut.tolist(), tb.cnt.tolist(), tb.digit.tolist()
        for i, j, k in sorted(zip(first[rows].tolist(), last[rows].tolist(), rows.tolist())):
            d = int(doc[i])
            words, text, _ = texts[d]
            o = int(at[d])
            i, j = i - o, j - o
            name = text[words.starts[i] : words.ends[j]]
            counter = counts.get(d)
            if counter is None:
                counter = counts[d] = _Counts(words, ids[o : o + len(words)])
            c = min(counter.count(i, j), 3)
            has_digit = any(map(str.isdigit, name))
            found = out[d]
            for t, (hope, zt, s) in enumerate(zip(hopeful[k].tolist(), z[k].tolist(), whole[k].tolist())):
                if hope:
                    s += cnt[c][t]
                    if has_digit:
                        s += digit[t]
                    zt += s
                    if zt >= cut[t]:
                        found[t].append((1.0 / (1.0 + math.exp(-zt)), i, j))
        return out


_CATEGORIES = ("lower", "upper", "cap", "mixed")
_MIXED = 3


def _categories(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, text: str) -> np.ndarray:
    """``_category`` of each word ``text[start:end]`` as an index into ``_CATEGORIES``: from its
    letters' counts where it is ASCII, by ``_category`` itself where it is not."""
    upper = np.zeros(len(codes) + 1, dtype=np.intp)
    lower = np.zeros(len(codes) + 1, dtype=np.intp)
    other = np.zeros(len(codes) + 1, dtype=np.intp)
    np.cumsum((codes >= 65) & (codes <= 90), out=upper[1:])
    np.cumsum((codes >= 97) & (codes <= 122), out=lower[1:])
    np.cumsum(codes >= 128, out=other[1:])
    ups, lows = upper[ends] - upper[starts], lower[ends] - lower[starts]
    cats = np.where(
        ups == 0,
        np.where(lows > 0, 0, _MIXED),
        np.where(lows == 0, 1, np.where(upper[starts + 1] > upper[starts], 2, _MIXED)),
    )
    for k in np.flatnonzero(other[ends] > other[starts]).tolist():
        cats[k] = _CATEGORIES.index(_category(text[starts[k] : ends[k]]))
    return cats


def _char_rows(tb: _Tables, codes: np.ndarray, at: np.ndarray, inside: np.ndarray, text: str) -> np.ndarray:
    """Rows in ``tb.before`` / ``tb.after`` of the ``_char`` values of the characters at ``at``
    (where ``inside``; "" elsewhere, off the text)."""
    c = codes[np.where(inside, at, 0)] if len(codes) else np.zeros(len(at), dtype=np.uint32)
    rows = tb.ascii_rows[np.minimum(c, 128)]
    rows[~inside] = tb.no_char_row
    for k in np.flatnonzero(rows < 0).tolist():
        ch = text[at[k]]
        rows[k] = tb.char_rows.get("a" if ch.isalnum() else ch, 0)
    return rows


def _pair_rows(keys: np.ndarray, rows: np.ndarray, a: np.ndarray, b: np.ndarray, width: int) -> np.ndarray:
    """Rows of the word pairs ``(a, b)`` (word rows) in a table keyed by ``a * width + b`` (0: absent)."""
    query = a * width + b
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return np.where(keys[at] == query, rows[at], 0)


class _Counts:
    """How often a run of words occurs in one text, as ``Grams.count``: a run at a time by comparing
    word ids, until a length is asked for often enough that counting all its runs at once is cheaper."""

    __slots__ = ("words", "ids", "asked", "grams")

    def __init__(self, words: Words, ids: np.ndarray) -> None:
        self.words, self.ids = words, ids
        self.asked: Counter[int] = Counter()
        self.grams: Grams | None = None

    def count(self, i: int, j: int) -> int:
        size = j - i + 1
        self.asked[size] += 1
        if self.asked[size] > 8:  # linear in the text however many spans are asked about
            if self.grams is None:
                self.grams = Grams(self.words)
            return self.grams.count(i, j)
        ids = self.ids
        m = len(ids) - size + 1
        hit = ids[:m] == ids[i]
        for k in range(1, size):
            hit &= ids[k : m + k] == ids[i + k]
        return int(np.count_nonzero(hit))


class _Tables:
    """A spotter's weights of all its types as numpy tables (a column a type), each row the weights
    of one value of a part, looked up from the value (row 0: a value no type has a weight for)."""

    __slots__ = (
        "types", "bias", "cut", "best_whole", "best_cnt", "best_digit", "width", "word_rows", "start_row", "end_row",
        "ok", "suffix", "suffix_rows", "char_rows", "ascii_rows", "no_char_row", "before", "after",
        "prev2_keys", "prev2_rows", "hf_keys", "hf_rows", "first", "prev", "head", "next", "w", "fsuf", "suf",
        "prev2", "hf", "prevj", "sent1", "nextj", "where", "tc", "hshape", "shape", "n", "cnt", "digit",
    )

    def __init__(self, models: Mapping[str, TypeModel], stop: frozenset[str], max_words: int) -> None:
        self.types = tuple(models)
        ms = list(models.values())
        self.bias = np.array([m.bias for m in ms])
        self.cut = np.array([_logit(m.threshold) for m in ms])
        self.best_whole = np.array([m._best_whole for m in ms])
        values: dict[str, set[str]] = {}
        for m in ms:
            for kind, value in m.weights:
                values.setdefault(kind, set()).add(value)

        def table(kind: str, index: Mapping[str, int], size: int) -> np.ndarray:
            out = np.zeros((size, len(ms)))
            for value, r in index.items():
                for t, m in enumerate(ms):
                    out[r, t] = m.weights.get((kind, value), 0.0)
            return out

        def splits(kind: str) -> list[tuple[str, str, str]]:
            """(value, first word, second word): each way a pair's value joins two words with "|"."""
            return [(v, v[:k], v[k + 1 :]) for v in sorted(values.get(kind, ())) for k in range(len(v)) if v[k] == "|"]

        pairs = {kind: splits(kind) for kind in ("prev2", "hf")}
        vocabulary = set().union(*(values.get(k, ()) for k in ("first", "prev", "head", "next", "w")))
        vocabulary |= {w for found in pairs.values() for _, x, y in found for w in (x, y)} | {"<s>", "</s>"}
        self.word_rows = {w: r for r, w in enumerate(sorted(vocabulary), 1)}
        self.width = len(self.word_rows) + 1
        self.start_row, self.end_row = self.word_rows["<s>"], self.word_rows["</s>"]
        for kind in ("first", "prev", "head", "next", "w"):
            setattr(self, kind, table(kind, self.word_rows, self.width))
        self.ok = np.zeros(self.width, dtype=bool)
        self.ok[1:] = [w not in stop and not w.isdigit() and any(map(str.isalpha, w)) for w in self.word_rows]
        self.suffix_rows = {v: r for r, v in enumerate(sorted(values.get("fsuf", set()) | values.get("suf", set())), 1)}
        self.fsuf = table("fsuf", self.suffix_rows, len(self.suffix_rows) + 1)
        self.suf = table("suf", self.suffix_rows, len(self.suffix_rows) + 1)
        self.suffix = np.zeros(self.width, dtype=np.intp)
        self.suffix[1:] = [self.suffix_rows.get(w[-3:], 0) for w in self.word_rows]
        for kind, found in pairs.items():
            index = {v: r for r, v in enumerate(sorted({v for v, _, _ in found}), 1)}
            keyed = sorted((self.word_rows[x] * self.width + self.word_rows[y], index[v]) for v, x, y in found)
            setattr(self, kind, table(kind, index, len(index) + 1))
            setattr(self, f"{kind}_keys", np.array([k for k, _ in keyed] or [-1], dtype=np.int64))
            setattr(self, f"{kind}_rows", np.array([r for _, r in keyed] or [0], dtype=np.intp))
        self.char_rows = {v: r for r, v in enumerate(sorted(values.get("before", set()) | values.get("after", set())), 1)}
        self.before = table("before", self.char_rows, len(self.char_rows) + 1)
        self.after = table("after", self.char_rows, len(self.char_rows) + 1)
        self.ascii_rows = np.array([self.char_rows.get(_char(chr(c)), 0) for c in range(128)] + [-1], dtype=np.intp)
        self.no_char_row = self.char_rows.get("", 0)
        binary = {"0": 0, "1": 1}
        self.prevj, self.sent1, self.nextj = (table(kind, binary, 2) for kind in ("prevj", "sent1", "nextj"))
        self.where = table("where", {"abs": 0, "title": 1}, 2)
        self.tc = table("tc", {"pre": 1, "post": 2}, 3)
        categories = {c: r for r, c in enumerate(_CATEGORIES)}
        self.hshape, self.shape = table("hshape", categories, 4), table("shape", categories, 4)
        self.n = table("n", {str(k): k for k in range(1, max_words + 1)}, max_words + 1)
        self.cnt = table("cnt", {str(k): k for k in range(4)}, 4)
        self.digit = table("digit", {"1": 0}, 1)[0]
        # the most the count and digit parts can add: a bound to add after the exact shape and hf parts
        self.best_cnt = np.max(self.cnt[1:], axis=0).clip(min=0.0)
        self.best_digit = self.digit.clip(min=0.0)


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
