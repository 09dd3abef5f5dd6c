"""Extract methods, datasets, metrics, tasks and code links from titles and abstracts.

``load()`` builds the spaCy pipeline, ``extract_papers()`` runs it over papers (streaming),
``CorpusIndex`` resolves acronyms and canonical names across a corpus, ``extract()`` does
both passes in memory. Scoring per GUIDELINES lives in ``kg.extract.scoring``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

from kg.extract.corpus import AmbiguousAcronym, CorpusIndex
from kg.extract.pipeline import PIPELINE, extract_papers, load
from kg.model import ExtractedPaper, Paper

__all__ = ["PIPELINE", "AmbiguousAcronym", "CorpusIndex", "extract", "extract_papers", "load"]


def extract(
    papers: Iterable[Paper],
    nlp: Language | None = None,
    *,
    n_process: int = 1,
    batch_size: int = 64,
    expand_acronyms: bool = True,
) -> list[ExtractedPaper]:
    """Both passes in memory, for small corpora: extract every paper, then resolve names
    (and acronyms defined in another paper, unless ``expand_acronyms=False``) corpus-wide."""
    first = list(extract_papers(papers, nlp, n_process=n_process, batch_size=batch_size))
    index = CorpusIndex().add_all(first)
    return [index.resolve(p, expand_acronyms=expand_acronyms) for p in first]
