"""``kg fetch`` against a local HTTP server that answers like the arXiv and Hugging Face APIs."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import ConnectionFailed, InputError
from kg.ingest import IngestReport
from kg.ingest.fetch import Client, arxiv_query, default_cache_dir, fetch_arxiv, fetch_hf_daily

FIXTURES = Path(__file__).parent / "data" / "ingest" / "fetch"


class ApiServer(ThreadingHTTPServer):
    """Serves the recorded responses; ``failures`` are statuses answered before the real one."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.log: list[tuple[str, dict[str, str]]] = []
        self.failures: list[tuple[int, dict[str, str]]] = []
        self.stall = 0.0

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timeout test) closes the connection mid-answer

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: ApiServer

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.server.log.append((url.path, query))
        if self.server.stall:
            time.sleep(self.server.stall)
        if self.server.failures:
            status, headers = self.server.failures.pop(0)
            return self._send(status, b"<html>Service Unavailable</html>", "text/html", headers)
        if url.path == "/api/query":
            search = query.get("search_query", "")
            name = "arxiv-error.xml" if "id_list" in search else "arxiv-empty.xml" if "nothing" in search else f"arxiv-start-{query.get('start', '0')}.xml"
            body = (FIXTURES / name).read_bytes() if (FIXTURES / name).exists() else (FIXTURES / "arxiv-empty.xml").read_bytes()
            return self._send(200, body, "application/atom+xml; charset=utf-8")
        if url.path == "/api/daily_papers":
            path = FIXTURES / f"hf-daily-{query.get('date')}.json"
            if query.get("date") == "1999-01-01":
                return self._send(200, b"<!doctype html><title>Oops</title>", "text/html")
            return self._send(200, (path if path.exists() else FIXTURES / "hf-daily-empty.json").read_bytes(), "application/json")
        return self._send(404, b"Not Found", "text/plain")

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ApiServer]:
    api = ApiServer()
    thread = threading.Thread(target=api.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    monkeypatch.setenv("KG_ARXIV_API_URL", f"{api.base}/api/query")
    monkeypatch.setenv("KG_HF_API_URL", f"{api.base}/api/daily_papers")
    yield api
    api.shutdown()
    api.server_close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(tmp_path: Path, sleeps: list[float]) -> Client:
    """A client on a fake clock: sleeping records the pause and moves the clock, instantly."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    return Client(cache_dir=tmp_path / "cache", sleep=sleep, clock=lambda: now[0], timeout=5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env, prog_name="kg")
    return result.exit_code, result.stdout, result.stderr


# --- arXiv -------------------------------------------------------------------------------------


def test_arxiv_pages_through_results_politely(server: ApiServer, client: Client, sleeps: list[float]) -> None:
    papers = list(fetch_arxiv("grokking deep", 10, client=client))
    assert [p.id for p in papers] == ["arxiv:2310.06625", "arxiv:2402.15555", "arxiv:2501.04697", "arxiv:2005.07143", "arxiv:2209.15430"]
    assert [(path, q["start"], q["max_results"]) for path, q in server.log] == [("/api/query", "0", "10"), ("/api/query", "3", "7")]
    assert server.log[0][1]["search_query"] == "all:grokking AND all:deep"
    assert sleeps == [3.0]  # arXiv's 3 seconds between calls
    assert papers[3].doi == "10.21437/interspeech.2020-2650" and {p.source for p in papers} == {"arxiv-api"}


def test_arxiv_stops_at_max(server: ApiServer, client: Client) -> None:
    assert len(list(fetch_arxiv("grokking", 2, client=client))) == 2
    assert len(server.log) == 1


def test_arxiv_no_results(server: ApiServer, client: Client) -> None:
    assert list(fetch_arxiv("nothing at all", 5, client=client)) == []


def test_arxiv_api_error_is_reported(server: ApiServer, client: Client) -> None:
    with pytest.raises(InputError, match=r"the arXiv API rejected the query: incorrect id format for 1234\.12345"):
        list(fetch_arxiv("id_list:1234.12345", 5, client=client))


def test_responses_are_cached_on_disk(server: ApiServer, client: Client, tmp_path: Path) -> None:
    first = list(fetch_arxiv("grokking", 5, client=client))
    assert len(server.log) == 2
    again = list(fetch_arxiv("grokking", 5, client=Client(cache_dir=tmp_path / "cache", sleep=lambda s: None)))
    assert again == first and len(server.log) == 2  # served from the cache
    list(fetch_arxiv("grokking", 5, client=Client(cache_dir=tmp_path / "cache", max_age=0, sleep=lambda s: None)))
    assert len(server.log) == 4  # refresh asks again
    assert len(list((tmp_path / "cache" / "http").rglob("*.body"))) == 2


def test_retries_with_exponential_backoff(server: ApiServer, client: Client, sleeps: list[float]) -> None:
    server.failures = [(503, {}), (502, {})]
    assert len(list(fetch_hf_daily(date(2023, 9, 11), client=client))) == 4
    assert len(server.log) == 3
    assert sleeps == [2.0, 1.0, 4.0]  # backoff 2 s (+1 s to make the polite 3 s), then 4 s


def test_retry_after_is_honoured(server: ApiServer, client: Client, sleeps: list[float]) -> None:
    server.failures = [(429, {"Retry-After": "7"})]
    list(fetch_hf_daily(date(2023, 9, 11), client=client))
    assert sleeps[0] == 7.0


def test_gives_up_after_the_retries(server: ApiServer, client: Client) -> None:
    server.failures = [(503, {})] * 4
    with pytest.raises(ConnectionFailed, match=r"HTTP 503 Service Unavailable \(after 4 attempts\)"):
        list(fetch_hf_daily(date(2023, 9, 11), client=client))


def test_client_errors_are_not_retried(server: ApiServer, client: Client) -> None:
    server.failures = [(404, {})]
    with pytest.raises(ConnectionFailed, match=r"/api/daily_papers\?date=2023-09-11: HTTP 404"):
        list(fetch_hf_daily(date(2023, 9, 11), client=client))
    assert len(server.log) == 1


def test_timeouts_are_retried_then_reported(server: ApiServer, tmp_path: Path) -> None:
    server.stall = 0.5
    slow = Client(cache_dir=None, timeout=0.1, retries=1, sleep=lambda s: None)
    with pytest.raises(ConnectionFailed, match=r"cannot reach .*: .*timed out \(after 2 attempts\); are you offline\?"):
        list(fetch_hf_daily(date(2023, 9, 11), client=slow))


def test_unreachable_server_names_the_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/api/query"
    monkeypatch.setenv("KG_ARXIV_API_URL", url)
    with pytest.raises(ConnectionFailed) as info:
        list(fetch_arxiv("x", 1, client=Client(cache_dir=None, retries=2, sleep=lambda s: None)))
    message = str(info.value)
    assert message.startswith(f"cannot reach {url}?search_query=all%3Ax") and "refused" in message
    assert message.endswith("(after 3 attempts); are you offline?")


@pytest.mark.parametrize(
    ("query", "sent"),
    [("graph neural networks", "all:graph AND all:neural AND all:networks"), ("cat:cs.LG AND ti:diffusion", "cat:cs.LG AND ti:diffusion")],
)
def test_arxiv_query(query: str, sent: str) -> None:
    assert arxiv_query(query) == sent


def test_empty_query() -> None:
    with pytest.raises(InputError, match="empty"):
        arxiv_query("   ")


# --- Hugging Face -------------------------------------------------------------------------------


def test_hf_daily(server: ApiServer, client: Client) -> None:
    report = IngestReport()
    papers = list(fetch_hf_daily(date(2023, 9, 11), client=client, report=report))
    assert [p.arxiv_id for p in papers] == ["2307.08702", "2405.19504", "2305.10431", "2310.06625"]
    assert server.log == [("/api/daily_papers", {"date": "2023-09-11"})]
    assert report.read == 4 and papers[0].links == ("https://github.com/soumik-kanad/diffssl",)


def test_hf_daily_unexpected_response(server: ApiServer, client: Client) -> None:
    with pytest.raises(InputError, match=r"date=1999-01-01: unexpected response \(not JSON\)"):
        list(fetch_hf_daily(date(1999, 1, 1), client=client))


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "kgcache"))
    assert default_cache_dir() == tmp_path / "kgcache"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "kg"


# --- the commands -------------------------------------------------------------------------------


def test_kg_fetch_arxiv(server: ApiServer, tmp_path: Path) -> None:
    out = tmp_path / "arxiv.jsonl"
    code, _, stderr = run("fetch", "arxiv", "--query", "grokking deep", "--max", "5", "-o", out, "--delay", "0", "--cache-dir", tmp_path / "c")
    assert code == 0, stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records][:2] == ["arxiv:2310.06625", "arxiv:2402.15555"] and len(records) == 5
    assert stderr == f"5 papers from 2 responses: 5 read, 0 skipped, 0 duplicates merged; wrote {out}\n"
    assert server.log[0][1]["sortBy"] == "relevance"


def test_kg_fetch_hf_daily_to_stdout(server: ApiServer, tmp_path: Path) -> None:
    code, stdout, _ = run("fetch", "hf-daily", "--date", "2023-09-11", "-o", "-", "--cache-dir", tmp_path)
    assert code == 0
    assert [json.loads(line)["source"] for line in stdout.splitlines()] == ["hf-daily-api"] * 4


def test_kg_fetch_uses_kg_cache_dir(server: ApiServer, tmp_path: Path) -> None:
    code, _, _ = run("fetch", "hf-daily", "--date", "2023-09-11", "-o", "-", env={"KG_CACHE_DIR": str(tmp_path / "env-cache")})
    assert code == 0 and list((tmp_path / "env-cache" / "http").rglob("*.body"))


def test_kg_fetch_empty_day_is_an_error(server: ApiServer, tmp_path: Path) -> None:
    code, _, stderr = run("fetch", "hf-daily", "--date", "2023-09-12", "-o", tmp_path / "o.jsonl", "--cache-dir", tmp_path)
    assert code == 1 and stderr == "Error: no papers found for Daily Papers of 2023-09-12\n"
    assert not (tmp_path / "o.jsonl").exists()


def test_kg_fetch_refuses_to_overwrite_before_asking_the_server(server: ApiServer, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text("keep\n")
    code, _, stderr = run("fetch", "hf-daily", "--date", "2023-09-11", "-o", out, "--cache-dir", tmp_path)
    assert code == 1 and "already exists; pass --force" in stderr
    assert server.log == [] and out.read_text() == "keep\n"


def test_kg_fetch_offline_is_one_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/api/daily_papers"
    code, _, stderr = run(
        "fetch", "hf-daily", "--date", "2023-09-11", "-o", "-", "--retries", "0", "--cache-dir", tmp_path, env={"KG_HF_API_URL": url}
    )
    assert code == 1 and len(stderr.splitlines()) == 1
    assert stderr.startswith(f"Error: cannot reach {url}?date=2023-09-11") and stderr.endswith("are you offline?\n")


@pytest.mark.parametrize("day", ["2023-13-01", "yesterday", "11/09/2023"])
def test_kg_fetch_bad_date_is_a_usage_error(day: str) -> None:
    code, _, stderr = run("fetch", "hf-daily", "--date", day, "-o", "-")
    assert code == 2 and "Invalid value for '--date'" in stderr
