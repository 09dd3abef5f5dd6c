"""De-duplication across records and sources: merged, counted, streaming."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest import IngestReport, deduplicate, read_papers
from kg.ingest.dedupe import has_own_id, merge
from kg.ingest.records import build_paper
from kg.model import Paper

DATA = Path(__file__).parent / "data" / "ingest"
SEED = Path(__file__).resolve().parents[1] / "examples" / "daily-papers-sep-11.txt"


def paper(title: str, abstract: str = "", **fields: object):  # type: ignore[no-untyped-def]
    return build_paper(title, abstract, source=str(fields.pop("source", "test")), **fields)  # type: ignore[arg-type]


def test_page_and_arxiv_feed_merge_by_title_and_keep_the_arxiv_id() -> None:
    report = IngestReport()
    papers = list(read_papers([SEED, DATA / "fetch" / "arxiv-start-0.xml", DATA / "fetch" / "arxiv-start-3.xml"], report=report))
    assert len(papers) == 65 and report.read == 70 and report.merged == 5
    grok = next(p for p in papers if p.title.startswith("Deep Networks Always Grok"))
    assert grok.id == "arxiv:2402.15555"  # the source's id beats the title slug
    assert grok.source == "hf-daily-page" and grok.authors[0] == "Ahmed Imtiaz Humayun"
    assert grok.categories == ("cs.LG", "cs.AI", "cs.CV")
    assert [p.title for p in papers] == [p.title for p in read_papers([SEED])]  # first-seen order


def test_same_paper_from_three_sources_merges_into_one() -> None:
    report = IngestReport()
    papers = list(read_papers([DATA / "fetch" / "hf-daily-2023-09-11.json", DATA / "fetch" / "arxiv-start-0.xml"], report=report))
    itrans = [p for p in papers if p.arxiv_id == "2310.06625"]
    assert len(itrans) == 1 and report.merged == 1
    assert itrans[0].links == ("https://github.com/thuml/iTransformer",)  # from the HF item
    assert itrans[0].categories == ("cs.LG",)  # from the arXiv feed
    assert itrans[0].published.isoformat() == "2023-09-11"  # the earliest date


def test_merge_keeps_the_richer_fields() -> None:
    kept = paper("A Title", "short", authors=("A",), links=("https://x.io",))
    other = paper("A title!", "a much longer abstract", authors=("A", "B"), arxiv_id="2101.00001", links=("https://y.io",))
    merged = merge(kept, other)
    assert merged.id == "arxiv:2101.00001"
    assert merged.title == "A Title" and merged.abstract == "a much longer abstract"
    assert merged.authors == ("A", "B") and merged.links == ("https://x.io", "https://y.io")


def test_given_ids_are_kept_when_merging() -> None:
    merged = merge(paper("T", "x", given_id="seed-001"), paper("T", "xx", arxiv_id="2101.00001"))
    assert merged.id == "seed-001" and merged.arxiv_id == "2101.00001"


def test_same_title_with_different_own_ids_are_different_papers() -> None:
    report = IngestReport()
    papers = [paper("Introduction", "a", given_id="gold-1"), paper("Introduction", "b", given_id="gold-2"), paper("Introduction", "c")]
    out = list(deduplicate(papers, report))
    assert [p.id for p in out] == ["gold-1", "gold-2"] and report.merged == 1


def test_duplicates_beyond_the_window_are_dropped_and_counted() -> None:
    report = IngestReport()
    papers = [paper(f"Paper {i}", "abstract") for i in range(10)] + [paper("Paper 0", "a longer abstract")]
    out = list(deduplicate(papers, report, window=3))
    assert len(out) == 10 and report.merged == 1
    assert out[0].abstract == "abstract"  # already written when the duplicate came
    assert report.merges == [f"{papers[-1].id} merged into a paper written earlier"]


def test_duplicates_within_the_window_merge_fields() -> None:
    report = IngestReport()
    papers = [paper("Paper 0", "abstract"), paper("Paper 1", "x"), paper("Paper 0", "a longer abstract")]
    out = list(deduplicate(papers, report, window=3))
    assert [p.abstract for p in out] == ["a longer abstract", "x"]


def test_duplicate_by_doi_and_by_arxiv_id(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"title": "One", "doi": "10.1000/ABC"},
        {"title": "One (journal version)", "doi": "https://doi.org/10.1000/abc"},
        {"id": "2402.15555", "title": "Grok"},
        {"title": "Grok, again", "url": "https://arxiv.org/abs/2402.15555v3"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = IngestReport()
    assert [p.id for p in read_papers([path], report=report)] == ["doi:10.1000/abc", "2402.15555"]
    assert report.merged == 2


def test_memory_holds_keys_not_records() -> None:
    import tracemalloc

    def papers():  # type: ignore[no-untyped-def]
        for i in range(5_000):
            yield Paper(id=f"p{i}", title=f"Paper number {i}", abstract=f"{i} " + "an abstract " * 80)

    tracemalloc.start()
    count = sum(1 for _ in deduplicate(papers(), window=50))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 5_000
    assert peak < 2_000_000  # holding the 5,000 records (~1 KB of abstract each) would take over 5 MB


def test_has_own_id() -> None:
    assert not has_own_id(paper("A Title"))
    assert has_own_id(paper("A Title", given_id="x"))
    assert has_own_id(paper("A Title", arxiv_id="2101.00001"))
