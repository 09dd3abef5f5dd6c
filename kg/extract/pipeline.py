"""Build the extraction pipeline and run it over papers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.errors import KgError
from kg.extract import components  # noqa: F401  (registers the kg_* factories)
from kg.extract.components import ENTITIES, doc_of, paper_text
from kg.model import Entity, ExtractedPaper, Paper

TOKENIZER_CACHE = 100_000  # chunks (words with their punctuation) the tokenizer remembers
# spaCy refuses texts over 1,000,000 characters for the memory its parser and NER need; this pipeline
# has neither and runs in time and memory linear in the text, so a paper of any real length goes through
MAX_TEXT_CHARS = 100_000_000
PIPELINE: tuple[str, ...] = ("kg_sentences", "kg_links", "kg_acronyms", "kg_lexicon", "kg_patterns", "kg_spans", "kg_entities")


def load(**config_overrides: dict[str, Any]) -> Language:
    """The extraction pipeline: ``spacy.blank("en")`` plus the ``kg_*`` components.

    Nothing is downloaded. Override a component's config by its name, e.g.
    ``load(kg_lexicon={"types": ["dataset"]}, kg_entities={"min_confidence": 0.6})``.
    """
    unknown = set(config_overrides) - set(PIPELINE)
    if unknown:
        raise KgError(f"unknown pipeline component(s): {', '.join(sorted(unknown))}; known: {', '.join(PIPELINE)}")
    nlp = spacy.blank("en")
    nlp.max_length = MAX_TEXT_CHARS
    _tune_tokenizer(nlp)
    for name in PIPELINE:
        nlp.add_pipe(name, config=dict(config_overrides.get(name) or {}))
    return nlp


def _tune_tokenizer(nlp: Language) -> None:
    """Split "CIFAR10/100" and "PyTorch/SpikingJelly" at the slash so names match on their own.
    Cache more chunks than spaCy's default 10,000: a few thousand abstracts already hold ~15,000
    distinct ones, and an uncached chunk goes through the affix regexes each time (bounded, so
    memory stays flat)."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z0-9])/(?=[A-Za-z0-9])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE


# the pipelines loaded in this process, by their load options (see ``shared``)
_loaded: dict[str, Language] = {}
_loading = threading.Lock()


def shared(load_options: Mapping[str, Any] | None = None) -> Language:
    """The pipeline of ``load(**load_options)``, loaded on first use in this process and kept, one
    per distinct options: ``extract_papers`` without ``nlp`` and the engines' worker processes
    (``kg.engines.worker.pipeline``) use this one cache."""
    key = json.dumps(load_options or {}, sort_keys=True, default=str)  # options may nest dicts
    with _loading:
        nlp = _loaded.get(key)
        if nlp is None:
            nlp = _loaded[key] = load(**(load_options or {}))
    return nlp


def extract_papers(
    papers: Iterable[Paper], nlp: Language | None = None, *, n_process: int = 1, batch_size: int = 64
) -> Iterator[ExtractedPaper]:
    """Extract each paper's entities, streaming (first pass; see ``CorpusIndex`` for the second).

    Output is the same for any ``n_process``. ``n_process`` > 1 is spaCy's own multiprocessing,
    which sends every ``Doc`` back serialised and is slower than one process here; for throughput
    use ``kg.engines.open_engine(n).extract(papers)``, as ``kg extract --jobs`` does.
    """
    nlp = nlp or shared()
    stream: Iterator[tuple[Doc | str, Paper]]
    if n_process == 1:  # tokenise here and keep the text: spaCy would rebuild it from the tokens
        stream = ((doc_of(nlp, paper_text(p.title, p.abstract)), p) for p in papers)
    else:  # workers tokenise
        stream = ((paper_text(p.title, p.abstract), p) for p in papers)
    for doc, paper in nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield ExtractedPaper(paper, tuple(map(Entity.from_dict, doc.user_data.get(ENTITIES) or ())))
