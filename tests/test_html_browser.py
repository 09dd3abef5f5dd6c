"""The HTML view in real headless Chromium (Debian's package, installed by scripts/install-browser).

One browser for the module; each test opens its page from file:// and records every console
message, page error, dialog and request. The example is the view.html that `kg build` writes
for examples/daily-papers-sep-11.txt; its screenshot goes to test-artifacts/ (and, with
KG_UPDATE_GOLDEN=1, to docs/view.png for the README).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from kg.export.files import load_graph
from kg.export.html import write_html
from kg.graph import build_graph
from kg.model import ExtractedPaper
from kg.pipeline import build

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "html"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CODE_PAPER = "Learning Delays in Spiking Neural Networks using Dilated Convolutions with Learnable Spacings"
CODE_URL = "https://github.com/Thvnvtos/SNN-delays"


def load(name: str) -> nx.DiGraph:
    with open(DATA / name, encoding="utf-8") as fh:
        return build_graph(ExtractedPaper.from_dict(json.loads(line)) for line in fh)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-browser` (scripts/test does)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Opened:
    page: object
    console: list[tuple[str, str]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(kind, text) for kind, text in self.console if kind in ("error", "warning", "pageerror")]

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file://", "data:"))]


def open_view(browser, path: Path, *, width: int = 1400, height: int = 900) -> Opened:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    opened = Opened(page)
    page.on("console", lambda m: opened.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: opened.console.append(("pageerror", str(e))))
    page.on("request", lambda r: opened.requests.append(r.url))

    def on_dialog(dialog) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-kg-state=ready]", state="attached", timeout=60_000)
    return opened


def kinds_drawn(page) -> dict[str, int]:
    return page.evaluate(
        """() => kgView.drawnNodes().reduce((acc, id) => {
             const kind = kgView.info(id).kind; acc[kind] = (acc[kind] || 0) + 1; return acc; }, {})"""
    )


def node_id(page, title: str) -> str:
    return page.evaluate(
        "(t) => Object.keys(kgView.views.graph.data.nodes.reduce((a, n) => (a[n.id] = 1, a), {}))"
        ".find((id) => kgView.info(id).title === t)",
        title,
    )


def click_node(page, node: str) -> None:
    """A real mouse click on the node where the canvas draws it."""
    box = page.locator("#kg-network").bounding_box()
    point = page.evaluate(
        """(id) => { const net = kgView.views.graph.network;
                     return net.canvasToDOM(net.getPositions([id])[id]); }""",
        node,
    )
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.fixture(scope="module")
def example_out(tmp_path_factory) -> Path:
    """``kg build`` of the bundled example: its view.html is the page users open."""
    out = tmp_path_factory.mktemp("html") / "out"
    build([ROOT / "examples" / "daily-papers-sep-11.txt"], out, exporters=["graph-json", "html"])
    return out


@pytest.fixture(scope="module")
def example(example_out) -> Path:
    return example_out / "view.html"


@pytest.fixture(scope="module")
def example_graph(example_out) -> nx.DiGraph:
    return load_graph(example_out)


@pytest.fixture()
def view(browser, example) -> Iterator[Opened]:
    opened = open_view(browser, example)
    yield opened
    opened.page.context.close()


def test_example_loads_offline_without_errors(view: Opened):
    assert view.errors == []
    assert view.foreign_requests == []
    assert view.requests == [view.page.url]
    assert kinds_drawn(view.page)["Paper"] == 65
    assert view.page.locator(".kg-count[data-kind=Paper]").inner_text() == "65"
    assert view.page.locator("#kg-notice").is_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=ARTIFACTS / "view.png")
    if os.environ.get("KG_UPDATE_GOLDEN"):
        shutil.copyfile(ARTIFACTS / "view.png", ROOT / "docs" / "view.png")


def test_physics_settles_and_stops(view: Opened):
    page = view.page
    assert page.evaluate("kgView.views.graph.network.physics.physicsEnabled") is False
    before = page.evaluate("kgView.views.graph.network.getPositions()")
    page.wait_for_timeout(500)
    assert page.evaluate("kgView.views.graph.network.getPositions()") == before


def test_search_finds_muvera_and_focuses_it(view: Opened, example_graph: nx.DiGraph):
    page = view.page
    page.locator("#kg-search").fill("muvera")
    options = page.locator("#kg-results [role=option]")
    assert options.count() >= 1
    assert "MUVERA" in options.first.inner_text()
    page.keyboard.press("Enter")
    selected = page.locator("html").get_attribute("data-kg-selected")
    attrs = example_graph.nodes[selected]
    name = attrs.get("name") or attrs["title"]
    assert "MUVERA" in name and page.locator("#kg-panel h2").inner_text() == name
    # the match and its neighbours are selected, so drawn on top of the dimmed rest
    drawn_on_top = set(page.evaluate("kgView.views.graph.network.getSelectedNodes()"))
    assert drawn_on_top == {selected, *example_graph.pred[selected], *example_graph.succ[selected]}
    # focused: the animation ends zoomed in on the match, at the centre of the canvas
    page.wait_for_function("() => kgView.views.graph.network.getScale() >= 1.1", timeout=5_000)
    page.wait_for_timeout(400)
    centre = page.evaluate(
        """(id) => { const net = kgView.views.graph.network;
                     const p = net.canvasToDOM(net.getPositions([id])[id]);
                     const box = document.getElementById("kg-network").getBoundingClientRect();
                     return [p.x / box.width, p.y / box.height]; }""",
        selected,
    )
    assert centre == pytest.approx([0.5, 0.5], abs=0.05)
    assert view.errors == []


def test_type_filter_hides_all_metrics(view: Opened):
    page = view.page
    before = kinds_drawn(page)
    assert before["Metric"] > 0
    page.get_by_label("Metrics").uncheck()
    after = kinds_drawn(page)
    assert "Metric" not in after
    assert {k: v for k, v in before.items() if k != "Metric"} == after
    assert page.locator(".kg-count[data-kind=Metric]").inner_text() == f"0 / {before['Metric']}"
    page.get_by_label("Metrics").check()
    assert kinds_drawn(page) == before


def test_min_degree_filter(view: Opened, example_graph: nx.DiGraph):
    page = view.page
    page.locator("#kg-min-degree").fill("3")
    drawn = page.evaluate("kgView.drawnNodes().map((id) => kgView.info(id).degree)")
    assert drawn and min(drawn) >= 3
    page.locator("#kg-reset").click()
    assert sum(kinds_drawn(page).values()) == len(example_graph)


def test_click_on_a_paper_shows_panel_code_link_and_neighbourhood(view: Opened, example_graph: nx.DiGraph):
    page = view.page
    paper = node_id(page, CODE_PAPER)
    code = [example_graph.nodes[c]["name"] for c in example_graph.succ[paper] if example_graph.nodes[c]["kind"] == "Code"]
    assert code == [CODE_URL]
    page.evaluate("(id) => kgView.views.graph.network.focus(id, {scale: 1.5})", paper)
    click_node(page, paper)
    assert page.locator("#kg-panel").is_visible()
    assert page.locator("#kg-panel h2").inner_text() == CODE_PAPER
    link = page.locator(f'#kg-panel a[href="{CODE_URL}"]')
    assert link.count() == 1
    assert link.get_attribute("target") == "_blank"
    assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    groups = page.locator("#kg-panel section.kg-group").evaluate_all("(s) => s.map((e) => e.dataset.kind)")
    assert "Code" in groups and "Method" in groups
    colours = page.evaluate(
        """(id) => { const v = kgView.views.graph; const near = new Set([id]);
                     (v.adjacency[id] || []).forEach((a) => near.add(a.other));
                     return v.nodes.get().map((n) => [near.has(n.id), n.color.background]); }""",
        paper,
    )
    assert {bg for near, bg in colours if not near} == {"#eef0f3"}
    assert "#eef0f3" not in {bg for near, bg in colours if near}
    page.keyboard.press("Escape")
    assert page.locator("#kg-panel").is_hidden()
    assert view.errors == []


def test_related_papers_view(view: Opened):
    page = view.page
    page.get_by_label("Related papers only").check()
    page.wait_for_function("() => kgView.views.papers.settled", timeout=30_000)
    assert kinds_drawn(page) == {"Paper": 65}
    assert page.evaluate("kgView.views.papers.network.physics.physicsEnabled") is False
    edge = page.evaluate("kgView.views.papers.edges.get()[0]")
    assert edge["shared"]
    page.get_by_label("Papers and entities").check()
    assert kinds_drawn(page)["Paper"] == 65
    assert view.errors == []


def test_hostile_text_runs_nothing_and_shows_literally(browser, tmp_path: Path):
    G = load("hostile.jsonl")
    opened = open_view(browser, write_html(G, tmp_path / "hostile.html", title="<img src=x onerror=alert('t')>"))
    page = opened.page
    try:
        assert page.title() == "<img src=x onerror=alert('t')>"
        assert page.locator("#kg-title").inner_text() == "<img src=x onerror=alert('t')>"
        for node in G:
            page.evaluate("(id) => kgView.select(id)", node)
            attrs = G.nodes[node]
            expected = attrs["title"] if attrs["kind"] == "Paper" else attrs["name"]
            assert page.locator("#kg-panel h2").text_content() == expected
        page.evaluate("(id) => kgView.select(id)", "paper:hostile-img")
        assert page.locator("#kg-panel .kg-abstract").text_content() == G.nodes["paper:hostile-img"]["abstract"]
        assert page.locator("#kg-panel a").count() == 0  # javascript: and quote-laden URLs are not links
        page.locator("#kg-search").fill("<img")
        assert page.locator("#kg-results [role=option]").first.inner_text().strip() == "<img src=x onerror=alert(1)>"
        page.locator("#kg-search").fill("svg onload")  # an alias
        assert page.locator("#kg-results [role=option]").count() == 1
        page.mouse.move(10, 10)
        page.wait_for_timeout(200)
        assert opened.dialogs == []
        assert page.evaluate("window.kgPwned") is None
        assert page.locator("img, svg[onload], b[onmouseover], #kg-panel script").count() == 0
        assert opened.errors == [] and opened.foreign_requests == []
    finally:
        page.context.close()


def test_large_graph_is_laid_out_in_python_and_says_what_was_pruned(browser, tmp_path: Path):
    G = nx.DiGraph()
    for p in range(500):
        G.add_node(f"paper:p{p}", kind="Paper", label=f"Paper {p}", title=f"Paper {p}", abstract="")
        for e in (p % 997, (p * 7) % 997, (p * 13 + 5) % 997):
            G.add_node(f"method:m{e}", kind="Method", label=f"m{e}", name=f"m{e}", aliases=[], paper_count=1)
            G.add_edge(f"paper:p{p}", f"method:m{e}", type="USES")
    assert len(G) > 1200 > 1000  # pruned, and still past the layout threshold
    path = write_html(G, tmp_path / "large.html", max_nodes=1200)
    opened = open_view(browser, path)
    page = opened.page
    try:
        assert page.evaluate("kgView.views.graph.data.physics") is False
        assert sum(kinds_drawn(page).values()) == 1200
        notice = page.locator("#kg-notice")
        assert notice.is_visible()
        assert notice.inner_text().startswith(f"Showing 1,200 of {len(G):,} nodes; left out: ")
        assert opened.errors == []
    finally:
        page.context.close()
