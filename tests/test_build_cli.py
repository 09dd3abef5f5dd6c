"""`kg build`, `kg stats` and `kg related` on the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

PAPERS = Path(__file__).parent / "data" / "graph" / "papers.jsonl"


def papers_file(tmp_path: Path, name: str, lines: slice) -> Path:
    path = tmp_path / name
    records = [json.loads(line) for line in PAPERS.read_text(encoding="utf-8").splitlines()][lines]
    path.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "entities"}) + "\n" for r in records), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("cli")
    result = run("build", papers_file(tmp, "all.jsonl", slice(None)), "-o", tmp / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    return tmp / "out"


def test_build_prints_a_summary_and_no_progress_bars_when_not_a_terminal(tmp_path):
    result = run("build", papers_file(tmp_path, "in.jsonl", slice(0, 4)), "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "4 papers from 1 file: 4 read, 0 skipped, 0 duplicates merged"
    assert lines[-1].startswith("4 papers (4 added), ")
    assert re.search(r"; wrote .*out/ \(entities\.jsonl, graph\.gexf, graph\.graphml, graph\.json, neo4j, papers\.jsonl[,)]", lines[-1])
    assert "\r" not in result.stderr and "it/s" not in result.stderr
    assert run("-q", "build", tmp_path / "in.jsonl", "-o", tmp_path / "quiet", "-j", "1").stderr == ""


def test_update_adds_papers(tmp_path):
    assert run("build", papers_file(tmp_path, "day1.jsonl", slice(0, 10)), "-o", tmp_path / "out", "-j", "1").exit_code == 0
    result = run("build", "--update", tmp_path / "out", papers_file(tmp_path, "day2.jsonl", slice(8, 12)), "-j", "1")
    assert result.exit_code == 0, result.output
    assert "12 papers (2 added, 10 unchanged)" in result.stderr
    result = run("build", "--update", tmp_path / "out", tmp_path / "day2.jsonl", "-j", "1")
    assert "12 papers (12 unchanged)" in result.stderr


def test_min_confidence_builds_a_sparser_graph_of_only_the_entities_the_extractor_is_sure_of(tmp_path, built):
    result = run("build", papers_file(tmp_path, "all.jsonl", slice(None)), "-o", tmp_path / "out", "-j", "1", "--min-confidence", "0.8")
    assert result.exit_code == 0, result.output

    def confidences(out: Path) -> list[float]:
        lines = (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
        return [e["confidence"] for line in lines for e in json.loads(line)["entities"]]

    everything, sure = confidences(built), confidences(tmp_path / "out")
    assert min(sure) >= 0.8 and min(everything) < 0.8
    assert len(sure) == sum(c >= 0.8 for c in everything)  # the same entities, the less sure ones dropped
    assert run("build", tmp_path / "all.jsonl", "-o", tmp_path / "bad", "--min-confidence", "1.5").exit_code == 2


def test_build_needs_somewhere_to_write(tmp_path):
    result = run("build", papers_file(tmp_path, "in.jsonl", slice(0, 1)))
    assert result.exit_code == 2 and "give -o OUT/" in result.stderr
    result = run("build", tmp_path / "in.jsonl", "-o", tmp_path / "a", "--update", tmp_path / "b")
    assert result.exit_code == 2 and "give the folder once" in result.stderr


def test_build_refuses_a_folder_of_other_files(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("build", papers_file(tmp_path, "in.jsonl", slice(0, 1)), "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "pass --force" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_exporters():
    result = run("build", "--list-exporters")
    assert result.exit_code == 0
    assert result.stdout.split()[:3] == ["graph-json", "graphml", "gexf"]


def test_stats_text(built):
    result = run("stats", built)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("12 papers, ")
    assert "top dataset by papers:" in result.stdout
    assert "VoxCeleb" in result.stdout
    assert "communities (" in result.stdout


def test_stats_json_matches_the_graph(built):
    result = run("stats", built, "--json", "-n", "2", "--by", "centrality")
    record = json.loads(result.stdout)
    assert record["papers"] == 12
    assert record["top_entities_by"] == "centrality"
    assert all(len(v) <= 2 for v in record["top_entities"].values())
    assert [c["id"] for c in record["community_list"]] == list(range(record["communities"]))


def test_stats_of_a_folder_without_graph(tmp_path):
    result = run("stats", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "no graph.json here" in result.stderr


def test_related_text(built):
    result = run("related", built, "ecapa-tdnn")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ECAPA-TDNN: Emphasized Channel Attention") and lines[0].endswith("[ecapa-tdnn]")
    assert lines[1].split()[0] == "1." and lines[1].endswith("[efficient-tdnn]")
    assert "VoxCeleb (dataset, 2 papers)" in lines[2]


def test_related_json_by_title(built):
    result = run("related", built, "emphasized channel attention", "--json", "-k", "1")
    record = json.loads(result.stdout)
    assert record["paper_id"] == "ecapa-tdnn"
    assert [r["paper_id"] for r in record["related"]] == ["efficient-tdnn"]
    assert "dataset:voxceleb" in [x["entity"] for x in record["related"][0]["reasons"]]


def test_related_errors_are_one_line(built):
    result = run("related", built, "grokking")
    assert result.exit_code == 1
    assert result.stderr.startswith('Error: "grokking" matches 2 papers') and result.stderr.count("\n") == 1
    assert run("related", built, "whale song").exit_code == 1
    assert run("related", built, "ecapa-tdnn", "-k", "0").exit_code == 2
