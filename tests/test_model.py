"""The data model: ids, the matching key, and lossless dict round trips."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kg.model import (
    Entity,
    EntityType,
    Evidence,
    ExtractedPaper,
    Field,
    Paper,
    entity_id,
    entity_key,
    paper_node_id,
)


def test_spelling_variants_share_a_key() -> None:
    assert entity_key("CIFAR-10") == entity_key("CIFAR10") == entity_key("cifar 10")
    assert entity_key("ResNet") == entity_key("Resnet") == entity_key("ResNets")
    assert entity_key("loss") == "loss"  # a double s is not a plural


def test_ids_are_typed() -> None:
    assert entity_id(EntityType.DATASET, "CIFAR-10") == "dataset:cifar10"
    assert entity_id("method", "U-Net") == "method:unet"
    assert paper_node_id("arxiv:2101.00001") == "paper:arxiv:2101.00001"


@given(st.text())
def test_entity_key_is_idempotent_on_its_output(text: str) -> None:
    key = entity_key(text)
    assert entity_key(key) == entity_key(key)  # stable
    assert key == key.strip()


def test_extracted_paper_round_trips_through_dict() -> None:
    paper = Paper(
        id="arxiv:2101.00001",
        title="A title with ε and “quotes”",
        abstract="We use CIFAR-10.",
        authors=("A. Author", "B. Author"),
        published=date(2024, 9, 11),
        source="jsonl",
        url="https://arxiv.org/abs/2101.00001",
        arxiv_id="2101.00001",
        links=("https://github.com/x/y",),
    )
    entity = Entity(
        EntityType.DATASET,
        "CIFAR-10",
        aliases=("CIFAR10",),
        evidence=Evidence(Field.ABSTRACT, 7, 15, "We use CIFAR-10."),
        confidence=0.9,
        rule="lexicon",
    )
    record = ExtractedPaper(paper, (entity,))
    assert ExtractedPaper.from_dict(record.to_dict()) == record
    assert record.to_dict()["entities"][0]["evidence"]["field"] == "abstract"
