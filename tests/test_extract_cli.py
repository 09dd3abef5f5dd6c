"""`kg extract` and `kg eval` through the real command line (click's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

DATA = Path(__file__).parent / "data" / "extract"


TEXTS = [
    (
        "Faster retrieval",
        "Prior work studies instruction-following and tool use. We introduce BarRAG, which combines retrieval-augmented "
        "generation with symbolic reasoning, and evaluate it on HotpotQA with exact match.",
    ),
    (
        "A study of agents",
        "We evaluate language models on tool use and question answering. Our agent, FooAgent, uses active learning "
        "and pruning to improve accuracy on GSM8K and BLEU on WMT14 compared with GPT-4 and LoRA fine-tuning.",
    ),
]


def run(*args: str):
    return CliRunner().invoke(cli, ["-q", *args], catch_exceptions=False)


def test_extract_keeps_jsonl_ids_and_writes_one_record_per_paper(tmp_path) -> None:
    out = tmp_path / "entities.jsonl"
    result = run("extract", str(DATA / "papers.jsonl"), "-o", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["p-1", "p-2"]
    first = records[0]
    assert first["title"].startswith("dKV-Cache")
    cache = next(e for e in first["entities"] if "dKV-Cache" in [e["name"], *e["aliases"]])
    assert cache["type"] == "method" and cache["proposed"] is True
    assert set(cache) >= {"type", "name", "aliases", "proposed", "evidence", "confidence", "rule"}
    code = next(e for e in first["entities"] if e["type"] == "code")
    assert code["name"] == "https://github.com/x/dkv-cache" and code["kind"] == "repository"


def test_no_filter_keeps_what_the_learned_filter_drops(tmp_path) -> None:
    papers = tmp_path / "papers.jsonl"
    abstract = (
        "Prior work studies instruction-following and tool use. We introduce BarRAG, which combines retrieval-augmented "
        "generation with symbolic reasoning, and evaluate it on HotpotQA with exact match."
    )
    papers.write_text(json.dumps({"id": "a", "title": "Faster retrieval", "abstract": abstract}) + "\n", encoding="utf-8")
    found = {}
    for flag in ("--filter", "--no-filter"):
        out = tmp_path / f"{flag}.jsonl"
        assert run("extract", str(papers), "-o", str(out), flag).exit_code == 0
        found[flag] = {(e["type"], e["name"]) for e in json.loads(out.read_text(encoding="utf-8"))["entities"]}
    assert found["--filter"] < found["--no-filter"]
    assert ("task", "symbolic reasoning") in found["--no-filter"] - found["--filter"]


def test_min_confidence_keeps_only_entities_at_or_above_it(tmp_path) -> None:
    papers = tmp_path / "papers.jsonl"
    papers.write_text("".join(json.dumps({"id": f"p-{i}", "title": t, "abstract": a}) + "\n" for i, (t, a) in enumerate(TEXTS)), encoding="utf-8")
    found = {}
    for p in ("0", "0.7"):
        out = tmp_path / f"{p}.jsonl"
        assert run("extract", str(papers), "-o", str(out), "--min-confidence", p).exit_code == 0
        found[p] = [e for line in out.read_text(encoding="utf-8").splitlines() for e in json.loads(line)["entities"]]
    kept = [e for e in found["0"] if e["confidence"] >= 0.7]
    assert 0 < len(kept) < len(found["0"])
    assert sorted((e["type"], e["name"]) for e in found["0.7"]) == sorted((e["type"], e["name"]) for e in kept)
    bad = run("extract", str(papers), "-o", str(tmp_path / "x.jsonl"), "--min-confidence", "1.5")
    assert bad.exit_code == 2 and "1.5" in bad.output and not (tmp_path / "x.jsonl").exists()


def test_a_link_with_leftover_markup_comes_out_normalised_through_the_readers(tmp_path) -> None:
    # the readers drop LaTeX braces from the text, but not inside a link: there they mark where it ends
    papers = tmp_path / "papers.jsonl"
    papers.write_text(json.dumps({"id": "a", "title": "{FooNet}", "abstract": "Code: https://github.com/x/y{Name}."}) + "\n", encoding="utf-8")
    out = tmp_path / "entities.jsonl"
    assert run("extract", str(papers), "-o", str(out)).exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["title"] == "FooNet"
    assert [e["name"] for e in record["entities"] if e["type"] == "code"] == ["https://github.com/x/y"]


def test_extract_with_two_worker_processes_writes_what_one_process_writes(tmp_path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", str(DATA / "papers.jsonl"), "-o", str(one)).exit_code == 0
    result = run("extract", str(DATA / "papers.jsonl"), "-o", str(two), "--jobs", "2", "--batch-size", "1")
    assert result.exit_code == 0, result.output
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")


def test_extract_then_eval(tmp_path) -> None:
    out = tmp_path / "pred.jsonl"
    assert run("extract", str(DATA / "papers.jsonl"), "-o", str(out)).exit_code == 0
    result = run("eval", str(DATA / "gold.jsonl"), str(out), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.output)
    assert scores["papers"] == 2
    assert scores["per_type"]["code"]["f1"] == 1.0
    assert scores["overall"]["recall"] >= 0.7
    table = run("eval", str(DATA / "gold.jsonl"), str(out)).output
    assert table.splitlines()[0].split() == ["type", "precision", "recall", "f1", "tp", "fp", "fn"]
    assert "proposed-method recall" in table


def test_extract_refuses_to_overwrite_without_force(tmp_path) -> None:
    out = tmp_path / "entities.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(DATA / "papers.jsonl"), "-o", str(out)])
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert run("extract", str(DATA / "papers.jsonl"), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 2


def test_extract_bad_input_is_one_line_error_and_no_output(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "title": "T", "abstract": "x"}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and "bad.jsonl" in result.output
    assert not out.exists()


def test_eval_reports_malformed_gold(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "entities": [{"name": "x"}]}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), str(DATA / "gold.jsonl")])
    assert result.exit_code == 1 and "gold.jsonl:1" in result.output


def test_commands_have_help() -> None:
    for command in ("extract", "eval"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output
