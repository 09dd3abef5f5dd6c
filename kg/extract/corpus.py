"""The corpus-level pass: one name per entity across papers, acronyms resolved across papers.

Two passes, streaming: feed every ``ExtractedPaper`` to ``CorpusIndex.add`` (memory grows
with the number of distinct names and acronyms, not with papers), then map each paper through
``CorpusIndex.resolve``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.extract.acronyms import is_short_form
from kg.model import Entity, EntityType, ExtractedPaper, entity_key

_HEAD_SUFFIX = re.compile(r"\s+(?:dataset|datasets|data set|benchmark|benchmarks|corpus|corpora)$")
_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AmbiguousAcronym:
    """A short form defined with several different long forms in the corpus."""

    type: str
    short: str
    long_forms: tuple[str, ...]
    papers: int

    def describe(self, limit: int = 5) -> str:
        """One line for a report: ``ALE (method): Arcade Learning Environment | ... (+3 more)``."""
        shown = " | ".join(self.long_forms[:limit])
        more = len(self.long_forms) - limit
        return f"{self.short} ({self.type}): {shown}" + (f" (+{more} more)" if more > 0 else "")


class CorpusIndex:
    """Corpus-wide name statistics and acronym table, filled in one pass with :meth:`add`."""

    def __init__(self) -> None:
        # (type, key) -> surface name -> count
        self._names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        # (type, short key) -> long-form key -> count; long-form key -> display
        self._acronyms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._short_display: dict[tuple[str, str], str] = {}
        self.papers = 0
        self._canonical: dict[tuple[str, str], str | None] = {}  # answers of canonical(), until the next add

    def add(self, extracted: ExtractedPaper) -> None:
        """Record one paper's names and acronym definitions."""
        self.papers += 1
        if self._canonical:
            self._canonical.clear()
        for entity in extracted.entities:
            if entity.type is EntityType.CODE:
                continue
            name = _strip_name(entity)
            type_ = entity.type.value
            self._names[(type_, entity_key(name))][name] += 1
            for alias in entity.aliases:
                if is_short_form(alias) and entity_key(alias) != entity_key(name):
                    short = (type_, entity_key(alias))
                    self._acronyms[short][entity_key(name)] += 1
                    self._short_display.setdefault(short, alias)

    def add_all(self, papers: Iterable[ExtractedPaper]) -> CorpusIndex:
        for paper in papers:
            self.add(paper)
        return self

    def merge(self, later: CorpusIndex) -> CorpusIndex:
        """Add the counts of an index of the papers that come after this one's (a worker's
        batch): the result equals one index fed every paper in order, first-seen ties included."""
        self.papers += later.papers
        self._canonical.clear()
        for key, names in later._names.items():
            self._names[key].update(names)
        for key, longs in later._acronyms.items():
            self._acronyms[key].update(longs)
        for key, display in later._short_display.items():
            self._short_display.setdefault(key, display)
        return self

    def canonical(self, type_: str, key: str) -> str | None:
        """The most frequent surface form for a (type, key); ties go to the first seen."""
        try:
            return self._canonical[(type_, key)]
        except KeyError:
            names = self._names.get((type_, key))
            best = max(names.items(), key=lambda item: (item[1], _casing_score(item[0])))[0] if names else None
            self._canonical[(type_, key)] = best
            return best

    def long_form(self, type_: str, short: str) -> str | None:
        """The one long form defined for ``short`` in the corpus, or None (unknown or ambiguous)."""
        longs = self._acronyms.get((type_, entity_key(short)))
        if not longs or len(longs) != 1:
            return None
        return self.canonical(type_, next(iter(longs)))

    def ambiguous(self) -> list[AmbiguousAcronym]:
        """Acronyms with several long forms: reported, never merged."""
        out = []
        for (type_, key), longs in sorted(self._acronyms.items()):
            if len(longs) > 1:
                forms = tuple(sorted(self.canonical(type_, k) or k for k in longs))
                out.append(AmbiguousAcronym(type_, self._short_display[(type_, key)], forms, sum(longs.values())))
        return out

    def resolve(self, extracted: ExtractedPaper, *, expand_acronyms: bool = True) -> ExtractedPaper:
        """The paper with corpus-wide canonical names (and, by default, acronyms used here but
        defined elsewhere expanded to their unambiguous long form, the acronym kept as alias)."""
        merged: dict[tuple[str, str], Entity] = {}
        for entity in extracted.entities:
            if entity.type is EntityType.CODE:
                merged.setdefault((entity.type.value, entity.name), entity)
                continue
            type_ = entity.type.value
            name = _strip_name(entity)
            aliases = list(entity.aliases)
            if expand_acronyms and is_short_form(name) and not any(not is_short_form(a) for a in aliases):
                long = self.long_form(type_, name)
                if long is not None and entity_key(long) != entity_key(name):
                    aliases = [name, *aliases]
                    name = long
            name = self.canonical(type_, entity_key(name)) or name
            if name != entity.name and entity_key(entity.name) != entity_key(name) and entity.name not in aliases:
                aliases.insert(0, entity.name)
            aliases = list(dict.fromkeys(a for a in aliases if entity_key(a) != entity_key(name)))
            key = (type_, entity_key(name))
            if key in merged:
                first = merged[key]
                extra = [a for a in (entity.name, *aliases) if entity_key(a) != key[1] and a not in first.aliases]
                merged[key] = replace(first, aliases=(*first.aliases, *dict.fromkeys(extra)), proposed=first.proposed or entity.proposed)
            else:
                merged[key] = replace(entity, name=name, aliases=tuple(aliases))
        return ExtractedPaper(extracted.paper, tuple(merged.values()))


def _strip_name(entity: Entity) -> str:
    """"the X dataset" -> X for datasets named by a lower-case head noun."""
    name = _THE.sub("", entity.name)
    if entity.type is EntityType.DATASET:
        stripped = _HEAD_SUFFIX.sub("", name)
        if stripped != name and stripped and (stripped[0].isupper() or any(c.isupper() for c in stripped)):
            name = stripped
    return name or entity.name


def _casing_score(name: str) -> tuple[int, int]:
    """Prefer written-out mixed case (ResNet over Resnet/RESNET), then the singular."""
    return (sum(c.isupper() for c in name) if not name.isupper() else 0, -len(name))
