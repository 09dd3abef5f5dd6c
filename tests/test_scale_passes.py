"""Both passes on the workers: batch indexes merged in order, pass 2 resolved and rendered by
the workers, and the streamed outputs byte for byte those of the single-process build."""

from __future__ import annotations

import os
import pickle
from itertools import chain
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.engines.corpus import extract_corpus
from kg.engines.local import InProcessEngine, ProcessPoolEngine
from kg.engines.window import batched
from kg.export.stream import RenderedPaper, render_batch, render_paper, write_streamed
from kg.extract import CorpusIndex
from kg.ingest import read_papers
from kg.model import Entity, EntityType, ExtractedPaper, Paper

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "daily-papers-sep-11.txt"


@pytest.fixture(scope="module")
def papers():
    return list(read_papers([EXAMPLE]))


@pytest.fixture(scope="module")
def extracted(papers):
    with InProcessEngine() as engine:
        return list(engine.extract(papers))


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def paper(n: int, *entities: tuple[EntityType, str, tuple[str, ...]]) -> ExtractedPaper:
    return ExtractedPaper(
        Paper(id=f"p{n}", title=f"Paper {n}", abstract=""),
        tuple(Entity(type_, name, aliases) for type_, name, aliases in entities),
    )


def assert_same_index(merged: CorpusIndex, whole: CorpusIndex, records: list[ExtractedPaper]) -> None:
    assert merged.papers == whole.papers
    assert merged.ambiguous() == whole.ambiguous()
    for record in records:
        for expand in (True, False):
            assert merged.resolve(record, expand_acronyms=expand) == whole.resolve(record, expand_acronyms=expand)


def test_batch_indexes_merged_in_order_equal_one_index_of_every_paper(extracted):
    whole = CorpusIndex().add_all(extracted)
    merged = CorpusIndex()
    for batch in batched(extracted, 7):
        merged.merge(CorpusIndex().add_all(batch))
    assert_same_index(merged, whole, extracted)


def test_merged_indexes_break_ties_by_the_first_paper_as_one_index_does():
    M, D = EntityType.METHOD, EntityType.DATASET
    records = [
        paper(1, (M, "Resnet", ())),
        paper(2, (M, "ResNet", ()), (M, "Vision Transformer", ("ViT",))),
        paper(3, (M, "RESNET", ()), (D, "Image-Net", ())),
        paper(4, (M, "Visual Tokens", ("ViT",)), (M, "ViT", ())),  # ViT becomes ambiguous
        paper(5, (M, "ResNet", ()), (D, "Image Net", ())),
        paper(6, (M, "Resnet", ()), (M, "Big Transfer", ("BiT",))),
        paper(7, (M, "BiT", ())),
    ]
    whole = CorpusIndex().add_all(records)
    for size in (1, 2, 3):
        merged = CorpusIndex()
        for batch in batched(records, size):
            merged.merge(CorpusIndex().add_all(batch))
        assert_same_index(merged, whole, records)
        assert merged.canonical("method", "resnet") == whole.canonical("method", "resnet")
        assert merged.canonical("dataset", "imagenet") == "Image-Net"  # a tie: the first seen


def test_workers_resolve_and_render_pass_2_as_this_process_does(papers):
    with extract_corpus(iter(papers), workers=2, batch_size=8) as corpus:
        in_process = render_batch(list(corpus))
        on_workers = list(chain.from_iterable(corpus.map(render_batch)))
        assert corpus.engine._pool is None  # the workers' memory is given back after pass 2
        assert list(chain.from_iterable(corpus.map(render_batch))) == in_process  # on new workers
    assert on_workers == in_process
    with extract_corpus(iter(papers), workers=1, batch_size=8) as corpus:
        assert list(chain.from_iterable(corpus.map(render_batch))) == in_process


def test_rendered_papers_cross_processes_and_write_the_same_files(extracted, tmp_path):
    rendered = pickle.loads(pickle.dumps(render_batch(extracted)))
    assert all(isinstance(r, RenderedPaper) for r in rendered) and rendered == render_batch(extracted)
    write_streamed(extracted, tmp_path / "records")
    write_streamed(rendered, tmp_path / "rendered")
    assert snapshot(tmp_path / "rendered") == snapshot(tmp_path / "records")


def test_a_rendered_paper_counts_each_entity_once(extracted):
    record = max(extracted, key=lambda r: len(r.entities))
    rendered = render_paper(record)
    assert len(rendered.edges) == len({e[0] for e in rendered.entities}) == len(rendered.entities) > 3


def _shared_size(item: int, shared: list[int]) -> tuple[int, int, int]:
    from kg.engines import worker

    return item * 2, len(shared), len(worker._shared)


def test_map_shared_ships_the_shared_object_once_and_keeps_order():
    shared = list(range(10_000))
    with ProcessPoolEngine(2, batch_size=1) as engine:
        results = list(engine.map_shared(_shared_size, shared, range(50)))
        assert results == [(2 * i, 10_000, 1) for i in range(50)]
        again = list(engine.map_shared(_shared_size, shared[:5], range(3)))
        assert again == [(0, 5, 1), (2, 5, 1), (4, 5, 1)]  # the earlier object was let go


def test_the_shared_object_file_is_removed_after_the_map():
    from kg.engines.local import _pickled

    with _pickled({"a": 1}) as path:
        assert pickle.loads(Path(path).read_bytes()) == {"a": 1}
    assert not os.path.exists(path)


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def streamed_single(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("single") / "out"
    result = run("build", EXAMPLE, "-o", out, "--workers", "1", "--stream-above", "10")
    assert result.exit_code == 0, result.output
    return out


def test_a_streamed_build_on_two_workers_writes_exactly_the_single_process_one(streamed_single, tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path / "out", "--workers", "2", "--stream-above", "10")
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path / "out") == snapshot(streamed_single)


@pytest.mark.slow
def test_a_streamed_build_on_a_dask_cluster_writes_exactly_the_single_process_one(streamed_single, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        result = run("build", EXAMPLE, "-o", tmp_path / "out", "--dask", cluster.scheduler_address, "--stream-above", "10")
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path / "out") == snapshot(streamed_single)
