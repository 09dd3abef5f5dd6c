"""Where `assemble` no longer compiles a pattern per word, it finds what that pattern finds (the speed work's contract)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import assemble
from kg.extract.rules import Mention
from kg.extract.text import is_name_shaped

PIECES = ["a", "an", "An", "A", "the", "and", "or", "new", "novel", "Andes", "xA", "of", "Foo", "foo-bar", "x,", ",", "-",
          "(a", "dataset", "Datasets", "data set", "data  sets", "benchmark", "corpusx", "suite", "Net2", "_", "aa"]
SPACES = [" ", "  ", "\t", "\n", "\x1c", ""]
KIND_TEXT = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), max_size=14).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def plain(text: str, word: str) -> bool:
    return re.search(assemble._KIND_BEFORE + re.escape(word) + assemble._KIND_HEAD, text) is not None


@settings(max_examples=1500)
@given(KIND_TEXT, st.data())
def test_kind_word_is_the_per_word_pattern(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 8)))
    for word in (text[start:end], text[start:end].upper(), data.draw(st.sampled_from(PIECES))):
        assert assemble._kind_word(text, text.lower(), word) == plain(text, word), (text, word)


def test_kind_word_on_examples() -> None:
    for text, word, found in [
        ("We release an ASCII-art dataset.", "ASCII-art", True),
        ("an extensive, expertly curated Ayurveda dataset", "Ayurveda", True),
        ("a Good Terminal-Agent Benchmark", "Terminal-Agent", True),
        ("a new ImageNet dataset", "ImageNet", False),
        ("a b c d e f ImageNet dataset", "ImageNet", False),  # five modifiers
        ("a b c d e ImageNet dataset", "imagenet", True),  # four
        ("the ImageNet dataset", "ImageNet", False),
    ]:
        assert assemble._kind_word(text, text.lower(), word) is found
        assert plain(text, word) is found


def plain_purpose(text: str, title_end: int, long: str, head: str) -> str | None:
    if head == "learning" or not title_end:
        return None
    found = re.search(r"\b(?:for|[Tt]owards?)\s+(?:[\w-]+\s+){0,2}?" + re.escape(long) + r"(?=$|[\s:,.?(])", text[:title_end], re.IGNORECASE)
    return "task" if found else None


TITLE_PIECES = ["for", "For", "towards", "Toward", "Traffic", "Signal", "Control", "TA", ":", "(", "ſ", "K", "ı", "x-y", "?"]


@settings(max_examples=1000)
@given(st.lists(st.tuples(st.sampled_from(TITLE_PIECES), st.sampled_from(SPACES)), max_size=10), st.data())
def test_title_purpose_is_its_plain_form(parts: list[tuple[str, str]], data: st.DataObject) -> None:
    title = "".join(p + s for p, s in parts)
    text = title + "\n\nWe study it."
    start = data.draw(st.integers(0, len(title)))
    long = data.draw(st.one_of(st.just(title[start : start + data.draw(st.integers(1, 20))]), st.sampled_from(TITLE_PIECES)))
    for candidate in (long, long.upper(), long.lower()):
        got = assemble._title_purpose(text, len(title), candidate, "control")
        assert got == plain_purpose(text, len(title), candidate, "control"), (title, candidate)


def plain_without_title_tail(m: Mention, text: str, title_end: int) -> Mention:
    tail = assemble._TITLE_TAIL.search(text, m.start, m.end)
    if tail is None or tail.end() != m.end:
        return m
    short = text[m.start : tail.start()]
    if len(short.split()) < 2 and not is_name_shaped(short):
        return m
    pattern = re.compile(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])(?!\s+(?:neural\s+)?(?:network|model|net)s?\b)", re.IGNORECASE)
    return m._replace(end=tail.start()) if pattern.search(text, title_end) else m


NAME_PIECES = ["C-LSTM", "c-lstm", "Attention", "Sum", "Reader", "Network", "Neural", "model", "nets", "-", "_", "x", "9", "ſ", "K"]


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=4),
    st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from(SPACES)), max_size=10),
    st.sampled_from([str.lower, str.upper, str.title, str]),
    st.integers(0, 3),
    st.sampled_from(["", " ", "_", "-", "x", "9", "("]),
    st.sampled_from(["", " ", "_", "-", "x", "9", ")", " nets", " Neural Network"]),
)
def test_without_title_tail_is_its_plain_form(name: list[str], abstract: list[tuple[str, str]], case, cut: int, pre: str, post: str) -> None:
    title = " ".join(name)
    words = "".join(p + s for p, s in abstract)
    short = " ".join(name[: max(1, len(name) - cut)])  # the name without (some of) its tail, in another case
    text = title + "\n\n" + words[: len(words) // 2] + pre + case(short) + post + words[len(words) // 2 :]
    m = Mention(0, len(title), "method", "title", 0.8)
    assert assemble._without_title_tail(m, text, len(title)) == plain_without_title_tail(m, text, len(title))
