"""Regex scans that skip texts which cannot match: the same results as the plain pattern.

Most cue patterns of the rules ("in terms of", "the task of", "we call it", URLs) match in few
abstracts, yet Python's engine spends ~50 ns per character trying them at every position
(case-insensitive patterns that open with ``\\b`` get no prefix optimisation). ``prefiltered``
wraps a compiled pattern: the wrapper reads the pattern's parse tree once for literals of which
every match must contain one, and answers "no match" straight away when none of them occurs
in the searched range (a plain substring test on the lower-cased text). Otherwise, and for
anything it cannot analyse, it calls the pattern itself.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

try:  # the parser behind ``re`` (Python 3.11+); sre_parse before
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# Non-ASCII characters that a case-insensitive pattern matches to an ASCII letter although
# str.lower() does not map them to it (İ, ı, ſ, Kelvin sign): texts with them skip the prefilter.
FOLD_TRAPS = "\u0130\u0131\u017f\u212a"
_TRAPS = re.compile(f"[{FOLD_TRAPS}]")
_last: tuple[str | None, str | None] = (None, None)


def folded(text: str) -> str | None:
    """``text.lower()`` when that is exactly how a case-insensitive pattern sees its ASCII
    letters (same length, same offsets), else None. Cached for the text last asked about."""
    global _last
    cached, result = _last
    if cached is text:
        return result
    result = text.lower() if text.isascii() or not _TRAPS.search(text) else None
    _last = (text, result)
    return result


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one (lower-cased for a
    case-insensitive pattern), or None when the pattern has no such requirement we can see."""
    if pattern.flags & (re.LOCALE | re.ASCII):
        return None
    try:
        items = list(_p.parse(pattern.pattern, pattern.flags))
        found = _required(items, bool(pattern.flags & re.IGNORECASE))
    except RecursionError:  # pragma: no cover - absurdly nested pattern
        return None
    if not found or "" in found:
        return None
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def requirements(pattern: re.Pattern[str]) -> list[tuple[str, ...]]:
    """Every requirement read from the mandatory parts of the pattern's top level: literal sets
    of which every match contains one each ("we propose a new X based on": {propose, ...},
    {new, novel}, {based}); ``required_literals`` is the most selective of them."""
    if pattern.flags & (re.LOCALE | re.ASCII):
        return []
    try:
        found = _candidates(list(_p.parse(pattern.pattern, pattern.flags)), bool(pattern.flags & re.IGNORECASE))
    except RecursionError:  # pragma: no cover - absurdly nested pattern
        return []
    return [tuple(sorted(c, key=lambda s: (-len(s), s))) for c in found if c and "" not in c]


def _required(items: list, fold: bool) -> set[str] | None:
    """The most selective requirement among the mandatory parts of a sequence."""
    candidates = _candidates(items, fold)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _candidates(items: list, fold: bool) -> list[set[str]]:
    """The requirements of the mandatory parts of a sequence (literal sets, see ``requirements``)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            ch = chr(av)
            if fold and not ch.isascii():
                close()  # a non-ASCII letter folds in ways str.lower() does not tell
                continue
            run.append(ch.lower() if fold else ch)
            continue
        close()
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                req = _required(list(sub), fold)
                if req:
                    candidates.append(req)
        elif op is _c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                req = _required(list(alternative), fold)
                if not req:
                    break
                union |= req
            else:
                candidates.append(union)
        elif (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
            req = _required(list(av[2]), fold)
            if req:
                candidates.append(req)
        # anything else (classes, assertions, optional parts) requires no literal
    close()
    return candidates


def required_marks(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Punctuation characters of which every match of ``pattern`` contains at least one (a colon,
    a quote: rarer in prose than any word), or None. Read from the pattern's mandatory parts:
    a punctuation literal or a class of at most four punctuation characters."""
    if pattern.flags & (re.LOCALE | re.ASCII):
        return None
    try:
        found = _marks(list(_p.parse(pattern.pattern, pattern.flags)))
    except RecursionError:  # pragma: no cover
        return None
    return tuple(sorted(found)) if found else None


def _mark(ch: int) -> bool:
    c = chr(ch)
    return not c.isalnum() and not c.isspace() and c != "_" and c.lower() == c == c.upper()


def _marks(items: list) -> set[str] | None:
    """The smallest set of punctuation characters one of which every match of a sequence holds."""
    candidates: list[set[str]] = []
    for op, av in items:
        if op is _c.LITERAL:
            if _mark(av):
                candidates.append({chr(av)})
        elif op is _c.IN:
            if 0 < len(av) <= 4 and all(o is _c.LITERAL and _mark(a) for o, a in av):
                candidates.append({chr(a) for _, a in av})
        elif op is _c.SUBPATTERN:
            if not av[1] and not av[2]:
                req = _marks(list(av[3]))
                if req:
                    candidates.append(req)
        elif op is _c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                req = _marks(list(alternative))
                if not req:
                    break
                union |= req
            else:
                candidates.append(union)
        elif (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
            req = _marks(list(av[2]))
            if req:
                candidates.append(req)
    if not candidates:
        return None
    return min(candidates, key=len)


def anchors(pattern: re.Pattern[str]) -> tuple[tuple[str, int, bool], ...] | None:
    """Where matches can start: (literal, delta, word_start) such that a match starting at
    ``p`` has ``literal`` at ``p + delta`` (in the lower-cased text for a case-insensitive
    pattern), and, if ``word_start``, no word character at ``p - 1`` (a ``\\b`` before it).
    Delta is 0 for a leading literal, -1 for a one-character look-behind ("(?<=[.!?])").
    None when the pattern does not open that way, can match the empty string, or an anchor is
    a single letter or digit (too frequent to be worth it)."""
    if pattern.flags & (re.LOCALE | re.ASCII | re.MULTILINE):
        return None
    fold = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None
        found = _leads(list(parsed), fold, False)
    except (_Unsupported, RecursionError):
        return None
    if not found or any(not lit or len(lit) == 1 and lit.isalnum() for lit, _, _ in found):
        return None
    # "we call" starts where "we" does: keep the shortest anchor of each family
    kept = [
        (lit, d, w) for lit, d, w in found
        if not any(d == d2 and (w2 <= w) and lit != l2 and lit.startswith(l2) for l2, d2, w2 in found)
    ]
    return tuple(sorted(set(kept)))


class _Unsupported(Exception):
    pass


def _literal(ch: int, fold: bool) -> str:
    c = chr(ch)
    if fold and not c.isascii():
        raise _Unsupported
    return c.lower() if fold else c


def _leads(items: list, fold: bool, bounded: bool) -> set[tuple[str, int, bool]]:
    """Anchors of a sequence (see ``anchors``); ``bounded``: a word boundary came before.
    Raises _Unsupported."""
    if not items:
        raise _Unsupported  # the match could start anywhere after what came before
    op, av = items[0]
    rest = items[1:]
    if op is _c.AT:
        return _leads(rest, fold, bounded or av is _c.AT_BOUNDARY)
    if op is _c.ASSERT_NOT:  # zero width: only restricts where matches start
        return _leads(rest, fold, bounded or av[0] == -1 and _excludes_word_chars(av[1]))
    if op is _c.ASSERT:
        direction, body = av
        if direction == -1 and len(body) == 1:
            bop, bav = body[0]
            if bop is _c.LITERAL:
                return {(_literal(bav, fold), -1, False)}
            if bop is _c.IN and all(o is _c.LITERAL for o, _ in bav):
                return {(_literal(a, fold), -1, False) for _, a in bav}
        return _leads(rest, fold, bounded)
    if op is _c.LITERAL:
        run = []
        for o, a in items:
            if o is not _c.LITERAL:
                break
            run.append(_literal(a, fold))
        literal = "".join(run)
        return {(literal, 0, bounded and _WORD_CHAR.match(literal) is not None)}
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unsupported
        return _leads(list(sub) + rest, fold, bounded)
    if op is _c.BRANCH:
        out: set[tuple[str, int, bool]] = set()
        for alternative in av[1]:
            out |= _leads(list(alternative) + rest, fold, bounded)
        return out
    if op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        low, _high, sub = av
        if low == 0:
            return _leads(list(sub) + rest, fold, bounded) | _leads(rest, fold, bounded)
        return _leads(list(sub) + rest, fold, bounded)
    raise _Unsupported


_WORD_CHAR = re.compile(r"\w")


def _excludes_word_chars(items: list) -> bool:
    """A look-behind of one character class that contains every word character."""
    return len(items) == 1 and items[0][0] is _c.IN and (_c.CATEGORY, _c.CATEGORY_WORD) in items[0][1]


def spaceless(pattern: re.Pattern[str]) -> bool:
    """Can no match contain a space, and does the pattern read nothing but a space right after
    a match? Then matches lie within space-delimited pieces of the text, and ``finditer`` over a
    piece (ending at a space) finds exactly the whole text's matches in it."""
    if pattern.flags & (re.LOCALE | re.ASCII | re.MULTILINE | re.DOTALL):
        return False
    try:
        return _spaceless(list(_p.parse(pattern.pattern, pattern.flags)))
    except RecursionError:  # pragma: no cover
        return False


def _spaceless(items: list) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            if chr(av).isspace():
                return False
        elif op is _c.IN:
            if any(o is _c.NEGATE or o is _c.RANGE and a[0] <= 32 <= a[1] or o is _c.LITERAL and chr(a).isspace()
                   or o is _c.CATEGORY and a not in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT) for o, a in av):
                return False
        elif op is _c.AT:
            if av not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):  # a space is not a word character, like the end
                return False
        elif op is _c.ASSERT or op is _c.ASSERT_NOT:
            direction, body = av
            if direction == 1 and not _spaceless(list(body)):  # a look-ahead must fail on a space as at the end
                return False
            # look-behinds read the real text before the piece: fine
        elif op is _c.SUBPATTERN:
            if av[1] or av[2] or not _spaceless(list(av[3])):
                return False
        elif op is _c.BRANCH:
            if not all(_spaceless(list(alternative)) for alternative in av[1]):
                return False
        elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
            if not _spaceless(list(av[2])):
                return False
        else:
            return False
    return True


class Prefiltered:
    """A compiled pattern whose ``search``/``match``/``fullmatch``/``finditer``/``findall``
    return exactly what the pattern's would, faster where a required literal is absent."""

    __slots__ = ("pattern", "literals", "order", "more", "marks", "fold", "anchors", "pieces", "anchors_first")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required_literals(pattern)
        self.order = list(self.literals or ())  # the search order (see ``_any_found``)
        # the pattern's other requirements of 3+ characters: a text must hold one literal of each
        # ("we propose a new X based on": {propose, ...} is in most abstracts, {based} in few)
        self.more = [
            list(r) for r in requirements(pattern)
            if self.literals is not None and set(r) != set(self.literals) and all(map(_selective, r))
        ]
        self.marks = required_marks(pattern)
        self.anchors = anchors(pattern)
        self.fold = bool(pattern.flags & re.IGNORECASE)
        # no anchors, but a required literal and no spaces in matches: scan only the pieces with the literal
        self.pieces = self.anchors is None and self.literals is not None and spaceless(pattern)
        # a few anchors against many required literals ("by" against six "-ing" verbs): ``finditer``
        # goes straight to the anchors, which costs less than a search per literal in texts without one
        # (it still checks the other requirements: one search each, "based" is in few abstracts)
        # (and whenever the anchors are the required literals: their search answers "absent" as well)
        self.anchors_first = self.anchors is not None and (
            len(self.anchors) * 2 <= len(self.literals or ()) or {a[0] for a in self.anchors} == set(self.literals or ())
        )

    def _absent(self, text: str, pos: int, endpos: int, literals: bool = True) -> bool:
        """True when no required literal (or no required punctuation mark) lies within ``text[pos:endpos]``
        (``literals=False``: the marks and the other requirements only, see ``anchors_first``)."""
        marks = self.marks
        if marks is not None:
            find = text.find
            p, e = max(pos, 0), max(endpos, 0)
            for mark in marks:
                if find(mark, p, e) >= 0:
                    break
            else:
                return True
        if self.literals is None or not (literals or self.more):
            return False
        if self.fold:
            low = folded(text)
            if low is None:
                return False
        else:
            low = text
        pos, endpos = max(pos, 0), max(endpos, 0)
        find = low.find
        if literals and not _any_found(find, self.order, pos, endpos):
            return True
        more = self.more
        for k, order in enumerate(more):
            if not _any_found(find, order, pos, endpos):
                if k:  # the requirement that said no first next time
                    more.insert(0, more.pop(k))
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(text, pos, endpos, not self.anchors_first):
            return None
        if self.anchors is not None:
            low = folded(text) if self.fold else text
            if low is not None:
                return next(self._anchored(text, low, pos, endpos), None)
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(text, pos, endpos):
            return None
        return self.pattern.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self._absent(text, pos, endpos, not self.anchors_first):
            return iter(())
        if self.anchors is not None:
            low = folded(text) if self.fold else text
            if low is not None:
                return self._anchored(text, low, pos, endpos)
        elif self.pieces and pos <= 0 and endpos >= len(text):
            low = folded(text) if self.fold else text
            if low is not None:
                return self._in_pieces(text, low)
        return self.pattern.finditer(text, pos, endpos)

    def finditer_at(self, text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
        """``finditer(text)``, trying the pattern only at ``starts`` (a superset of the positions where
        a match can begin, which the caller found) once the pattern's other requirements hold."""
        if self._absent(text, 0, len(text), False):
            return iter(())
        return matches_at(self.pattern, text, starts)

    def _in_pieces(self, text: str, low: str) -> Iterator[re.Match[str]]:
        """``finditer(text)`` run only over the space-delimited pieces that hold a required literal."""
        pieces: set[tuple[int, int]] = set()
        find, rfind = low.find, low.rfind
        for literal in self.literals:  # type: ignore[union-attr]
            i = find(literal)
            while i >= 0:
                end = find(" ", i)
                end = len(text) if end < 0 else end
                pieces.add((rfind(" ", 0, i) + 1, end))
                i = find(literal, end)
        finditer = self.pattern.finditer
        for start, end in sorted(pieces):
            yield from finditer(text, start, end)

    def _anchored(self, text: str, low: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``finditer(text, pos, endpos)`` trying the pattern only where an anchor says a match
        can start: ``search`` tries the positions from ``pos`` on in order, just the same."""
        pos, endpos = max(pos, 0), min(max(endpos, 0), len(text))
        starts: set[int] = set()
        find = low.find
        for literal, delta, word_start in self.anchors:  # type: ignore[union-attr]
            i = find(literal, max(0, pos + delta), endpos)
            while i >= 0:
                if not (word_start and i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                    starts.add(i - delta)
                i = find(literal, i + 1, endpos)
        return matches_at(self.pattern, text, starts, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if self._absent(text, pos, endpos):
            return []
        return self.pattern.findall(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:  # sub, split, groups, flags, ...: the pattern's own
        return getattr(self.pattern, name)


def _selective(literal: str) -> bool:
    """Worth a search as a further requirement: 3+ characters, or marks rarer than ", . -"."""
    return len(literal) >= 3 or not any(c.isalnum() or c in " ,.-\n" for c in literal)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, pos, endpos)`` gives, trying ``pattern`` only at ``starts``
    (a superset of the positions where a match can begin): in order, none overlapping the last."""
    match, last = pattern.match, pos
    for p in sorted(starts):
        if last <= p <= endpos:
            m = match(text, p, endpos)
            if m is not None:
                last = m.end()
                yield m


def matches_from(
    pattern: Prefiltered | re.Pattern[str], text: str, starts_of: Callable[[str], Iterable[int]]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only at the positions ``starts_of`` finds in the
    lower-cased text (a superset of where a match can start); the whole scan when the text has no
    lower-cased form of the same length (see ``folded``)."""
    low = folded(text)
    if low is None:
        return pattern.finditer(text)
    return matches_at(pattern.pattern if isinstance(pattern, Prefiltered) else pattern, text, starts_of(low))


def prefiltered(pattern: str | re.Pattern[str], flags: int = 0) -> Prefiltered:
    """``re.compile`` with the literal prefilter (see the module docstring)."""
    return Prefiltered(pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags))


class Gate:
    """Does a stretch of text hold any of some literals? (a sound "no" for patterns that each
    require one of them, see ``required_literals``): a few ``str.find`` calls on the lower-cased
    text, instead of a regex tried at every position of the stretch."""

    __slots__ = ("literals", "order", "mark", "heads", "alternation")

    def __init__(self, *patterns: re.Pattern[str] | Prefiltered | str) -> None:
        literals: set[str] = set()
        for p in patterns:
            if isinstance(p, str):
                literals.add(p.lower())
                continue
            found = required_literals(p.pattern if isinstance(p, Prefiltered) else p)
            if found is None:
                raise ValueError(f"no required literal in {p!r}")
            literals.update(s.lower() for s in found)  # a case-sensitive literal is also in the lowered text
        # a literal that contains another is redundant: the shorter one is found wherever it is
        self.literals = tuple(sorted(l for l in literals if not any(o != l and o in l for o in literals)))
        self.order = list(self.literals)
        # literals that all end in one punctuation mark ("i)", "2)"): look at the few places of the
        # mark instead of searching the stretch once per literal; heads by length, without the mark
        ends = {l[-1] for l in self.literals}
        self.mark = ends.pop() if len(ends) == 1 and all(len(l) > 1 for l in self.literals) and _mark(ord(min(ends))) else None
        self.heads: dict[int, frozenset[str]] = {
            n: frozenset(l[:-1] for l in self.literals if len(l) == n) for n in sorted({len(l) for l in self.literals})
        }
        # many literals, a short stretch: one regex pass over it costs less than a search per literal
        many = len(self.literals) >= _MANY_LITERALS and all(self.literals)
        self.alternation = re.compile("|".join(map(re.escape, self.literals))).search if many else None

    def within(self, text: str, pos: int, endpos: int) -> bool:
        """True unless no literal lies wholly inside ``text[pos:endpos]`` (True when unsure)."""
        low = folded(text)
        if low is None:
            return True
        pos, endpos = max(pos, 0), max(endpos, 0)
        mark = self.mark
        if mark is None:
            if self.alternation is not None and endpos - pos <= _SHORT_STRETCH:
                return self.alternation(low, pos, endpos) is not None
            return _any_found(low.find, self.order, pos, endpos)
        find, heads = low.find, self.heads.items()
        j = find(mark, pos, endpos)
        while j >= 0:  # a literal of n characters ends at j: it starts at j + 1 - n
            for n, firsts in heads:
                if j + 1 - n >= pos and low[j + 1 - n : j] in firsts:
                    return True
            j = find(mark, j + 1, endpos)
        return False

    def last_start(self, text: str) -> int:
        """Where the last literal starts (-1 if none; ``sys.maxsize`` when unsure):
        ``within(text, pos, len(text))`` is ``pos <= last_start(text)`` for every ``pos >= 0``,
        one search per literal for a text instead of one per position asked about."""
        low = folded(text)
        if low is None:
            return sys.maxsize
        return max(map(low.rfind, self.literals))


# ``Gate.within`` on stretches of at most this many characters, with at least this many literals,
# runs one alternation of the literals (measured on the rules' gates: ~30% less there)
_SHORT_STRETCH, _MANY_LITERALS = 120, 8


def _any_found(find: Any, order: list[str], pos: int, endpos: int) -> bool:
    """Is any of ``order`` found in [pos, endpos)? The one found moves to the front: the literals
    common in the texts come first, so a "yes" usually takes one search."""
    for k, literal in enumerate(order):
        if find(literal, pos, endpos) >= 0:
            if k:
                order.insert(0, order.pop(k))
            return True
    return False
