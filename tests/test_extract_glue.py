"""How the components keep their results on the Doc: spaCy's extensions, read the fast way."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from kg.extract import load
from kg.extract.components import ENTITIES, MENTIONS, SENTENCES, TEXT, extension_key, text_of


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.mark.parametrize("name", ["kg_text", "kg_sentences", "kg_links", "kg_acronyms", "kg_mentions", "kg_entities"])
def test_extension_key_is_where_spacy_keeps_the_extension(name: str) -> None:
    doc = Doc(load().vocab, words=["x"])
    assert Underscore(Underscore.doc_extensions, doc)._get_key(name) == extension_key(name)
    setattr(doc._, name, [name])
    assert doc.user_data[extension_key(name)] == [name]


def test_components_results_are_the_doc_extensions(nlp) -> None:
    doc = nlp("Deep Residual Learning\n\nWe train a ResNet on ImageNet (IN).")
    assert doc._.kg_entities is doc.user_data[ENTITIES]
    assert {e["name"] for e in doc._.kg_entities} >= {"ResNet", "ImageNet"}
    assert doc._.kg_sentences == doc.user_data[SENTENCES] and len(doc._.kg_sentences) == 2
    assert doc._.kg_mentions is doc.user_data[MENTIONS]
    assert doc._.kg_text is None and doc.user_data[TEXT] is None  # the text cache is dropped at the end


def test_text_cache_is_filled_from_the_tokens_when_empty(nlp) -> None:
    doc = nlp.make_doc("A title\n\nAn abstract.")
    assert text_of(doc) == "A title\n\nAn abstract." == doc._.kg_text


def test_tokens_of_new_words_are_ordinary_spacy_tokens(nlp) -> None:
    """Words the vocabulary has never seen keep every lexical attribute, for components users add."""
    doc = nlp("Zqxwv Benchmark\n\nWe report MEAN AVERAGE PRECISION of 42.5 on the ZQXWV-9 split.")
    assert [t.lower_ for t in doc][:2] == ["zqxwv", "benchmark"]
    assert "mean average precision" in {e["name"].lower() for e in doc._.kg_entities}
    number = next(t for t in doc if t.text == "42.5")
    assert number.like_num and not number.is_alpha
    assert doc[0].shape_ == "Xxxxx" and doc[0].is_alpha and doc[-1].is_punct
