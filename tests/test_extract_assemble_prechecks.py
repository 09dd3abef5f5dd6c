"""The cheap tests ``assemble`` runs before a context regex never skip a match (property tests)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract import assemble as A
from kg.extract.rules import Mention

# pieces that make the regexes match, and characters that only look like their letters
PIECES = [
    "rely on", "relies on", "approaches such as", "methods like", "techniques  such as", "ON", "As", "LIKE", "aſ", "lıke",
    "Prioritized ", "Dueling ", "Deep-Q ", "the ", "of ", "Google ", "(", ". ", "\n", " ", "  ", "\t", "\x1c",
    "CIFAR", "SVHN", "Set5", ", ", ",", " and ", "and ", "2012", " 2015", "x", "DQN", "GAN", "Net",
    " 2.0", " v2", " 7B", " 3.1 8B", " Pro", "++", " Block", " Modules", " 5", "-", "é", "É",
    "solutions, such as", "using ", "VIA ", "through the ", "employing ", "uſes ", " tasks", "-benchmark",
]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _starts(text: str) -> range:
    return range(0, len(text) + 1)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_means_before_is_the_regex(text: str) -> None:
    for start in _starts(text):
        assert A._means_before(text, start) == (A._MEANS_BEFORE.search(text, max(0, start - 120), start) is not None)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_used_before_is_the_regex(text: str) -> None:
    for start in _starts(text):
        expected = A._USED_BEFORE.search(text, max(0, start - 24), start) is not None and not A._TASK_NOUN_AFTER.match(text, start)
        assert A._used_before(text, start, start) == expected


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


def _plain_component_head(m: Mention, text: str) -> Mention:
    """``_with_component_head`` as it was before its cheap tests (the reference)."""
    if m.type != "method" or not m.rule.startswith("lexicon") or m.name is not None or not text.startswith(" ", m.end):
        return m
    surface = text[m.start : m.end]
    if A._LINK_ADJECTIVE.fullmatch(surface) and (noun := A._MODEL_NOUN.match(text, m.end)):
        return m._replace(end=noun.end())
    after = A._COMPONENT_HEAD.match(text, m.end)
    if after is None or not all(w[:1].isupper() for w in surface.split()):
        return m
    return m._replace(end=after.end())


def _plain_version(m: Mention, text: str) -> Mention:
    """``_with_version`` as it was before its cheap tests (the reference)."""
    if m.type != "method" or m.name is not None:
        return m
    if m.rule.startswith("lexicon"):
        release = A._release_end(text, m.end) if text[m.start : m.start + 1].isupper() and text.startswith(" ", m.end) else m.end
        return m._replace(end=release) if release > m.end else m
    if text.startswith("++", m.end) and not text[m.end + 2 : m.end + 3].isalnum():
        m = m._replace(end=m.end + 2)
    if not text.startswith(" ", m.end):
        return m
    size = A._MODEL_SIZE.match(text, m.end)
    if size and A.is_name_shaped(text[m.start : m.end].split()[-1]):
        return m._replace(end=size.end())
    after = A._VERSION.match(text, m.end)
    if after is None and m.proposed:
        after = A._PROPOSED_VERSION.match(text, m.end)
    if after is None or not (m.proposed or A.is_name_shaped(text[m.start : m.end].split()[-1])):
        return m
    return m._replace(end=after.end())


# what follows a name: releases, versions, sizes, component words, and look-alikes (other digits, cases)
AFTER_NAME = [
    " ", "  ", " 2.0", " v2", " V3", " v1.5", " V2.0", " 7B", " 3.1 8B", " 2.5 Pro", " Pro", " Flash", " mini", " Mini", " VL", " Instruct",
    " Sonnet 4.5", " 2.5 32B Instruct", " 1.5M", " ٣", " ٣.٥", "²", " ²", " \n model", "  Networks", " MODEL", "seq-to-seq", " Nano", " ++", " Block", " Modules", " Layer", " Cell", " Unit", " model", " networks", " is", " for",
    " 5", " 12", " 2 times", "++", "%", ",", " (", ".", "\n", "-", "é", "É", "x", "Net", "GPT", "sequence-to-sequence",
    "Sequence-to-Sequence", "LSTM", "V-JEPA", "LLaDA", " achieves", " :",
]
after_name_texts = st.lists(st.sampled_from(AFTER_NAME), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(after_name_texts, st.sampled_from(["lexicon", "lexicon:narrowed", "shape:method", "named", "title"]), st.booleans(), st.sampled_from([None, "X"]))
def test_version_and_component_steps_are_their_regexes(text: str, rule: str, proposed: bool, name: str | None) -> None:
    """The first character after the space decides before any regex call: what follows can open a
    release (digit, capital, "mini"), a version or size (digit, "v"), a component word (B, M, L, U, C)."""
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 24) + 1):
            m = Mention(start, end, "method", rule, 0.9, name=name, proposed=proposed)
            assert _outcome(A._with_component_head, m, text) == _outcome(_plain_component_head, m, text)
            assert _outcome(A._with_version, m, text) == _outcome(_plain_version, m, text)


def _outcome(step, m: Mention, text: str) -> object:
    """The mention a step returns, or the kind of error it raises (a blank surface has no last word)."""
    try:
        return step(m, text)
    except IndexError as e:
        return type(e)


@settings(max_examples=300, deadline=None)
@given(after_name_texts, st.sampled_from(["lexicon", "shape:method", "named"]), st.booleans())
@example("seq-to-seq networks", "lexicon", False)
@example("seq-to-seq \n model", "lexicon", False)
@example("Gemini mini", "lexicon", False)
@example("FooNet v2.1", "shape:method", False)
def test_may_extend_lets_every_extension_through(text: str, rule: str, proposed: bool) -> None:
    """Where ``_may_extend`` says no, neither step changes the mention."""
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 24) + 1):
            if A._may_extend(text, end):
                continue
            m = Mention(start, end, "method", rule, 0.9, proposed=proposed)
            assert A._with_version(A._with_component_head(m, text), text) == m
