"""kg.pipeline.build: ingest -> extract -> graph -> exporters, updates, and safe outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KgError, OutputError
from kg.export.files import load_graph, read_extracted
from kg.pipeline import EXPORTERS, build, is_output_dir

from build_support import snapshot

PAPERS = Path(__file__).parent / "data" / "graph" / "papers.jsonl"
FILES = {"entities.jsonl", "graph.gexf", "graph.graphml", "graph.json", "papers.jsonl"}  # and other exporters' files


def papers_file(tmp_path: Path, name: str, lines: slice, change: dict | None = None) -> Path:
    """A JSON Lines input with some of the fixture papers (entities dropped: kg build extracts them)."""
    records = [json.loads(line) for line in PAPERS.read_text(encoding="utf-8").splitlines()][lines]
    path = tmp_path / name
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            record.pop("entities")
            if change and record["id"] == change["id"]:
                record.update(change)
            fh.write(json.dumps(record) + "\n")
    return path




@pytest.fixture(scope="module")
def first_six(tmp_path_factory) -> tuple[Path, Path]:
    """A build of the first six fixture papers, and the input folder."""
    tmp = tmp_path_factory.mktemp("build")
    out = tmp / "out"
    build([papers_file(tmp, "day1.jsonl", slice(0, 6))], out)
    return tmp, out


def copy_of(out: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(out, tmp_path / "out"))


def test_build_writes_every_output(first_six):
    _, out = first_six
    assert FILES <= {p.name for p in out.iterdir()}
    assert is_output_dir(out)
    G = load_graph(out)
    assert sum(1 for _, kind in G.nodes(data="kind") if kind == "Paper") == 6
    assert all("community" in data for _, data in G.nodes(data=True))
    assert "communities" in G.graph
    records = list(read_extracted(out))
    assert [r.paper.id for r in records][:2] == ["deep-networks-always-grok", "grokking-lazy-to-rich"]
    assert sum(len(r.entities) for r in records) == G.number_of_edges()


def test_result_counts_what_was_done(tmp_path):
    result = build([papers_file(tmp_path, "in.jsonl", slice(0, 3))], tmp_path / "out")
    assert (result.papers, result.added, result.updated, result.unchanged) == (3, 3, 0, 0)
    G = load_graph(tmp_path / "out")
    assert result.entities + result.papers == G.number_of_nodes()
    assert result.mentions == G.number_of_edges()
    assert [p.name for p in result.files] == sorted(p.name for p in (tmp_path / "out").iterdir())
    assert FILES <= {p.name for p in result.files}
    assert result.ingest.read == 3
    assert result.summary().startswith("3 papers (3 added), ")
    assert set(result.seconds) == {"extract", "graph", "export"}


def test_update_adds_only_new_papers(first_six, tmp_path):
    inputs, built = first_six
    out = copy_of(built, tmp_path)
    result = build([papers_file(inputs, "day2.jsonl", slice(4, 9))], out, update=True)  # papers 5-6 again, 7-9 new
    assert (result.papers, result.added, result.updated, result.unchanged) == (9, 3, 0, 6)
    ids = [r.paper.id for r in read_extracted(out)]
    assert len(ids) == len(set(ids)) == 9
    before = {r.paper.id: r for r in read_extracted(built)}
    after = {r.paper.id: r for r in read_extracted(out)}
    assert all(after[pid] == record for pid, record in before.items())  # earlier papers kept as they were
    G = load_graph(out)
    assert sum(1 for _, kind in G.nodes(data="kind") if kind == "Paper") == 9
    entity_ids = [n for n, kind in G.nodes(data="kind") if kind != "Paper"]
    assert len(entity_ids) == len(set(entity_ids))


def test_update_with_the_same_input_changes_nothing(first_six, tmp_path):
    inputs, built = first_six
    out = copy_of(built, tmp_path)
    result = build([inputs / "day1.jsonl"], out, update=True)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 6)
    assert snapshot(out) == snapshot(built)


def test_a_paper_enriched_by_a_new_copy_is_extracted_again_in_place(first_six, tmp_path):
    inputs, built = first_six
    out = copy_of(built, tmp_path)
    grok = json.loads(PAPERS.read_text(encoding="utf-8").splitlines()[0])
    longer = grok["abstract"] + " We also train a ResNet on CIFAR-100 and watch it grok."
    # the same paper, now known by its arXiv id, with a DOI and a longer abstract: merged as ingest merges
    change = {"id": "arxiv:2402.15555", "arxiv_id": "2402.15555", "doi": "10.1000/grok", "abstract": longer}
    result = build([papers_file(tmp_path, "fix.jsonl", slice(0, 1), change | {"id": grok["id"]})], out, update=True)
    assert (result.papers, result.added, result.updated, result.unchanged) == (6, 0, 1, 5)
    [first, *_] = read_extracted(out)
    assert (first.paper.doi, first.paper.abstract) == ("10.1000/grok", longer)
    copy = papers_file(tmp_path, "other-id.jsonl", slice(0, 1), change)
    copy.write_text(copy.read_text(encoding="utf-8").replace(grok["title"], grok["title"].upper()), encoding="utf-8")
    result = build([copy], out, update=True)  # another id, same title: still the same paper
    assert (result.papers, result.added) == (6, 0)


def test_a_rebuild_from_scratch_is_byte_identical(first_six, tmp_path):
    inputs, built = first_six
    build([inputs / "day1.jsonl"], tmp_path / "again")
    assert snapshot(tmp_path / "again") == snapshot(built)


def test_a_folder_that_is_not_a_kg_output_is_refused(tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.tex").write_text("precious", encoding="utf-8")
    source = papers_file(tmp_path, "in.jsonl", slice(0, 2))
    with pytest.raises(OutputError, match="not empty and not a kg build output; pass --force"):
        build([source], out)
    assert sorted(p.name for p in out.iterdir()) == ["chapter1.tex"]
    build([source], out, force=True)
    assert (out / "chapter1.tex").read_text(encoding="utf-8") == "precious"
    assert is_output_dir(out)


def test_update_needs_a_previous_build(tmp_path):
    with pytest.raises(OutputError, match="not the output of kg build"):
        build([papers_file(tmp_path, "in.jsonl", slice(0, 2))], tmp_path / "nothing", update=True)
    assert not (tmp_path / "nothing").exists()


def test_a_failing_exporter_leaves_the_output_as_it_was(first_six, tmp_path, monkeypatch):
    inputs, built = first_six
    out = copy_of(built, tmp_path)

    def broken(G, out_dir):
        (out_dir / "half.txt").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(EXPORTERS, "broken", broken)
    with pytest.raises(OSError, match="disk full"):
        build([papers_file(inputs, "day2.jsonl", slice(4, 9))], out, update=True)
    assert snapshot(out) == snapshot(built)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.kg-build-")]  # staging removed


def test_exporters_can_be_chosen(tmp_path):
    build([papers_file(tmp_path, "in.jsonl", slice(0, 2))], tmp_path / "out", exporters=["graph-json"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["entities.jsonl", "graph.json", "papers.jsonl"]
    with pytest.raises(KgError, match="unknown exporter.*: pdf; known: graph-json"):
        build([tmp_path / "in.jsonl"], tmp_path / "other", exporters=["pdf"])


def test_no_papers_is_an_error_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(KgError, match=r"empty.jsonl: file is empty"):
        build([empty], tmp_path / "out")
    with pytest.raises(KgError, match=r"no papers read from .*empty.jsonl \(1 skipped\)"):
        build([empty], tmp_path / "out", on_error="skip")
    assert not (tmp_path / "out").exists()


def test_progress_is_reported_through_the_callback(tmp_path):
    stages = []

    def progress(iterable, *, desc, total=None, unit="paper"):
        stages.append(desc)
        return iterable

    build([papers_file(tmp_path, "in.jsonl", slice(0, 2))], tmp_path / "out", progress=progress)
    assert stages == ["read + extract", "resolve", "export"]
