"""``kg ingest``: output file, summary, overwrite protection, skip mode, stdin/stdout."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.model import Paper

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "daily-papers-sep-11.txt"
DATA = Path(__file__).parent / "data" / "ingest"


def run(*args: str | Path, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, prog_name="kg")
    return result.exit_code, result.stdout, result.stderr


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ingest_the_seed_page(tmp_path: Path) -> None:
    out = tmp_path / "out" / "papers.jsonl"
    code, stdout, stderr = run("ingest", SEED, "-o", out)
    assert code == 0 and stdout == ""
    assert stderr == f"65 papers from 1 file: 65 read, 0 skipped, 0 duplicates merged; wrote {out}\n"
    records = lines(out)
    assert len(records) == 65
    assert records[0]["title"] == "Classification of BCI-EEG based on augmented covariance matrix"
    assert list(records[0]) == list(Paper.from_dict(records[0]).to_dict())
    assert [p.name for p in out.parent.iterdir()] == ["papers.jsonl"]  # no temporary files left


def test_several_inputs_of_different_formats_are_merged(tmp_path: Path) -> None:
    out = tmp_path / "papers.jsonl"
    code, _, stderr = run("ingest", SEED, DATA / "fetch" / "arxiv-start-0.xml", DATA / "references.bib", "-o", out)
    assert code == 0
    assert stderr.splitlines() == [
        f"Warning: skipped {DATA / 'references.bib'}:23 (goodfellow2016deep): entry has no abstract",
        f"66 papers from 3 files: 71 read, 1 skipped, 5 duplicates merged; wrote {out}",
    ]
    assert len(lines(out)) == 66


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "papers.jsonl"
    out.write_text("precious\n")
    code, _, stderr = run("ingest", SEED, "-o", out)
    assert code == 1 and stderr == f"Error: {out}: already exists; pass --force to overwrite it\n"
    assert out.read_text() == "precious\n"
    code, _, _ = run("ingest", SEED, "-o", out, "--force")
    assert code == 0 and len(lines(out)) == 65


def test_error_leaves_no_output_behind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "A", "abstract": "x"}\n' * 3 + '{"title": "B", "abs\n')
    out = tmp_path / "papers.jsonl"
    code, _, stderr = run("ingest", bad, "-o", out)
    assert code == 1 and stderr.startswith(f"Error: {bad}:4: truncated JSON")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


def test_error_keeps_a_previous_output_intact(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "A"}\n{"abstract": "no title"}\n')
    out = tmp_path / "papers.jsonl"
    out.write_text("previous run\n")
    code, _, _ = run("ingest", bad, "-o", out, "--force")
    assert code == 1 and out.read_text() == "previous run\n"


def test_on_error_skip_reports_what_it_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "A", "abstract": "x"}\n{"abstract": "no title"}\nnot json\n{"title": "B"}\n')
    out = tmp_path / "papers.jsonl"
    code, _, stderr = run("ingest", bad, tmp_path / "missing.txt", "-o", out, "--on-error", "skip")
    assert code == 0
    assert stderr.splitlines() == [
        f"Warning: skipped {bad}:2: no title",
        f"Warning: skipped {bad}:3: invalid JSON: Expecting value at column 1",
        f"Warning: skipped {tmp_path / 'missing.txt'}: file not found",
        f"2 papers from 2 files: 2 read, 3 skipped, 0 duplicates merged; wrote {out}",
    ]
    assert [r["title"] for r in lines(out)] == ["A", "B"]


def test_many_skipped_are_summarised(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "A"}\n' + "{}\n" * 30)
    code, _, stderr = run("ingest", bad, "-o", tmp_path / "out.jsonl", "--on-error", "skip")
    assert code == 0
    assert len(stderr.splitlines()) == 22 and "... and 10 more skipped" in stderr


def test_nothing_read_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n{}\n")
    out = tmp_path / "out.jsonl"
    code, _, stderr = run("ingest", bad, "-o", out, "--on-error", "skip")
    assert code == 1 and stderr.splitlines()[-1] == f"Error: no papers read from {bad} (2 skipped)"
    assert not out.exists()


def test_stdout_and_stdin(tmp_path: Path) -> None:
    code, stdout, stderr = run("ingest", "-", "-o", "-", input=SEED.read_bytes())
    assert code == 0
    assert len(stdout.splitlines()) == 65 and all(json.loads(line)["source"] == "hf-daily-page" for line in stdout.splitlines())
    assert stderr.endswith("wrote stdout\n")


def test_quiet_prints_nothing_but_errors(tmp_path: Path) -> None:
    code, stdout, stderr = run("-q", "ingest", SEED, "-o", tmp_path / "p.jsonl")
    assert code == 0 and stdout == "" and stderr == ""


def test_format_and_encoding_options(tmp_path: Path) -> None:
    page = tmp_path / "page.dat"
    page.write_bytes(SEED.read_text("utf-8").replace("ε", "e").encode("latin-1"))
    code, _, stderr = run("ingest", page, "-o", "-", "--format", "hf-page", "--encoding", "latin-1")
    assert code == 0, stderr
    code, _, stderr = run("ingest", page, "-o", "-", "--format", "pdf")
    assert code == 2 and "Invalid value for '--format'" in stderr


def test_non_utf8_input_suggests_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("title,abstract\nRégression,Texte\n".encode("latin-1"))
    code, _, stderr = run("ingest", path, "-o", "-")
    assert code == 1
    assert stderr.startswith(f"Error: {path}:2: not valid utf-8 text") and "--encoding" in stderr
    assert len(stderr.splitlines()) == 1


def test_output_directory_is_refused(tmp_path: Path) -> None:
    code, _, stderr = run("ingest", SEED, "-o", tmp_path)
    assert code == 1 and stderr == f"Error: {tmp_path}: is a directory; give a file name for the output\n"
