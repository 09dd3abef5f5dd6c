"""The GUIDELINES scorer: one-to-one matching, aliases, optional gold, micro averages."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.scoring import match, read_records, score


def rec(id_: str, *entities: dict) -> dict:
    return {"id": id_, "entities": list(entities)}


def ent(type_: str, name: str, **kw) -> dict:
    return {"type": type_, "name": name, **kw}


def test_alias_and_normalised_names_match() -> None:
    gold = [rec("a", ent("method", "Deep Neural Network", aliases=["DNN"]), ent("dataset", "CIFAR-10"))]
    pred = [rec("a", ent("method", "DNNs"), ent("dataset", "cifar10"))]
    report = score(gold, pred)
    assert report.overall.tp == 2 and report.overall.fp == 0 and report.overall.fn == 0


def test_one_to_one_duplicates_are_false_positives() -> None:
    gold = [rec("a", ent("method", "ResNet"))]
    pred = [rec("a", ent("method", "ResNet"), ent("method", "Resnet"))]
    c = score(gold, pred).per_type["method"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_type_must_agree() -> None:
    c = score([rec("a", ent("task", "retrieval"))], [rec("a", ent("method", "retrieval"))])
    assert (c.per_type["task"].fn, c.per_type["method"].fp) == (1, 1)


def test_optional_gold_is_neither_rewarded_nor_punished() -> None:
    gold = [rec("a", ent("metric", "accuracy", optional=True), ent("metric", "FID"))]
    assert score(gold, [rec("a", ent("metric", "Accuracy"), ent("metric", "FID"))]).per_type["metric"].fp == 0
    c = score(gold, [rec("a")]).per_type["metric"]
    assert (c.tp, c.fp, c.fn) == (0, 0, 1)
    c = score(gold, [rec("a", ent("metric", "accuracy"))]).per_type["metric"]
    assert (c.tp, c.fp, c.fn) == (0, 0, 1)


def test_matching_prefers_required_gold() -> None:
    # pred 0 could take either gold; the maximum matching gives the required one to pred 1
    keys = ["x", "x"]
    gold = [frozenset({"x"}), frozenset({"x", "y"})]
    assert sorted(match(keys, gold, [False, True]).values()) == [0, 1]
    assert match(["y"], [frozenset({"x"}), frozenset({"y"})], [True, True]) == {0: 1}


def test_augmenting_path_moves_an_earlier_match() -> None:
    # p0 matches g0 and g1, p1 only g0: the optimum is p0-g1, p1-g0
    pairs = match(["a", "b"], [frozenset({"a", "b"}), frozenset({"a"})], [True, True])
    assert pairs == {0: 1, 1: 0}


def test_micro_average_and_proposed_recall() -> None:
    gold = [
        rec("a", ent("method", "X", proposed=True), ent("method", "Y")),
        rec("b", ent("method", "Z", proposed=True)),
    ]
    pred = [rec("a", ent("method", "X", proposed=True), ent("method", "W")), rec("b", ent("method", "Z"))]
    report = score(gold, pred)
    c = report.per_type["method"]
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)
    assert c.precision == pytest.approx(2 / 3) and c.recall == pytest.approx(2 / 3)
    assert report.proposed_recall == pytest.approx(0.5)


def test_missing_prediction_counts_all_gold_as_missed() -> None:
    report = score([rec("a", ent("task", "speaker verification"))], [rec("other", ent("task", "x"))])
    assert report.per_type["task"].fn == 1 and report.per_type["task"].fp == 0
    assert report.missing_papers == ["a"]


def test_read_records_reports_file_and_line(tmp_path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "entities": []}\n{"id": "b", "entities": [{"name": "x"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:2"):
        read_records(path)
    path.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:2.*JSON"):
        read_records(path)
