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


def test_components_run_over_batches_with_the_same_results_in_order() -> None:
    nlp = load()
    texts = [f"Paper {i}\n\nWe train a ResNet on ImageNet and report top-{i} accuracy." for i in range(1, 8)]
    one_by_one = [nlp(t).user_data[ENTITIES] for t in texts]
    assert [doc.user_data[ENTITIES] for doc in nlp.pipe(texts, batch_size=3)] == one_by_one


def test_a_failing_doc_in_a_batch_goes_to_the_error_handler_and_the_others_come_out() -> None:
    nlp = load()
    texts = [f"Paper {i}\n\nWe train a ResNet on ImageNet and report top-{i} accuracy." for i in range(1, 8)]
    docs = [nlp.make_doc(t) for t in texts]
    docs[4].user_data[TEXT] = 5  # not a text: kg_sentences fails on this doc
    failed = []
    nlp.set_error_handler(lambda name, proc, batch, e: failed.append((name, batch, type(e))))
    out = list(nlp.pipe(docs, batch_size=3))
    assert failed == [("kg_sentences", [docs[4]], TypeError)]
    assert out == docs[:4] + docs[5:]
    assert [doc.user_data[ENTITIES] for doc in out] == [nlp(t).user_data[ENTITIES] for i, t in enumerate(texts) if i != 4]
