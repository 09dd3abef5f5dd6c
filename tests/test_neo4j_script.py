"""scripts/neo4j, the server manager of the tests: its answers for instances that do not run, and
bad arguments. (Starting, importing into and stopping a second instance: tests/test_neo4j_csv.py.)"""

from __future__ import annotations

import subprocess

from neo4j_support import ROOT

SCRIPT = ROOT / "scripts" / "neo4j"


def neo4j(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=60, env=env)


def test_status_of_a_stopped_instance_exits_3():
    done = neo4j("status", "--instance", "never-started")
    assert done.returncode == 3 and "(never-started): stopped" in done.stdout


def test_env_of_a_stopped_instance_fails_saying_how_to_start_it():
    done = neo4j("env", "--instance", "never-started")
    assert done.returncode == 1 and done.stdout == ""
    assert "not running; start it with `bash scripts/neo4j start --instance never-started`" in done.stderr


def test_stopping_a_stopped_instance_is_fine():
    assert neo4j("stop", "--instance", "never-started").returncode == 0


def test_bad_instance_names_and_commands_are_refused():
    bad = neo4j("status", "--instance", "../../etc")
    assert bad.returncode == 1 and "bad instance name" in bad.stderr
    unknown = neo4j("launch")
    assert unknown.returncode == 1 and "unknown command 'launch'" in unknown.stderr and "Usage:" in unknown.stderr


def test_help_lists_every_command():
    done = neo4j("help")
    assert done.returncode == 0
    for command in ("fetch", "start", "stop", "status", "env", "admin", "reset"):
        assert f"  {command}" in done.stderr
