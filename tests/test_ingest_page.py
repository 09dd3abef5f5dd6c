"""The Hugging Face Daily Papers page reader, on the bundled seed page and on edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import IngestReport, read_papers
from kg.ingest.hf_page import TITLE_MAX_CHARS, is_date_line, parse_page

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "daily-papers-sep-11.txt"
ABSTRACT = "We propose a method that works. " * 12  # longer than any title


def page(*pairs: tuple[str, str], chrome: str = "new\n\nSubscribe\n\nDaily Papers\n\nSep 11\n\n") -> str:
    return chrome + "".join(f"{title}\n\n{abstract}\n\n" for title, abstract in pairs)


def test_seed_page_yields_its_65_papers_in_order() -> None:
    report = IngestReport()
    papers = list(read_papers([SEED], report=report))
    assert len(papers) == 65
    assert papers[0].title == "Classification of BCI-EEG based on augmented covariance matrix"
    assert papers[-1].title == (
        "Deep Clustering via Joint Convolutional Autoencoder Embedding and Relative Entropy Minimization"
    )
    assert all(p.source == "hf-daily-page" for p in papers)
    assert all(len(p.abstract) > 1000 for p in papers)
    assert len({p.id for p in papers}) == 65
    assert report.read == 65 and report.merged == 0 and report.skipped == []


def test_seed_page_chrome_is_not_a_paper() -> None:
    titles = {p.title for p in read_papers([SEED])}
    assert not titles & {"new", "Subscribe", "Daily Papers", "Sep 11", "byAK and the research community"}


def test_seed_page_keeps_non_ascii() -> None:
    titles = [p.title for p in read_papers([SEED])]
    assert "DεpS: Delayed ε-Shrinking for Faster Once-For-All Training" in titles


def test_ids_are_readable_slugs_with_a_short_hash_and_stable() -> None:
    first = next(iter(read_papers([SEED])))
    assert first.id.startswith("classification-of-bci-eeg-based-on-augmented")
    assert first.id == next(iter(read_papers([SEED]))).id
    assert first.id[-9] == "-" and all(c in "0123456789abcdef" for c in first.id[-8:])


def test_crlf_and_extra_blank_lines_change_nothing(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    messy = tmp_path / "messy.txt"
    messy.write_bytes(text.replace("\n\n", "\n\n\n  \n").replace("\n", "\r\n").encode("utf-8"))
    assert list(read_papers([messy])) == list(read_papers([SEED]))


def test_trailing_title_without_abstract_is_named(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page(("A Title", ABSTRACT)) + "Orphan Title Here\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"page\.txt:13.*'Orphan Title Here'.*title without abstract at the end"):
        list(read_papers([path]))


def test_trailing_title_is_skipped_and_reported_with_on_error_skip(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page(("A Title", ABSTRACT)) + "Orphan Title Here\n", encoding="utf-8")
    report = IngestReport()
    papers = list(read_papers([path], on_error="skip", report=report))
    assert [p.title for p in papers] == ["A Title"]
    assert len(report.skipped) == 1 and "Orphan Title Here" in str(report.skipped[0])


def test_title_missing_its_abstract_mid_page_does_not_shift_the_pairs() -> None:
    text = page(("First", ABSTRACT)) + "Lost Title\n\n" + page(("Second", ABSTRACT + "2"), ("Third", ABSTRACT + "3"), chrome="")
    report = IngestReport()
    papers = list(parse_page(text, on_error="skip", report=report))
    assert [p.title for p in papers] == ["First", "Second", "Third"]
    assert papers[2].abstract.endswith("3")
    assert "Lost Title" in str(report.skipped[0])


def test_abstract_in_paragraphs_is_joined() -> None:
    text = page(("Split", ABSTRACT + "\n\n" + ABSTRACT.upper()), ("Next", ABSTRACT))
    papers = list(parse_page(text))
    assert [p.title for p in papers] == ["Split", "Next"]
    assert papers[0].abstract.endswith(ABSTRACT.upper().strip())


def test_page_without_chrome_and_with_a_dated_header() -> None:
    assert [p.title for p in parse_page(page(("Only", "Short abstract."), chrome=""))] == ["Only"]
    dated = list(parse_page(page(("Dated", ABSTRACT), chrome="Daily Papers\nSep 11, 2023\n")))
    assert dated[0].published is not None and dated[0].published.isoformat() == "2023-09-11"


@pytest.mark.parametrize("line", ["Sep 11", "September 11, 2023", "2023-09-11", "Daily Papers - Sep 11", "11 Sep"])
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["Sep", "Grokking at the Edge of Numerical Stability", "11"])
def test_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


def test_title_limit_is_generous() -> None:
    assert TITLE_MAX_CHARS >= 250
