"""Patterns rewritten for speed match exactly what their plain forms match (the speed work's contract)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import components, text

# the forms before the rewrite: plain to read, slower in Python's engine
PLAIN_WORD = re.compile(r"[^\W_](?:[\w'’+.]*[^\W_]|)(?:[-‐–][^\W_](?:[\w'’+.]*[^\W_]|))*|[^\W_]")
PLAIN_SIZED = re.compile(r"(?<![\w-])([A-Z][\w-]*[A-Za-z])\s+(\d{2,4})(?:\s*(?:x|×|times)\s*(\d{2,4}))?(?![\w-]|\.\d)")


def _found(pattern: re.Pattern[str], s: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(s)]


@settings(max_examples=500)
@given(st.text(alphabet="aZ9_'’+.-‐– \n(é1ß²", max_size=40))
def test_word_matches_its_plain_form(s: str) -> None:
    assert _found(text.WORD, s) == _found(PLAIN_WORD, s)


@settings(max_examples=500)
@given(st.text(alphabet="Ab1 -_x×timesé\n", max_size=30))
def test_sized_matches_its_plain_form(s: str) -> None:
    assert _found(components._SIZED, s) == _found(PLAIN_SIZED, s)


def test_rewritten_patterns_on_examples() -> None:
    for s in ["ImageNet 256 x 256 and CIFAR 32×32", "x-B 12, A 12", "state-of-the-art CLIP's ViT-B/16", "a__b ''c+ d-e- f"]:
        assert _found(text.WORD, s) == _found(PLAIN_WORD, s)
        assert _found(components._SIZED, s) == _found(PLAIN_SIZED, s)
    assert [m.group(1) for m in components._SIZED.finditer("ImageNet 64 and x-Net 32")] == ["ImageNet"]
