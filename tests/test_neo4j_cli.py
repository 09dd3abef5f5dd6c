"""`kg push` and `kg export neo4j-csv` on the command line: connection options, confirmation,
one-line errors, the password kept secret, and a push killed half-way then run again."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j_support import counts, graph, papers, query, server

from kg.cli import cli
from kg.export.files import write_graph_json
from kg.graph import assign_communities, build_graph
from kg.model import ExtractedPaper, Paper

WRONG_PASSWORD = "not-the-password-Zq7$"

pytest_plugins = ["neo4j_fixtures"]  # db, neo4j_driver


def out_dir(tmp_path: Path, *names: str) -> Path:
    out = tmp_path / "out"
    write_graph_json(graph(*names), out)
    return out


def login() -> dict[str, str]:
    uri, (user, password) = server()
    return {"NEO4J_URI": uri, "NEO4J_USERNAME": user, "NEO4J_PASSWORD": password}


def kg(*args: str, env: dict[str, str | None] | None = None, input: str | None = None):
    return CliRunner().invoke(cli, list(args), env=env, input=input, prog_name="kg")


def kg_process(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.neo4j
def test_push_an_output_folder(db, tmp_path):
    result = kg("push", str(out_dir(tmp_path, "day1")), env=login())
    assert result.exit_code == 0, result.output
    assert "pushed 35 nodes and 40 relationships to bolt://" in result.stderr
    assert counts(db)["Paper"] == 8
    again = kg("push", str(out_dir(tmp_path, "day1") / "graph.json"), env=login())
    assert again.exit_code == 0 and "nothing new" in again.stderr


@pytest.mark.neo4j
def test_flags_override_the_environment(db, tmp_path):
    env = login()
    result = kg(
        "push", str(out_dir(tmp_path, "day1")), "--uri", env["NEO4J_URI"], "-u", env["NEO4J_USERNAME"],
        "--password", env["NEO4J_PASSWORD"], "--database", "neo4j", "--batch-size", "7",
        env={"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": WRONG_PASSWORD},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert env["NEO4J_PASSWORD"] not in result.output


@pytest.mark.neo4j
def test_wipe_asks_first(db, tmp_path):
    out = str(out_dir(tmp_path, "day1"))
    query(db, "CREATE (:Stranger {id: 'x'})")
    refused = kg("push", out, "--wipe", env=login(), input="n\n")
    assert refused.exit_code == 1 and "Delete every node and relationship in database 'neo4j'" in refused.output
    assert "Aborted" in refused.output and counts(db) == {"Stranger": 1}
    accepted = kg("push", out, "--wipe", env=login(), input="y\n")
    assert accepted.exit_code == 0 and "1 nodes wiped first" in accepted.stderr
    assert "Stranger" not in counts(db)
    query(db, "CREATE (:Stranger {id: 'x'})")
    unasked = kg("push", out, "--wipe", "--yes", env=login())
    assert unasked.exit_code == 0 and "Delete every" not in unasked.output and "Stranger" not in counts(db)


def test_server_down_is_one_line_naming_the_uri(tmp_path):
    uri = f"bolt://127.0.0.1:{free_port()}"
    result = kg("push", str(out_dir(tmp_path, "day1")), env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"})
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach Neo4j at {uri}")
    assert result.output.count("\n") == 1


@pytest.mark.parametrize("uri", ["http://localhost:7474", "bolt://", "not a uri"])
def test_a_wrong_uri_is_one_line_naming_it(tmp_path, uri):
    result = kg("push", str(out_dir(tmp_path, "day1")), env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"})
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and uri in result.output and result.output.count("\n") == 1


def test_credentials_in_the_uri_are_not_shown(tmp_path):
    uri = f"bolt://neo4j:{WRONG_PASSWORD}@127.0.0.1:{free_port()}"
    result = kg("push", str(out_dir(tmp_path, "day1")), env={"NEO4J_URI": uri})
    assert result.exit_code == 1 and WRONG_PASSWORD not in result.output


@pytest.mark.neo4j
def test_wrong_password_says_so_without_printing_it(db, tmp_path):
    env = {**login(), "NEO4J_PASSWORD": WRONG_PASSWORD}
    result = kg("push", str(out_dir(tmp_path, "day1")), env=env)
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: Neo4j at {env['NEO4J_URI']} refused the login of user 'neo4j': wrong username or password\n"
    )
    time.sleep(1)  # the server slows down logins after failed attempts


@pytest.mark.neo4j
def test_no_password_asks_for_one(db, tmp_path):
    env = {**login(), "NEO4J_PASSWORD": None}
    result = kg("push", str(out_dir(tmp_path, "day1")), env=env)
    assert result.exit_code == 1 and "requires a login: set NEO4J_PASSWORD" in result.output


@pytest.mark.neo4j
def test_the_password_is_never_printed_even_in_debug_logs(db, tmp_path):
    env = login()
    process = kg_process("-vv", "--debug", "push", str(out_dir(tmp_path, "day1")), env=env)
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr[-2000:]
    assert "DEBUG" in stderr and "pushed 35 nodes" in stderr  # the driver's debug log was on
    assert env["NEO4J_PASSWORD"] not in stdout + stderr
    help_text = kg("push", "--help", env=env).output
    assert "NEO4J_PASSWORD" in help_text and env["NEO4J_PASSWORD"] not in help_text


def many_papers(copies: int) -> list[ExtractedPaper]:
    """The day-1 fixture papers, ``copies`` times under other ids: enough rows to stop mid-way."""
    return [
        ExtractedPaper(
            Paper(**{**{f: getattr(p.paper, f) for f in p.paper.__slots__}, "id": f"{p.paper.id}-{i}"}), p.entities
        )
        for i in range(copies)
        for p in papers("day1")
    ]


@pytest.mark.neo4j
@pytest.mark.slow
def test_a_push_killed_half_way_completes_when_run_again_without_duplicates(db, tmp_path):
    G = build_graph(many_papers(25))
    assign_communities(G)
    out = tmp_path / "out"
    write_graph_json(G, out)
    process = kg_process("push", str(out), "--batch-size", "1", env=login())
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if query(db, "MATCH (:Paper)-[r:EVALUATES_ON]->() RETURN count(r) AS n")[0]["n"] >= 10:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the push ended before it could be interrupted"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    half = counts(db)
    assert half["EVALUATES_ON"] < sum(1 for *_, t in G.edges(data="type") if t == "EVALUATES_ON")

    rerun = kg("push", str(out), env=login())
    assert rerun.exit_code == 0, rerun.output
    wanted: dict[str, int] = {}
    for _, kind in G.nodes(data="kind"):
        wanted[kind] = wanted.get(kind, 0) + 1
    for *_, rel_type in G.edges(data="type"):
        wanted[rel_type] = wanted.get(rel_type, 0) + 1
    got = counts(db)
    assert {k: got[k] for k in wanted} == wanted
    assert got["Import"] == 1
    duplicates = query(db, "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(r) AS n WHERE n > 1 RETURN count(*) AS n")
    assert duplicates == [{"n": 0}]


@pytest.mark.neo4j
@pytest.mark.slow
def test_push_paper_files_builds_them_first(db, tmp_path):
    source = tmp_path / "papers.jsonl"
    source.write_text("".join(json.dumps(p.paper.to_dict()) + "\n" for p in papers("day1")[:6]), encoding="utf-8")
    result = kg("push", str(source), env=login())
    assert result.exit_code == 0, result.output
    assert counts(db)["Paper"] == 6
    assert query(db, "MATCH (d:Dataset) WHERE d.name IN ['ImageNet', 'VoxCeleb'] RETURN count(d) AS n") == [{"n": 2}]


def test_a_folder_without_a_graph_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    result = kg("push", str(tmp_path / "empty"), env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 1 and "no graph.json here" in result.output


def test_export_neo4j_csv_writes_the_bundle_beside_the_graph(tmp_path):
    out = out_dir(tmp_path, "day1")
    result = kg("export", "neo4j-csv", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "neo4j" / "README.md").is_file() and (out / "neo4j" / "nodes" / "Paper.csv").is_file()
    assert "import command in" in result.stderr
    again = kg("export", "neo4j-csv", str(out))
    assert again.exit_code == 1 and "already exists; pass --force" in again.output
    assert kg("export", "neo4j-csv", str(out), "--force").exit_code == 0
    elsewhere = kg("export", "neo4j-csv", str(out / "graph.json"), "-o", str(tmp_path / "bundle"))
    assert elsewhere.exit_code == 0 and (tmp_path / "bundle" / "schema.cypher").is_file()
