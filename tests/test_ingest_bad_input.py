"""Malformed input: one clear error naming file, line or record; ``on_error="skip"`` goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import IngestReport, read_papers

ABSTRACT = "We study a problem and propose a method that solves it well. " * 6


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_of(paths: list[Path], **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        list(read_papers(paths, **kwargs))  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_missing_file(tmp_path: Path) -> None:
    assert error_of([tmp_path / "nope.jsonl"]) == f"{tmp_path / 'nope.jsonl'}: file not found"


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in error_of([tmp_path])


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n\t"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    assert error_of([path]).startswith(f"{path}: file is empty")


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "data.jsonl", b"\x00\x01\x02binary\x00" * 10)
    assert error_of([path]) == f"{path}: binary file, not text (it contains NUL bytes)"


@pytest.mark.parametrize(
    ("content", "what"),
    [(gzip.compress(b'{"title": "x"}\n'), "gzip-compressed"), (b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "PDF")],
)
def test_compressed_or_pdf_file_is_named(tmp_path: Path, content: bytes, what: str) -> None:
    assert what in error_of([write(tmp_path / "papers.jsonl", content)])


def test_non_utf8_text_names_the_line_and_suggests_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.jsonl", jsonl({"title": "A", "abstract": "ok"}).encode() + '{"title": "Régression"}\n'.encode("latin-1"))
    message = error_of([path])
    assert message.startswith(f"{path}:2: not valid utf-8 text (byte 0xe9 at column 13)")
    assert "--encoding" in message


def test_non_utf8_page_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt", ("Title\n\n" + ABSTRACT + "\n\nCaf").encode() + "é\n".encode("cp1252"))
    assert error_of([path]).startswith(f"{path}:5: not valid utf-8 text")


def test_non_utf8_json_array_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", b'[\n{"title": "A", "abstract": "x"},\n{"title": "Caf\xe9", "abstract": "y"}\n]')
    assert error_of([path]).startswith(f"{path}:3: not valid utf-8 text")


def test_unknown_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"title": "A"}))
    assert "unknown encoding 'klingon'" in error_of([path], encoding="klingon")


def test_truncated_json_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"title": "A", "abstract": "x"}, '{"title": "B", "abstr', {"title": "C", "abstract": "y"}))
    message = error_of([path])
    assert message.startswith(f"{path}:2: truncated JSON")
    report = IngestReport()
    assert [p.title for p in read_papers([path], on_error="skip", report=report)] == ["A", "C"]
    assert [p.line for p in report.skipped] == [2]


def test_invalid_json_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"title": "A"}, "{'title': 'single quotes'}"))
    assert error_of([path]).startswith(f"{path}:2: invalid JSON: Expecting property name")


def test_truncated_json_array(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '[\n  {"title": "A", "abstract": "x"},\n  {"title": "B", "abs')
    assert error_of([path]).startswith(f"{path}:3: truncated JSON")
    report = IngestReport()
    assert [p.title for p in read_papers([path], on_error="skip", report=report)] == ["A"]
    assert len(report.skipped) == 1


def test_json_array_missing_comma(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '[{"title": "A"}\n {"title": "B"}]')
    assert error_of([path]) == f"{path}:2: invalid JSON: expected ',' or ']' between array items, found '{{'"


def test_record_without_title(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"title": "A", "abstract": "x"}, {"abstract": "orphan abstract"}, {"title": "  ", "summary": ""}))
    assert error_of([path]) == f"{path}:2: no title"
    report = IngestReport()
    assert [p.title for p in read_papers([path], on_error="skip", report=report)] == ["A"]
    assert [str(p) for p in report.skipped] == [f"{path}:2: no title", f"{path}:3: no title and no abstract"]


def test_record_that_is_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl(["a", "list"]))
    assert error_of([path]) == f"{path}:1: expected an object with a title, got an array"


def test_array_element_without_title_names_the_record(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps([{"title": "A"}, {"id": "x-2", "abstract": ""}], indent=1))
    assert error_of([path]) == f"{path}:5 (id x-2): no title"


def test_bibtex_entry_without_abstract_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "refs.bib", "@article{a, title={With}, abstract={Text.}}\n\n@book{b,\n title={Without}}\n")
    report = IngestReport()
    assert [p.title for p in read_papers([path], report=report)] == ["With"]
    assert [str(p) for p in report.skipped] == [f"{path}:3 (b): entry has no abstract"]


def test_bibtex_entry_without_title(tmp_path: Path) -> None:
    path = write(tmp_path / "refs.bib", "@article{a,\n abstract={Text.}}\n")
    assert error_of([path]) == f"{path}:1 (a): entry has no title"


def test_bibtex_entry_not_closed(tmp_path: Path) -> None:
    path = write(tmp_path / "refs.bib", "@article{a, title={Broken,\n abstract={x}\n\n@article{b, title={Fine}, abstract={Text.}}\n")
    assert error_of([path]) == f"{path}:1 (a): BibTeX entry is not closed before the next entry on line 4"
    assert [p.title for p in read_papers([path], on_error="skip")] == ["Fine"]


def test_broken_xml(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.xml", '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>x</entry>\n</feed>')
    assert error_of([path]).startswith(f"{path}:3: invalid XML: mismatched tag")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.xml", "<html><body>Not found</body></html>")
    assert error_of([path]) == f"{path}:1: not an arXiv Atom feed (the root element is <html>)"


def test_arxiv_api_error_feed(tmp_path: Path) -> None:
    feed = (Path(__file__).parent / "data" / "ingest" / "fetch" / "arxiv-error.xml").read_bytes()
    path = write(tmp_path / "feed.xml", feed)
    assert "the arXiv API returned an error: incorrect id format for 1234.12345" in error_of([path])


def test_csv_without_title_column(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "name,text\nA,B\n")
    assert error_of([path]) == f"{path}:1: the header row has no title column (found 'name', 'text'); is this CSV with a header?"


def test_csv_row_with_too_many_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "title,abstract\nA,B\nC,D,E\nF,G\n")
    assert error_of([path]) == f"{path}:3: 3 fields but the header has 2 (a stray ',' or quote?)"
    assert [p.title for p in read_papers([path], on_error="skip")] == ["A", "F"]


def test_page_abstract_without_title(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt", ABSTRACT + "\n\nTitle\n\n" + ABSTRACT + "\n")
    assert error_of([path]).startswith(f"{path}:1 ('We study a problem")


def test_duplicate_ids_are_merged_and_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl({"id": "p1", "title": "A", "abstract": "short"}, {"id": "p1", "title": "A", "abstract": "a longer abstract", "authors": ["X"]}),
    )
    report = IngestReport()
    papers = list(read_papers([path], report=report))
    assert len(papers) == 1 and papers[0].abstract == "a longer abstract" and papers[0].authors == ("X",)
    assert report.read == 2 and report.merged == 1 and report.merges == ["p1 merged into p1"]


def test_skip_goes_on_with_the_next_file(tmp_path: Path) -> None:
    good = write(tmp_path / "good.jsonl", jsonl({"title": "Good", "abstract": "x"}))
    empty = write(tmp_path / "empty.jsonl", "")
    report = IngestReport()
    papers = list(read_papers([tmp_path / "missing.jsonl", empty, good], on_error="skip", report=report))
    assert [p.title for p in papers] == ["Good"]
    assert [p.message for p in report.skipped] == ["file not found", "file is empty"]
    assert report.summary() == "1 paper from 3 files: 1 read, 2 skipped, 0 duplicates merged"


def test_unknown_format_and_on_error() -> None:
    with pytest.raises(InputError, match="unknown format 'docx'"):
        read_papers(["x"], format="docx")
    with pytest.raises(ValueError, match="on_error"):
        read_papers(["x"], on_error="ignore")  # type: ignore[arg-type]


def test_bibtex_entry_with_unparseable_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "refs.bib", "@article{a, title = {X} abstract = {Y}}\n@article{b, title={Fine}, abstract={Text.}}\n")
    assert error_of([path]) == f"{path}:1 (a): malformed BibTeX entry: its fields could not be parsed (a missing comma or quote?)"
    assert [p.title for p in read_papers([path], on_error="skip")] == ["Fine"]


def test_skip_says_when_the_rest_of_a_file_was_not_read(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"title": "A"}).encode() + b'{"title": "caf\xe9"}\n' + jsonl({"title": "B"}).encode())
    array = write(tmp_path / "b.json", '[{"title": "C"} {"title": "D"}]')
    report = IngestReport()
    assert [p.title for p in read_papers([path, array], on_error="skip", report=report)] == ["A", "C"]
    assert [p.message.endswith("; the rest of the file was not read") for p in report.skipped] == [True, True]
