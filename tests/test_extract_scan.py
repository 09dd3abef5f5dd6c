"""kg.extract.scan: prefiltered regex scans give exactly the plain pattern's matches."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import assemble, components, rules, text, urls
from kg.extract.scan import FOLD_TRAPS, Gate, Prefiltered, anchors, folded, prefiltered, required_literals, required_marks

GOLD = Path(__file__).parent / "data" / "gold"


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every module-level pattern of the extractor (wrapped or not), by name."""
    found = []
    for module in (rules, assemble, components, text, urls):
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            for i, v in enumerate(values):
                if isinstance(v, Prefiltered):
                    v = v.pattern
                if isinstance(v, re.Pattern):
                    found.append((f"{module.__name__}.{name}" + (f"[{i}]" if len(values) > 1 else ""), v))
    return found


PATTERNS = _patterns()
TEXTS = [
    f"{r['title']}\n\n{r['abstract']}"
    for path in sorted(GOLD.glob("*.gold.jsonl"))
    for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
] + [
    "İn terms of accuracy, ın terms of F1; We propoſe X, the taſK of parsing.",
    "gİthub.com/x/y x-github.com/a/b www.a.com HTTPS://X.COM/a (see github.com/b/c).",
    "e.g.ResNet-50, x.Abc-1 and CIFAR10/100; A. B.\n\nC! D? E",
    "",
]
ALPHABET = string.ascii_letters + string.digits + " -./:;,()!?\n'’_" + FOLD_TRAPS + "αβé"


def same(pattern: re.Pattern[str], fast: Prefiltered, text_: str, pos: int = 0, endpos: int = 10**9) -> None:
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]

    assert spans(fast.finditer(text_, pos, endpos)) == spans(pattern.finditer(text_, pos, endpos))
    for method in ("search", "match", "fullmatch"):
        a, b = getattr(pattern, method)(text_, pos, endpos), getattr(fast, method)(text_, pos, endpos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), method


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_prefiltered_equals_plain_on_gold_texts(name: str, pattern: re.Pattern[str]) -> None:
    fast = Prefiltered(pattern)
    for t in TEXTS:
        same(pattern, fast, t)
        n = len(t)
        for pos, endpos in ((n // 3, n), (0, n // 2), (n // 4, 3 * n // 4), (n + 3, n), (-2, n // 5)):
            same(pattern, fast, t, pos, endpos)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET, "we call ", "in terms of ", "the task of ", "github.com/", "http://",
                                 "ImageNet-1k ", "phenomenon ", "we propose ", "framework, ", "(i) ", " method based on ",
                                 " two modules: ", " namely "]), max_size=60),
       st.integers(-2, 80), st.integers(-2, 300))
def test_prefiltered_equals_plain_on_any_text(pieces: list[str], pos: int, endpos: int) -> None:
    t = "".join(pieces)
    for _, pattern in PATTERNS:
        same(pattern, Prefiltered(pattern), t, pos, endpos)


GATED = [(n, p) for n, p in PATTERNS if required_literals(p) is not None]


def gate_sound(pattern: re.Pattern[str], gate: Gate, text_: str, pos: int, endpos: int) -> None:
    """A gate may say "maybe" freely, but "no" only where the pattern finds nothing."""
    if not gate.within(text_, pos, endpos):
        assert pattern.search(text_, pos, endpos) is None
        assert pattern.search(text_[max(pos, 0) : max(endpos, 0)]) is None


@pytest.mark.parametrize("name,pattern", GATED, ids=[n for n, _ in GATED])
def test_gate_says_no_only_where_the_pattern_cannot_match(name: str, pattern: re.Pattern[str]) -> None:
    gate = Gate(pattern)
    for t in TEXTS:
        n = len(t)
        for pos, endpos in ((0, n), (n // 3, n), (0, n // 2), (n // 4, 3 * n // 4), (n + 3, n), (-2, n // 5)):
            gate_sound(pattern, gate, t, pos, endpos)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET, "we call ", "in terms of ", "the task of ", "propose ", "Our model ",
                                 "dataset ", "challenge", "implemented in ", "(i) "]), max_size=60),
       st.integers(-2, 80), st.integers(-2, 300))
def test_gate_is_sound_on_any_text(pieces: list[str], pos: int, endpos: int) -> None:
    t = "".join(pieces)
    for _, pattern in GATED:
        gate_sound(pattern, Gate(pattern), t, pos, endpos)


# hand-written gates of the rules: (pattern, gate or core regex over the lower-cased text)
HAND_GATES = [
    (rules._ENUMERATED.pattern, rules._ENUMERATED_MARKS),
    (rules._AND_NOVEL, rules._AND_NOVEL_CORE),
    (rules._TASK_OF.pattern, rules._TASK_OF_CORE),
]


def hand_gate_sound(text_: str) -> None:
    low = folded(text_)
    for pattern, gate in HAND_GATES:
        if pattern.search(text_) is None or low is None:
            continue
        if isinstance(gate, Gate):
            assert gate.within(text_, 0, len(text_)), pattern.pattern
        else:
            assert gate.search(low), pattern.pattern


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET, "(i) ", "(iv) ", "2) ", "the task of ", "a problems  of ", ", and a novel ",
                                 " AN NEW ", "and an\tnew ", "Task of "]), max_size=40))
def test_hand_written_gates_are_sound(pieces: list[str]) -> None:
    hand_gate_sound("".join(pieces))


def test_hand_written_gates_are_sound_on_gold_texts() -> None:
    for t in TEXTS:
        hand_gate_sound(t)


def test_required_marks_read_from_the_pattern() -> None:
    assert required_marks(re.compile(r"(?i)\bwe\s+[\"“‘]\w+[\"”’]")) == ('"', "‘", "“")
    assert required_marks(re.compile(r"\w+\s*:\s*\w")) == (":",)
    assert required_marks(re.compile(r"(?:a|b:)c")) is None  # only one branch holds the colon
    assert required_marks(re.compile(r"[A-Z]\w+")) is None
    fast = prefiltered(r"(?i)\bwe\s+call\s+[\"“]([^\"”]+)[\"”]")
    assert fast.search("we call it") is None and fast.search('We call "X"').group(1) == "X"


def test_gate_answers_for_a_range() -> None:
    gate = Gate(re.compile(r"(?i)\bwe call\b"), "our")
    t = "Here WE CALL it X; in our work"
    assert gate.within(t, 0, len(t)) and gate.within(t, 5, 12) and gate.within(t, 20, 26)
    assert not gate.within(t, 6, 12) and not gate.within(t, 13, 22) and not gate.within(t, 5, 11)
    with pytest.raises(ValueError):
        Gate(re.compile(r"\w+"))


def test_literals_and_anchors_read_from_the_pattern() -> None:
    assert required_literals(re.compile(r"(?i)\b(?:in terms of|measured by)\s+\w")) == ("in terms of", "measured by")
    assert required_literals(re.compile(r"\w+")) is None
    assert anchors(re.compile(r"(?<=[.!?])\s+|\n+")) == (("\n", 0, False), ("!", -1, False), (".", -1, False), ("?", -1, False))
    assert anchors(re.compile(r"(?i)\b(?:we|we call)\s")) == (("we", 0, True),)
    assert anchors(re.compile(r"[A-Z]\w+")) is None  # a single letter is no useful anchor
    assert prefiltered(r"x").sub("y", "axb") == "ayb"  # everything else is the pattern's own


def test_case_insensitive_ascii_letters_fold_like_lower_except_the_traps() -> None:
    """The prefilter's premise: a case-insensitive pattern matches an ASCII letter only with
    that letter's lower or upper case or one of FOLD_TRAPS."""
    every_char = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    for letter in string.ascii_lowercase:
        matched = set(re.findall(letter, every_char, re.IGNORECASE))
        assert matched - {letter, letter.upper()} <= set(FOLD_TRAPS), letter
