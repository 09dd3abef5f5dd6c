"""Fetch papers from live sources: the arXiv API and the Hugging Face ``daily_papers`` API.

Politeness and robustness: one request at a time with a pause between requests to the same
server (arXiv asks for 3 seconds), retries with exponential backoff on timeouts, connection
errors, HTTP 429 and 5xx, and an on-disk cache of raw responses so that a repeated fetch does not
call the server again. Responses go through the same readers and normaliser as files do.
Base URLs come from ``KG_ARXIV_API_URL`` / ``KG_HF_API_URL`` when set (tests point them at a
local server).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg import __version__
from kg.errors import ConnectionFailed, InputError
from kg.ingest import arxiv_atom, jsonl
from kg.ingest.report import IngestReport, Problems
from kg.ingest.source import input_from_bytes
from kg.io import atomic_write
from kg.model import Paper

ARXIV_API_URL = "https://export.arxiv.org/api/query"
HF_API_URL = "https://huggingface.co/api/daily_papers"
ARXIV_DELAY = 3.0
"""Seconds between two arXiv API calls, as the arXiv API terms of use ask."""
HF_DELAY = 1.0
ARXIV_PAGE_SIZE = 100
CACHE_MAX_AGE = 24 * 3600.0
USER_AGENT = f"kg/{__version__} (+https://github.com/kg-contributors/kg; knowledge-graph builder)"
_FIELD_PREFIX = re.compile(r"\b(?:ti|au|abs|co|jr|cat|rn|id|all|submittedDate):", re.IGNORECASE)
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def default_cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def arxiv_api_url() -> str:
    return os.environ.get("KG_ARXIV_API_URL") or ARXIV_API_URL


def hf_api_url() -> str:
    return os.environ.get("KG_HF_API_URL") or HF_API_URL


@dataclass(slots=True)
class Client:
    """A polite HTTP GET client with retries, backoff and an on-disk response cache.

    ``sleep`` and ``clock`` are injectable so tests can check the pauses without waiting.
    """

    cache_dir: Path | None = field(default_factory=default_cache_dir)
    delay: float = ARXIV_DELAY
    retries: int = 3
    backoff: float = 2.0
    timeout: float = 30.0
    max_age: float = CACHE_MAX_AGE
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str) -> bytes:
        """The body of ``url``: from the cache when fresh, else from the server."""
        cached = self._cache_path(url)
        if cached is not None and cached.exists() and time.time() - cached.stat().st_mtime < self.max_age:
            return cached.read_bytes()
        body = self._download(url)
        if cached is not None:
            with atomic_write(cached, "wb") as fh:
                fh.write(body)
        return body

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        host = urllib.parse.urlsplit(url).netloc.replace(":", "_") or "local"
        return self.cache_dir / "http" / host / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".body")

    def _download(self, url: str) -> bytes:
        host = urllib.parse.urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_turn(host)
            retry_after: float | None = None
            try:
                self.requests += 1
                request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                    return response.read()  # type: ignore[no-any-return]
            except urllib.error.HTTPError as exc:
                if exc.code not in _RETRY_STATUS or attempt >= self.retries:
                    raise ConnectionFailed(f"{url}: HTTP {exc.code} {exc.reason}{_tries(attempt)}") from None
                retry_after = _retry_after(exc.headers.get("Retry-After"))
            except (urllib.error.URLError, TimeoutError, socket.timeout, ConnectionError) as exc:
                if attempt >= self.retries:
                    raise ConnectionFailed(
                        f"cannot reach {url}: {_reason(exc)}{_tries(attempt)}; are you offline?"
                    ) from None
            finally:
                self._last[host] = self.clock()
            wait = self.backoff * (2**attempt)
            self.sleep(max(wait, retry_after or 0.0))
            attempt += 1

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            remaining = self.delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", exc)
    return str(reason) or type(exc).__name__


def _tries(attempt: int) -> str:
    return f" (after {attempt + 1} attempts)" if attempt else ""


def arxiv_query(query: str) -> str:
    """The arXiv ``search_query`` for ``query``: kept when it uses field prefixes (``ti:``,
    ``cat:``...), else every word must appear anywhere (``all:a AND all:b``)."""
    query = " ".join(query.split())
    if not query:
        raise InputError("the arXiv query is empty")
    if _FIELD_PREFIX.search(query):
        return query
    return " AND ".join(f"all:{word}" for word in query.split())


def fetch_arxiv(
    query: str,
    max_results: int,
    *,
    client: Client | None = None,
    page_size: int = ARXIV_PAGE_SIZE,
    sort_by: str = "relevance",
    report: IngestReport | None = None,
    on_error: str = "raise",
) -> Iterator[Paper]:
    """Up to ``max_results`` papers matching ``query``, one API page (``start``/``max_results``) at a time."""
    client = client or Client(delay=ARXIV_DELAY)
    report = report if report is not None else IngestReport()
    problems = Problems(on_error, report)  # type: ignore[arg-type]
    base = arxiv_api_url()
    search = arxiv_query(query)
    start = 0
    yielded = 0
    while start < max_results:
        count = min(page_size, max_results - start)
        params = {"search_query": search, "start": start, "max_results": count, "sortBy": sort_by, "sortOrder": "descending"}
        url = f"{base}?{urllib.parse.urlencode(params)}"
        body = client.get(url)
        try:
            error = arxiv_atom.api_error(body)
            info = arxiv_atom.feed_info(body)
        except (ValueError, SyntaxError) as exc:  # ParseError is a SyntaxError
            raise InputError(f"unexpected response (not an arXiv Atom feed): {exc}", path=url) from None
        if error:
            raise InputError(f"the arXiv API rejected the query: {error}", path=url)
        report.files += 1
        for paper in arxiv_atom.read(input_from_bytes(url, body), problems):
            if yielded >= max_results:  # a server may send more than asked for
                return
            report.read += 1
            yielded += 1
            yield paper
        start += info.entries
        if info.entries == 0 or start >= info.total_results:
            return


def fetch_hf_daily(
    day: date, *, client: Client | None = None, report: IngestReport | None = None, on_error: str = "raise"
) -> Iterator[Paper]:
    """The papers of one day of Hugging Face Daily Papers."""
    client = client or Client(delay=HF_DELAY)
    report = report if report is not None else IngestReport()
    problems = Problems(on_error, report)  # type: ignore[arg-type]
    url = f"{hf_api_url()}?{urllib.parse.urlencode({'date': day.isoformat()})}"
    body = client.get(url)
    try:
        items = json.loads(body)
    except ValueError as exc:
        raise InputError(f"unexpected response (not JSON): {exc}", path=url) from None
    if not isinstance(items, list):
        message = items.get("error") if isinstance(items, dict) else None
        raise InputError(f"unexpected response: expected a JSON array of papers{f' ({message})' if message else ''}", path=url)
    report.files += 1
    if not items:
        return
    for paper in jsonl.read_json(input_from_bytes(url, body), problems, source_name="hf-daily-api"):
        report.read += 1
        yield paper
