"""The command line as a whole: help on every command, --version, exit codes, one-line errors.

Iterates over ``kg.cli.COMMANDS`` (and the subcommands of groups), so every command added
later is covered without editing this file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import COMMANDS, cli


def _command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        command = cli.get_command(ctx, name)
        assert command is not None, f"COMMANDS names {name!r} but it cannot be loaded"
        paths.append((name,))
        if isinstance(command, click.Group):
            paths.extend((name, sub) for sub in command.list_commands(ctx))
    return paths


COMMAND_PATHS = _command_paths()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, prog_name="kg")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=" ".join)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help(path: tuple[str, ...], flag: str) -> None:
    code, out, _ = run(*path, flag)
    assert code == 0
    assert out.startswith(f"Usage: kg {' '.join(path)}")
    summary = out.split("\n\n")[1].strip()
    assert len(summary) > 20, f"kg {' '.join(path)} needs a help text"


def test_top_level_help_lists_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in COMMANDS:
        assert f"  {name} " in out or f"  {name}\n" in out


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    code, out, _ = run(flag)
    assert code == 0 and out.strip() == f"kg, version {__version__}"


def test_unknown_command_is_a_usage_error() -> None:
    code, _, err = run("no-such-command")
    assert code == 2 and err.strip().splitlines()[-1].startswith("Error: No such command")


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=" ".join)
def test_unknown_option_is_a_usage_error(path: tuple[str, ...]) -> None:
    code, _, err = run(*path, "--no-such-option")
    assert code == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("Error: No such option") and "--no-such-option" in last


def test_missing_required_arguments_are_usage_errors() -> None:
    code, _, err = run("ingest")
    assert code == 2 and "Missing argument 'INPUT...'" in err
    code, _, err = run("ingest", "x.txt")
    assert code == 2 and "Missing option '-o'" in err


def test_data_error_is_one_line_with_exit_code_1(tmp_path: Path) -> None:
    code, out, err = run("ingest", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1 and out == ""
    assert err == f"Error: {tmp_path / 'missing.txt'}: file not found\n"


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    code, _, err = run("--debug", "ingest", str(tmp_path / "missing.txt"), "-o", "-")
    assert code == 1
    assert "Traceback (most recent call last)" in err and err.strip().endswith("file not found")


def test_console_script_runs() -> None:
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg)] if kg.exists() else [sys.executable, "-c", "from kg.cli import main; main()"]
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip() == f"kg, version {__version__}"
