"""A ``neo4j-admin database import full`` bundle: the fastest first load of a big graph.

One header file and one data file per label (``nodes/Paper.header.csv``, ``nodes/Paper.csv``) and
per relationship type between two labels (``relationships/Paper-USES-Method.*``), an ID space per
label, typed columns (``paper_count:long``, ``authors:string[]``...), the schema, and a README with
the exact import command. The database it makes holds what :func:`kg.export.neo4j.push` would
write into an empty one (same labels, properties, Import node and communities), so later pushes
over Bolt add to it incrementally.

CSV details: every string is quoted (``"`` doubled), so an empty string stays one while a missing
value is an empty field; arrays are joined with U+001F (``--array-delimiter``), a character no
name contains; values may span lines (``--multiline-fields=true``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from kg.errors import OutputError
from kg.export.neo4j import (
    COMMUNITY,
    IMPORT,
    IN_COMMUNITY,
    LABELS,
    GraphRows,
    graph_import_id,
    schema_text,
)

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
    target = Path(bundle_dir)
    if target.exists() and not overwrite:
        raise OutputError(f"{target}: already exists; pass --force to replace it")
    rows = GraphRows.of(G)
    import_id = import_id or graph_import_id(G)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _write_files(staging, G, rows, import_id, at or datetime.now(UTC))
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


def _write_files(folder: Path, G: nx.DiGraph, rows: GraphRows, import_id: str, at: datetime) -> None:
    (folder / "nodes").mkdir()
    (folder / "relationships").mkdir()
    node_files: list[str] = []
    rel_files: list[str] = []

    def table(
        kind: str,
        name: str,
        fixed: list[str],
        fixed_values: Iterable[list[str]],
        records: Sequence[Mapping[str, Any]],
        types: Mapping[str, str] | None = None,
    ) -> str:
        columns = _columns(records, types or {})
        header = [*fixed, *(f"{key}:{type_}" for key, type_ in columns)]
        base = folder / kind / name
        _write_lines(base.with_name(f"{name}.header.csv"), [",".join(header)])
        with open(base.with_name(f"{name}.csv"), "w", encoding="utf-8", newline="") as fh:
            for fixed_row, record in zip(fixed_values, records, strict=True):
                _write_row(fh, [*fixed_row, *(_cell(record.get(key), type_, name) for key, type_ in columns)])
        return f"{kind}/{name}.header.csv,{kind}/{name}.csv"

    for label in LABELS:
        node_rows = rows.nodes.get(label)
        if not node_rows:
            continue
        records = []
        for row in node_rows:
            props = dict(row["props"])
            for key in ("aliases",):
                if row.get(key) is not None:
                    props[key] = row[key]
            props.update(_derived(G, row["id"]))
            records.append({"id": row["id"], "first_import": import_id, **props})
        node_files.append(
            table("nodes", label, [f":ID({label})", ":LABEL"], ([_quote(r["id"]), label] for r in node_rows), records)
        )

    if rows.communities:
        records = [{"id": c["id"], **c["props"]} for c in rows.communities]
        fixed = ([_quote(str(c["id"])), COMMUNITY] for c in rows.communities)
        node_files.append(table("nodes", COMMUNITY, [f":ID({COMMUNITY})", ":LABEL"], fixed, records))

    import_record = {
        "id": import_id,
        "seq": 1,
        "at": at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "papers": len(rows.nodes.get("Paper", ())),
        "nodes": rows.node_count,
        "relationships": rows.relationship_count,
    }
    fixed_import = [[_quote(import_id), IMPORT]]
    node_files.append(
        table("nodes", IMPORT, [f":ID({IMPORT})", ":LABEL"], fixed_import, [import_record], types={"at": "datetime"})
    )

    for (rel_type, start, end), rel_rows in sorted(rows.relationships.items()):
        name = f"{start}-{rel_type}-{end}"
        fixed = ([_quote(start_id), _quote(end_id), rel_type] for start_id, end_id, _ in rel_rows)
        rel_files.append(
            table(
                "relationships",
                name,
                [f":START_ID({start})", f":END_ID({end})", ":TYPE"],
                fixed,
                [props for _, _, props in rel_rows],
            )
        )

    known = {c["id"] for c in rows.communities}
    for label, members in sorted(rows.memberships.items()):
        linked = [m for m in members if m["community"] in known]
        if linked:
            name = f"{label}-{IN_COMMUNITY}-{COMMUNITY}"
            fixed = ([_quote(m["id"]), _quote(str(m["community"])), IN_COMMUNITY] for m in linked)
            rel_files.append(
                table(
                    "relationships",
                    name,
                    [f":START_ID({label})", f":END_ID({COMMUNITY})", ":TYPE"],
                    fixed,
                    [{} for _ in linked],
                )
            )

    _write_lines(folder / SCHEMA, schema_text().splitlines())
    _write_lines(folder / README, readme(node_files, rel_files, rows).splitlines())


def _derived(G: nx.DiGraph, node: str) -> dict[str, Any]:
    """``paper_count``/``first_seen`` as the graph has them (Bolt pushes compute the same in Neo4j)."""
    data = G.nodes[node]
    if data.get("kind") == "Paper":
        return {}
    return {"paper_count": data.get("paper_count"), "first_seen": data.get("first_seen")}


def import_command(node_files: list[str], rel_files: list[str], database: str = "neo4j") -> list[str]:
    """The import command as arguments (paths relative to the bundle folder)."""
    return [
        "neo4j-admin", "database", "import", "full",
        *(f"--nodes={files}" for files in node_files),
        *(f"--relationships={files}" for files in rel_files),
        *IMPORT_OPTIONS,
        database,
    ]  # fmt: skip


def readme(node_files: list[str], rel_files: list[str], rows: GraphRows) -> str:
    args = import_command(node_files, rel_files)
    command = " \\\n  ".join([" ".join(args[:4]), *args[4:]])
    return f"""# Neo4j bulk-import bundle (written by kg)

{rows.node_count:,} nodes and {rows.relationship_count:,} relationships of a kg graph, with its
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


def _columns(records: Sequence[Mapping[str, Any]], types: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every property key of ``records`` (sorted, ``id`` first) with its import type, inferred
    from the values unless ``types`` names it."""
    seen: dict[str, set[type]] = {}
    listed: dict[str, bool] = {}
    for record in records:
        for key, value in record.items():
            if value is None:
                seen.setdefault(key, set())
                continue
            if isinstance(value, list):
                listed[key] = True
                seen.setdefault(key, set()).update(type(v) for v in value)
            else:
                listed.setdefault(key, False)
                seen.setdefault(key, set()).add(type(value))
    columns = []
    for key in sorted(seen, key=lambda k: (k != "id", k)):
        if not key.isidentifier():
            raise OutputError(f"property name {key!r} cannot be a CSV header column")
        kinds = seen[key]
        base = _SCALAR_TYPES[kinds.pop()] if len(kinds) == 1 else ("double" if kinds == {int, float} else "string")
        base = types.get(key, base)
        columns.append((key, f"{base}[]" if listed.get(key) else base))
    return columns


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


def _write_row(fh: TextIO, cells: list[str]) -> None:
    fh.write(",".join(cells))
    fh.write("\n")


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for line in lines:
            fh.write(line + "\n")
