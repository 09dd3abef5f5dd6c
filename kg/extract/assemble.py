"""Turn the mentions the components found into document-level entities (GUIDELINES records).

Overlaps are resolved (acronym definitions, then lexicon names, then context rules), mentions
of one entity are grouped by ``entity_key``, acronyms become aliases of their long form,
methods the paper introduces are marked ``proposed``, and every entity keeps the evidence of
its first mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import Any

from kg.extract.acronyms import Definition
from kg.extract.rules import (
    Mention,
    agent_roles,
    appositive_proposal,
    bracketed_proposal,
    defined_proposal,
    described_proposal,
    describes_name,
    framed_as_data,
    framed_as_measure,
    framed_as_method,
    fallback_description,
    introduced_part,
    listed_definition,
    named_after,
    named_subject,
    plain_description,
    proposed_component,
    proposal_context,
    proposes,
    qualified_measure,
    title_echoes,
    title_fallback_lead,
    title_lead,
    title_methods,
    title_prefix,
    title_subject,
)
from kg.extract.scan import prefiltered
from kg.extract.text import TITLE_SEPARATOR, Sentences, is_name_shaped, is_title_case, last_break, strip_name_suffix
from kg.extract.urls import Link
from kg.extract.vocabulary import Vocabulary, vocabulary
from kg.model import EntityType
from kg.model import entity_key as _entity_key

# the same names recur within and across papers: keys are cached (bounded, so memory stays flat)
entity_key = lru_cache(maxsize=1 << 16)(_entity_key)

_ENTITY_TYPES = {t.value: t for t in EntityType}
RANK = {
    "acronym": 6, "title": 5, "lexicon": 4, "named": 4, "head:dataset": 3, "head:named": 3, "shape": 3,
    "head:compound": 4, "cue:resource": 4, "long-form": 4, "cue:at-k": 4, "cue:error": 4, "shape:benchmark": 5, "shape:campaign": 5,
    "named:dataset": 5, "named:metric": 5, "head:task": 2, "head:method": 2, "head:repeat": 2, "head:metric": 2, "cue": 2,
    "cue:fallback": 4, "cue:quantity": 4, "cue:evaluated-list": 4,
}
# markup in a name: its branches, searched one at a time behind cheap tests (``_has_markup``): the one
# alternation, tried at every character, cost ~10 us on a 30-character name ("Speed round 12")
_MARKUP_SIGN = r"[{}<>\\$^_=|#~]"
_MARKUP_AT = r"@(?!(?:\d{1,4}|[kKnN])(?![\w.@]))"
_MARKUP_ENTITY = r"&\w+;"
_MARKUP_WORD = r"\b(?:href|http|www|textbf|emph|mathrm|mathbf|frac|cite|url)\b"
_CITATION_KEY = r"\b[a-z]+(?:19|20)?\d\d[a-z]+\b"  # wang2017sample, daume05learning
_GLUED_GLOSSARY = r"\b([A-Z]{2,})\1[a-z]"  # PSNRPSNR...
_MARKUP = re.compile("|".join((_MARKUP_SIGN, _MARKUP_AT, _MARKUP_ENTITY, _MARKUP_WORD, _CITATION_KEY, _GLUED_GLOSSARY)))
_MARKUP_SIGN_SEARCH, _MARKUP_WORD_SEARCH = re.compile(_MARKUP_SIGN).search, re.compile(_MARKUP_WORD).search
_MARKUP_AT_SEARCH, _MARKUP_ENTITY_SEARCH = re.compile(_MARKUP_AT).search, re.compile(_MARKUP_ENTITY).search
_CITATION_KEY_SEARCH, _GLUED_GLOSSARY_SEARCH = re.compile(_CITATION_KEY).search, re.compile(_GLUED_GLOSSARY).search
_DIGIT = re.compile(r"\d")
# an e-mail address: the sentence is author and affiliation metadata ("Feng Wang1, ... (e-mail: x@cs.jhu.edu)")
_EMAIL = re.compile(r"\w\s?@\s?[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+")
_OWN_CUE = re.compile(
    r"(?i)\b(?:code|codes|github|available|release[sd]?|project|page|website|homepage|site|repo|repository|"
    r"implementation|demo|our|we|models?|checkpoints?|data|dataset|benchmark|leaderboard|url|link|open[- ]source[sd]?|publicly)\b"
)
_SUFFIXES = ("-based", "-like", "-style", "-inspired", "-driven", "-guided", "-powered", "-enhanced", "-augmented", "-conditioned", "-type", "-family")


@lru_cache(maxsize=1024)  # a few dozen rule names
def rank(rule: str) -> int:
    return RANK.get(rule, RANK.get(rule.split(":")[0], 1))


_START = attrgetter("start")


def _best_key(m: Mention) -> tuple[int, float]:
    """The mention whose rule names the entity's: highest rank, then most confident."""
    return rank(m.rule), m.confidence


def _overlap_key(m: Mention) -> tuple[int, int, int]:
    """Where mentions overlap, the first in this order wins: higher rank, then longer, then earlier."""
    return -rank(m.rule), -(m.end - m.start), m.start


@lru_cache(maxsize=1 << 16)  # the same surfaces recur within and across papers; bounded
def _has_markup(surface: str) -> bool:
    """``_MARKUP.search(surface) is not None``, a branch at a time: "@" and "&" only where they are,
    citation keys only with a digit, a doubled glossary only with a capital."""
    return bool(
        _MARKUP_SIGN_SEARCH(surface)
        or "@" in surface and _MARKUP_AT_SEARCH(surface)
        or "&" in surface and _MARKUP_ENTITY_SEARCH(surface)
        or _MARKUP_WORD_SEARCH(surface)
        or _DIGIT.search(surface) and _CITATION_KEY_SEARCH(surface)
        or not surface.islower() and _GLUED_GLOSSARY_SEARCH(surface)
    )


@dataclass(slots=True)
class _Group:
    type: str
    name: str
    first: int
    mentions: list[Mention] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # key -> surface
    proposed: bool = False

    def absorb(self, other: _Group) -> None:
        """Take in the mentions, aliases and proposal of another group for the same entity."""
        self.mentions.extend(other.mentions)
        self.first = min(self.first, other.first)
        self.proposed |= other.proposed
        for alias_key, surface in other.aliases.items():
            self.aliases.setdefault(alias_key, surface)


_NAME_LEADS_TITLE = re.compile(r"\s*([^\s:]+)\s+(?:for|of|in|with|via|on|:)\s")  # "X for ...": a name leading the title


def assemble(
    text: str,
    title_end: int,
    sentences: Sentences,
    mentions: Iterable[Mention],
    definitions: Sequence[Definition],
    links: Sequence[Link],
    vocab: Vocabulary | None = None,
) -> list[dict[str, Any]]:
    """The paper's entities as GUIDELINES records (``Entity.to_dict``), in order of first mention,
    each with its rule's confidence. ``text`` is title + "\\n\\n" + abstract. Records are
    built directly: an ``Entity`` and its ``to_dict`` cost ~4 us an entity, a record ~1 us."""
    vocab = vocab or vocabulary()
    link_spans = [(l.start, l.end) for l in links]
    if link_spans:
        mentions = [m for m in mentions if _clean_span(text, m) and not any(m.start < e and s < m.end for s, e in link_spans)]
    else:
        mentions = [m for m in mentions if m.end > m.start and not _has_markup(text[m.start : m.end])]
    if "@" in text:
        mentions = _without_metadata(mentions, text, sentences)
    if definitions and (properties := _property_shorts(text, definitions, mentions, vocab)):
        mentions = [m for m in mentions if not (m.rule.startswith("shape") and text[m.start : m.end] in properties)]
    if "-" in text:  # "LLM-simulated users", "human-AI collaboration", "single-GPU serving": modifiers, no methods
        mentions = [m for m in mentions if not _modifier_compound(text, m, vocab)]
    if "2" in text and ("-to-" in text or "-To-" in text):  # "text-to-image (T2I)", "Text-to-SQL (T2SQL)": a conversion task's short form
        mentions = _conversion_shorts(mentions, text)
    mentions.extend(_acronym_mentions(text, definitions, mentions, vocab, title_end))
    # (the per-mention steps below change only methods, this one no lexicon name: the tests save the calls)
    mentions = [_as_phenomenon(m, text, vocab) if m.type == "method" and not m.rule.startswith("lexicon") else m for m in mentions]
    mentions = _kind_words_as_no_datasets(_named_datasets(mentions, text, title_end), text)
    # "reasoning accuracy", "prefill latency": the bare measure word is not what such a mention reports
    mentions = _without_qualified_measures(mentions, text, vocab)
    own = {entity_key(text[m.start : m.end]) for m in mentions if m.proposed and m.type == "method"}
    if own:
        mentions = [m for m in mentions if m.rule != "shape:dataset" or entity_key(text[m.start : m.end]) not in own]  # "scalability of DiST"
        # "we present ZEST, a ... framework": a name the paper proposes and calls a method is no dataset anywhere in it
        framed = {
            entity_key(text[m.start : m.end])
            for m in mentions
            if m.proposed and m.type == "method" and m.rule == "named" and framed_as_method(text, m.end)
        }
        if framed:
            mentions = [m for m in mentions if m.type != "dataset" or entity_key(text[m.start : m.end]) not in framed]
        # "we introduce SciNLP - a specialized benchmark": the name the paper proposes and calls data is a dataset
        data = {
            entity_key(text[m.start : m.end])
            for m in mentions
            if m.proposed and m.type == "method" and m.rule == "named" and framed_as_data(text, m.end)
        }
        if data:
            mentions = [
                m._replace(type="dataset", rule="named:dataset" if m.rule == "named" else m.rule, proposed=False)
                if m.type == "method" and entity_key(text[m.start : m.end]) in data else m
                for m in mentions
            ]
    mentions = _means_as_methods(_campaign_tracks(mentions, text, vocab), text, title_end)
    mentions = _extend_known_tasks(mentions, text, title_end, vocab)
    # "machine understanding of scientific language", "controlled generation of diverse samples": a fragment of a longer phrase
    mentions = [m for m in mentions if not (m.rule == "head:task" and _OBJECT_AFTER.match(text, m.end))]
    mentions = _without_means_only_tasks(mentions, text, title_end)
    # (both steps read what follows the name: "++", or a space and what ``_may_extend`` lets through)
    mentions = [
        _with_version(_with_component_head(m, text), text) if m.type == "method" and _may_extend(text, m.end)
        else _with_data_version(m, text) if m.type == "dataset" and text.startswith(" ", m.end) and m.name is None else m
        for m in mentions
    ]
    mentions = _with_name_modifiers(_same_version(mentions, text), text, title_end, vocab)
    prefix = title_prefix(text[:title_end]) if title_end else None
    if prefix is None and title_end:
        lead = _NAME_LEADS_TITLE.match(text[:title_end])
        if lead and is_name_shaped(strip_name_suffix(lead.group(1))):
            prefix = (lead.start(1), lead.start(1) + len(strip_name_suffix(lead.group(1))))
        means = _MEANS_BEFORE_COLON.search(text, 0, title_end)
        if prefix is None and means:  # "Boosting Parallel Training with C4: A ..."
            prefix = means.span(1)
    if prefix is not None:
        mentions.append(own_name := _title_mention(text, prefix, mentions, vocab))
        if own_name.type == "method":
            mentions = _gloss_as_alias(mentions, text, prefix, title_end)
    if title_end:
        mentions.extend(_without_title_tail(m, text, title_end) for m in _title_methods(text[:title_end], mentions, prefix, vocab))
        mentions.extend(Mention(s, e, "method", "named", 0.8, proposed=True) for s, e in title_echoes(text, title_end, vocab))
        mentions.extend(Mention(s, e, "method", "named", 0.8, proposed=True) for s, e in agent_roles(text, title_end))
        if (subject := title_subject(text[:title_end], vocab)) is not None and (own := _subject_method(text, subject, mentions)):
            mentions.append(own)
        if (purpose := _title_purpose_task(text[:title_end], mentions, vocab)) is not None:
            mentions.append(purpose)
    mentions = _dataset_parts(_named_datasets(mentions, text), text)
    chosen, groups = _chosen_groups(mentions, text, definitions, vocab)
    if prefix is not None:  # "IRWE: ..." whose acronym definition won the overlap
        for g in groups.values():
            g.proposed |= g.type == "method" and any(m.start == prefix[0] for m in g.mentions)
    if title_end:  # "Consolidating Rewarded Perturbations for ...", the long form of the abstract's "CoRP": new, not known
        for g in groups.values():
            if g.type == "method" and not g.proposed and any(m.start == 0 and m.rule == "long-form" for m in g.mentions):
                g.proposed = not any(m.rule.startswith("lexicon") for m in g.mentions) and entity_key(g.name) not in _established_methods()
    proposed_names = _proposed_names(groups, text, sentences)
    named = any(m.rule == "title" for m in chosen if m.start < title_end) or any(
        " " not in n and is_name_shaped(n) for n in proposed_names
    )  # "... we name ResNeXt": the title lead only describes it
    lead = _fallback_lead(text, title_end, mentions, vocab) if title_end and not named else None
    if lead is not None:  # the title names no method of the paper's own but leads with one
        chosen, groups = _chosen_groups([*mentions, lead], text, definitions, vocab)
        proposed_names = _proposed_names(groups, text, sentences)
    if prefix is None and lead is None and not named and title_end and (known := _known_title_lead(text[:title_end], chosen)):
        proposed_names |= {g.name for g in groups.values() if g.type == "method" and any((m.start, m.end) == known for m in g.mentions)}
    if title_end:
        proposed_names |= _result_subjects(text, title_end, groups)
        proposed_names |= _title_family_contribution(text, title_end, groups)
    proposed_names |= _introduced_parts(text, groups, mentions, sentences)
    described = None
    if not any(g.type == "method" and g.name in proposed_names and not _generic(g.name, vocab) for g in groups.values()):
        described = _described_contribution(text, title_end, mentions, vocab)
        if described is not None:  # the paper proposes nothing by name: its described contribution
            chosen, groups = _chosen_groups([described, *mentions, *([lead] if lead else [])], text, definitions, vocab)
            proposed_names = _proposed_names(groups, text, sentences)
            proposed_names |= {g.name for g in groups.values() if g.type == "method" and _holds(g, described)}  # an acronym's long form won it
    entities: list[dict[str, Any]] = []
    # "SciNLP: A ... Benchmark" ... "SciNLP comprises": a name the paper has as data or a measure is that, not
    # also a method where only its shape said method (a dataset reading that is only a shape's guess from
    # "on X" decides nothing: "evaluate CAD-GCN ... on")
    measured = {
        key for (type_, key), g in groups.items()
        if (type_ == "dataset" or type_ == "metric") and any(m.rule != "shape:dataset" for m in g.mentions)
    }
    # "AyurParam: A ... Language Model" ... "AyurParam's dataset": the name the title leads with as the paper's method
    # is no dataset where only a context guess ("on X", a list beside datasets) read one
    titled = {key for (type_, key), g in groups.items() if type_ == "method" and any(m.rule == "title" for m in g.mentions)} if title_end else ()
    for group in sorted(groups.values(), key=lambda g: g.first):
        if measured and group.type == "method" and entity_key(group.name) in measured and all(m.rule == "shape:method" for m in group.mentions):
            continue
        if titled and group.type == "dataset" and entity_key(group.name) in titled and all(m.rule in _GUESSED_DATA for m in group.mentions):
            continue
        if _generic(group.name, vocab) and not (any(m.rule == "cue:error" for m in group.mentions) or described and _holds(group, described)):
            continue
        shown = group.name if _well_formed(group.name) else _short_form(group)
        if shown is None:
            continue
        single = len(group.mentions) == 1
        first = group.mentions[0] if single else min(group.mentions, key=_START)
        name_key = entity_key(group.name)
        proposed = group.type == "method" and (
            group.name in proposed_names or any(group.name.startswith(n + "-") for n in proposed_names)
        )
        if single and first.rule == "head:repeat" and (
            not proposed or named_after(text, first.end) or plain_description(group.name) or describes_name(text, first.start)
        ):
            continue  # "a novel neural network model called X": X is the entity
        name, aliases = shown, [v for k, v in group.aliases.items() if k != name_key and v != shown]
        if shown is not group.name:
            aliases.insert(0, group.name)
        if group.type == "method" and (kinded := _with_kind_word(group, text, groups, vocab)) is not None:
            name, aliases = kinded, [group.name, *(a for a in aliases if _entity_key(a) != _entity_key(kinded))]
        entities.append({
            "type": group.type if group.type in _ENTITY_TYPES else EntityType(group.type).value,
            "name": name if "  " not in name else " ".join(name.split()),  # "Monte  Carlo" of a blanked line number
            "aliases": aliases,
            "proposed": proposed,
            "evidence": _evidence(text, title_end, sentences, first.start, first.end),
            "confidence": round(first.confidence if single else max(m.confidence for m in group.mentions), 4),
            "rule": (first if single else max(group.mentions, key=_best_key)).rule,
        })
        if proposed and ("metric", name_key) not in groups and any(framed_as_measure(group.name, text, m.end) for m in group.mentions[:3]):
            # "we propose EXPERT, a reference-free evaluation metric": the paper's own measure is also a metric
            entities.append({**entities[-1], "type": "metric", "proposed": False, "rule": "framed:metric"})
    entities = _without_broader_tasks(entities, title_end)
    entities.extend(_code_entities(text, title_end, sentences, links))
    return entities


_GUESSED_DATA = frozenset(("shape:dataset", "list:dataset"))  # data readings from context alone, no name or head word
_KIND_AFTER = re.compile(r"(?:[ \t]|\n(?!\n))+([A-Za-z]+)(?![\w-])")  # never across the title's end
# a last word that only modifies: "hierarchical multi-agent", "... multi-agent conversational", "Bayesian"
_MODIFIER_END = re.compile(
    r"(?i)(?:^(?:multi|cross)-[\w-]+|[\w-]+(?:ical|ional|ian|-based|-aware|-guided|-driven|-oriented|-centric|-agnostic)|[\w-]+ive)$"
)
_IVE_NOUNS = frozenset("objective objectives alternative alternatives perspective perspectives derivative derivatives initiative narrative directive".split())


def _with_kind_word(group: _Group, text: str, groups: dict[tuple[str, str], _Group], vocab: Vocabulary) -> str | None:
    """A method name that ends in a modifier ("we propose a hierarchical multi-agent architecture",
    "a group deliberation oriented multi-agent conversational model") is named with the kind word it
    modifies, the shorter form kept as an alias: a description cut before its noun names nothing."""
    last = group.name.split()[-1]
    if not _MODIFIER_END.match(last) or last.lower() in _IVE_NOUNS:
        return None
    key = entity_key(group.name)
    for m in sorted(group.mentions, key=_START):
        if m.rule.startswith("lexicon") or m.rule == "acronym" or entity_key(text[m.start : m.end]) != key:
            continue
        after = _KIND_AFTER.match(text, m.end)
        if after is None or after.group(1).lower() not in vocab.generic_heads:
            continue
        name = text[m.start : after.end()]
        return None if ("method", entity_key(name)) in groups else name
    return None


def _chosen_groups(
    mentions: list[Mention], text: str, definitions: Sequence[Definition], vocab: Vocabulary
) -> tuple[list[Mention], dict[tuple[str, str], _Group]]:
    """The mentions that win their overlaps (with names listed beside datasets), and their entity groups."""
    chosen = _coordinated_datasets(_resolve_overlaps(mentions, text), text)
    return chosen, _group(chosen, text, definitions, vocab)


def _proposed_names(groups: dict[tuple[str, str], _Group], text: str, sentences: Sentences) -> set[str]:
    """Names of the methods the paper proposes: a mention says so, or the context does (``_proposed``)."""
    return {g.name for g in groups.values() if g.type == "method" and (g.proposed or _proposed(text, g, sentences))}


def _introduced_parts(
    text: str, groups: dict[tuple[str, str], _Group], mentions: Sequence[Mention], sentences: Sentences
) -> set[str]:
    """New names with a short form that the paper's introducing sentence lists ("This framework
    introduces ..., the Adaptive Dimension Selection (ADS) module ..."; ``rules.introduced_part``),
    not known (lexicon) methods under their long form (restricted Boltzmann machine (RBM))."""
    found: set[str] = set()
    known: list[tuple[int, int]] | None = None
    for g in groups.values():
        if g.type != "method":
            continue
        for m in g.mentions[:4]:
            if not (m.rule == "acronym" or m.rule.startswith("shape")):
                continue
            s_start = sentences.around(m.start)[0]
            if not introduced_part(text, m.start, m.end, s_start):
                continue
            if known is None:
                known = [(k.start, k.end) for k in mentions if k.rule.startswith("lexicon")]
            lo = len(text[: m.start - 1].rstrip()) - 1 if text[m.start - 1 : m.start] == "(" else m.start  # a short form: its long form's end
            if not any(s < m.end and lo < e for s, e in known):
                found.add(g.name)
                break
    return found


def _title_family_contribution(text: str, title_end: int, groups: dict[tuple[str, str], _Group]) -> set[str]:
    """A known method family that the title (or a title part after a colon) offers as the contribution
    by a kind word after it: "Agentic AI Framework for Smart Inventory Replenishment" (the family is the
    only name given; "A Convolutional Neural Network for ..." alone is not enough)."""
    found: set[str] = set()
    for g in groups.values():
        if g.type != "method":
            continue
        for m in g.mentions:
            if m.end > title_end or not m.rule.startswith("lexicon"):
                continue
            before = text[max(0, m.start - 6) : m.start]
            if not _TITLE_PART_START.search(before):
                continue
            after = _KIND_THEN_FOR.match(text, m.end, title_end)
            if after and after.group(1):
                found.add(g.name)
    return found


_TITLE_PART_START = re.compile(r"(?:^|:\s*)(?:An?\s+)?$")
# one contribution, not "... Architectures for"
_KIND_THEN_FOR = re.compile(r"(\s+(?:Framework|System|Model|Architecture|Approach))?\s+for\s")


def _without_metadata(mentions: list[Mention], text: str, sentences: Sentences) -> list[Mention]:
    """No method from a sentence that gives an e-mail address: author names with affiliation marks
    ("Wang1", "Tran2"), institutions ("UESTC") and keyword lists there are metadata, not methods."""
    spans = [sentences.around(e.start()) for e in _EMAIL.finditer(text)]
    if not spans:
        return mentions
    return [m for m in mentions if m.type != "method" or not any(s <= m.start < e for s, e in spans)]


_RESULT_VERB = re.compile(
    r"(?:\s+\([^)]{1,40}\))?\s+(?:also\s+|further\s+|consistently\s+|significantly\s+|substantially\s+|even\s+)?"
    r"(?:achieves|outperforms|surpasses|improves|reduces|yields|attains|sets|delivers|establishes|exceeds|beats)\b"
)


def _result_subjects(text: str, title_end: int, groups: dict[tuple[str, str], _Group]) -> set[str]:
    """A new name (name-shaped, in no list, used twice or more) that opens a sentence and is the
    subject of a result ("WebSailor significantly outperforms ..."): the paper's method, when only
    one name qualifies."""
    found: set[str] = set()
    for g in groups.values():
        if g.type != "method" or not all(m.rule == "shape:method" for m in g.mentions) or len(g.mentions) < 2:
            continue
        if sum(1 for m in g.mentions if m.start > title_end and _RESULT_VERB.match(text, m.end)) >= 1 and any(
            _sentence_start(text, m.start) == m.start for m in g.mentions if m.start > title_end
        ):
            found.add(g.name)
    return found if len(found) == 1 else set()


_CAMPAIGN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_TRACK_BEFORE = re.compile(r"\s+(?:shared\s+)?(?:[\w-]+\s+){0,3}")  # "WMT 2016 shared news ..."
_TRACK_AFTER = re.compile(r"\s+(?:shared\s+)?tasks?\b")


def _campaign_tracks(mentions: list[Mention], text: str, vocab: Vocabulary) -> list[Mention]:
    """Drop a task named as a campaign's track: "the WMT 2016 shared news translation task", "the WMT 15
    translation tasks" (or a task word inside them) name the campaign's data (a dataset), not a task of the paper."""
    ends = set()
    for m in mentions:
        if m.type == "dataset":
            word = _CAMPAIGN_WORD.match(text, m.start)
            if word and word.group() in vocab.campaigns:
                ends.add(m.end)
    if not ends:
        return mentions
    kept = []
    for m in mentions:
        if m.type == "task" and _TRACK_AFTER.match(text, m.end):
            if any(e < m.start <= e + 40 and _TRACK_BEFORE.fullmatch(text, e, m.start) for e in ends):
                continue
        kept.append(m)
    return kept


# "rely on nearest neighbor retrieval", "approaches such as character-level segmentation", "solutions such as
# truncation or summarization", "techniques, such as truncation and summarization": a task-shaped phrase named as,
# or listed among, the means other work uses is a method (a task-list name only when listed)
_MEANS_BEFORE = prefiltered(
    r"(?i)(?:\brel(?:y|ies|ying)\s+on|\b(?:approaches|methods|techniques|solutions|strategies),?\s+(?:such\s+as|like|including)"
    r"(?:\s+[\w-]+(?:\s+[\w-]+){0,3}(?:,|,?\s+(?:and|or)))*)\s+$"
)
_MEANS_RULES = frozenset(("head:task", "lexicon", "lexicon:narrowed"))
# "refined using active learning", "employing binary classification for each relation", "through two-stage retrieval":
# in the abstract, a task phrase right after a verb of use names the means a step uses (not "... tasks"): no task
_USED_BEFORE = prefiltered(r"(?i)\b(?:using|via|through|employ(?:s|ing)?|uses)\s+(?:the\s+|an?\s+)?$")
_TASK_NOUN_AFTER = re.compile(r"(?i)[\s-]+(?:tasks?|benchmarks?|problems?|datasets?|settings?)\b")


_BARE_STEP_HEADS = frozenset(("generation", "synthesis"))  # heads that need their object to name a task ("code generation")


def _how_produced(m: Mention, text: str) -> bool:
    """"automated generation", "fluent generation": a step-manner word (vocabulary ``step_manners``) as the one
    modifier of a bare generation/synthesis head says how output is produced, not what: no task."""
    words = text[m.start : m.end].lower().split()
    return len(words) == 2 and words[1] in _BARE_STEP_HEADS and words[0] in vocabulary().step_manners


def _means_as_methods(mentions: list[Mention], text: str, title_end: int = 0) -> list[Mention]:
    """A phrase typed task by its head ("X segmentation") or a task-list name that follows "rely on" or
    "approaches such as" (or is listed after it) is a method; a head:task phrase after "via"/"through"/"using"
    in the title ("Contextual Embeddings via Offline Synthetic Corpus Generation") is the paper's own method;
    right after "using"/"via"/"employing" in a paper's abstract it is the means of a step, and "automated
    generation" says how output is produced: no task."""
    out = []
    for m in mentions:
        if m.rule == "head:task" and m.start < title_end and _TITLE_MEANS_BEFORE.search(text, max(0, m.start - 60), m.start):
            out.append(m._replace(type="method", proposed=True))
        elif m.type == "task" and m.rule in _MEANS_RULES and _means_before(text, m.start) and (
            m.rule == "head:task" or not text[max(0, m.start - 4) : m.start].rstrip().lower().endswith("on")
        ):  # a task-list name only in a list of means ("solutions such as truncation or summarization"), not after "rely on"
            out.append(m._replace(type="method"))
        elif not (
            m.rule == "head:task" and _how_produced(m, text)
            or title_end and m.type == "task" and m.rule in _MEANS_RULES and m.start >= title_end and _used_before(text, m.start, m.end)
        ):
            out.append(m)
    return out


_TITLE_MEANS_BEFORE = re.compile(r"(?i)\b(?:via|through|using|with)\s+(?:(?!(?:for|in|on|of|to|and|or|from|the|an?)\s)[\w-]+\s+){0,3}$")


def _used_before(text: str, start: int, end: int) -> bool:
    """``_USED_BEFORE`` right before ``start`` (in the 24 characters before it) and no task noun after ``end``
    ("using question answering tasks"); an ASCII window without a verb of use cannot match."""
    window = text[max(0, start - 24) : start]
    if window.isascii():
        window = window.lower()
        if not ("using" in window or "via" in window or "through" in window or "employ" in window or "uses" in window):
            return False
    return _USED_BEFORE.search(text, max(0, start - 24), start) is not None and not _TASK_NOUN_AFTER.match(text, end)


def _means_before(text: str, start: int) -> bool:
    """``_MEANS_BEFORE`` in the 120 characters before ``start``: a window without rely/such as/like/including
    cannot match (no regex call for most task phrases)."""
    window = text[max(0, start - 120) : start]
    if window.isascii():
        window = window.lower()
        if "rel" not in window and "such" not in window and "like" not in window and "including" not in window:
            return False
    return _MEANS_BEFORE.search(text, max(0, start - 120), start) is not None


# "RIMO-N", "Oolong-synth", "SimpleQA Verified": a track, split or edition of a dataset the paper names
_PART_SUFFIX = re.compile(r"-([A-Za-z][A-Za-z0-9]*|\d+[A-Za-z]?)\b(?!-)")
_PART_READINGS = frozenset(("shape:method", "named", "title"))  # a name read as a method only by its shape or a cue
_PART_BASES = frozenset(("named:dataset", "title", "shape:benchmark"))
_NOT_PARTS = frozenset("style like based trained pretrained scale level only free specific sized format wise aware type".split())


def _dataset_parts(mentions: list[Mention], text: str) -> list[Mention]:
    """A name that extends a dataset name of the paper ("RIMO" -> "RIMO-N", "Oolong-synth") or that a dataset
    name extends ("SimpleQA" in "SimpleQA Verified") names a part or edition of that data: a dataset, not a method."""
    names = {
        text[m.start : m.end] for m in mentions
        if m.type == "dataset" and m.name is None and (m.rule in _PART_BASES or m.rule.startswith("lexicon") or m.confidence >= 0.9)
        and text[m.start].isupper()
    }
    if names:  # "MMD" also read as a measure or defined as an acronym ("maximum mean discrepancy (MMD)") names no data of its own
        names -= {text[m.start : m.end] for m in mentions if m.type != "dataset" and m.rule != "shape:method"}
        names = {d for d in names if f"({d})" not in text}
    if not names:
        return mentions
    spans = {(m.start, m.end) for m in mentions}
    # "we introduce ProMedical, a unified alignment framework ... ProMedical-Preference-50k, a dataset": the
    # name the paper frames as its method stays one, whatever its data is called
    framed = {
        text[m.start : m.end] for m in mentions
        if m.type == "method" and m.proposed and m.rule == "named" and framed_as_method(text, m.end)
    }
    out = []
    for m in mentions:
        if m.type == "method" and m.rule in _PART_READINGS:
            s = text[m.start : m.end]
            if s not in framed and any(s != d and (s.startswith((d + "-", d + " ")) or d.startswith((s + "-", s + " "))) and _part_of(s, d) for d in names):
                m = m._replace(type="dataset", proposed=False)
        out.append(m)
    for d in names:
        if " " in d:
            continue
        i = text.find(d + "-")
        while i >= 0:
            part = _PART_SUFFIX.match(text, i + len(d))
            before = text[i - 1 : i]
            if part and _part_of(text[i : part.end()], d) and not before.isalnum() and before != "-" and (i, part.end()) not in spans:
                out.append(Mention(i, part.end(), "dataset", "list:dataset", 0.5))
                spans.add((i, part.end()))
            i = text.find(d + "-", i + 1)
    return out


def _part_of(longer_or_shorter: str, dataset: str) -> bool:
    """The extra words are a part's tag, not a description ("SimpleQA Verified", not "MMLU-based")."""
    a, b = sorted((longer_or_shorter, dataset), key=len)
    words = b[len(a) + 1 :].replace("-", " ").split()
    return len(words) <= 2 and words[0].lower() not in _NOT_PARTS and not (words[0].islower() and words[0].endswith(("ed", "ing")))


def _named_datasets(mentions: list[Mention], text: str, title_end: int = 0) -> list[Mention]:
    """A name the paper gives its data ("we present InkSet, a large-scale dataset", rule
    ``named:dataset``) or a shared task a system paper names in its title ("MaLei at MultiClinSUM: ...",
    "... in the MultiClinSUM shared task": a challenge's data, as "the X corpus" is) is a dataset wherever it
    is read as a method by proposal, shape or title."""
    names = {entity_key(text[m.start : m.end]) for m in mentions if m.rule == "named:dataset"}
    if title_end and _SHARED_TASK.search(text, title_end):
        shared = {entity_key(text[m.start : m.end]) for m in mentions if m.rule == "shape:method" and _SHARED_TASK.match(text, m.end)}
        names |= shared & {entity_key(text[m.start : m.end]) for m in mentions if m.end <= title_end}
    if not names:
        return mentions
    return [
        m._replace(type="dataset", proposed=False)
        if m.type == "method" and not m.rule.startswith(("lexicon", "acronym")) and entity_key(m.name or text[m.start : m.end]) in names
        else m
        for m in mentions
    ]


_SHARED_TASK = re.compile(r"\s+[Ss]hared\s+[Tt]asks?\b")


def _without_qualified_measures(mentions: list[Mention], text: str, vocab: Vocabulary) -> list[Mention]:
    """"reasoning accuracy", "prefill latency", "QA accuracy": where the paper writes a bare measure word only
    with a noun that says what it measures, the lexicon's bare reading is not what it reports (the named
    measure is, GUIDELINES decisions), so that reading goes. One bare mention keeps them all. Not where a task
    of several words ends at the modifier ("image retrieval latency"): the measure would take its place."""
    measures: dict[str, bool] = {}
    task_ends = None
    for m in mentions:
        if m.type != "metric" or m.rule != "lexicon" or " " in (word := text[m.start : m.end].lower()):
            continue
        if measures.get(word, True):
            qualified = qualified_measure(text, m.start, m.end, vocab)
            if qualified:
                if task_ends is None:
                    task_ends = {t.end for t in mentions if t.type == "task" and " " in text[t.start : t.end]}
                qualified = m.start - 1 not in task_ends
            measures[word] = qualified
    gone = {w for w, q in measures.items() if q}
    if not gone:
        return mentions
    return [m for m in mentions if not (m.type == "metric" and m.rule == "lexicon" and text[m.start : m.end].lower() in gone)]


def _kind_words_as_no_datasets(mentions: list[Mention], text: str) -> list[Mention]:
    """"an ASCII-art dataset", "an extensive, expertly curated Ayurveda dataset", "a Good Terminal-Agent Benchmark":
    one word between an indefinite article (and its modifiers) and a data head says what kind of data it is, not
    its name, so its ``head:dataset`` readings are no datasets anywhere in the paper."""
    kinds = set()
    checked = set()  # once per word (either case): a long text repeats its names
    lowered = text.lower() if text.isascii() else None
    for m in mentions:
        if m.rule == "head:dataset" and m.name is None and " " not in (word := text[m.start : m.end]) and (key := word.lower()) not in checked:
            checked.add(key)
            if _kind_word(text, lowered, word) if lowered is not None else re.search(_KIND_BEFORE + re.escape(word) + _KIND_HEAD, text):
                kinds.add(key)
    if kinds:
        mentions = [m for m in mentions if m.rule != "head:dataset" or text[m.start : m.end].lower() not in kinds]
    words = {w for m in mentions if m.rule in _COUNTED_RULES and m.name is None and (w := text[m.start : m.end].split(" ", 1)[0]).isupper()}
    counted = {word for word in words if _counted_kind(word, text)}  # once per word: a long text repeats its names
    return [m for m in mentions if m.rule not in _COUNTED_RULES or text[m.start : m.end].split(" ", 1)[0] not in counted] if counted else mentions


_COUNTED_RULES = frozenset(("head:dataset", "shape:dataset"))


# "a/an" and up to four modifiers, none of them a conjunction, "of", "the" or "new/novel" ("a new X dataset" names it)
_KIND_BEFORE = r"(?i)\b(?:a|an)\s+(?:(?!(?:and|or|of|the|new|novel)\b)[\w,-]+\s+){0,4}?"
_KIND_HEAD = r"\s+(?:dataset|data\s+set|benchmark|corpus|suite|database|testbed|collection)s?\b"
_KIND_BEFORE_END = re.compile(_KIND_BEFORE + r"\Z")
_KIND_HEAD_AT = re.compile(_KIND_HEAD, re.IGNORECASE)


def _kind_word(text: str, lowered: str, word: str) -> bool:
    """``re.search(_KIND_BEFORE + re.escape(word) + _KIND_HEAD, text)`` for an ASCII ``text`` (``lowered``: its
    lower case), without compiling a pattern per word (~1 ms each): at each place of the word, the head must follow
    and the article and modifiers end right before it, within the five runs of non-space characters before it."""
    n = len(word)
    find = lowered.find
    w = word.lower()
    o = find(w)
    while o != -1:
        if o and text[o - 1].isspace() and _KIND_HEAD_AT.match(text, o + n):
            i = o  # back over five (space, word) runs: the article and at most four modifiers start after i
            for _ in range(5):
                while i and text[i - 1].isspace():
                    i -= 1
                while i and not text[i - 1].isspace():
                    i -= 1
            if _KIND_BEFORE_END.search(text, i, o):
                return True
        o = find(w, o + 1)
    return False


def _counted_kind(word: str, text: str) -> bool:
    """"five diverse NLP benchmark datasets", "several SWE benchmarks", "a suite of SLU benchmarks": an acronym
    between a vague count ("several", "various", "diverse", "a suite of", ...) and a plural data head names the kind of
    data the paper counts, not one dataset; never when the paper names it elsewhere ("a Case Study on CHILDES", "the X
    dataset", "X corpus")."""
    if not word.isalpha() or len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)) > 1:
        return False
    if re.search(re.escape(word) + _ONE_DATA_HEAD, text):
        return False
    return re.search(_COUNT_BEFORE + re.escape(word) + _PLURAL_DATA_HEAD, text) is not None


# a vague count and up to two modifiers ("diverse", "several popular"; a number may count one collection's parts:
# "three MLT test sets"), none a conjunction or "the"
_COUNT_BEFORE = (
    r"(?i)\b(?:several|various|multiple|many|numerous|diverse|different"
    r"|a\s+(?:suite|range|variety|set|number|collection|series)\s+of)\s+(?:(?!(?:and|or|of|the)\b)[\w-]+\s+){0,2}?"
)
_ONE_DATA_HEAD = r"\s+(?:dataset|data\s+set|benchmark|corpus|suite|database|testbed|collection)\b(?!\s+(?:datasets|data|benchmarks|corpora|suites|test))"
_PLURAL_DATA_HEAD = r"\s+(?:benchmark\s+|evaluation\s+)?(?:datasets|data\s+sets|benchmarks|corpora|suites|test\s+sets)\b"


def _without_broader_tasks(entities: list[dict[str, Any]], title_end: int) -> list[dict[str, Any]]:
    """A task first named in the title that the abstract names more narrowly is that task: the
    title's "Pose Estimation" is the abstract's "dense human pose estimation" (one entity per paper)."""
    titled = [e for e in entities if e["type"] == "task" and e["evidence"] is not None and e["evidence"]["field"] == "title"]
    if not titled:
        return entities
    tasks = [_spaced(e["name"]) for e in entities if e["type"] == "task"]
    broader = set()
    for e in titled:
        name = _spaced(e["name"])
        if any(t != name and t.endswith(name) for t in tasks):
            broader.add(id(e))
    # and the other way: a title phrase that narrows a known task ("... on African Machine Translation") is the
    # task the abstract names by the known name ("machine translation"), which becomes its alias
    narrowed = [(e, _spaced(e["name"])) for e in titled if e["rule"] == "lexicon:narrowed" and id(e) not in broader]
    for e in entities if narrowed else ():
        if e["type"] == "task" and (e["evidence"] is None or e["evidence"]["field"] != "title"):
            short = _spaced(e["name"])
            for n, long in narrowed:
                if long.endswith(short):
                    broader.add(id(e))
                    if all(_entity_key(a) != _entity_key(e["name"]) for a in n["aliases"]):
                        n["aliases"] = [*n["aliases"], e["name"]]
                    break
    return [e for e in entities if id(e) not in broader] if broader else entities


def _spaced(name: str) -> str:
    """A task name as " word word ...", lower case, hyphens as spaces: ``endswith`` on it compares whole words."""
    return " " + " ".join(name.lower().replace("-", " ").split())


def _as_phenomenon(m: Mention, text: str, vocab: Vocabulary) -> Mention:
    """A named phenomenon or problem ("Softmax Collapse (SC)", "exposure bias") is a task, not a method."""
    if m.type != "method" or m.rule.startswith("lexicon"):
        return m
    name = m.name or text[m.start : m.end]
    if " " in name.strip() and name.rsplit(None, 1)[-1].lower() in vocab.phenomenon_heads:
        return m._replace(type="task", proposed=False)
    return m


def _extend_known_tasks(mentions: list[Mention], text: str, title_end: int, vocab: Vocabulary) -> list[Mention]:
    """A task phrase that narrows a known task ("abstractive summarization", "dense human pose
    estimation") is the task: it takes the lexicon's rank so that the longer name wins. Not when
    the extra words hold a name ("VoxCeleb speaker recognition", "IJB-B face recognition"), nor when they
    describe a method ("neural AMR parsing", "model abstractive summarization"). In a title, where
    capitals do not tell a name from the words around it, only a whole phrase (``_whole_title_phrase``)."""
    known_ends = {m.end: m.start for m in mentions if m.type == "task" and m.rule == "lexicon"}
    if not known_ends:
        return mentions
    return [
        m._replace(rule="lexicon:narrowed")
        if m.rule == "head:task" and known_ends.get(m.end, m.start) > m.start
        and (m.start >= title_end or _whole_title_phrase(text, m.start, known_ends[m.end]))
        and not _NAME_INSIDE.search(text, m.start, known_ends[m.end]) and not _coordinated_modifier(text, m.start, vocab)
        and not any(w in _METHOD_WORDS or vocab.head_type(w) == "method" for w in text[m.start : known_ends[m.end]].lower().split())
        else m
        for m in mentions
    ]


# a title phrase opens after one of these (or a colon): "... Approach to Knowledge Graph Generation"
_TITLE_PHRASE_BEFORE = frozenset("for to of on in into over from via with through towards toward under across beyond".split())
# words that say how a task is done, not which task: "Unsupervised", "Automatic", "Explainable", "Generative", "Tuning-Free"
_MANNER_ENDS = ("ed", "ic", "able", "ible", "ive", "-free", *_SUFFIXES)


def _whole_title_phrase(text: str, start: int, known_start: int) -> bool:
    """A title's task phrase that narrows a known task ("... to Knowledge Graph Generation", "... on African
    Machine Translation") is the paper's task when it is a whole phrase of the title, right after a
    preposition or a colon ("Large Pose 3D Face Reconstruction", "Fast Online Object Tracking": the walk
    stopped at a qualifier, so the phrase is a fragment), and its extra words name a kind, not a manner."""
    before = text[:start].rstrip()
    if not before.endswith(":") and before[before.rfind(" ") + 1 :].lower() not in _TITLE_PHRASE_BEFORE:
        return False
    return not any(w.endswith(_MANNER_ENDS) for w in text[start:known_start].lower().split())


# what a means is called: a task right before it ("captioning models", "domain adaptation techniques") says what the means is for
_MEANS_NOUN_AFTER = re.compile(
    r"(?:\s*\([A-Za-z][\w-]{0,10}\))?[\s-]+(?:models?|methods?|approach(?:es)?|frameworks?|modules?|agents?|techniques?|algorithms?"
    r"|systems?|tools?|strateg(?:y|ies)|pipelines?|engines?|paradigms?)\b"
)


def _without_means_only_tasks(mentions: list[Mention], text: str, title_end: int) -> list[Mention]:
    """The mentions without a task the abstract names only as what a means is for ("trains two captioning
    models", "relies on 3D object detection algorithms", "existing jailbreaking methods"): each of its
    mentions is followed by a means noun, none is in the title and none in a sentence that proposes
    ("we present X, a 3D object detection method": the paper's own method names the paper's task). Only
    for a paper (a title and its abstract): a passage (SciER, TDMSci) does not tell what the paper addresses."""
    if not title_end:
        return mentions
    tasks: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "task" and m.rule != "cue:modality":  # "sketch-to-3D models": the pair names the task itself
            tasks.setdefault(_entity_key(m.name or text[m.start : m.end]), []).append(m)
    drop = {
        id(m)
        for ms in tasks.values()
        if all(
            m.start >= title_end and _MEANS_NOUN_AFTER.match(text, m.end) and not proposes(text[_sentence_start(text, m.start) : m.start])
            for m in ms
        )
        for m in ms
    }
    return [m for m in mentions if id(m) not in drop] if drop else mentions


def _coordinated_modifier(text: str, start: int, vocab: Vocabulary) -> bool:
    """"1D and 2D image classification": the phrase at ``start`` shares its head with a modifier
    before "and"/"or"/","; not when a task ends there ("claim generation, multi-source domain adaptation")."""
    found = _COORDINATED.search(text, max(0, start - 12), start)
    if found is None:
        return False
    before = text[max(0, found.start() - 40) : found.start()].split()
    return not (before and vocab.head_type(before[-1].lower()) == "task")


def _with_component_head(m: Mention, text: str) -> Mention:
    """A known Title Case method followed by a capitalised component word names a longer
    component ("Channel Attention Block", "Squeeze Excitation Module"): the mention takes it."""
    if m.type != "method" or not m.rule.startswith("lexicon") or m.name is not None or not text.startswith(" ", m.end):
        return m
    surface = text[m.start : m.end]
    if "-" in surface and _LINK_ADJECTIVE.fullmatch(surface) and (noun := _MODEL_NOUN.match(text, m.end)):
        return m._replace(end=noun.end())  # "a sequence-to-sequence model": the adjective names no method alone
    # the component word opens with one of its capitals right after the space (no regex call for "X is", "X for")
    after = _COMPONENT_HEAD.match(text, m.end) if text[m.end + 1 : m.end + 2] in _COMPONENT_INITIALS else None
    if after is None or not all(w[:1].isupper() for w in surface.split()):
        return m
    return m._replace(end=after.end())


def _with_name_modifiers(mentions: list[Mention], text: str, title_end: int, vocab: Vocabulary) -> list[Mention]:
    """Capitalised words right before a known method inside a sentence name a variant of it
    ("Prioritized Dueling DQN", "Categorical DQN", "Wasserstein GAN"): the mention takes them. Not
    at a sentence start, nor in a Title Case title, nor over another mention."""
    title_case = None
    out = mentions
    for k, m in enumerate(mentions):
        if m.type != "method" or not m.rule.startswith("lexicon") or m.name is not None or m.start < 2:
            continue
        if m.start < title_end:
            if title_case is None:
                title_case = is_title_case(text[:title_end])
            if title_case:
                continue
        before = _capitalised_before(text, m.start)
        if before is None:
            continue
        start = before.start()
        words = before.group().split()
        while words and (words[0].lower() in vocab.modifier_stop or words[0].lower() in _NOT_NAME_WORDS):
            start += len(words[0]) + 1
            words = words[1:]
        if not words or _SENTENCE_OPENS.search(text, max(0, start - 3), start) or start == 0 or start == title_end + 2:
            continue
        if any(o.start < m.start and start < o.end for o in mentions if o is not m):
            continue
        if out is mentions:
            out = list(mentions)
        out[k] = m._replace(start=start)
    return out


_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Za-z]+)? ){1,2}$")


def _capitalised_before(text: str, start: int) -> re.Match[str] | None:
    """``_CAPITALISED_BEFORE`` in the 40 characters before ``start``. Its words end with a space right
    before ``start`` (or before a newline there: ``$``): a lower-case word there cannot be one (no
    regex call for "the X", "of X")."""
    end = start - 1 if text[start - 1 : start] == "\n" else start
    if text[end - 1 : end] != " " or text[text.rfind(" ", 0, end - 1) + 1 : end - 1].islower():
        return None
    return _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)


_SENTENCE_OPENS = re.compile(r"(?:[.!?:;]\s+|\n\s*|\(|\A)$")
_NOT_NAME_WORDS = frozenset(
    "the a an our their its this these those we in on for with from by using via and or of to as than like unlike both each all "
    "google meta microsoft anthropic deepmind apple nvidia alibaba baidu tencent facebook amazon mistral".split()
)  # function words and makers: "Google Gemini" is Gemini


# a compound adjective naming an architecture by what it maps ("sequence-to-sequence", "image-to-image") and the noun it qualifies
_LINK_ADJECTIVE = re.compile(r"(?i)[a-z]+-to-[a-z]+")
_MODEL_NOUN = re.compile(r"(?i)\s+(?:model|network)s?\b(?![-‐])")
_COMPONENT_HEAD = re.compile(r" (?:Block|Module|Layer|Unit|Cell)s?\b(?![-‐])")
_COMPONENT_INITIALS = "BMLUC"  # (and "" at the end of the text: the regex decides)


def _with_version(m: Mention, text: str) -> Mention:
    """A model name followed by a dotted version names that version (GUIDELINES rule 5:
    "FlowNet 2.0", "MiniCPM-V 4.5"), not a value ("FooNet 2.5 times faster"); "++" is part of it."""
    if m.type != "method" or m.name is not None:
        return m
    if m.rule.startswith("lexicon"):  # "Gemini 2.5 Pro", "Llama 3.1 8B", "Mistral 7B": a release of a known model
        # every part of a release opens with a space and a digit or a capital ("mini" aside): no regex call for "X is"
        if not (text[m.start : m.start + 1].isupper() and text.startswith(" ", m.end) and _may_open_release(text[m.end + 1 : m.end + 2])):
            return m
        end = _release_end(text, m.end)
        return m._replace(end=end) if end > m.end else m
    if text.startswith("++", m.end) and not text[m.end + 2 : m.end + 3].isalnum():
        m = m._replace(end=m.end + 2)  # "SpecDec++", "DPO++"
    if not text.startswith(" ", m.end):  # a size or version follows after a space
        return m
    if not _may_open_version(text[m.end + 1 : m.end + 2]):  # and then a digit or "v" (no regex call for "X is")
        return m
    size = _MODEL_SIZE.match(text, m.end)
    if size and is_name_shaped(text[m.start : m.end].split()[-1]):
        return m._replace(end=size.end())  # "LLaDA 8B", "LLaMA3 8B": a size variant, its written name
    after = _VERSION.match(text, m.end)
    if after is None and m.proposed:  # "we introduce V-JEPA 2, a ...": a new name's version number
        after = _PROPOSED_VERSION.match(text, m.end)
    if after is None or not (m.proposed or is_name_shaped(text[m.start : m.end].split()[-1])):
        return m
    return m._replace(end=after.end())


def _may_extend(text: str, end: int) -> bool:
    """Can ``_with_component_head`` or ``_with_version`` extend a name ending at ``end``? Only over
    "++", or a space and then a digit, a capital, a space, "m"/"n" (model, network, mini) or "v"
    (a version): no call for the names followed by a lower-case word ("X is", "X for")."""
    if text.startswith("++", end):
        return True
    if not text.startswith(" ", end):
        return False
    c = text[end + 1 : end + 2]
    return not c or c.isdecimal() or c.isupper() or c.isspace() or c in "mnvV"


def _may_open_release(c: str) -> bool:
    """Can ``_release_end`` move past a name's end where ``c`` follows the opening space? (a digit,
    a capital, or the "m" of "mini"; "" at the end of the text: the regexes decide)"""
    return not c or c.isdecimal() or c.isupper() or c == "m"


def _may_open_version(c: str) -> bool:
    """Can ``_MODEL_SIZE``, ``_VERSION`` or ``_PROPOSED_VERSION`` match where ``c`` follows their
    opening space? (a digit or "v"/"V"; "" at the end of the text: the regexes decide)"""
    return not c or c.isdecimal() or c in "vV"


# a dataset's version: "MUSIC-AVQA v2", "video-SALMONN 2 testset" (a bare number only before a data word)
_DATA_VERSION = re.compile(
    r" (?:[vV]\d+(?:\.\d+)*(?![\w%-]|\.\d)|\d{1,2}(?= (?:test ?set|dev ?set|dataset|data set|benchmark|split|corpus)s?\b))"
)


def _with_data_version(m: Mention, text: str) -> Mention:
    """A dataset followed by its version names that version, a dataset of its own (GUIDELINES rule 5)."""
    version = _DATA_VERSION.match(text, m.end)
    return m._replace(end=version.end()) if version else m


_VERSION_END = re.compile(r"\S [vV]?\d$")


def _same_version(mentions: list[Mention], text: str) -> list[Mention]:
    """Later uses of a proposed name with its version ("V-JEPA 2 achieves ...") take the version too."""
    versioned = {text[m.start : m.end] for m in mentions if m.proposed and m.type == "method" and _VERSION_END.search(text, m.start, m.end)}
    if not versioned:
        return mentions
    out = []
    for m in mentions:
        if m.type == "method" and not m.rule.startswith("lexicon") and m.name is None:
            for v in versioned:
                if len(v) > m.end - m.start and text.startswith(v, m.start) and v[m.end - m.start] == " ":
                    m = m._replace(end=m.start + len(v))
                    break
        out.append(m)
    return out


# the parts of a release after a known model's name: its version, its tier and its size ("Gemini 2.5 Pro", "Llama 3.1 8B")
_RELEASE_VERSION = re.compile(
    r" [1-9]\d*(?:\.\d+)*(?![\w.%]|\.\d)(?!\s*(?:%|x\b|times\b|layers?\b|heads?\b|blocks?\b|steps?\b|epochs?\b|points?\b))"
)
_RELEASE_TIER = re.compile(r" (?:Pro|Flash|Sonnet|Opus|Haiku|Mini|mini|Turbo|Ultra|Nano|Max|Plus|Instruct|Chat|Base|VL|Vision)(?![\w-])")


def _release_end(text: str, end: int) -> int:
    """Where the release after a known model's name ending at ``end`` ends: version, tier and size, each
    at most once and in the order written ("Gemini 2.5 Flash", "Claude Sonnet 4.5", "Qwen 2.5 32B Instruct");
    no version after a size ("Qwen 7B 3 runs")."""
    version = tier = size = False
    while True:
        if not (version or size) and (part := _RELEASE_VERSION.match(text, end)):
            version = True
        elif not tier and (part := _RELEASE_TIER.match(text, end)):
            tier = True
        elif not size and (part := _MODEL_SIZE.match(text, end)):
            size = True
        else:
            return end
        end = part.end()


_MODEL_SIZE = re.compile(r" \d+(?:\.\d+)?[BM](?![\w-])")
_PROPOSED_VERSION = re.compile(r" [vV]?\d(?=\s*[,;:(]|\s+(?:is|achieves|outperforms|surpasses|sets|attains|matches|delivers)\b)")


_VERSION = re.compile(r" [vV]?\d+(?:\.\d+)+(?![\w%])(?!\.\d)(?!\s*(?:%|times\b|x\b|[kKMGT]?B\b|ms\b|seconds?\b|points?\b|dB\b))")


_METHOD_WORDS = frozenset("neural deep statistical".split())
_COORDINATED = re.compile(r"(?:\band|\bor|,)\s+$")  # "1D and 2D image classification": the head is shared
_NAME_INSIDE = re.compile(r"[a-z][A-Z]|[A-Z][A-Z]|\d(?![dD]\b)")


def _clean_span(text: str, m: Mention) -> bool:
    if m.end <= m.start:
        return False
    surface = text[m.start : m.end]
    return not _has_markup(surface)


# what makes an acronym's long form a measure: a score or a measure named after it ("Generation Evaluation
# (G-E) score", "impact factor (IF), which measures ..."), or a list of metrics it opens or continues
# ("evaluation metrics, including Tokens Per Sentence (TPS) and Relative Tokenization Cost (RTC)")
_METRIC_AFTER = re.compile(r"\)?(?:\s+(?:scores?|metrics?)\b|,\s+which\s+measures\b)")
_METRIC_LIST_BEFORE = re.compile(
    r"(?i)\b(?:metrics?|measures?),?\s+(?:such as|like|including|particularly|namely|e\.g\.,?|i\.e\.,?)\s+"
    r"(?:[^.;:]{0,80}?(?:,\s*|\s+and\s+))?(?:the\s+)?$"
)


def _metric_list_before(text: str, start: int) -> bool:
    """Does a list of metrics lead up to ``start`` in its sentence ("metrics, including A (X) and ")?"""
    return _METRIC_LIST_BEFORE.search(text, max(0, start - 140), start) is not None


def _acronym_mentions(text: str, definitions: Sequence[Definition], mentions: list[Mention], vocab: Vocabulary, title_end: int = 0) -> list[Mention]:
    """A mention for each long form, and one for each later use of its short form."""
    out: list[Mention] = []
    if not definitions:
        return out
    by_span: dict[tuple[int, int], Mention] = {}
    for m in mentions:  # a lexicon name of 4+ characters wins over a shape guess on its span (SVHN; not SL, SVD)
        kept = by_span.get((m.start, m.end))
        if kept is None or not (kept.rule.startswith("lexicon") and kept.end - kept.start >= 4):
            by_span[(m.start, m.end)] = m
    seen_short: set[str] = set()
    for d in definitions:
        long, short = d.long(text), d.short(text)
        if short in seen_short or entity_key(long) in vocab.generic_names:
            continue
        if _TASK_AFTER.match(text, d.short_end) and vocab.head_type(long.rsplit(None, 1)[-1].lower()) != "task":
            continue  # "click-through rate (CTR) prediction": the long form is part of a task name
        defined_start, defined_end = _word_start(text, d.long_start), d.long_end
        if long[-1] in _CLOSING_QUOTES:  # "the ‘ Fréchet Inception Distance ’ ’ (FID)": the quotes are not part of it
            defined_end = d.long_start + len(long.rstrip(_CLOSING_QUOTES))
        own = by_span.get((defined_start, defined_end))
        wider = None if own is not None and own.rule.startswith("lexicon") else next(
            (m for m in mentions if m.end == defined_end and m.start < defined_start and m.rule.startswith("lexicon")
             and (m.type == "task" or m.type == "method" and _generic(long, vocab))), None
        )
        if wider is not None:  # "person re-identification (re-ID)": a known task that ends with the long form is its long form,
            # and so is a known method when the long form alone names nothing ("Agentic Artificial Intelligence (AI)")
            defined_start = wider.start
        long = text[defined_start:defined_end]
        known = (by_span.get((defined_start, defined_end)) or by_span.get((d.short_start, d.short_start + len(short)))
                 or by_span.get((d.short_start, d.short_end)))
        head = _WHITESPACE.split(long)[-1].lower()
        way_to_reason = False
        if known is not None and known.rule.startswith("lexicon"):
            type_ = known.type
        else:
            if _property(long, vocab):
                continue  # "low resolution (LR)", "6 degrees of freedom (6DoF)": a property, not a method
            if _object(long, vocab):
                continue  # "Graphical User Interfaces (GUIs)", "World Health Organization (WHO)": a thing or body, no method
            type_ = vocab.head_type(head) or _hyphened_task(head, vocab) or _title_purpose(text, title_end, long, head) or (
                "task" if _automated_activity(long, vocab) else known.type if known is not None else "method"
            )
            way_to_reason = head == "reasoning" and len(words := _WHITESPACE.split(long)) > 1 and words[-2].lower() not in vocab.reasoning_domains
            if way_to_reason:
                type_ = "method"  # "... through efficient interaction and active reasoning (WMAct)": a way to reason, as with head phrases
        if type_ == "method" and (known is None or not known.rule.startswith("lexicon")) and vocab.head_type(head) is None:
            # a new name no head word types: its context can make it data or a measure
            if _dataset_list(text, d) or _opens_with_dataset(mentions, defined_start, defined_end):
                type_ = "dataset"
            elif _METRIC_AFTER.match(text, d.short_end) or _metric_list_before(text, defined_start):
                type_ = "metric"  # "metrics, including Tokens Per Sentence (TPS)", "Generation Evaluation (G-E) score"
        if type_ == "task" and not _TASK_NOUN_BEFORE.search(text, max(0, d.long_start - 80), d.long_start) and (
            proposal_context(text, d.long_start, _sentence_start(text, d.long_start)) or appositive_proposal(text, d.short_end + 1)
        ):
            type_ = "method"
        own_result = (type_ == "task" or way_to_reason) and _short_subject_of_result(text, short, d.short_end)
        if own_result:  # "we explore world-model internalization ... reasoning (WMAct) ... WMAct yields ...": the paper's method
            type_ = "method"
        long_start = defined_start
        if type_ == "dataset":  # a known dataset name right before the long form is part of it ("Google Street View House Numbers")
            before = next((m for m in mentions if m.end == long_start - 1 and m.type == "dataset" and m.rule.startswith("lexicon")), None)
            if before is not None and text[before.start : before.start + 1].isupper() and text[before.end] == " ":
                long_start = before.start
                long = text[long_start : defined_end]
        name = _singular(long) if d.plural else long
        long_end = defined_end
        quantity = _QUANTITY_AFTER_SHORT.match(text, d.short_end)
        if quantity and " " not in long:  # "Kullback-Leibler (KL) divergence": the head follows the short form
            type_, name, long_end = "metric", f"{long} {quantity.group(1)}", quantity.end()
        elif quantity and type_ == "method":  # "the Maximum Mean Discrepancy (MMD) distances": a measure
            type_ = "metric"
        head = _HEAD_AFTER_SHORT.match(text, d.short_end) if type_ == "method" and title_end else None
        if head and re.search(rf"(?<![\w-]){re.escape(long)} {head.group(1)}s?(?![\w-])", text[:title_end]):
            name, long_end = f"{long} {head.group(1)}", head.end()  # "the Gated-Attention (GA) Reader", titled "Gated-Attention Readers"
        seen_short.add(short)
        out.append(Mention(long_start, long_end, type_, "acronym", 0.85, name=name, proposed=own_result))
        out.append(Mention(d.short_start, d.short_start + len(short), type_, "acronym", 0.85, name=name))
        for start in _standalone(text, short):
            if start != d.short_start:
                out.append(Mention(start, start + len(short), type_, "acronym", 0.8, name=name))
        if " " in long:  # the long form again, e.g. in the title ("... for Graph Contrastive Learning")
            for start in _long_form_again(text, long, long_start):
                out.append(Mention(start, start + len(long), type_, "long-form", 0.8, name=name))
    return out


def _short_subject_of_result(text: str, short: str, after: int) -> bool:
    """Is the short form, after its definition, the subject of a result ("WMAct yields ...")?"""
    start = text.find(short, after)
    while start >= 0:
        if (start == 0 or not _word_char(text[start - 1])) and _RESULT_VERB.match(text, start + len(short)):
            return True
        start = text.find(short, start + 1)
    return False


_CLOSING_QUOTES = " ’'\"”"


def _word_start(text: str, start: int) -> int:
    """A long form starts at a word's start: "self-supervised learning (SSL)", not "supervised learning"."""
    i = start
    while i > 1 and text[i - 1] == "-" and text[i - 2].isalnum():
        i -= 1
        while i > 0 and text[i - 1].isalnum():
            i -= 1
    return i


_DESCRIBED_QUANTITY = re.compile(r"(?:low|high|small|large|\d+)\s+[a-z]")


def _hyphened_task(head: str, vocab: Vocabulary) -> str | None:
    """"person re-identification (re-ID)": a hyphened head whose last part is a task word names a task."""
    return "task" if "-" in head and vocab.head_type(head.rsplit("-", 1)[-1]) == "task" else None


def _title_purpose(text: str, title_end: int, long: str, head: str) -> str | None:
    """"... Heuristic Policies for Traffic Signal Control", "Towards Scalable Automated Thematic
    Analysis (TA)": a long form without a typed head that the title names as what the work is for
    is the paper's task (not a learning paradigm: "... for Graph Contrastive Learning")."""
    if head == "learning" or not title_end:
        return None
    title = text[:title_end]
    if title.isascii() and long.isascii() and long.lower() not in title.lower():
        return None  # the pattern needs the long form (any case) in the title; it is compiled per long form (~0.3 ms)
    found = re.search(r"\b(?:for|[Tt]owards?)\s+(?:[\w-]+\s+){0,2}?" + re.escape(long) + r"(?=$|[\s:,.?(])", title, re.IGNORECASE)
    return "task" if found else None


_PURPOSE_PHRASE = re.compile(
    r"\b(?:for|[Tt]owards?)\s+((?:[A-Z][\w-]*\s+|and\s+){0,5}[A-Z][\w-]*(?:ment|ion|ing|ery|ysis))"
    r"(?=\s*$|\s*[:?]|\s+(?:in|with|using|via|on|under|at|across|from)\b)"
)


_PURPOSE_PHRASE_LOWER = re.compile(
    r"\b(?:for|[Tt]owards?)\s+((?:[a-z][\w-]*\s+|and\s+){0,5}[a-z][\w-]*(?:ment|ion|ing|ery|ysis))"
    r"(?=\s*$|\s*[:?]|\s+(?:in|with|using|via|on|under|at|across|from)\b)"
)


def _sentence_case(title: str) -> bool:
    """"Towards explainable decision support using hybrid neural models for ...": most longer words
    after the first are lower case, so a lower-case phrase there can be a name."""
    words = [w for w in title.split()[1:] if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].islower() for w in words) * 5 >= len(words) * 3


_PRONOUN_OBJECTS = frozenset({"anything", "everything", "something", "nothing"})


def _title_purpose_task(title: str, mentions: list[Mention], vocab: Vocabulary) -> Mention | None:
    """"Agentic AI Framework for Smart Inventory Replenishment", "A Benchmark for Assessing Insight
    Discovery in ...": a Title Case activity (-ment, -ion, -ing, -ery, -ysis) the title says the work
    is for is its task, when no task word or rule typed it; not a training paradigm or a method."""
    found = _PURPOSE_PHRASE.search(title) or _sentence_case(title) and _PURPOSE_PHRASE_LOWER.search(title)
    if not found:
        return None
    start, words = found.start(1), found.group(1).split()
    if "and" in words:  # "Multi-Scale and Explainable Weather Forecast Reporting": the last conjunct
        k = len(words) - words[::-1].index("and")
        start += len(" ".join(words[:k])) + 1
        words = words[k:]
    if len(words) > 2 and words[0].endswith("ing"):  # "Assessing Insight Discovery": the activity assessed
        start += len(words[0]) + 1
        words = words[1:]
    end = start + len(" ".join(words))
    last = words[-1].lower()
    if len(words) < 2 or last in ("learning", "training") or any(vocab.head_type(w) not in (None, "task") for w in words):
        return None
    if last in _PRONOUN_OBJECTS or last == "reasoning" and not any(w.lower() in vocab.reasoning_domains for w in words[:-1]):
        return None  # "for Understanding Anything", "for Evaluating Reasoning": no activity named
    if any(m.start < end and start < m.end for m in mentions if (m.type == "task" and m.rule != "span") or m.rule.startswith("lexicon")):
        return None  # (a spotted reading gives way: the rule knows to drop "Assessing")
    return Mention(start, end, "task", "cue:title-purpose", 0.6)


def _property(long: str, vocab: Vocabulary) -> bool:
    """A lowercase long form that states a degree or a count of something and has no typed head
    ("low resolution", "small sample size", "6 degrees of freedom"): a property, no entity."""
    return _DESCRIBED_QUANTITY.match(long) is not None and vocab.head_type(long.rsplit(None, 1)[-1]) is None


def _object(long: str, vocab: Vocabulary) -> bool:
    """A long form headed by a thing, place, body or disease ("Graphical User Interfaces", "unmanned
    aerial vehicles", "World Health Organization"): no method, whatever its capitals."""
    return long.rsplit(None, 1)[-1].lower() in vocab.object_heads


def _property_shorts(text: str, definitions: Sequence[Definition], mentions: list[Mention], vocab: Vocabulary) -> set[str]:
    """Short forms of properties (see ``_property``) and of things (``_object``) whose long form no
    lexicon entry covers: their shape guesses ("6DoF", "SSS", "GUIs") are no entities either."""
    lexicon = {(m.start, m.end) for m in mentions if m.rule.startswith("lexicon")}
    shorts = {
        d.short(text) for d in definitions
        if (d.long_start, d.long_end) not in lexicon and (_property(d.long(text), vocab) or _object(d.long(text), vocab))
    }
    return shorts | {f"{short}s" for short in shorts}  # "GUIs", "UAVs"


# a hyphenated word that describes what follows it: "<Name>-<participle>" ("LLM-simulated", "RL-trained",
# "SDK-compliant", "Robot-Centric"; not "instruct-tuned", a training step) or "<degree>-<ACRONYM>" ("single-GPU",
# "low-DoF", "near-VLM")
_NAME_PARTICIPLE = re.compile(r"[A-Z][\w.]*(?:-[\w.]+)*-(?:[A-Za-z][a-z]+ed|[Cc]entric|[Cc]ompliant)")
_WORD_AFTER = re.compile(r" ([A-Za-z]+)")  # the modifier's noun follows ("LLM-simulated users"; not "SWE-Verified)")
_DEGREE_ACRONYM = re.compile(r"(?:single|low|high|near)-[A-Z][A-Za-z]*[A-Z][A-Za-z]*")


def _modifier_compound(text: str, m: Mention, vocab: Vocabulary) -> bool:
    """Is a one-word mention before a word a hyphenated modifier (see ``_NAME_PARTICIPLE``, ``_DEGREE_ACRONYM``),
    or a compound of actors only ("human-AI", "AI-AI", "Human-Agent-GUI")? Not before a data word: "SWE-Verified
    benchmark" names the benchmark."""
    surface = text[m.start : m.end]
    if "-" not in surface or " " in surface:
        return False
    after = _WORD_AFTER.match(text, m.end)
    if after is None or vocab.head_type(after.group(1)) == "dataset":
        return False
    if _NAME_PARTICIPLE.fullmatch(surface) or _DEGREE_ACRONYM.fullmatch(surface):
        return True
    return all(part.lower() in vocab.actor_words for part in surface.split("-"))


_WHITESPACE = re.compile(r"[\s]")


def _long_form_again(text: str, long: str, defined_at: int) -> list[int]:
    """Other occurrences of a multi-word long form, in any case, as whole words."""
    low, needle = text.lower(), long.lower()
    starts: list[int] = []
    i = low.find(needle)
    while i >= 0:
        end = i + len(needle)
        if i != defined_at and (i == 0 or not _word_char(low[i - 1])) and (end == len(low) or not _word_char(low[end])):
            starts.append(i)
        i = low.find(needle, end)
    return starts


def _opens_with_dataset(mentions: list[Mention], start: int, end: int) -> bool:
    """A long form with no type-giving head that opens with a known dataset name is that dataset's
    release ("ImageNet Large Scale Visual Recognition Challenge 2013")."""
    return any(m.start == start and m.end < end and m.type == "dataset" and m.rule.startswith("lexicon") for m in mentions)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"  # re's [\w-]


def _standalone(text: str, short: str) -> list[int]:
    r"""Starts of ``short`` (or its plural) standing alone: what
    ``re.finditer(r"(?<![\w-])(?<!\w\.)SHORT s?(?![\w-])")`` finds, without compiling a pattern per short
    form. A word glued on with a dot makes a longer name ("Dr.LLM" holds no use of LLM)."""
    if not short:
        return [m.start() for m in re.finditer(r"(?<![\w-])s?(?![\w-])", text)]
    starts: list[int] = []
    find, n, size = text.find, len(text), len(short)
    i = find(short)
    while i >= 0:
        end = i + size
        if i == 0 or not _word_char(text[i - 1]) and not (text[i - 1] == "." and i > 1 and (text[i - 2].isalnum() or text[i - 2] == "_")):
            if end < n and text[end] == "s" and (end + 1 == n or not _word_char(text[end + 1])):
                end += 1
            elif end == n or not _word_char(text[end]):
                pass
            else:
                i = find(short, i + 1)
                continue
            starts.append(i)
            i = find(short, end)
            continue
        i = find(short, i + 1)
    return starts


_TASK_NOUN_BEFORE = re.compile(r"(?i)\b(?:task|problem)s?\s+of\s+(?:[\w-]+\s+){0,4}$")  # "we propose the task of ... VQA"
_QUANTITY_AFTER_SHORT = re.compile(r"\)\s+(divergence|distance)s?(?![\w-])")
_HEAD_AFTER_SHORT = re.compile(r"\)\s+([A-Z][a-z]+)(?![\w-])")
_TASK_AFTER = re.compile(r"\)?\s+(?:" + "|".join(sorted(vocabulary().heads["task"], key=len, reverse=True)) + r")\b", re.IGNORECASE)
_LIST_CUE_BEFORE = re.compile(r"(?i)\b(?:datasets|benchmarks|corpora)\s*(?::|,?\s+(?:namely|including|such as))[^.;]*$")
_LIST_HEAD_AFTER = re.compile(r"(?i)^\)?[^.;:]{0,80}?\b(?:benchmarks|datasets|corpora)\b")


def _dataset_list(text: str, d: Definition) -> bool:
    """"on three datasets: the X (A), the Y (B) and Z (C) benchmarks": a long form in a dataset list."""
    start = _sentence_start(text, d.long_start)
    return bool(_LIST_CUE_BEFORE.search(text[start : d.long_start]) or _LIST_HEAD_AFTER.search(text[d.short_end : d.short_end + 100]))


_SENTENCE_END = re.compile(r"[.!?]\s+|\n")


def _sentence_start(text: str, pos: int) -> int:
    """Where the last ``_SENTENCE_END`` match of the 400 characters before ``pos`` ends (read
    backwards: ``text.last_break``), or where those characters start."""
    lo = max(0, pos - 400)
    end = last_break(text, lo, pos)
    return end if end >= 0 else lo


_PRESENTS_DATA = re.compile(
    r"(?i)\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:introduce|present|release|collect|construct|build|provide|create|curate)s?d?\b[^.]{0,60}?\b(?:dataset|benchmark|corpus|database)"
)


_OBJECT_AFTER = re.compile(r" of (?!(?:a|an)\s)[A-Za-z]")  # not "classification of an image": one instance
_MEANS_BEFORE_COLON = re.compile(r"\s(?:with|via|using|through)\s+([A-Z][\w.+-]*\w)\s*:\s")


def _title_mention(text: str, prefix: tuple[int, int], mentions: list[Mention], vocab: Vocabulary) -> Mention:
    s, e = prefix
    rest = text[e : text.find(TITLE_SEPARATOR)] if TITLE_SEPARATOR in text else text[e:]
    type_ = "dataset" if re.search(r"(?i)\b(?:dataset|benchmark(?:ing)?|corpus|suite|database)\b", rest) else "method"
    # a lexicon type wins, but a title prefix that only shares its name with a dataset, in a paper
    # that presents no data, is the paper's method ("DensePose: Dense Human Pose Estimation")
    presents_data = type_ == "dataset" or _PRESENTS_DATA.search(text)
    for m in mentions:
        if m.start == s and m.end == e and m.rule.startswith("lexicon") and (m.type != "dataset" or presents_data):
            type_ = m.type
    return Mention(s, e, type_, "title", 0.9, proposed=type_ == "method")


_GLOSS_END = re.compile(r"\s+(?:for|in|with|via|on|through|from|using|to|of)\s|\s*$")
_MEANS_END = re.compile(r"\s(?:via|with|using|through|by)\s$")  # "... via Multi-modal Logic-aware Retrieval"
_NAME_PART = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+")


def _gloss_as_alias(mentions: list[Mention], text: str, prefix: tuple[int, int], title_end: int) -> list[Mention]:
    """"AutoAdv: Automated Adversarial Prompting for ...", "MoLoRAG: ... via Multi-modal Logic-aware
    Retrieval": a method filling a title phrase after a name prefix (right after its colon or after
    via/with/using/through/by, up to a preposition or the title's end) that the name abbreviates (``_abbreviates``) is
    the name's long form, one entity with it (an alias); known names (lexicon, acronyms) stay apart."""
    if not text.startswith(": ", prefix[1]):
        return mentions
    name = text[prefix[0] : prefix[1]]
    out = mentions
    for i, m in enumerate(mentions):
        if (
            prefix[1] < m.start < title_end and m.type == "method"
            and (m.start == prefix[1] + 2 or _MEANS_END.search(text, prefix[1], m.start)) and m.name is None and " " in text[m.start : m.end]
            and not m.rule.startswith(("lexicon", "acronym"))
            and (end := _GLOSS_END.match(text, m.end, title_end)) is not None and end.start() == m.end
            and is_title_case(text[m.start : m.end]) and _abbreviates(name, text[m.start : m.end])
        ):
            out = [*mentions[:i], m._replace(name=name, proposed=True), *mentions[i + 1 :]]
            break
    return out


def _abbreviates(name: str, phrase: str) -> bool:
    """Whether a part of the name (two letters or more) opens a word of the phrase ("Auto" of
    "Automated", "Parallel") or, in capitals, spells the initials of words in a row ("AL": "Active Learning")."""
    words = [w for w in _SPACE_OR_HYPHEN.split(phrase) if w]
    lowered = [w.lower() for w in words]
    initials = "".join(w[0] for w in words).upper()
    for part in _NAME_PART.findall(name):
        if part.isupper() and part in initials:
            return True
        if not part.isupper() and len(part) >= 2 and any(w.startswith(part.lower()) for w in lowered):
            return True
    return False


def _fallback_lead(text: str, title_end: int, mentions: list[Mention], vocab: Vocabulary) -> Mention | None:
    """The title's lead phrase (``rules.title_fallback_lead``) as a proposed method, when the
    abstract says it proposes something and no known task, dataset or metric fills most of it."""
    span = title_fallback_lead(text[:title_end], vocab)
    if span is None or not proposes(text, title_end):
        return None
    s, e = span
    words = len(text[s:e].split())
    for m in mentions:
        if m.type != "method" and m.rule.startswith("lexicon") and m.start >= s and m.end <= e and len(text[m.start : m.end].split()) * 2 > words:
            return None  # "Multimodal Sentiment Analysis for ...": a task
        if m.type == "method" and m.rule.startswith("lexicon") and m.start <= s and e <= m.end:
            return None  # "Depthwise Separable Convolutions for ...": a known method, used
    if _activity_with_means(text, e, text[s:e].rsplit(None, 1)[-1], title_end, vocab) or _automated_activity(text[s:e], vocab):
        return Mention(s, e, "task", "cue:title-activity", 0.6)
    return Mention(s, e, "method", "title", 0.75, proposed=True)


_MEANS_AFTER = re.compile(r"(?:\s+(?:in|on|for)\s+[^:?]*?)?\s+(?:using|via|with)\s+\S")


def _activity_with_means(text: str, end: int, last: str, title_end: int, vocab: Vocabulary) -> bool:
    """"Peer-to-Peer Energy Trading in Dairy Farms using ...", "Morphosyntactic Tagging with a ...":
    a title lead naming an activity (-ing, -ion, -ment) that the title says is done with some means is
    the paper's task, not its method (not a learning or training procedure, nothing with a typed head)."""
    low = last.lower()
    if not low.endswith(("ing", "ion", "ment")) or low in ("learning", "training") or vocab.head_type(last) not in (None, "task"):
        return False
    return _MEANS_AFTER.match(text, end, title_end) is not None


# a conversion into a kind of content or code, then a "2" short form of it: "text-to-image (T2I)",
# "natural-language-to-SQL (NL2SQL)", "speech-to-text (S2T)" (not "Slow-to-Fast (S2F)", a way to reason)
_CONVERSION_SHORT = re.compile(
    r"(?i)(?<![\w-])((?:[a-z]+-)*?([a-z]+)-to-(sql|text|image|video|audio|speech|code|3d|4d|motion|music|scene|shape|sketch|layout))"
    r"\s+\((?-i:([A-Z]{1,4})2([A-Z][A-Z0-9]{0,3}))\)"
)


def _conversion_shorts(mentions: list[Mention], text: str) -> list[Mention]:
    """"text-to-image (T2I) models": the short form of a conversion into content (its initials on both
    sides of the "2") names the conversion task, not a method or dataset its shape suggests; it takes the
    name of the task read on the pair ("text-to-image generation"), else the pair is that task.
    Each pair looks only at the mentions that can reach it (sorted starts), so time stays linear in the text."""
    found = []
    for match in _CONVERSION_SHORT.finditer(text):
        pair, _, target, left, right = match.groups()
        if pair[0].lower() == left[0].lower() and target[0].lower() == right[0].lower():
            found.append((*match.span(1), pair, f"{left}2{right}"))
    if not found:
        return mentions
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    starts = [mentions[i].start for i in order]
    longest = max((m.end - m.start for m in mentions), default=0)
    removed: set[int] = set()
    added: list[Mention] = []
    pairs = {}
    for start, end, pair, short in found:  # disjoint spans, in text order
        near = order[bisect_left(starts, start - longest) : bisect_right(starts, start)]
        covering = [i for i in near if i not in removed and mentions[i].type == "task" and end <= mentions[i].end]
        task = mentions[min(covering)] if covering else None  # the first in list order, as a scan would find it
        pairs[short] = task.name or text[task.start : task.end] if task else pair
        if task is None:
            removed.update(
                i for i in order[bisect_left(starts, start - longest) : bisect_left(starts, end)] if start < mentions[i].end
            )
            added.append(Mention(start, end, "task", "cue:conversion", 0.6))
    kept = [m for i, m in enumerate(mentions) if i not in removed] + added if removed or added else mentions
    return [
        m._replace(type="task", name=pairs[text[m.start : m.end]], proposed=False)
        if m.rule.startswith("shape") and text[m.start : m.end] in pairs else m
        for m in kept
    ]


_AUTOMATION = frozenset(("automated", "automatic"))
_ACTIVITY_SUFFIXES = ("ing", "ion", "ment", "sis", "ery")


def _automated_activity(phrase: str, vocab: Vocabulary) -> bool:
    """"Automated Program Repair", "Automatic Heuristic Design", "Automatic Fact-checking": an activity
    named as automated is the task the automation serves, not a method; not a learning, training or
    prompting procedure ("Automated Machine Learning", "Automated Adversarial Prompting", nominal -ing
    words), nothing with a typed head other than a task ("Automatic Mixed Precision"), no agent ("Engineer")."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() not in _AUTOMATION:
        return False
    head = words[-1].lower()
    last = head.rsplit("-", 1)[-1]
    if vocab.head_type(head) not in (None, "task") or vocab.head_type(last) not in (None, "task"):
        return False
    if last in vocab.nominal_ing and vocab.head_type(last) != "task":
        return False
    return last.endswith(_ACTIVITY_SUFFIXES) or last in vocab.activity_heads


def _holds(group: _Group, m: Mention) -> bool:
    return any(g.start == m.start and g.end == m.end for g in group.mentions)


def _described_contribution(text: str, start: int, mentions: list[Mention], vocab: Vocabulary) -> Mention | None:
    """The description after the first proposal cue (``rules.fallback_description``) as the paper's
    proposed method; plain words before a generic head ("an end-to-end neural model") only when
    they are a known family ("a deep neural network"), and never a known task, dataset or metric."""
    span = fallback_description(text, start, vocab)
    if span is None:
        return None
    known = [m for m in mentions if (m.start, m.end) == span and m.rule.startswith("lexicon")]
    if any(m.type != "method" for m in known) or plain_description(text[span[0] : span[1]]) and not known:
        return None
    return Mention(span[0], span[1], "method", "cue:fallback", 0.5, proposed=True)


@lru_cache(maxsize=1)
def _established_methods() -> frozenset[str]:
    """Keys of the curated list of established methods (``extra-method.txt``): families a title
    names without introducing them ("Convolutional Neural Networks for ...")."""
    path = resources.files("kg.extract").joinpath("data/lexicons/extra-method.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(entity_key(n.strip()) for n in lines if n.strip() and not n.startswith("#"))


def _known_title_lead(title: str, chosen: list[Mention]) -> tuple[int, int] | None:
    """A title that leads with a multi-word Papers with Code method name, not an established
    family: the paper that introduced it ("Stacked Hourglass Networks for Human Pose Estimation",
    "End-To-End Memory Networks"). Its span, or None."""
    span = title_lead(title)
    if span is None:
        return None
    for m in chosen:
        if (m.start, m.end) == span and m.type == "method" and m.rule.startswith("lexicon"):
            return span if entity_key(title[span[0] : span[1]]) not in _established_methods() else None
    return None


def _title_methods(title: str, mentions: list[Mention], prefix: tuple[int, int] | None, vocab: Vocabulary) -> list[Mention]:
    """The title's own method names (``rules.title_methods``), proposed; a known (lexicon) method
    there is only used ("Deep Residual Networks for ...")."""
    known = [m for m in mentions if m.start < len(title) and m.rule.startswith("lexicon")]
    out: list[Mention] = []
    for s, e, _kind in title_methods(title, vocab):
        if prefix is not None and s < prefix[1] and prefix[0] < e:
            continue
        if any(k.start <= s and e <= k.end or k.start < e and s < k.end and (k.start < s or k.end > e) for k in known):
            continue
        if _activity_with_means(title, e, title[s:e].rsplit(None, 1)[-1], len(title), vocab) or (
            _automated_activity(title[s:e], vocab) and not _MEANS_END.search(title, 0, s)
        ):  # "... with Automated Rubric Evaluation": the paper's means, not its task
            out.append(Mention(s, e, "task", "cue:title-activity", 0.6))
        else:
            out.append(Mention(s, e, "method", "title", 0.75, proposed=True))
    return out


def _subject_method(text: str, subject: tuple[int, int], mentions: list[Mention]) -> Mention | None:
    """The title subject of an effect verb (``rules.title_subject``) as the paper's proposed method: a
    name opening it ("MERIT Feedback Elicits ...": MERIT), else the whole phrase; None when a known
    (lexicon) method fills or ends it ("Language Models ...": a family the paper uses)."""
    s, e = subject
    for m in mentions:
        if m.type == "method" and m.rule.startswith("lexicon") and m.start < e and e <= m.end:
            return None
    for m in mentions:
        if m.type == "method" and m.start == s and m.end < e and is_name_shaped(text[m.start : m.end]):
            return Mention(m.start, m.end, "method", "title", 0.9, proposed=True)
    return Mention(s, e, "method", "title", 0.75, proposed=True)


_TITLE_TAIL = re.compile(r"(?i)\s+(?:neural\s+)?(?:network|model|net)s?$")
_TAIL_AFTER = re.compile(r"\s+(?:neural\s+)?(?:network|model|net)s?\b", re.IGNORECASE)


def _without_title_tail(m: Mention, text: str, title_end: int) -> Mention:
    """A title name with a generic tail ("C-LSTM Neural Network", "Attention Sum Reader Network") is
    the shorter name when the abstract uses it without the tail ("C-LSTM utilizes ...")."""
    tail = _TITLE_TAIL.search(text, m.start, m.end)
    if tail is None or tail.end() != m.end:
        return m
    short = text[m.start : tail.start()]
    if len(short.split()) < 2 and not is_name_shaped(short):
        return m  # "Matching Networks": the tail is part of the name
    if text.isascii():  # the pattern below without compiling it per name (~0.3 ms): the short name's places, any case
        n, low, needle = len(short), text.lower(), short.lower()
        o = low.find(needle, title_end)
        while o != -1:
            before, after = text[o - 1 : o] if o else "", text[o + n : o + n + 1]
            if not (before and (before.isalnum() or before in "_-")) and not (after and (after.isalnum() or after in "_-")):
                if not _TAIL_AFTER.match(text, o + n):
                    return m._replace(end=tail.start())
            o = low.find(needle, o + 1)
        return m
    pattern = re.compile(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])(?!\s+(?:neural\s+)?(?:network|model|net)s?\b)", re.IGNORECASE)
    return m._replace(end=tail.start()) if pattern.search(text, title_end) else m


# a listed name: after a dataset's year or a parenthesis with its result ("MNIST (0.37% error) and NORB-small"),
# one to three capitalised words ("IJB-A, YouTube Face, Celebrity-1000")
_LIST_NEXT = re.compile(r"(?:\s+(?:19|20)\d\d\b)?(?:\s*\([^()]{1,30}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)([A-Z][\w-]*\w(?:\s+[A-Z][\w-]*\w){0,2})(\s+(?:19|20)\d\d\b)?(?![\w-])")
_ELLIPTIC_YEAR = re.compile(r"\s+and\s+((?:19|20)\d\d)(?![\w-])")
_LIST_PREV = re.compile(r"(?<![\w-])([A-Z][\w-]*\w)(\s+(?:19|20)\d\d)?(?:\s*\([^()]{1,30}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


def _list_before(text: str, start: int) -> re.Match[str] | None:
    """``_LIST_PREV`` in the 60 characters before ``start``: only where they end in "," or "and"."""
    window = max(0, start - 60)
    if not text[window:start].rstrip().endswith((",", "and")):
        return None
    return _LIST_PREV.search(text, window, start)


def _coordinated_datasets(chosen: list[Mention], text: str) -> list[Mention]:
    """A name listed beside a dataset is a dataset ("BRATS 2015 and ISLES 2015", "CIFAR, SVHN, COCO",
    "Set5, Set14, B100"): a name-shaped word with no mention, or typed method only by its shape."""
    queue = [m for m in chosen if m.type == "dataset"]
    if not queue:
        return sorted(chosen, key=_START)
    by_start = {m.start: m for m in chosen}
    by_end = {m.end: m for m in chosen}
    while queue:
        d = queue.pop()
        year = _ELLIPTIC_YEAR.match(text, d.end)
        surface = d.name or text[d.start : d.end]
        if year and re.search(r"\s(?:19|20)\d\d$", surface) and not any(c.start == year.start(1) for c in chosen):
            new = Mention(year.start(1), year.end(1), "dataset", "list:dataset", 0.5, name=surface[:-4] + year.group(1))
            chosen = [*chosen, new]  # "PASCAL VOC 2007 and 2012" -> PASCAL VOC 2012
        found = [_LIST_NEXT.match(text, d.end)]
        prev = _list_before(text, d.start)
        found.append(prev)
        for m in filter(None, found):
            word = m.group(1).split()[0]
            if not (is_name_shaped(word) or re.fullmatch(r"[A-Z][A-Za-z]*\d+[A-Za-z]?", word)):
                continue
            s, e = m.start(1), m.end(2) if m.group(2) else m.end(1)
            old = by_start.get(s) or by_end.get(e)
            if old is not None and (old.type == "dataset" or old.rule != "shape:method"):
                continue
            if old is None and any(c.start < e and s < c.end for c in chosen):
                continue
            new = Mention(s, e, "dataset", "list:dataset", 0.5)
            chosen = [c for c in chosen if c is not old] + [new]
            by_start[s], by_end[e] = new, new
            queue.append(new)
    return sorted(chosen, key=_START)


def _resolve_overlaps(mentions: list[Mention], text: str) -> list[Mention]:
    """Keep the best mention where mentions overlap: higher-ranked rule, then longer."""
    order = sorted(mentions, key=_overlap_key)
    # the kept spans, disjoint and by start: a mention overlaps one only if it overlaps a neighbour
    # of its place (bisection; ~14 mentions a paper: no per-character bytearray to fill and search)
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Mention] = []
    for m in order:
        s, e = m.start, m.end
        if s < e:  # an empty mention covers nothing: kept, and overlaps nothing
            i = bisect_right(starts, s)
            if i and ends[i - 1] > s or i < len(starts) and starts[i] < e:
                continue
            starts.insert(i, s)
            ends.insert(i, e)
        chosen.append(m)
    return sorted(chosen, key=_START)


def _group(chosen: list[Mention], text: str, definitions: Sequence[Definition], vocab: Vocabulary) -> dict[tuple[str, str], _Group]:
    groups: dict[tuple[str, str], _Group] = {}
    # acronym short forms are aliases of their long form's entity
    shorts = {entity_key(_singular(d.long(text)) if d.plural else d.long(text)): d.short(text) for d in definitions}
    for m in chosen:
        surface = text[m.start : m.end]
        shown, shown_key, surface_key = _surface_keys(surface)
        name = m.name or shown
        key = (m.type, entity_key(name) if m.name else shown_key)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(m.type, name, m.start, [m], {}, m.proposed)
        else:
            group.mentions.append(m)
            group.proposed |= m.proposed
        if surface_key is not None:  # the elided "2012" of "PASCAL VOC 2007 and 2012" is no alias
            group.aliases.setdefault(surface_key, shown)
        if key[1] in shorts:
            short = shorts[key[1]]
            group.aliases.setdefault(entity_key(short), short)
    return _merge_alias_names(_merge_bracketed_names(_merge_initials(_merge_size_variants(groups)), text))


def _merge_alias_names(groups: dict[tuple[str, str], _Group]) -> dict[tuple[str, str], _Group]:
    """A method group named by another method group's alias ("SAE" of "SAE-based" beside "Sparse
    Autoencoders (SAEs)") is that entity."""
    owner = {(k[0], a): k for k, g in groups.items() if k[0] == "method" for a in g.aliases if a != k[1]}
    for k in [k for k in groups if k[0] == "method" and k in owner]:
        base = owner[k]
        if base != k and base in groups and k in groups:
            groups[base].absorb(groups.pop(k))
    return groups


def _merge_bracketed_names(groups: dict[tuple[str, str], _Group], text: str) -> dict[tuple[str, str], _Group]:
    """A one-word name in brackets right after a method the paper proposes is that method's short name,
    where its letters spell no acronym ("the Multi-Layered Self-Reflection with Auto-Prompting (MAPS)
    framework", "we introduce L-Zero (L0)", L0 found in the title only): one entity. Known names
    (lexicon, acronyms) stay apart."""
    proposed = [(k, m.end) for k, g in groups.items() if k[0] == "method" and g.proposed for m in g.mentions]
    for base, end in proposed:
        bracket = _BRACKETED_NAME.match(text, end)
        k = ("method", entity_key(bracket.group(1))) if bracket else None
        if k is None or k == base or k not in groups or base not in groups:
            continue
        g = groups[k]
        if " " not in g.name and not any(m.rule.startswith(("lexicon", "acronym")) for m in g.mentions):
            groups[base].absorb(groups.pop(k))
    return groups


_BRACKETED_NAME = re.compile(r" \(([^()\s,;]{1,20})\)")


_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")


@lru_cache(maxsize=1 << 16)  # bounded; names recur
def _initials(name: str) -> str:
    return "".join(w[0] for w in _SPACE_OR_HYPHEN.split(name) if w and w.lower() not in _INITIALS_SKIP).upper()


_INITIALS_SKIP = frozenset("of for and the with a an in on to".split())


def _merge_initials(groups: dict[tuple[str, str], _Group]) -> dict[tuple[str, str], _Group]:
    """An acronym the paper uses without defining it, spelled by the initials of a method name it
    gives ("an algorithm named Iterative Feature Merging ... The IFM shows"), or its plural written apart
    from the definition ("Multimodal Large Language Models (MLLMs) ... domain-specific MLLMs--such"): one entity."""
    _merge_initials_with_head(groups)
    shorts = [(k, g, bare) for k, g in groups.items() if k[0] == "method" and (bare := _bare_short(g.name))]
    if not shorts:
        return groups
    longs = {_initials(g.name): k for k, g in groups.items() if k[0] == "method" and " " in g.name}
    for k, g in groups.items():  # "CoT" spells "Chain-of-Thought" with its "of"
        if k[0] == "method" and ("-" in g.name or " " in g.name):
            longs.setdefault("".join(w[0] for w in _SPACE_OR_HYPHEN.split(g.name) if w).upper(), k)
    for k, g, bare in shorts:
        base = longs.get(bare)
        if base is None or base not in groups or len(_SPACE_OR_HYPHEN.split(groups[base].name)) < 2:
            continue
        groups[base].absorb(g)
        del groups[k]
    return groups


def _bare_short(name: str) -> str | None:
    """A short form of 2-6 letters, two or more of them capitals, upper-cased ("IFM", "MLLM" for "MLLMs",
    "COT" for "CoT"), or None."""
    bare = name[:-1] if name.endswith("s") and name[-2:-1].isupper() else name
    if not (bare.isalpha() and 2 <= len(bare) <= 6 and bare[0].isupper() and sum(c.isupper() for c in bare) >= 2):
        return None
    return bare.upper()  # "CoT" spells "Chain-of-Thought" too


_SHORT_THEN_HEAD = re.compile(r"([A-Z]{2,6})s? (\S.*)")


def _merge_initials_with_head(groups: dict[tuple[str, str], _Group]) -> None:
    """"CTR prediction" beside "Click-through Rate Prediction": an undefined acronym followed by the
    head of a same-type name whose other words it spells is that name (one entity, an alias)."""
    pairs = [(k, m) for k, g in groups.items() if " " in g.name and (m := _SHORT_THEN_HEAD.fullmatch(g.name))]
    for k, m in pairs:
        short, tail = m.group(1), m.group(2).lower()
        for base, g in groups.items():
            name = g.name.lower()
            if base == k or base[0] != k[0] or not name.endswith(" " + tail) or base not in groups:
                continue
            if _initials(g.name[: len(name) - len(tail) - 1]) == short:
                g.absorb(groups.pop(k))
                break


# a model-size or depth variant of a name: "DiMR-XL", "DPN-131", "ThinkLite-7B", "ViT-L", "ResNet-50"
_SIZE_VARIANT = re.compile(r"(.*\w)[- ](?:\d+(?:\.\d+)?[BMK]|XX?L|[SBLHGT]|Base|Large|Small|Tiny|Huge|Mini|[1-9]\d{1,2})")


@lru_cache(maxsize=1 << 16)  # bounded; names recur
def _size_family(name: str) -> str | None:
    """The family a size-variant name belongs to ("DiMR" for "DiMR-XL"), or None."""
    variant = _SIZE_VARIANT.fullmatch(name)
    return variant.group(1) if variant else None


def _merge_size_variants(groups: dict[tuple[str, str], _Group]) -> dict[tuple[str, str], _Group]:
    """A size variant of a method the paper names is that method (GUIDELINES rule 5 and the gold's
    "DiMR-XL is an alias of DiMR"): its group joins the family's, keeping the family's name."""
    variants = [(k, g) for k, g in groups.items() if k[0] == "method" and _size_family(g.name) is not None]
    if not variants:
        return groups
    family: dict[str, tuple[str, str]] = {}
    for k, g in groups.items():
        if k[0] == "method":
            for alias_key in (k[1], *g.aliases):
                family.setdefault(alias_key, k)
    for k, g in variants:
        base = family.get(entity_key(_size_family(g.name)))
        if base is None or base == k or base not in groups:
            continue
        groups[base].absorb(g)
        del groups[k]
    return groups


@lru_cache(maxsize=1 << 16)  # the same surfaces recur; bounded
def _surface_keys(surface: str) -> tuple[str, str, str | None]:
    """A mention's surface as a name (``_display``), that name's key, and the surface's own key
    (None for digits only: no alias): one cached look-up per mention in ``_group``."""
    shown = _display(surface)
    return shown, entity_key(shown), None if surface.isdigit() else entity_key(surface)


@lru_cache(maxsize=1 << 16)  # the same surfaces recur; bounded
def _display(surface: str) -> str:
    """The surface form as a name: whitespace collapsed, a trailing plural kept as written."""
    name = " ".join(surface.split())
    return _THE_HYPHEN.sub("", name) if name.startswith(("the-", "The-")) else name  # detokenised "the-leave-one-out"


_THE_HYPHEN = re.compile(r"^[Tt]he-(?=[a-z])")


@lru_cache(maxsize=1 << 16)  # bounded
def _singular(name: str) -> str:
    """Singular of a plural long form ("Spiking Neural Networks" -> "Spiking Neural Network")."""
    words = name.split(" ")
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches", "shes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _short_form(group: _Group) -> str | None:
    """The name of an entity whose long form is too long to be one: its acronym ("CoinRAG" for an
    eleven-word "Contextualized Information Nugget KV Cache Reuse for Long-Context RAG"), if it has one."""
    if not any(m.rule == "acronym" for m in group.mentions):
        return None
    return next((a for a in group.aliases.values() if " " not in a and _well_formed(a) and is_name_shaped(a)), None)


def _generic(name: str, vocab: Vocabulary) -> bool:
    lowered = " ".join(name.lower().split())
    return lowered in vocab.generic_names or _singular(lowered) in vocab.generic_names or lowered in vocab.software


_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1 << 16)  # bounded
def _well_formed(name: str) -> bool:
    if len(name) < 2 or len(name) > 80 or len(name.split()) > 8:
        return False
    if not _LETTER.search(name):
        return False
    return not _has_markup(name)


def _proposed(text: str, group: _Group, sentences: Sentences) -> bool:
    for m in group.mentions[:4]:
        s_start, s_end = sentences.around(m.start)
        if proposal_context(text, m.start, s_start) or appositive_proposal(text, m.end):
            return True
        if described_proposal(text, m.end, text[s_start:s_end]):
            return True
        if m.rule == "acronym" and (defined_proposal(text, m.start, m.end) or listed_definition(text, m.start, s_start)):
            return True  # "by introducing the Stack-augmented Parser-Interpreter Neural Network (SPINN)", "(1) a novel X (A)"
        if m.rule.startswith("shape") and bracketed_proposal(text, m.start, m.end, s_start):
            return True  # "we propose a novel ... Network for Audio-Visual Question Answering (SHRIKE)"
        if m.rule.startswith("shape") and named_subject(text, m.start, m.end, s_start):
            return True  # "Kimi-VL is an efficient open-source ... model"
        if m.rule in ("head:named", "shape:method") and proposed_component(text, m.start, s_start):
            return True  # "we propose X, ... consisting of a Y-based supernet and a Z algorithm"
    return False


def _evidence(text: str, title_end: int, sentences: Sentences, start: int, end: int) -> dict[str, Any]:
    """The record of an ``Evidence`` (``Evidence.to_dict``) for the mention at ``start:end`` of ``text``."""
    s, e = sentences.around(start)
    if start < title_end:
        return {"field": "title", "start": start, "end": end, "sentence": text[s:e]}
    offset = title_end + 2
    return {"field": "abstract", "start": start - offset, "end": end - offset, "sentence": text[s:e]}


def _code_entities(text: str, title_end: int, sentences: Sentences, links: Sequence[Link]) -> list[dict[str, Any]]:
    """Records of the paper's own code: repository and project-page links,
    and other links whose sentence says they are the paper's."""
    entities: list[dict[str, Any]] = []
    seen: set[str] = set()
    for link in links:
        if link.reference or link.url in seen:
            continue
        s, e = sentences.around(link.start)
        sentence = text[s:e].replace(text[link.start : link.end], " ")
        own = link.kind in ("repository", "project_page") or bool(_OWN_CUE.search(sentence))
        if not own:
            continue
        seen.add(link.url)
        raw = text[link.start : link.end]
        entities.append({
            "type": EntityType.CODE.value,
            "name": link.url,
            "aliases": [raw] if raw != link.url else [],
            "proposed": False,
            "evidence": _evidence(text, title_end, sentences, link.start, link.end),
            "confidence": 0.95 if link.kind == "repository" else 0.8,
            "rule": f"url:{link.kind}",
            "kind": link.kind,
        })
    return entities
