"""Acronym definitions, Schwartz-Hearst style: "Long Form (LF)" and "LF (Long Form)".

Pure functions over text and character offsets; ``kg_acronyms`` is the thin component over them.
Short forms may mix case, digits, hyphens and Greek letters (dKV-Cache, SE-ResNet, DεpS);
a plural short form (SNNs) defines the singular.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.text import last_break

_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
_WORD = re.compile(r"[^\s()\[\]{},;:\"]+")
# Words that never start a long form (the algorithm may reach back over them).
_LEADING_STOP = frozenset(
    "a an the of in on for to and or with by our their its this that these those we is are "
    "via using use from as at be been new novel called named dubbed termed coined so-called".split()
)
_SEPARATORS = re.compile(r"[;,]\s|\s(?:or|i\.e\.|aka|a\.k\.a\.)\s|\s*=\s*")


@dataclass(frozen=True, slots=True)
class Definition:
    """One acronym definition: character offsets of the long and the short form."""

    long_start: int
    long_end: int
    short_start: int
    short_end: int
    plural: bool  # the short form carried a plural "s" (SNNs): the long form is plural too

    def long(self, text: str) -> str:
        return text[self.long_start : self.long_end]

    def short(self, text: str) -> str:
        raw = text[self.short_start : self.short_end]
        return raw[:-1] if self.plural else raw


@lru_cache(maxsize=1 << 14)  # asked twice per bracket; the same acronyms recur (bounded)
def is_short_form(candidate: str) -> bool:
    """Could ``candidate`` be an acronym? 2-12 chars, starts with a letter or digit, mostly
    letters, at least one upper-case letter (or a Greek letter)."""
    if not 2 <= len(candidate) <= 12 or " " in candidate.strip():
        return False
    if not candidate[0].isalnum():
        return False
    letters = sum(c.isalpha() for c in candidate)
    if letters < 2 or letters / len(candidate) < 0.5:
        return False
    return any(c.isupper() for c in candidate) or any("\u0370" <= c <= "\u03ff" for c in candidate)


def match_long_form(long_candidate: str, short: str) -> int | None:
    """Schwartz-Hearst: the offset in ``long_candidate`` where the long form starts, or None.

    Each letter/digit of ``short`` must appear in order (right to left) in the long form, and
    the first one must start a word of it.
    """
    s = len(short) - 1
    i = len(long_candidate) - 1
    lower = long_candidate.lower()
    short_lower = short.lower()
    while s >= 0:
        ch = short_lower[s]
        if not ch.isalnum():
            s -= 1
            continue
        while i >= 0 and (lower[i] != ch or (s == 0 and i > 0 and lower[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return i + 1


def _words_before(text: str, end: int, limit: int, floor: int) -> int:
    """Start offset of the last ``limit`` words of ``text[floor:end]``."""
    starts = [m.start() for m in _WORD.finditer(text, floor, end)]
    if not starts:
        return end
    return floor + 0 if len(starts) <= limit and starts[0] == floor else starts[max(0, len(starts) - limit)]


_CLAUSE_END = re.compile(r"[.!?]\s+|[:;)\]]\s*|\n")  # (the scan ``_sentence_floor`` does without re)


def _sentence_floor(text: str, pos: int) -> int:
    """The start of the clause-ish region before ``pos``: after the last sentence end, colon or
    closing bracket (a long form never spans them) in the 300 characters before; 0 without one.
    (Where the last ``_CLAUSE_END`` match there ends, read backwards: ``text.last_break``.)"""
    end = last_break(text, max(0, pos - 300), pos, ":;)]")
    return end if end >= 0 else 0


def _trim_long(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading function words and surrounding punctuation/space from a long form."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " -,\t":
        end -= 1
    while True:
        m = _NON_SPACE.match(text, start, end)
        if not m or m.group().lower() not in _LEADING_STOP:
            break
        start = m.end()
        while start < end and text[start].isspace():
            start += 1
    if end - start < 3:
        return None
    return start, end


def find_definitions(text: str) -> list[Definition]:
    """Every acronym definition in ``text``, in order of appearance."""
    found: list[Definition] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        inner_start = m.start(1)
        # "(SF)" or "(SF; ...)" / "(SF, ...)": the short form is the first item
        first = _SEPARATORS.split(inner, maxsplit=1)[0].strip()
        offset = inner_start + inner.find(first) if first else inner_start
        definition = None
        if first and is_short_form(first.rstrip("s") if first.endswith("s") else first):
            definition = _long_before(text, m.start(), first, offset)
        if definition is None and " " in inner.strip():
            definition = _short_before(text, m.start(), inner, inner_start)
        if definition is not None:
            found.append(definition)
    return found


def _long_before(text: str, paren_start: int, short: str, short_start: int) -> Definition | None:
    plural = len(short) > 2 and short.endswith("s") and short[-2].isupper()
    core = short[:-1] if plural else short
    if not is_short_form(core):
        return None
    floor = _sentence_floor(text, paren_start)
    n_chars = sum(c.isalnum() for c in core)
    window_start = _words_before(text, paren_start, min(n_chars + 5, n_chars * 2), floor)
    candidate = text[window_start:paren_start].rstrip()
    if not candidate:
        return None
    offset = match_long_form(candidate, core)
    if offset is None:
        return None
    offset = min(offset, _initials_start(candidate, core))
    # the long form must not be just the short form again
    trimmed = _trim_long(text, window_start + offset, window_start + len(candidate))
    if trimmed is None:
        return None
    start, end = trimmed
    long = text[start:end]
    if long.replace("-", "").replace(" ", "").lower() == core.replace("-", "").lower():
        return None
    if len(long.split()) < 2 and "-" not in long and not _camel_covers(long, core):
        return None
    return Definition(start, end, short_start, short_start + len(short), plural)


_NON_SPACE = re.compile(r"\S+")


def _initials_start(candidate: str, short: str) -> int:
    """Where the last words of ``candidate`` start when their initials spell ``short`` word by word
    ("substochastic successor representation (SSR)": Schwartz-Hearst alone takes the letters of
    "SucceSSor Representation"); ``len(candidate)`` when they do not."""
    words = list(_NON_SPACE.finditer(candidate))
    if not short.isalpha() or not 2 <= len(short) <= 8 or len(words) < len(short):
        return len(candidate)
    last = words[-len(short) :]
    if any(w.group()[0].lower() != c for w, c in zip(last, short.lower())):
        return len(candidate)
    return last[0].start()


def _camel_covers(long: str, short: str) -> bool:
    """A one-word long form is fine when the short form's capitals are its capitals (ResNet -> RN)."""
    caps = "".join(c for c in long if c.isupper())
    return len(caps) >= 2 and caps.lower() == "".join(c for c in short if c.isalpha()).lower()


def _short_before(text: str, paren_start: int, inner: str, inner_start: int) -> Definition | None:
    """"SF (long form)": the word right before the bracket is the short form."""
    short_start, short_end = _last_word(text, paren_start)
    if short_start == short_end:
        return None
    short = text[short_start:short_end]
    plural = len(short) > 2 and short.endswith("s") and short[-2].isupper()
    core = short[:-1] if plural else short
    if not is_short_form(core):
        return None
    long_text = _SEPARATORS.split(inner, maxsplit=1)[0].strip()
    if len(long_text.split()) < 2 or len(long_text.split()) > len(core) + 5:
        return None
    if match_long_form(long_text, core) != 0:
        return None
    start = inner_start + inner.find(long_text)
    return Definition(start, start + len(long_text), short_start, short_end, plural)


def _last_word(text: str, end: int) -> tuple[int, int]:
    r"""The run of characters other than spaces and brackets that ends ``text[:end]`` before its
    trailing spaces (``re.search(r"([^\s()]+)\s*$")`` without scanning the whole prefix)."""
    j = len(text[:end].rstrip())
    i = j
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "()":
        i -= 1
    return i, j
