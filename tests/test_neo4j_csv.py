"""The neo4j-admin import bundle: golden files, and a real `neo4j-admin database import` into a
fresh database (a second server started by scripts/neo4j) that must equal a Bolt push."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from neo4j_support import DATA, ROOT, counts, graph, snapshot

from kg.errors import OutputError
from kg.export.neo4j import connect, push
from kg.export.neo4j_csv import ARRAY_DELIMITER, README, write_bundle

GOLDEN = DATA / "golden-bundle"
AT = datetime(2025, 9, 11, 12, 0, tzinfo=UTC)
SCRIPT = ROOT / "scripts" / "neo4j"
INSTANCE = "kg-test-bulk"

pytest_plugins = ["neo4j_fixtures"]  # db, neo4j_driver


def files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bundle_matches_the_golden_files(tmp_path):
    bundle = write_bundle(graph("day1"), tmp_path / "neo4j", at=AT)
    if os.environ.get("KG_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(bundle, GOLDEN)
    assert files(bundle) == files(GOLDEN)


def test_headers_have_id_spaces_types_and_arrays(tmp_path):
    bundle = write_bundle(graph("day1"), tmp_path / "neo4j", at=AT)
    paper = (bundle / "nodes" / "Paper.header.csv").read_text().strip().split(",")
    assert paper[:3] == [":ID(Paper)", ":LABEL", "id:string"]
    assert {"authors:string[]", "categories:string[]", "community:long", "title:string"} <= set(paper)
    method = (bundle / "nodes" / "Method.header.csv").read_text().strip().split(",")
    assert {"paper_count:long", "first_seen:string", "first_import:string"} <= set(method)
    uses = (bundle / "relationships" / "Paper-USES-Method.header.csv").read_text().strip().split(",")
    assert uses[:3] == [":START_ID(Paper)", ":END_ID(Method)", ":TYPE"]
    assert {"confidence:double", "start:long", "end:long", "evidence:string"} <= set(uses)
    authors = (bundle / "nodes" / "Paper.csv").read_text(encoding="utf-8")
    assert f'"Zoë O\'Brien{ARRAY_DELIMITER}José ""Pepe"" Núñez{ARRAY_DELIMITER}李 伟"' in authors


def test_an_existing_bundle_is_replaced_only_when_asked(tmp_path):
    target = tmp_path / "neo4j"
    write_bundle(graph("day1"), target, at=AT)
    (target / "mine.txt").write_text("keep")
    with pytest.raises(OutputError, match="already exists"):
        write_bundle(graph("day1", "day2"), target)
    assert (target / "mine.txt").exists()
    write_bundle(graph("day1", "day2"), target, overwrite=True)
    assert not (target / "mine.txt").exists() and "2509.00010" in (target / "nodes" / "Paper.csv").read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["neo4j"]  # no staging folder left behind


def readme_command(bundle: Path) -> list[str]:
    """The import command exactly as README.md gives it."""
    text = (bundle / README).read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```bash\n(.*?)```", text, re.S) if "neo4j-admin database import" in b]
    return shlex.split(block.replace("\\\n", " "))  # a shell drops backslash-newline


def neo4j_script(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.neo4j
@pytest.mark.slow
def test_bulk_import_equals_a_bolt_push(db, tmp_path):
    G = graph("day1")
    bundle = write_bundle(G, tmp_path / "neo4j")
    command = readme_command(bundle)
    assert command[:5] == [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "--nodes=nodes/Paper.header.csv,nodes/Paper.csv",
    ]

    push(G, db)
    pushed = counts(db), snapshot(db)

    neo4j_script("reset", "--instance", INSTANCE)
    try:
        done = neo4j_script("admin", "--instance", INSTANCE, *command[1:], cwd=bundle)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert "IMPORT DONE" in done.stdout
        started = neo4j_script("start", "--instance", INSTANCE)
        assert started.returncode == 0, started.stderr
        env = dict(
            line.removeprefix("export ").split("=", 1)
            for line in neo4j_script("env", "--instance", INSTANCE).stdout.splitlines()
        )
        env = {k: shlex.split(v)[0] for k, v in env.items()}
        with connect(env["NEO4J_URI"], (env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"])) as imported:
            assert (counts(imported), snapshot(imported)) == pushed
            again = push(G, imported)  # kg push on top of the import: schema added, nothing new
            assert again.nodes_created == again.relationships_created == 0
            assert (counts(imported), snapshot(imported)) == pushed
    finally:
        neo4j_script("reset", "--instance", INSTANCE)
