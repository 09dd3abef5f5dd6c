"""Patterns rewritten for speed match exactly what their plain forms match (the speed work's contract)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import assemble, components, results, rules, text
from kg.extract.scan import Gate, folded
from kg.extract.text import Sentences, is_title_case, sentence_bounds

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


def _plain_words_of(s: str, sentences: Sentences, title_end: int) -> list[tuple]:
    """``rules.words_of`` as first written: one match object per word, slices for everything."""
    spans = [m.span() for m in PLAIN_WORD.finditer(s)]
    spans = [(a, b - 2) if s.endswith(("'s", "’s"), a, b) else (a, b) for a, b in spans]
    starts = {b[0] for b in sentences.bounds}
    caps_free = title_end > 0 and is_title_case(s[:title_end])
    return [
        (a, b, s[a:b], s[a:b].lower(), k > 0 and s[spans[k - 1][1] : a] in rules._JOINING, a in starts, caps_free and a < title_end)
        for k, (a, b) in enumerate(spans)
    ]


@settings(max_examples=500)
@given(st.text(alphabet="aZ9_'’s+.-‐– \n\t(é1ß².!?A", max_size=60))
def test_words_of_matches_its_plain_form(s: str) -> None:
    sentences = Sentences(sentence_bounds(s))
    title_end = components.title_end_of(s)
    assert [tuple(w) for w in rules.words_of(s, sentences, title_end)] == _plain_words_of(s, sentences, title_end)


def test_words_of_possessives_and_titles() -> None:
    s = "The Dog's Tail: A Cat’s Life\n\nWe study it's  effect."
    sentences = Sentences(sentence_bounds(s))
    words = rules.words_of(s, sentences, components.title_end_of(s))
    assert [tuple(w) for w in words] == _plain_words_of(s, sentences, components.title_end_of(s))
    assert words.texts[:3] == ["The", "Dog", "Tail"] and not words[2].joined


MARK_GATE = Gate("i)", "v)", "ab;", *(f"{d})" for d in range(10)))


@settings(max_examples=500)
@given(st.text(alphabet="iv0123456789ab);( x", max_size=40), st.integers(-3, 45), st.integers(-3, 45))
def test_gate_on_a_shared_mark_answers_like_the_plain_search(s: str, pos: int, endpos: int) -> None:
    window = s.lower()[max(pos, 0) : max(endpos, 0)]
    for gate in (MARK_GATE, Gate("i)", "v)", *(f"{d})" for d in range(10)))):
        assert gate.within(s, pos, endpos) == any(literal in window for literal in gate.literals)


def test_gate_looks_at_its_mark() -> None:
    gate = Gate("i)", "v)", *(f"{d})" for d in range(10)))
    assert gate.mark == ")" and MARK_GATE.mark is None  # "ab;" ends otherwise
    assert gate.within("we propose (i) a loss", 0, 40) and not gate.within("we propose (i) a loss", 13, 40)
    assert not gate.within("a (b) c", 0, 7)


PLAIN_TERM_THIS = re.compile(r"\b(?:[Ww]e|and)\s+(?:term|dub|call|name)(?:ed)?\s+(?:this|that|the|our|these|such|each)\s+(?:[a-z][\w-]*\s+){0,3}(?=[A-Z])")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["We", "we", "and", "term", "dubbed", "called", "name", "this", "the", "model", "X-Net", "Awe", "band", ",", "\n"]), max_size=14))
def test_term_this_scan_matches_its_plain_form(words: list[str]) -> None:
    s = " ".join(words)
    assert _found(rules._TERM_THIS, s) == _found(PLAIN_TERM_THIS, s)
    assert [(m.span(), m.groups()) for m in rules._terms_this(s)] == _found(PLAIN_TERM_THIS, s)


def test_term_this_is_anchored() -> None:
    assert rules._TERM_THIS.anchors is not None
    s = "We term this approach Chain-of-Frames, and name the model Foo; Swe call the X"
    assert _found(rules._TERM_THIS, s) == _found(PLAIN_TERM_THIS, s) and len(_found(PLAIN_TERM_THIS, s)) == 2
    assert [m.group() for m in rules._terms_this(s + " and\n\tcalled the X")] == ["We term this approach ", "and name the model ", "and\n\tcalled the "]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["model", "Model", "MODEL", "models", "method", "loss", "x", "3", "_", "é", ",", " ", "  ", "\n", "(", ")", "A", "Foo", "-", "K"]), max_size=16))
def test_appositions_match_the_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert _found_all(rules._appositions(s)) == _found(rules._APPOSITION.pattern, s)


def test_appositions_on_examples() -> None:
    s = "We propose a framework, Feature Multiplexing, and a loss (Focal) with our model,  X and 3model, Y; x_method (Z)"
    assert [m.group() for m in rules._appositions(s)] == ["framework, ", "loss (", "model,  "]
    assert _found_all(rules._appositions(s)) == _found(rules._APPOSITION.pattern, s)
    trap = "The \u212aernel method, Foo"  # a Kelvin sign: no lower-cased shortcut, the pattern itself runs
    assert _found_all(rules._appositions(trap)) == _found(rules._APPOSITION.pattern, trap)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["training", "Training", "GPU", "gpu", "model", "MODEL", "wall-clock", "running", "cost", "costs", "time",
                                 "Times", "hours", "speed", "size", "sizes", "runtime", " ", "  ", "\n", "\u00a0", "-", "_", "x", "3", ",", "é", "İ"]), max_size=14))
def test_resource_metrics_match_the_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert _found_all(rules._resource_metrics(s)) == _found(rules._RESOURCE_METRIC.pattern, s)


def test_resource_metrics_on_examples() -> None:
    s = "Training  costs, GPU hours and model sizes drop; xtraining time, search\ntimes, wall-clock speed, runtime cost"
    assert [m.group() for m in rules._resource_metrics(s)] == ["Training  costs", "GPU hours", "model sizes", "search\ntimes", "wall-clock speed"]
    assert _found_all(rules._resource_metrics(s)) == _found(rules._RESOURCE_METRIC.pattern, s)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["a", "an", "and", "band", ",", " ", "  ", "\n", "\u00a0", "new", "novel", "news", "x", "n"]), max_size=14))
def test_and_novel_core_answers_like_its_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert rules._and_novel_core(s) == (rules._AND_NOVEL_CORE.search(s) is not None)


def test_and_novel_core_on_examples() -> None:
    for s, found in ((", a new ", True), ("and  an\nnovel x", True), ("band a new ", True), ("a new ", False), (", a news", False),
                     (",a new ", False), (", anew ", False), (", a novel", False)):
        assert rules._and_novel_core(s) is found, s
        assert (rules._AND_NOVEL_CORE.search(s) is not None) is found, s


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["task", "Tasks", "problem", "problems", "of", "off", "the", "A", "a", "this", "Challenging", "important",
                                 "ranking", "parsing", "detection", "x", " ", "  ", "\n", "\u00a0", "-", "_", "é", "İ"]), max_size=14))
def test_task_of_scan_matches_its_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    low = folded(s)  # None with "İ": the rule then runs the pattern itself
    if low is not None:
        assert _found_all(rules.matches_at(rules._TASK_OF.pattern, s, rules._task_of_starts(low))) == _found(rules._TASK_OF.pattern, s)


def test_task_of_scan_on_examples() -> None:
    s = "the task of image parsing, a  problems\nof  graph ranking, data task of x-ranking, this tasks of"
    starts = rules._task_of_starts(s.lower())
    assert [m.group(1) for m in rules.matches_at(rules._TASK_OF.pattern, s, starts)] == ["image parsing", "graph ranking"]  # not after "data"
    assert _found_all(rules.matches_at(rules._TASK_OF.pattern, s, starts)) == _found(rules._TASK_OF.pattern, s)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["a", "an", "A", "An", "ban", "new", "novel", "New", "simple", "truly", "fully", "x_ly", "ly", "news",
                                 " ", "  ", "\n", "\u00a0", ",", "-", "é", "\u017f", "x"]), max_size=12))
def test_a_new_matches_its_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert _found_all(rules._a_new(s)) == _found(rules._A_NEW, s)


def test_a_new_on_examples() -> None:
    s = "with a new X layer, An  entirely novel Y, a simple new Z, ban new W, a news item, a new\nV, a anew U"
    assert [m.group() for m in rules._a_new(s)] == ["a new ", "An  entirely novel ", "a simple new ", "a new\n"]
    assert _found_all(rules._a_new(s)) == _found(rules._A_NEW, s)


def _found_all(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=500)
@given(st.text(alphabet="cChallenge İı aZ-", max_size=40), st.lists(st.sampled_from(["challenge", "hallenge", "task", "İ"]), max_size=3))
def test_gate_last_start_answers_like_within_to_the_end(s: str, extra: list[str]) -> None:
    gates = [rules._CHALLENGE_CUES, Gate(re.compile(r"(?i)\btask\b"), "our"), Gate(re.compile(r"i\)|ii\)"))]
    t = s + " ".join(extra)
    for gate in gates:
        last = gate.last_start(t)
        assert all(gate.within(t, pos, len(t)) == (pos <= last) for pos in range(len(t) + 1))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["model", "Model", "ResNet", "BERT", "x2", "é", "αβ", "Über", "ÉCOLE", "dKV", "İstanbul", "a"]), max_size=12))
def test_shape_hint_candidates_match_the_plain_filter(words: list[str]) -> None:
    plain = [i for i, t in enumerate(words) if not (t.isascii() and t.isalpha() and (t.islower() or t.istitle())) and rules._SHAPE_HINT.search(t)]
    for _ in range(2):  # the second time from the remembered words
        assert [i for i, t in enumerate(words) if t not in rules._NO_HINT and rules._hinted(t)] == plain


MANY = ["we call", "called", "our", "propose", "named", "build", "design", "termed", "coined", "offer"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from([*MANY, "we", "cal", " ", "OUR", "İ", "x"]), max_size=12), st.integers(-3, 90), st.integers(-3, 90))
def test_gate_alternation_on_short_stretches_answers_like_the_searches(words: list[str], pos: int, endpos: int) -> None:
    gate = Gate(*MANY)
    assert gate.alternation is not None
    t = " ".join(words)
    low = t.lower()
    plain = any(low.find(literal, max(pos, 0), max(endpos, 0)) >= 0 for literal in gate.literals)
    assert gate.within(t, pos, endpos) == (plain or "İ" in t)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["we", "call", "it", "called", "Our", "our", "OUR", "new", "the", "proposed", "Presented", "model",
                                 "classifier", "X-Net", ",", "'", "\n", "four", "İ"]), max_size=10))
def test_proposal_context_gates_hold_wherever_their_patterns_match(words: list[str]) -> None:
    before = " ".join(words) + " "
    for pattern, gate in ((rules._NAMING, rules._NAMING_CUES), (rules._PROPOSED_BEFORE, rules._PROPOSED_CUES),
                          (rules._OUR_BEFORE, rules._OUR), (rules._OUR_KIND, rules._OUR)):
        if pattern.search(before):
            assert gate.within(before, 0, len(before)), (pattern.pattern, before)


def _plain_resolve_overlaps(mentions: list[rules.Mention], text: str) -> list[rules.Mention]:
    """``assemble._resolve_overlaps`` before the rewrite: a per-character coverage map."""
    covered = bytearray(len(text) + 1)
    chosen = []
    for m in sorted(mentions, key=assemble._overlap_key):
        if covered.find(1, m.start, m.end) >= 0:
            continue
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


@settings(max_examples=500)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8), st.sampled_from(["lexicon", "acronym", "head:task", "shape:method", "cue"])), max_size=12))
def test_resolve_overlaps_keeps_what_the_coverage_map_kept(spans: list[tuple[int, int, str]]) -> None:
    mentions = [rules.Mention(s, s + n, "method", rule, 0.5) for s, n, rule in spans]
    assert assemble._resolve_overlaps(mentions, "x" * 40) == _plain_resolve_overlaps(mentions, "x" * 40)


@settings(max_examples=1000)
@given(st.text(alphabet="aZ9_'’+.-‐– \n\t(é1ß²\u0301٣", max_size=60))
def test_word_split_without_underscore_is_the_word_split(s: str) -> None:
    assert rules._word_split(s) == rules._WORD_SPLIT.split(s)
    plain = s.replace("_", " ")
    assert rules._word_split(plain) == rules._WORD_SPLIT.split(plain)
    ascii_only = plain.encode("ascii", "replace").decode()
    assert rules._word_split(ascii_only) == rules._WORD_SPLIT.split(ascii_only)


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["experiments", "Experiment", "EVALUATED", "evaluations", "tested", "trials", "case", "Case studies",
                                 "games", "Environments", "simulators", "on", "in", "across", "the", "such as", "including", "like",
                                 ":", ",", " and ", " or ", "Sokoban", "Maze", "Taxi", "Atari Seaquest", "models", " ", "  ", "\n",
                                 "x", "re", "\u017f", "İ", "é", " Sokoban, Maze, and Taxi", " Minepump and Atari Seaquest", " Go or Chess"]), max_size=14))
def test_evaluated_list_scan_matches_its_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert _found_all(rules.matches_from(rules._EVALUATED_LIST, s, rules._evaluated_list_starts)) == _found(rules._EVALUATED_LIST.pattern, s)


def test_evaluated_list_scan_on_examples() -> None:
    s = "We ran Experiments on Sokoban, Maze, and Taxi; two case studies: Minepump and Atari Seaquest; retested on Go and Chess;"
    s += " game environments, Overcooked and Minecraft; GAMES like Pong or Breakout; simulators including Habitat and Gibson."
    s += " It is evaluated on Hopper, Walker and Swimmer, tested in Doom or Quake, with trials across the Alpha and Beta."
    found = [m.group(1) for m in rules.matches_from(rules._EVALUATED_LIST, s, rules._evaluated_list_starts)]
    # not after "retested" ("Go" is too short to be listed)
    assert found == ["Sokoban, Maze, and Taxi", "Minepump and Atari Seaquest", "Overcooked and Minecraft", "Pong or Breakout", "Habitat and Gibson",
                     "Hopper, Walker and Swimmer", "Doom or Quake", "Alpha and Beta"]
    assert _found_all(rules.matches_from(rules._EVALUATED_LIST, s, rules._evaluated_list_starts)) == _found(rules._EVALUATED_LIST.pattern, s)


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["the", "number of", "error", "Accuracy", "rate", "x-y", "3d", "is", "has been", "increased", "rising",
                                 "fell", "comparison", "from", "26.6%", "5", "percent", "to", " ", "  ", "\n", ",", "."]), max_size=14))
def test_from_tail_is_found_wherever_the_from_pattern_matches(pieces: list[str]) -> None:
    s = " ".join(pieces) + " to "
    if results._FROM_BEFORE.search(s):
        assert results._FROM_TAIL.search(s)


def test_from_tail_on_examples() -> None:
    s = "instruction violations decreasing from 26.6% to "
    assert results._FROM_BEFORE.search(s).group(1) == "instruction violations" and results._FROM_TAIL.search(s)
    assert results._FROM_TAIL.search("the gap was reduced to ") is None


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(["a", "Z", "PS", "NR", "PSNR", "wang", "2017", "05", "19", "20", "7", "sample", "href", "url", "cite", "xurl",
                                 "@", "@1", "@k", "@10.", "&", "amp", ";", "{", "}", "<", "\\", "$", "^", "_", "=", "|", "#", "~", " ", "-", ".",
                                 "é", "٣", "K", "ǅ"]), max_size=8))
def test_has_markup_is_the_markup_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert assemble._has_markup.__wrapped__(s) == (assemble._MARKUP.search(s) is not None)


def test_has_markup_on_examples() -> None:
    for s, found in [("convolutional neural network", False), ("wang2017sample", True), ("PSNRPSNRx", True), ("pass@1", False),
                     ("a@b.org", True), ("R&amp;D", True), ("see \\cite", True), ("url", True), ("Curl", False), ("x_1", True)]:
        assert assemble._has_markup.__wrapped__(s) is found, s
        assert (assemble._MARKUP.search(s) is not None) is found, s

