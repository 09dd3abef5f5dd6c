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
