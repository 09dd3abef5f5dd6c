"""Every reader on realistic files: what each format yields, field by field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import FORMATS, IngestReport, detect_format, read_file, read_papers
from kg.model import Paper

DATA = Path(__file__).parent / "data" / "ingest"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "daily-papers-sep-11.txt"


def by_id(papers: list[Paper]) -> dict[str, Paper]:
    return {p.id: p for p in papers}


def test_arxiv_snapshot_records() -> None:
    papers = by_id(list(read_papers([DATA / "arxiv-snapshot.jsonl"])))
    first = papers["arxiv:0704.0001"]
    assert first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert first.abstract.startswith("A fully differential calculation in perturbative quantum chromodynamics is presented")
    assert first.authors == ("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan")
    assert first.published == date(2007, 4, 2)  # the first version, not the last update
    assert first.doi == "10.1103/physrevd.76.013009"
    assert first.arxiv_id == "0704.0001" and first.source == "arxiv-snapshot"
    assert papers["arxiv:0704.0002"].categories == ("math.CO", "cs.CG")
    assert "the (k,ℓ)-pebble game with colors" in papers["arxiv:0704.0002"].abstract


def test_hf_daily_papers_api_items() -> None:
    papers = list(read_papers([DATA / "fetch" / "hf-daily-2023-09-11.json"]))
    assert [p.id for p in papers] == ["arxiv:2307.08702", "arxiv:2405.19504", "arxiv:2305.10431", "arxiv:2310.06625"]
    fast = papers[2]
    assert fast.title == "FastComposer: Tuning-Free Multi-Subject Image Generation with Localized Attention"
    assert fast.authors[3] == "Frédo Durand"
    assert fast.links == ("https://github.com/mit-han-lab/fastcomposer", "https://fastcomposer.mit.edu")
    assert fast.url == "https://huggingface.co/papers/2305.10431"
    assert fast.published == date(2023, 9, 10)
    assert {p.source for p in papers} == {"hf-daily-api"}


def test_arxiv_atom_feed() -> None:
    papers = list(read_papers([DATA / "fetch" / "arxiv-start-0.xml"]))
    assert [p.id for p in papers] == ["arxiv:2310.06625", "arxiv:2402.15555", "arxiv:2501.04697"]
    itrans = papers[0]
    assert itrans.title == "iTransformer: Inverted Transformers Are Effective for Time Series Forecasting"
    assert "\n" not in itrans.abstract and "  " not in itrans.abstract
    assert itrans.authors[0] == "Yong Liu" and len(itrans.authors) == 7
    assert itrans.published == date(2023, 10, 10)
    assert itrans.url == "https://arxiv.org/abs/2310.06625"
    assert itrans.categories == ("cs.LG",) and itrans.source == "arxiv-api"
    later = list(read_papers([DATA / "fetch" / "arxiv-start-3.xml"]))
    assert later[0].doi == "10.21437/interspeech.2020-2650"


def test_bibtex_entries_with_abstracts() -> None:
    report = IngestReport()
    papers = by_id(list(read_papers([DATA / "references.bib"], report=report)))
    assert set(papers) == {"doi:10.21437/interspeech.2020-2650", "arxiv:2209.15430", "arxiv:1706.03762"}
    ecapa = papers["doi:10.21437/interspeech.2020-2650"]
    assert ecapa.title.startswith("ECAPA-TDNN: Emphasized Channel Attention")  # {braces} gone
    assert ecapa.authors == ("Brecht Desplanques", "Jenthe Thienpondt", "Kris Demuynck")
    assert ecapa.published == date(2020, 10, 1)
    attention = papers["arxiv:1706.03762"]
    assert "the Transformer, based solely" in attention.abstract  # \emph{} unwrapped, lines joined
    assert attention.authors[6] == "Łukasz Kaiser"
    assert papers["arxiv:2209.15430"].authors[-1] == "Emanuele Rodolà"
    # the book has no abstract: a warning, skipped, even under on_error="raise"
    assert [(p.record, p.line) for p in report.skipped] == [("goodfellow2016deep", 23)]
    assert "no abstract" in report.skipped[0].message


def test_csv_with_capitalised_header_and_multiline_cells() -> None:
    papers = list(read_papers([DATA / "papers.csv"]))
    assert [p.id for p in papers][:2] == ["arxiv:2202.04579", "arxiv:2210.02885"]  # from the URL column
    assert papers[0].authors[3] == "Pietro Liò"
    assert papers[0].published == date(2022, 1, 1)
    assert "\n" not in papers[1].abstract
    assert papers[2].id.startswith("ecapa-tdnn-emphasized") and papers[2].source == "csv"


def test_tsv_keeps_given_ids() -> None:
    papers = list(read_papers([DATA / "papers.tsv"]))
    assert [p.id for p in papers] == ["seed-001", "seed-002"]
    assert papers[1].arxiv_id == "2402.15555" and papers[0].arxiv_id is None


def test_jsonl_id_is_kept_as_given_and_arxiv_like_ids_also_set_arxiv_id(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    records = [
        {"id": "seed-001", "title": "A Title", "abstract": "An abstract."},
        {"id": "000f90380d768a85e2316225854fc377c079b5c4", "title": "Other", "abstract": "Text."},
        {"id": "2402.15555v2", "title": "Grok", "summary": "Text."},
        {"id": 17, "title": "Numbered", "abstract": "Text."},
        {"id": "tdmsci-test-0000", "title": None, "abstract": "A sentence without a title."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    papers = list(read_papers([path]))
    assert [p.id for p in papers] == [
        "seed-001", "000f90380d768a85e2316225854fc377c079b5c4", "2402.15555v2", "17", "tdmsci-test-0000",
    ]
    assert papers[2].arxiv_id == "2402.15555" and papers[2].abstract == "Text."
    assert papers[4].title == "" and papers[4].abstract == "A sentence without a title."


def test_kg_output_reads_back_unchanged(tmp_path: Path) -> None:
    originals = list(read_papers([SEED, DATA / "references.bib", DATA / "fetch" / "hf-daily-2023-09-11.json"]))
    path = tmp_path / "papers.jsonl"
    path.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in originals), encoding="utf-8")
    assert list(read_papers([path])) == originals
    assert [Paper.from_dict(json.loads(line)) for line in path.read_text("utf-8").splitlines()] == originals


def test_json_array_streams_across_chunk_boundaries(tmp_path: Path) -> None:
    records = [{"id": f"p{i}", "title": f"Paper {i} " + "é" * (i % 7), "abstract": "x" * (i * 37 % 5000)} for i in range(400)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    papers = list(read_papers([path]))
    assert [p.id for p in papers] == [r["id"] for r in records]
    assert papers[399].abstract == records[399]["abstract"]


def test_concatenated_pretty_printed_objects(tmp_path: Path) -> None:
    path = tmp_path / "objects.json"
    path.write_text(json.dumps({"title": "One", "abstract": "A."}, indent=2) + "\n" + json.dumps({"title": "Two", "abstract": "B."}, indent=2))
    assert [p.title for p in read_papers([path])] == ["One", "Two"]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.jsonl", b"{}", "jsonl"),
        ("a.ndjson", b"{}", "jsonl"),
        ("a.json", b"[", "json"),
        ("a.csv", b"title,abstract", "csv"),
        ("a.tsv", b"title\tabstract", "tsv"),
        ("a.bib", b"@article{", "bibtex"),
        ("a.xml", b"<?xml", "arxiv-atom"),
        ("page.txt", b"new\n\nSubscribe\n", "hf-page"),
        ("<stdin>", b'{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("noext", b'{\n  "title": "x"\n}\n', "json"),
        ("noext", b"  [\n{}]", "json"),
        ("data.txt", b"% refs\n@inproceedings{key,\n title={x}}", "bibtex"),
        ("data.txt", b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "arxiv-atom"),
        ("export.txt", b"Title\tAbstract\tYear\nx\ty\t2020\n", "tsv"),
        ("export.txt", b'"title","abstract"\n"x","y"\n', "csv"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected
    assert expected in FORMATS


def test_format_override(tmp_path: Path) -> None:
    path = tmp_path / "page.data"
    path.write_bytes(SEED.read_bytes())
    assert len(list(read_file(path, format="hf-page"))) == 65


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(SEED.read_bytes())), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert len(list(read_papers(["-"]))) == 65


def test_encoding_option_reads_latin1(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"title": "Régression à noyau", "abstract": "Modèle."}\n'.encode("latin-1"))
    assert next(iter(read_papers([path], encoding="latin-1"))).title == "Régression à noyau"


def test_utf16_with_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("title,abstract\nÉtude,Résumé\n", encoding="utf-16")
    assert [p.title for p in read_papers([path], encoding="utf-16")] == ["Étude"]


def test_utf8_bom_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufefftitle,abstract\nA,B\n".encode())
    assert [p.title for p in read_papers([path])] == ["A"]
