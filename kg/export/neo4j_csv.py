"""A ``neo4j-admin database import full`` bundle: the fastest first load of a big graph.

One header file and one data file per label (``nodes/Paper.header.csv``, ``nodes/Paper.csv``) and
per relationship type between two labels (``relationships/Paper-USES-Method.*``), an ID space per
label, typed columns (``paper_count:long``, ``authors:string[]``...), the schema, and a README with
the exact import command. The database it makes holds what :func:`kg.export.neo4j.push` would
write into an empty one (same labels, properties, Import node and communities), so later pushes
over Bolt add to it incrementally.

The writer reads a :class:`Source` twice (columns, then rows): an in-memory graph
(:class:`GraphSource`) or, in bounded memory, the ``graph.json`` of a streamed build
(:mod:`kg.export.neo4j_csv_stream`); both give the same files for the same graph.

CSV details: every string is quoted (``"`` doubled), so an empty string stays one while a missing
value is an empty field; arrays are joined with U+001F (``--array-delimiter``), a character no
name contains; values may span lines (``--multiline-fields=true``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from kg.errors import OutputError
from kg.export.neo4j import (
    COMMUNITY,
    IMPORT,
    IN_COMMUNITY,
    DERIVED_ATTRIBUTES,
    LABELS,
    MERGED_LISTS,
    community_of,
    community_rows,
    edge_properties,
    edge_type,
    graph_import_id,
    node_label,
    node_properties,
    schema_text,
)
from kg.graph.build import PAPER
from kg.io import staging_dir

BUNDLE_DIR = "neo4j"
README = "README.md"
SCHEMA = "schema.cypher"
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
#: Options of the import command besides the files (the database name comes last).
IMPORT_OPTIONS = (f"--array-delimiter={ARRAY_DELIMITER_OPTION}", "--multiline-fields=true")


def write_neo4j_bundle(G: nx.DiGraph, out_dir: str | Path) -> list[Path]:
    """The ``kg build`` exporter: the bundle in ``OUT/neo4j/``."""
    return [write_bundle(G, Path(out_dir) / BUNDLE_DIR)]


def write_bundle(
    G: nx.DiGraph,
    bundle_dir: str | Path,
    *,
    overwrite: bool = False,
    import_id: str | None = None,
    at: datetime | None = None,
) -> Path:
    """Write the import bundle of ``G`` into the folder ``bundle_dir``; returns that folder.

    The folder appears complete or not at all (written beside it, then renamed into place). An
    existing one is replaced only with ``overwrite``. ``import_id`` and ``at`` (default: now) are
    the id and time of the Import node (see :mod:`kg.export.neo4j`).
    """
    return write_source_bundle(GraphSource(G), bundle_dir, overwrite=overwrite, import_id=import_id, at=at)


class Source(Protocol):
    """A graph read twice by the bundle writer: its graph attributes, its nodes and edges as
    networkx gives them (ids as strings), the label of an edge's end, and its import id."""

    graph: Mapping[str, Any]

    def nodes(self) -> Iterable[tuple[str, Mapping[str, Any]]]: ...

    def edges(self) -> Iterable[tuple[str, str, Mapping[str, Any]]]: ...

    def label(self, node: str) -> str: ...

    def import_id(self) -> str: ...


class GraphSource:
    """An in-memory graph as a :class:`Source`."""

    def __init__(self, G: nx.DiGraph) -> None:
        self.G = G
        self.graph = G.graph

    def nodes(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        return ((str(n), data) for n, data in self.G.nodes(data=True))

    def edges(self) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
        return ((str(u), str(v), data) for u, v, data in self.G.edges(data=True))

    def label(self, node: str) -> str:
        return node_label(node, self.G.nodes[node])

    def import_id(self) -> str:
        return graph_import_id(self.G)


def write_source_bundle(
    source: Source,
    bundle_dir: str | Path,
    *,
    overwrite: bool = False,
    import_id: str | None = None,
    at: datetime | None = None,
) -> Path:
    """:func:`write_bundle` of any :class:`Source` (an in-memory graph, or a streamed graph.json)."""
    target = Path(bundle_dir)
    if target.exists() and not overwrite:
        raise OutputError(f"{target}: already exists; pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(target.parent, f".{target.name}.")
    try:
        _write_files(staging, source, import_id, at or datetime.now(UTC))
        _replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _replace(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def node_record(node: str, data: Mapping[str, Any], import_id: str) -> tuple[str, dict[str, Any]]:
    """The label and the properties of a node as the bundle writes them: what :func:`kg.export.neo4j.push`
    sets on an empty database (``paper_count``/``first_seen`` as the graph has them, which Bolt
    pushes compute in Neo4j)."""
    label = node_label(node, data)
    props = node_properties(data)
    if label != PAPER:
        for name in DERIVED_ATTRIBUTES:
            props.pop(name, None)
        for name in MERGED_LISTS:
            if props.get(name) is None:
                props.pop(name, None)
        props.update({"paper_count": data.get("paper_count"), "first_seen": data.get("first_seen")})
    return label, {"id": node, "first_import": import_id, **props}


def _write_files(folder: Path, source: Source, import_id: str | None, at: datetime) -> None:
    """Two passes over ``source``: the columns of every table, then the rows."""
    (folder / "nodes").mkdir()
    (folder / "relationships").mkdir()
    communities = source.graph.get("communities") or ()
    wanted = {e for c in communities for e in c.get("top_entities") or ()}
    named = nx.DiGraph(communities=communities)  # the top entities, for community_rows
    node_columns: dict[str, ColumnTypes] = {}
    rel_columns: dict[tuple[str, str, str], ColumnTypes] = {}
    nodes = relationships = 0
    for node, data in source.nodes():
        label, record = node_record(node, data, "")
        node_columns.setdefault(label, ColumnTypes()).add(record)
        nodes += 1
        if node in wanted:
            named.add_node(node, **data)
    for u, v, data in source.edges():
        key = (edge_type(u, v, data), source.label(u), source.label(v))
        rel_columns.setdefault(key, ColumnTypes()).add(edge_properties(data))
        relationships += 1
    import_id = import_id or source.import_id()
    community_table = community_rows(named)
    known = {c["id"] for c in community_table}

    node_files: list[str] = []
    with contextlib.ExitStack() as stack:
        tables = {}
        for label in LABELS:
            if label in node_columns:
                fixed = [f":ID({label})", ":LABEL"]
                tables[label] = stack.enter_context(Table(folder, "nodes", label, fixed, node_columns[label]))
                node_files.append(tables[label].files)
        members: dict[str, Table] = {}
        for node, data in source.nodes():
            label, record = node_record(node, data, import_id)
            tables[label].write([_quote(node), label], record)
            community = community_of(data)
            if community in known:
                if label not in members:
                    name = f"{label}-{IN_COMMUNITY}-{COMMUNITY}"
                    fixed = [f":START_ID({label})", f":END_ID({COMMUNITY})", ":TYPE"]
                    members[label] = stack.enter_context(Table(folder, "relationships", name, fixed, ColumnTypes()))
                members[label].write([_quote(node), _quote(str(community)), IN_COMMUNITY], {})

    def table(kind: str, name: str, fixed: list[str], rows: Iterable[tuple[list[str], Mapping[str, Any]]],
              types: Mapping[str, str] | None = None) -> str:  # fmt: skip
        rows = list(rows)
        with Table(folder, kind, name, fixed, ColumnTypes.of(r for _, r in rows), types) as out:
            for cells, record in rows:
                out.write(cells, record)
        return out.files

    if community_table:
        rows = (([_quote(str(c["id"])), COMMUNITY], {"id": c["id"], **c["props"]}) for c in community_table)
        node_files.append(table("nodes", COMMUNITY, [f":ID({COMMUNITY})", ":LABEL"], rows))
    import_record = {
        "id": import_id,
        "seq": 1,
        "at": at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "papers": node_columns[PAPER].records if PAPER in node_columns else 0,
        "nodes": nodes,
        "relationships": relationships,
    }
    fixed_import = [f":ID({IMPORT})", ":LABEL"]
    import_rows = [([_quote(import_id), IMPORT], import_record)]
    node_files.append(table("nodes", IMPORT, fixed_import, import_rows, {"at": "datetime"}))

    rel_files: list[str] = []
    with contextlib.ExitStack() as stack:
        rels = {}
        for key in sorted(rel_columns):
            rel_type, start, end = key
            fixed = [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
            name = f"{start}-{rel_type}-{end}"
            rels[key] = stack.enter_context(Table(folder, "relationships", name, fixed, rel_columns[key]))
            rel_files.append(rels[key].files)
        for u, v, data in source.edges():
            key = (edge_type(u, v, data), source.label(u), source.label(v))
            rels[key].write([_quote(u), _quote(v), key[0]], edge_properties(data))
    rel_files += [members[label].files for label in sorted(members)]

    _write_lines(folder / SCHEMA, schema_text().splitlines())
    _write_lines(folder / README, readme(node_files, rel_files, nodes, relationships).splitlines())


def import_command(node_files: list[str], rel_files: list[str], database: str = "neo4j") -> list[str]:
    """The import command as arguments (paths relative to the bundle folder)."""
    return [
        "neo4j-admin", "database", "import", "full",
        *(f"--nodes={files}" for files in node_files),
        *(f"--relationships={files}" for files in rel_files),
        *IMPORT_OPTIONS,
        database,
    ]  # fmt: skip


def readme(node_files: list[str], rel_files: list[str], nodes: int, relationships: int) -> str:
    args = import_command(node_files, rel_files)
    command = " \\\n  ".join([" ".join(args[:4]), *args[4:]])
    return f"""# Neo4j bulk-import bundle (written by kg)

{nodes:,} nodes and {relationships:,} relationships of a kg graph, with its
communities and one Import node, for `neo4j-admin database import full`: the fastest way to
load a big graph into a new, empty database. For adding to a database that already holds data,
use `kg push` instead (it is incremental and idempotent, and it works on top of this import).

## Import

Stop the Neo4j server, then run from this folder (the paths are relative to it):

```bash
{command}
```

The database must not exist yet, or be replaced: add `--overwrite-destination=true` to replace
an existing `neo4j` database (everything in it is lost). Then start the server and create the
constraints and indexes:

```bash
cypher-shell -u neo4j -d neo4j -f schema.cypher
```

(`kg push` also creates them, if you push to this database later.)

## Files

- `nodes/<Label>.header.csv` + `nodes/<Label>.csv`: one ID space per label (`:ID(<Label>)`), the
  node id again as the property `id`, `:LABEL`, typed properties (`name:string`,
  `paper_count:long`, `aliases:string[]`...).
- `relationships/<Start>-<TYPE>-<End>.header.csv` + `.csv`: `:START_ID(<Start>)`,
  `:END_ID(<End>)`, `:TYPE` and the evidence as properties (`evidence`, `field`, `start`, `end`,
  `confidence`, `rule`).
- `schema.cypher`: uniqueness constraints on `id` for every label, name indexes, full-text indexes.

Strings are always quoted, so `""` is an empty string and an empty field is no value. Arrays are
joined with U+001F (`--array-delimiter=U+001F`); values may span lines (`--multiline-fields=true`).
"""


# ---- CSV --------------------------------------------------------------------------------------------

_SCALAR_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


class ColumnTypes:
    """The property columns of a table, gathered record by record: every key (sorted, ``id``
    first) with its import type, inferred from the values unless ``types`` names it."""

    def __init__(self) -> None:
        self.seen: dict[str, set[type]] = {}
        self.listed: dict[str, bool] = {}
        self.records = 0

    @classmethod
    def of(cls, records: Iterable[Mapping[str, Any]]) -> ColumnTypes:
        columns = cls()
        for record in records:
            columns.add(record)
        return columns

    def add(self, record: Mapping[str, Any]) -> None:
        self.records += 1
        for key, value in record.items():
            if value is None:
                self.seen.setdefault(key, set())
                continue
            if isinstance(value, list):
                self.listed[key] = True
                self.seen.setdefault(key, set()).update(type(v) for v in value)
            else:
                self.listed.setdefault(key, False)
                self.seen.setdefault(key, set()).add(type(value))

    def columns(self, types: Mapping[str, str]) -> list[tuple[str, str]]:
        columns = []
        for key in sorted(self.seen, key=lambda k: (k != "id", k)):
            if not key.isidentifier():
                raise OutputError(f"property name {key!r} cannot be a CSV header column")
            kinds = set(self.seen[key])
            base = _SCALAR_TYPES[kinds.pop()] if len(kinds) == 1 else ("double" if kinds == {int, float} else "string")
            base = types.get(key, base)
            columns.append((key, f"{base}[]" if self.listed.get(key) else base))
        return columns


class Table:
    """One header file and one data file (``<kind>/<name>.header.csv``, ``<kind>/<name>.csv``),
    written row by row; ``files`` is the pair as the import command names it."""

    def __init__(
        self,
        folder: Path,
        kind: str,
        name: str,
        fixed: list[str],
        columns: ColumnTypes,
        types: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.columns = columns.columns(types or {})
        header = [*fixed, *(f"{key}:{type_}" for key, type_ in self.columns)]
        _write_lines(folder / kind / f"{name}.header.csv", [",".join(header)])
        self.fh = open(folder / kind / f"{name}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115
        self.files = f"{kind}/{name}.header.csv,{kind}/{name}.csv"

    def write(self, fixed: list[str], record: Mapping[str, Any]) -> None:
        cells = [*fixed, *(_cell(record.get(key), type_, self.name) for key, type_ in self.columns)]
        self.fh.write(",".join(cells))
        self.fh.write("\n")

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


def _cell(value: Any, type_: str, table: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        items = [str(v).lower() if isinstance(v, bool) else str(v) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise OutputError(f"{table}: a value contains U+001F, the array delimiter of the bundle")
        return _quote(ARRAY_DELIMITER.join(items))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and not type_.startswith("string"):
        return repr(value)
    return _quote(str(value))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for line in lines:
            fh.write(line + "\n")
