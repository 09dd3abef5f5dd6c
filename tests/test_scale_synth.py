"""benchmarks/synth.py: deterministic, any size, realistic skew of entity frequencies."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT / "benchmarks" / "synth.py"


def _load_synth():
    spec = importlib.util.spec_from_file_location("kg_bench_synth", SYNTH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


@pytest.fixture(scope="module")
def generator():
    return synth.Generator(synth.read_example())


def test_same_seed_same_corpus_and_papers_depend_only_on_seed_and_index(generator):
    first = list(generator.papers(200, seed=7))
    assert first == list(synth.Generator(synth.read_example()).papers(200, seed=7))
    assert list(generator.papers(50, seed=7, start=150)) == first[150:]
    assert list(generator.papers(200, seed=8)) != first


def test_papers_are_complete_records_with_unique_ids(generator):
    papers = list(generator.papers(500, seed=1))
    assert len({p["id"] for p in papers}) == 500
    for p in papers:
        assert p["title"].strip() and len(p["abstract"].split(". ")) >= 2
        assert p["authors"] and p["categories"] and p["published"] >= "2012-01-01"


def test_abstracts_are_recombined_real_sentences(generator):
    real = {s for source in synth.read_example() for s in source.sentences}
    papers = list(generator.papers(100, seed=3))
    verbatim = sum(s in real for p in papers for s in synth.split_sentences(p["abstract"]))
    total = sum(len(synth.split_sentences(p["abstract"])) for p in papers)
    # Sentences without names come back word for word; the others had names refilled.
    assert 0.2 < verbatim / total < 0.95


def test_name_frequencies_are_skewed_popular_names_recur_new_names_are_rare(generator):
    names: Counter[str] = Counter()
    for paper in generator.papers(2000, seed=5):
        names.update(t for t in set(synth.TOKEN.findall(paper["abstract"])) if synth.is_name(t))
    ranked = [count for _, count in names.most_common()]
    top, median = ranked[0], ranked[len(ranked) // 2]
    assert top > 200 and top > 20 * median  # a head of popular names, a long tail
    singletons = sum(1 for c in ranked if c == 1)
    assert singletons > len(ranked) / 3  # invented names: most appear once


def test_acronym_definitions_keep_their_long_form(generator):
    texts = " ".join(p["abstract"] for p in generator.papers(300, seed=2))
    assert "Spiking Heidelberg Dataset (SHD)" in texts or "Dilated Convolution with Learnable Spacings (DCLS)" in texts


def test_cli_writes_the_same_file_for_the_same_seed(tmp_path):
    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, str(SYNTH), "--n", "30", "--seed", "4", "--example-only", "-o", str(out)],
            check=True, capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["id"] for line in outputs[0].splitlines()] == [f"synth-4-{i}" for i in range(30)]


def test_cli_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "c.jsonl"
    out.write_text("keep\n")
    result = subprocess.run(
        [sys.executable, str(SYNTH), "--n", "3", "--example-only", "-o", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 2 and "exists" in result.stderr
    assert out.read_text() == "keep\n"
