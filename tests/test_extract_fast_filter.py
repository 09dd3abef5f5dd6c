"""The filter's scoring (weights looked up by feature parts) is the plain sum of the weights of ``features``."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.filter import SCORED_TYPES, EntityFilter, features, load_filter
from kg.extract.text import TITLE_SEPARATOR

NAME = st.text(alphabet="aZ9²-_ .:/=İΣé", min_size=1, max_size=16)
TEXT = st.text(alphabet="aZ9²-_ .:/=İΣé\n", max_size=60)


def plain_probability(model: EntityFilter, entity: dict, text: str, title_end: int) -> float:
    z = model.bias + sum(model.weights.get(f, 0.0) for f in features(entity, text, title_end))
    return 1.0 / (1.0 + math.exp(-z))


@settings(max_examples=400)
@given(
    st.sampled_from([*SCORED_TYPES, "code"]),
    NAME,
    st.one_of(st.none(), st.sampled_from(["head:dataset", "lexicon", "acronym:long", "x/y:z", ""])),
    st.sampled_from(["abstract", "title", None]),
    st.booleans(),
    st.lists(NAME, max_size=1),
    TEXT,
    TEXT,
    st.integers(0, 70),
    st.integers(0, 30),
    st.data(),
)
def test_probability_is_the_sum_over_features(t, name, rule, field, proposed, aliases, title, abstract, start, size, data) -> None:
    text = title + TITLE_SEPARATOR + abstract
    entity = {"type": t, "name": name, "proposed": proposed, "aliases": aliases}
    if rule is not None:
        entity["rule"] = rule
    if field is not None:
        entity["evidence"] = {"field": field, "start": start, "end": start + size}
    # a weight for every feature this entity has (and some it has not), so each lookup is exercised
    own = features(entity, text, len(title))
    weights = {f: data.draw(st.floats(-4, 4)) for f in own}
    weights.update({f"w={t}/zz": 1.0, f"type={t}/": 2.0, f"n={t}": 3.0})
    model = EntityFilter(weights, data.draw(st.floats(-2, 2)), {})
    assert model.probability(entity, text, len(title)) == plain_probability(model, entity, text, len(title))


def test_the_shipped_filter_scores_as_its_plain_sum() -> None:
    model = load_filter()
    title, abstract = "Deep Residual Learning", "We train ResNet-50 on ImageNet and report top-1 accuracy of 76.1% on image classification."
    text = title + TITLE_SEPARATOR + abstract
    for t, name in [("method", "ResNet-50"), ("dataset", "ImageNet"), ("metric", "top-1 accuracy"), ("task", "image classification")]:
        start = abstract.index(name)
        entity = {"type": t, "name": name, "rule": "lexicon", "proposed": False, "aliases": [],
                  "evidence": {"field": "abstract", "start": start, "end": start + len(name)}}
        assert model.probability(entity, text, len(title)) == plain_probability(model, entity, text, len(title))
