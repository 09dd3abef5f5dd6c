"""``kg html OUT/``: reads OUT/graph.json, writes the page, never overwrites unasked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export.files import write_graph_json
from kg.graph import build_graph
from kg.model import ExtractedPaper

DATA = Path(__file__).parent / "data" / "html"


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    with open(DATA / "daily-papers-sep-11.jsonl", encoding="utf-8") as fh:
        G = build_graph(ExtractedPaper.from_dict(json.loads(line)) for line in fh)
    write_graph_json(G, tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["html", *args], catch_exceptions=False)


def embedded(path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))


def test_writes_view_html_into_out(out: Path):
    result = run(str(out))
    assert result.exit_code == 0, result.output
    data = embedded(out / "view.html")
    assert sum(n["group"] == "Paper" for n in data["graph"]["nodes"]) == 65
    assert data["title"] == "Knowledge graph" and data["notice"] == ""
    assert f"wrote {out / 'view.html'}: 183 nodes" in result.output


def test_never_overwrites_without_force(out: Path):
    target = out / "view.html"
    target.write_text("keep me", encoding="utf-8")
    result = run(str(out))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {target} already exists (use --force to overwrite it)"
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run(str(out), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_title_and_pruning(out: Path, tmp_path: Path):
    target = tmp_path / "elsewhere" / "small.html"
    result = run(str(out), "-o", str(target), "--max-nodes", "50", "--min-degree", "2", "--title", "Sep 11")
    assert result.exit_code == 0, result.output
    data = embedded(target)
    assert data["title"] == "Sep 11" and len(data["graph"]["nodes"]) == 50
    assert "left out: 127 with fewer than 2 links (--min-degree) and 6 of the least linked" in result.output
    assert data["notice"] in result.output


def test_usage_and_input_errors(out: Path, tmp_path: Path):
    assert run(str(out), "--max-nodes", "-1").exit_code == 2
    result = run(str(tmp_path / "missing"))
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "graph.json" in result.output
