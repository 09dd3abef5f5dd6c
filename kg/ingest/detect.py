"""Which reader a file needs: from its extension, else from its first bytes."""

from __future__ import annotations

import json
import re
from pathlib import PurePath

FORMATS: tuple[str, ...] = ("hf-page", "jsonl", "json", "csv", "tsv", "bibtex", "arxiv-atom")
"""Format names accepted by ``read_papers(format=...)`` and ``kg ingest --format``."""

FORMAT_HELP = {
    "hf-page": "Hugging Face Daily Papers page saved as text (title line, then abstract)",
    "jsonl": "JSON Lines, one paper object a line",
    "json": "a JSON array of papers (or concatenated JSON objects)",
    "csv": "comma-separated values with a header row",
    "tsv": "tab-separated values with a header row",
    "bibtex": "BibTeX entries with an abstract field",
    "arxiv-atom": "arXiv API response (Atom XML)",
}

_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".atom": "arxiv-atom",
    ".xml": "arxiv-atom",
}
_BIBTEX_ENTRY = re.compile(rb"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)
_TITLE_HEADER = re.compile(r"(^|[\t,;])\s*\"?(title|paper_title)\"?\s*($|[\t,;])", re.I)


def detect_format(name: str, head: bytes) -> str:
    """The format of a file called ``name`` whose first bytes are ``head``.

    A known extension decides (``.jsonl``, ``.json``, ``.csv``, ``.tsv``, ``.bib``, ``.xml``);
    otherwise (``.txt``, no extension, stdin) the content does: XML, JSON, BibTeX, a CSV/TSV
    header with a title column, and plain text is read as a Daily Papers page.
    """
    by_extension = _EXTENSIONS.get(PurePath(name).suffix.lower())
    if by_extension:
        return by_extension
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return "arxiv-atom"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        first_line = text.split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except ValueError:
            return "json"
        return "jsonl"
    if _BIBTEX_ENTRY.search(head[:8192]):
        stripped = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith(b"%")]
        if stripped and stripped[0].lstrip().startswith(b"@"):
            return "bibtex"
    header = text.split(b"\n", 1)[0].decode("utf-8", "replace")
    if _TITLE_HEADER.search(header):
        return "tsv" if header.count("\t") >= header.count(",") else "csv"
    return "hf-page"
