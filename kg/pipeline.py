"""``kg build`` as a library call: ingest -> extract (two passes) -> graph -> every exporter.

>>> result = build(["examples/daily-papers-sep-11.txt"], "out/")  # doctest: +SKIP
>>> result.summary()  # doctest: +SKIP
'65 papers (65 added), 668 entities, 239 links, 6 communities'

The library never prints: pass ``progress`` (same signature as :func:`kg.cli.ui.progress`) to
show bars. Every file is written to a staging folder beside ``OUT/`` first and moved into
place only when all exporters succeeded, so a failure leaves ``OUT/`` as it was.
"""

from __future__ import annotations

import importlib
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Protocol, TypeVar

import networkx as nx

from kg.errors import KgError, OutputError
from kg.export.files import ENTITIES_JSONL, GRAPH_JSON, PAPERS_JSONL, read_extracted, write_extracted
from kg.graph import assign_communities, build_graph, project
from kg.graph.communities import SEED
from kg.graph.projection import MAX_PAPER_COUNT
from kg.ingest import IngestReport, deduplicate, read_papers
from kg.ingest.normalise import title_key
from kg.io import staging_dir
from kg.model import ExtractedPaper, Paper

T = TypeVar("T")

#: Exporters run by every build, in order: name -> ``"module:function"`` (imported when used) or
#: the function itself. Each is called as ``function(G, out_dir)`` with the paper→entity graph
#: (communities set) and the folder to write into, and returns the paths it wrote.
Exporter = Callable[[nx.DiGraph, Path], Iterable[Path] | None]
EXPORTERS: dict[str, str | Exporter] = {
    "graph-json": "kg.export.files:write_graph_json",
    "graphml": "kg.export.files:write_graphml",
    "gexf": "kg.export.files:write_gexf",
    "html": "kg.export.html:write_view",
    "neo4j": "kg.export.neo4j_csv:write_neo4j_bundle",
}


#: Above this many papers the graph is not held in memory: papers.jsonl, entities.jsonl and
#: graph.json are streamed from disk, view.html shows a sample, and exporters that need the
#: whole in-memory graph (GraphML, GEXF: no desktop tool opens a graph that size) are skipped
#: (see :mod:`kg.export.stream`). Below it a build needs about 50 KB of memory per paper, most
#: of it for the paper–paper projection and Louvain (1 GB and 2 minutes at 20,000 papers).
STREAM_ABOVE = 25_000
#: Exporters with a streamed form, used above :data:`STREAM_ABOVE` (graph.json is always written).
STREAMED_EXPORTERS: dict[str, str] = {
    "kg.export.files:write_graph_json": "",
    "kg.export.html:write_view": "kg.export.stream:write_sample_view",
    "kg.export.neo4j_csv:write_neo4j_bundle": "kg.export.neo4j_csv_stream:write_streamed_neo4j_bundle",
}
#: Exporters a streamed build runs only when named (``--export neo4j``): the streamed Neo4j
#: bundle takes about as long as the build itself at a million papers, and
#: ``kg export neo4j-csv OUT/`` writes the same files from the finished output.
STREAMED_ON_REQUEST = ("neo4j",)


class Progress(Protocol):
    """Wraps an iterable to report progress (``kg.cli.ui.progress`` is one)."""

    def __call__(self, iterable: Iterable[T], *, desc: str, total: int | None = None, unit: str = "paper") -> Iterable[T]: ...


def no_progress(iterable: Iterable[T], *, desc: str, total: int | None = None, unit: str = "paper") -> Iterable[T]:
    """The default :class:`Progress`: reports nothing."""
    return iterable


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did: counts, the files written, the ingest report and time per stage."""

    out_dir: Path
    papers: int  # papers in the output
    added: int  # new papers
    updated: int  # papers already in OUT/ whose record changed (re-extracted)
    unchanged: int  # papers already in OUT/ kept as they were
    entities: int
    mentions: int  # paper -> entity edges
    links: int  # paper–paper links of the projection
    communities: int
    files: tuple[Path, ...]
    ingest: IngestReport
    ambiguous_acronyms: tuple[Any, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what the user should know (exporters skipped on a large corpus)

    def summary(self) -> str:
        """One line: ``65 papers (65 added), 668 entities, 239 links, 6 communities``."""
        changes = [f"{n} {what}" for n, what in ((self.added, "added"), (self.updated, "updated"), (self.unchanged, "unchanged")) if n]
        return (
            f"{_count(self.papers, 'paper')} ({', '.join(changes) or 'none added'}), "
            f"{_count(self.entities, 'entity', 'entities')}, {_count(self.links, 'link')}, "
            f"{_count(self.communities, 'community', 'communities')}"
        )


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def is_output_dir(path: str | Path) -> bool:
    """True when ``path`` holds a previous ``kg build`` output (``entities.jsonl`` and ``graph.json``)."""
    path = Path(path)
    return (path / ENTITIES_JSONL).is_file() and (path / GRAPH_JSON).is_file()


def check_output_dir(out_dir: str | Path, *, update: bool = False, force: bool = False) -> Path:
    """Validate ``out_dir`` before any work: an update needs a previous output; a build refuses
    a non-empty folder that is not one, unless ``force``. Raises :class:`OutputError`."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if update:
        if not is_output_dir(out):
            raise OutputError(f"{out}: not the output of kg build (no {ENTITIES_JSONL} and {GRAPH_JSON}); nothing to update")
    elif out.is_dir() and any(out.iterdir()) and not is_output_dir(out) and not force:
        raise OutputError(f"{out}: not empty and not a kg build output; pass --force to write into it anyway")
    return out


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    format: str | None = None,
    encoding: str = "utf-8",
    on_error: str = "raise",
    update: bool = False,
    force: bool = False,
    workers: int | None = 1,
    dask_address: str | None = None,
    expand_acronyms: bool = True,
    exporters: Sequence[str] | None = None,
    seed: int | None = SEED,
    max_paper_count: int | None = MAX_PAPER_COUNT,
    stream_above: int | None = STREAM_ABOVE,
    min_confidence: float = 0.0,
    progress: Progress = no_progress,
) -> BuildResult:
    """Read ``inputs``, extract their entities, build the graph and write every export to ``out_dir``.

    With ``update=True`` the papers of a previous build in ``out_dir`` are kept as they were and
    only papers not in it (or whose record changed) are extracted; papers are matched by id,
    arXiv id, DOI or title, so nothing is duplicated and re-running on the same input changes
    nothing. ``exporters`` names the :data:`EXPORTERS` to run (default: all). ``workers`` and
    ``dask_address`` choose the extraction engine (:func:`kg.engines.open_engine`); ``seed`` the
    Louvain seed and ``max_paper_count`` the projection's limit (:func:`kg.graph.project`).
    A new build of more than ``stream_above`` papers streams its outputs in bounded memory
    (:data:`STREAM_ABOVE`; ``None``: never). ``min_confidence`` keeps only the entities the
    extractor is at least that sure of (in the papers this run extracts; an update keeps the old ones as they were).
    """
    chosen = list(EXPORTERS) if exporters is None else list(exporters)
    unknown = [name for name in chosen if name not in EXPORTERS]
    if unknown:
        raise KgError(f"unknown exporter(s): {', '.join(unknown)}; known: {', '.join(EXPORTERS)}")
    out = check_output_dir(out_dir, update=update, force=force)
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    existing = list(read_extracted(out)) if update else []
    report = IngestReport()
    papers = read_papers(inputs, format=format, encoding=encoding, on_error=on_error, report=report)  # type: ignore[arg-type]
    with ExitStack() as scope:
        total = _expected_records(inputs)
        records, counts, ambiguous, large = _extract(
            existing, progress(papers, desc="read + extract", total=total), workers, dask_address, expand_acronyms,
            progress, scope, stream_above, min_confidence,
        )  # fmt: skip
        if large is not None:
            seconds["extract"] = time.perf_counter() - clock
            deferred = [name for name in chosen if name in STREAMED_ON_REQUEST] if exporters is None else []
            return _build_streamed(
                out, large, [name for name in chosen if name not in deferred], counts, report, ambiguous, seconds,
                progress, seed, max_paper_count, deferred,
            )  # fmt: skip
    if not records:
        skipped = f" ({len(report.skipped)} skipped)" if report.skipped else ""
        raise KgError(f"no papers read from {', '.join(map(str, inputs[:3]))}{skipped}")
    seconds["extract"] = time.perf_counter() - clock

    clock = time.perf_counter()
    G = build_graph(records)
    P = project(G, max_paper_count=max_paper_count)
    communities = assign_communities(G, P, seed=seed, max_paper_count=max_paper_count)
    seconds["graph"] = time.perf_counter() - clock

    clock = time.perf_counter()
    files = _write(out, records, G, chosen, progress)
    seconds["export"] = time.perf_counter() - clock
    return BuildResult(
        out_dir=out,
        papers=len(records),
        added=counts["added"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        entities=G.number_of_nodes() - len(records),
        mentions=G.number_of_edges(),
        links=P.number_of_edges(),
        communities=len(communities),
        files=tuple(files),
        ingest=report,
        ambiguous_acronyms=tuple(ambiguous),
        seconds=seconds,
    )


def _extract(
    existing: list[ExtractedPaper],
    papers: Iterable[Paper],
    workers: int | None,
    dask_address: str | None,
    expand_acronyms: bool,
    progress: Progress,
    scope: ExitStack,
    stream_above: int | None,
    min_confidence: float = 0.0,
) -> tuple[list[ExtractedPaper], dict[str, int], list[Any], Any]:
    """Both extraction passes over the papers not already in ``existing``; all records in order.

    Pass 1 extracts new and changed papers on the chosen engine (:func:`kg.engines.corpus.extract_corpus`);
    the existing records join the corpus index before pass 2 resolves names and acronyms of the
    newly extracted papers against the whole corpus. Existing records are kept byte for byte,
    which is what makes a repeated update a no-op. A new corpus of more than ``stream_above``
    papers is returned unresolved (the last item, open until ``scope`` closes) for streaming.
    """
    from kg.engines.corpus import extract_corpus

    known = {record.paper.id: record for record in existing}
    order = list(known)  # paper ids in output order; a changed paper keeps its place
    position = {pid: i for i, pid in enumerate(order)}
    counts = {"added": 0, "updated": 0, "unchanged": len(known)}
    lineage = _lineage(existing)

    def to_extract() -> Iterator[Paper]:
        # existing papers go first, so a new copy of one merges into it as ingest merges duplicates
        for paper in deduplicate(chain((r.paper for r in existing), papers), IngestReport()):
            old_id = next((lineage[k] for k in _keys(paper) if k in lineage), None)
            if old_id is None:
                counts["added"] += 1
                order.append(paper.id)
            elif known[old_id].paper != paper:  # enriched by a new copy (DOI, longer abstract...)
                counts["updated"] += 1
                counts["unchanged"] -= 1
                order[position[old_id]] = paper.id
            else:
                continue
            yield paper

    fresh: dict[str, ExtractedPaper] = {}
    with ExitStack() as own:
        corpus = own.enter_context(
            extract_corpus(
                to_extract(), workers=workers, dask_address=dask_address, expand_acronyms=expand_acronyms,
                load_options={"kg_entities": {"min_confidence": min_confidence}} if min_confidence else None,
            )
        )
        corpus.index.add_all(existing)
        ambiguous = corpus.index.ambiguous()
        if not existing and stream_above is not None and len(corpus) > stream_above:
            scope.push(own.pop_all())
            return [], counts, ambiguous, corpus
        for extracted in progress(corpus, desc="resolve", total=len(corpus)):
            fresh[extracted.paper.id] = extracted
    records = [fresh[pid] if pid in fresh else known[pid] for pid in order]
    return records, counts, ambiguous, None


def _expected_records(inputs: Sequence[str | Path]) -> int | None:
    """The number of records when every input is a JSON Lines file (one a line), for the
    progress bar's ETA; None when that cannot be known without parsing."""
    total = 0
    for path in map(Path, inputs):
        if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
            return None
        with open(path, "rb") as fh:
            total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return total


def _build_streamed(
    out: Path, corpus: Any, exporters: list[str], counts: dict[str, int], report: IngestReport,
    ambiguous: list[Any], seconds: dict[str, float], progress: Progress, seed: int | None = SEED,
    max_paper_count: int | None = MAX_PAPER_COUNT, deferred: Sequence[str] = (),
) -> BuildResult:  # fmt: skip
    """A corpus too large for an in-memory graph: pass 2 streams straight into the outputs.

    ``deferred`` exporters (:data:`STREAMED_ON_REQUEST` not named by the caller) are left to
    ``kg export``; a note says so."""
    from kg.export.stream import render_batch, write_streamed
    from kg.export.stream_links import add_links_and_communities

    clock = time.perf_counter()
    streamed: list[Any] = []
    skipped = [name for name in exporters if _target(name) not in STREAMED_EXPORTERS]

    def fill(staging: Path) -> None:
        rendered = chain.from_iterable(corpus.map(render_batch))  # resolved and rendered on the workers
        streamed.append(write_streamed(progress(rendered, desc="resolve + write", total=len(corpus)), staging))
        seconds["export"] = time.perf_counter() - clock
        stages = iter(progress(["links", "communities", "write communities"], desc="links + communities", total=3, unit="step"))
        streamed.append(add_links_and_communities(
            staging, streamed[0].table, seed=seed, max_paper_count=max_paper_count, step=lambda _: next(stages, None),
        ))  # fmt: skip
        for _ in stages:
            pass
        seconds["graph"] = time.perf_counter() - clock - seconds["export"]
        for name in exporters:
            if STREAMED_EXPORTERS.get(_target(name)):
                module, attr = STREAMED_EXPORTERS[_target(name)].split(":")
                getattr(importlib.import_module(module), attr)(staging, streamed[0].table)

    files = _staged(out, fill)
    seconds["export"] = time.perf_counter() - clock - seconds["graph"]
    result, linked = streamed
    notes = (
        f"{result.papers} papers: graph streamed to disk, view.html shows a sample; "
        f"skipped {', '.join(skipped)} (too large for an in-memory graph; --stream-above to change)",
    ) if skipped else (f"{result.papers} papers: graph streamed to disk, view.html shows a sample",)
    if deferred:
        notes += (f"no Neo4j import bundle by default in a streamed build: `kg export neo4j-csv {out}` "
                  "writes it (or build with --export neo4j)",)
    return BuildResult(
        out_dir=out, papers=result.papers, added=counts["added"], updated=0, unchanged=0, entities=result.entities,
        mentions=result.mentions, links=linked.links, communities=linked.communities, files=tuple(files), ingest=report,
        ambiguous_acronyms=tuple(ambiguous), seconds=seconds, notes=notes,
    )  # fmt: skip


def _target(name: str) -> str:
    target = EXPORTERS[name]
    return target if isinstance(target, str) else f"{target.__module__}:{target.__name__}"


def _keys(paper: Paper) -> list[tuple[str, str]]:
    """What identifies a paper across runs, strongest first (as ingest de-duplicates)."""
    keys = [("id", paper.id)]
    keys += [("arxiv", paper.arxiv_id)] if paper.arxiv_id else []
    keys += [("doi", paper.doi)] if paper.doi else []
    return keys + [("title", title_key(paper.title))]


def _lineage(existing: list[ExtractedPaper]) -> dict[tuple[str, str], str]:
    """Key -> id of the existing paper it identifies (the first one, for shared titles)."""
    lineage: dict[tuple[str, str], str] = {}
    for record in existing:
        for key in _keys(record.paper):
            lineage.setdefault(key, record.paper.id)
    return lineage


def exporter(name: str) -> Exporter:
    """The function registered in :data:`EXPORTERS` as ``name``, imported if need be."""
    target = EXPORTERS[name]
    if callable(target):
        return target
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


def _write(
    out: Path, records: list[ExtractedPaper], G: nx.DiGraph, exporters: list[str], progress: Progress
) -> list[Path]:
    """Write every file into a staging folder beside ``out``, then move them into ``out``;
    returns the entries of ``out`` written."""

    def fill(staging: Path) -> None:
        write_extracted(records, staging)
        for name in progress(exporters, desc="export", total=len(exporters), unit="exporter"):
            exporter(name)(G, staging)

    return _staged(out, fill)


def _staged(out: Path, fill: Callable[[Path], None]) -> list[Path]:
    """Run ``fill`` on a staging folder beside ``out``, then move what it wrote into ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(out.parent, f".{out.name}.kg-build-")
    try:
        fill(staging)
        out.mkdir(exist_ok=True)
        moved = []
        for entry in sorted(staging.iterdir()):
            target = out / entry.name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(entry, target)
            moved.append(target)
        return moved
    finally:
        shutil.rmtree(staging, ignore_errors=True)
