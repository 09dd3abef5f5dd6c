"""The README's promises: two quick-start commands, CI running exactly the test one, a Python example that runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _code_blocks(text: str, lang: str) -> list[str]:
    return [b.strip() for b in re.findall(rf"```{lang}\n(.*?)```", text, re.S)]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _code_blocks(_section("Quick start"), "bash")
    assert commands == [
        "pip install . && kg build examples/daily-papers-sep-11.txt -o out/",
        "bash scripts/test",
    ]
    assert (ROOT / "examples" / "daily-papers-sep-11.txt").is_file()


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = _code_blocks(_section("Quick start"), "bash")[1]
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == 1
    assert shlex.split(lines[0]) in (shlex.split(test_command), ["exec", *shlex.split(test_command)])


def test_every_command_in_the_table_exists() -> None:
    from kg.cli import COMMANDS

    named = set(re.findall(r"^\| `kg ([a-z-]+)", _section("Commands"), re.M))
    assert named and named <= set(COMMANDS)


@pytest.mark.slow
def test_python_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (example,) = _code_blocks(_section("Python"), "python")
    monkeypatch.chdir(ROOT)
    exec(compile(example, "README.md", "exec"), {})
    lines = capsys.readouterr().out.splitlines()
    assert lines and "EfficientTDNN" in lines[0] and "VoxCeleb" in lines[0]
