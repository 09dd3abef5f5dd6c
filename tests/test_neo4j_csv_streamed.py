"""The neo4j-admin import bundle of a streamed build: written from graph.json a line at a time, it
is the bundle the in-memory writer makes of the same graph, and `neo4j-admin` imports it."""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from neo4j_support import ROOT
from test_neo4j_csv import INSTANCE, neo4j_script, readme_command

from kg.errors import InputError
from kg.export import neo4j_csv_stream
from kg.export.files import load_graph
from kg.export.neo4j import graph_import_id
from kg.export.neo4j_csv import write_bundle
from kg.export.neo4j_csv_stream import ExternalSort, StreamedGraphJson, is_streamed_graph_json, write_streamed_bundle
from kg.pipeline import EXPORTERS, build

EXAMPLE = ROOT / "examples" / "daily-papers-sep-11.txt"
AT = datetime(2025, 9, 11, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> tuple[Path, Path, object]:
    """The bundled example built in memory and streamed (`--stream-above 10`), every exporter
    named (a streamed build writes the bundle only when asked: tests/test_scale_build.py)."""
    root = tmp_path_factory.mktemp("example")
    build([EXAMPLE], root / "memory")
    streamed = build([EXAMPLE], root / "streamed", stream_above=10, exporters=list(EXPORTERS))
    return root / "memory", root / "streamed", streamed


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def tables(bundle: Path, *, drop_communities: bool) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Every table of a bundle as (header, rows); without the Import's time, and optionally
    without what depends on the communities (the Community nodes, IN_COMMUNITY, `community`)."""
    out = {}
    for header_file in sorted(bundle.rglob("*.header.csv")):
        name = str(header_file.relative_to(bundle)).removesuffix(".header.csv")
        if drop_communities and "Community" in name:
            continue
        header = header_file.read_text(encoding="utf-8").strip().split(",")
        with open(header_file.with_name(f"{Path(name).name}.csv"), encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        dropped = {"at:datetime", "community:long"} if drop_communities else {"at:datetime"}
        keep = [i for i, h in enumerate(header) if h not in dropped]
        out[name] = ([header[i] for i in keep], [[row[i] for i in keep] for row in rows])
    return out


def test_a_streamed_build_writes_the_bundle_and_says_so(example):
    _, streamed, result = example
    assert (streamed / "neo4j" / "README.md").is_file() and (streamed / "neo4j" / "nodes" / "Paper.csv").is_file()
    assert is_streamed_graph_json(streamed / "graph.json")
    assert not any("neo4j" in note for note in result.notes), result.notes
    assert any("skipped graphml, gexf" in note for note in result.notes), result.notes


def test_the_streamed_bundle_is_the_in_memory_bundle_of_the_same_graph(example, tmp_path):
    _, streamed, _ = example
    in_memory = write_bundle(load_graph(streamed), tmp_path / "memory", at=AT)
    from_lines = write_streamed_bundle(streamed / "graph.json", tmp_path / "lines", at=AT)
    assert files(from_lines) == files(in_memory)
    assert len(files(in_memory)) > 30


def test_a_streamed_build_and_an_in_memory_build_write_the_same_bundle_but_communities(example):
    memory, streamed, _ = example
    # same files, headers, ID spaces, types, rows in the same order and README (import command)
    assert tables(streamed / "neo4j", drop_communities=True) == tables(memory / "neo4j", drop_communities=True)
    assert (streamed / "neo4j" / "README.md").read_text() == (memory / "neo4j" / "README.md").read_text()
    assert (streamed / "neo4j" / "schema.cypher").read_text() == (memory / "neo4j" / "schema.cypher").read_text()
    # the communities differ (igraph's Louvain when streamed) but are written the same way
    for bundle in (memory / "neo4j", streamed / "neo4j"):
        whole = tables(bundle, drop_communities=False)
        header, rows = whole["nodes/Community"]
        assert header[:3] == [":ID(Community)", ":LABEL", "id:long"] and "top_entity_names:string[]" in header
        ids = {row[0] for row in rows}
        members = [row for name, (_, r) in whole.items() if name.endswith("-IN_COMMUNITY-Community") for row in r]
        assert members and {row[1] for row in members} <= ids
        assert len(members) == sum(
            1 for name, (h, r) in whole.items() if name.startswith("nodes/") for row in r
            if "community:long" in h and row[h.index("community:long")] in ids
        )  # fmt: skip
    assert (streamed / "neo4j" / "nodes" / "Community.header.csv").read_text() == (
        memory / "neo4j" / "nodes" / "Community.header.csv"
    ).read_text()


def test_the_import_id_is_the_in_memory_one_when_sorted_in_chunks(example, monkeypatch):
    _, streamed, _ = example
    monkeypatch.setattr(neo4j_csv_stream, "SORT_CHUNK", 7)
    source = StreamedGraphJson(streamed / "graph.json")
    for _ in source.nodes():
        pass
    for _ in source.edges():
        pass
    assert source.import_id() == graph_import_id(load_graph(streamed))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab\\\n\0é\r"), max_size=6)), st.integers(1, 5))
def test_external_sort_sorts_like_sorted(items, chunk):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        sorter = ExternalSort(folder, chunk)
        for item in items:
            sorter.add(item)
        assert list(sorter) == sorted(items)


def test_kg_export_neo4j_csv_reads_a_streamed_output(example, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    _, streamed, _ = example
    result = CliRunner().invoke(cli, ["export", "neo4j-csv", str(streamed), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert tables(tmp_path / "b", drop_communities=False) == tables(streamed / "neo4j", drop_communities=False)
    again = CliRunner().invoke(cli, ["export", "neo4j-csv", str(streamed)])
    assert again.exit_code == 1 and "already exists; pass --force" in again.output


def test_a_node_whose_kind_is_not_its_id_is_refused_with_its_line(example, tmp_path):
    _, streamed, _ = example
    lines = (streamed / "graph.json").read_text(encoding="utf-8").splitlines(keepends=True)
    node = json.loads(lines[3].rstrip(",\n"))
    lines[3] = json.dumps({**node, "kind": "Dataset" if node["kind"] != "Dataset" else "Task"}) + ",\n"
    (tmp_path / "graph.json").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"graph\.json.*4.*has kind"):
        write_streamed_bundle(tmp_path / "graph.json", tmp_path / "neo4j")
    assert not (tmp_path / "neo4j").exists()


def bundle_counts(bundle: Path) -> tuple[int, int, int]:
    """Nodes, relationships and properties (non-empty property cells) in a bundle's files."""
    totals = {"nodes": 0, "relationships": 0, "properties": 0}
    for header_file in bundle.rglob("*.header.csv"):
        header = header_file.read_text(encoding="utf-8").strip().split(",")
        properties = [i for i, column in enumerate(header) if not column.startswith(":")]
        with open(header_file.with_name(header_file.name.replace(".header", "")), encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        totals[header_file.parent.name] += len(rows)
        totals["properties"] += sum(1 for row in rows for i in properties if row[i] != "")
    return totals["nodes"], totals["relationships"], totals["properties"]


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_admin_imports_the_streamed_bundle_of_the_example(example):
    """The import alone (no server started): every node, relationship and property of the files
    is imported. That the database equals a Bolt push is tested on the in-memory bundle
    (tests/test_neo4j_csv.py), which the streamed one equals byte for byte (above)."""
    _, streamed, _ = example
    bundle = streamed / "neo4j"
    neo4j_script("reset", "--instance", INSTANCE)
    try:
        done = neo4j_script("admin", "--instance", INSTANCE, *readme_command(bundle)[1:], cwd=bundle)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert "IMPORT DONE" in done.stdout
        imported = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties", done.stdout)
        assert imported, done.stdout[-2000:]
        assert tuple(map(int, imported.groups())) == bundle_counts(bundle)
    finally:
        neo4j_script("reset", "--instance", INSTANCE)
