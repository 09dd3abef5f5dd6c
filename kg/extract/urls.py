"""Find URLs in paper text, normalise them (GUIDELINES rule 6) and classify them.

Pure functions over strings, so they are tested on their own; ``kg_links`` wraps them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.extract.scan import folded, prefiltered

# Hosts whose links are source repositories or archived artefacts (kind "repository").
REPOSITORY_HOSTS = (
    "github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "hf.co", "zenodo.org",
    "codeocean.com", "sourceforge.net", "gitee.com", "codeberg.org", "osf.io", "kaggle.com",
    "git.io", "colab.research.google.com", "pypi.org", "figshare.com", "paperswithcode.com",
)
# Hosts of papers and references: never the paper's own code.
REFERENCE_HOSTS = (
    "arxiv.org", "doi.org", "dx.doi.org", "aclanthology.org", "aclweb.org", "openreview.net",
    "ieeexplore.ieee.org", "dl.acm.org", "proceedings.neurips.cc", "papers.nips.cc",
    "semanticscholar.org", "scholar.google.com", "wikipedia.org", "springer.com",
    "sciencedirect.com", "biorxiv.org", "medrxiv.org", "ssrn.com", "nature.com",
)
_SCHEMELESS_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "zenodo.org", "www.")

# A URL candidate: with a scheme, or a scheme-less link to a well-known host.
_URL = prefiltered(
    r"(?:\b(?:https?|ftp)://|(?<![\w@./-])(?:" + "|".join(re.escape(h) for h in _SCHEMELESS_HOSTS)
    + r"|[\w-]+\.(?:github|gitlab)\.io\b|bit\.ly/|hf\.co/))"
    r"[^\s<>\"'`\\|^]+",
    re.IGNORECASE,
)
# A link detokenised into words ("http: // www. example.org / ˜user / x"): spaces around the
# scheme's "//", around dots followed by a lowercase host label, and around path slashes.
_SPACED_URL = prefiltered(
    r"\b(?:https?|ftp)\s?:\s?//\s?[A-Za-z0-9][\w-]*(?:\s?\.\s?[a-z0-9][\w-]*)+(?:\s?/\s?[~˜\w%.+#=?&-]+)*/?"
)
_TRAILING = ".,;:!?*'\"`>)]}("
_MARKUP_START = re.compile(r"[{}\[\]]|&(?:quot|gt|lt|amp|nbsp|#\d+);|</?[a-zA-Z]")
# a second link glued onto the first ("github.com/x/yhttps://github.com/x/y"), as PDF extraction leaves it
_GLUED_SCHEME = re.compile(r"(?i)(?<=[a-z0-9_-])(?:https?|ftp)://")
_GLUED_SPACED_SCHEME = re.compile(r"(?i)(?<=[a-z0-9_-])(?:https?|ftp)$")
_SCHEME_AFTER = re.compile(r"\s?:\s?//")


@dataclass(frozen=True, slots=True)
class Link:
    """A URL as found in the text: normalised form, char offsets of that form, and kind."""

    url: str
    start: int
    end: int
    kind: str  # "repository" | "project_page" | "other"
    reference: bool  # a link to a paper, DOI or encyclopedia: never the paper's code


def normalise_url(raw: str) -> str:
    """Strip markup residue and trailing punctuation; the scheme (or its absence) is kept.

    >>> normalise_url("https://github.com/x/y{Name}.")
    'https://github.com/x/y'
    >>> normalise_url("(see github.com/x/y).")
    'github.com/x/y'
    """
    m = _URL.search(raw)
    return _clean(m.group()) if m else _clean(raw.strip())


def _clean(raw: str) -> str:
    """The cleaned surface string (no scheme added): the part of ``raw`` that is the URL."""
    url = raw
    markup = _MARKUP_START.search(url)
    if markup:
        url = url[: markup.start()]
    glued = _GLUED_SCHEME.search(url, 1)
    if glued:
        url = url[: glued.start()]
    while url:
        if url[-1] in _TRAILING:
            # keep a closing bracket that closes an opening one inside the URL (wiki-style links)
            if url[-1] == ")" and not url.endswith("()") and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        else:
            break
    return url


def classify_url(url: str) -> tuple[str, bool]:
    """Kind of a normalised URL (repository, project_page, other) and whether it is a reference."""
    if not re.match(r"(?i)(?:https?|ftp)://", url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return "other", False
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    path = [p for p in parts.path.split("/") if p]

    def on(hosts: tuple[str, ...]) -> bool:
        return any(host == h or host.endswith("." + h) for h in hosts)

    if on(REFERENCE_HOSTS):
        return "other", True
    if host.endswith("github.io") or host.endswith("gitlab.io") or host.endswith("pages.dev"):
        return "project_page", False
    if on(REPOSITORY_HOSTS):
        # a bare host or a profile page is not a repository
        if host in ("github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org") and len(path) < 2:
            return "other", False
        return "repository", False
    if host.startswith("sites.google.") or "project" in url.lower() or not path or len(path) <= 3:
        return "project_page", False
    return "other", False


# Without "//" only a scheme-less host can start a link (``_SCHEMELESS_HOSTS``, *.github.io, *.gitlab.io,
# bit.ly/, hf.co/), and each of them holds one of these: texts with none (most abstracts) have no link.
_HOST_PIECES = (".co", ".org", "www.", ".io", "bit.ly")


def find_links(text: str) -> list[Link]:
    """Every URL in ``text``, normalised and classified, with offsets of the cleaned form."""
    if "//" not in text:
        low = folded(text)  # lower-cased as the case-insensitive ``_URL`` sees ASCII letters (None: unsure)
        if low is not None and not any(piece in low for piece in _HOST_PIECES):
            return []
    return _scanned_links(text)


def _scanned_links(text: str) -> list[Link]:
    """``find_links`` without its shortcut for texts that cannot hold a link."""
    links: list[Link] = []
    for match in _URL.finditer(text):
        cleaned = _clean(match.group())
        if not _plausible(cleaned):
            continue
        kind, reference = classify_url(cleaned)
        links.append(Link(cleaned, match.start(), match.start() + len(cleaned), kind, reference))
    for match in _SPACED_URL.finditer(text):
        if not any(c.isspace() for c in match.group()) or any(l.start <= match.start() < l.end for l in links):
            continue
        cleaned = _clean(match.group())
        glued = _GLUED_SPACED_SCHEME.search(cleaned) if _SCHEME_AFTER.match(text, match.end()) else None
        if glued:  # "... / doc_lmhttps: // github.com / ...": the next link starts inside the last word
            cleaned = cleaned[: glued.start()]
        url = re.sub(r"\s+", "", cleaned).replace("˜", "~")
        if _plausible(url):
            kind, reference = classify_url(url)
            links = [l for l in links if not match.start() <= l.start < match.end()]
            links.append(Link(url, match.start(), match.start() + len(cleaned), kind, reference))
    links.sort(key=lambda l: l.start)
    return links


def _plausible(cleaned: str) -> bool:
    """A URL needs a dotted host after its scheme."""
    host = re.sub(r"(?i)^(?:https?|ftp)://", "", cleaned).split("/", 1)[0]
    return "." in host.strip(".") and len(host) >= 4
