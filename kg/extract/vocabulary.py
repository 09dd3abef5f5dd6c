"""The word lists the context rules use (data/vocabulary.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Head words per type, generic names, modifier stop words and cue phrases."""

    heads: dict[str, frozenset[str]]
    generic_heads: frozenset[str]
    generic_names: frozenset[str]
    modifier_stop: frozenset[str]
    proposal_verbs: frozenset[str]
    naming_cues: tuple[str, ...]
    task_cues: tuple[str, ...]
    metric_cues: tuple[str, ...]
    nominal_ing: frozenset[str]
    repeat_heads: frozenset[str]
    software: frozenset[str]  # libraries and platforms: never entities (GUIDELINES: not methods)
    phenomenon_heads: frozenset[str]  # "Softmax Collapse", "exposure bias": problems, not methods
    split_words: frozenset[str]  # "validation", "test": a split of a dataset, not part of its name
    lead_stop_heads: frozenset[str]  # "A Heat Diffusion Perspective on ...": a title lead that names no method
    concept_heads: frozenset[str]  # "we provide an analytical explanation": a described concept, not a method
    campaigns: frozenset[str]  # WMT, SemEval, CoNLL: shared tasks and evaluation campaigns (datasets, GUIDELINES)
    reasoning_domains: frozenset[str]  # "mathematical", "spatial": what a reasoning task reasons about
    outcome_heads: frozenset[str]  # cost, revenue, usage: a metric's head only where a result changes it
    manner_modifiers: frozenset[str]  # "optimal", "quick", "richer": a task phrase they open says how a step is done
    step_manners: frozenset[str]  # "automated", "fluent": alone before "generation"/"synthesis", how output is produced
    languages: frozenset[str]  # "English", "Estonian": before a data word, the data's language, not its name
    reported_heads: frozenset[str]  # consistency, agreement: a measure's head after a percentage ("98.7% consistency")
    activity_heads: frozenset[str]  # design, repair: activities without an activity suffix ("Automated Program Repair")
    object_heads: frozenset[str]  # interface, vehicle, laboratory: things, places and bodies, no entity
    actor_words: frozenset[str]  # human, AI, LLM, agent: "human-AI" of them only is a modifier, no method
    head_index: dict[str, str]  # head word -> type (first listed type wins)

    def head_type(self, word: str) -> str | None:
        """The type a head word implies (first listed wins: dataset, metric, task, method)."""
        return self.head_index.get(word.lower())


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (read once per process)."""
    data = json.loads(resources.files("kg.extract").joinpath("data/vocabulary.json").read_text(encoding="utf-8"))
    heads = {t: frozenset(w.lower() for w in ws) for t, ws in data["heads"].items()}
    head_index: dict[str, str] = {}
    for type_, words in heads.items():
        for word in words:
            head_index.setdefault(word, type_)
    return Vocabulary(
        heads=heads,
        head_index=head_index,
        generic_heads=frozenset(data["generic_heads"]),
        generic_names=frozenset(data["generic_names"]),
        modifier_stop=frozenset(data["modifier_stop"]),
        proposal_verbs=frozenset(data["proposal_verbs"]),
        naming_cues=tuple(data["naming_cues"]),
        task_cues=tuple(data["task_cues"]),
        metric_cues=tuple(data["metric_cues"]),
        nominal_ing=frozenset(data["nominal_ing"]),
        repeat_heads=frozenset(data["repeat_heads"]),
        software=frozenset(data["software"]),
        phenomenon_heads=frozenset(data["phenomenon_heads"]),
        split_words=frozenset(data["split_words"]),
        lead_stop_heads=frozenset(data["lead_stop_heads"]),
        concept_heads=frozenset(data.get("concept_heads", ())),
        campaigns=frozenset(data.get("campaigns", ())),
        reasoning_domains=frozenset(data.get("reasoning_domains", ())),
        outcome_heads=frozenset(data.get("outcome_heads", ())),
        manner_modifiers=frozenset(data.get("manner_modifiers", ())),
        step_manners=frozenset(data.get("step_manners", ())),
        languages=frozenset(data.get("languages", ())),
        reported_heads=frozenset(data.get("reported_heads", ())),
        activity_heads=frozenset(data.get("activity_heads", ())),
        object_heads=frozenset(data.get("object_heads", ())),
        actor_words=frozenset(data.get("actor_words", ())),
    )


def head_type(word: str) -> str | None:
    """Shortcut for ``vocabulary().head_type(word)``."""
    return vocabulary().head_type(word)
