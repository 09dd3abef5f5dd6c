"""Which papers are related to this one, and why: ranked neighbours with their shared entities."""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.graph.projection import MAX_PAPER_COUNT, PAPER, entity_weights, papers_of
from kg.model import paper_node_id

#: How close a title must be to a query for a fuzzy match (difflib ratio).
FUZZY_CUTOFF = 0.8


@dataclass(frozen=True, slots=True)
class Reason:
    """One entity two papers share, and how much it adds to their link."""

    entity: str  # node id, e.g. "dataset:voxceleb"
    name: str
    type: str  # entity type: "method", "dataset", ...
    paper_count: int
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "type": self.type,
            "paper_count": self.paper_count,
            "weight": round(self.weight, 6),
        }


@dataclass(frozen=True, slots=True)
class Related:
    """A paper related to the one asked about: its score and the shared entities behind it."""

    paper: str  # node id, e.g. "paper:arxiv:2309.05891"
    paper_id: str
    title: str
    score: float
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "paper": self.paper,
            "paper_id": self.paper_id,
            "title": self.title,
            "score": round(self.score, 6),
            "reasons": [r.to_dict() for r in self.reasons],
        }


def find_paper(G: nx.Graph, query: str) -> str:
    """The node id of the one paper ``query`` names: a node id, a paper id or a title.

    Titles match exactly, then ignoring case and spacing, then as a unique substring, then
    fuzzily (difflib). Raises :class:`~kg.errors.KgError` when nothing or several papers match.
    """
    query = query.strip()
    if not query:
        raise KgError("no paper given: pass a paper id or a title")
    for node in paper_candidates(query):
        if node in G and G.nodes[node].get("kind") == PAPER:
            return node
    return match_title(query, lambda: ((n, d.get("title") or "") for n, d in G.nodes(data=True) if d.get("kind") == PAPER))


def paper_candidates(query: str) -> tuple[str, str]:
    """The node ids a (stripped) query may be, in the order :func:`find_paper` tries them."""
    return query, paper_node_id(query)


def match_title(query: str, titles: Callable[[], Iterable[tuple[str, str]]], *, chunk: int = 10_000) -> str:
    """The node of the one paper whose title ``query`` names, as :func:`find_paper` matches titles.

    ``titles()`` gives ``(node id, title)`` of every paper; it is called once, twice when no
    title matches but fuzzily, and only the matching titles are kept, so the papers can be
    streamed from a file. Fuzzy candidates are kept ``chunk`` distinct titles at a time.
    """
    wanted = _fold(query)
    found: dict[str, str] = {}
    exact: list[str] = []
    same: list[str] = []
    inside: list[str] = []
    for node, title in titles():
        folded = _fold(title)
        if wanted in folded:
            inside.append(node)
            found[node] = title
            if folded == wanted:
                same.append(node)
            if title == query:
                exact.append(node)
    for matches in (exact, same, inside):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise _ambiguous(query, matches, found)
    # the 2 best of every chunk hold the 2 best of all (difflib ranks by ratio, then title)
    kept: dict[str, list[tuple[str, str]]] = {}
    pending: dict[str, list[tuple[str, str]]] = {}

    def keep_best() -> None:
        for best in difflib.get_close_matches(wanted, list(pending), n=2, cutoff=FUZZY_CUTOFF):
            kept[best] = pending[best]
        pending.clear()

    for node, title in titles():
        folded = _fold(title)
        (kept if folded in kept else pending).setdefault(folded, []).append((node, title))
        if len(pending) >= chunk:
            keep_best()
    keep_best()
    close = difflib.get_close_matches(wanted, sorted(kept), n=2, cutoff=FUZZY_CUTOFF)
    found = {node: title for best in close for node, title in kept[best]}
    if len(close) == 2 and _ratio(wanted, close[0]) == _ratio(wanted, close[1]):
        raise _ambiguous(query, list(found), found)
    matches = [node for node, _ in kept[close[0]]] if close else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise _ambiguous(query, matches, found)
    raise KgError(f'no paper matches "{query}": give a paper id, a title or a unique part of one')


def related(
    G: nx.Graph,
    paper: str,
    k: int | None = 10,
    *,
    type_weights: Mapping[str, float] | None = None,
    max_paper_count: int | None = MAX_PAPER_COUNT,
) -> list[Related]:
    """The ``k`` papers most related to ``paper`` (node id, paper id or title), best first.

    Scores are the link weights of :func:`kg.graph.project` (same parameters), computed for
    this one paper only, so the call is cheap on any corpus; ties are broken by node id.
    Each result lists the shared entities as :class:`Reason`, largest contribution first.
    """
    node = find_paper(G, paper)
    entities = list(G.adj[node])
    weights = entity_weights(G, entities, type_weights=type_weights, max_paper_count=max_paper_count)
    shared: dict[str, list[str]] = {}
    for entity in entities:
        if entity not in weights:
            continue
        for other in papers_of(G, entity):
            if other != node:
                shared.setdefault(other, []).append(entity)
    results = []
    for other, names in shared.items():
        names.sort(key=lambda e: (-weights[e], e))
        reasons = tuple(
            Reason(
                entity=e,
                name=G.nodes[e].get("name", e),
                type=G.nodes[e].get("entity_type", ""),
                paper_count=len(papers_of(G, e)),
                weight=weights[e],
            )
            for e in names
        )
        data = G.nodes[other]
        score = math.fsum(r.weight for r in reasons)
        results.append(Related(other, data.get("paper_id", other), data.get("title", ""), score, reasons))
    results.sort(key=lambda r: (-r.score, r.paper))
    return results if k is None else results[:k]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _ambiguous(query: str, matches: list[str], titles: dict[str, str]) -> KgError:
    shown = "; ".join(f"{n} ({_shorten(titles[n])})" for n in sorted(matches)[:5])
    more = f" and {len(matches) - 5} more" if len(matches) > 5 else ""
    return KgError(f'"{query}" matches {len(matches)} papers: {shown}{more}; give a paper id')


def _shorten(title: str, width: int = 60) -> str:
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"
