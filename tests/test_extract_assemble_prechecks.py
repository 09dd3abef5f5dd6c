"""The cheap tests ``assemble`` runs before a context regex never skip a match (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import assemble as A
from kg.extract.rules import Mention

# pieces that make the regexes match, and characters that only look like their letters
PIECES = [
    "rely on", "relies on", "approaches such as", "methods like", "techniques  such as", "ON", "As", "LIKE", "aſ", "lıke",
    "Prioritized ", "Dueling ", "Deep-Q ", "the ", "of ", "Google ", "(", ". ", "\n", " ", "  ", "\t", "\x1c",
    "CIFAR", "SVHN", "Set5", ", ", ",", " and ", "and ", "2012", " 2015", "x", "DQN", "GAN", "Net",
    " 2.0", " v2", " 7B", " 3.1 8B", " Pro", "++", " Block", " Modules", " 5", "-", "é", "É",
]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _starts(text: str) -> range:
    return range(0, len(text) + 1)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_means_before_is_the_regex(text: str) -> None:
    for start in _starts(text):
        assert A._means_before(text, start) == (A._MEANS_BEFORE.search(text, max(0, start - 30), start) is not None)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_capitalised_before_is_the_regex(text: str) -> None:
    for start in range(1, len(text) + 1):
        found = A._capitalised_before(text, start)
        expected = A._CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=400, deadline=None)
@given(texts)
def test_list_before_is_the_regex(text: str) -> None:
    for start in _starts(text):
        found = A._list_before(text, start)
        expected = A._LIST_PREV.search(text, max(0, start - 60), start)
        assert (found and found.regs) == (expected and expected.regs)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["lexicon", "shape:method", "named"]), st.booleans())
def test_version_and_component_steps_only_look_after_a_space(text: str, rule: str, proposed: bool) -> None:
    """Every pattern of ``_with_version`` / ``_with_component_head`` opens with a space: the same
    mention comes back when none follows (what the regexes decide when one does)."""
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 8) + 1):
            m = Mention(start, end, "method", rule, 0.9, proposed=proposed)
            after = end + 2 if rule != "lexicon" and text.startswith("++", end) and not text[end + 2 : end + 3].isalnum() else end
            if text.startswith(" ", after):
                continue
            assert A._with_component_head(m, text).end == end
            assert A._with_version(m, text).end == after
