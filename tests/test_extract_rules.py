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
