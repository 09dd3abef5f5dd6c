"""The interactive HTML view: one self-contained, offline, safe file (vis-network via pyvis).

The page inlines vis-network (shipped in ``html_template/``, see its NOTICE), its own script
and style, and the graph as JSON in a ``<script type="application/json">`` block with ``<``,
``>``, ``&``, U+2028 and U+2029 escaped, so no paper text can end the block. The page's script
puts every piece of paper text into the DOM as text (``textContent``), and a Content Security
Policy allows only the page's own two scripts (by hash) and no network access at all.

pyvis builds the vis-network node, edge and option objects; its HTML template is not used,
because it loads Bootstrap and other assets from CDNs and puts node titles into ``innerHTML``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import warnings
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network

from kg import __version__
from kg.errors import OutputError
from kg.export.html_layout import sampled_spring_layout
from kg.graph.projection import project
from kg.io import atomic_write

#: Default cap on the nodes drawn: past it the page stays usable but says what it left out.
DEFAULT_MAX_NODES = 5000
#: Above this many nodes, positions come from Python and the browser runs no physics.
LAYOUT_THRESHOLD = 1000
#: The related-papers view keeps, for each paper, links to its most similar papers only.
RELATED_PER_PAPER = 8
#: Paper titles are cut to this many characters in node labels (the panel shows them whole).
LABEL_CHARS = 40

PAPER = "Paper"
VIEW_HTML = "view.html"
_TEMPLATE = "html_template"
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Pruning:
    """What was left out of the view and why (shown on the page and by ``kg html``)."""

    total_nodes: int
    shown_nodes: int
    min_degree: int
    below_min_degree: int
    max_nodes: int | None
    beyond_max_nodes: int

    @property
    def removed(self) -> int:
        return self.below_min_degree + self.beyond_max_nodes

    def describe(self) -> str:
        """One sentence for the page; empty when nothing was left out."""
        if not self.removed:
            return ""
        parts = []
        if self.below_min_degree:
            parts.append(f"{self.below_min_degree:,} with fewer than {self.min_degree} links (--min-degree)")
        if self.beyond_max_nodes:
            parts.append(f"{self.beyond_max_nodes:,} of the least linked beyond the first {self.max_nodes:,} (--max-nodes)")
        return (
            f"Showing {self.shown_nodes:,} of {self.total_nodes:,} nodes; left out: "
            + " and ".join(parts)
            + "."
        )


def prune(G: nx.Graph, *, max_nodes: int | None = DEFAULT_MAX_NODES, min_degree: int = 0) -> tuple[nx.Graph, Pruning]:
    """The subgraph the view draws, in a documented order.

    1. Nodes with fewer than ``min_degree`` links in ``G`` (in plus out) are dropped.
    2. If more than ``max_nodes`` remain, the best-linked are kept: by degree in ``G``
       (highest first), papers before entities on a tie, then by node id.

    Degrees are always those of the full graph, so the outcome does not depend on the order
    of the steps' internals. ``max_nodes=None`` (or 0) means no cap.
    """
    if min_degree < 0:
        raise ValueError(f"min_degree must be 0 or more, not {min_degree}")
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be 0 or more, not {max_nodes}")
    degree = dict(G.degree())
    kept = [node for node in G if degree[node] >= min_degree]
    below = len(G) - len(kept)
    beyond = 0
    if max_nodes and len(kept) > max_nodes:
        kept.sort(key=lambda node: (-degree[node], G.nodes[node].get("kind") != PAPER, str(node)))
        beyond = len(kept) - max_nodes
        kept = kept[:max_nodes]
    report = Pruning(len(G), len(kept), min_degree, below, max_nodes or None, beyond)
    if not report.removed:
        return G, report
    return G.subgraph(kept).copy(), report


def strongest_links(
    P: nx.Graph, nodes: Iterable[Hashable] | None = None, per_node: int = RELATED_PER_PAPER
) -> list[tuple[Hashable, Hashable, dict]]:
    """The edges of ``P`` among ``nodes`` (default: all) that are among the ``per_node``
    heaviest of either end, in a stable order (by weight, then by the other node's id)."""
    members = set(P) if nodes is None else set(nodes)
    keep: dict[frozenset, tuple[Hashable, Hashable, dict]] = {}
    for node in sorted(members, key=str):
        ranked = sorted(
            ((other, data) for other, data in P.adj[node].items() if other in members and other != node),
            key=lambda item: (-item[1].get("weight", 1), str(item[0])),
        )
        for other, data in ranked[:per_node]:
            keep.setdefault(frozenset((node, other)), (node, other, data))
    return list(keep.values())


def render_html(
    G: nx.Graph,
    *,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    min_degree: int = 0,
    title: str = "Knowledge graph",
    related: nx.Graph | None = None,
    layout_threshold: int = LAYOUT_THRESHOLD,
    seed: int = 0,
) -> str:
    """The whole page for graph ``G`` (the ``kg.graph.build_graph`` contract) as a string.

    ``related`` is the paper–paper projection (edge attributes ``weight`` and ``shared``);
    :func:`kg.graph.project` of ``G`` when not given. Graphs with more than ``layout_threshold``
    nodes get positions from :func:`~kg.export.html_layout.sampled_spring_layout` and no
    physics; smaller ones settle in the browser, which then switches physics off.
    """
    view, pruning = prune(G, max_nodes=max_nodes, min_degree=min_degree)
    projection = related if related is not None else project(G)
    degree = dict(G.degree())
    papers = [n for n in view if view.nodes[n].get("kind") == PAPER]
    data = {
        "generator": f"kg {__version__}",
        "title": title,
        "notice": pruning.describe(),
        "pruning": {
            "total_nodes": pruning.total_nodes,
            "shown_nodes": pruning.shown_nodes,
            "min_degree": pruning.min_degree,
            "below_min_degree": pruning.below_min_degree,
            "max_nodes": pruning.max_nodes,
            "beyond_max_nodes": pruning.beyond_max_nodes,
            "total_edges": G.number_of_edges(),
            "shown_edges": view.number_of_edges(),
        },
        "kinds": [{**k, "border": _darker(k["color"])} for k in _styles()["kinds"]],
        "related_per_paper": RELATED_PER_PAPER,
        "graph": _network_data(view, degree, layout_threshold, seed),
        "papers": _paper_network_data(view, projection, papers, layout_threshold, seed),
        "info": {str(n): _node_info(attrs, degree[n]) for n, attrs in view.nodes(data=True)},
    }
    return _page(title, data)


def write_html(G: nx.Graph, path: str | Path, *, overwrite: bool = True, **options: Any) -> Path:
    """Render ``G`` (see :func:`render_html`) and write it atomically to ``path`` (UTF-8)."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputError(f"{path} already exists (use --force to overwrite it)")
    page = render_html(G, **options)
    with atomic_write(path) as fh:
        fh.write(page)
    return path


def write_view(G: nx.DiGraph, out_dir: str | Path) -> list[Path]:
    """The build pipeline's exporter: ``OUT/view.html`` with the default options."""
    return [write_html(G, Path(out_dir) / VIEW_HTML, title=default_title(G))]


def default_title(G: nx.Graph) -> str:
    """The graph's ``name`` if it has one, else a plain "Knowledge graph"."""
    return str(G.graph.get("name") or "Knowledge graph")


def show(G: nx.Graph, *, width: str = "100%", height: int = 720, **options: Any) -> Any:
    """Display the view inline in Jupyter: an ``<iframe srcdoc>``, no file and no ``lib/`` folder."""
    from IPython.display import HTML

    page = render_html(G, **options)
    frame = (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" width="{html.escape(width)}" '
        f'height="{int(height)}" style="border:1px solid #ddd" sandbox="allow-scripts allow-popups '
        f'allow-popups-to-escape-sandbox" title="{html.escape(str(options.get("title", "Knowledge graph")))}"></iframe>'
    )
    with warnings.catch_warnings():  # IPython suggests IFrame, which cannot take srcdoc
        warnings.filterwarnings("ignore", "Consider using IPython.display.IFrame", UserWarning)
        return HTML(frame)


# -- building the page ---------------------------------------------------------------------


def _network_data(view: nx.Graph, degree: dict, threshold: int, seed: int) -> dict[str, Any]:
    """vis-network nodes, edges and options for the paper–entity graph, built with pyvis."""
    positions = sampled_spring_layout(view, seed=seed)  # the start; physics refines small graphs
    physics = len(view) <= threshold
    net = Network(directed=True)
    styles = {k["kind"]: k for k in _styles()["kinds"]}
    for node, attrs in view.nodes(data=True):
        kind = attrs.get("kind", "")
        extra: dict[str, Any] = {"group": kind, "value": _size(attrs, degree[node])}
        extra["x"], extra["y"] = positions[node]
        net.add_node(str(node), label=_label(attrs), shape=styles.get(kind, _styles()["fallback"])["shape"], **extra)
    for i, (u, v, attrs) in enumerate(view.edges(data=True)):
        edge: dict[str, Any] = {"id": i, "arrows": "", "rel": attrs.get("type", "")}
        if attrs.get("weight") is not None:
            edge["value"] = attrs["weight"]
        if attrs.get("field") and attrs.get("start") is not None and attrs.get("end") is not None:
            edge["at"] = [attrs["field"], attrs["start"], attrs["end"]]
        _add_edge(net, str(u), str(v), **edge)
    _configure(net, physics=physics, nodes=len(view))
    return {"nodes": net.nodes, "edges": net.edges, "options": _options(net), "physics": physics}


def _paper_network_data(view: nx.Graph, projection: nx.Graph, papers: list, threshold: int, seed: int) -> dict[str, Any]:
    """vis-network data for the related-papers view: each paper's strongest links only."""
    links = strongest_links(projection, [p for p in papers if p in projection])
    shown = nx.Graph()
    shown.add_nodes_from(papers)
    shown.add_edges_from(links)
    positions = sampled_spring_layout(shown, seed=seed)
    physics = len(shown) <= threshold
    net = Network(directed=True)
    weighted = dict(shown.degree(weight="weight"))
    for node in papers:
        attrs = view.nodes[node]
        extra: dict[str, Any] = {"group": PAPER, "value": 1 + weighted[node]}
        extra["x"], extra["y"] = positions[node]
        net.add_node(str(node), label=_label(attrs), shape="dot", **extra)
    for i, (u, v, attrs) in enumerate(links):
        shared = sorted(str(s) for s in attrs.get("shared", ()))
        _add_edge(net, str(u), str(v), id=i, arrows="", value=attrs.get("weight", len(shared) or 1), shared=shared)
    _configure(net, physics=physics, nodes=len(shown))
    return {"nodes": net.nodes, "edges": net.edges, "options": _options(net), "physics": physics}


def _add_edge(net: Network, source: str, target: str, **options: Any) -> None:
    """``Network.add_edge`` without its linear scan of every node per edge (1.3 s of 5 s at
    5,000 nodes): both ends are known to be in ``net``, and a networkx graph has no duplicates."""
    net.edges.append(Edge(source, target, net.directed, **options).options)


def _configure(net: Network, *, physics: bool, nodes: int) -> None:
    """Physics that settles quickly and is then switched off by the page; none for big graphs."""
    net.force_atlas_2based(gravity=-50, central_gravity=0.025, spring_length=60, spring_strength=0.08,
                           damping=0.5, overlap=0.4)
    net.toggle_physics(physics)
    # the Python start is already a fair layout: bigger graphs need (and can afford) fewer steps
    net.options.physics.stabilization.iterations = max(50, min(200, 40_000 // max(nodes, 1)))
    net.options.physics.stabilization.updateInterval = 25
    net.toggle_hide_edges_on_drag(nodes > LAYOUT_THRESHOLD)
    net.set_edge_smooth("continuous")
    if not physics:
        net.options.edges.smooth.enabled = False  # straight edges: cheap to draw by the thousand


def _options(net: Network) -> dict[str, Any]:
    """pyvis's options plus the view's node styling (groups, scaling, label visibility)."""
    options = json.loads(net.options.to_json())
    options["edges"]["color"] = {"color": "#b8c0cc", "highlight": "#3b4656", "hover": "#3b4656", "inherit": False}
    options["edges"]["scaling"] = {"min": 1, "max": 6}
    options["edges"]["selectionWidth"] = 1.5
    options["nodes"] = {
        "borderWidth": 1,
        "font": {"face": "system-ui, sans-serif", "color": "#1f2933", "strokeWidth": 3, "strokeColor": "#ffffff"},
        # labels grow with the node and are only drawn once legible, so they do not pile up
        "scaling": {"min": 8, "max": 34, "label": {"enabled": True, "min": 11, "max": 18, "drawThreshold": 7, "maxVisible": 22}},
        "widthConstraint": {"maximum": 220},
    }
    options["groups"] = {
        k["kind"]: {"shape": k["shape"], "color": {"background": k["color"], "border": _darker(k["color"]),
                                                     "highlight": {"background": k["color"], "border": "#111111"}}}
        for k in _styles()["kinds"]
    }
    options["interaction"].update({"hover": True, "tooltipDelay": 200, "multiselect": False, "navigationButtons": False,
                                   "keyboard": {"enabled": True, "bindToWindow": False}})
    options["layout"] = {"randomSeed": 7, "improvedLayout": False}
    options.pop("configure", None)
    return options


def _size(attrs: dict, degree: int) -> int:
    """Papers by their number of links, entities by the number of papers that mention them."""
    if attrs.get("kind") == PAPER:
        return max(1, degree)
    return max(1, int(attrs.get("paper_count") or degree))


def _label(attrs: dict) -> str:
    """A short, single-purpose label: the title cut at a word for papers, a host/path for code."""
    text = str(attrs.get("label") or attrs.get("title") or attrs.get("name") or "")
    if attrs.get("kind") == "Code":
        parts = urlsplit(text)
        if parts.netloc:
            text = (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")
    if len(text) > LABEL_CHARS:
        cut = text[:LABEL_CHARS].rsplit(" ", 1)[0] if " " in text[:LABEL_CHARS] else text[:LABEL_CHARS]
        text = cut.rstrip(" ,:;-") + "…"
    return text


def _node_info(attrs: dict, degree: int) -> dict[str, Any]:
    """What the side panel and the search need about a node (all shown as text)."""
    kind = attrs.get("kind", "")
    if kind == PAPER:
        info = {
            "kind": kind,
            "title": attrs.get("title") or attrs.get("label") or "",
            "abstract": attrs.get("abstract") or "",
            "authors": list(attrs.get("authors") or ()),
            "published": attrs.get("published"),
            "url": safe_url(attrs.get("url")),
            "arxiv_id": attrs.get("arxiv_id"),
            "doi": attrs.get("doi"),
            "paper_id": attrs.get("paper_id"),
        }
    else:
        name = attrs.get("name") or attrs.get("label") or ""
        info = {
            "kind": kind,
            "name": name,
            "aliases": list(attrs.get("aliases") or ()),
            "paper_count": attrs.get("paper_count"),
            "first_seen": attrs.get("first_seen"),
        }
        if kind == "Code":
            info["url"] = safe_url(name)
            info["link_type"] = attrs.get("link_type")
    info["degree"] = degree
    return {k: v for k, v in info.items() if v not in (None, [], "")}


def safe_url(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL (safe for ``href``), else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\"'<> \t\r\n"):
        return None
    return url


def embed_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _page(title: str, data: dict[str, Any]) -> str:
    vis_js, app_js = _asset("vis-network.min.js"), _asset("view.js")
    if "</script" in (vis_js + app_js).lower():
        raise OutputError("an inlined script contains '</script'; the page template is broken")
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_script_hash(vis_js)} {_script_hash(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src 'none'",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        )
    )
    values = {
        "TITLE": html.escape(title),
        "CSP": html.escape(csp, quote=False),  # no double quotes in it; single quotes stay readable
        "GENERATOR": html.escape(str(data["generator"])),
        "CSS": _asset("view.css"),
        "DATA": embed_json(data),
        "VIS": vis_js,
        "APP": app_js,
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("view.html"))


def _script_hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def _asset(name: str) -> str:
    return resources.files("kg.export").joinpath(_TEMPLATE, name).read_text(encoding="utf-8")


@cache
def _styles() -> dict[str, Any]:
    return json.loads(_asset("styles.json"))


def _darker(color: str, factor: float = 0.75) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))

