"""Extraction engines: every engine gives the single-process result, in input order."""

from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.engines import Chunk, Spool, default_workers, open_engine
from kg.engines.cluster import DaskEngine
from kg.engines.local import InProcessEngine, ProcessPoolEngine
from kg.engines.spool import pack, unpack
from kg.engines.window import batched, ordered
from kg.errors import ConnectionFailed
from kg.ingest import read_papers

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "daily-papers-sep-11.txt"


@pytest.fixture(scope="module")
def papers():
    return list(read_papers([EXAMPLE]))


@pytest.fixture(scope="module")
def single(papers):
    with InProcessEngine() as engine:
        return list(engine.extract(papers))


@pytest.fixture(scope="module")
def pool():
    # Small batches: many round trips through the window, so order is really exercised.
    with ProcessPoolEngine(2, batch_size=4) as engine:
        yield engine


def test_the_example_extracts_something(single, papers):
    assert [e.paper for e in single] == papers
    assert sum(len(e.entities) for e in single) > 3 * len(papers)


def test_two_processes_give_the_single_process_result_in_order(pool, papers, single):
    assert list(pool.extract(iter(papers))) == single


def test_open_engine_picks_the_engine():
    assert isinstance(open_engine(workers=1), InProcessEngine)
    assert isinstance(open_engine(workers=3), ProcessPoolEngine) and open_engine(workers=3).workers == 3
    assert open_engine().workers == default_workers()  # one process per core by default
    assert isinstance(open_engine(workers=2, dask_address="tcp://127.0.0.1:1"), DaskEngine)
    with pytest.raises(ValueError, match="at least 1"):
        open_engine(workers=0)


def test_an_unreachable_scheduler_is_a_one_line_connection_error():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = DaskEngine(f"tcp://127.0.0.1:{port}", connect_timeout="1s")
    with pytest.raises(ConnectionFailed, match=f"Dask scheduler at tcp://127.0.0.1:{port}"):
        engine.__enter__()


def test_batched_cuts_consecutive_batches():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError):
        list(batched(range(3), 0))


def test_ordered_keeps_input_order_and_reads_input_only_a_window_ahead():
    pulled = []

    def source():
        for i in range(40):
            pulled.append(i)
            yield [i]

    def slow_first(batch):
        if batch[0] % 5 == 0:
            threading.Event().wait(0.01)  # out-of-order completion
        return [x * 10 for x in batch]

    with ThreadPoolExecutor(4) as pool:
        results = ordered(lambda b: pool.submit(slow_first, b), source(), window=3)
        first = next(results)
        assert first == [0] and len(pulled) == 3
        assert [first, *results] == [[i * 10] for i in range(40)]


def test_ordered_cancels_pending_work_when_a_batch_fails():
    submitted = []

    def work(batch):
        if batch == [2]:
            raise RuntimeError("bad batch")
        return batch

    with ThreadPoolExecutor(1) as pool:

        def submit(batch):
            future = pool.submit(work, batch)
            submitted.append(future)
            return future

        with pytest.raises(RuntimeError, match="bad batch"):
            list(ordered(submit, ([i] for i in range(100)), window=4))
    assert len(submitted) < 10


def test_chunks_are_the_results_batched_and_packed(pool, papers, single):
    chunks = list(pool.extract_chunks(papers))
    assert [len(c.papers) for c in chunks] == [4] * (len(papers) // 4) + ([len(papers) % 4] if len(papers) % 4 else [])
    assert [p for c in chunks for p in c.papers] == single
    assert all(unpack(c.packed) == c.papers for c in chunks)
    with InProcessEngine(batch_size=4) as engine:
        assert [p for c in engine.extract_chunks(papers) for p in c.papers] == single


def test_the_spool_gives_back_every_paper_in_order_and_leaves_no_file(tmp_path, single):
    with Spool(tmp_path) as spool:
        for batch in batched(single, 7):
            spool.add(Chunk(batch, pack(batch)))
        assert spool.papers == len(single) and spool.bytes > 0
        assert list(spool) == single
        assert list(spool) == single  # readable again for another pass
        assert list(tmp_path.iterdir()) == []


def test_extract_corpus_equals_the_in_memory_two_passes(papers):
    from kg.engines.corpus import extract_corpus
    from kg.extract import extract

    seen = []
    with extract_corpus(iter(papers), workers=1, batch_size=8, on_extracted=seen.append) as corpus:
        assert len(corpus) == len(papers) and sum(seen) == len(papers)
        resolved = list(corpus)
        assert list(corpus) == resolved
    assert resolved == extract(papers)


def test_an_error_in_a_worker_process_reaches_the_caller(papers):
    from kg.errors import KgError

    with ProcessPoolEngine(1, load_options={"kg_nonexistent": {}}) as engine:
        with pytest.raises(KgError, match="unknown pipeline component"):
            list(engine.extract(papers[:2]))
