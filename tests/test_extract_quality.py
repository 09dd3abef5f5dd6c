"""Quality regression on the development gold (65 Daily Papers abstracts, GUIDELINES scoring).

The floors sit a little below what the extractor reaches, so a change that loses quality fails;
raise them when quality improves (benchmarks/quality.py prints the current scores).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.scoring import read_records, score
from kg.model import Paper

GOLD = Path(__file__).parent / "data" / "gold" / "daily-papers-sep-11.gold.jsonl"
FLOORS = {"method": 0.87, "dataset": 0.90, "metric": 0.81, "task": 0.70, "code": 0.97}


@pytest.fixture(scope="module")
def report():
    gold = read_records(GOLD)
    papers = [Paper(id=r["id"], title=r.get("title") or "", abstract=r.get("abstract") or "") for r in gold]
    predictions = [p.to_dict() for p in extract(papers, expand_acronyms=False)]
    return score(gold, predictions)


@pytest.mark.parametrize("type_", sorted(FLOORS))
def test_f1_floor(report, type_: str) -> None:
    assert report.per_type[type_].f1 >= FLOORS[type_], report.per_type[type_].to_dict()


def test_overall_and_proposed_floor(report) -> None:
    assert report.overall.f1 >= 0.81, report.overall.to_dict()
    assert report.proposed_recall >= 0.90


# The SciREX re-annotation (40 non-Daily-Papers abstracts): a check that rules generalise.
SCIREX = Path(__file__).parent / "data" / "gold" / "scirex-40.gold.jsonl"
SCIREX_FLOORS = {"method": 0.83, "dataset": 0.92, "metric": 0.82, "task": 0.73, "code": 0.97}


@pytest.fixture(scope="module")
def scirex_report():
    gold = read_records(SCIREX)
    papers = [Paper(id=r["id"], title=r.get("title") or "", abstract=r.get("abstract") or "") for r in gold]
    return score(gold, [p.to_dict() for p in extract(papers, expand_acronyms=False)])


@pytest.mark.parametrize("type_", sorted(SCIREX_FLOORS))
def test_scirex_f1_floor(scirex_report, type_: str) -> None:
    assert scirex_report.per_type[type_].f1 >= SCIREX_FLOORS[type_], scirex_report.per_type[type_].to_dict()


def test_scirex_proposed_floor(scirex_report) -> None:
    assert scirex_report.proposed_recall >= 0.81


# Records 41-70 of the same SciREX file, annotated blind as a held-out set (tests/data/gold/README.md).
# Round 6 fixed some of its errors, so its scores are no longer an unbiased estimate; the floors
# only stop regressions.
HELDOUT = Path(__file__).parent / "data" / "gold" / "scirex-heldout-30.gold.jsonl"
HELDOUT_FLOORS = {"method": 0.85, "dataset": 0.89, "metric": 0.88, "task": 0.82, "code": 0.97}


@pytest.fixture(scope="module")
def heldout_report():
    gold = read_records(HELDOUT)
    papers = [Paper(id=r["id"], title=r.get("title") or "", abstract=r.get("abstract") or "") for r in gold]
    return score(gold, [p.to_dict() for p in extract(papers, expand_acronyms=False)])


@pytest.mark.parametrize("type_", sorted(HELDOUT_FLOORS))
def test_heldout_f1_floor(heldout_report, type_: str) -> None:
    assert heldout_report.per_type[type_].f1 >= HELDOUT_FLOORS[type_], heldout_report.per_type[type_].to_dict()


def test_heldout_proposed_floor(heldout_report) -> None:
    assert heldout_report.proposed_recall >= 0.80


# Records 71-100, the second blind held-out set: scored honestly once after round 7 (method 0.575,
# dataset 0.778, metric 0.444, task 0.633, proposed 0.515); round 8 worked on its error classes,
# so these floors only stop regressions.
HELDOUT2 = Path(__file__).parent / "data" / "gold" / "scirex-heldout-2.gold.jsonl"
HELDOUT2_FLOORS = {"method": 0.77, "dataset": 0.90, "metric": 0.90, "task": 0.71}


@pytest.fixture(scope="module")
def heldout2_report():
    gold = read_records(HELDOUT2)
    papers = [Paper(id=r["id"], title=r.get("title") or "", abstract=r.get("abstract") or "") for r in gold]
    return score(gold, [p.to_dict() for p in extract(papers, expand_acronyms=False)])


@pytest.mark.parametrize("type_", sorted(HELDOUT2_FLOORS))
def test_heldout2_f1_floor(heldout2_report, type_: str) -> None:
    assert heldout2_report.per_type[type_].f1 >= HELDOUT2_FLOORS[type_], heldout2_report.per_type[type_].to_dict()


def test_heldout2_proposed_floor(heldout2_report) -> None:
    assert heldout2_report.proposed_recall >= 0.72


# Records 101-130, the third blind held-out set: scored honestly by the lead after rounds 9-11
# (method 0.663, dataset 0.764, metric 0.833, task 0.643, proposed 0.529; kg/extract/NOTES.md),
# then released for tuning in round 12, so these floors only stop regressions.
HELDOUT3 = Path(__file__).parent / "data" / "gold" / "scirex-heldout-3.gold.jsonl"
HELDOUT3_FLOORS = {"method": 0.69, "dataset": 0.87, "metric": 0.83, "task": 0.69, "code": 0.97}


@pytest.fixture(scope="module")
def heldout3_report():
    gold = read_records(HELDOUT3)
    papers = [Paper(id=r["id"], title=r.get("title") or "", abstract=r.get("abstract") or "") for r in gold]
    return score(gold, [p.to_dict() for p in extract(papers, expand_acronyms=False)])


@pytest.mark.parametrize("type_", sorted(HELDOUT3_FLOORS))
def test_heldout3_f1_floor(heldout3_report, type_: str) -> None:
    assert heldout3_report.per_type[type_].f1 >= HELDOUT3_FLOORS[type_], heldout3_report.per_type[type_].to_dict()


def test_heldout3_proposed_floor(heldout3_report) -> None:
    assert heldout3_report.proposed_recall >= 0.52
