"""The data model shared by every stage: papers, extracted entities, and their stable ids."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any


class EntityType(StrEnum):
    """What an extracted entity is (GUIDELINES "Types")."""

    METHOD = "method"
    DATASET = "dataset"
    METRIC = "metric"
    TASK = "task"
    CODE = "code"

    @property
    def label(self) -> str:
        """The node label used by the graph, Neo4j and HTML exporters (PascalCase)."""
        return self.value.capitalize()


class Field(StrEnum):
    """The part of a paper a piece of evidence comes from."""

    TITLE = "title"
    ABSTRACT = "abstract"


_WORD = re.compile(r"\w+")
# member by value and value by member without the Enum machinery (hot in to_dict/from_dict)
_TYPE_OF = {t.value: t for t in EntityType}
_FIELD_OF = {f.value: f for f in Field}
_VALUE_OF: dict[Any, str] = {**{t: t.value for t in EntityType}, **{f: f.value for f in Field}}


@lru_cache(maxsize=1 << 16)
def entity_key(text: str) -> str:
    """Normalise a name for matching: case-folded, hyphens, spaces and punctuation removed,
    a simple plural ``s`` removed from each word (GUIDELINES "Scoring").

    ``CIFAR10``, ``CIFAR-10`` and ``cifar 10`` share a key, so do ``ResNet`` and ``Resnets``.
    Cached: extraction and pass 2 of a build ask for the same few names ~30 times a paper.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in _WORD.findall(folded.replace("_", " "))
    ]
    return "".join(words) or folded.strip()


def entity_id(type_: EntityType | str, name: str) -> str:
    """Stable typed id of an entity node, shared by networkx, Neo4j and HTML: ``dataset:cifar10``."""
    return f"{EntityType(type_).value}:{entity_key(name)}"


def paper_node_id(paper_id: str) -> str:
    """Stable typed id of a paper node: ``paper:arxiv:2101.00001``."""
    return f"paper:{paper_id}"


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper as read from any source, normalised.

    ``id`` is the arXiv id (``arxiv:2101.00001``) or DOI (``doi:10.1000/x``) where known,
    an id given by the input, or a readable slug of the title plus a short hash.
    """

    id: str
    title: str
    abstract: str
    authors: tuple[str, ...] = ()
    published: date | None = None
    source: str = ""
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    links: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    @property
    def node_id(self) -> str:
        return paper_node_id(self.id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings, tuples as lists)."""
        return {
            "id": self.id,
            "title": self.title,
            "abstract": self.abstract,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "arxiv_id": self.arxiv_id,
            "doi": self.doi,
            "links": list(self.links),
            "categories": list(self.categories),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paper:
        """Inverse of :meth:`to_dict` (the format ``kg ingest`` writes)."""
        published = data.get("published")
        return cls(
            id=str(data["id"]),
            title=data["title"],
            abstract=data.get("abstract") or "",
            authors=tuple(data.get("authors") or ()),
            published=date.fromisoformat(published) if published else None,
            source=data.get("source") or "",
            url=data.get("url"),
            arxiv_id=data.get("arxiv_id"),
            doi=data.get("doi"),
            links=tuple(data.get("links") or ()),
            categories=tuple(data.get("categories") or ()),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an entity was found: the supporting sentence and the mention's offsets.

    ``start``/``end`` are character offsets of the mention in the paper's ``field``
    (title or abstract); ``sentence`` is the full sentence that contains it.
    """

    field: Field
    start: int
    end: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": _VALUE_OF.get(self.field) or self.field.value, "start": self.start, "end": self.end, "sentence": self.sentence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        field_ = data["field"]
        member = _FIELD_OF.get(field_) if type(field_) is str else None  # the Enum call only for other values (and its error)
        return cls(member if member is not None else Field(field_), int(data["start"]), int(data["end"]), data["sentence"])


@dataclass(frozen=True, slots=True)
class Entity:
    """One distinct entity of a paper (document level, GUIDELINES record format)."""

    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    proposed: bool = False
    evidence: Evidence | None = None
    confidence: float = 1.0
    rule: str = ""
    kind: str | None = None  # code links: "repository", "project_page" or "other"

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "type": _VALUE_OF.get(self.type) or self.type.value,
            "name": self.name,
            "aliases": list(self.aliases),
            "proposed": self.proposed,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "confidence": round(self.confidence, 4),
            "rule": self.rule,
        }
        if self.kind is not None:
            record["kind"] = self.kind
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        # positional arguments, Enum members by dict: every extracted entity is rebuilt here
        evidence = data.get("evidence")
        type_ = data["type"]
        member = _TYPE_OF.get(type_) if type(type_) is str else None
        return cls(
            member if member is not None else EntityType(type_),  # type
            data["name"],
            tuple(data.get("aliases") or ()),
            bool(data.get("proposed", False)),
            Evidence.from_dict(evidence) if isinstance(evidence, dict) else None,
            float(data.get("confidence", 1.0)),
            data.get("rule") or "",  # rule
            data.get("kind"),
        )


@dataclass(frozen=True, slots=True)
class ExtractedPaper:
    """A paper with the entities extracted from it: one line of ``entities.jsonl``."""

    paper: Paper
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The GUIDELINES record (id, title, abstract, entities) plus the paper's metadata."""
        return {**self.paper.to_dict(), "entities": [e.to_dict() for e in self.entities]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractedPaper:
        return cls(Paper.from_dict(data), tuple(Entity.from_dict(e) for e in data.get("entities") or ()))
