"""The learned span spotter: its candidates, exact scoring, place in the pipeline, and that the shipped
weights are what training on the committed gold gives."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_papers, load
from kg.extract.components import paper_text, sentences_of, title_end_of
from kg.extract.rules import words_of
from kg.extract.spans import RULE, Grams, SpanSpotter, TypeModel, candidates, load_spotter, span_parts
from kg.model import Paper

ROOT = Path(__file__).resolve().parent.parent
STOP = frozenset({"the", "of", "for", "and", "we", "on"})


def words(title: str, abstract: str):
    text = paper_text(title, abstract)
    return text, title_end_of(text), words_of(text, sentences_of(None, text), title_end_of(text))


def spans_of(title: str, abstract: str, max_words: int = 6) -> list[str]:
    text, _, ws = words(title, abstract)
    return [text[ws.starts[i] : ws.ends[j]] for i, j in candidates(ws, STOP, max_words)]


def test_candidates_are_runs_inside_one_phrase_with_no_function_word_at_either_end() -> None:
    found = spans_of("T", "We study detection of outliers, and the rest.")
    assert "detection of outliers" in found  # a function word inside a run is fine
    assert "study detection" in found
    assert not any(s.startswith(("of ", "the ")) or s.endswith((" of", " and")) for s in found)
    assert not any("," in s or "." in s for s in found)  # no run crosses punctuation
    assert "outliers and" not in found and "rest" in found


def test_candidates_are_at_most_max_words_long() -> None:
    assert max(len(s.split()) for s in spans_of("T", "one two three four five six seven eight", max_words=3)) == 3


def test_grams_count_each_run_of_words_in_the_text() -> None:
    text, _, ws = words("Graph reasoning", "We study graph reasoning. Graph reasoning is hard; graph models help.")
    grams = Grams(ws)
    assert grams.count(0, 1) == 3  # "graph reasoning", in any case
    assert grams.count(0, 0) == 4


def _exact(model: TypeModel, ws, text: str, title_end: int, i: int, j: int) -> float:
    z = model.bias + sum(model.weights.get(p, 0.0) for p in span_parts(ws, i, j, text, title_end, Grams(ws)))
    return 1 / (1 + math.exp(-z))


WORD = st.sampled_from(["graph", "reasoning", "the", "of", "Detection", "LLM", "Agents", "x2", "of-the-art"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=30), st.lists(st.sampled_from([" ", ", ", ". ", " ("]), min_size=30, max_size=30))
def test_scoring_is_the_logistic_regression_on_span_parts_and_skips_no_span_above_the_threshold(tokens, gaps) -> None:
    weights = {
        ("w", "graph"): 1.5, ("head", "reasoning"): 2.0, ("first", "detection"): -0.5, ("hf", "graph|reasoning"): 1.0,
        ("cnt", "2"): 0.7, ("shape", "lower"): 0.4, ("where", "title"): 0.3, ("prev", "of"): 0.2, ("n", "2"): 0.5,
    }
    model = TypeModel(weights, -2.0, 0.3)
    spotter = SpanSpotter({"task": model}, STOP, 4)
    abstract = "".join(t + g for t, g in zip(tokens, gaps))
    text, title_end, ws = words("Graph reasoning: a study", abstract)
    scored = {(i, j): p for p, i, j in spotter.probabilities("task", ws, text, title_end)}
    for i, j in candidates(ws, STOP, 4):
        p = _exact(model, ws, text, title_end, i, j)
        if p >= 0.3:
            assert math.isclose(scored[i, j], p, rel_tol=1e-9)
        else:
            assert (i, j) not in scored


def test_every_span_passing_is_scored_exactly_however_often_its_words_repeat() -> None:
    # a threshold every span passes: each is scored in full, and runs that overlap themselves
    # ("graph graph" in "graph graph graph") and lengths asked for many times are counted right
    model = TypeModel({("cnt", "1"): -0.3, ("cnt", "2"): 0.2, ("cnt", "3"): 0.6, ("digit", "1"): -0.4, ("w", "graph"): 0.1}, 0.0, 1e-6)
    spotter = SpanSpotter({"task": model, "other": TypeModel({("cnt", "3"): 1.0}, -1.0, 1e-6)}, STOP, 6)
    abstract = "graph graph graph graph x2 graph. " + "Graph graph-graph reasoning graph graph graph reasoning reasoning. " * 3
    text, title_end, ws = words("Graph reasoning: graph graph", abstract)
    scored = {(i, j): p for p, i, j in spotter.probabilities("task", ws, text, title_end)}
    assert set(scored) == set(candidates(ws, STOP, 6))
    for (i, j), p in scored.items():
        assert math.isclose(p, _exact(model, ws, text, title_end, i, j), rel_tol=1e-12)


WORDS_OF_TEXTS = st.lists(st.lists(WORD, min_size=0, max_size=12).map(" ".join), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None)
@given(WORDS_OF_TEXTS)
def test_texts_scored_together_get_the_mentions_each_gets_alone(abstracts) -> None:
    spotter = load_spotter().with_thresholds({"task": 0.05, "proposed": 0.05})
    texts = [(ws, text, title_end) for text, title_end, ws in (words("Graph reasoning: x2", a) for a in abstracts)]
    assert spotter.mentions_of_texts(texts) == [spotter.mentions(*t) for t in texts]


def test_mentions_are_the_best_non_overlapping_spans_of_each_type() -> None:
    model = TypeModel({("w", "graph"): 2.0, ("w", "reasoning"): 2.0, ("n", "1"): -1.0, ("n", "3"): -1.0}, -1.0, 0.5)
    spotter = SpanSpotter({"task": model}, STOP, 3)
    text, title_end, ws = words("T", "We study graph reasoning today.")
    found = [(text[m.start : m.end], m.rule) for m in spotter.mentions(ws, text, title_end)]
    assert found == [("graph reasoning", RULE)]  # its parts and "study graph reasoning" overlap it and score lower


def test_the_pipeline_finds_a_task_no_cue_announces() -> None:
    paper = Paper(
        id="t", title="Scaling Laws for Long-Context Reasoning",
        abstract="We study long-context reasoning in large language models and show that retrieval heads matter.",
    )
    (found,) = extract_papers([paper], load())
    (plain,) = extract_papers([paper], load(kg_spans={"thresholds": {"task": 1.0}}))  # the spotter proposes nothing
    assert [(e.name, e.rule) for e in found.entities if e.type.value == "task"] == [("Long-Context Reasoning", RULE)]
    assert not [e for e in plain.entities if e.type.value == "task"]


def test_the_shipped_spotter_scores_tasks_and_reads_its_stop_words() -> None:
    spotter = load_spotter()
    assert "task" in spotter.models and {"of", "the", "we"} <= spotter.stop


def test_the_shipped_spotter_is_what_training_on_the_committed_gold_gives() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_spans.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
