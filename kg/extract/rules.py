"""Context rules over plain text: each finds entity mentions with a type, a rule name and a
confidence. Pure functions (text in, mentions out) so each is tested on its own; the
``kg_patterns`` component runs them on a Doc.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple, overload

from kg.extract.scan import Gate, anchors, folded, matches_at, matches_from, prefiltered
from kg.extract.text import TITLE_SEPARATOR, WORD, Sentences, ends_in_measure, is_name_shaped, is_title_case, strip_name_suffix
from kg.extract.vocabulary import Vocabulary, vocabulary


class Mention(NamedTuple):
    """A typed stretch of text; ``name`` overrides the surface form as the entity name.

    A named tuple, so mentions stored on a Doc serialise with it.
    """

    start: int
    end: int
    type: str
    rule: str
    confidence: float
    name: str | None = None
    proposed: bool = False


class Word(NamedTuple):
    """A word of the text for the rules (a named tuple: cheap to build, see ``Words``)."""

    start: int
    end: int
    text: str
    lower: str
    joined: bool  # separated from the previous word by plain spaces only (same phrase)
    first: bool  # first word of a sentence (or of the title)
    caps_free: bool = False  # in a Title Case title: a capital says nothing


# one or two whitespace characters without a line break: words on each side are one phrase
_SPACES = [c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n"]
_JOINING = frozenset([*_SPACES, *(a + b for a in _SPACES for b in _SPACES)])
_new_word = partial(tuple.__new__, Word)
_POSSESSIVE = ("'s", "’s")


class Words(Sequence[Word]):
    """The words of a text, kept as parallel lists; a ``Word`` is built only when asked for
    (a text has ~150 words and the rules look closely at a few dozen of them)."""

    __slots__ = ("starts", "ends", "texts", "lowers", "joined", "firsts", "caps_free", "_built")

    def __init__(
        self, starts: list[int], ends: list[int], texts: list[str], lowers: list[str],
        joined: list[bool], firsts: list[bool], caps_free: list[bool],
    ) -> None:
        self.starts, self.ends, self.texts, self.lowers = starts, ends, texts, lowers
        self.joined, self.firsts, self.caps_free = joined, firsts, caps_free
        self._built: list[Word | None] = [None] * len(starts)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Word: ...
    @overload
    def __getitem__(self, i: slice) -> list[Word]: ...
    def __getitem__(self, i: int | slice) -> Word | list[Word]:
        if isinstance(i, slice):
            return list(map(self._word, range(*i.indices(len(self.starts)))))
        word = self._built[i]  # ``_word``, inlined: the rules ask ~30 times a text
        if word is None:
            word = self._built[i] = _new_word((
                self.starts[i], self.ends[i], self.texts[i], self.lowers[i], self.joined[i], self.firsts[i], self.caps_free[i]
            ))
        return word

    def _word(self, i: int) -> Word:
        word = self._built[i]
        if word is None:
            word = self._built[i] = _new_word((
                self.starts[i], self.ends[i], self.texts[i], self.lowers[i], self.joined[i], self.firsts[i], self.caps_free[i]
            ))
        return word

    def __iter__(self) -> Iterator[Word]:
        return map(self._word, range(len(self.starts)))


def words_of(text: str, sentences: Sentences, title_end: int = 0) -> Words:
    """The words of ``text`` with phrase-continuity and sentence-start flags."""
    # one flat list gap, word, gap, word, ..., tail: no match objects, no pairs; offsets by summing lengths
    parts = _word_split(text)
    if len(parts) < 2:
        return Words([], [], [], [], [], [], [])
    offsets = list(accumulate(map(len, parts)))
    starts, ends = offsets[0:-1:2], offsets[1::2]
    tokens = parts[1::2]
    joined = list(map(_JOINING.__contains__, parts[0:-1:2]))
    joined[0] = False
    n = len(starts)
    if "'" in text or "’" in text:  # a possessive "'s" is not part of the word (nor of a phrase going on)
        possessive = set()  # the words ending in "'s": found from the marks, not by a look at every word
        for mark in _POSSESSIVE:
            j = text.find(mark)
            while j >= 0:
                i = bisect_left(ends, j + 2)
                if i < n and ends[i] == j + 2 and starts[i] < j:
                    possessive.add(i)
                j = text.find(mark, j + 1)
        for i in possessive:
            tokens[i] = tokens[i][:-2]
            ends[i] -= 2
            if i + 1 < n:
                joined[i + 1] = False
    firsts = [False] * n
    for b in sentences.bounds:
        i = bisect_left(starts, b[0])
        if i < n and starts[i] == b[0]:
            firsts[i] = True
    if title_end > 0 and is_title_case(text[:title_end]):
        n_title = bisect_left(starts, title_end)
        caps_free = [True] * n_title + [False] * (n - n_title)
    else:
        caps_free = [False] * n
    # lower-cased in one call: words hold no space, and a space ends a final-sigma context as the end does
    lowers = " ".join(tokens).lower().split(" ")
    if len(lowers) != n:  # pragma: no cover - defensive
        lowers = list(map(str.lower, tokens))
    return Words(starts, ends, tokens, lowers, joined, firsts, caps_free)


_WORD_SPLIT = re.compile("(" + WORD.pattern + ")")  # split: the text between the words, and the words
# ``WORD`` where a text has no "_": its letter/digit class ``[^\W_]`` is then just ``\w`` (one category
# test a character instead of a negated set), and ASCII ``\w`` is a table look-up (~30% faster than
# ``WORD`` on the ~87% of abstracts that are ASCII; property-tested against ``_WORD_SPLIT``)
_WORD_SPLIT_NO_UNDERSCORE = re.compile(r"(\w++(?:['’+.]++\w++)*+(?:[-‐–]\w++(?:['’+.]++\w++)*+)*+)")
_WORD_SPLIT_ASCII = re.compile(r"(\w++(?:['+.]++\w++)*+(?:-\w++(?:['+.]++\w++)*+)*+)", re.ASCII)


def _word_split(text: str) -> list[str]:
    """``_WORD_SPLIT.split(text)``: gap, word, gap, word, ..., tail."""
    if "_" in text:
        return _WORD_SPLIT.split(text)
    return (_WORD_SPLIT_ASCII if text.isascii() else _WORD_SPLIT_NO_UNDERSCORE).split(text)


# ---------------------------------------------------------------------------------------------
# head-noun phrases: "... dataset", "... network", "... classification", "... accuracy"

_GENERIC_TAIL = frozenset(
    "method methods approach approaches framework frameworks technique techniques system systems scheme "
    "schemes strategy strategies procedure procedures pipeline pipelines paradigm paradigms process processes "
    "mechanism mechanisms module modules toolkit library platform".split()
)
_NAMED_ONLY = _GENERIC_TAIL | frozenset("algorithm algorithms architecture architectures function functions block blocks layer layers unit units field fields head cell operator solver agent agents policy planner gate".split())
_MAX_MODIFIERS = {"task": 4, "metric": 3, "dataset": 5, "method": 3}
_TASK_AS_MODIFIER = frozenset(
    "mask masks map maps quality system systems algorithm algorithms error errors capability capabilities ability abilities "
    "pipeline pipelines trajectory trajectories plan plans corpus corpora function functions "
    "effort efforts coverage mechanism mechanisms procedure procedures execution setting settings".split()
)


_DIMENSION = re.compile(r"\d[a-z]?d")  # "2d", "3d": a dimension as a modifier


def _is_modifier(w: str, text: str, vocab: Vocabulary) -> bool:
    """Can the word (lower-cased ``w``, as written ``text``) modify a head noun after it?"""
    if w in vocab.modifier_stop or len(w) == 1 and w.isalpha() and w not in "xyz" or w.endswith("ly") and len(w) > 4 and not is_name_shaped(text):
        return False
    if w[0].isdigit() and not is_name_shaped(text) and not _DIMENSION.fullmatch(w):
        return False
    if w.endswith("ing") and w not in vocab.nominal_ing and "-" not in w and not is_name_shaped(text):
        return False
    return True


_MODIFIERS: tuple[Vocabulary | None, dict[str, bool]] = (None, {})


def _modifier_memo(vocab: Vocabulary) -> dict[str, bool]:
    """``_is_modifier`` answers by word as written (its lower-cased form is the word's), for ``vocab``:
    a bounded memo (the walk asks ~15 times a text, mostly about common words)."""
    global _MODIFIERS
    if _MODIFIERS[0] is not vocab:
        _MODIFIERS = (vocab, {})
    return _MODIFIERS[1]


def head_phrases(words: Words, text: str, vocab: Vocabulary | None = None) -> list[Mention]:
    """Phrases that end in a head word of a type, with the modifiers before it."""
    vocab = vocab or vocabulary()
    found: list[Mention] = []
    index = vocab.head_index
    # the modifier walk reads the parallel word lists: a ``Word`` only for the phrases kept
    lowers, joined, texts, firsts, caps_free = words.lowers, words.joined, words.texts, words.firsts, words.caps_free
    modifiers = _modifier_memo(vocab)
    for i in [i for i, lower in enumerate(lowers) if lower in index]:
        type_ = index[lowers[i]]  # ``vocab.head_type``: the word is lower-cased already (lowering twice changes nothing)
        if type_ == "task" and i + 1 < len(lowers) and joined[i + 1] and lowers[i + 1] in _TASK_AS_MODIFIER:
            continue  # "segmentation masks", "generation quality": the task word only modifies a noun
        j, most = i, _MAX_MODIFIERS[type_]
        while j > 0 and joined[j] and i - j < most:
            k = j - 1
            modifier = modifiers.get(texts[k])  # ``_is_modifier``, remembered by word
            if modifier is None:
                if len(modifiers) >= 100_000:
                    modifiers.clear()
                modifier = modifiers[texts[k]] = _is_modifier(lowers[k], texts[k], vocab)
            if not modifier:
                break
            if firsts[k] and type_ != "task" and not (is_name_shaped(texts[k]) or texts[k][:1].isupper() and not caps_free[k]):
                break  # ``_nameish``: a plain word opening a sentence is no modifier
            j = k
        if j == i:
            continue
        if type_ == "task" and _verb_slot(text, words.starts[j], lowers[j]):
            j += 1  # "can jointly handle person detection", "in order to increase detection": a verb
            if j == i:
                continue
        mention = _typed_phrase(type_, words[j:i], words[i], text, vocab)
        if mention is not None:
            found.append(mention)
    return found


_VERB_BEFORE = re.compile(
    r"(?:\b(?:can|could|may|might|will|would|must|should|that|which|who|it|we|they|(?:order|able|how|aims?|learns?|helps?|used|ability|way) to)"
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))(?-i:To)|\b(?:have|has|had)|\w{3,}ly) $",
    re.IGNORECASE,
)
_PERFECT = ("have ", "has ", "had ")  # "have revolutionized code generation": only a participle is a verb there

# what every match of _VERB_BEFORE ends with, in the lower-cased text (keep in step)
_VERB_BEFORE_ENDS = tuple(f"{w} " for w in "can could may might will would must should that which who it we they to have has had ly".split())


def _verb_slot(text: str, start: int, word: str) -> bool:
    """The word at ``start`` stands where a verb goes: after a modal, a relative pronoun, "in order
    to" and the like, or an adverb (unless it is a participle: "weakly supervised detection")."""
    if start > 1 and text[start - 1] == " ":
        low = folded(text)  # every match ends in one of the pattern's words (or "ly") and the space
        if low is not None and not low.endswith(_VERB_BEFORE_ENDS, max(0, start - 20), start):
            return False
    m = _VERB_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    before = m.group().rstrip().lower()
    if before.endswith("ly") and (before in _NOT_ADVERBS or word.endswith(("ed", "en"))):
        return False
    if m.group().lower().endswith(_PERFECT) and not word.endswith("ed"):
        return False  # "has image classification": a noun after "has"
    return True


_NOT_ADVERBS = frozenset("early family daily weekly monthly yearly friendly assembly supply italy holy ugly anomaly only".split())


_NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence")
_WEAK_METRIC_HEADS = frozenset("error errors rate rates distance distances coefficient score scores".split())
_EVALUATED = re.compile(r"\d\s*(?:%|x\b|times\b)|\b(?:lower|higher|reduc\w*|improv\w*|outperform\w*|achiev\w*|in terms of|measured|evaluat\w*|report\w*|state-of-the-art|SOTA|of \d)", re.IGNORECASE)


def _evaluated(text: str, start: int, end: int) -> bool:
    """Results are reported near ``start:end`` (within its sentence, at most 80 characters away)."""
    lo = max(start - 80, text.rfind(". ", max(0, start - 80), start) + 1, 0)
    hi = text.find(". ", end, end + 80)
    return bool(_EVALUATED.search(text, lo, hi if hi >= 0 else min(len(text), end + 80)))


def _nameish(word: Word) -> bool:
    return is_name_shaped(word.text) or (word.text[:1].isupper() and not word.caps_free)


_MADE_BY = re.compile(r"-(?:generated|derived|augmented|synthesi[sz]ed|annotated|labell?ed|translated|produced|created|written)$")
_SHOT = re.compile(r"(?:zero|one|two|few|\d+|k)-shot")
_NOT_NOUNS = frozenset("overall average mean final total".split())


_SCOPED_HEADS = frozenset("accuracy accuracies precision".split())
_RATE_KINDS = frozenset("hit match".split())  # "cache hit rate", "exact match rate": a rate word that needs its object


def _measured_on(mod: Word, head: Word, vocab: Vocabulary) -> int:
    """How many words before a measure say what it measures: 1 for a task acronym, a "-domain" scope or
    a task noun ("QA accuracy", "in-domain accuracy", "retrieval precision"), 2 for a
    rate's own word after its object ("KV cache hit rate", "exact match rate"); else 0."""
    h, w = head.lower, mod.lower
    if h in ("rate", "rates"):
        return 2 if w in _RATE_KINDS else 0
    if h not in _SCOPED_HEADS:
        return 0
    if mod.text.isupper() and w in _TASK_ABBREVIATIONS or w.endswith("-domain"):
        return 1
    return 1 if mod.text.islower() and not w.endswith("ing") and vocab.head_type(w) == "task" and _noun_modifier(mod, vocab) else 0


def _termed_accuracy(mod: Word, head: Word, text: str, vocab: Vocabulary) -> bool:
    """An accuracy named by what it measures that the paper uses as a term: written in its title ("Evaluation
    of SQL Accuracy", an acronym) or twice ("measured by response accuracy ... response accuracy and efficiency")."""
    w, raw = mod.lower, mod.text
    if not w.replace("-", "").isalpha() or w in vocab.modifier_stop or w in _NOT_NOUNS or w.endswith(("ed", "ly", "ing")):
        return False
    if w.endswith("s") and not w.endswith(("ss", "is", "us")) and not raw.isupper():
        return False  # "improves accuracy", "models accuracy": a verb or a plural
    title_end = text.find(TITLE_SEPARATOR)
    if 0 <= mod.start < title_end:
        return raw.isupper()  # a title's "Calculation Accuracy" names the plain accuracy the abstract reports
    if not (raw.islower() or raw.isupper() and len(raw) > 1):
        return False
    phrase = text[mod.start : head.end].lower()
    low = folded(text) or text.lower()
    first = low.find(phrase)
    return first != -1 and low.find(phrase, first + len(phrase)) != -1  # written at least twice (as str.count counts)


def _noun_modifier(word: Word, vocab: Vocabulary) -> bool:
    """A plain lower-case word that can name what a task works on ("face", "error"), not a verb
    ("improves", "affect"), an adverb or an adjective of degree ("overall")."""
    w = word.lower
    return (
        word.text.islower() and w.replace("-", "").isalpha() and w not in vocab.modifier_stop and w not in _NOT_NOUNS
        and not w.endswith(("ed", "ly")) and not (w.endswith("s") and not w.endswith(("ss", "is", "us")))
        and (not w.endswith("ing") or w in vocab.nominal_ing)
    )


# bare measure words an annotator writes with what they measure ("reasoning accuracy", "prefill latency")
_BARE_MEASURES = frozenset("accuracy accuracies precision recall latency runtime".split())
_WORD_BEFORE = re.compile(r"(?:^|[\s(])([\w@-]+) $")
# a modal, "to" or an adverb before the modifier makes it a verb or an adjective: "can gain accuracy",
# "often degrade accuracy", "remarkably similar accuracy"
_VERB_OR_DEGREE_BEFORE = re.compile(r"(?i)\b(?:we|they|which|that|who|to|can|could|may|might|must|will|would|shall|should|often|also|not|never|still|\w+ly) $")
_DEGREE_WORDS = frozenset("greater null zero full perfect".split())
_ADJECTIVE_ENDS = ("ive", "al", "ous", "ful", "able", "ible", "ic")  # "predictive accuracy", "factual precision": a quality, not a kind


def qualified_measure(text: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """Is a bare measure word ("accuracy", "latency", "recall") written here with a noun that says what it
    measures ("QA accuracy", "reasoning accuracy", "prefill latency", "avg@32 accuracy")? Then the bare word
    is not what the paper reports at this mention. Not after a degree word ("higher"), a verb ("improves"),
    an adjective ("predictive"), a number or the evaluated system ("classifier accuracy", "model accuracy")."""
    if text[start:end].lower() not in _BARE_MEASURES:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    raw = before.group(1)
    w = raw.lower()
    if w in vocab.repeat_heads or w in vocab.generic_heads:
        return False
    if "@" in raw:
        return raw[0].isalpha()  # avg@32, pass@1
    if raw.isupper():
        return raw.isalpha() and len(raw) > 1 and f"({raw})" in text  # "question answering (QA) ... QA accuracy"
    parts = w.split("-")
    if w.endswith(_ADJECTIVE_ENDS) or w.endswith("-like") or any(x in vocab.modifier_stop or x in vocab.manner_modifiers for x in parts):
        return False  # "predictive", "human-like", "near-perfect", "strict"
    if text[start:end].lower().startswith("accura") and w.endswith(_NOMINAL_SUFFIXES):
        return False  # "classification accuracy": read by ``_typed_phrase``, which keeps the bare accuracy too
    if w.endswith("ing") or w in _DEGREE_WORDS or text.startswith("/", end):
        return False  # "tagging accuracy" (TDMSci keeps the bare accuracy), "greater accuracy", "null precision/recall"
    if _VERB_OR_DEGREE_BEFORE.search(text, max(0, before.start(1) - 20), before.start(1)):
        return False
    return _noun_modifier(Word(before.start(1), before.end(1), raw, w, True, False), vocab)


_PLURAL_OR_VERB = re.compile(r"[a-z]s$(?<!ss)(?<!us)(?<!is)(?<!ics)(?<!news)")  # "methods", "expresses"; not "class", "corpus", "analysis", "physics"
_MEANS_SUFFIXES = ("-based", "-aware", "-agnostic")  # "vector-based retrieval", "logic-aware retrieval": a variant of the step, not the problem
# a hyphened compound that says how or how far a step goes, not which task: it opens with a particle
# ("up-to-date", "from-scratch", "out-of-the-box"), repeats a unit ("step-by-step", "layer-by-layer") or runs
# between two degrees ("coarse-to-fine", "easy-to-hard"); "text-to-image", a conversion, names the task
_MANNER_COMPOUND = re.compile(
    r"^(?:from|up|out)-|-by-|^(?:coarse|fine|easy|hard|short|long|low|high|simple|local|global|small|large|weak|strong|slow|fast)"
    r"-to-(?:coarse|fine|easy|hard|short|long|low|high|simple|complex|local|global|small|large|weak|strong|slow|fast)$"
)
_TASK_ABBREVIATIONS = frozenset("qa ner pos mt nmt asr tts nli srl ocr rl llm llms nlp cv".split())


_ATTENTION_GIVEN = re.compile(
    r"(?i)\b(?:receiv|attract|draw|drew|pa(?:y|id)|gain|garner|devot|dedicat|deserv|captur|got)\w*\s+(?:[\w-]+\s+){0,2}attention$"
)


# a subject pronoun or a modal before a word makes it a verb ("we compare", "it cuts", "can conduct"); so does
# "have"/"has"/"had" before a participle ("have conducted"), and an adverb or a relative pronoun before a third-person
# form ("adaptively halts", "a composite metric that encompasses")
_SUBJECT_OR_MODAL_BEFORE = re.compile(r"(?i)\b(?:we|it|they|can|cannot|could|may|might|must|will|would|shall|should)\s+$")
_AUXILIARY_BEFORE = re.compile(r"(?i)\b(?:have|has|had)\s+$")
_ADVERB_BEFORE = re.compile(r"(?:[a-z]{3,}ly|\bthat|\bwhich|\bwho)\s+$")


def _verb_first(word: Word, text: str) -> bool:
    """Is ``word``, the first modifier of a method phrase, a verb of the clause before it?"""
    window = max(0, word.start - 20)
    if _SUBJECT_OR_MODAL_BEFORE.search(text, window, word.start):
        return True
    if word.lower.endswith("ed"):
        return _AUXILIARY_BEFORE.search(text, window, word.start) is not None
    return _PLURAL_OR_VERB.search(word.lower) is not None and _ADVERB_BEFORE.search(text, window, word.start) is not None


_KIND_SUFFIX = re.compile(r"-(?:level|focused|centric|specific|oriented|style)$")


def _language(word: str, vocab: Vocabulary) -> bool:
    """A language or a pair of them ("english", "english-telugu")."""
    return all(part in vocab.languages for part in word.split("-"))


def _typed_phrase(type_: str, mods: list[Word], head: Word, text: str, vocab: Vocabulary) -> Mention | None:
    start, end = mods[0].start, head.end
    if type_ == "dataset":
        # needs a name: "VoxCeleb dataset" -> VoxCeleb; "Spiking Heidelberg Dataset" stays whole
        while mods and not _nameish(mods[0]):
            mods = mods[1:]
        # "English corpora", "Chinese medical data", "Olympiad-level benchmarks": the data's language or kind, no name
        while mods and (_language(mods[0].lower, vocab) or _KIND_SUFFIX.search(mods[0].lower)):
            mods = mods[1:]
            while mods and not _nameish(mods[0]):
                mods = mods[1:]
        while len(mods) > 1 and mods[-1].lower in vocab.split_words:
            mods = mods[:-1]  # "WIDER FACE validation dataset" -> WIDER FACE: a split of the dataset
        if not mods or all(m.lower in _TASK_ABBREVIATIONS for m in mods):
            return None  # "open-domain QA benchmarks", "NER datasets": a kind of data, no name
        if _MADE_BY.search(mods[-1].lower):
            return None  # "TaP-generated datasets", "GPT-4-annotated data": data a method made, no name
        start = mods[0].start
        if head.text[0].isupper() and all(m.text[0].isupper() or is_name_shaped(m.text) for m in mods):
            return Mention(start, end, "dataset", "head:dataset", 0.9)
        return Mention(start, mods[-1].end, "dataset", "head:dataset", 0.85)
    if type_ == "method" and head.lower in _NAMED_ONLY:
        # "MOABB framework" -> MOABB; "a two-stage approach" -> nothing
        if not _nameish(mods[-1]) or not any(_nameish(m) and not m.first for m in mods):
            return None  # "deep architecture", "classifier refinement algorithm": a description
        k = len(mods)
        while k > 0 and _nameish(mods[k - 1]):
            k -= 1
        stem = strip_name_suffix(mods[-1].text)  # "a KV-cache-like mechanism" -> KV-cache
        return Mention(mods[k].start, mods[-1].start + len(stem), "method", "head:named", 0.7)
    if type_ == "metric":
        if mods[-1].lower == "learning" and head.lower in ("rate", "rates"):
            return None  # a learning rate is a hyperparameter
        nominal = mods[-1].lower.endswith(_NOMINAL_SUFFIXES) and mods[-1].text.islower()
        if head.lower in _WEAK_METRIC_HEADS and not (head.lower == "error" and nominal) and not _evaluated(text, start, end):
            return None  # "attenuation rate", "floating point errors": a metric only where results are reported
        if head.lower in ("accuracy", "accuracies", "error", "errors") and nominal:
            start = mods[-1].start
            if len(mods) > 1 and vocab.head_type(mods[-1].lower) == "task" and _noun_modifier(mods[-2], vocab):
                start = mods[-2].start  # "face recognition accuracy", "error detection accuracy": the task's accuracy
            return Mention(start, end, "metric", "head:compound", 0.65)  # "explanation accuracy" beats the lexicon's "accuracy"
        scoped = _measured_on(mods[-1], head, vocab)
        if scoped:  # "QA accuracy", "in-domain accuracy", "retrieval precision", "KV cache hit rate": the measure named with what it measures
            k = len(mods) - 1
            if scoped == 2 and k > 0 and (mods[k - 1].text.isupper() or _noun_modifier(mods[k - 1], vocab)):
                k -= 1
                while k > 0 and mods[k - 1].text.isupper() and mods[k - 1].text.isalpha():
                    k -= 1  # "KV cache hit rate"
            start = mods[k].start
            return Mention(start, end, "metric", "head:compound", 0.65)
        if head.lower in ("accuracy", "accuracies") and _SHOT.fullmatch(mods[-1].lower):
            start = mods[-1].start  # "one-shot accuracy", "5-shot accuracy": a named accuracy
            return Mention(start, end, "metric", "head:compound", 0.65)  # "explanation accuracy" beats the lexicon's "accuracy"
        if head.lower in ("accuracy", "accuracies") and _termed_accuracy(mods[-1], head, text, vocab):
            return Mention(mods[-1].start, end, "metric", "head:compound", 0.65)  # "response accuracy" twice, a title's "SQL Accuracy"
        return Mention(start, end, "metric", "head:metric", 0.6)
    if type_ == "task":
        if mods[0].lower in vocab.manner_modifiers:
            return None  # "optimal retrieval", "richer understanding": how well a step is done, no task
        if "-" in mods[0].lower and _MANNER_COMPOUND.search(mods[0].lower):
            if len(mods) == 1:
                return None  # "coarse-to-fine retrieval", "up-to-date retrieval": how a step is done, no task
            mods = mods[1:]  # "step-by-step image retrieval" -> image retrieval
            start = mods[0].start
        if len(mods) == 1 and mods[0].lower.endswith(_MEANS_SUFFIXES):
            # "graph-based retrieval": a way to do the step, a method; "context-aware planning": a property, nothing
            return Mention(start, end, "method", "head:method", 0.55) if mods[0].lower.endswith("-based") else None
        if any(_PLURAL_OR_VERB.search(m.text) for m in mods[:-1]):
            return None  # "embedding methods boost retrieval": a clause; a plural noun only right before the head ("speaker traits recognition")
        if head.lower == "reasoning":
            k = len(mods)
            while k > 0 and mods[k - 1].lower in vocab.reasoning_domains:
                k -= 1
            if k == len(mods):
                return None  # "structured reasoning", "concise reasoning": how a model reasons, no task
            start = mods[k].start  # "agent-based scientific reasoning" -> scientific reasoning
        return Mention(start, end, "task", "head:task", 0.6)
    if mods[0].text.islower() and _verb_first(mods[0], text):
        mods = mods[1:]  # "we analyze attention", "it can conduct query augmentation": the verb is no part of the name
        if not mods:
            return None
        start = mods[0].start
    if head.lower == "attention" and _ATTENTION_GIVEN.search(text, max(0, start - 30), end):
        return None  # "has received great attention", "we pay special attention to": interest, not a method
    if head.lower in vocab.repeat_heads:
        # "X model", "X training": an entity only when the paper repeats it (or proposes it)
        if len(mods) == 1 and (not _nameish(mods[0]) or mods[0].first):
            return None  # "video model", "target network", "test loss": one plain word says what it is for, not which
        return Mention(start, end, "method", "head:repeat", 0.45)
    return Mention(start, end, "method", "head:method", 0.55)


# ---------------------------------------------------------------------------------------------
# name-shaped words: PreRoutGNN, FastRP, node2vec, dKV-Cache

_DATASET_CONTEXT = re.compile(
    r"(?:\b(?:on|in|from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}|(?:datasets?|benchmarks)\s*(?:,|:|\(|such as|including|like|namely)?\s*(?:[\w./-]+\s*(?:,|,?\s+and)\s*)*)$",
    re.IGNORECASE,
)
# "the performance of ModernBERT", "a lightweight modification of MIDAS": what a system does or how it is changed, not data
_SYSTEM_OF = re.compile(
    r"\b(?:performance|modifications?|variants?|versions?|extensions?|efficacy|effectiveness|capabilit(?:y|ies)|abilit(?:y|ies)"
    r"|behaviou?rs?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_MODEL_SIZE = re.compile(r"[-‐](?:\d+(?:\.\d+)?[BbTt]|Instruct|Chat|Base|IT|SFT|DPO|RL)(?:[-‐]|$)")  # Foo-7B, Bar-8B-Instruct: a model
_VALUE_AFTER = re.compile(r" ?= ?\d")  # "FID=3.88", "EER = 0.9%"
_VALUE_BRACKET_BEFORE = re.compile(r"(?<![\w.,])\d+(?:\.\d+\s*%?|\s*%)\s*\($")  # "62.42 (GLEU)", "35% (MAP)"; not "Table 3 (X)"
_PERCENT_BEFORE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?\s*%\s+$")
_CHANGE_WORDS = frozenset("improvement improvements gain gains increase increases reduction reductions drop drops".split())
_COUNT_BEFORE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\s)\d+(?:\.\d+)?\s+$")  # "runs at 6 FPS", "12.7 FID": not a year
_EVAL_WORDS = re.compile(r"(?i)\b(?:dataset|datasets|benchmark|benchmarks|corpus|corpora|evaluat\w*|experiment\w*|test\w*|results?|trained on|train\w* on|accuracy|outperform\w*|state-of-the-art)\b")


def shaped_names(words: Words, text: str, sentences: Sentences, vocab: Vocabulary | None = None) -> list[Mention]:
    """Name-shaped words (and hyphenated chains of them), typed by their context."""
    vocab = vocab or vocabulary()
    found: list[Mention] = []
    # words seen before without the hint are skipped by a set lookup (most words of an abstract)
    no_hint = _NO_HINT
    texts, starts, ends, lowers, joined, n_words = words.texts, words.starts, words.ends, words.lowers, words.joined, len(words)
    candidates = [i for i, t in enumerate(texts) if t not in no_hint and _hinted(t)]
    has_eval_words: dict[int, bool] = {}  # per sentence start
    # ``_CHALLENGE_CUES.within(text, word.end, len(text))`` for every word at once: the last cue's start
    challenge_cue = _CHALLENGE_CUES.last_start(text) if candidates else -1
    for i in candidates:
        w_start = starts[i]  # the word's offsets (the parallel lists: no ``Word`` built)
        name = strip_name_suffix(texts[i])
        if not is_name_shaped(name) or name.lower() in vocab.generic_names or _glued_words(name):
            continue
        if name.isupper() and (len(name) <= 2 or _all_caps_region(words, i)):
            continue
        lo_mark, hi_mark = max(0, w_start - 6), w_start + len(name)
        if "]" in text[lo_mark : hi_mark + 3] and not name.isupper():
            if _AFFILIATION_AFTER.match(text, hi_mark) or _AFFILIATION_BEFORE.search(text, lo_mark, w_start):
                continue  # an author (or institution) in a list with affiliation markers
        if name[0].isupper() and _PERSON.fullmatch(name) and _before_affiliation(words, i, text):
            continue
        if name.islower() and _EMAIL_GROUP_AFTER.match(text, ends[i]):
            continue
        w_end = w_start + len(name)  # without a cut suffix ("TDNN-based" -> TDNN)
        type_, rule, conf = "method", "shape:method", 0.6
        s_start, s_end = sentences.around(w_start)
        lo = max(s_start, w_start - 80)
        before = text[lo : w_start]
        if _software_before(text, lo, w_start) and _SOFTWARE_BEFORE.search(before) or _SOFTWARE_AFTER.match(text, w_end):
            continue
        nxt = lowers[i + 1] if i + 1 < n_words and joined[i + 1] else None
        evaluated = has_eval_words.get(s_start)
        if evaluated is None:
            evaluated = has_eval_words[s_start] = _reports_results(text, s_start, s_end)
        if nxt in ("score", "scores", "metric") and vocab.head_type(nxt) == "metric":
            type_, rule, conf = "metric", "shape:metric", 0.6
        elif ends_in_measure(name) and not _MODEL_SIZE.search(name):
            type_, rule, conf = "metric", "shape:metric", 0.6  # EigenScore, d-BLEU, BERT-score, iso-FLOPs: a measure by its name
        elif _VALUE_AFTER.match(text, w_end) or text.startswith(")", w_end) and _VALUE_BRACKET_BEFORE.search(text, max(0, w_start - 14), w_start):
            type_, rule, conf = "metric", "shape:metric", 0.5  # "FID=3.88", "62.42 (GLEU)": a value of the name measures
        elif name.isupper() and (nxt is None or nxt in _PHRASE_ENDS or nxt in _CHANGE_WORDS) and _PERCENT_BEFORE.search(text, max(0, w_start - 12), w_start):
            type_, rule, conf = "metric", "shape:metric", 0.5  # "35% MAP improvements": a share of the name measures
        elif (
            name == texts[i] and name.isalpha() and name.isupper() and (nxt is None or nxt in _PHRASE_ENDS)
            and not text.startswith("[", w_end + 1) and _COUNT_BEFORE.search(text, max(0, w_start - 12), w_start)
        ):  # "runs at 6 FPS on a GPU": a unit after a number measures; not "37.9 DSSPN [132]", "20, 000 CJK characters"
            type_, rule, conf = "metric", "shape:metric", 0.5
        elif nxt is not None and name == texts[i] and name.isalpha() and name.isupper() and vocab.head_type(nxt) == "task":
            continue  # "CTR prediction", "TTS Synthesis": an acronym naming the task's input, not a method
        elif (evaluated and _DATASET_CONTEXT.search(before) and not _MODEL_SIZE.search(name) and not _SYSTEM_OF.search(before)
              and not (name != texts[i] and _MADE_BY.search(texts[i].lower()))):  # "TaP-generated data": TaP made it
            type_, rule, conf = "dataset", "shape:dataset", 0.55
        elif _YEAR_SUFFIX.search(name):
            type_, rule, conf = "dataset", "shape:dataset", 0.5  # CoNLL-2012, WMT2014: a release of data
        elif _BENCHMARK_SUFFIX.search(name):
            type_, rule, conf = "dataset", "shape:dataset", 0.55  # WritingBench, SWE-bench, HumanEval: a benchmark by its name
        campaign = name in vocab.campaigns or name[-1].isdigit() and _CAMPAIGN_NAME.match(name).group(1) in vocab.campaigns
        if campaign:  # "WMT 15", "IWSLT 2016", "SemEval-2018 Task 1"
            end = w_end if name[-1].isdigit() else _CAMPAIGN_YEAR.match(text, w_end).end()
            if end > w_end or name[-1].isdigit():
                end = _CAMPAIGN_TASK.match(text, end).end()  # a task or track of that edition
            short = _SHORT_EDITION.fullmatch(text, w_end, end) if end > w_end else None
            full = f"{name} 20{short.group(1)}" if short else None  # "WMT 16" where the paper also writes "WMT 2016"
            found.append(Mention(w_start, end, "dataset", "shape:campaign", 0.6, name=full if full and full in text else None))
            if end > w_end and not name[-1].isdigit():  # "CoNLL 2005, 2012": further editions of the same campaign
                year = _MORE_YEARS.match(text, end)
                while year:
                    found.append(Mention(year.start(1), year.end(1), "dataset", "shape:campaign", 0.6, name=f"{name} {year.group(1)}"))
                    year = _MORE_YEARS.match(text, year.end())
            continue
        challenge = _CHALLENGE_AFTER.match(text, w_end) if challenge_cue >= w_end else None
        if challenge:  # "the ISBI cell tracking challenge 2015": challenges are datasets
            found.append(Mention(w_start, challenge.end(), "dataset", "shape:dataset", 0.6))
            continue
        found.append(Mention(w_start, w_end, type_, rule, conf))
    return found


# software and products are not entities: "code is based on PyTorch / X", "frameworks like X or Y",
# "an X Lambda cluster", "the X Recommend product"
_SOFTWARE_BEFORE = re.compile(
    r"(?i)(?:\b(?:code|implementation)\s+(?:is\s+)?(?:based on|built (?:on|upon|with)|written in|implemented (?:in|with))"
    r"|\b(?:implemented|written)\s+(?:in|with|using)|\b(?:frameworks?|librar(?:y|ies)|toolkits?|packages?|platforms?|software)\s+(?:like|such as|including)"
    r"|\bavailable (?:in|for)(?: both)?)\s+(?:[\w.-]+\s*(?:/|\band\b|\bor\b)\s*)*$"
)
# what ends every match of _SOFTWARE_BEFORE, before the spaces it ends with (keep in step): a cue's last
# word ("like", "such as", "implemented in", "available for both") or a list's "/", "and", "or"
_SOFTWARE_TAILS = ("/", "and", "or", "like", "as", "including", "in", "for", "both", "with", "using", "on")


def _software_before(text: str, lo: int, start: int) -> bool:
    """False when ``_SOFTWARE_BEFORE`` cannot match ``text[lo:start]``: the word before the spaces in
    front of the name ends no cue and no list (most names); else ``_SOFTWARE_BEFORE_CUES.within``."""
    low = folded(text)
    if low is not None and not low.endswith(_SOFTWARE_TAILS, lo, _spaces_before(low, start)):
        return False
    return _SOFTWARE_BEFORE_CUES.within(text, lo, start)


_SOFTWARE_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*)?\s+(?:library|libraries|package|packages|toolkit|toolbox|product|products|platform|cluster|clusters|service|services|software|API|SDK|cloud)\b"
)
_BENCHMARK_SUFFIX = re.compile(r"(?<=[\w-])(?:Bench|bench|Eval|Arena)(?:-\w+)?$")
_YEAR_SUFFIX = re.compile(r"(?<=[A-Za-z])-(?:19[89]\d|20[0-4]\d)$")
_CHALLENGE_AFTER = re.compile(r"(?:\s+[a-z]+){0,3}\s+[Cc]hallenge(?:\s+(?:19|20)\d\d\b)?(?![\w-])")
# a campaign's edition (anchored at the name's end): a year ("WMT 15", "NIST 2000", "WMT’14"), then a task or track
_CAMPAIGN_NAME = re.compile(r"(.+?)(?:[-’']?\d{2,4})?$")  # "WMT’14", "CoNLL-2012", "SemEval2017": the campaign
_CAMPAIGN_YEAR = re.compile(r"(?:[ -]?[’']?(?:19|20)?\d\d(?![\w.,-]?\d))?")
_SHORT_EDITION = re.compile(r" (\d\d)")
_MORE_YEARS = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)((?:19|20)\d\d)(?![\w-]|\.\d)")
_CAMPAIGN_TASK = re.compile(r"(?:\s+[Tt](?:ask|rack)\s+\d+(?!\.?\d))?")
_SOFTWARE_BEFORE_CUES, _CHALLENGE_CUES = Gate(_SOFTWARE_BEFORE), Gate(_CHALLENGE_AFTER)
_EVAL_STARTS = [literal for literal, _, _ in anchors(_EVAL_WORDS) or ()]  # every match starts with one (``scan.anchors``)
assert _EVAL_STARTS, "_EVAL_WORDS must open with its literals"


def _reports_results(text: str, start: int, end: int) -> bool:
    """``_EVAL_WORDS.search(text, start, end) is not None``, the pattern tried only where one of the
    words it opens with stands at a word start (a sentence has a few; the search would try the
    pattern at each of its ~150 positions). The word found moves to the front for the next sentence."""
    low = folded(text)
    if low is None:
        return _EVAL_WORDS.search(text, start, end) is not None
    find, match, order = low.find, _EVAL_WORDS.match, _EVAL_STARTS
    for k, literal in enumerate(order):
        i = find(literal, start, end)
        while i >= 0:
            if not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")) and match(text, i, end):
                if k:
                    order.insert(0, order.pop(k))
                return True
            i = find(literal, i + 1, end)
    return False
_SHAPE_HINT = re.compile(r"[A-Z].*[A-Z]|[a-z][A-Z]|\d|[\u0370-\u03ff]")
_NO_HINT: set[str] = set()  # word texts the hint does not match (bounded: cleared when full)


def _hinted(word: str) -> bool:
    """``_SHAPE_HINT.search(word)``, remembering the words it does not match."""
    if _SHAPE_HINT.search(word):
        return True
    if len(_NO_HINT) >= 200_000:
        _NO_HINT.clear()
    _NO_HINT.add(word)
    return False


_HUMP = re.compile(r"[^\W\d_][^\W\d_A-Z]{3,}")  # a capitalised word inside a glued token
_LOWER_RUN = re.compile(r"[a-z]{16}")
_LAYOUT_VALUE = re.compile(r"\d+(?:\.\d+)?[a-z]+|[a-z]{6,}\d+\.\d+")  # "0.2em", "darkbluergb0.0"
# metadata a PDF or LaTeX source leaves glued after an abstract: author lists, affiliations, dates, ids
_METADATA = re.compile(
    r"(?<=[^\W\d_A-Z]{4})(?:of|and|for|with)(?=[A-Z][^\W\d_A-Z])|^(?:and|with)(?=[A-Z][a-z])"  # UniversityofCalifornia, andYoshuaBengio
    r"|[A-Z]\.[A-Z][a-z]{2,}"  # initials glued to a surname: W.Xiong, D.YuandG.Zweig
    r"|[^\W\d_](?:University|Institute|Laboratory|Research|College)(?![a-z])|^(?:Universit|Institut|Department|Laborator)\w*?[^\W\d_A-Z][A-Z]"  # PekingUniversity
    r"|(?<=[A-Z]{3})(?:of|and|for|with)(?=[A-Z][a-z])"  # CNNforOrdinalRegression
    r"|^(?:aff|fn|ccs|fig|tab|eq|sec)\d+$"  # LaTeX / ACM ids: aff1, fn1, ccs2012
    r"|(?:January|February|March|April|June|July|August|September|October|November|December)\d|^(?:19|20)\d\d[A-Z][a-z]"  # dates
    r"|HTML[0-9A-F]{6}|^(?:black|blue|red|green|cyan|magenta|yellow|gr[ae]y|white|orange|purple|brown)(?=[A-Z][a-z])"  # colours: cyanHTML307D7E, blackEnsemble
    r"|^(?P<label>[a-z]{3,})(?i:(?P=label))"  # a LaTeX label before its text: algoAlgorithm
    r"|(?:^|(?<=[A-Z\d]))(?:cdots?|ldots|times|mathbf|mathrm|mathcal|frac|textbf|textit|emph|sqrt)(?=[A-Z\d]|$)"  # TeX macros: HyperZcdotZcdotW
    r"|[a-z]\.(?!(?:com|org|net|io|ai)\b)[a-z]{2,}"  # e-mail parts, file names, section numbers: enpc.fr1, 3.c.ii
    r"|(?P<entry>\w{0,24}(?:[a-z][A-Z]|[a-z]\d)\w{0,24})(?P=entry)"  # a glossary entry repeating its label: MemNNMemNNMemoryNetwork
)
# user names in an e-mail group: "{liukai20, hewei06} @baidu.com"
_EMAIL_GROUP_AFTER = re.compile(r"[^{}@\n]{0,80}\}\s*@")
# an author's affiliation marker: "[2] KaiLiu", "1] JonathanShen1]", "ZonghengYang 1]"
_AFFILIATION_BEFORE = re.compile(r"(?<![\d,])\d\*?\]\s*$")  # one digit: "[40] HOTS" is a citation
_AFFILIATION_AFTER = re.compile(r"\s?\d?\]")


_PERSON = re.compile(r"[A-Z][^\W\d_A-Z]+(?:[A-Z][^\W\d_A-Z]+)+")  # a name glued to a surname: TomSercu, GeorgesLinarès
_LIST_GAP = re.compile(r"[\s,]*")


def _before_affiliation(words: Words, i: int, text: str) -> bool:
    """An author list run together by PDF extraction: person-shaped words, separated by spaces or
    commas only, up to a glued affiliation ("TomSercu BrianKingsbury CenterforDataScience")."""
    texts, starts, ends, gap = words.texts, words.starts, words.ends, _LIST_GAP.fullmatch
    for j in range(i + 1, min(len(words), i + 10)):
        if not gap(text, ends[j - 1], starts[j]):
            return False
        if _glued_words(texts[j]):
            return True
        if not _PERSON.fullmatch(texts[j]):
            return False
    return False


@lru_cache(maxsize=1 << 15)  # the same names recur within and across papers; bounded
def _glued_words(name: str) -> bool:
    """Words glued together by PDF extraction, not a name: a title or affiliation run together
    ("NeuralMessagePassingforQuantumChemistry", "Thisworkwasdonewhile..."), author and affiliation
    metadata (`_METADATA`), or a layout value with no capital ("0.2em", "darkbluergb0.0")."""
    if _LOWER_RUN.search(name) or _METADATA.search(name):
        return True
    if not any(c.isupper() for c in name):
        return bool(_LAYOUT_VALUE.fullmatch(name))
    return any(sum(1 for h in _HUMP.findall(part) if h[0].isupper()) >= 4 for part in name.split("-"))


def _all_caps_region(words: Words, i: int) -> bool:
    """Inside a shouted title or heading (three all-caps words in a row)."""
    lo, hi = max(0, i - 2), min(len(words), i + 3)
    caps = [t for t in words.texts[lo:hi] if t.isupper() and len(t) > 1]
    return len(caps) >= 3 and all(not any(c.isdigit() for c in t) for t in caps)


# ---------------------------------------------------------------------------------------------
# cue phrases: "in terms of X", "the task of X", "called X"

_TERMS_OF = prefiltered(r"(?i)\b(?:in terms of|measured by|as measured by|evaluated (?:by|with|using)|metrics? (?:such as|like|including)|metrics?,?\s+(?:namely|i\.e\.,?))\s+((?:[\w@-]+(?:\s*[,/]\s*|\s+and\s+|\s+or\s+|\s+))+)")
_NP_GOES_ON = re.compile(r" ([a-z][\w-]*)")
_PHRASE_ENDS = frozenset("in on for with from by and or to using via which that is are was were as where given under over of at into through based without while when across".split())
_TASK_OF_CORE = re.compile(r"(?:task|problem)s?\s+of\s")  # in the lower-cased text of every match of _TASK_OF (keep in step)


def _task_of_starts(low: str) -> set[int]:
    """Where ``_TASK_OF`` can match in the lower-cased text: read backwards from each "task" or
    "problem" that opens ``_TASK_OF_CORE``, the start of the article or adjective that ends the
    spaces before it (instead of trying the pattern at every position of a text that has one)."""
    starts: set[int] = set()
    match, find = _TASK_OF_CORE.match, low.find
    for word in ("task", "problem"):
        i = find(word)
        while i >= 0:
            if match(low, i):
                k = _spaces_before(low, i)
                if k < i:
                    starts.update(k - len(lead) for lead in _TASK_OF_LEADS if low.endswith(lead, 0, k))
            i = find(word, i + 1)
    return starts


_TASK_OF_LEADS = ("the", "a", "this", "challenging", "important")  # the words that open every match of _TASK_OF (keep in step)
_TASK_OF = prefiltered(r"(?i)\b(?:the|a|this|challenging|important)\s+(?:task|problem)s?\s+of\s+((?:[\w-]+\s+){0,3}[\w-]+(?:ing|ion|sis|ment))\b")


# named resource quantities: "training cost", "quantization time", "GPU hours", "model size" (where results are reported)
_RESOURCE_FIRST = ("training", "inference", "quantization", "quantisation", "sampling", "running", "search", "decoding", "processing", "wall-clock", "gpu")
_RESOURCE_SECOND = ("cost", "time", "hours", "speed")  # what every second word holds (and "size" after "model"): keep in step
_RESOURCE_METRIC = prefiltered(
    r"(?i)\b(?:(?:" + "|".join(_RESOURCE_FIRST) + r")\s+(?:costs?|times?|hours|speed)|model\s+sizes?)\b"
)


_COST_PER = prefiltered(r"(?i)\bcost\s+per\s+[a-z]+\b")  # "cost per query", "cost per token": a cost named by its unit


def _resource_metrics(text: str) -> Iterator[re.Match[str]]:
    """``_RESOURCE_METRIC.finditer(text)``, starting from the second word (cost, time, hours, speed,
    size: 5 searches) and trying the pattern where the word before the spaces is a first word,
    instead of one search per first word (12)."""
    return matches_from(_RESOURCE_METRIC, text, _resource_starts)


def _resource_starts(low: str) -> set[int]:
    starts: set[int] = set()
    find = low.find
    for second, firsts in (*((s, _RESOURCE_FIRST) for s in _RESOURCE_SECOND), ("size", ("model",))):
        j = find(second)
        while j >= 0:
            w = _spaces_before(low, j)
            if w < j and low.endswith(firsts, 0, w):
                starts.update(w - len(first) for first in firsts if low.endswith(first, 0, w))
            j = find(second, j + 1)
    return starts


# a phenomenon a paper studies is what links papers: "the grokking phenomenon", "a phenomenon called
# Length Collapse", "Grokking, or delayed generalization, is a phenomenon"
_PHENOMENON = (
    prefiltered(r"(?i)\bthe\s+([a-z][\w-]+(?:\s+[a-z][\w-]+)?)\s+phenomen(?:on|a)\b"),
    prefiltered(r"\bphenomen(?:on|a)\s+(?:called|known as|termed|dubbed|named|referred to as)\s+((?:[A-Z][\w-]*\s+)?[A-Za-z][\w-]+)"),
    prefiltered(r"(?:^|(?<=\n)|(?<=[.!?]\s))([A-Z][a-z][\w-]+)(?:,[^,.]{1,120},)?\s+is\s+an?\s+(?:[\w-]+\s+){0,2}phenomenon\b"),
)


def cue_phrases(text: str, vocab: Vocabulary | None = None) -> list[Mention]:
    """Metrics after "in terms of" (each item of a list), tasks after "the task of"."""
    vocab = vocab or vocabulary()
    found: list[Mention] = []
    low = folded(text)
    for m in _TERMS_OF.finditer(text):
        chunk_start = m.start(1)
        for item in re.finditer(r"[^,/]+", m.group(1)):
            raw = item.group()
            raw = re.split(r"\s+(?:and|or)\s+", raw)
            offset = chunk_start + item.start()
            for piece in raw:
                pos = text.find(piece, offset)
                s = pos + len(piece) - len(piece.lstrip())
                e = pos + len(piece.rstrip())
                words = piece.split()
                if not words or vocab.head_type(words[-1]) != "metric" and not any(is_name_shaped(w) for w in words):
                    offset = e
                    continue  # "in terms of generalization ability": only metric heads and names
                if 1 <= len(words) <= 3 and all(w.lower() not in vocab.modifier_stop for w in words):
                    found.append(Mention(s, e, "metric", "cue:terms-of", 0.6))
                offset = e
            if len(found) > 6:
                break
    for m in _resource_metrics(text):
        # a stage's cost in the singular is itself the quantity ("minimizing the overall inference cost", "a
        # fraction of the total training cost"); plural costs are expenses ("increases training costs"), and
        # time, hours or speed are metrics only where results are reported
        if m.group().lower().endswith("cost") or _evaluated(text, m.start(), m.end()):
            found.append(Mention(m.start(), m.end(), "metric", "cue:resource", 0.6))
    for m in _COST_PER.finditer(text):
        found.append(Mention(m.start(), m.end(), "metric", "cue:resource", 0.6))
    for pattern in _PHENOMENON if low is None or "phenomen" in low else ():  # what each of them needs: one search for the three
        for m in pattern.finditer(text):
            phrase = m.group(1)
            if phrase.lower() not in vocab.modifier_stop and phrase.lower() not in vocab.generic_names:
                found.append(Mention(m.start(1), m.end(1), "task", "cue:phenomenon", 0.6))
    for m in _TASK_OF.finditer(text) if low is None else matches_at(_TASK_OF.pattern, text, _task_of_starts(low)):
        phrase_words = m.group(1).split()
        while phrase_words and phrase_words[0].lower() in vocab.modifier_stop:
            phrase_words = phrase_words[1:]
        if phrase_words and phrase_words[0].lower().endswith("ing") and phrase_words[0].lower() not in vocab.nominal_ing:
            continue  # "the task of inferring missing facts": a gerund with its object describes, it names no task
        cut = _NP_GOES_ON.match(text, m.end(1))
        if cut and cut.group(1) not in _PHRASE_ENDS:
            continue  # "the problem of answering cloze-style questions": the noun phrase goes on past the cut
        if phrase_words and " ".join(phrase_words).lower() not in vocab.generic_names:
            s = m.end(1) - len(" ".join(phrase_words))
            found.append(Mention(s, m.end(1), "task", "cue:task-of", 0.65))
    return found


# a list of plain capitalised names after an evaluation cue: "experiments on Sokoban, Maze, and Taxi", "game
# environments, Overcooked and Minecraft", "two case studies: Minepump and Atari Seaquest" -- environments evaluated on
_LISTED_NAME = r"[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,})?"
_LISTED = re.compile(_LISTED_NAME)
_EVALUATED_LIST = prefiltered(
    r"\b(?i:(?:experiments?|evaluations?|evaluated|tested|trials)\s+(?:on|in|across)(?:\s+the)?"
    r"|case\s+stud(?:y|ies)\s*:|(?:environments|games|simulators)\s*(?:,|:|such\s+as|including|like))\s+"
    rf"({_LISTED_NAME}(?:\s*,\s*{_LISTED_NAME})*\s*,?\s+(?:and|or)\s+{_LISTED_NAME})"
    r"(?!\s+(?i:models?|LLMs?|architectures?|networks?|famil\w*|series|languages?|settings?|scenarios?|regimes?|tasks?|conditions?|modes?|domains?|variants?)\b)(?![\w-])"
)


# what opens every match of _EVALUATED_LIST, in the lower-cased text (keep in step): its case-insensitive
# cue group gives ``scan.anchors`` nothing to read, so the pattern was tried at every character (~50 us a text)
_EVALUATED_LIST_LEADS = ("experiment", "evaluat", "tested", "trials", "case", "environments", "games", "simulators")


def _evaluated_list_starts(low: str) -> list[int]:
    """Where ``_EVALUATED_LIST`` can match in the lower-cased text: the places of its opening words."""
    starts: list[int] = []
    find = low.find
    for lead in _EVALUATED_LIST_LEADS:
        i = find(lead)
        while i >= 0:
            starts.append(i)
            i = find(lead, i + 1)
    return starts


def evaluated_lists(text: str, vocab: Vocabulary | None = None) -> list[Mention]:
    """Each plain name of a list the paper runs its experiments on is a dataset (an environment or game)."""
    vocab = vocab or vocabulary()
    found: list[Mention] = []
    for m in matches_from(_EVALUATED_LIST, text, _evaluated_list_starts):
        items = list(_LISTED.finditer(m.group(1)))
        if any(_language(item.group().lower(), vocab) or item.group().lower() in vocab.generic_names for item in items):
            continue  # "experiments on English and German": languages, not environments
        found.extend(Mention(m.start(1) + item.start(), m.start(1) + item.end(), "dataset", "cue:evaluated-list", 0.6) for item in items)
    return found


# ---------------------------------------------------------------------------------------------
# proposals: the title's "X: ..." prefix, "we propose X", "called X"

_TITLE_PREFIX = re.compile(r"^\s*([^:]{2,60}?)\s*:(?:\s+\S|\s*$)")
_GLUED_PREFIX = re.compile(r"^\s*([^\s:]{2,40}):(?=[A-Z][a-z])")
_PROPOSE = re.compile(
    r"(?i)\b(?:we|this (?:paper|work|study)|our (?:paper|work)|here,? we)\s+(?:(?:will|also|further|then|first|thus|therefore|hence|now|have|has)\s+){0,2}"
    r"(?:propose|introduce|present|develop|design|devise|build|built|create|construct|release|contribute|offer|establish|curate|collect)(?:s|e?d)?\s+"
)
_NAMING = re.compile(r"(?i)\b(?:called|dubbed|named|coined|termed|nicknamed|referred to as|we call(?: it)?|we term(?: it)?|we name(?: it)?|which we call|we refer to (?:it |this )?as)\s+[\"'“‘]?$")


def title_prefix(title: str) -> tuple[int, int] | None:
    """The span of a name before the title's colon ("dKV-Cache: The Cache for ...")."""
    m = _TITLE_PREFIX.match(title)
    if not m:  # "ASPECT:Analogical Semantic ...": a name glued to the rest by its colon
        m = _GLUED_PREFIX.match(title)
        if not m or not is_name_shaped(m.group(1)):
            return None
    name = m.group(1)
    words = name.split()
    if len(words) > 4:
        return None
    if not any(is_name_shaped(w) for w in re.split(r"[\s/]", name)) and len(words) > 3:
        return None
    if len(words) > 1 and not all(w[0].isupper() or w[0].isdigit() or is_name_shaped(w) for w in words):
        return None  # Title Case; digits are no lower-case word ("FlowNet 2.0", "3D")
    lowered = [w.lower() for w in words]
    capitals = len(words) == 1 and len(name) > 2 and name.isupper()  # "ASPECT:" spells a name, not the word
    if lowered[-1] in vocabulary().modifier_stop and not capitals or lowered[0] in _TITLE_FUNCTION:
        return None
    if any(w in _TITLE_FUNCTION or w in _TITLE_VERBS for w in lowered) or lowered[0].endswith("ing") and lowered[0] not in vocabulary().nominal_ing:
        return None  # "Rethinking Video Tokenization:", "Stretching Each Dollar:", "Temporal Feature Matters:"
    if name.lower() in vocabulary().generic_names or any(c in name for c in "?!"):
        return None
    return m.start(1), m.start(1) + len(name)


_TITLE_PHRASE = r"((?:[\w'’-]+\s+){0,4}[\w'’-]+)"
_LEAD_END = r"(?:for|via|with|without|in|on|through|from|as|using)\s"
_TITLE_LEAD = re.compile(r"^\s*(?:an?\s+|the\s+)?" + _TITLE_PHRASE.replace("(?:[", "(?:(?!" + _LEAD_END + ")[", 1) + r"(?:\s+" + _LEAD_END + r"|\s*$)", re.IGNORECASE)
_TITLE_MEANS = re.compile(r"\b(?:via|with|using|through)\s+(?:an?\s+|the\s+)?" + _TITLE_PHRASE + r"(?=\s*(?::|$|\s+(?:for|in|on|and|to)\s))", re.IGNORECASE)
_TITLE_LIST = re.compile(r":\s+((?:[^,:]{3,45},\s+)+[^,:]{3,45}?,?\s+and\s+[^,:]{3,45})$")
_TITLE_AFTER_COLON = re.compile(r":\s+(?:The|An?)\s+((?:[A-Z][\w'’-]*\s+){1,4}[A-Z][\w'’-]*)\s*$")
_AND = re.compile(r"(?<!\S)(?!and\s)\S+(?:\s+(?!and\s)\S+)*")  # the conjuncts of "X and Y"
_TITLE_FUNCTION = frozenset("a an the on of to in for is are be do does can how why what when where which towards toward beyond each every all our your we you it its this that these those".split())
_TITLE_VERBS = frozenset("matters matter helps help works work beat beats meets meet revisited revisiting rethinking makes make enables enable".split())


def title_lead(title: str) -> tuple[int, int] | None:
    """The span of a Title Case title's leading noun phrase of 3-5 capitalised words, before
    "for/via/with/..." or filling the whole title ("Stacked Hourglass Networks for ...")."""
    m = _TITLE_LEAD.match(title)
    if m is None or not is_title_case(title):
        return None
    words = m.group(1).split()
    if not 3 <= len(words) <= 5 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return None
    return m.span(1)


def title_methods(title: str, vocab: Vocabulary | None = None) -> list[tuple[int, int, str]]:
    """Method names a title gives, as (start, end, kind): the leading noun phrase ("Sequential
    Gradient Coding For ..."), a means ("... via Fixed Dimensional Encodings"), the whole title
    ("Flow Equivariant Recurrent Neural Networks") and components listed after the colon
    ("X: Global Circuit Pre-training, Local Delay Learning and Attentional Cell Modeling")."""
    vocab = vocab or vocabulary()
    found: list[tuple[int, int, str]] = []
    m = _TITLE_LEAD.match(title)
    if m and _title_name(m.group(1), vocab, lead=True):
        found.append((m.start(1), m.end(1), "lead"))
    for m in _TITLE_MEANS.finditer(title):
        if _title_name(m.group(1), vocab, lead=False):
            found.append((m.start(1), m.end(1), "means"))
        elif " and " in m.group(1) and any(c in m.group(1).rsplit(" and ", 1)[1] for c in " -"):
            # "Through Symbolic Reflection and Modular Optimisation": two means ("with Sparse Reads and Writes": one)
            for piece in _AND.finditer(m.group(1)):
                if _title_name(piece.group(), vocab, lead=False):
                    found.append((m.start(1) + piece.start(), m.start(1) + piece.end(), "means"))
    m = _TITLE_AFTER_COLON.search(title)
    lowered = m.group(1).lower().split() if m else []
    if m and vocab.head_type(lowered[-1]) == "method" and lowered[-1] not in _GENERIC_TAIL and lowered[-1] not in vocab.generic_heads and not any(w in _TITLE_VERBS for w in lowered) and " ".join(lowered) not in vocab.generic_names:
        found.append((m.start(1), m.end(1), "subtitle"))  # "Striving for Simplicity: The All Convolutional Net"
    m = _TITLE_LIST.search(title)
    if m:
        offset = m.start(1)
        for item in re.finditer(r"[^,]+", m.group(1)):
            for piece in re.split(r"\s+and\s+", item.group()):
                pos = title.find(piece.strip(), offset)
                if pos >= 0 and _title_name(piece.strip(), vocab, lead=False):
                    found.append((pos, pos + len(piece.strip()), "component"))
                offset = max(offset, pos)
    return found


_SUBJECT_VERB_STEMS = ("Improve", "Enable", "Elicit", "Boost", "Unlock", "Enhance", "Help", "Drive", "Mitigate", "Reduce")
_TITLE_SUBJECT = re.compile(
    r"(?:^|:\s+)((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+"
    rf"(?:{'|'.join(stem + 's?' for stem in _SUBJECT_VERB_STEMS)})\s"
)
_QUESTION_WORDS = frozenset("does do did can could how why what which when where who whether".split())


def title_subject(title: str, vocab: Vocabulary | None = None) -> tuple[int, int] | None:
    """The span of a short Title Case phrase that opens the title (or its part after a colon) as the
    subject of an effect verb ("Iterative Deployment Improves Planning Skills in LLMs", "...:
    Self-Correction Enables ..."): what the paper puts forward and tests. Not in a question."""
    if "?" in title or not any(v in title for v in _SUBJECT_VERB_STEMS):
        return None
    m = _TITLE_SUBJECT.search(title)
    if m is None:
        return None
    lowered = m.group(1).lower().split()
    if lowered[0] in _TITLE_FUNCTION or lowered[0] in _QUESTION_WORDS or " ".join(lowered) in (vocab or vocabulary()).generic_names:
        return None
    return m.span(1)



_FALLBACK_LEAD = re.compile(r"^\s*(?:an?\s+|the\s+)?((?:(?!(?:for|via|with|without|in|on|through|from|as|using|to|of)\s)[\w'’-]+\s+){1,5}?[\w'’-]+)\s+(?:for|via|with|without|in|on|through|from|as|using)\s", re.IGNORECASE)


def title_fallback_lead(title: str, vocab: Vocabulary | None = None) -> tuple[int, int] | None:
    """The title's leading noun phrase as the paper's method when its head is a task word or
    unknown ("Invariant Information Clustering for ...", "Direct Output Connection for ..."); only
    a fallback for a paper that names no proposal of its own (the caller checks that)."""
    vocab = vocab or vocabulary()
    m = _FALLBACK_LEAD.match(title)
    if m is None or not is_title_case(title):
        return None
    words = m.group(1).split()
    inner = [w for w in words[1:-1] if w != "and"]
    if len(words) < 2 or not all(w[0].isupper() or w[0].isdigit() for w in [words[0], *inner, words[-1]]):
        return None
    lowered = [w.lower() for w in words]
    if any(w in _TITLE_FUNCTION or w in _TITLE_VERBS for w in lowered):
        return None
    if any(w.endswith("s") and not w.endswith("ss") and not is_name_shaped(w) for w in words[:-1]):
        return None
    first, head = lowered[0], lowered[-1]
    if first.endswith(("ing", "ly", "er")):
        return None  # "Boosting X Efficiency with ...", "Sharper Bounds for ...": not a name
    if first in vocab.modifier_stop and first not in _NAME_ADJECTIVES:
        return None
    head_type = vocab.head_type(head) or vocab.head_type(head.rstrip("s"))
    if head_type in ("metric", "dataset") or head in vocab.phenomenon_heads or head in ("theory", "theorem"):
        return None
    if head in _GENERIC_TAIL or head in vocab.generic_heads or head in vocab.lead_stop_heads or " ".join(lowered) in vocab.generic_names:
        return None
    return m.start(1), m.end(1)


# "a Plan Agent for ...", "A conversational Co-Scientist Agent translates ...", "a set of Annotation Agents"
_AGENT_ROLE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}((?:[A-Z][a-z][\w-]*\s+){1,3}Agents?)(?![\w-])")


def agent_roles(text: str, start: int) -> list[tuple[int, int]]:
    """Capitalised agent roles the abstract introduces with an article ("orchestrates four core agents,
    including a Plan Agent ..., an Update Agent ..."), where the paper says it builds something ("we
    developed ..."): the named parts of the paper's own system."""
    if text.find("Agent", start) < 0 or not _PROPOSAL_SENTENCE.search(text, start):
        return []
    return [m.span(1) for m in _AGENT_ROLE.finditer(text, start)]


_OUR_PHRASE = re.compile(r"(?:proposed\s+|novel\s+|new\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){1,3})")


def title_echoes(text: str, title_end: int, vocab: Vocabulary | None = None) -> list[tuple[int, int]]:
    """Spans in the abstract where "our X" repeats 2+ words of a Title Case title ("... using
    Hierarchical Fusion with ..." and "our hierarchical fusion gives"): the paper's own method."""
    vocab = vocab or vocabulary()
    title = text[:title_end]
    if not is_title_case(title):
        return []
    title_words = [w.lower() for w in re.findall(r"[\w'’-]+", title)]
    found: list[tuple[int, int]] = []
    pos = text.find("our ", title_end)
    while pos >= 0:
        if pos == 0 or not text[pos - 1].isalnum():
            m = _OUR_PHRASE.match(text, pos + 4)
            words = m.group(1).split() if m else []
            best = 0
            for k in range(len(words), 1, -1):  # the longest run of the title's words
                if any(title_words[i : i + k] == words[:k] for i in range(len(title_words) - k + 1)):
                    best = k
                    break
            name = words[:best]
            if name and vocab.head_type(name[-1]) in (None, "method") and name[-1] not in _TITLE_FUNCTION and name[0] not in vocab.modifier_stop and " ".join(name) not in vocab.generic_names:
                ends = [w.end() for w in re.finditer(r"\S+", m.group(1))]
                found.append((m.start(1), m.start(1) + ends[best - 1]))
        pos = text.find("our ", pos + 4)
    return found


_NETWORK_HEADS = frozenset("network networks net nets".split())
_FAMILY_ING = frozenset("learning spiking training processing computing programming".split())  # "Spiking Networks": a family


def _ing_networks(lowered: list[str], vocab: Vocabulary, lead: bool) -> bool:
    """A title leading with "<nominal -ing> Networks" ("Matching Networks for One Shot Learning"):
    the -ing word names what the network does, so the pair is a name despite its generic head."""
    return lead and lowered[-1] in _NETWORK_HEADS and lowered[0] in vocab.nominal_ing and lowered[0] not in _FAMILY_ING


def _title_name(phrase: str, vocab: Vocabulary, lead: bool) -> bool:
    """A Title Case noun phrase of 2-4 words whose head is not a task, metric, dataset or generic word."""
    words = phrase.split()
    if len(words) == 1 and not lead and is_name_shaped(strip_name_suffix(words[0])) and not words[0].isupper():
        return words[0].lower() not in vocab.generic_names  # "... with Coupled-LSTMs"
    if not 2 <= len(words) <= 5 or not all(w[0].isupper() or w[0].isdigit() or is_name_shaped(w) for w in words):
        return False
    lowered = [w.lower() for w in words]
    if any(w in _TITLE_FUNCTION or w in _TITLE_VERBS for w in lowered):
        return False
    if any(w.endswith("s") and not w.endswith("ss") and not is_name_shaped(w) for w in words[:-1]):
        return False  # "Diffusion Models Beat GANs", "X Operator Connects Y": a verb follows a plural
    first, head = lowered[0], lowered[-1]
    if first.endswith("ing") and first not in vocab.nominal_ing and "-" not in first or first.endswith("ly") or first == "learning":
        return False
    if lead and first in vocab.modifier_stop and first not in _NAME_ADJECTIVES:
        return False
    head_type = vocab.head_type(head) or vocab.head_type(head.rstrip("s"))
    if head_type in ("task", "metric", "dataset") or head in vocab.phenomenon_heads or head in ("theory", "theorem"):
        return False
    if head in _GENERIC_TAIL or head in ("architecture", "architectures") or head in vocab.generic_heads and len(words) < 3 and not _ing_networks(lowered, vocab, lead):
        return False
    if lead and head_type != "method" and not head.endswith(("ing", "ings")):
        return False
    return " ".join(lowered) not in vocab.generic_names


def proposes(text: str, start: int = 0) -> bool:
    """The text from ``start`` states a proposal ("we present a novel ...", "this paper proposes ...",
    "our proposed method")."""
    return bool(_PROPOSE.search(text, start) or _PROPOSED_METHOD.search(text, start))


_PROPOSED_METHOD = re.compile(r"(?i)\b(?:our|the)\s+(?:proposed|novel)\s+(?:[\w-]+\s+){0,2}?(?:method|model|approach|framework|architecture|algorithm|network)\b")


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text`` (the one nearest a name that follows it), or None."""
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def proposal_context(text: str, start: int, sentence_start: int) -> bool:
    """Is the mention at ``start`` introduced as the paper's own ("we propose [a new] X",
    "called X", "the proposed X", "X, a novel ...")?"""
    lo = max(sentence_start, start - 160)
    if not _PROPOSAL_CUES.within(text, lo, start):
        return False  # none of the checks below can match
    before = text[lo:start]
    if _NAMING_CUES.within(text, lo, start) and _NAMING.search(before):
        return True
    m = _last_match(_PROPOSE, before)
    if m is not None:
        between = before[m.end():]
        # only determiners, adjectives and a short description between the verb and the name
        if len(between.split()) <= 10 and not _DESCRIPTION_ENDS.search(between):
            return True
    if _PROPOSED_CUES.within(text, lo, start) and _PROPOSED_BEFORE.search(before):
        return True
    if not _OUR.within(text, lo, start):
        return False  # the last two checks need "our"
    if _OUR_BEFORE.search(before):
        return True
    # "our fast text classifier fastText": a name right after "our ... <kind of method>"
    first = text[start : start + 40].split(None, 1)[0].strip(",.;:()")
    return bool(_OUR_KIND.search(before)) and (is_name_shaped(first) or first[:1].isupper() and before.rstrip()[-1:] in ",e")


_DESCRIPTION_ENDS = re.compile(r"[.;]|\b(?:by|using|with|based on|from|via|to|for)\b")
_PROPOSED_BEFORE = re.compile(r"(?i)\b(?:the|our)\s+(?:newly\s+)?(?:proposed|presented|introduced)\s+(?:[\w-]+\s+){0,2}$")
_OUR_BEFORE = re.compile(r"(?i)\bour\s+(?:own\s+|novel\s+|new\s+|innovative\s+)?$")
_OUR_KIND = re.compile(
    r"\b[Oo]ur\s+(?:[a-z][\w-]*\s+){0,3}?(?:classifier|model|method|network|architecture|algorithm|approach|framework|system|agent|"
    r"parser|tagger|module|layer|estimator|detector|tracker|encoder|decoder|optimizer|variant)s?,?\s+(?:the\s+)?$"
)
# each check of ``proposal_context`` needs one of these in the window ("our" for the last two)
_PROPOSAL_CUES = Gate(_NAMING, _PROPOSE, "our")
# and each check on its own (``_OUR_BEFORE`` and ``_OUR_KIND`` need "our")
_NAMING_CUES, _PROPOSED_CUES, _OUR = Gate(_NAMING), Gate(_PROPOSED_BEFORE), Gate("our")
_PROPOSAL_SENTENCE = re.compile(r"(?i)\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise|train|release|open-source|build|describe|report)")
_PASSIVE_PROPOSAL = re.compile(
    r"(?i)(?:\s*\([^)]*\))?(?:\s*(?:,|and)(?:\s+[^.;]{0,80}?)?)?\s+(?:are|is)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:proposed|introduced|developed|designed|devised|presented)\b"
)
_DESCRIBED_AS = re.compile(
    r"(?i)\s*(?:\([^)]*\)\s*)?,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:algorithm|method|framework|architecture|model|technique|approach|module|mechanism|loss|operator|optimizer|network|function|strategy|scheme|pipeline|system|regularizer)s?\b"
)


_STANDS_FOR = re.compile(r"(?i)\s*,?\s*which stands for\b")


# an acronym definition that is the object of a proposal verb: "by introducing the Stack-augmented
# Parser-Interpreter Neural Network (SPINN)", "(b): propose a landmark retracing network (LRN)", or that
# "we present" follows: "The Domain Transfer Network (DTN) we present employs ..."; not "the recently
# proposed X (DCLS)" (a participle before the name is a citation)
_VERB_BEFORE_DEFINITION = re.compile(
    r"(?i)\b(?:propos|introduc|present|develop|design|devis)(?:e|es|s|ing)?\s+(?:(?:a|an|the)\s+)?(?:(?:new|novel|simple|[a-z]+ly)\s+){0,2}$"
)
_WE_AFTER_DEFINITION = re.compile(
    r"\s*\([^()]{1,20}\)\s*,?\s*(?:that\s+|which\s+)?(?:we|this (?:paper|work))\s+(?:(?:here|also|further|now)\s+)?"
    r"(?:propose|present|introduce|develop|design|devise|describe)"
)


def defined_proposal(text: str, start: int, end: int) -> bool:
    """An acronym's long form at ``start:end`` that the sentence proposes, by the verb right before it
    or "we present" right after its short form (the caller passes acronym-definition mentions)."""
    return bool(_VERB_BEFORE_DEFINITION.search(text, max(0, start - 60), start) or _WE_AFTER_DEFINITION.match(text, end))


def listed_definition(text: str, start: int, sentence_start: int) -> bool:
    """An acronym's long form at ``start`` that the sentence gives as a new or listed part of what it
    introduces: "grounded in a novel Compatibility-Aware Parameter Splicing (CAPS) strategy", "The
    framework introduces two key modules: (1) Structured State Abstraction (SSA), ...; and (2) ..."."""
    if _NOVEL_BEFORE_DEFINITION.search(text, max(sentence_start, start - 30), start):
        return True
    before = text[sentence_start:start]
    return bool(_ENUMERATOR_BEFORE.search(before)) and bool(_INTRODUCES_PARTS.search(before))


_NOVEL_BEFORE_DEFINITION = re.compile(r"(?i)\b(?:a|an)\s+(?:new|novel)\s+$")
_ENUMERATOR_BEFORE = re.compile(r"(?:^|[\s:;,])\(?(?:\d|i{1,3}|iv|v|[a-d])\)\s+(?:(?:a|an|the)\s+)?$")
# the parts follow a colon after the verb that introduces them
_INTRODUCES_PARTS = re.compile(r"(?i)\b(?:introduc|propos|compris|consist|design|develop|present)\w*\b[^:.;]*:")


def introduced_part(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A name given with a short form (or the bracketed short form itself) in the object of the
    sentence where the paper or its framework introduces things: "This framework introduces ..., the
    Adaptive Dimension Selection (ADS) module ...", "We also design two intervention approaches:
    Slow-to-Fast (S2F) adaptive reasoning and ...", "PRoH incorporates three core innovations: ...
    (iii) an Entity-Weighted Overlap (EWO)-guided ... algorithm" (the caller checks the name is no
    known method)."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        short_end = end + 1
        start = len(text[:start - 1].rstrip())  # the short form: what comes before its bracket
    elif (after := _SHORT_FORM_AFTER.match(text, end)) is not None:
        short_end = after.end()
    else:
        return False
    before = text[sentence_start:start]
    if _PART_WORD_AFTER.match(text, short_end) or _INNOVATIONS.search(before[-300:]):  # (bounded: an item follows its cue closely)
        # "via a Relevance-Guided Context Reformulation (RGCR) module", "two key innovations: (1) Semantic-Acoustic
        # Primitives (SAP) provide ...": a part of the paper's own design, unless the sentence is about others' work
        return not _OTHERS.search(before)
    m = _last_match(_PART_INTRO, before)
    if m is None or _TO_VERB.match(before, m.end()):
        return False  # "we propose to leverage X (A)": a means, not a part
    between = before[m.end() :]
    enumerated = _last_match(_ENUMERATOR, between)
    if enumerated is not None:
        between = between[enumerated.end() :]
    elif (listed := _last_match(_LIST_AND, between)) is not None and ":" in between[: listed.start()]:
        between = between[listed.end() :]  # "two strategies: A (POPD), which ..., and Truncated OPD (TOPD)": the last item
    return not _NOT_OWN_PART.search(between)


_SHORT_FORM_AFTER = re.compile(r"\s?\([A-Za-z][\w.-]{0,10}\)")
_PART_WORD_AFTER = re.compile(r"\s+(?:module|component|block|mechanism|unit|branch)s?\b")
# an enumeration of the paper's own parts ("two key innovations: (1) ...", "three components: (i) ...")
_INNOVATIONS = re.compile(
    r"(?i)\b(?:innovations|contributions|components|modules)\s*(?::|,)\s*(?:[^.;]*?[;,]\s*(?:and\s+)?)?\(?(?:\d|i{1,3}|iv|[a-d])\)\s+(?:an?\s+|the\s+)?$"
)
_OTHERS = re.compile(r"(?i)\b(?:existing|previous|prior|baselines?|conventional|standard|popular|unlike|compared|such as|e\.g\.)\b")
_LIST_AND = re.compile(r",\s+and\s+")
_PART_INTRO = re.compile(
    r"(?:\b(?:[Ww]e|[Tt]his (?:study|work|paper|framework|method|approach|model|system|architecture)|[Oo]ur (?:framework|method|approach|model|system))"
    r"(?:\s+[^.;:]{0,160}?\band)?|^\s*[A-Z][\w.-]*[A-Z][\w.-]*)\s+(?:(?:also|further|then|additionally|first)\s+)?"
    r"(?:(?:introduc|propos|devis|incorporat)(?:e|es|ed|ing)|(?:design|develop|present)(?:s|ed|ing)?"
    r"|(?:compris|integrat|combin)(?:e|es|ing)|consist(?:s|ing)?\s+of)\b"
)
_TO_VERB = re.compile(r"\s+to\s")
_ENUMERATOR = re.compile(r"(?:^|[\s:;,])\(?(?:\d|i{1,3}|iv|v|[a-d])\)\s")
# a clause, example, purpose or comparison between the verb and the name: the name is someone else's
_NOT_OWN_PART = re.compile(
    r"(?i)[.;]\s|\b(?:which|that|where|while|whose|such as|e\.g\.|i\.e\.|like|including|based on|built on|upon|than|over|from|unlike|"
    r"for|with|using|via|of|existing|previous|prior|baseline|standard|conventional|popular|widely)\b"
)


def bracketed_proposal(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A name in brackets that closes the object of the sentence's proposal verb, where no acronym
    rule could tie it to the description: "we propose a novel Multi-Modal Scene Graph with
    Kolmogorov-Arnold Expert Network for Audio-Visual Question Answering (SHRIKE)"."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    before = text[sentence_start : start - 1]
    m = _last_match(_PROPOSE, before)
    if m is None:
        return False
    between = before[m.end() :]
    return len(between.split()) <= 20 and not _BRACKET_OR_CLAUSE.search(between)


_BRACKET_OR_CLAUSE = re.compile(r"[()\[\];:]|\b(?:which|that|where|while|whose)\b")


def described_proposal(text: str, end: int, sentence: str) -> bool:
    """"X (A) and Y (B) are developed", "X which stands for ...", and in a sentence where the paper
    proposes: "..., and perpGrad, a training algorithm that ..."."""
    if _PASSIVE_PROPOSAL.match(text, end) or _STANDS_FOR.match(text[end : end + 30]):
        return True
    return bool(_DESCRIBED_AS.match(text, end) and _PROPOSAL_SENTENCE.search(sentence))


_NAME_IS_A = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:is|was)\s+(?:an?)\s+(?:[\w-]+\s+){0,6}?(?:model|framework|method|approach|architecture|algorithm|"
    r"system|agent|pipeline|technique|family|suite|series|recipe|paradigm|optimizer|network|transformer|LLM|MLLM|VLM)s?\b"
)


_COMPONENTS_OF = re.compile(r"(?i)\b(?:consist(?:s|ing)? of|compris(?:es|ing)|composed of|made up of|contain(?:s|ing)?)\s[^.;:]*$")


def proposed_component(text: str, start: int, sentence_start: int) -> bool:
    """A part of what the sentence proposes: "we propose X, a framework consisting of a Y-based
    supernet and a Z algorithm" (the caller checks the part is no known method)."""
    m = _COMPONENTS_OF.search(text, sentence_start, start)
    return m is not None and _PROPOSAL_SENTENCE.search(text, sentence_start, m.start()) is not None


def named_subject(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A new name opening a sentence and described as a kind of method: "Kimi-VL is an efficient
    open-source Mixture-of-Experts vision-language model ..." (the caller checks the name is new)."""
    return start == sentence_start and bool(_NAME_IS_A.match(text, end))


def framed_as_method(text: str, end: int) -> bool:
    """The name ending at ``end`` is followed by "X, a(n) ... <method kind>" ("we present ZEST, a zero-shot
    contextual adaptation framework"), with no data word in between: the paper calls it a method."""
    m = _FRAMED_AS_METHOD.match(text, end)
    return m is not None and not _DATA_WORD.search(m.group(0))


_FRAMED_AS_METHOD = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:framework|method|approach|model|architecture|algorithm|technique|strategy|"
    r"pipeline|system|agent|procedure|paradigm)\b"
)
_DATA_WORD = re.compile(r"(?i)\b(?:benchmark|dataset|data\s*set|corpus|suite|collection|database|test\s*bed|leaderboard)s?\b")


def framed_as_data(text: str, end: int) -> bool:
    """The name ending at ``end`` is followed by "X, a(n) ... benchmark" or "X - a ... dataset" ("we introduce
    SimpleQA Verified, a 1,000-prompt benchmark", "we introduce SciNLP - a specialized benchmark", "we present ORCA
    (long form) Benchmark -- a novel benchmark"), with no method word in between: the paper calls its contribution
    data, not a method."""
    m = _FRAMED_AS_DATA.match(text, end)
    return m is not None and _FRAMED_AS_METHOD.match(text, end) is None


_FRAMED_AS_DATA = re.compile(
    r"(?:\s*\([^()]{1,60}\))?(?:\s+(?:Benchmark|Dataset|Corpus))?(?:,\s+[a-z][\w -]{0,40}?)?(?:,|\s+-{1,2})\s+(?:a|an)\s+(?:[\w,.-]+\s+){0,5}?(?:benchmark|dataset|data\s*set|corpus|test\s*bed|evaluation\s+set)\b"
)


def framed_as_measure(name: str, text: str, end: int) -> bool:
    """The paper's own named contribution is an evaluation measure: its name says so ("a rubric-based sliding
    window evaluator"; "an Automated Rubric-based Evaluation Framework", whose name ends before the head) or it
    is followed by "X, a(n) ... evaluation metric" ("we propose EXPERT, a reference-free evaluation metric")."""
    if _MEASURE_NAME.search(name):
        return True
    if _EVALUATION_NAME.search(name):
        return _EVALUATION_HEAD.match(text, end) is not None
    return _FRAMED_AS_MEASURE.match(text, end) is not None


_MEASURE_NAME = re.compile(r"(?i)(?<=\w)\s+(?:evaluator|(?:evaluation\s+)?metric)$")
_EVALUATION_NAME = re.compile(r"(?i)(?<=\w)\s+evaluation$")
_EVALUATION_HEAD = re.compile(r"(?i)\s+(?:framework|protocol)\b")
_FRAMED_AS_MEASURE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:evaluation\s+metric|evaluator|metric)\b")


def appositive_proposal(text: str, end: int) -> bool:
    """"X, a novel framework ..." / "X is a new ..." / "X is proposed"."""
    after = text[end : end + 60]
    return bool(_APPOSITIVE_NOVEL.match(after))


_APPOSITIVE_NOVEL = re.compile(
    r"(?i)\s*(?:\([^)]*\)\s*)?(?:,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:novel|new|simple|efficient|first|general|unified|scalable|lightweight|principled)\b|(?:is|was)\s+(?:a\s+novel|a\s+new|proposed|introduced))"
)


# ---------------------------------------------------------------------------------------------
# the paper's own methods named by cue: "we propose Skip-Tuning", "dubbed Subspace Gradient",
# "a framework, Feature Multiplexing,", "our proposed model (Capacitron)"

_INTRO = prefiltered(
    r"(?i)\b(?:(?:we|this (?:paper|work|study)|here,? we)\s+(?:(?:will|also|further|then|first|now|thus|therefore|hence|additionally|have|has)\s+){0,2}"
    r"(?:propose|introduce|present|develop|design|devise|craft|build|construct|contribute|formulate|describe)(?:s|d|ed)?"
    r"|(?:called|dubbed|named|coined|termed|nicknamed|referred to as|we call(?: it)?|we term(?: it)?|we name(?: it)?)"
    r"|our\s+(?:main\s+|key\s+|core\s+|central\s+|primary\s+)?(?:technical\s+)?contribution\s+is)"
    r"\s+(?:(?:a|an|the|our|two|three|several)\s+)?"
)
# "we address this by introducing LLaDA, a ...": a name only (a description here is too loose)
_BY_INTRO = prefiltered(r"(?i)\bby\s+(?:proposing|introducing|presenting|developing|designing|devising)\s+(?:(?:a|an|the|our)\s+)?")
_DATA_HEAD = re.compile(r"(?i)(?:benchmark|dataset)\b")
_CLAUSE_AFTER = re.compile(r"['\u2019]s\b|(?: [\w.]*\d[\w.]*| [A-Z][\w.-]*)* (?!(?:and|or|which|that|with|of|for|in|on|consisting|containing|comprising|covering|including)\b)[a-z]+\b")
_APPOSITION_HEADS = (
    "framework", "method", "approach", "model", "architecture", "algorithm", "technique", "strategy", "scheme", "module",
    "network", "system", "pipeline", "loss", "mechanism", "regularizer", "optimizer", "benchmark", "dataset",
)
_APPOSITION = prefiltered(r"(?i)\b(?:" + "|".join(_APPOSITION_HEADS) + r")(?:,\s+|\s+\()(?=[A-Z])")
_APPOSITION_HEAD_SET = frozenset(_APPOSITION_HEADS)


def _appositions(text: str) -> Iterator[re.Match[str]]:
    """``_APPOSITION.finditer(text)``, starting from the commas and brackets (a dozen per abstract)
    rather than from every head word: the word right before "," or " (" is looked up."""
    return matches_from(_APPOSITION, text, _apposition_starts)


def _apposition_starts(low: str) -> set[int]:
    starts: set[int] = set()
    find = low.find
    for mark in (",", "("):
        j = find(mark)
        while j >= 0:
            end = _spaces_before(low, j) if mark == "(" else j
            # "method, X" / "method (X"; most commas follow no head word (one C-level suffix test)
            if (mark == "," or end < j) and low.endswith(_APPOSITION_HEADS, 0, end):
                k = end
                while k > 0 and low[k - 1].isalpha():
                    k -= 1
                if low[k:end] in _APPOSITION_HEAD_SET and not (k > 0 and (low[k - 1].isalnum() or low[k - 1] == "_")):
                    starts.add(k)
            j = find(mark, j + 1)
    return starts


_NP_STOP = frozenset(
    "to that which who where when while for with by from in on of as at into via using and or but , . ; : ( ) is are was were be can could will would should may might "
    "regarding concerning including following according "
    "we it its our their this these those than then so such".split()
)
_GENERIC_TAILS = frozenset(
    "framework frameworks method methods approach approaches strategy strategies technique techniques paradigm "
    "scheme schemes mechanism mechanisms module modules architecture architectures algorithm algorithms pipeline procedure".split()
)
_PLAIN_HEADS = frozenset("model models network networks objective objectives function functions formulation".split())
_PLAIN_ADJECTIVES = frozenset(
    "neural deep end-to-end simple novel new alternative general generic unified efficient effective hybrid joint single "
    "objective probabilistic statistical computational mathematical theoretical principled flexible powerful".split()
)


def plain_description(phrase: str) -> bool:
    """Plain adjectives before a generic head: "end-to-end neural model", "alternative network"."""
    words = phrase.lower().split()
    return len(words) > 1 and words[-1] in _PLAIN_HEADS and all(w in _PLAIN_ADJECTIVES for w in words[:-1])


_NAME_ADJECTIVES = frozenset("prior unified universal standard multiple single conditional global local".split())  # stop words that can start a name
# the paper's own method as subject: "FastComposer proposes delayed subject conditioning"
_SUBJECT_PROPOSES = prefiltered(r"\b[A-Za-z][\w-]*[A-Z][\w-]*\s+(?:also\s+|further\s+)?(?:proposes|introduces|devises)\s+(?:(?:a|an|the)\s+)?")
_SUBJECT_VERBS = ("proposes", "introduces", "devises")  # every match of _SUBJECT_PROPOSES holds one (keep in step)


def _subjects_propose(text: str) -> Iterator[re.Match[str]]:
    """``_SUBJECT_PROPOSES.finditer(text)``, read backwards from its verbs (in 6% of abstracts): the
    pattern is tried where a word can open the run of word characters and hyphens before the spaces
    in front of one (or in front of "also"/"further" and its spaces), instead of at every position of
    such a text."""
    starts: set[int] = set()
    find = text.find
    for verb in _SUBJECT_VERBS:
        j = find(verb)
        while j >= 0:
            end = j
            for _ in range(2):  # the subject, or "also"/"further" and the subject before it
                k = _spaces_before(text, end)
                if k == end:
                    break
                r = k
                while r > 0 and (text[r - 1].isalnum() or text[r - 1] in "_-"):
                    r -= 1
                # a word boundary before a letter inside such a run: at its start or after a hyphen
                starts.update(p for p in range(r, k) if p == r or text[p - 1] == "-")
                if text[r:k] not in ("also", "further"):
                    break
                end = r
            j = find(verb, j + 1)
    return matches_at(_SUBJECT_PROPOSES.pattern, text, starts)


# naming a description: "We term this approach Chain-of-Frames", "we dub the resulting model X"
# ("We|we", not "[Ww]e": literal alternatives are anchors the scan finds with str.find)
_TERM_THIS = prefiltered(r"\b(?:We|we|and)\s+(?:term|dub|call|name)(?:ed)?\s+(?:this|that|the|our|these|such|each)\s+(?:[a-z][\w-]*\s+){0,3}(?=[A-Z])")
_TERM_VERBS = ("term", "dub", "call", "name")  # every match of _TERM_THIS holds one after the spaces (keep in step)


def _terms_this(text: str, verbs: dict[str, list[int]] | None = None) -> Iterator[re.Match[str]]:
    """``_TERM_THIS.finditer(text)``, starting from the naming verbs (4 searches, rare words, or
    ``verbs``: where ``_naming_verbs`` found them in the lower-cased text) and trying the pattern
    where "We", "we" or "and" stands before the spaces in front of one, instead of at every "and"."""
    starts: set[int] = set()
    find = text.find
    for verb in _TERM_VERBS:
        if verbs is None:
            j, at = find(verb), None
        else:
            at = iter(verbs[verb])
            j = next(at, -1)
        while j >= 0:
            w = _spaces_before(text, j)
            if w < j and (at is None or text.startswith(verb, j)):
                starts.update(w - len(lead) for lead in ("We", "we", "and") if text.endswith(lead, 0, w))
            j = find(verb, j + 1) if at is None else next(at, -1)
    yield from matches_at(_TERM_THIS.pattern, text, starts)


def _places(low: str, words: Sequence[str]) -> dict[str, list[int]]:
    """Where each of ``words`` occurs in the lower-cased text: searched once for the scans that
    read backwards from the same rare words (the naming verbs, "new" and "novel")."""
    found: dict[str, list[int]] = {}
    find = low.find
    for word in words:
        at = found[word] = []
        j = find(word)
        while j >= 0:
            at.append(j)
            j = find(word, j + 1)
    return found


def _naming_verbs(low: str) -> dict[str, list[int]]:
    """Where each of ``_TERM_VERBS`` occurs in the lower-cased text (read by ``_terms_this`` and ``_intros``)."""
    return _places(low, _TERM_VERBS)


# _INTRO's anchors (``Prefiltered.anchors``, keep in step): searched for, or read from the naming verbs'
# places ("called" ... "nicknamed"), or from the "we" after them ("here, we")
_INTRO_SEARCHED = ("we", "this ", "our", "coined", "referred to as")
_INTRO_NAMED = (("call", "called"), ("dub", "dubbed"), ("name", "named"), ("term", "termed"))


def _intros(text: str, low: str, verbs: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """``_INTRO.finditer(text)`` (``low``: ``folded(text)``), the pattern tried at its anchors that
    open a word as ``Prefiltered`` does, with five fewer searches: "called", "dubbed", "named",
    "nicknamed" and "termed" from the naming verbs' places, "here" from the "we" after it."""
    return matches_at(_INTRO.pattern, text, _intro_starts(text, low, verbs)[0])


def _intro_starts(text: str, low: str, verbs: dict[str, list[int]]) -> tuple[set[int], set[int]]:
    """Where ``_INTRO`` can match (see ``_intros``), and where "we" or "this " opens a word: the
    anchors of ``_SUBJECT_LED`` (``Prefiltered.anchors``, keep in step)."""
    starts: set[int] = set()
    subjects: set[int] = set()
    find = low.find
    for literal in _INTRO_SEARCHED:
        i = find(literal)
        while i >= 0:
            if not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                starts.add(i)
                if literal == "we" or literal == "this ":
                    subjects.add(i)
                if literal == "we":  # "here we", "here, we"
                    for h in (i - 5, i - 6):
                        if h >= 0 and low.startswith(("here ", "here, ")[i - 5 - h], h) and not (h > 0 and (text[h - 1].isalnum() or text[h - 1] == "_")):
                            starts.add(h)
            i = find(literal, i + 1)
    for verb, literal in _INTRO_NAMED:
        for i in verbs[verb]:
            if low.startswith(literal, i):
                if not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                    starts.add(i)
                elif verb == "name" and i >= 4 and low.startswith("nick", i - 4) and not (i > 4 and (text[i - 5].isalnum() or text[i - 5] == "_")):
                    starts.add(i - 4)  # "nicknamed"
    return starts, subjects


# enumerated components: "which stands for (i) a Multiview centroid loss, (ii) ...", "three strategies: 1) TIB-based Maintenance:"
_ENUMERATED = prefiltered(r"(?:(?<=[\s:;,])|^)(?:\((?:i{1,3}|iv|v|vi{1,3}|\d)\)|\d\))\s+(?:(?:a|an|the)\s+)?")
_ENUMERATED_MARKS = Gate("i)", "v)", *(f"{d})" for d in range(10)))  # every match of _ENUMERATED holds one
_ENUM_CUE = re.compile(r"(?i)\b(?:propos|introduc|present|develop|design|devis|consist|compris|includ|stands for|components?|strateg|modules?|contributions?)")
_ENUM_CUES = Gate(_ENUM_CUE)


# a second verb of a "we" sentence: "We analyse the framework and introduce the cascade fusion unit"
_AND_INTRO = prefiltered(r"(?i)\band\s+(?:also\s+|then\s+|further\s+)?(?:propose|introduce|develop|design|devise)\s+(?:(?:a|an|the)\s+)?")
_WE = re.compile(r"(?i)\bwe\s")
# every match of _AND_INTRO and _BY_INTRO holds a verb that starts with one of these (keep in step)
_INTRO_STEMS = ("propos", "introduc", "develop", "design", "devis", "presenting")
_AND_INTRO_ADVERBS = ("also", "then", "further")


def _verb_led(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """``_AND_INTRO.finditer(text)`` and ``_BY_INTRO.finditer(text)`` in one pass read backwards
    from the verbs (a few per abstract): each pattern is tried where "and" (or "and also", "and
    then", "and further") or "by" ends the spaces before one, instead of at every "and" and "by"."""
    low = folded(text)
    if low is None:
        return list(_AND_INTRO.finditer(text)), list(_BY_INTRO.finditer(text))
    ands: set[int] = set()
    bys: set[int] = set()
    find, endswith = low.find, low.endswith
    for stem in _INTRO_STEMS:
        i = find(stem)
        while i >= 0:
            k = _spaces_before(low, i)
            if k < i:
                if endswith("and", 0, k):
                    ands.add(k - 3)
                elif endswith("by", 0, k):
                    bys.add(k - 2)
                elif endswith(_AND_INTRO_ADVERBS, 0, k):
                    w = k
                    while w > 0 and low[w - 1].isalpha():
                        w -= 1
                    b = _spaces_before(low, w)
                    if b < w and endswith("and", 0, b):
                        ands.add(b - 3)
            i = find(stem, i + 1)
    and_matches = list(matches_at(_AND_INTRO.pattern, text, ands)) if ands else []
    by_matches = list(matches_at(_BY_INTRO.pattern, text, bys)) if bys else []
    return and_matches, by_matches
_AND_NOVEL = re.compile(r"(?i)(?:,|\band)\s+(?:a|an)\s+(?=(?:novel|new)\s)")
# "a (simple) new X" anywhere: the paper's own X, whatever the verb ("by augmenting it with a new Y layer")
_A_NEW = re.compile(r"(?i)\b(?:a|an)\s+(?:simple\s+|\w+ly\s+)?(?:new|novel)\s+")
_COMPONENT_HEADS = frozenset("layer layers unit units block blocks cell cells module modules operator operators gate gates trick".split())
_WHOLE_METHOD_TAILS = frozenset("method methods technique techniques approach approaches algorithm algorithms".split())  # not a part ("scheme")
_AND_NOVEL_CORE = re.compile(r"(?:,|and)\s+an?\s+(?:novel|new)\s")  # in the lower-cased text of every match (keep in step)


_NEW = ("new", "novel")


def _and_novel_core(low: str, news: dict[str, list[int]] | None = None) -> bool:
    """``_AND_NOVEL_CORE.search(low) is not None``, read backwards from each "new"/"novel" (a few
    per abstract; ``news``: their places, ``_places(low, _NEW)``) instead of trying the pattern at
    every "a" and comma of the text."""
    for word, places in (news or _places(low, _NEW)).items():
        for i in places:
            end = i + len(word)
            k = _spaces_before(low, i)
            if end < len(low) and low[end].isspace() and k < i:  # "a new ", "an  novel\n"
                k = k - 2 if low.endswith("an", 0, k) else k - 1 if low.endswith("a", 0, k) else 0
                b = _spaces_before(low, k)
                if b < k and low.endswith((",", "and"), 0, b):  # ", a new", "and an novel"
                    return True
    return False


def _a_new(text: str, news: dict[str, list[int]] | None = None) -> Iterator[re.Match[str]]:
    """``_A_NEW.finditer(text)``, read backwards from each "new"/"novel" (``news``: their places in
    the lower-cased text): the pattern is tried where "a"/"an" ends the spaces before one (or before
    the one word between, "simple" or an adverb), instead of at every "a" of the text."""
    return matches_from(_A_NEW, text, lambda low: _a_new_starts(low, text, news))


def _a_new_starts(low: str, text: str, news: dict[str, list[int]] | None = None) -> set[int]:
    starts: set[int] = set()
    for places in (news or _places(low, _NEW)).values():
        for i in places:
            k = _spaces_before(low, i)
            if k < i:
                starts.update(k - len(a) for a in ("a", "an") if low.endswith(a, 0, k))  # "a new"
                w = k
                while w > 0 and (text[w - 1].isalnum() or text[w - 1] == "_"):  # the word between: \w+
                    w -= 1
                b = _spaces_before(low, w)
                if w < k and b < w:
                    starts.update(b - len(a) for a in ("a", "an") if low.endswith(a, 0, b))  # "a simple new", "an entirely novel"
    return starts


def _spaces_before(s: str, i: int) -> int:
    """Where the run of whitespace that ends at ``i`` starts (``i`` when there is none)."""
    while i > 0 and s[i - 1].isspace():
        i -= 1
    return i
# a list after a colon or "namely" in a proposing sentence; a lexicon name in it outranks this cue (not proposed)
_COLON_LIST = prefiltered(
    r"(?i)\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise)s?d?\s+"
    r"(?:(?:two|three|four|several|the following|a few)\s+)?(?:(?:new|novel|simple|key)\s+)?[a-z-]+s(?:\s*:|,?\s+namely,?)\s*([^.;:()]{3,160}?)(?=\s*[.;]|\s+to\s|$)"
)
_LIST_ITEM = re.compile(
    r"(?:^|,|\band\b|\bor\b)\s*(?:(?:a|an|the)\s+)?((?!(?:and|or)\b)[\w-]+(?:\s+(?!(?:and|or)\b)[\w-]+){0,3})(?=\s*(?:,|\band\b|\bor\b|$))"
)
_QUOTED_INTRO = prefiltered(
    r"(?i)\b(?:we|this (?:paper|work|study))\s+(?:(?:will|also|further|then|first|now|additionally)\s+){0,2}"
    r"(?:propose|introduce|present|develop|design|devise|call|term|name|dub)(?:s|d|ed)?\s+(?:(?:it|this|a|an|the|new|novel|so-called)\s+){0,3}"
    r"[\"“‘]\s*([^\"”’“\n]{3,40}?)\s*[\"”’](?:\s+([a-z]+))?"
)


class _WordStarts:
    """Word index by start offset (``dict.get``/``[]`` over the sorted starts, nothing built)."""

    __slots__ = ("starts",)

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def get(self, offset: int) -> int | None:
        i = bisect_left(self.starts, offset)
        return i if i < len(self.starts) and self.starts[i] == offset else None

    def __getitem__(self, offset: int) -> int:
        i = self.get(offset)
        if i is None:
            raise KeyError(offset)
        return i


def _new_method(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """After "a new": a method or one of its parts ("gradient reversal layer", "residual unit"), or
    a phrase before a whole-method word ("a novel spatial smoothing method"), that no acronym
    definition names elsewhere."""
    head = text[mention.start : mention.end].rsplit(None, 1)[-1].lower()
    tail = _NEXT_WORD.match(text, mention.end)
    if not (vocab.head_type(head) == "method" or head in _COMPONENT_HEADS or tail and tail.group(1).lower() in _WHOLE_METHOD_TAILS):
        return False
    return not _defined_later(text, mention)


def _defined_later(text: str, mention: Mention) -> bool:
    """The phrase is given an acronym elsewhere ("a novel multi-resolution network ... the
    Multi-Resolution network (DiMR)"): the acronym's entity carries it."""
    phrase = text[mention.start : mention.end].lower()
    low = text.lower()
    i = low.find(phrase)
    while i >= 0:
        if i != mention.start and re.match(r"\s*\(", text[i + len(phrase) : i + len(phrase) + 3]):
            return True
        i = low.find(phrase, i + 1)
    return False


def proposal_names(text: str, words: Words, vocab: Vocabulary | None = None) -> list[Mention]:
    """Names the paper introduces, taken from the words right after a proposal or naming cue."""
    vocab = vocab or vocabulary()
    starts = _WordStarts(words.starts)
    and_intros, by_intros = _verb_led(text)
    low = folded(text)
    if low is None:  # the patterns themselves (see ``folded``)
        verbs = news = intro_starts = subjects = None
    else:
        verbs, news = _naming_verbs(low), _places(low, _NEW)
        intro_starts, subjects = _intro_starts(text, low, verbs)
    found: list[Mention] = []
    for pattern, lowercase_ok in ((_INTRO, True), (_BY_INTRO, False), (_APPOSITION, False), (_SUBJECT_PROPOSES, True), (_ENUMERATED, True), (_TERM_THIS, False)):
        enumerated = pattern is _ENUMERATED
        if enumerated and not _ENUMERATED_MARKS.within(text, 0, len(text)):
            continue
        if pattern is _INTRO:
            matches = _INTRO.finditer(text) if intro_starts is None else matches_at(_INTRO.pattern, text, intro_starts)
        elif pattern is _TERM_THIS:
            matches = _terms_this(text, verbs)
        else:
            matches = _appositions(text) if pattern is _APPOSITION else by_intros if pattern is _BY_INTRO else _subjects_propose(text) if pattern is _SUBJECT_PROPOSES else pattern.finditer(text)
        for m in matches:
            i = starts.get(m.end())
            if i is None:
                continue
            if pattern is _INTRO and _PHENOMENON_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                continue  # "a phenomenon called Length Collapse" is not a method
            if enumerated and not (_ENUM_CUES.within(text, max(0, m.start() - 300), m.start()) and _ENUM_CUE.search(text, max(0, m.start() - 300), m.start())):
                continue
            mention = _name_at(words, i, text, vocab, lowercase_ok, phrase_only=enumerated)
            if mention is not None and pattern is _APPOSITION and _DATA_HEAD.match(m.group()):
                # "a new benchmark, X-Eval" (not "a dataset, Kosmos runs": the name opens the next clause)
                mention = None if _CLAUSE_AFTER.match(text, mention.end) else mention._replace(type="dataset", rule="named:dataset", proposed=False)
            if mention is not None and not (enumerated and vocab.head_type(words[starts[mention.start]].lower) != "method"
                                            and vocab.head_type(text[mention.start : mention.end].rsplit(None, 1)[-1]) in ("task", "metric", "dataset")):
                found.append(mention)
    maybe = low is None or _and_novel_core(low, news)
    for m in _AND_NOVEL.finditer(text) if maybe else ():  # "..., and a novel entropy loss"
        sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        i = starts.get(m.end())
        if i is not None and _PROPOSAL_SENTENCE.search(text, sentence_start, m.start()):
            mention = _name_at(words, i, text, vocab, True, phrase_only=True)
            if mention is not None and vocab.head_type(text[mention.start : mention.end].rsplit(None, 1)[-1].lower()) == "method":
                found.append(mention)
    for m in _a_new(text, news):  # "augmenting it with a new X layer"
        i = starts.get(m.end())
        mention = _name_at(words, i, text, vocab, True, phrase_only=True) if i is not None else None
        if mention is not None and _new_method(text, mention, vocab):
            found.append(mention)
    for m in and_intros:
        i = starts.get(m.end())
        sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        if i is not None and _WE.search(text, sentence_start, m.start()):
            mention = _name_at(words, i, text, vocab, True)
            tail = text[mention.end : mention.end + 40].split(None, 1) if mention is not None else None
            if mention is not None and not (tail and tail[0].lower() in _GENERIC_TAILS):
                found.append(mention)  # "and develop a modular benchmarking framework": a description
    if subjects is None:
        based_on: Iterable[re.Match[str]] = _BASED_ON.finditer(text)
    else:  # every match holds "new" or "novel"
        based_on = _BASED_ON.finditer_at(text, subjects) if news["new"] or news["novel"] else ()
    for m in based_on:
        i = starts.get(m.end())
        mention = _name_at(words, i, text, vocab, True, phrase_only=True) if i is not None else None
        if mention is not None and vocab.head_type(text[mention.start : mention.end].rsplit(None, 1)[-1].lower()) not in ("task", "metric", "dataset"):
            found.append(mention)
    for m in _COLON_LIST.finditer(text) if subjects is None else _COLON_LIST.finditer_at(text, subjects):  # "we propose two extensions: recursive-supervision and skip-connection"
        for piece in _LIST_ITEM.finditer(m.group(1)):
            name = piece.group(1)
            if name.lower() in vocab.generic_names or vocab.head_type(name.rsplit(None, 1)[-1].lower()) in ("task", "metric", "dataset"):
                continue
            start = m.start(1) + piece.start(1)
            found.append(Mention(start, start + len(name), "method", "cue:list", 0.55, proposed=True))
    for m in _QUOTED_INTRO.finditer(text) if subjects is None else _QUOTED_INTRO.finditer_at(text, subjects):  # 'we introduce "companion objective"', 'a new "X" convolution'
        name, head = m.group(1).strip(), m.group(2)
        if not re.search(r"[A-Za-z]{3}", name) or name.lower() in vocab.generic_names:
            continue
        if head and vocab.head_type(head.lower()) == "method":
            found.append(Mention(m.start(1), m.end(2), "method", "named", 0.8, f"{name} {head}", proposed=True))
        else:
            found.append(Mention(m.start(1), m.end(1), "method", "named", 0.8, name, proposed=True))
    return found


# what a new method rests on: "we propose a new regularization method based on virtual adversarial loss"
_BASED_ON = prefiltered(
    r"(?i)\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise)s?d?\s+(?:a|an)\s+(?:new|novel)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:method|framework|approach|algorithm|technique|scheme|regularizer|strategy)\s+based\s+on\s+(?:the\s+|an?\s+)?"
)


_PHENOMENON_BEFORE = re.compile(r"(?i)phenomen\w*\s+$")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s+(?:a|an)\s")


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")
_NAME_FOLLOWS = re.compile(r"(?:\s+[a-z]+)?\s*,?\s+(?:called|named|dubbed|termed|coined|namely|nicknamed)\b")
_NEXT_TOKEN = re.compile(r"(?:\s+(?:framework|model|method|approach|architecture|algorithm|network|system|agent|module))?\s+([^\s,.;:()]+)")


_NAME_THEN_DESCRIPTION = re.compile(r"([^\s,()]+)(?:\s*\([^)]*\))?,\s+(?:an?|the)\s+(?:[\w-]+,?\s+){0,5}$")


def describes_name(text: str, start: int) -> bool:
    """A description right after its name: "We present Step-Video-T2V, a state-of-the-art
    text-to-video pre-trained model" (the model is Step-Video-T2V, not the description)."""
    m = _NAME_THEN_DESCRIPTION.search(text, max(0, start - 90), start)
    return m is not None and is_name_shaped(strip_name_suffix(m.group(1)))


def named_after(text: str, end: int) -> bool:
    """A description right before its name: "... model called X", "... learning framework OptEmbed"."""
    if _NAME_FOLLOWS.match(text, end):
        return True
    m = _NEXT_TOKEN.match(text, end)
    return bool(m and is_name_shaped(m.group(1)) and not m.group(1).isupper())


_LEADING_PRAISE = frozenset("simple efficient effective yet and lightweight scalable robust practical flexible powerful".split())


def _nameish_at(text: str, caps_free: bool) -> bool:
    """``_nameish`` of a word given by its text and ``caps_free`` flag."""
    return is_name_shaped(text) or (text[:1].isupper() and not caps_free)


_CLAUSE_GOES_ON = re.compile(r"\s+of\b")
def _participle_clause(word: str, text: str, end: int, vocab: Vocabulary) -> bool:
    """A participle that opens a clause ("a new dataset consisting of ..."), not a nominal -ing
    ("delayed subject conditioning in ..."): it ends no name."""
    last = word.rsplit("-", 1)[-1]
    return last.endswith("ing") and last not in vocab.nominal_ing and _CLAUSE_GOES_ON.match(text, end) is not None


_OPENING_ADJECTIVES = frozenset(("novel", "new", "simple", *_NAME_ADJECTIVES))  # stop words that can open a lowercase name


def _name_at(words: Words, i: int, text: str, vocab: Vocabulary, lowercase_ok: bool, phrase_only: bool = False) -> Mention | None:
    # the word walks read the parallel lists; ``Word``s only for the run kept
    texts, lowers, joined, caps_free, n = words.texts, words.lowers, words.joined, words.caps_free, len(words)
    if not phrase_only and _nameish_at(texts[i], caps_free[i]) and lowers[i] not in vocab.modifier_stop:
        # a capitalised run, allowing "of/for/with/and/-" inside: "Dilated Convolutions with Learnable Spacings"
        j = i
        while j + 1 < n and joined[j + 1] and j - i < 6:
            if _nameish_at(texts[j + 1], caps_free[j + 1]):
                j += 1
            elif lowers[j + 1] in ("of", "for", "with", "and", "in") and j + 2 < n and joined[j + 2] and texts[j + 2][:1].isupper():
                j += 2
            else:
                break
        run = words[i : j + 1]
        if run[-1].lower in _GENERIC_TAILS and len(run) > 1:
            run = run[:-1]
        if strip_name_suffix(run[-1].text) != run[-1].text:
            return None  # "by proposing a KV-cache-like mechanism": a comparison, not a name
        name = text[run[0].start : run[-1].end]
        if name.lower() in vocab.generic_names:
            return None
        after = _NEXT_WORD.match(text, run[-1].end)
        if after and vocab.head_type(after.group(1).lower()) in ("dataset", "metric"):
            return None  # "we introduce the SentiHood dataset", "an AUC-100 metric": not a method
        return Mention(run[0].start, run[-1].end, "method", "named", 0.8, proposed=True)
    if not lowercase_ok:
        return None
    picked: list[int] = []
    k = i
    while k < n and len(picked) < 5:
        lower = lowers[k]
        if not picked and lower in _LEADING_PRAISE:
            k += 1  # "a simple yet effective token pruning strategy", "an efficient dense training scheme"
            continue
        if picked and not joined[k] or lower in _NP_STOP or lower in vocab.modifier_stop and not picked and lower not in _OPENING_ADJECTIVES:
            break
        if lower in vocab.modifier_stop and lower not in _NAME_ADJECTIVES:
            if picked:
                break
            k += 1
            continue
        picked.append(k)
        k += 1
    tail = len(picked)
    while picked and lowers[picked[-1]] in _GENERIC_TAILS:
        picked.pop()
    if not picked:
        return None
    if len(picked) < tail and vocab.head_type(lowers[picked[-1]]) == "task":
        return None  # "the text-to-large image synthesis paradigm", "a ... detection architecture": a task's approach, not its name
    run = words[picked[0] : picked[-1] + 1]  # consecutive words
    if len(run) == 1 and "-" in run[0].text.strip("-") and run[0].text.islower() and _APPOSITIVE_AFTER.match(text, run[0].end):
        if run[0].lower not in vocab.generic_names and vocab.head_type(run[0].lower.rsplit("-", 1)[-1]) not in ("task", "metric", "dataset"):
            return Mention(run[0].start, run[0].end, "method", "named", 0.6, proposed=True)  # "develop drop-path, a natural ..."
    if len(run) < 2 or any(c.isdigit() for w in run for c in w.text[:1]):
        return None
    if len(run) > 1 and _participle_clause(run[-1].lower, text, run[-1].end, vocab):
        run = run[:-1]  # "a new dataset consisting of ...": a participle opens a clause, it ends no name
        if len(run) < 2:
            return None
    if run[-1].lower.endswith(("ly", "ed")) or run[-1].lower in vocab.modifier_stop or vocab.head_type(run[-1].lower) in ("metric", "dataset") or run[-1].lower in vocab.concept_heads or run[-1].lower in _NOT_METHOD_HEADS:
        return None  # "we introduce a new large-scale dataset", "a memory capacity measure" name no method
    if named_after(text, run[-1].end):
        return None  # "a novel neural network model called X", "a ... framework OptEmbed": X is the name
    if plain_description(text[run[0].start : run[-1].end]):
        return None  # "an end-to-end neural model", "an alternative network", "an objective function": no name
    name = text[run[0].start : run[-1].end]
    if name.lower() in vocab.generic_names:
        return None
    return Mention(run[0].start, run[-1].end, "method", "named", 0.6, proposed=True)


# the paper's only proposal, described rather than named: "We present a deep neural network that ...",
# "We describe a very simple bag-of-words baseline for ...", "In this paper, a ... is proposed"
_FALLBACK_CUE = prefiltered(  # searched from its anchors ("we", "this ", "in this "): a whole-text search from a point
    r"(?i)\b(?:(?:we|this (?:paper|work|study|article))\s+(?:(?:also|further|first|now|then|here|will)\s+)?"
    r"(?:propose|present|introduce|develop|describe|design|devise|formulate)(?:s|d)?\s+(?:(?:a|an|the|our)\s+)?"
    r"|\bin this (?:paper|work|study),?\s+(?:a|an)\s+(?=[^.;]{3,80}?\s(?:is|are)\s+(?:proposed|presented|introduced|developed)\b))"
)
_FALLBACK_SKIP = frozenset("new novel first simple very elegant principled general straightforward intuitive fast conceptually".split()) | _LEADING_PRAISE
_FALLBACK_WORD = re.compile(r"[\w’'-]+")
_NOT_METHOD_HEADS = frozenset("metric metrics measure measures taxonomy taxonomies".split())  # "an AUC-100 metric"
_NEVER_FALLBACK = frozenset(("neural network", "deep learning", "machine learning"))  # GUIDELINES: never a method alone


def fallback_description(text: str, start: int, vocab: Vocabulary | None = None) -> tuple[int, int] | None:
    """The description after the first proposal cue from ``start``, trimmed to the shortest phrase
    ending in its head (praise and "novel/new" dropped, "for/that/which/to ..." cut): the paper's
    method when nothing else names one (GUIDELINES rule 1: a central contribution). Its span, or None."""
    vocab = vocab or vocabulary()
    m = _FALLBACK_CUE.search(text, start)
    if m is None:
        return None
    run, _ = _phrase_after(text, m.end(), vocab)
    if len(run) > 1 and _participle_clause(run[-1].group().lower(), text, run[-1].end(), vocab):
        run = run[:-1]  # "a new dataset consisting of ..."
    if len(run) < 2:
        return None
    head = run[-1].group().lower()
    if head.endswith(("ly", "ed")) or vocab.head_type(head) in ("task", "metric", "dataset") or head in vocab.concept_heads or head in _NOT_METHOD_HEADS:
        return None
    if head in vocab.generic_heads and len(run) < 3:
        return None  # "a discrete-time algorithm", "an automatic scheme": a generic head needs a fuller description
    s, e = run[0].start(), run[-1].end()
    if named_after(text, e):
        return None  # "a novel few-shot learning method called X": X is the name
    phrase = text[s:e].lower()
    return None if phrase in _NEVER_FALLBACK or phrase.rstrip("s") in _NEVER_FALLBACK else (s, e)


def _phrase_after(text: str, pos: int, vocab: Vocabulary) -> tuple[list[re.Match[str]], int]:
    """The words of a noun phrase from ``pos`` (leading praise skipped), and where it ends."""
    run: list[re.Match[str]] = []
    end = pos
    for w in _FALLBACK_WORD.finditer(text, pos, min(len(text), pos + 120)):
        word = w.group()
        if text[end : w.start()].strip() or len(run) == 6:
            break  # punctuation, a bracket or a quote ends the phrase
        low = word.lower()
        if not run and low in _FALLBACK_SKIP:
            end = w.end()
            continue
        if low in _NP_STOP or low in vocab.modifier_stop and low != "baseline" or word[:1].isupper() and not word.isupper():
            break
        run.append(w)
        end = w.end()
    return run, end
