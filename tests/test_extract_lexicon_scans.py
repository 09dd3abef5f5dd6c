"""The lexicon component's scans rewritten for speed find what their plain forms find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import components

PLAIN_GLUED_START = re.compile(r"[A-Z][A-Za-z]*[A-Za-z]\d")


@settings(max_examples=500)
@given(st.text(alphabet="AbZz19 -_.é\n", max_size=40))
def test_glued_start_matches_its_plain_form(s: str) -> None:
    assert [m.span() for m in components._GLUED_START.finditer(s)] == [m.span() for m in PLAIN_GLUED_START.finditer(s)]


def test_glued_start_on_examples() -> None:
    s = "LLaMA2 and Qwen2.5-7B, AIME24, A1, xLLaMA3, GPT-4"
    assert [m.group() for m in components._GLUED_START.finditer(s)] == ["LLaMA2", "Qwen2", "AIME2", "LLaMA3"]


@settings(max_examples=500)
@given(st.text(alphabet="AbZz19 -_.é(\n", max_size=40), st.sets(st.text(alphabet="AbZz19_.é", min_size=1, max_size=6), max_size=4))
def test_known_before_hyphen_says_no_only_where_no_compound_name_is_known(s: str, names: set[str]) -> None:
    known = {m.group(1) for m in components._COMPOUND.finditer(s)}
    if known & names:
        assert components.known_before_hyphen(s, names)
    for name in known:  # each name the scan finds is seen by the walk back
        assert components.known_before_hyphen(s, {name})


def test_known_before_hyphen_on_examples() -> None:
    names = {"ImageNet", "ResNet", "Abc"}
    assert components.known_before_hyphen("on ImageNet-1k with x", names)
    assert components.known_before_hyphen("e.g.ResNet-50", {"e.g.ResNet"})  # the scan's name starts at "e"
    assert components.known_before_hyphen("x.Abc-1", names)
    assert not components.known_before_hyphen("a state-of-the-art ResNet and ImageNet", names)
