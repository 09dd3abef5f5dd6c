"""The learned keep/drop filter: what it keeps, what it reads, and that the shipped weights are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.extract import extract_papers, load
from kg.extract.components import paper_text, title_end_of
from kg.extract.filter import EntityFilter, features, load_filter
from kg.model import Paper

ROOT = Path(__file__).resolve().parent.parent
TITLE = "A study of agents"
ABSTRACT = (
    "We evaluate language models on tool use and question answering. Our agent, FooAgent, uses "
    "active learning and pruning to improve accuracy on GSM8K."
)
# a method and two tasks named in passing, beside the paper's own method, dataset and metric
PASSING_TITLE = "Faster retrieval"
PASSING = (
    "Prior work studies instruction-following and tool use. We introduce BarRAG, which combines retrieval-augmented "
    "generation with symbolic reasoning, and evaluate it on HotpotQA with exact match."
)


def record(type_: str, name: str, *, proposed: bool = False, field: str = "abstract", start: int = 0) -> dict:
    evidence = {"field": field, "start": start, "end": start + len(name), "sentence": ""}
    return {"type": type_, "name": name, "aliases": [], "proposed": proposed, "evidence": evidence, "rule": "head:x"}


def names(nlp, title: str, abstract: str) -> set[tuple[str, str]]:
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    return {(e.type.value, e.name) for e in paper.entities}


def test_apply_drops_a_filtered_type_below_its_threshold_and_nothing_else() -> None:
    model = EntityFilter({"w=method/foo": -5.0, "w=dataset/foo": -5.0}, 0.0, {"method": 0.5})
    text = paper_text(TITLE, ABSTRACT)
    records = [record("method", "Foo"), record("method", "Bar"), record("dataset", "Foo"), record("method", "Foo net", proposed=True)]
    kept = model.apply([dict(r) for r in records], text, title_end_of(text))
    assert [(r["type"], r["name"]) for r in kept] == [("method", "Bar"), ("dataset", "Foo"), ("method", "Foo net")]
    everything = model.apply([dict(r) for r in records], text, title_end_of(text), {})  # no thresholds: keep all
    assert [r["name"] for r in everything] == [r["name"] for r in records]


def test_apply_makes_the_probability_the_confidence_of_every_type_it_scores() -> None:
    model = EntityFilter({"w=method/foo": -5.0, "w=dataset/foo": -5.0}, 0.0, {})
    text = paper_text(TITLE, ABSTRACT)
    link = {**record("code", "https://github.com/x/foo"), "confidence": 0.95}
    kept = model.apply([record("method", "Foo"), record("method", "Bar"), record("dataset", "Foo"), link], text, title_end_of(text))
    assert [r["confidence"] for r in kept] == [0.0067, 0.5, 0.0067, 0.95]  # sigmoid(-5), sigmoid(0); links keep the rule's


def test_the_proposal_model_decides_which_kept_methods_are_the_papers_own_from_the_sentence_cues() -> None:
    model = EntityFilter({"scue=proposed/we": 3.0, "scue=proposed/existing": -6.0}, 0.0, {"proposed": 0.5}, proposal_bias=-1.0)
    text = paper_text(TITLE, ABSTRACT)
    def said(sentence: str) -> dict:
        return {"field": "abstract", "start": 0, "end": 3, "sentence": sentence}

    ours = {**record("method", "Foo"), "evidence": said("We propose Foo.")}
    theirs = {**record("method", "Bar", proposed=True), "evidence": said("We beat existing Bar.")}
    data = {**record("dataset", "Baz"), "proposed": False}
    kept = model.apply([dict(ours), dict(theirs), dict(data)], text, title_end_of(text))
    assert [(r["name"], r["proposed"]) for r in kept] == [("Foo", True), ("Bar", False), ("Baz", False)]
    # without a proposed threshold (the rules alone, `--no-filter`), the rules' reading stands
    kept = model.apply([dict(ours), dict(theirs)], text, title_end_of(text), {})
    assert [(r["name"], r["proposed"]) for r in kept] == [("Foo", False), ("Bar", True)]


def test_the_pipeline_confidence_is_the_filter_probability_and_min_confidence_applies_to_it() -> None:
    (paper,) = extract_papers([Paper(id="t", title=PASSING_TITLE, abstract=PASSING)], load(kg_entities={"keep_thresholds": {}}))
    text = paper_text(PASSING_TITLE, PASSING)
    shipped = load_filter()
    for e in paper.entities:
        assert e.confidence == round(shipped.probability(e.to_dict(), text, title_end_of(text)), 4)
    floor = sorted(e.confidence for e in paper.entities)[len(paper.entities) // 2]
    nlp = load(kg_entities={"keep_thresholds": {}, "min_confidence": floor})
    (sure,) = extract_papers([Paper(id="t", title=PASSING_TITLE, abstract=PASSING)], nlp)
    assert {e.name for e in sure.entities} == {e.name for e in paper.entities if e.confidence >= floor}
    assert 0 < len(sure.entities) < len(paper.entities)


def test_features_read_the_words_around_an_abstract_mention_but_not_a_title_one() -> None:
    text = paper_text(TITLE, ABSTRACT)
    start = ABSTRACT.index("active learning")
    got = features(record("task", "active learning", start=start), text, title_end_of(text))
    assert {"prev2=task/fooagent", "prev1=task/uses", "next=task/and", "head=task/learning", "count=task/1"} <= set(got)
    in_title = features(record("task", "agents", field="title", start=TITLE.index("agents")), text, title_end_of(text))
    assert not any(f.startswith(("prev", "next")) for f in in_title)


def test_the_pipeline_filters_with_the_shipped_thresholds() -> None:
    shipped = load_filter()
    assert set(shipped.thresholds) == {"method", "task", "proposed"} and shipped.proposal_bias is not None
    filtered = names(load(), PASSING_TITLE, PASSING)
    everything = names(load(kg_entities={"keep_thresholds": {}}), PASSING_TITLE, PASSING)
    assert filtered < everything
    assert {("task", "symbolic reasoning"), ("task", "tool use")} <= everything - filtered  # named in passing
    assert {("method", "BarRAG"), ("dataset", "HotpotQA"), ("metric", "exact match")} <= filtered


def test_the_shipped_filter_is_what_training_on_the_committed_gold_gives() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_filter.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
