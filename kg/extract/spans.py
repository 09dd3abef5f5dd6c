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
(``whole_parts``); the first four are summed per word once, for all types and a batch of texts at
once from numpy tables built at load (in ``span_parts``' order, so the sums are the same to the last
bit), and the last only for spans that could reach a threshold with them.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat

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
    _tables: _Tables | None = field(default=None, repr=False, compare=False)  # built from the models if not given

    def __post_init__(self) -> None:
        if self._tables is None:
            object.__setattr__(self, "_tables", _Tables(self.models, self.stop, self.max_words))

    def with_thresholds(self, thresholds: Mapping[str, float]) -> SpanSpotter:
        """The same spotter with some types' thresholds replaced."""
        models = {t: TypeModel(m.weights, m.bias, thresholds.get(t, m.threshold)) for t, m in self.models.items()}
        assert self._tables is not None
        return SpanSpotter(models, self.stop, self.max_words, self._tables.with_thresholds(list(models.values())))

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
        assert tb is not None
        out: list[list[list[tuple[float, int, int]]]] = [[[] for _ in tb.types] for _ in texts]
        sizes = np.array([len(w) for w, _, _ in texts], dtype=np.intp)
        n = int(sizes.sum())
        if not n:
            return out
        low = list(chain.from_iterable(w.lowers for w, _, _ in texts))
        wget = tb.word_rows.get
        word = np.fromiter(map(wget, low, repeat(0, n)), dtype=np.intp, count=n)
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
        seconds = heads + 1
        before_previous[seconds[seconds < n]] = tb.start_row
        title_ends = np.array([e for _, _, e in texts], dtype=np.intp)[doc]
        title = starts < title_ends
        a = tb.first.take(word, axis=0) + tb.fsuf.take(suffix, axis=0)
        a += tb.prev.take(previous, axis=0)
        pair = np.zeros(n, dtype=np.intp)  # only where a span can start and both words have weights
        (looked,) = np.nonzero(ok & (before_previous > 0) & (previous > 0))
        pair[looked] = _pair_rows(tb.prev2_keys, tb.prev2_rows, before_previous[looked], previous[looked], tb.width)
        a += tb.prev2.take(pair, axis=0)
        a += tb.prevj.take(joined, axis=0)
        a += tb.before.take(_char_rows(tb, codes, starts + shifts - 1, starts > 0, text_all), axis=0)
        a += tb.sent1.take(np.fromiter(chain.from_iterable(w.firsts for w, _, _ in texts), dtype=bool, count=n).view(np.uint8), axis=0)
        a += tb.where.take(title.view(np.uint8), axis=0)
        colons = np.array([t.find(":", 0, e) for _, t, e in texts], dtype=np.intp)
        if (colons >= 0).any():
            colon = colons[doc]
            a += tb.tc.take(np.where(title & (colon >= 0), np.where(starts < colon, 1, 2), 0), axis=0)

        following = np.empty(n, dtype=np.intp)
        following[:-1] = word[1:]
        following[tails] = tb.end_row
        next_joined = np.zeros(n, dtype=np.intp)
        next_joined[:-1] = joined[1:]
        next_joined[tails] = 0
        b = tb.head.take(word, axis=0) + tb.suf.take(suffix, axis=0)
        b += tb.next.take(following, axis=0)
        b += tb.nextj.take(next_joined, axis=0)
        b += tb.after.take(_char_rows(tb, codes, ends + shifts, ends < lengths[doc], text_all), axis=0)
        b += tb.hshape.take(cats, axis=0)

        # each text's running sums of its words' weights (a text's rows start at ``at[d] + d``)
        weights = tb.w.take(word, axis=0)
        bag = np.zeros((n + len(texts), len(tb.types)))
        for d in np.flatnonzero(sizes).tolist():
            np.cumsum(weights[at[d] : at[d + 1]], axis=0, out=bag[at[d] + d + 1 : at[d + 1] + d + 1])
        d_first = doc[first]
        z = tb.bias + a.take(first, axis=0)
        z += b.take(last, axis=0)
        z += tb.n.take(size, axis=0)
        z += bag.take(last + 1 + d_first, axis=0)
        z -= bag.take(first + d_first, axis=0)
        hopeful = z + tb.best_whole >= tb.cut
        (rows,) = np.nonzero(hopeful.any(axis=1))
        if not len(rows):
            return out
        # the whole-span parts exactly, but for the count of the span in the text and its digits
        first, last, size, shape = first[rows], last[rows], size[rows], shape[rows]
        z, hopeful = z.take(rows, axis=0), hopeful.take(rows, axis=0)
        whole = tb.shape.take(shape, axis=0)
        multi = size > 1
        whole[multi] += tb.hf.take(_pair_rows(tb.hf_keys, tb.hf_rows, word[first[multi]], word[last[multi]], tb.width), axis=0)
        hopeful &= z + ((whole + tb.best_cnt) + tb.best_digit) >= tb.cut
        (rows,) = np.nonzero(hopeful.any(axis=1))
        if not len(rows):
            return out

        ids = word.copy()  # a distinct id a distinct word, for counting runs of words
        index: dict[str, int] = {}
        for k in unknown:
            ids[k] = tb.width + index.setdefault(low[k], len(index))
        ids += np.where(ids >= 0xD800, 0x800, 0)  # as characters: no surrogates, so they decode
        line = ids.astype("<u4").tobytes().decode("utf-32-le") if ids.max() < 0x110000 else None
        counts: dict[int, _Counts] = {}
        cut, cnt, digit = tb.cut.tolist(), tb.cnt.tolist(), tb.digit.tolist()
        rows = rows[np.lexsort((last[rows], first[rows]))]  # in candidate order
        for i, j, d, hope, zs, ss in zip(
            first[rows].tolist(), last[rows].tolist(), doc[first[rows]].tolist(),
            hopeful[rows].tolist(), z[rows].tolist(), whole[rows].tolist(),
        ):
            words, text, _ = texts[d]
            o = int(at[d])
            i, j = i - o, j - o
            counter = counts.get(d)
            if counter is None:
                counter = counts[d] = _Counts(words, line, o)
            c = min(counter.count(i, j), 3)
            name = text[words.starts[i] : words.ends[j]]
            has_digit = _ASCII_DIGIT.search(name) is not None if name.isascii() else any(map(str.isdigit, name))
            found = out[d]
            for t, (h, zt, s) in enumerate(zip(hope, zs, ss)):
                if h:
                    s += cnt[c][t]
                    if has_digit:
                        s += digit[t]
                    zt += s
                    if zt >= cut[t]:
                        found[t].append((1.0 / (1.0 + math.exp(-zt)), i, j))
        return out


_CATEGORIES = ("lower", "upper", "cap", "mixed")
_ASCII_DIGIT = re.compile("[0-9]")  # str.isdigit of an ASCII character
_MIXED = 3


def _categories(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, text: str) -> np.ndarray:
    """``_category`` of each word ``text[start:end]`` as an index into ``_CATEGORIES``: from its
    letters' counts where it is ASCII, by ``_category`` itself where it is not."""
    if len(starts) and int((ends - starts).max()) < _FIELD:
        # the counts of upper-case, lower-case and non-ASCII characters, packed in one running sum
        # (which may wrap around: a word's difference of it is exact while each count fits its field)
        running = np.zeros(len(codes) + 1, dtype=np.int64)
        np.cumsum(_PACKED.take(np.minimum(codes, 128)), out=running[1:])
        packed = running.take(ends) - running.take(starts)
        ups, lows, others = packed & (_FIELD - 1), (packed >> 21) & (_FIELD - 1), packed >> 42
    else:
        counts = [np.concatenate(([0], np.cumsum(c))) for c in ((codes - 65) < 26, (codes - 97) < 26, codes >= 128)]
        ups, lows, others = (c.take(ends) - c.take(starts) for c in counts)
    first_upper = (codes.take(starts) - 65) < 26 if len(codes) else np.zeros(len(starts), dtype=bool)
    cats = np.where(ups == 0, np.where(lows > 0, 0, _MIXED), np.where(lows == 0, 1, np.where(first_upper, 2, _MIXED)))
    for k in np.flatnonzero(others).tolist():
        cats[k] = _CATEGORIES.index(_category(text[starts[k] : ends[k]]))
    return cats


_FIELD = 1 << 21
_PACKED = np.zeros(129, dtype=np.int64)  # by character code (128: any non-ASCII one)
_PACKED[65:91], _PACKED[97:123], _PACKED[128] = 1, _FIELD, _FIELD * _FIELD


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
    order = np.argsort(query)  # searchsorted is quicker for queries in order
    query = query.take(order)
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    found = np.empty(len(query), dtype=np.intp)
    found[order] = np.where(keys.take(at) == query, rows.take(at), 0)
    return found


class _Counts:
    """How often a run of words occurs in one text, as ``Grams.count``: by counting the run in a
    string of one character a distinct word (``line``, the text's from ``offset``), until a length
    is asked for often enough that counting all its runs at once is cheaper (so linear in the
    text however many spans are asked about)."""

    __slots__ = ("words", "line", "offset", "end", "asked", "grams")

    def __init__(self, words: Words, line: str | None, offset: int) -> None:
        self.words, self.line, self.offset, self.end = words, line, offset, offset + len(words)
        self.asked: dict[int, int] = {}
        self.grams: Grams | None = None

    def count(self, i: int, j: int) -> int:
        size = j - i + 1
        asked = self.asked[size] = self.asked.get(size, 0) + 1
        line = self.line
        if asked <= 8 and line is not None:
            o = self.offset
            run = line[o + i : o + j + 1]
            # str.count skips overlapping occurrences: exact unless the run overlaps itself ("a a" in "a a a")
            if size == 1 or run[0] not in run[1:] or not any(run[:k] == run[-k:] for k in range(1, size)):
                return line.count(run, o, self.end)
        if self.grams is None:
            self.grams = Grams(self.words)
        return self.grams.count(i, j)


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
        by_kind: dict[str, list[tuple[str, int, float]]] = {}  # (value, type, weight) of each kind of part
        for t, m in enumerate(ms):
            for (kind, value), w in m.weights.items():
                by_kind.setdefault(kind, []).append((value, t, w))
        values = {kind: {v for v, _, _ in found} for kind, found in by_kind.items()}

        def table(kind: str, index: Mapping[str, int], size: int) -> np.ndarray:
            out = np.zeros((size, len(ms)))
            for value, t, w in by_kind.get(kind, ()):
                r = index.get(value)
                if r is not None:
                    out[r, t] = w
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

    def with_thresholds(self, models: list[TypeModel]) -> _Tables:
        """The same tables for the same weights under the models' thresholds."""
        tables = _Tables.__new__(_Tables)
        for name in _Tables.__slots__:
            setattr(tables, name, getattr(self, name))
        tables.cut = np.array([_logit(m.threshold) for m in models])
        return tables


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
