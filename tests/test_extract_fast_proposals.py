"""The proposal rules' scans rewritten for speed match exactly what their patterns match (the speed work's contract)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import rules
from kg.extract.scan import folded


def _found(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _plain(pattern, s: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return _found(pattern.pattern.finditer(s))


LEADS = ["and", "And", "AND", "band", "by", "By", "nearby", "also", "then", "Further", "xalso", "x", "_", "é", "\u212a", "\u017f"]
VERBS = ["propose", "Propose", "proposes", "proposing", "introduce", "introducing", "develop", "developing", "design", "designing",
         "devise", "devising", "presenting", "present", "a", "the", ""]
GAPS = [" ", " ", "  ", "\n", "\u00a0", "\t", ",", "-", ""]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LEADS), st.sampled_from(GAPS), st.sampled_from(VERBS), st.sampled_from(GAPS)), max_size=6))
def test_verb_led_scans_match_their_patterns(pieces: list[tuple[str, str, str, str]]) -> None:
    s = "".join(map("".join, pieces))
    and_intros, by_intros = rules._verb_led(s)
    assert _found(and_intros) == _plain(rules._AND_INTRO, s)
    assert _found(by_intros) == _plain(rules._BY_INTRO, s)


def test_verb_led_on_examples() -> None:
    s = ("We analyse it and introduce the X, AND  also\tdevelop Y, band propose Z, and further design W; "
         "by proposing a V, nearby developing U, By\ndevising the T, and presenting S, by  presenting our R")
    and_intros, by_intros = rules._verb_led(s)
    assert [m.group() for m in and_intros] == ["and introduce the ", "AND  also\tdevelop ", "and further design "]
    assert [m.group() for m in by_intros] == ["by proposing a ", "By\ndevising the ", "by  presenting our "]
    assert _found(and_intros) == _plain(rules._AND_INTRO, s) and _found(by_intros) == _plain(rules._BY_INTRO, s)
    trap = "and propose the \u212aernel, by introducing a X"  # a Kelvin sign: no lower-cased shortcut, the patterns run
    assert _found(rules._verb_led(trap)[0]) == _plain(rules._AND_INTRO, trap)
    assert _found(rules._verb_led(trap)[1]) == _plain(rules._BY_INTRO, trap)


INTRO_LEADS = ["we", "We", "WE", "here", "Here,", "there", "this", "This", "our", "Our", "main", "contribution", "is", "x", "_", "é",
               "called", "so-called", "recalled", "dubbed", "named", "nicknamed", "Nicknamed", "xnicknamed", "renamed", "termed",
               "determined", "coined", "referred", "to", "as", "call", "term", "name", "dub", "it", "will", "also", "paper", "work"]
INTRO_TAILS = ["propose", "proposed", "introduces", "build", "a", "the", "Foo", "X-Net", "approach", "\u017f", "\u212a", ""]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(INTRO_LEADS), st.sampled_from(GAPS), st.sampled_from(INTRO_TAILS), st.sampled_from(GAPS)), max_size=7))
def test_intro_scans_match_their_patterns(pieces: list[tuple[str, str, str, str]]) -> None:
    s = "".join(map("".join, pieces))
    low = folded(s)
    if low is None:
        return  # the caller runs the patterns themselves (``proposal_names``)
    verbs = rules._naming_verbs(low)
    assert _found(rules._intros(s, low, verbs)) == _plain(rules._INTRO, s)
    assert _found(rules._terms_this(s, verbs)) == _plain(rules._TERM_THIS, s)


def test_intro_scans_on_examples() -> None:
    s = ("Here, we propose Foo; here we introduce the Bar, a model nicknamed Baz, so-called Qux, recalled X, we call it Y, "
         "our main contribution is a Z, dubbed W and termed V (determined U), renamed T; We term this approach Chain-of-Frames")
    low = folded(s)
    verbs = rules._naming_verbs(low)
    assert [m.group() for m in rules._intros(s, low, verbs)] == [
        "Here, we propose ", "here we introduce the ", "nicknamed ", "called ", "we call it ", "our main contribution is a ",
        "dubbed ", "termed ", "We term ",
    ]
    assert _found(rules._intros(s, low, verbs)) == _plain(rules._INTRO, s)
    assert [m.group() for m in rules._terms_this(s, verbs)] == ["We term this approach "]
    assert {a for a, _, _ in rules._INTRO.anchors} == {*rules._INTRO_SEARCHED, *(n for _, n in rules._INTRO_NAMED), "here", "nicknamed"}


SUBJECT_PIECES = ["we", "We", "This paper", "this work", "this  work", "also", "propose", "introduces", "presented", "design", "a", "an",
                  "new", "novel", "News", "simple", "method", "framework", "based", "on", "the", "two", "extensions", ":", "namely,",
                  "x", "y-z", "and", '"', "“", "”", "call", "it", "\u212a", ".", ";"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SUBJECT_PIECES), st.sampled_from(GAPS)), max_size=16))
def test_subject_led_scans_match_their_patterns(pieces: list[tuple[str, str]]) -> None:
    s = "".join(map("".join, pieces))
    low = folded(s)
    if low is None:
        return  # the caller runs the patterns themselves (``proposal_names``)
    _, subjects = rules._intro_starts(s, low, rules._naming_verbs(low))
    news = rules._places(low, rules._NEW)
    for pattern in (rules._BASED_ON, rules._COLON_LIST, rules._QUOTED_INTRO):
        assert _found(pattern.finditer_at(s, subjects)) == _plain(pattern, s)
    if not (news["new"] or news["novel"]):
        assert _plain(rules._BASED_ON, s) == []
    assert rules._and_novel_core(low, news) == (rules._AND_NOVEL_CORE.search(low) is not None)
    assert _found(rules._a_new(s, news)) == _found(rules._A_NEW.finditer(s))


def test_subject_led_scans_on_examples() -> None:
    s = ('We propose a novel regularization method based on virtual adversarial loss. This paper presents two extensions: '
         'recursive-supervision and skip-connection. we also introduce "companion objective" and, a new X')
    low = folded(s)
    _, subjects = rules._intro_starts(s, low, rules._naming_verbs(low))
    assert [m.group(0)[:22] for m in rules._BASED_ON.finditer_at(s, subjects)] == ["We propose a novel reg"]
    assert [m.group(1) for m in rules._COLON_LIST.finditer_at(s, subjects)] == ["recursive-supervision and skip-connection"]
    assert [m.group(1) for m in rules._QUOTED_INTRO.finditer_at(s, subjects)] == ["companion objective"]
    for pattern in (rules._BASED_ON, rules._COLON_LIST, rules._QUOTED_INTRO):  # the anchors _intro_starts collects
        assert {a for a, _, _ in pattern.anchors} == {"we", "this "}
    assert rules._and_novel_core(low, rules._places(low, rules._NEW))


SUBJECT_WORDS = ["FastComposer", "fastComposer", "Fast-Composer", "x-Net", "-X", "X", "xY", "a_B", "é", "model", "Ω", "also", "further",
                 "ALSO", "x-also", "proposes", "introduces", "devises", "Proposes", "a", "the", "3D", "\u212a"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SUBJECT_WORDS), st.sampled_from(GAPS)), max_size=10))
def test_subjects_propose_matches_its_pattern(pieces: list[tuple[str, str]]) -> None:
    s = "".join(map("".join, pieces))
    assert _found(rules._subjects_propose(s)) == _plain(rules._SUBJECT_PROPOSES, s)


def test_subjects_propose_on_examples() -> None:
    s = "FastComposer proposes delayed conditioning; x-YNet also\tintroduces a Z, our model devises the W, ALSO further proposes an X"
    assert [m.group() for m in rules._subjects_propose(s)] == ["FastComposer proposes ", "x-YNet also\tintroduces a ", "ALSO further proposes an "]
    assert _found(rules._subjects_propose(s)) == _plain(rules._SUBJECT_PROPOSES, s)
