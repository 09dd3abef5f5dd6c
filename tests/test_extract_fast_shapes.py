"""Speed round 11 (pattern rules): shortcuts answer exactly as the plain forms they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import rules


def _plain_verb_slot(text: str, start: int, word: str) -> bool:
    """``rules._verb_slot`` without its suffix test: the pattern searched before every word."""
    m = rules._VERB_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    before = m.group().rstrip().lower()
    if m.group().lower().endswith(rules._PERFECT) and not word.endswith("ed"):
        return False
    return not (before.endswith("ly") and (before in rules._NOT_ADVERBS or word.endswith(("ed", "en"))))


PIECES = ["can", "Could", "WHO", "which", "in order", "order", "to", "able to ", "how to", "ably", "only", "fully", "x_ly", "truly", "ly",
          "detection", "used", "way", " ", "  ", "\n", "\t", "\u00a0", "-", "é", "\u017f", "\u212a", "İ", "that", "MUST", "a",
          "it", "We", "THEY", "have", "Has", "had", "To", ". ", "! ", "ha\u017f"]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_verb_slot_answers_like_the_pattern_before_every_position(pieces: list[str]) -> None:
    s = "".join(pieces) + " detection"
    for start in range(len(s) + 1):
        assert rules._verb_slot(s, start, "detection") == _plain_verb_slot(s, start, "detection"), (s, start)


def test_verb_slot_on_examples() -> None:
    s = "we can jointly handle person detection and, in order to increase detection, weakly supervised detection"
    starts = [i for i in range(len(s)) if s.startswith(("handle", "increase", "supervised"), i)]
    assert [rules._verb_slot(s, i, s[i:].split()[0]) for i in starts] == [True, True, False]
    assert rules._verb_slot("can \ndetection", 5, "detection") == _plain_verb_slot("can \ndetection", 5, "detection")


EVAL_PIECES = ["dataset", "Datasets", "benchmarks", "corpus", "CORPORA", "evaluation", "tested", "result", "results", "trained on",
               "training  on", "trains on", "accuracy", "outperforms", "state-of-the-art", "on", "x", "_", "-", " ", "\n", "é", "İ", "\u212a", "3"]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(EVAL_PIECES), max_size=12), st.integers(-2, 60), st.integers(-2, 90))
def test_reports_results_answers_like_the_pattern(pieces: list[str], start: int, end: int) -> None:
    s = "".join(pieces)
    start, end = max(start, 0), max(end, 0)
    assert rules._reports_results(s, start, end) == (rules._EVAL_WORDS.search(s, start, end) is not None), (s, start, end)


def test_reports_results_on_examples() -> None:
    s = "We retested x_dataset and Trained on ImageNet; the datasetx is new. Results: higher accuracy"
    bounds = [(0, 37), (37, 67), (67, len(s))]
    assert [rules._reports_results(s, a, b) for a, b in bounds] == [True, False, True]
    assert [rules._EVAL_WORDS.search(s, a, b) is not None for a, b in bounds] == [True, False, True]


SOFTWARE_PIECES = ["code is based on", "built upon", "implemented in", "written with", "frameworks such as", "libraries like",
                   "toolkit including", "available for both", "available in", "PyTorch", "TensorFlow", "/", " and ", " or ", "and",
                   ",", " ", "  ", "\n", "x", "-", "é", "İ", "Foo"]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(SOFTWARE_PIECES), max_size=10), st.integers(0, 80))
def test_software_before_holds_wherever_the_pattern_matches(pieces: list[str], back: int) -> None:
    s = "".join(pieces) + "Foo"
    start = len(s) - 3
    lo = max(0, start - back)
    if rules._SOFTWARE_BEFORE.search(s[lo:start]):
        assert rules._software_before(s, lo, start), (s, lo)


def test_software_before_on_examples() -> None:
    for s, found in (("code is based on PyTorch and Foo", True), ("frameworks like Caffe/Foo", True), ("we train Foo", False),
                     ("implemented in\nFoo", True), ("the Foo", False)):
        start = s.rindex("Foo")
        assert rules._software_before(s, 0, start) is found, s
        assert bool(rules._SOFTWARE_BEFORE.search(s[:start])) is found, s


def _heads(text: str, vocab=None) -> list[rules.Mention]:
    from kg.extract.text import Sentences, sentence_bounds
    from kg.extract.vocabulary import vocabulary

    return rules.head_phrases(rules.words_of(text, Sentences(sentence_bounds(text))), text, vocab or vocabulary())


def test_head_phrases_read_remembered_modifiers_as_new_ones() -> None:
    text = "We report on the WIDER FACE validation dataset and a 3d object detection accuracy with the learning rate of recurrent networks."
    rules._MODIFIERS[1].clear()
    cold = _heads(text)
    assert _heads(text) == cold and rules._MODIFIERS[1]
    assert {text[m.start : m.end] for m in cold} >= {"WIDER FACE", "3d object detection", "object detection accuracy"}


def test_head_phrases_remember_modifiers_per_vocabulary() -> None:
    import dataclasses

    from kg.extract.vocabulary import vocabulary

    text = "We study graph clustering."
    assert [text[m.start : m.end] for m in _heads(text)] == ["graph clustering"]
    other = dataclasses.replace(vocabulary(), modifier_stop=vocabulary().modifier_stop | {"graph"})
    assert _heads(text, other) == []
    assert [text[m.start : m.end] for m in _heads(text)] == ["graph clustering"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["We", "we", "this paper", "This work", "in this study", "In this paper,", "also", "propose", "presents",
                                 "describe", "a", "an", "the", "method", "is", "are", "proposed", "x", " ", "  ", "\n", ".", "İ"]), max_size=14),
       st.integers(0, 30))
def test_fallback_cue_searches_like_its_pattern(pieces: list[str], start: int) -> None:
    s = " ".join(pieces)
    found = rules._FALLBACK_CUE.search(s, start)
    plain = rules._FALLBACK_CUE.pattern.search(s, start)
    assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))
