"""Push the graph to Neo4j over Bolt, idempotently.

Schema first (``neo4j_schema.cypher``: a uniqueness constraint on ``id`` for every label), then
``UNWIND $rows`` batches in managed write transactions (the driver retries transient errors):
MERGE on the constrained ``id`` only, SET the rest. Pushing the same graph again changes nothing;
pushing a graph with new papers adds what is new and replaces the edges of papers pushed again.

Every query is fixed text in this module and data travels only as parameters. Labels and
relationship types cannot be parameters in Cypher, so they come from the whitelists below (the
graph contract of docs/ARCHITECTURE.md) and a graph with any other kind or type is refused.

What Neo4j holds beyond the graph's attributes:
- ``id`` on every node: the graph's node id (``paper:arxiv:2509.01234``, ``dataset:imagenet``);
- ``first_import`` on Paper and entity nodes: the id of the :Import that created the node, and one
  ``(:Import {id, seq, at, papers, nodes, relationships})`` per distinct graph pushed (its id is a
  hash of the graph's node ids and edges, so pushing the same graph again adds no Import);
- ``paper_count`` and ``first_seen`` of entities, recomputed by Neo4j over every paper it holds
  (so pushing only tomorrow's papers keeps them right); ``aliases`` accumulate across pushes;
- ``(:Community {id, label, size, top_entities, top_entity_names})`` from
  ``G.graph["communities"]`` and an ``IN_COMMUNITY`` relationship from every node whose
  ``community`` attribute names one. Communities describe the pushed graph as a whole: they
  replace those in the database (push the whole graph, e.g. the output of
  ``kg build --update``, to keep them meaningful). A graph without ``communities`` leaves them.
"""

from __future__ import annotations

import hashlib
import json
import math
import queue
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from kg.errors import ConnectionFailed, InputError, KgError
from kg.graph.build import PAPER, PROPOSES, RELATIONS, USES
from kg.graph.communities import NO_COMMUNITY
from kg.model import EntityType

# ---- the whitelists ---------------------------------------------------------------------------------

ENTITY_LABELS: tuple[str, ...] = tuple(t.label for t in EntityType)
#: Labels of the graph's nodes (node attribute ``kind``).
NODE_LABELS: tuple[str, ...] = (PAPER, *ENTITY_LABELS)
COMMUNITY, IMPORT = "Community", "Import"
#: Every label the exporter writes; each has a uniqueness constraint on ``id`` in the schema.
LABELS: tuple[str, ...] = (*NODE_LABELS, COMMUNITY, IMPORT)
#: Relationship types of the graph's edges (edge attribute ``type``).
RELATIONSHIP_TYPES: tuple[str, ...] = (PROPOSES, USES, *RELATIONS.values())
IN_COMMUNITY = "IN_COMMUNITY"

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
DEFAULT_BATCH_SIZE = 5000
#: Sessions writing at once (Neo4j runs each transaction on one core; see :class:`Push`).
DEFAULT_WORKERS = 2
SCHEMA_FILE = "neo4j_schema.cypher"

#: Node attributes that are not copied as properties: ``kind`` is the label, the others are ours.
RESERVED_ATTRIBUTES = frozenset({"id", "kind", "first_import"})
#: Entity properties Neo4j computes over all the papers it holds (not copied from one pushed graph).
DERIVED_ATTRIBUTES = frozenset({"paper_count", "first_seen"})
#: Entity list properties that accumulate across pushes instead of being replaced.
MERGED_LISTS = ("aliases",)

# ---- the queries ------------------------------------------------------------------------------------

PING = "RETURN 1 AS ok"
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"
AWAIT_FULLTEXT = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()"
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

START_IMPORT = """
OPTIONAL MATCH (previous:Import)
WITH coalesce(max(previous.seq), 0) + 1 AS next
MERGE (i:Import {id: $import_id})
ON CREATE SET i.seq = next, i.at = datetime(), i.papers = $papers, i.nodes = $nodes,
              i.relationships = $relationships
RETURN i.seq AS seq
"""

# Deletes the edges of papers pushed again that the new graph no longer has; returns the entities
# that lost one (their counts are recomputed, and they are removed when no paper is left).
PRUNE_PAPER_EDGES = """
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})-[r]->(e)
WHERE type(r) IN $types AND NOT (type(r) + ' ' + e.id) IN row.keep
DELETE r
RETURN DISTINCT e.id AS id, [label IN labels(e) WHERE label IN $labels][0] AS label
"""

MERGE_COMMUNITIES = """
UNWIND $rows AS row
MERGE (c:Community {id: row.id})
SET c += row.props
"""

# The communities of the pushed graph replace those in the database.
DROP_OTHER_COMMUNITIES = """
MATCH (c:Community)
WHERE NOT c.id IN $ids
DETACH DELETE c
"""


def _allowed(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return value


@cache
def node_query(label: str) -> str:
    """MERGE a batch of nodes of one label; Paper batches return the ids of papers pushed before."""
    _allowed(label, NODE_LABELS, "node label")
    if label == PAPER:
        tail = "WITH n WHERE coalesce(n.first_import, '') <> $import_id\nRETURN n.id AS id"
    else:
        tail = "\n".join(
            f"WITH n, row, coalesce(n.{name}, []) AS known\n"
            f"WITH n, row, known + [x IN coalesce(row.{name}, []) WHERE NOT x IN known] AS merged\n"
            f"SET n.{name} = CASE merged WHEN [] THEN null ELSE merged END"
            for name in MERGED_LISTS
        )
    return f"""
UNWIND $rows AS row
MERGE (n:{label} {{id: row.id}})
ON CREATE SET n.first_import = $import_id
SET n += row.props
{tail}
"""


@cache
def relationship_query(rel_type: str, start: str, end: str) -> str:
    """MERGE a batch of relationships of one type between nodes of two labels; a row is the list
    ``[start id, end id, properties]`` (see :func:`relationship_row`).

    Rows are lists, not maps, because the planner cannot tell a map parameter from an entity:
    with ``row.start``/``row.end`` beside ``SET r += row.props`` (keys unknown) it assumes the SET
    may change what a later row reads and plans an Eager that buffers the whole batch before
    writing. List indexing reads no property, so the plan streams (and the rows are smaller)."""
    _allowed(rel_type, RELATIONSHIP_TYPES, "relationship type")
    _allowed(start, NODE_LABELS, "node label")
    _allowed(end, NODE_LABELS, "node label")
    return f"""
UNWIND $rows AS row
MATCH (a:{start} {{id: row[0]}})
MATCH (b:{end} {{id: row[1]}})
MERGE (a)-[r:{rel_type}]->(b)
SET r += row[2]
"""


def relationship_row(start: str, end: str, props: dict[str, Any]) -> list[Any]:
    """The parameter row of :func:`relationship_query`."""
    return [start, end, props]


@cache
def recount_query(label: str) -> str:
    """Recompute ``paper_count`` and ``first_seen`` of entities; delete those no paper mentions."""
    _allowed(label, ENTITY_LABELS, "entity label")
    return f"""
UNWIND $ids AS id
MATCH (e:{label} {{id: id}})
CALL (e) {{
  OPTIONAL MATCH (p:Paper)-->(e)
  RETURN count(DISTINCT p) AS papers, min(p.published) AS first
}}
SET e.paper_count = papers, e.first_seen = first
WITH e, papers WHERE papers = 0
DETACH DELETE e
"""


@cache
def membership_query(label: str) -> str:
    """Point each node of a batch at its community (replacing an old one), or at none."""
    _allowed(label, NODE_LABELS, "node label")
    return f"""
UNWIND $rows AS row
MATCH (n:{label} {{id: row.id}})
CALL (n, row) {{
  MATCH (n)-[old:IN_COMMUNITY]->(c:Community)
  WHERE row.community IS NULL OR c.id <> row.community
  DELETE old
}}
WITH n, row WHERE row.community IS NOT NULL
MATCH (c:Community {{id: row.community}})
MERGE (n)-[:IN_COMMUNITY]->(c)
"""


def schema_text() -> str:
    """The text of ``neo4j_schema.cypher`` (also at ``cypher/schema.cypher`` in the repository)."""
    return resources.files("kg.export").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def schema_statements() -> list[str]:
    """The schema's statements, comments removed, in file order."""
    lines = [line for line in schema_text().splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


# ---- the graph as rows ------------------------------------------------------------------------------


def neo4j_value(value: Any) -> Any:
    """A property value Neo4j can store: scalars as they are, dates as ISO strings, lists of one
    scalar type as lists, anything else (dicts, mixed lists) as a JSON string. An empty list is
    None (not stored): a bulk import cannot write one, and a missing list reads as empty."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        if not value:
            return None
        items = [neo4j_value(v) for v in value]
        kinds = {type(v) for v in items}
        if kinds <= {str} or kinds <= {bool} or kinds <= {int}:
            return items
        if kinds <= {int, float}:
            return [float(v) for v in items]
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def node_label(node: Any, data: Mapping[str, Any]) -> str:
    """The label of a graph node (its ``kind``), checked against the whitelist."""
    kind = data.get("kind")
    if kind not in NODE_LABELS:
        raise InputError(f"node kind {kind!r} is not one of {', '.join(NODE_LABELS)}", record=str(node))
    return kind


def edge_type(u: Any, v: Any, data: Mapping[str, Any]) -> str:
    """The relationship type of a graph edge (its ``type``), checked against the whitelist."""
    rel_type = data.get("type")
    if rel_type not in RELATIONSHIP_TYPES:
        raise InputError(f"edge type {rel_type!r} is not one of {', '.join(RELATIONSHIP_TYPES)}", record=f"{u} -> {v}")
    return rel_type


def node_properties(data: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of a node as the graph gives them (``id``, ``first_import`` not included)."""
    return {k: neo4j_value(v) for k, v in data.items() if k not in RESERVED_ATTRIBUTES}


def edge_properties(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: neo4j_value(v) for k, v in data.items() if k != "type"}


def community_of(data: Mapping[str, Any]) -> int | None:
    community = data.get("community")
    return None if community is None or community == NO_COMMUNITY else int(community)


def community_rows(G: nx.DiGraph) -> list[dict[str, Any]]:
    """One row per community of ``G.graph["communities"]``: ``{id, props}``; the props add
    ``top_entity_names``, the names of its ``top_entities`` (node ids), for readable queries."""
    rows = []
    for community in G.graph.get("communities") or ():
        props = {k: neo4j_value(v) for k, v in community.items() if k != "id"}
        top = [e for e in community.get("top_entities") or () if e in G]
        props["top_entity_names"] = neo4j_value([str(G.nodes[e].get("name") or e) for e in top])
        rows.append({"id": int(community["id"]), "props": props})
    return rows


def graph_import_id(G: nx.DiGraph) -> str:
    """A stable id of the graph's content: a hash of its node ids and its edges with their types."""
    digest = hashlib.sha256()
    for node in sorted(str(n) for n in G.nodes):
        digest.update(node.encode("utf-8") + b"\0")
    digest.update(b"\1")
    for edge in sorted(f"{u}\0{d.get('type')}\0{v}" for u, v, d in G.edges(data=True)):
        digest.update(edge.encode("utf-8") + b"\0")
    return "import:" + digest.hexdigest()[:20]


@dataclass(slots=True)
class GraphRows:
    """The graph cut into the parameter rows of each query (validated against the whitelists)."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    relationships: dict[tuple[str, str, str], list[list[Any]]] = field(default_factory=lambda: defaultdict(list))
    keep: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    communities: list[dict[str, Any]] = field(default_factory=list)
    has_communities: bool = False  # the graph was analysed (``G.graph["communities"]`` exists)
    memberships: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, G: nx.DiGraph) -> GraphRows:
        rows = cls()
        labels: dict[Any, str] = {}
        for node, data in G.nodes(data=True):
            label = labels[node] = node_label(node, data)
            props = node_properties(data)
            row: dict[str, Any] = {"id": str(node)}
            if label != PAPER:
                for name in DERIVED_ATTRIBUTES:
                    props.pop(name, None)
                for name in MERGED_LISTS:
                    row[name] = props.pop(name, None)
            row["props"] = props
            rows.nodes[label].append(row)
            rows.memberships[label].append({"id": str(node), "community": community_of(data)})
        for u, v, data in G.edges(data=True):
            rel_type = edge_type(u, v, data)
            rows.relationships[(rel_type, labels[u], labels[v])].append(
                relationship_row(str(u), str(v), edge_properties(data))
            )
            if labels[u] == PAPER:
                rows.keep[str(u)].append(f"{rel_type} {v}")
        rows.communities = community_rows(G)
        rows.has_communities = "communities" in G.graph
        return rows

    @property
    def node_count(self) -> int:
        return sum(len(r) for r in self.nodes.values())

    @property
    def relationship_count(self) -> int:
        return sum(len(r) for r in self.relationships.values())


# ---- connecting -------------------------------------------------------------------------------------


def shown_uri(uri: str) -> str:
    """The URI as it may be shown: any ``user:password@`` part removed."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def _scrubbed(text: str, uri: str) -> str:
    """``text`` with the URI shown without credentials, and no password left in it."""
    text = text.replace(uri, shown_uri(uri))
    try:
        password = urlsplit(uri).password
    except ValueError:
        password = None
    return text.replace(password, "***") if password else text


def connection_error(exc: Exception, uri: str, user: str | None = None) -> KgError:
    """A one-line error for a failure to reach or log in to the server (never naming the password)."""
    error = _connection_error(exc, uri, user)
    lines = str(error).splitlines() or [type(exc).__name__]
    return type(error)(_scrubbed(lines[0], uri))


def _connection_error(exc: Exception, uri: str, user: str | None) -> KgError:
    where = shown_uri(uri)
    if isinstance(exc, AuthError):
        if user is None:
            return ConnectionFailed(f"Neo4j at {where} requires a login: set NEO4J_PASSWORD (or pass --password)")
        if (exc.code or "").endswith("AuthenticationRateLimit"):
            return ConnectionFailed(
                f"Neo4j at {where} refused the login of user '{user}': too many failed attempts, try again shortly"
            )
        return ConnectionFailed(f"Neo4j at {where} refused the login of user '{user}': wrong username or password")
    if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ConnectionFailed(f"cannot reach Neo4j at {where}: {reason}")
    if isinstance(exc, ConfigurationError | ValueError):
        return ConnectionFailed(f"bad Neo4j URI {where}: {exc}")
    if isinstance(exc, Neo4jError):
        return KgError(f"Neo4j at {where}: {exc.code}: {exc.message}")
    return ConnectionFailed(f"cannot use Neo4j at {where}: {type(exc).__name__}: {exc}")


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def connect(uri: str, auth: tuple[str, str] | None = None) -> Driver:
    """A driver for ``uri`` whose connection and login were verified (a ``ConnectionFailed`` if not)."""
    scheme = uri.split("://", 1)[0] if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise ConnectionFailed(
            f"bad Neo4j URI {shown_uri(uri)}: expected {', '.join(s + '://' for s in BOLT_SCHEMES)} (e.g. bolt://localhost:7687)"
        )
    try:
        driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=15.0)
    except (ConfigurationError, ValueError) as exc:
        raise connection_error(exc, uri) from None
    try:
        driver.verify_connectivity()
    except Exception as exc:
        driver.close()
        raise connection_error(exc, uri, auth[0] if auth else None) from None
    return driver


# ---- pushing ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PushResult:
    """What a push wrote: rows sent, and what Neo4j reports it changed."""

    database: str
    import_id: str
    import_seq: int
    nodes: int
    relationships: int
    nodes_created: int
    nodes_deleted: int
    relationships_created: int
    relationships_deleted: int
    properties_set: int
    transactions: int
    seconds: float
    wiped: int = 0  # nodes deleted by ``wipe`` before the push (not in the counts above)

    @property
    def rows(self) -> int:
        return self.nodes + self.relationships


@dataclass(frozen=True, slots=True)
class Step:
    """One transaction of a push done: its stage and how many rows it wrote."""

    stage: str
    rows: int


@dataclass(slots=True)
class _Tally:
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    transactions: int = 0

    def add(self, counters: Any) -> None:
        self.nodes_created += counters.nodes_created
        self.nodes_deleted += counters.nodes_deleted
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.properties_set += counters.properties_set
        self.transactions += 1


@dataclass(frozen=True, slots=True)
class _Job:
    """One write transaction: a query, its parameters, and the rows it writes (for progress)."""

    stage: str
    query: str
    parameters: dict[str, Any]
    rows: int


def _run(tx: ManagedTransaction, query: str, parameters: dict[str, Any]) -> tuple[list[dict[str, Any]], Any]:
    result = tx.run(query, parameters)
    records = [record.data() for record in result]
    return records, result.consume().counters


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _block(node_id: str, blocks: int) -> int:
    """A stable block number of a node id (the same in every process)."""
    return zlib.crc32(node_id.encode("utf-8")) % blocks


_LANE_DONE = object()


class Push:
    """One push of a graph to a database: ``steps()`` runs it, yielding after each transaction
    (for progress bars); ``result`` then tells what was written. :func:`push` does both.

    With ``workers`` > 1, nodes, relationships and entity counts are written by that many
    sessions at once in *lanes* that never touch the same node (relationships: papers and
    entities are both split into ``workers`` blocks by a hash of their id, and in each of
    ``workers`` phases lane *i* writes papers of block *i* to entities of block *i + phase*),
    so parallel transactions do not wait for each other's node locks. They may still meet on a
    relationship both insert next to (Neo4j links each node's relationships in a chain); Neo4j
    then detects the deadlock and the driver retries one of the transactions.
    """

    def __init__(
        self,
        graph: nx.DiGraph,
        driver: Driver,
        *,
        database: str = DEFAULT_DATABASE,
        batch_size: int = DEFAULT_BATCH_SIZE,
        workers: int = DEFAULT_WORKERS,
        wipe: bool = False,
        import_id: str | None = None,
        uri: str | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {batch_size}")
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.graph = graph
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.workers = workers
        self.wipe = wipe
        self.uri = uri or "the Neo4j server"
        self.rows = GraphRows.of(graph)
        self.import_id = import_id or graph_import_id(graph)
        self.papers = len(self.rows.nodes.get(PAPER, ()))
        self._tally = _Tally()
        self._bookmarks = GraphDatabase.bookmark_manager()
        self._seq = 0
        self._wiped = 0
        self._seconds = 0.0
        self.result: PushResult | None = None

    @property
    def total_steps(self) -> int:
        """How many transactions the push takes (an estimate: pruning and recounting may add some)."""
        b = self.batch_size
        lanes = self.workers * self.workers  # relationship lanes may each end with a partial batch
        entities = sum(len(self.rows.nodes.get(label, ())) for label in ENTITY_LABELS)
        return (
            2
            + int(self.wipe)
            + sum(math.ceil(len(r) / b) for r in self.rows.nodes.values())
            + sum(math.ceil(len(r) / b) for r in self.rows.relationships.values())
            + (lanes if self.rows.relationship_count else 0)
            + math.ceil(entities / b)
            + math.ceil(len(self.rows.communities) / b)
            + sum(math.ceil(len(r) / b) for r in self.rows.memberships.values())
            + 1
        )

    def steps(self) -> Iterator[Step]:
        started = time.perf_counter()
        try:
            with self._session() as session:
                yield from self._steps(session)
        except KgError:
            raise
        except Neo4jError as exc:
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise KgError(f"Neo4j at {self.uri} has no database '{self.database}'") from None
            raise KgError(f"Neo4j at {self.uri} refused the push: {exc.code}: {exc.message}") from None
        except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
            raise connection_error(exc, self.uri) from None
        self._seconds = time.perf_counter() - started
        t = self._tally
        self.result = PushResult(
            database=self.database,
            import_id=self.import_id,
            import_seq=self._seq,
            nodes=self.rows.node_count,
            relationships=self.rows.relationship_count,
            nodes_created=t.nodes_created,
            nodes_deleted=t.nodes_deleted,
            relationships_created=t.relationships_created,
            relationships_deleted=t.relationships_deleted,
            properties_set=t.properties_set,
            transactions=t.transactions,
            seconds=self._seconds,
            wiped=self._wiped,
        )

    def run(self) -> PushResult:
        for _ in self.steps():
            pass
        assert self.result is not None
        return self.result

    def _session(self) -> Session:
        return self.driver.session(database=self.database, bookmark_manager=self._bookmarks)

    def _write(self, session: Session, query: str, **parameters: Any) -> list[dict[str, Any]]:
        records, counters = session.execute_write(_run, query, parameters)
        self._tally.add(counters)
        return records

    def _lanes(self, session: Session, lanes: list[list[_Job]]) -> Iterator[tuple[_Job, list[dict[str, Any]]]]:
        """Run each lane's jobs in order, the lanes at once (one session and thread each); yields
        every job done with its records. Lanes must not write the same nodes."""
        lanes = [lane for lane in lanes if lane]
        if len(lanes) <= 1:
            for job in lanes[0] if lanes else []:
                yield job, self._write(session, job.query, **job.parameters)
            return
        done: queue.Queue[Any] = queue.Queue()
        stop = threading.Event()

        def work(lane: list[_Job]) -> None:
            try:
                with self._session() as own:
                    for job in lane:
                        if stop.is_set():
                            return
                        done.put((job, *own.execute_write(_run, job.query, job.parameters)))
            except BaseException as exc:  # handed to the main thread
                done.put(exc)
            finally:
                done.put(_LANE_DONE)

        threads = [threading.Thread(target=work, args=(lane,), daemon=True) for lane in lanes]
        for thread in threads:
            thread.start()
        running = len(threads)
        try:
            while running:
                item = done.get()
                if item is _LANE_DONE:
                    running -= 1
                elif isinstance(item, BaseException):
                    raise item
                else:
                    job, records, counters = item
                    self._tally.add(counters)
                    yield job, records
        finally:
            stop.set()
            for thread in threads:
                thread.join()

    def _node_lanes(self) -> list[list[_Job]]:
        lanes: list[list[_Job]] = [[] for _ in range(self.workers)]
        n = 0
        for label in NODE_LABELS:
            for chunk in _chunks(self.rows.nodes.get(label, []), self.batch_size):
                job = _Job(label, node_query(label), {"rows": list(chunk), "import_id": self.import_id}, len(chunk))
                lanes[n % self.workers].append(job)
                n += 1
        return lanes

    def _relationship_phases(self) -> list[list[list[_Job]]]:
        k = self.workers
        cells: dict[tuple[int, int], list[_Job]] = defaultdict(list)
        for (rel_type, start, end), rows in sorted(self.rows.relationships.items()):
            split: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
            for row in rows:
                split[(_block(row[0], k), _block(row[1], k))].append(row)
            for cell, cell_rows in split.items():
                for chunk in _chunks(cell_rows, self.batch_size):
                    cells[cell].append(
                        _Job(rel_type, relationship_query(rel_type, start, end), {"rows": list(chunk)}, len(chunk))
                    )
        return [[cells[(i, (i + phase) % k)] for i in range(k)] for phase in range(k)]

    def _steps(self, session: Session) -> Iterator[Step]:
        session.run(PING).consume()  # a missing database fails here, before anything is written
        if self.wipe:
            self._wiped = wipe(session).nodes_deleted
            yield Step("wipe", self._wiped)
        apply_schema(session, uri=self.uri)
        yield Step("schema", 0)
        if not self.rows.node_count:
            return  # nothing to import: no Import node either
        records = self._write(
            session,
            START_IMPORT,
            import_id=self.import_id,
            papers=self.papers,
            nodes=self.rows.node_count,
            relationships=self.rows.relationship_count,
        )
        self._seq = records[0]["seq"]
        yield Step("import", 1)

        b = self.batch_size
        pushed_before: list[str] = []
        for job, records in self._lanes(session, self._node_lanes()):
            pushed_before.extend(r["id"] for r in records)
            yield Step(job.stage, job.rows)
        for lanes in self._relationship_phases():
            for job, _ in self._lanes(session, lanes):
                yield Step(job.stage, job.rows)

        touched: dict[str, set[str]] = {
            label: {r["id"] for r in self.rows.nodes.get(label, [])} for label in ENTITY_LABELS
        }
        for chunk in _chunks(sorted(pushed_before), b):
            rows = [{"id": pid, "keep": self.rows.keep[pid]} for pid in chunk]
            lost = self._write(
                session, PRUNE_PAPER_EDGES, rows=rows, types=list(RELATIONSHIP_TYPES), labels=list(ENTITY_LABELS)
            )
            for record in lost:
                if record["label"] in touched:
                    touched[record["label"]].add(record["id"])
            yield Step("prune", len(chunk))
        recount: list[list[_Job]] = [[] for _ in range(self.workers)]
        for label in ENTITY_LABELS:
            by_block: dict[int, list[str]] = defaultdict(list)
            for entity in sorted(touched[label]):
                by_block[_block(entity, self.workers)].append(entity)
            for block, ids in by_block.items():
                for chunk in _chunks(ids, b):
                    recount[block].append(
                        _Job(f"{label} counts", recount_query(label), {"ids": list(chunk)}, len(chunk))
                    )
        for job, _ in self._lanes(session, recount):
            yield Step(job.stage, job.rows)

        if self.rows.has_communities:
            self._write(session, DROP_OTHER_COMMUNITIES, ids=[c["id"] for c in self.rows.communities])
            for chunk in _chunks(self.rows.communities, b):
                self._write(session, MERGE_COMMUNITIES, rows=list(chunk))
                yield Step(COMMUNITY, len(chunk))
            for label in NODE_LABELS:
                for chunk in _chunks(self.rows.memberships.get(label, []), b):
                    self._write(session, membership_query(label), rows=list(chunk))
                    yield Step(IN_COMMUNITY, len(chunk))
        session.run(AWAIT_FULLTEXT).consume()
        yield Step("search index", 0)


def wipe(session: Session) -> Any:
    """Delete every node and relationship of the session's database, 10,000 nodes a transaction;
    Neo4j's counters of what was deleted. (Constraints and indexes stay.)"""
    return session.run(WIPE).consume().counters


def apply_schema(session: Session, *, uri: str = "the Neo4j server", timeout: int = 300) -> None:
    """Create the constraints and indexes of ``neo4j_schema.cypher`` (existing ones are kept) and
    wait until the indexes are online. A statement Neo4j refuses is reported with its name."""
    for statement in schema_statements():
        try:
            session.run(statement).consume()
        except Neo4jError as exc:
            name = " ".join(statement.split()[:4])
            raise KgError(
                f"Neo4j at {uri} refused the schema statement '{name} ...': {exc.code}: {exc.message}"
            ) from None
    session.run(AWAIT_INDEXES, seconds=timeout).consume()


def push(
    graph: nx.DiGraph,
    driver_or_uri: Driver | str,
    *,
    auth: tuple[str, str] | None = None,
    database: str = DEFAULT_DATABASE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = DEFAULT_WORKERS,
    wipe: bool = False,
    import_id: str | None = None,
) -> PushResult:
    """Write ``graph`` (the graph of :func:`kg.graph.build_graph`) to Neo4j; what was written.

    ``driver_or_uri`` is a :class:`neo4j.Driver` (left open) or a URI to connect to with ``auth``
    (``(user, password)``). ``batch_size`` rows go in one transaction, ``workers`` transactions
    run at once (on nodes no other one touches). ``wipe`` deletes everything in ``database``
    first. ``import_id`` names this import (default: a hash of the graph's content, so pushing
    the same graph again adds nothing).
    Raises :class:`~kg.errors.ConnectionFailed` when the server cannot be reached or refuses the
    login, :class:`~kg.errors.InputError` for a node kind or edge type outside the graph contract.
    """
    if isinstance(driver_or_uri, str):
        with connect(driver_or_uri, auth) as driver:
            return Push(
                graph, driver, database=database, batch_size=batch_size, workers=workers, wipe=wipe,
                import_id=import_id, uri=shown_uri(driver_or_uri),
            ).run()  # fmt: skip
    return Push(
        graph, driver_or_uri, database=database, batch_size=batch_size, workers=workers, wipe=wipe, import_id=import_id
    ).run()
