"""The HTML exporter without a browser: pruning, escaping, self-containment, layout, notebook."""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import OutputError
from kg.export import html as view
from kg.export.html_layout import sampled_spring_layout
from kg.graph import build_graph
from kg.model import ExtractedPaper

DATA = Path(__file__).parent / "data" / "html"
GOLDEN = DATA / "golden"


def load(name: str) -> nx.DiGraph:
    with open(DATA / name, encoding="utf-8") as fh:
        return build_graph(ExtractedPaper.from_dict(json.loads(line)) for line in fh)


def embedded(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def star(n_entities: int, papers: int = 1) -> nx.DiGraph:
    """Papers p0..p{papers-1}, each linked to entities e0..e{n_entities-1}."""
    G = nx.DiGraph()
    for p in range(papers):
        G.add_node(f"paper:p{p}", kind="Paper", label=f"P{p}", title=f"P{p}", abstract="")
        for e in range(n_entities):
            G.add_node(f"method:e{e}", kind="Method", label=f"E{e}", name=f"E{e}", aliases=[], paper_count=papers)
            G.add_edge(f"paper:p{p}", f"method:e{e}", type="USES")
    return G


# -- escaping ------------------------------------------------------------------------------


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_embedded_json_round_trips_and_never_contains_markup_characters(data):
    text = view.embed_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == data


def test_hostile_text_never_appears_raw_in_the_page():
    G = load("hostile.jsonl")
    page = view.render_html(G, title='<script>alert("title")</script>')
    body = page.split('<script type="application/json"', 1)[1]
    for payload in ("<img src=x onerror", "</script><script>alert(1)", "<b onmouseover", "<svg onload", "\u2028", "<!--"):
        assert payload not in body.split("</script>", 1)[0], payload
    assert page.count("</script>") == 3  # the data block, vis-network and the view's script
    assert "<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</title>" in page
    data = embedded(page)
    titles = {d.get("title") for d in data["info"].values()}
    assert "<img src=x onerror=alert(1)>" in titles and "</script><script>alert(1)</script>" in titles


def test_only_http_urls_become_links():
    data = embedded(view.render_html(load("hostile.jsonl")))
    info = data["info"]
    assert "url" not in info["paper:hostile-img"]  # javascript: URL dropped
    assert "url" not in info["paper:hostile-script"]  # '<' in a URL: not a link either
    code = {d["name"]: d.get("url") for d in info.values() if d["kind"] == "Code"}
    assert code == {
        "javascript:alert(3)": None,
        'https://github.com/example/ok"onmouseover=alert(7)': None,
        "https://github.com/example/repo": "https://github.com/example/repo",
    }


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://github.com/a/b", "https://github.com/a/b"),
        ("http://example.org/x?y=1", "http://example.org/x?y=1"),
        ("  https://example.org  ", "https://example.org"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,<b>", None),
        ("//example.org", None),
        ("https:///nohost", None),
        ("https://example.org/<script>", None),
        (None, None),
        (42, None),
    ],
)
def test_safe_url(url, safe):
    assert view.safe_url(url) == safe


# -- self-contained ------------------------------------------------------------------------


def test_page_loads_nothing_from_anywhere():
    page = view.render_html(load("daily-papers-sep-11.jsonl"))
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", page, re.I)
    assert "@import" not in page and not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "sourceMappingURL" not in page
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]


def test_vis_network_is_shipped_with_its_notice():
    folder = Path(view.__file__).parent / "html_template"
    notice = (folder / "NOTICE").read_text(encoding="utf-8")
    assert "vis-network 9.1.2" in notice and "MIT License" in notice
    assert (folder / "vis-network.min.js").read_text(encoding="utf-8").startswith("/**\n * vis-network")


# -- pruning -------------------------------------------------------------------------------


def test_prune_keeps_everything_by_default():
    G = load("daily-papers-sep-11.jsonl")
    kept, report = view.prune(G)
    assert set(kept) == set(G) and report.removed == 0 and report.describe() == ""


def test_prune_min_degree_uses_full_graph_degrees():
    G = star(3, papers=2)  # papers have degree 3, entities degree 2
    G.add_node("task:lonely", kind="Task", label="lonely", name="lonely", aliases=[], paper_count=0)
    kept, report = view.prune(G, min_degree=3)
    assert sorted(kept) == ["paper:p0", "paper:p1"]
    assert (report.below_min_degree, report.beyond_max_nodes) == (4, 0)
    assert report.describe() == "Showing 2 of 6 nodes; left out: 4 with fewer than 3 links (--min-degree)."


def test_prune_max_nodes_keeps_best_linked_papers_first_then_by_id():
    G = star(2, papers=2)  # every node has degree 2
    kept, report = view.prune(G, max_nodes=3)
    assert sorted(kept) == ["method:e0", "paper:p0", "paper:p1"]
    assert report.beyond_max_nodes == 1
    assert "1 of the least linked beyond the first 3 (--max-nodes)" in report.describe()


def test_prune_applies_min_degree_before_max_nodes():
    G = star(4, papers=1)
    G.add_edge("paper:p1", "method:e3", type="USES")
    G.nodes["paper:p1"].update(kind="Paper", label="P1", title="P1")
    kept, report = view.prune(G, min_degree=2, max_nodes=1)
    assert list(kept) == ["paper:p0"]
    assert (report.below_min_degree, report.beyond_max_nodes, report.shown_nodes) == (4, 1, 1)


def test_prune_rejects_negative_limits():
    with pytest.raises(ValueError):
        view.prune(star(1), min_degree=-1)
    with pytest.raises(ValueError):
        view.prune(star(1), max_nodes=-5)


def test_the_page_says_what_was_pruned():
    G = load("daily-papers-sep-11.jsonl")
    data = embedded(view.render_html(G, min_degree=2, max_nodes=20))
    assert data["notice"].startswith(f"Showing 20 of {len(G)} nodes; left out:")
    assert data["pruning"]["shown_nodes"] == len(data["graph"]["nodes"]) == 20


# -- what the page draws ------------------------------------------------------------------


def test_example_graph_data():
    G = load("daily-papers-sep-11.jsonl")
    data = embedded(view.render_html(G, title="Sep 11"))
    nodes = data["graph"]["nodes"]
    assert sum(n["group"] == "Paper" for n in nodes) == 65
    assert {n["id"] for n in nodes} == set(G) == set(data["info"])
    assert data["graph"]["physics"] is True and all("x" in n and "y" in n for n in nodes)  # a seeded start
    assert all("title" not in n for n in nodes)  # vis would put it into innerHTML
    assert [k["kind"] for k in data["kinds"]] == ["Paper", "Method", "Dataset", "Metric", "Task", "Code"]
    sizes = {n["id"]: n["value"] for n in nodes}
    busiest = max((p for p in G if G.nodes[p]["kind"] == "Paper"), key=G.degree)
    assert sizes[busiest] == G.degree(busiest) == max(sizes[p] for p in sizes if p.startswith("paper:"))
    papers = data["papers"]
    assert len(papers["nodes"]) == 65 and all(n["group"] == "Paper" for n in papers["nodes"])
    assert all(e["shared"] and e["value"] > 0 for e in papers["edges"])


def test_related_papers_view_keeps_only_each_papers_strongest_links():
    P = nx.Graph()
    P.add_edges_from((0, i, {"weight": i, "shared": [f"e{i}"]}) for i in range(1, 12))
    kept = view.strongest_links(P, per_node=3)
    # node 0 keeps 11, 10, 9; every leaf keeps its only link, so all stay
    assert len(kept) == 11
    P.add_edges_from((i, i + 1, {"weight": 100, "shared": ["x"]}) for i in range(1, 11))
    kept = {tuple(sorted((u, v))) for u, v, _ in view.strongest_links(P, per_node=1)}
    assert (0, 1) not in kept and (10, 11) in kept


def test_large_graphs_get_python_positions_and_no_physics():
    G = star(3, papers=400)  # 403 nodes
    data = embedded(view.render_html(G, layout_threshold=100))
    nodes = data["graph"]["nodes"]
    assert data["graph"]["physics"] is False and data["graph"]["options"]["physics"]["enabled"] is False
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in nodes)
    assert data["graph"]["options"]["edges"]["smooth"]["enabled"] is False


def test_labels_are_short_and_code_labels_drop_the_scheme():
    long = {"kind": "Paper", "label": "A very long title about graphs, knowledge, and the things that tie them"}
    assert view._label(long) == "A very long title about graphs…"
    assert view._label({"kind": "Code", "label": "https://www.github.com/a/b/"}) == "github.com/a/b"


# -- layout --------------------------------------------------------------------------------


def test_layout_is_deterministic_and_keeps_linked_nodes_close():
    G = nx.connected_caveman_graph(12, 8)
    a = sampled_spring_layout(G, seed=3)
    assert a == sampled_spring_layout(G, seed=3)
    assert a != sampled_spring_layout(G, seed=4)

    def dist(u, v):
        return math.dist(a[u], a[v])

    linked = sum(dist(u, v) for u, v in G.edges()) / G.number_of_edges()
    nodes = list(G)
    apart = sum(dist(u, v) for u in nodes[::7] for v in nodes[::5] if u != v and not G.has_edge(u, v))
    apart /= sum(1 for u in nodes[::7] for v in nodes[::5] if u != v and not G.has_edge(u, v))
    assert linked * 3 < apart


def test_layout_edge_cases():
    assert sampled_spring_layout(nx.Graph()) == {}
    assert sampled_spring_layout(nx.path_graph(1)) == {0: (0.0, 0.0)}
    pos = sampled_spring_layout(nx.empty_graph(5))
    assert len(set(pos.values())) == 5


# -- files and notebooks -------------------------------------------------------------------


def test_write_html_is_atomic_and_refuses_to_overwrite_when_asked(tmp_path):
    G = load("hostile.jsonl")
    target = view.write_html(G, tmp_path / "view.html")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(OutputError, match="already exists"):
        view.write_html(G, target, overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]


def test_show_returns_an_iframe_with_srcdoc_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shown = view.show(load("hostile.jsonl"), title="Hostile")
    markup = shown._repr_html_() if hasattr(shown, "_repr_html_") else shown.data
    assert markup.startswith("<iframe srcdoc=\"&lt;!DOCTYPE html&gt;")
    assert "<script" not in markup  # the page is an attribute value, fully escaped
    assert list(tmp_path.iterdir()) == []


def test_golden_data_for_the_hostile_fixture():
    data = embedded(view.render_html(load("hostile.jsonl"), title="Hostile"))
    data.pop("generator")
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    golden = GOLDEN / "hostile.data.json"
    if os.environ.get("KG_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), "run with KG_UPDATE_GOLDEN=1 and review the diff"
