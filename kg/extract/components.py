"""The extractor's spaCy components, registered as ``kg_*`` factories.

Each is a thin class over the pure functions in ``urls``, ``acronyms``, ``rules`` and
``assemble``. Intermediate results live in ``Doc`` extensions as plain tuples (so docs
serialise across processes); the last component writes ``doc._.kg_entities`` (GUIDELINES
records) and the ``doc.spans["kg_entities"]`` group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator
from importlib import resources
from typing import Any

import numpy
from spacy.attrs import IDX, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab

from kg.extract.acronyms import Definition, find_definitions
from kg.extract.assemble import assemble
from kg.extract.filter import load_filter
from kg.extract.results import result_mentions, without_number_formats, without_time_phases
from kg.extract.rules import Mention, Words, cue_phrases, evaluated_lists, head_phrases, proposal_names, shaped_names, words_of
from kg.extract.scan import prefiltered
from kg.extract.spans import load_spotter
from kg.extract.text import TITLE_SEPARATOR, Sentences, ends_in_measure, sentence_bounds, strip_name_suffix, without_line_numbers
from kg.extract.urls import Link, find_links
from kg.extract.vocabulary import vocabulary
from kg.model import Field

LEXICON_TYPES = ("dataset", "metric", "task", "method")
_TITLE = Field.TITLE.value

for _name, _default in (
    ("kg_text", None), ("kg_sentences", None), ("kg_links", None), ("kg_acronyms", None), ("kg_mentions", None), ("kg_entities", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def extension_key(name: str) -> tuple[str, str, None, None]:
    """Where spaCy keeps the value of the Doc extension ``name`` (``doc.user_data``; see
    ``Underscore._get_key``). The components read and write their extensions there: each ``doc._``
    builds an accessor object and each attribute goes through its ``__getattr__`` (~2 us a time,
    ~20 times a paper); ``doc._.kg_*`` reads the same values."""
    return ("._.", name, None, None)


TEXT, SENTENCES, LINKS, ACRONYMS, MENTIONS, ENTITIES = (
    extension_key(n) for n in ("kg_text", "kg_sentences", "kg_links", "kg_acronyms", "kg_mentions", "kg_entities")
)
if not Doc.has_extension("kg_title_end"):
    Doc.set_extension("kg_title_end", getter=lambda doc: title_end_of(text_of(doc)))


def title_end_of(text: str) -> int:
    """Where the title ends in the pipeline's text (``doc._.kg_title_end``)."""
    return max(0, text.find(TITLE_SEPARATOR))


def text_of(doc: Doc) -> str:
    """``doc.text``, cached while the pipeline runs (spaCy rebuilds it from tokens on each access)."""
    data = doc.user_data
    text = data.get(TEXT)
    if text is None:
        text = data[TEXT] = doc.text
    return text


def doc_of(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with the text cached for the pipeline (see ``text_of``)."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT] = text
    return doc


def paper_text(title: str, abstract: str) -> str:
    """The text the pipeline reads: title (newlines flattened, same length) + blank line + abstract
    (glued PDF line numbers blanked, same length: ``without_line_numbers``)."""
    return title.replace("\n", " ").replace("\r", " ") + TITLE_SEPARATOR + without_line_numbers(abstract)


def _raise(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> None:
    raise e


class _Component:
    """Shared error-handler plumbing (the span_ruler way)."""

    error_handler: Callable[..., Any] = staticmethod(_raise)

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        self.error_handler = error_handler

    def get_error_handler(self) -> Callable[..., Any]:
        return self.error_handler

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Each component runs over a batch of docs in turn (spaCy's ``minibatch``), not over one
        doc before the next component: its code and data stay in the CPU caches (~10% faster
        for the pipeline in one process; the results do not depend on the order)."""
        for batch in minibatch(docs, size=batch_size):
            done = []
            for doc in batch:
                try:
                    done.append(self(doc))
                except Exception as e:  # routed like spaCy's own components
                    self.error_handler(self.name, self, [doc], e)
            yield from done

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - overridden
        raise NotImplementedError


def sentences_of(bounds: list[tuple[int, int]] | None, text: str) -> Sentences:
    """The ``kg_sentences`` bounds as ``Sentences`` (split here when the component did not run)."""
    if bounds is None:
        bounds = sentence_bounds(text)
    if bounds and type(bounds[0]) is not tuple:  # lists after a process hop
        bounds = [tuple(b) for b in bounds]
    return Sentences(bounds)


class SentenceSplitter(_Component):
    """Sentence boundaries for evidence: a rule splitter that knows "e.g." and "et al."."""

    def __init__(self, nlp: Language, name: str, set_sent_starts: bool) -> None:
        self.name = name
        self.set_sent_starts = set_sent_starts

    def __call__(self, doc: Doc) -> Doc:
        bounds = doc.user_data[SENTENCES] = sentence_bounds(text_of(doc))
        if self.set_sent_starts and len(doc):
            idx = doc.to_array(IDX)
            flags = numpy.where(numpy.isin(idx, numpy.array([s for s, _ in bounds], dtype=idx.dtype)), 1, -1)
            flags[0] = 1
            doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        return doc


class LinkFinder(_Component):
    """URLs, normalised and classified (``doc._.kg_links``)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[LINKS] = [(l.url, l.start, l.end, l.kind, l.reference) for l in find_links(text_of(doc))]
        return doc


class AcronymFinder(_Component):
    """Acronym definitions, Schwartz-Hearst style (``doc._.kg_acronyms``)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[ACRONYMS] = [
            (d.long_start, d.long_end, d.short_start, d.short_end, d.plural) for d in find_definitions(text_of(doc))
        ]
        return doc


class LexiconMatcher(_Component):
    """Known names from the packaged Papers with Code lexicons (one PhraseMatcher per case mode).

    Datasets and one-word methods match case-sensitively (with CIFAR10/CIFAR-10 and ResNet/Resnet
    variants); tasks, metrics and multi-word methods match case-insensitively.
    """

    def __init__(self, nlp: Language, name: str, types: list[str], confidence: float) -> None:
        self.name = name
        self.confidence = confidence
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.prefix_types: dict[str, str] = {}
        self.y_names: set[str] = set()  # lower-cased names that match in their -ies plural too
        keep = set(_read_list("keep"))
        tokenize = _pattern_tokenizer(nlp).pipe
        lower = nlp.vocab.lex_attr_getters[LOWER]
        curated = _curated_types(types)
        for type_ in types:
            names = [n for n in _read_lexicon(type_) if curated.get(n.lower(), type_) == type_]
            cased, uncased = [], []
            for n in names:
                if n in keep or (type_ != "dataset" and _plain_case(n) and (type_ != "method" or " " in n or n.islower())):
                    uncased.append(n)
                else:
                    cased.extend(_variants(n))
                    if type_ == "method" and " " in n and n[:1].isupper() and n.split(" ", 1)[0][1:].islower():
                        cased.extend(_variants(n[0].lower() + n[1:]))  # "Bidirectional LSTM" -> "bidirectional LSTMs"
                    elif type_ == "method" and " " in n and n[:1].islower():  # "agentic AI" -> "Agentic AI" in a title
                        cased.extend(_variants(" ".join(w[:1].upper() + w[1:] for w in n.split(" "))))
                if type_ in ("dataset", "method") and " " not in n and not n.islower() and len(n) > 2:
                    self.prefix_types.setdefault(n, type_)
            self.y_names.update(n.lower() for n in names if _Y_PLURAL.search(n))
            compounds: list[str] = []
            if type_ == "method":  # "fully-convolutional networks", "sparse-coding-based": written as a compound modifier
                known = {n.lower() for n in names}
                hyphenated = [h for h in map(_hyphenated, uncased) if h and h.lower() not in known]
                uncased += [h for h in hyphenated if " " in h]
                compounds = [h for h in hyphenated if " " not in h]
            uncased = [v for n in uncased for v in _variants(n)]
            if compounds:  # a two-word name hyphenated counts only before "-based" and the like ("sparse-coding-based")
                self.lower.add(_COMPOUND_LABEL, [tuple(get_string_id(lower(w)) for w in words) for words in _words(tokenize(sorted(set(compounds))))])
            if cased:
                self.orth.add(type_, [tuple(map(get_string_id, words)) for words in _words(tokenize(sorted(set(cased))))])
            if uncased:
                self.lower.add(type_, [tuple(get_string_id(lower(w)) for w in words) for words in _words(tokenize(sorted(set(uncased))))])

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        mentions = data.get(MENTIONS)
        if mentions is None:
            mentions = []
        strings = doc.vocab.strings
        text = text_of(doc)
        matches = [*self.orth(doc), *self.lower(doc)]
        labels = {(s, e): match_id for match_id, s, e in matches}  # the last match of a span wins
        for s, e in _longest_first([(s, e) for _, s, e in matches]):
            last = doc[e - 1]  # characters of the tokens: two Token look-ups (~0.1 us each; ``to_array`` ~15 us a doc)
            start, end = doc[s].idx, last.idx + len(last)
            if not _word_aligned(text, start, end):
                continue
            type_ = strings[labels[(s, e)]]
            if type_ == _COMPOUND_LABEL:  # "a beam-search decoder" names the decoder, not beam search
                if not text.startswith(_SUFFIX_OK, end):
                    continue
                type_ = "method"
            if type_ == "metric":  # "rank-1 accuracy": the lexicon's "Rank-1" takes its head
                head = _METRIC_HEAD_AFTER.match(text, end)
                end = head.end() if head else end
            surface = text[start:end]
            name = surface[:-3] + "y" if surface.endswith("ies") and surface.lower()[:-3] + "y" in self.y_names else None
            mentions.append(Mention(start, end, type_, "lexicon", self.confidence, name))
        # a known name with a version or size: ImageNet-1k, ResNet-50, LSUN-Bedrooms
        for m in _COMPOUND.finditer(text) if known_before_hyphen(text, self.prefix_types) else ():
            type_ = self.prefix_types.get(m.group(1))
            if type_ is not None and not ends_in_measure(m.group()):  # "BERT-score": a measure, no BERT version
                end = m.start() + len(strip_name_suffix(m.group()))
                unit = _SPACED_UNIT.match(text, end) if text[end - 1 : end].isdigit() else None
                if unit:  # detokenised "ImageNet-1 K" -> ImageNet-1K
                    name = text[m.start() : end] + unit.group(1)
                    mentions.append(Mention(m.start(), unit.end(), type_, "lexicon", self.confidence * 0.95, name=name))
                elif end > m.end(1):
                    mentions.append(Mention(m.start(), end, type_, "lexicon", self.confidence * 0.95))
        for start in _GLUED_START.finditer(text):  # LLaMA2, Qwen2.5-7B-Instruct, AIME24: a known name with a glued version
            s = start.start()
            m = _GLUED_VERSION.match(text, s) if s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "_.-") else None
            type_ = self.prefix_types.get(m.group(1)) if m else None
            if type_ is not None:
                mentions.append(Mention(m.start(), m.start() + len(strip_name_suffix(m.group())), type_, "lexicon", self.confidence * 0.95))
        for m in _SIZED.finditer(text):  # ImageNet 256 x 256, ImageNet 64: a distinct dataset (GUIDELINES rule 5)
            if self.prefix_types.get(m.group(1)) == "dataset" and (m.group(3) or m.group(2) in _RESOLUTIONS):
                name = f"{m.group(1)} {m.group(2)}x{m.group(3) or m.group(2)}"
                mentions.append(Mention(m.start(), m.end(), "dataset", "lexicon", self.confidence, name=name))
        for m in _SLASHED.finditer(text):  # CIFAR10/100 -> CIFAR-10 and CIFAR-100
            for candidate in (f"{m.group(1)}-{m.group(2)}", f"{m.group(1)}{m.group(2)}"):
                if self.prefix_types.get(candidate) == "dataset":
                    mentions.append(Mention(m.start(2) - 1, m.end(2), "dataset", "lexicon", self.confidence, name=f"{m.group(1)}-{m.group(2)}"))
                    break
        data[MENTIONS] = mentions
        return doc


# the capital first, its look-behind after it ("(?<![\w-])[A-Z]" said the same): re then skips to capitals;
# the word is one possessive run that must end in a letter ("[\w-]*[A-Za-z]" backtracked through every word)
_SIZED = re.compile(r"([A-Z](?<![\w-].)[\w-]++(?<=[A-Za-z]))\s+(\d{2,4})(?:\s*(?:x|×|times)\s*(\d{2,4}))?(?![\w-]|\.\d)")
# a plain scan (the lookbehind of a full pattern would defeat re's prefix search); possessive: the
# letters must run up to the digit, so "[A-Z][A-Za-z]*[A-Za-z]\d" matches the same, with backtracking
_GLUED_START = re.compile(r"[A-Z][A-Za-z]++\d")
_GLUED_VERSION = re.compile(r"([A-Z][A-Za-z]*[A-Za-z])(\d+(?:\.\d+)*[A-Za-z]?)(?:-[\w.]*[\w])*(?![\w-])")
_SPACED_UNIT = re.compile(r" ([KMB])(?![\w-])")
_RESOLUTIONS = frozenset("32 64 128 256 512 1024".split())
_SLASHED = prefiltered(r"(?<![\w-])([A-Z][A-Za-z]*)-?\d+/(\d+)(?![\w-])")
def _pattern_tokenizer(nlp: Language) -> Tokenizer:
    """The pipeline's tokenizer rules over a bare vocabulary, for the lexicon patterns: the ~50,000
    strings would fill the pipeline tokenizer's bounded cache (which then stops caching) and make
    a lexeme each, with all its attribute getters (most of the load time)."""
    tok = nlp.tokenizer
    return Tokenizer(
        Vocab(), rules=tok.rules, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match,
        faster_heuristics=tok.faster_heuristics, max_cache_size=1 << 20,  # names share words: cache them all
    )


def _words(docs: Iterable[Doc]) -> Iterator[list[str]]:
    """The token texts of each non-empty pattern: the matcher takes patterns as the hashes of the
    attribute it matches on (ORTH, or LOWER = the pipeline vocabulary's ``lower`` of the text)."""
    for doc in docs:
        if len(doc):
            yield [t.text for t in doc]


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spacy.util.filter_spans`` on (start, end) token offsets: the (first) longest of
    overlapping spans wins; in order of start."""
    result = []
    seen: set[int] = set()
    for start, end in sorted(spans, key=lambda span: (span[1] - span[0], -span[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            result.append((start, end))
            seen.update(range(start, end))
    return sorted(result)


_COMPOUND = prefiltered(r"(?<![\w-])([A-Za-z][\w.]*?)(?:-[\w.]*[\w])+")


def known_before_hyphen(text: str, names: Container[str]) -> bool:
    """False only when no ``_COMPOUND`` match of ``text`` has its name (group 1) in ``names``: that name
    runs up to a hyphen over [\\w.] characters and starts where that run starts or after a "." in it.
    One walk back from each hyphen (~5% of abstracts pass) instead of the scan (~20 -> ~12 us)."""
    find = text.find
    h = find("-")
    while h >= 0:
        j = h
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_."):
            j -= 1
        if j < h:
            run = text[j:h]
            if run in names:
                return True
            d = run.find(".")
            while d >= 0:
                if run[d + 1 :] in names:
                    return True
                d = run.find(".", d + 1)
        h = find("-", h + 1)
    return False


def _plain_case(name: str) -> bool:
    """Lower case or Title Case words only (no inner capitals): safe to match ignoring case."""
    return all(w[1:] == w[1:].lower() for w in re.split(r"[\s-]+", name) if w) and not name.isupper()


def _read_list(stem: str) -> list[str]:
    path = resources.files("kg.extract").joinpath(f"data/lexicons/{stem}.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


_COMPOUND_LABEL = "method:compound"
_SUFFIX_OK = ("-based", "-like", "-style", "-inspired", "-driven", "-guided", "-powered", "-enhanced", "-augmented", "-conditioned", "-type", "-family", "-specific", "-free")


def _word_aligned(text: str, start: int, end: int) -> bool:
    """A lexicon match must not be a piece of a longer hyphenated word (ResNet in SE-ResNet)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐" and start > 1 and text[start - 2].isalnum()):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "-‐"):
        tail = text[end : end + 13].lower()
        return any(tail.startswith(s) for s in _SUFFIX_OK)
    return True


def _hyphenated(name: str) -> str | None:
    """A multi-word name written as a compound modifier: its first two words joined by a hyphen
    ("fully convolutional network" -> "fully-convolutional network", "sparse-coding"), or None."""
    first, space, rest = name.partition(" ")
    return f"{first}-{rest}" if space and first.isalpha() and first.islower() and rest[:1].isalpha() else None


def _variants(name: str) -> list[str]:
    """Spelling variants a name also matches: CIFAR-10/CIFAR10, ResNet/Resnet, plurals."""
    out = {name}
    out.add(re.sub(r"(?<=[A-Za-z])-(?=\d)", "", name))
    out.add(re.sub(r"(?<=[A-Za-z])(?=\d)", "-", name))
    out.add(re.sub(r"(?<=[A-Za-z]) (?=\d)", "-", name))
    if " " in name or "-" in name:
        out.add(name.replace("-", " "))
    if " " not in name and len(name) >= 5 and name[0].isupper() and not name.isupper() and any(c.isupper() for c in name[1:]):
        out.add(name[0] + name[1:].lower())
    if name[-1].isalpha() and not name.endswith("s"):
        out.update([v[:-1] + "ies" if _Y_PLURAL.search(v) else v + "s" for v in out])  # "perplexities"
    return [v for v in out if v]


_METRIC_HEAD_AFTER = re.compile(r" (?:accuracy|accuracies)(?![\w-])")  # not "FID scores": a score of the metric is the metric
_Y_PLURAL = re.compile(r"[a-z][^aeiouy\W]y$")


def _curated_types(types: Iterable[str]) -> dict[str, str]:
    """Lower-cased name -> type of our curated ``extra-*`` lists: they override a Papers with Code
    list of another type (PwC lists "Self-Supervised Learning" as a task, "CLIP" as a dataset)."""
    out: dict[str, str] = {}
    for type_ in types:
        path = resources.files("kg.extract").joinpath(f"data/lexicons/extra-{type_}.txt")
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    out.setdefault(line.strip().lower(), type_)
    return out


def _read_lexicon(type_: str) -> list[str]:
    """The Papers with Code names of a type plus the project's own list of established names."""
    names: list[str] = []
    for stem in (type_, f"extra-{type_}"):
        path = resources.files("kg.extract").joinpath(f"data/lexicons/{stem}.txt")
        if path.is_file():
            names.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return names


class PatternMatcher(_Component):
    """Context rules: head-noun phrases, name-shaped words, cue phrases (``rules``)."""

    def __init__(self, nlp: Language, name: str, heads: bool, shapes: bool, cues: bool) -> None:
        self.name = name
        self.heads, self.shapes, self.cues = heads, shapes, cues
        self.vocab = vocabulary()

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        text = text_of(doc)
        sentences = sentences_of(data.get(SENTENCES), text)
        words = words_of(text, sentences, title_end_of(text))
        mentions = data.get(MENTIONS)
        if mentions is None:
            mentions = []
        if self.heads:
            mentions.extend(head_phrases(words, text, self.vocab))
        if self.shapes:
            mentions.extend(shaped_names(words, text, sentences, self.vocab))
        if self.cues:
            mentions.extend(cue_phrases(text, self.vocab))
            mentions.extend(evaluated_lists(text, self.vocab))
            mentions.extend(proposal_names(text, words, self.vocab))
            mentions.extend(result_mentions(text))
            if "recision" in text:
                mentions = without_number_formats(mentions, text)
            if "time" in text:
                mentions = without_time_phases(mentions, text)
        data[MENTIONS] = mentions
        return doc


class SpanFinder(_Component):
    """Learned mentions: the runs of words the span spotter (``kg.extract.spans``) scores as names of
    its types, where the rules left a gap. Where a rule read a stretch of text as another type (or as
    an acronym, which takes its type from its long form), its reading stands; a task may still be read
    longer than a rule's. A proposed task that opens with a word saying how a step is done ("quick
    fact retrieval") or is a step on a generic object ("Evaluating Reasoning") is no task, as for the rules;
    a title phrase is no proposal of the paper's own method where a rule found one (it describes that one)."""

    def __init__(self, nlp: Language, name: str, thresholds: dict[str, float] | None) -> None:
        self.name = name
        spotter = load_spotter()
        if thresholds:
            spotter = spotter.with_thresholds(thresholds)
        self.spotter = spotter
        vocab = vocabulary()
        self.manners = vocab.manner_modifiers | vocab.step_manners
        self.generic = vocab.generic_names

    def __call__(self, doc: Doc) -> Doc:
        return self._add(doc, self.spotter.mentions(*self._words(doc)))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """A batch of docs scored in one go (the spotter's numpy work is per call, not per doc); a
        batch that fails goes doc by doc, so the error handler hears of the doc that failed."""
        for batch in minibatch(docs, size=batch_size):
            try:
                found = self.spotter.mentions_of_texts([self._words(doc) for doc in batch])
            except Exception:
                yield from super().pipe(batch, batch_size)
                continue
            yield from map(self._add, batch, found)

    @staticmethod
    def _words(doc: Doc) -> tuple[Words, str, int]:
        text = text_of(doc)
        title_end = title_end_of(text)
        return words_of(text, sentences_of(doc.user_data.get(SENTENCES), text), title_end), text, title_end

    def _add(self, doc: Doc, found: list[Mention]) -> Doc:
        """The spotter's mentions of ``doc`` where the rules left a gap, after the rules' own."""
        if found:
            data = doc.user_data
            text = text_of(doc)
            mentions = data.get(MENTIONS) or []
            read = bytearray(len(text) + 1)  # 1: read as a task only, 2: read as something else
            for m in mentions:
                if m[2] == "task":
                    read[m[0] : m[1]] = read[m[0] : m[1]].replace(b"\x00", b"\x01")
                else:
                    read[m[0] : m[1]] = b"\x02" * (m[1] - m[0])
            for d in data.get(ACRONYMS) or ():
                read[d[2] : d[3]] = b"\x02" * (d[3] - d[2])
            named = any(m[6] for m in mentions if len(m) > 6)  # a rule found the paper's own method
            title_end = title_end_of(text)
            gaps = []
            for m in found:
                if m.proposed and named and m.start < title_end:
                    continue  # a title phrase beside a coined name describes it
                seen = max(read[m.start : m.end])
                if seen == 0 or seen == 1 and m.type == "task":
                    if m.type != "task" or not self._no_task(text[m.start : m.end]):
                        gaps.append(m)
            data[MENTIONS] = [*mentions, *gaps]
        return doc

    def _no_task(self, phrase: str) -> bool:
        """A manner word first ("quick fact retrieval"), or a step on a generic object ("Evaluating Reasoning")."""
        first, _, rest = phrase.partition(" ")
        first = first.lower()
        return first in self.manners or first.endswith("ing") and rest.lower() in self.generic


class EntityAssembler(_Component):
    """Document-level entities from all mentions (``doc._.kg_entities``, ``doc.spans["kg_entities"]``),
    scored and kept by the learned filter (``kg.extract.filter``): ``keep_thresholds`` null uses the
    shipped thresholds, ``{}`` keeps every entity the rules assemble; ``min_confidence`` then drops
    those the filter (or, for code links, the rule) is less sure of."""

    def __init__(
        self, nlp: Language, name: str, min_confidence: float, spans_key: str, keep_thresholds: dict[str, float] | None
    ) -> None:
        self.name = name
        self.min_confidence = min_confidence
        self.spans_key = spans_key
        self.keep_thresholds = keep_thresholds
        self.vocab = vocabulary()
        self.filter = load_filter()

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        text = text_of(doc)
        title_end = title_end_of(text)
        sentences = sentences_of(data.get(SENTENCES), text)
        mentions = [m if type(m) is Mention else Mention(*m) for m in (data.get(MENTIONS) or ())]  # plain tuples after serialisation
        definitions = [Definition(*d) for d in (data.get(ACRONYMS) or ())]
        links = [Link(*l) for l in (data.get(LINKS) or ())]
        records = assemble(text, title_end, sentences, mentions, definitions, links, self.vocab)
        records = self.filter.apply(records, text, title_end, self.keep_thresholds)
        if self.min_confidence:
            records = [r for r in records if r["confidence"] >= self.min_confidence]
        data[ENTITIES] = records
        spans = []
        offset = title_end + len(TITLE_SEPARATOR)
        for record in records:
            ev = record["evidence"]
            if ev is None:
                continue
            start = ev["start"] if ev["field"] == _TITLE else ev["start"] + offset
            span = doc.char_span(start, ev["end"] + (start - ev["start"]), label=record["type"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        if self.spans_key:
            doc.spans[self.spans_key] = spans
        data[TEXT] = None  # only a cache: keep serialised docs small
        return doc


@Language.factory("kg_sentences", default_config={"set_sent_starts": False})
def make_sentences(nlp: Language, name: str, set_sent_starts: bool) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, set_sent_starts)


@Language.factory("kg_links", default_config={})
def make_links(nlp: Language, name: str) -> LinkFinder:
    return LinkFinder(nlp, name)


@Language.factory("kg_acronyms", default_config={})
def make_acronyms(nlp: Language, name: str) -> AcronymFinder:
    return AcronymFinder(nlp, name)


@Language.factory("kg_lexicon", default_config={"types": list(LEXICON_TYPES), "confidence": 0.9})
def make_lexicon(nlp: Language, name: str, types: list[str], confidence: float) -> LexiconMatcher:
    return LexiconMatcher(nlp, name, types, confidence)


@Language.factory("kg_patterns", default_config={"heads": True, "shapes": True, "cues": True})
def make_patterns(nlp: Language, name: str, heads: bool, shapes: bool, cues: bool) -> PatternMatcher:
    return PatternMatcher(nlp, name, heads, shapes, cues)


@Language.factory("kg_spans", default_config={"thresholds": None})
def make_spans(nlp: Language, name: str, thresholds: dict[str, float] | None) -> SpanFinder:
    return SpanFinder(nlp, name, thresholds)


@Language.factory(
    "kg_entities", default_config={"min_confidence": 0.0, "spans_key": "kg_entities", "keep_thresholds": None}
)
def make_entities(
    nlp: Language, name: str, min_confidence: float, spans_key: str, keep_thresholds: dict[str, float] | None
) -> EntityAssembler:
    return EntityAssembler(nlp, name, min_confidence, spans_key, keep_thresholds)
