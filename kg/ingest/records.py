"""Turn one raw record (a JSON object, a CSV row, reader fields) into a normalised Paper.

Understands the common key variants (``title``; ``abstract``/``summary``; ``id``), the arXiv
metadata snapshot, Hugging Face ``daily_papers`` API items, and kg's own ``Paper.to_dict()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from kg.ingest.normalise import (
    arxiv_key,
    clean_text,
    doi_key,
    parse_arxiv_id,
    parse_date,
    parse_doi,
    split_authors,
    title_id,
)
from kg.model import Paper

HF_PAPERS_URL = "https://huggingface.co/papers/"
ARXIV_ABS_URL = "https://arxiv.org/abs/"
DOI_URL = "https://doi.org/"

TITLE_KEYS = ("title", "paper_title", "papertitle")
ABSTRACT_KEYS = ("abstract", "summary", "abstract_text", "abstracttext", "paperabstract")
ID_KEYS = ("id", "paper_id", "paperid")
ARXIV_KEYS = ("arxiv_id", "arxivid", "arxiv", "eprint")
URL_KEYS = ("url", "link", "abs_url", "html_url", "pdf_url")
AUTHOR_KEYS = ("authors", "author", "creators")
DATE_KEYS = ("published", "publishedat", "published_at", "published_date", "publication_date", "date", "update_date")
LINK_KEYS = ("links", "code", "code_url", "github", "githubrepo", "github_repo", "repo", "repository",
             "project_page", "projectpage")
CATEGORY_KEYS = ("categories", "category", "primary_category")


class RecordError(ValueError):
    """A record cannot become a paper; the reader adds where it was."""


def build_paper(
    title: Any,
    abstract: Any,
    *,
    source: str,
    given_id: Any = None,
    authors: Iterable[str] = (),
    published: date | None = None,
    url: str | None = None,
    arxiv_id: str | None = None,
    doi: str | None = None,
    links: Iterable[str] = (),
    categories: Iterable[str] = (),
) -> Paper:
    """Normalise fields and choose the id: the input's own id if it gave one, else the arXiv id,
    else the DOI, else a slug of the title plus a short hash.

    A record needs a title, or an id of its own and an abstract (evaluation sets often carry
    sentences with an id and no title).
    """
    title = clean_text(title if isinstance(title, str) else None if title is None else str(title))
    abstract = clean_text(abstract if isinstance(abstract, str) else None if abstract is None else str(abstract))
    given = str(given_id).strip() if given_id is not None and not isinstance(given_id, (dict, list)) else ""
    if not title and not (given and abstract):
        raise RecordError("no title" if abstract or given else "no title and no abstract")
    arxiv_id = parse_arxiv_id(arxiv_id) or parse_arxiv_id(given) or parse_arxiv_id(url)
    doi = parse_doi(doi) or parse_doi(given) or parse_doi(url)
    if given:
        paper_id = given
    elif arxiv_id:
        paper_id = arxiv_key(arxiv_id)
    elif doi:
        paper_id = doi_key(doi)
    else:
        paper_id = title_id(title)
    if not url:
        url = ARXIV_ABS_URL + arxiv_id if arxiv_id else DOI_URL + doi if doi else None
    return Paper(
        id=paper_id,
        title=title,
        abstract=abstract,
        authors=tuple(authors),
        published=published,
        source=source,
        url=url,
        arxiv_id=arxiv_id,
        doi=doi,
        links=_unique(links),
        categories=_unique(categories),
    )


def paper_from_mapping(record: Any, *, source: str) -> Paper:
    """A Paper from a JSON object or CSV row; ``source`` is used unless the record names its own."""
    if not isinstance(record, Mapping):
        raise RecordError(f"expected an object with a title, got {_json_type(record)}")
    if isinstance(record.get("paper"), Mapping):
        return _hf_daily_item(record)
    if any(key in record for key in ("versions", "authors_parsed", "submitter")):
        return _arxiv_snapshot(record)
    return _generic(record, source=source)


def _generic(record: Mapping[str, Any], *, source: str) -> Paper:
    fields = {str(k).strip().lower(): v for k, v in record.items()}
    month = fields.get("month")
    published = _first(fields, DATE_KEYS)
    if published is None and fields.get("year") not in (None, ""):
        published = fields["year"]
    own_source = fields.get("source")
    return build_paper(
        _first(fields, TITLE_KEYS),
        _first(fields, ABSTRACT_KEYS),
        source=own_source.strip() if isinstance(own_source, str) and own_source.strip() else source,
        given_id=_first(fields, ID_KEYS),
        authors=split_authors(_first(fields, AUTHOR_KEYS)),
        published=parse_date(published, month),
        url=_text(_first(fields, URL_KEYS)),
        arxiv_id=_text(_first(fields, ARXIV_KEYS)),
        doi=_text(fields.get("doi")),
        links=_strings(*(fields.get(k) for k in LINK_KEYS)),
        categories=_categories(_first(fields, CATEGORY_KEYS)),
    )


def _hf_daily_item(item: Mapping[str, Any]) -> Paper:
    paper: Mapping[str, Any] = item["paper"]
    arxiv_id = parse_arxiv_id(str(paper.get("id") or ""))
    if not arxiv_id:
        raise RecordError(f"daily_papers item whose paper.id is not an arXiv id: {paper.get('id')!r}")
    return build_paper(
        paper.get("title") or item.get("title"),
        paper.get("summary") or item.get("summary"),
        source="hf-daily-api",
        authors=split_authors([a for a in paper.get("authors") or () if not (isinstance(a, dict) and a.get("hidden"))]),
        published=parse_date(paper.get("publishedAt") or item.get("publishedAt")),
        url=HF_PAPERS_URL + arxiv_id,
        arxiv_id=arxiv_id,
        links=_strings(paper.get("githubRepo"), paper.get("projectPage")),
    )


def _arxiv_snapshot(record: Mapping[str, Any]) -> Paper:
    raw_id = str(record.get("id") or "")
    arxiv_id = parse_arxiv_id(raw_id)
    versions = record.get("versions") or []
    created = versions[0].get("created") if versions and isinstance(versions[0], Mapping) else None
    return build_paper(
        record.get("title"),
        record.get("abstract"),
        source="arxiv-snapshot",
        given_id=None if arxiv_id else raw_id or None,
        authors=split_authors(record.get("authors_parsed") or record.get("authors")),
        published=parse_date(created) or parse_date(record.get("update_date")),
        arxiv_id=arxiv_id,
        doi=_text(record.get("doi")),
        categories=_categories(record.get("categories")),
    )


def _first(fields: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = fields.get(key)
        if value is not None and value != "":
            return value
    return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _strings(*values: Any) -> list[str]:
    out: list[str] = []
    for value in values:
        if isinstance(value, str):
            out.extend(v for v in value.split() if v)
        elif isinstance(value, (list, tuple)):
            out.extend(v.strip() for v in value if isinstance(v, str) and v.strip())
    return out


def _categories(value: Any) -> list[str]:
    if isinstance(value, str):
        return [c for c in value.replace(",", " ").replace(";", " ").split() if c]
    return _strings(value)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _json_type(value: Any) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
