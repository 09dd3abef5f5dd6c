"""Acronym definitions (Schwartz-Hearst style): both directions, plurals, mixed case, digits, Greek."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.acronyms import _CLAUSE_END, _sentence_floor, find_definitions, is_short_form, match_long_form
from kg.extract.assemble import _SENTENCE_END, _sentence_start
from kg.extract.text import last_break


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.long(text), d.short(text)) for d in find_definitions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We evaluate on the Spiking Heidelberg Dataset (SHD) today.", [("Spiking Heidelberg Dataset", "SHD")]),
        ("Spiking Neural Networks (SNNs) are promising.", [("Spiking Neural Networks", "SNN")]),
        ("a Time Delay Neural Network (TDNN) that", [("Time Delay Neural Network", "TDNN")]),
        ("a model called DEeP Embedded RegularIzed ClusTering (DEPICT), which", [("DEeP Embedded RegularIzed ClusTering", "DEPICT")]),
        ("on 40 datasets from MTEB (Massive Text Embedding Benchmark) and", [("Massive Text Embedding Benchmark", "MTEB")]),
        ("its version Google Speech Commands v0.02 (GSC) benchmarks", [("Google Speech Commands v0.02", "GSC")]),
        ("the delayed KV-Cache (dKV-Cache) for decoding", [("delayed KV-Cache", "dKV-Cache")]),
        ("Squeeze-and-Excitation (SE) blocks", [("Squeeze-and-Excitation", "SE")]),
        ("large language models (LLMs; e.g., GPT-4) are", [("large language models", "LLM")]),
        ("Delayed ε-Shrinking (DεS) trains faster", [("Delayed ε-Shrinking", "DεS")]),
        ("the 2-D Gaussian Splatting (2DGS) renderer", [("2-D Gaussian Splatting", "2DGS")]),
    ],
)
def test_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "as shown before (see Fig. 2) the results hold",
        "the accuracy (95%) is high",
        "a method (which we describe later) works",
        "results (Smith et al., 2020) confirm",
        "in the paper (ABC) nothing matches",
    ],
)
def test_no_definition(text: str) -> None:
    assert pairs(text) == []


def test_offsets_point_into_the_text() -> None:
    text = "Here the Spiking Heidelberg Dataset (SHD) is used."
    (d,) = find_definitions(text)
    assert text[d.long_start : d.long_end] == "Spiking Heidelberg Dataset"
    assert text[d.short_start : d.short_end] == "SHD"


def test_first_letter_must_start_a_word() -> None:
    assert match_long_form("the bar scheme", "BS") == 4
    assert match_long_form("abstract scheme", "BS") is None


@pytest.mark.parametrize(("word", "ok"), [("SHD", True), ("dKV-Cache", True), ("DεpS", True), ("x", False), ("the", False), ("95%", False), ("2020", False)])
def test_short_form_shape(word: str, ok: bool) -> None:
    assert is_short_form(word) is ok


@given(st.text(max_size=300))
def test_never_crashes_and_offsets_are_valid(text: str) -> None:
    for d in find_definitions(text):
        assert 0 <= d.long_start < d.long_end <= len(text)
        assert 0 <= d.short_start < d.short_end <= len(text)
        assert d.long_end <= d.short_start or d.short_end <= d.long_start



def _regex_floor(text: str, pos: int) -> int:
    """``_sentence_floor`` as the plain scan it replaces (the reference)."""
    floor = 0
    for m in _CLAUSE_END.finditer(text[max(0, pos - 300) : pos]):
        floor = max(0, pos - 300) + m.end()
    return floor


def _regex_sentence_start(text: str, pos: int) -> int:
    """``assemble._sentence_start`` as the plain scan it replaces (the reference)."""
    m = None
    for m in _SENTENCE_END.finditer(text[max(0, pos - 400) : pos]):
        pass
    return max(0, pos - 400) + m.end() if m else max(0, pos - 400)


_FLOOR_PIECES = [
    ".", "!", "?", ":", ";", ")", "]", "(", "[", "\n", " ", "  ", "\t", "\x1c", "\xa0", "\u2028", "\x85", ". ", ".\n", ":\n ", ") ",
    "]\n", "] \n", ";\n", ")\n", "!\n", "? \n", "\n\n", "\n ",
    "a", "Word", "e.g.", "3.5", "x" * 40, "y" * 120, "z" * 290,
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FLOOR_PIECES), max_size=40).map("".join), st.sampled_from(["", ":;)]", ")"]))
def test_last_break_is_the_scan(text: str, marks: str) -> None:
    """``text.last_break`` (read backwards) ends where the last match of its pattern does, for
    any stretch; and the two scans it replaces give what they gave."""
    pattern = re.compile(r"[.!?]\s+" + (f"|[{re.escape(marks)}]\\s*" if marks else "") + r"|\n")
    for lo in {0, 1, len(text) // 3}:
        for pos in range(lo, len(text) + 1):
            ends = [m.end() for m in pattern.finditer(text[lo:pos])]
            assert last_break(text, lo, pos, marks) == (lo + ends[-1] if ends else -1)
    for pos in range(len(text) + 1):
        assert _sentence_floor(text, pos) == _regex_floor(text, pos)
        assert _sentence_start(text, pos) == _regex_sentence_start(text, pos)
