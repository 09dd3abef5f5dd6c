"""Plain-text helpers shared by the rules: sentences, words and name shapes."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from kg.extract.scan import prefiltered

TITLE_SEPARATOR = "\n\n"  # between title and abstract in the text the pipeline reads

_SENT_END = prefiltered(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9\u0370-\u03ff])|\n+")
_ABBREV_END = re.compile(r"(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Ref|resp|approx|al|No|Tab|Dr|Mr|Ms|St)\.|\b[A-Z]\.)$")

# a "word" for the rules: letters/digits joined by hyphens, dots, apostrophes or '+'
# (runs of letters/digits joined by runs of _'’+. and single hyphens; possessive, so no backtracking:
# the same matches as r"[^\W_](?:[\w'’+.]*[^\W_]|)(?:[-‐–][^\W_](?:[\w'’+.]*[^\W_]|))*", ~25% faster)
WORD = re.compile(r"[^\W_]++(?:[_'’+.]++[^\W_]++)*+(?:[-‐–][^\W_]++(?:[_'’+.]++[^\W_]++)*+)*+")
GREEK = re.compile(r"[\u0370-\u03ff]")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text`` (a blank line always ends one)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group() and _ABBREV_END.search(text, max(0, m.start() - 8), m.start()):
            continue
        s, e = _strip(text, start, m.start())
        if s < e:  # some non-space text
            bounds.append((s, e))
        start = m.end()
    if text[start:].strip():
        bounds.append(_strip(text, start, len(text)))
    return bounds


def last_break(text: str, lo: int, pos: int, marks: str = "") -> int:
    r"""Where the last match of ``[.!?]\s+|[<marks>]\s*|\n`` in ``text[lo:pos]`` ends (an offset in
    ``text``), or -1 when there is none. Read backwards from the last character a match can open
    with (a few ``rfind`` calls; ``re`` would try the pattern at every character of the stretch):
    matches are a mark and then spaces, so the last one opens at that character, or holds it when
    it is a newline among the spaces after another mark (and then ends where those spaces end)."""
    rfind = text.rfind
    last = rfind("\n", lo, pos)
    for mark in marks:
        last = max(last, rfind(mark, lo, pos))
    for mark in ".!?":  # these open a match only before a space
        i = rfind(mark, max(lo, last + 1), pos)
        while i >= 0 and not (i + 1 < pos and text[i + 1].isspace()):
            i = rfind(mark, max(lo, last + 1), i)
        last = max(last, i)
    if last < 0:
        return -1
    if text[last] == "\n":
        run = last  # the spaces (newlines included) that end with this newline
        while run > lo and text[run - 1].isspace():
            run -= 1
        if not (run > lo and (text[run - 1] in ".!?" or text[run - 1] in marks)):
            return last + 1  # a newline on its own
    end = last + 1
    while end < pos and text[end].isspace():
        end += 1
    return end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Sentences:
    """Find the sentence containing a character offset."""

    __slots__ = ("bounds", "_starts")

    def __init__(self, bounds: list[tuple[int, int]]) -> None:
        self.bounds = bounds
        self._starts = [b[0] for b in bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        bounds = self.bounds
        if not bounds:
            return 0, 0
        i = bisect_right(self._starts, offset) - 1  # ``index``, inlined: the rules ask ~10 times a paper
        return bounds[i if i > 0 else 0]


@lru_cache(maxsize=1 << 15)  # called for the same words by several rules; bounded
def is_name_shaped(word: str) -> bool:
    """A word that looks like a name rather than an English word: internal capitals
    (ResNet, dKV), two or more capitals (BERT, SE-ResNet), letters mixed with digits
    (node2vec, GPT-4, CIFAR10), or Greek letters (DεpS)."""
    if len(word) < 2 or (word.isalpha() and (word.islower() or word.istitle()) and word.isascii()):
        return False
    if _UNITISH.fullmatch(word):
        return False
    if "-" in word:
        parts = [p for p in re.split(r"[-‐–]", word) if p]
        if any(is_name_shaped(p) for p in parts):
            return True
        # a capitalised name with a version or size: Kinetics-400, GPT-4
        return bool(parts) and parts[0][:1].isupper() and len(parts[0]) > 1 and any(p.isdigit() for p in parts[1:])
    upper = sum(c.isupper() for c in word)
    if upper >= 2:
        return True
    if upper == 1 and re.search(r"[a-z][A-Z]", word):
        return True
    if GREEK.search(word) and any(c.isalpha() and c.isascii() for c in word):
        return True
    letters = sum(c.isalpha() for c in word)
    digits = sum(c.isdigit() for c in word)
    if letters >= 2 and digits and not _UNITISH.fullmatch(word):
        return True
    return False


_UNITISH = re.compile(
    r"\d+(?:\.\d+)?(?:x|k|m|b|g|t|d|s|ms|h|hrs?|db|gb|mb|tb|bit|bits|th|st|nd|rd|px|fps|hz|khz|mhz|ghz|w|kw|mw|"
    r"times|fold|layers?|shot|way|gpus?|cpus?|k-shot)|\d+[-‐][a-z]+|top[-‐]?\d+|\d[a-z]",
    re.IGNORECASE,
)


_NAME_SUFFIX = re.compile(r"[-‐](?:based|like|style|inspired|driven|guided|powered|enhanced|augmented|conditioned|type|family|specific|free|aware|only|level|wise|scale|sized|size|generated|annotated|synthesi[sz]ed)$", re.IGNORECASE)


def strip_name_suffix(word: str) -> str:
    """"TDNN-based" -> "TDNN", "KV-cache-like" -> "KV-cache"."""
    return _NAME_SUFFIX.sub("", word) if "-" in word or "‐" in word else word


_TITLE_WORD = re.compile(r"[A-Za-z][\w-]*")


# a name that ends in a measure: "EigenScore", "d-BLEU", "BERT-score", "iso-FLOPs"
_MEASURE_SUFFIX = re.compile(r"(?:(?<=[a-z])Score|(?<=\w)[-‐](?:BLEU|ROUGE|METEOR|FLOPs|MACs|F1|[Ss]core|[Aa]ccuracy|AUC|IoU|mAP|FID))$")


def ends_in_measure(name: str) -> bool:
    """Does the name end in a measure ("EigenScore", "d-BLEU", "BERT-score")? Then it names a metric,
    not a version of a known model."""
    return _MEASURE_SUFFIX.search(name) is not None


def is_title_case(title: str) -> bool:
    """Most words of the title are capitalised, so capitals say nothing about names."""
    words = [w for w in _TITLE_WORD.findall(title) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# PDF line numbers glued to the words of an abstract copied from a numbered manuscript ("an effective1
# framework ... optimization prob-2 lems ... large language mod-3 els"): digits right after a word (or its
# punctuation or line-break hyphen) and before a space, counting up one line at a time
_GLUED_NUMBER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][-.,;:)]))(\d{1,3})(?=\s)")
_MIN_LINE_RUN = 6  # consecutive line numbers: no text holds a run like that by chance ("GPT-4", "top-1", "CIFAR-10")
_LINE_BREAK_REST = re.compile(r"\s+([a-z]+)")
_DIGIT_BEFORE_SPACE = re.compile(r"\d\s")


def without_line_numbers(text: str) -> str:
    """``text`` without glued line numbers (see ``_GLUED_NUMBER``), same length: a number becomes spaces, and a
    word split at a line-break hyphen is joined ("mod-3 els" -> "models" and the freed characters as spaces
    after it), so that offsets into the text stay where they were. Other text comes back unchanged."""
    if len(_DIGIT_BEFORE_SPACE.findall(text)) < _MIN_LINE_RUN:  # a cheap scan first: most texts have a few numbers at most
        return text
    runs: dict[int, list[re.Match[str]]] = {}  # line number -> the longest run of consecutive numbers ending there
    for m in _GLUED_NUMBER.finditer(text):
        value = int(m.group(1))
        run = runs.get(value - 1, [])
        if len(run) + 1 > len(runs.get(value, ())):
            runs[value] = [*run, m]
    best = max(runs.values(), key=len, default=())
    if len(best) < _MIN_LINE_RUN:
        return text
    out: list[str] = []
    pos = 0
    for m in best:
        start, end = m.span(1)
        if start < pos:
            continue
        rest = _LINE_BREAK_REST.match(text, end) if text[start - 1] == "-" else None
        if rest is not None:  # "prob-2 lems": the word goes on after the break
            out.append(text[pos : start - 1])
            out.append(rest.group(1) + " " * (rest.start(1) - start + 1))
            pos = rest.end()
        else:
            out.append(text[pos:start])
            out.append(" " * (end - start))
            pos = end
    out.append(text[pos:])
    return "".join(out)
