"""Atomic writes: a failure half-way never leaves partial output or loses the old file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.io import atomic_write, staging_dir, write_jsonl


def test_atomic_write_replaces_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    assert write_jsonl(target, [{"a": "ε"}, {"b": 2}]) == 2
    assert target.read_text(encoding="utf-8") == '{"a":"ε"}\n{"b":2}\n'


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_atomic_write_gives_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_write(target) as fh:
        fh.write("x")
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert target.stat().st_mode == plain.stat().st_mode


def test_a_staging_folder_gets_the_usual_permissions(tmp_path: Path) -> None:
    """Moved into place as an output folder, it must be as readable as one made by mkdir
    (a neo4j-admin running as another user reads the bundle)."""
    plain = tmp_path / "plain"
    plain.mkdir()
    assert staging_dir(tmp_path, ".x.").stat().st_mode == plain.stat().st_mode
