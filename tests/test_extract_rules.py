"""Behaviour of single extraction rules on short, made-up abstracts (one rule per test)."""

from __future__ import annotations

import pytest

from kg.extract import extract_papers, load
from kg.model import Paper, entity_key


@pytest.fixture(scope="module")
def nlp():
    return load()


def found(nlp, title: str, abstract: str) -> dict[str, tuple[str, bool]]:
    """entity key -> (type, proposed) for one paper."""
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    return {entity_key(e.name): (e.type.value, e.proposed) for e in paper.entities}


def test_curated_method_list_overrides_papers_with_code_task_and_dataset_lists(nlp) -> None:
    got = found(nlp, "A study", "We pre-train with self-supervised learning and compare with CLIP and an MLP.")
    assert got[entity_key("self-supervised learning")][0] == "method"
    assert got[entity_key("CLIP")][0] == "method"
    assert got[entity_key("MLP")][0] == "method"


def test_software_libraries_and_products_are_not_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Our code is based on PyTorch / SnnLib and runs on an AWS Lambda cluster. "
        "Unlike frameworks like TensorFlow or MegaFlow, FooNet is deployed in the ByteCloud Recommend product.",
    )
    for name in ("PyTorch", "SnnLib", "AWS", "TensorFlow", "MegaFlow", "ByteCloud"):
        assert entity_key(name) not in got, name
    assert got[entity_key("FooNet")][0] == "method"


def test_named_phenomenon_given_an_acronym_is_a_task_not_a_method(nlp) -> None:
    got = found(
        nlp,
        "On numerical stability",
        "Floating point errors in the Softmax function, which we refer to as Softmax Collapse (SC), prevent learning. "
        "We mitigate exposure bias in diffusion models.",
    )
    assert got[entity_key("Softmax Collapse")] == ("task", False)


def test_verbs_and_evaluative_adjectives_do_not_start_a_phrase(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "They adopt inappropriate reconstruction targets. Caching is used to minimize errors and "
        "ensures high-quality end-to-end generation.",
    )
    assert not [k for k in got if k.startswith(("adopt", "minimize", "ensure", "inappropriate"))]
