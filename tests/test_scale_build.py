"""`kg build` at scale: every engine gives the same output, and large corpora stream to disk."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export.files import ENTITIES_JSONL, GRAPH_JSON, PAPERS_JSONL, load_graph
from kg.pipeline import _expected_records

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "daily-papers-sep-11.txt"
GEXF_DATE = re.compile(rb'lastmodifieddate="[0-9-]+"')


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of a build (GEXF's date of writing blanked)."""
    return {p.name: GEXF_DATE.sub(b"", p.read_bytes()) for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("single") / "out"
    result = run("build", EXAMPLE, "-o", out, "--workers", "1")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def dask_address():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_two_worker_processes_write_exactly_the_single_process_build(single, tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path / "out", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path / "out") == snapshot(single)


@pytest.mark.slow
def test_a_two_worker_dask_cluster_writes_exactly_the_single_process_build(single, dask_address, tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path / "out", "--dask", dask_address)
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path / "out") == snapshot(single)

    from distributed import Client

    with Client(dask_address, set_as_default=False) as client:  # each worker loaded the pipeline once
        loaded = client.run(lambda: len(sys.modules["kg.extract.pipeline"]._loaded))
    assert sorted(loaded.values()) == [1, 1]


def test_a_large_corpus_streams_the_same_records_and_graph_to_disk(single, tmp_path):
    out = tmp_path / "out"
    result = run("build", EXAMPLE, "-o", out, "--workers", "1", "--stream-above", "10")
    assert result.exit_code == 0, result.output
    assert "graph streamed to disk" in result.stderr and "skipped graphml, gexf" in result.stderr
    names = {p.name for p in out.iterdir()}
    assert {PAPERS_JSONL, ENTITIES_JSONL, GRAPH_JSON, "view.html"} <= names
    assert not names & {"graph.graphml", "graph.gexf", "neo4j"}
    assert f"`kg export neo4j-csv {out}` writes it" in result.stderr  # as long again at a million papers
    for name in (PAPERS_JSONL, ENTITIES_JSONL):
        assert (out / name).read_bytes() == (single / name).read_bytes()
    streamed, full = load_graph(out), load_graph(single)
    for _, data in (*full.nodes(data=True), *streamed.nodes(data=True)):
        data.pop("community")  # found by another Louvain (tests/test_graph_sparse_communities.py)
    assert dict(streamed.nodes(data=True)) == dict(full.nodes(data=True))
    assert {(u, v): d for u, v, d in streamed.edges(data=True)} == {(u, v): d for u, v, d in full.edges(data=True)}


def test_the_progress_total_is_known_for_json_lines_inputs_only(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.ndjson"
    a.write_text('{"title": "x"}\n{"title": "y"}\n')
    b.write_text('{"title": "z"}\n')
    assert _expected_records([a, b]) == 3
    assert _expected_records([a, EXAMPLE]) is None


def test_a_scheduler_file_names_the_cluster_too(dask_address, tmp_path):
    from kg.engines.cluster import DaskEngine

    scheduler_file = tmp_path / "scheduler.json"
    scheduler_file.write_text(f'{{"address": "{dask_address}"}}')
    with DaskEngine(str(scheduler_file)) as engine:
        assert engine.workers == 2


def test_a_pipeline_that_fails_to_load_on_the_workers_fails_before_any_work(dask_address):
    from kg.engines.cluster import DaskEngine
    from kg.errors import KgError

    with pytest.raises(KgError, match="unknown pipeline component"):
        DaskEngine(dask_address, load_options={"kg_nonexistent": {}}).__enter__()


def test_a_sample_view_keeps_the_papers_most_connected_to_the_most_frequent_entities(tmp_path):
    from kg.export.stream import sample_graph, write_streamed
    from kg.extract import extract
    from kg.ingest import read_papers

    records = extract(read_papers([EXAMPLE]))
    streamed = write_streamed(records, tmp_path)
    top = streamed.table.most_frequent(5)
    G = sample_graph(tmp_path / ENTITIES_JSONL, streamed.table, entities=5, papers=10)
    papers = [n for n, kind in G.nodes(data="kind") if kind == "Paper"]
    assert len(papers) == 10

    def score(record):
        return sum(1 for e in record.entities if e.id in top)

    chosen = {r.paper.node_id for r in records if r.paper.node_id in papers}
    worst_chosen = min(score(r) for r in records if r.paper.node_id in chosen)
    assert all(score(r) <= worst_chosen for r in records if r.paper.node_id not in chosen)
