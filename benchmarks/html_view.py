"""HTML view: file size and time to a stable first render in headless Chromium.

For synthetic paper–entity graphs of 500 and 5,000 nodes (the graph contract of
``kg.graph.build_graph``), this prints the page size, the Python time to build it (layout
included) and the time from navigation start until the view is drawn and no longer moving
(``data-kg-state=ready``: physics settled and switched off, or positions from Python). The
baseline, in the same run and the same browser, is pyvis's default output
(``Network().from_nx(G)``, ``cdn_resources="in_line"``) for the 500-node graph, timed until
vis-network reports ``stabilized``; pyvis's template still asks CDNs for Bootstrap, which this
offline machine refuses at once. Goal: under 3 s for 5,000 nodes.

Usage: python benchmarks/html_view.py [--sizes 500,5000] [--pyvis-sizes 500] [--repeat 3]
Needs Debian's Chromium (bash scripts/install-browser).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from kg.export.html import write_html  # noqa: E402

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
KINDS = [("Method", "method", 0.45), ("Dataset", "dataset", 0.2), ("Metric", "metric", 0.1),
         ("Task", "task", 0.15), ("Code", "code", 0.1)]
WORDS = ("graph neural retrieval diffusion sparse attention transformer embedding contrastive "
         "robust efficient scalable learning model vision language speech benchmark").split()


def synthetic_graph(n: int, seed: int = 0) -> nx.DiGraph:
    """``n`` nodes: a quarter papers with ~250-word abstracts, the rest entities whose
    popularity follows a Zipf-like law (each used at least once), 2-12 entities a paper."""
    rng = random.Random(seed)
    papers = n // 4
    G = nx.DiGraph()
    for p in range(papers):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize()
        abstract = " ".join(rng.choice(WORDS) for _ in range(250))
        G.add_node(f"paper:p{p}", kind="Paper", label=title, title=title, abstract=abstract,
                   authors=[f"Author {rng.randint(1, 999)}" for _ in range(4)], published="2024-09-11",
                   url=f"https://arxiv.org/abs/2409.{p:05d}", paper_id=f"p{p}")
    entities = []
    for e in range(n - papers):
        kind, etype, _ = rng.choices(KINDS, weights=[w for *_, w in KINDS])[0]
        name = f"https://github.com/org{e}/repo" if etype == "code" else f"{rng.choice(WORDS).capitalize()}-{e}"
        node = f"{etype}:{e}"
        G.add_node(node, kind=kind, label=name, name=name, entity_type=etype, aliases=[], paper_count=0)
        entities.append(node)
    weights = [1 / (i + 1) for i in range(len(entities))]
    for i, node in enumerate(entities):
        G.add_edge(f"paper:p{i % papers}", node, type="USES")
    for p in range(papers):
        for node in rng.choices(entities, weights=weights, k=rng.randint(0, 8)):
            G.add_edge(f"paper:p{p}", node, type="USES")
    for node in entities:
        G.nodes[node]["paper_count"] = G.in_degree(node)
    return G


def kg_page(G: nx.DiGraph, folder: Path) -> tuple[Path, float]:
    start = time.perf_counter()
    path = write_html(G, folder / f"kg-{len(G)}.html", max_nodes=None)
    return path, time.perf_counter() - start


def pyvis_page(G: nx.DiGraph, folder: Path) -> tuple[Path, float]:
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(cdn_resources="in_line")
    net.from_nx(nx.Graph((u, v) for u, v in G.edges()))
    page = net.generate_html()
    path = folder / f"pyvis-{len(G)}.html"
    path.write_text(page, encoding="utf-8")
    return path, time.perf_counter() - start


#: Injected before pyvis's page runs: records when its global ``network`` is created, first
#: drawn after stabilising (``stabilizationIterationsDone``) and stops moving (``stabilized``).
PYVIS_PROBE = """
(() => {
  let value;
  Object.defineProperty(window, "network", {
    configurable: true,
    get() { return value; },
    set(v) {
      value = v;
      if (v && v.once) {
        v.once("stabilizationIterationsDone", () => { window.pyvisFirstAt = performance.now(); });
        v.once("stabilized", () => { window.pyvisStableAt = performance.now(); });
      }
    },
  });
})();
"""


def render_time(browser, path: Path, ready: str, clocks: tuple[str, str], timeout_s: float) -> tuple[float, float]:
    """Seconds from navigation start to the first draw and to a still view, in a fresh page.

    Waits until ``ready`` (a JS predicate) holds, then reads the two ``clocks`` (JS expressions
    in ms); a clock still undefined after ``timeout_s`` counts as infinite.
    """
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.add_init_script(PYVIS_PROBE)
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        try:
            page.wait_for_function(ready, timeout=timeout_s * 1000, polling=50)
        except PlaywrightTimeout:
            pass
        first, still = page.evaluate(f"() => [{clocks[0]}, {clocks[1]}]")
        return tuple(float("inf") if v is None else v / 1000 for v in (first, still))  # type: ignore[return-value]
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,500,5000", help="kg page sizes (nodes)")
    parser.add_argument("--pyvis-sizes", default="200", help="pyvis default page sizes (nodes)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds before a render counts as failed")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pyvis_sizes = [int(s) for s in args.pyvis_sizes.split(",") if s]
    # kg's "ready" is drawn and no longer moving, like pyvis's "stabilized"; pyvis first draws
    # after its stabilisation iterations and goes on moving until "stabilized"
    kg = ("() => document.documentElement.getAttribute('data-kg-state') === 'ready'", ("window.kgReadyAt", "window.kgReadyAt"))
    pyvis = ("() => window.pyvisStableAt !== undefined", ("window.pyvisFirstAt", "window.pyvisStableAt"))
    cases = [("kg", n, kg_page, kg) for n in sizes] + [("pyvis default", n, pyvis_page, pyvis) for n in pyvis_sizes]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for label, n, build, (ready, clocks) in cases:
            G = synthetic_graph(n)
            path, build_s = build(G, folder)
            firsts, stills = [], []
            for _ in range(args.repeat):
                first, still = render_time(browser, path, ready, clocks, args.timeout)
                firsts.append(first)
                stills.append(still)
                if still == float("inf"):
                    break
            rows.append((label, n, G.number_of_edges(), path.stat().st_size, build_s,
                         statistics.median(firsts), statistics.median(stills)))
        browser.close()

    def seconds(value: float) -> str:
        return f"{value:.2f}" if value != float("inf") else f">{args.timeout:.0f}"

    print(f"Chromium {CHROMIUM}, median of {args.repeat} loads; times from navigation start")
    print(f"{'page':<14} {'nodes':>6} {'edges':>6} {'size':>9} {'python s':>9} {'first draw s':>13} {'stable s':>9}")
    for label, n, m, size, build_s, first_s, stable_s in rows:
        print(f"{label:<14} {n:>6} {m:>6} {size / 1e6:>7.2f}MB {build_s:>9.2f} {seconds(first_s):>13} {seconds(stable_s):>9}")
    base = {n: (f, s) for label, n, *_, f, s in rows if label == "pyvis default"}
    for label, n, *_, first_s, stable_s in rows:
        if label == "kg" and n in base:
            bf, bs = base[n]
            ratio = f"{stable_s / bs:.3f}x" if bs != float("inf") else f"< {stable_s / args.timeout:.3f}x"
            print(f"kg / pyvis default at {n} nodes, time to stable: {ratio}; to first draw: {first_s / bf:.3f}x")
    big = [s for label, n, *_, s in rows if label == "kg" and n >= 5000]
    if big:
        print(f"goal < 3 s to a stable first render at 5,000 nodes: {'met' if max(big) < 3 else 'NOT met'} ({max(big):.2f} s)")


if __name__ == "__main__":
    main()
