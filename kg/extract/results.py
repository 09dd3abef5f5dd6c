"""Rules that read how results are reported: "pass@1", "0.37% error", "XBench", "text-to-video".

Recent abstracts report results in a compact house style that the head-noun and shape rules of
``rules`` do not type: metrics at a cut-off (pass@1, NDCG@10, Recall@20), a bare error beside a
number, benchmarks named by a suffix (VBench, AlpacaEval, WebArena, SWE-bench) and tasks named by
the modalities they map between ("the standard text-to-image task"). Pure functions over the text.
"""

from __future__ import annotations

import re

from kg.extract.rules import Mention
from kg.extract.scan import matches_from, prefiltered
from kg.extract.text import is_name_shaped
from kg.extract.vocabulary import vocabulary

# "pass@1", "pass@k", "NDCG@10", "Recall@20", "Hits@10", "R@1": a metric at a cut-off
_AT_K = prefiltered(r"(?<![\w@.-])([A-Za-z][A-Za-z0-9-]*@(?:\d{1,4}|[kKnN]))(?![\w@.-]|\.\w)")

# a bare error reported with a number: "MNIST (0.37% error)", "an error of 2.1%"
_ERROR = (
    prefiltered(r"\d\s*%\s+(error)s?(?![\w-])(?!\s+(?:rates?|reductions?|bars?|bounds?|analysis|terms?)\b)"),
    prefiltered(r"(?i)(?<![\w-])(error)s?\s+(?:of|is|was|drops to|falls to|to)\s+(?:only\s+|just\s+|about\s+|roughly\s+)?\d+(?:\.\d+)?\s*%"),
)

def _positions(text: str, needle: str) -> list[int]:
    """Start of every occurrence of ``needle`` (a plain substring search: far cheaper than a regex
    scan of the whole text, which each rule here would otherwise cost)."""
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _stem_starts(*stems: str):
    """A ``matches_from`` start finder: where any of the stems begins in the lower-cased text (the
    pattern is tried there only, not at every position)."""
    def starts(low: str) -> list[int]:
        return [i for stem in stems for i in _positions(low, stem)]
    return starts


# benchmarks named by a suffix: VBench, MT-Bench, SWE-bench, AlpacaEval, IFEval, WebArena (not "Workbench")
_BENCHMARK_MARKS = ("Bench", "-bench", "BENCH", "Arena")
_EVAL_SUFFIX = re.compile(r"Eval(?![a-z])")
_BENCHMARK = re.compile(
    r"(?<![\w-])([A-Z][\w.+]*(?:[a-z0-9](?:Bench|Eval|Arena)|BENCH|-(?:[Bb]ench|Eval|Arena))(?:[-\s]?(?:Pro|Lite|Verified|Hard|Plus)|\+\+?|-?v?\d+(?:\.\d+)?)?)"
    r"(?:\s+(v\d+(?:\.\d+)?|\d\.\d+)(?![\w%]|\.\d))?(?![\w-])"
)

# tasks named by their modalities: "the standard text-to-image task", "text-to-video diffusion models"
_MODALITY = r"(?:text|image|video|audio|speech|3D|motion|music|sketch|layout|scene|shape|4D)"
_TO_MODALITY = re.compile(
    r"(?i)(?<![\w-])(" + _MODALITY + r"-to-(?:image|video|audio|3D|4D|motion|music|scene|shape))(?![\w-])"
    r"(?=\s*(?:\([A-Za-z0-9]{2,5}\)\s*)?(?:(?:generation|synthesis|diffusion|generative|generators?|models?|tasks?|benchmarks?"
    r"|settings?|scenarios?|pipelines?|systems?|applications?)\b|[,;.:)]|\s*(?:and|or)\b|$))"
)
_MODALITY_BEFORE = re.compile(r"(?i)(?<![\w-])" + _MODALITY + r"$")
_SYNTHESIS_AFTER = re.compile(r"\s*(?:\([A-Za-z0-9]{2,5}\)\s*)?synthesis\b", re.IGNORECASE)


# a name the paper gives its data: "we present InkSet, a large-scale dataset of ...", "a new benchmark
# called GlyphQA", "a small dataset s1K" (the proposal rules would read a method there)
_DATA_HEAD = r"(?:dataset|data set|benchmark|corpus|suite|testbed|leaderboard|collection)"
_NOT_BETWEEN = r"(?!(?:that|which|who|for|of|with|to|and|on|in|at|by|from|method|model|framework|approach|system|agent|pipeline|network|algorithm|baseline)\b)"
# each scan finds the literal tail first and reads the name in a short window before it (cheap)
_DATA_HEADS = ("dataset", "data set", "benchmark", "corpus", "suite", "testbed", "leaderboard", "collection")
_APPOSITIVE_BEFORE = re.compile(r",\s+(?:a|an|the)\s+(?:" + _NOT_BETWEEN + r"[\w-]+\s+){0,4}?$")
_NAME_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’.+-]*\s+){0,3}(?:[A-Z][\w.+-]*[\w+]|[a-z]+[A-Z0-9][\w.+-]*))\s*(?:\([^()]{1,20}\)\s*)?$")
_NAMED_TAIL = re.compile(_DATA_HEAD + r"\s+(?:(called|named|dubbed|termed|coined|namely)\s+)?[\"“]?([A-Za-z][\w.+-]*[\w+])(?![\w'’-])")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ur|new)\s+(?:[\w-]+\s+){0,3}?$")
_STOP_NAMES = frozenset("we it this these our they in to for finally moreover however".split())


def _data_name(name: str, text: str, start: int) -> bool:
    """A name, not a common word: name-shaped, or capitalised words inside a sentence."""
    words = name.split()
    if words[-1].lower().rstrip("s") in ("dataset", "benchmark", "corpus", "corpora", "suite", "data"):
        return False  # "the CNN and Daily Mail datasets, the ...": a list, not a name
    if len(words) == 1 and is_name_shaped(name):
        return True
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:" or not all(w[:1].isupper() or w in ("of", "and", "for") for w in words):
        return False
    return words[0][:1].isupper() and words[0].lower() not in _STOP_NAMES


# the names listed after "benchmarks:" or "datasets:" ("two benchmarks: (1) WebGPT - question pairs ...,
# and (2) Winning Arguments - where ...", "four datasets: IMDB, Elec, RCV1 and ...")
_LISTED_AFTER = re.compile(r"\b(?:datasets|benchmarks|corpora|environments|suites)\s*:\s*")
_LIST_ITEMS = re.compile(r"\s*(?:;|,)\s*(?:and\s+)?|\s+and\s+(?=\(?(?:\d|[ivx]+|[a-z])\)|[A-Z])")
_ENUMERATOR = re.compile(r"\(?(?:\d|[ivx]+|[a-z])\)\s*")
_LISTED_NAME = re.compile(r"(?:[A-Z][\w.+/-]*[\w+]|[a-z]+[A-Z0-9][\w.+-]*[\w+]|[A-Z])(?:\s+[A-Z][\w.+/-]*[\w+]){0,2}(?![\w'’-])")


_LISTED_STARTS = _stem_starts("datasets", "benchmarks", "corpora", "environments", "suites")


def listed_data(text: str) -> list[Mention]:
    """Each name that starts an item of a list after "benchmarks:" or "datasets:" (two names at least)."""
    found: list[Mention] = []
    for m in matches_from(_LISTED_AFTER, text, _LISTED_STARTS):
        end = text.find(". ", m.end())
        stretch = text[m.end() : end if end >= 0 else len(text)]
        names: list[Mention] = []
        pos = 0
        for item in _LIST_ITEMS.split(stretch):
            at = stretch.find(item, pos)
            pos = at + len(item)
            enum = _ENUMERATOR.match(item)
            skip = enum.end() if enum else 0
            name = _LISTED_NAME.match(item, skip)
            if name is None or name.group().split()[0].lower() in _STOP_NAMES:
                break
            names.append(Mention(m.end() + at + name.start(), m.end() + at + name.end(), "dataset", "list:listed", 0.6))
        if len(names) >= 2:
            found.extend(names)
    return found


# plain capitalised names the paper evaluates on: "Our experiments on Sokoban, Maze, and Taxi show ..."
# (environments and games; three names at least, no language: "on English, German and French")
_EVALUATED_ON = prefiltered(
    r"\b(?:[Ee]xperiments?|[Ee]valuat\w*|[Tt]ested|[Tt]ests?|[Rr]esults?|[Vv]alidated|[Bb]enchmarked)\s+(?:[\w-]+\s+){0,4}?on\s+(?:the\s+)?"
    r"([A-Z][a-z][\w-]*(?:\s*,\s*[A-Z][a-z][\w-]*){1,8}\s*,?\s+and\s+[A-Z][a-z][\w-]*)(?![\w'’-]|\s+[A-Z])"
)


_EVALUATED_STARTS = _stem_starts("experiment", "evaluat", "test", "result", "validated", "benchmarked")


def evaluated_on(text: str) -> list[Mention]:
    """Each capitalised word of a list of three or more that the paper evaluates on (a dataset)."""
    found: list[Mention] = []
    languages = vocabulary().languages
    for m in matches_from(_EVALUATED_ON, text, _EVALUATED_STARTS):
        items = [(w.start(), w.group()) for w in re.finditer(r"[A-Z][\w-]*", m.group(1))]
        if len(items) < 3 or any(w in languages for _, w in items):
            continue
        found.extend(Mention(m.start(1) + i, m.start(1) + i + len(w), "dataset", "cue:evaluated-on", 0.55) for i, w in items)
    return found


# named data sources coordinated before "data": "Using OpenWeather and Meteostat data" (not "English and German data")
_SOURCES_DATA = prefiltered(
    r"(?<![\w-])([A-Z][\w.+-]*[\w+](?:\s*,\s*[A-Z][\w.+-]*[\w+])*,?\s+(?:and|or)\s+[A-Z][\w.+-]*[\w+])\s+data\b(?!\s*-?sets?\b)"
)


def source_data(text: str) -> list[Mention]:
    """Each name of a list of data sources ("OpenWeather and Meteostat data")."""
    found: list[Mention] = []
    stop = vocabulary().languages
    for i in _positions(text, " data"):
        m = _SOURCES_DATA.search(text, max(0, i - 120), i + 16)  # the list ends at this " data"
        if m is None or m.end() != i + 5:
            continue
        names = [(w.start(), w.group()) for w in re.finditer(r"[A-Z][\w.+-]*[\w+]", m.group(1))]
        if any(w in stop or w.lower() in _STOP_NAMES for _, w in names):
            continue
        found.extend(Mention(m.start(1) + i, m.start(1) + i + len(w), "dataset", "list:sources", 0.6) for i, w in names)
    return found


# the CNN news stories beside the Daily Mail ones are data, not a convolutional network
_NEWS = prefiltered(r"(?<![\w-])(CNN)(?:\s*(/)\s*|\s+(?:and|&)\s+(?:the\s+)?)(Daily\s?Mail)(?![\w-])")


def named_data(text: str) -> list[Mention]:
    """Names the paper gives to the data or benchmark it presents."""
    found: list[Mention] = []
    for m in _NEWS.finditer(text):
        if m.group(2):  # "CNN / DailyMail": one corpus
            found.append(Mention(m.start(1), m.end(3), "dataset", "named:dataset", 0.8, name="CNN/" + m.group(3)))
        else:
            found.append(Mention(m.start(1), m.end(1), "dataset", "named:dataset", 0.8))
    heads = []  # (start, head word) of every data head, in text order: one search loop per word, no generator
    find = text.find
    for h in _DATA_HEADS:
        i = find(h)
        while i >= 0:
            heads.append((i, h))
            i = find(h, i + 1)
    heads.sort()
    for i, h in heads:  # "InkSet, a large-scale dataset"
        end = i + len(h)
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue  # "datasets", "benchmarking": the head word must end there
        tail = _APPOSITIVE_BEFORE.search(text, max(0, i - 120), i)
        if tail is None:
            continue
        name = _NAME_BEFORE.search(text, max(0, tail.start() - 80), tail.start())
        if name and _data_name(name.group(1), text, name.start(1)):
            found.append(Mention(name.start(1), name.end(1), "dataset", "named:dataset", 0.8))
    for i, _ in heads:  # "a new benchmark called GlyphQA", "a small dataset s1K"
        m = _NAMED_TAIL.match(text, i)
        if m is None:
            continue
        name = m.group(2)
        if not _ARTICLE_BEFORE.search(text, max(0, m.start() - 50), m.start()) or name.lower() in _STOP_NAMES:
            continue
        if is_name_shaped(name) or m.group(1) and _data_name(name, text, m.start(2)):
            found.append(Mention(m.start(2), m.end(2), "dataset", "named:dataset", 0.8))
    return found


# a metric the paper names: 'we propose the metric "node compactness"', "``label sharpness'' (K_F) ...,
# a metric which we propose", "a new metric called FooScore"
_QUOTE_OPEN, _QUOTE_CLOSE = r"(?:``|[\"“‘])", r"(?:''|[\"”’])"
_NAMED_METRIC = (
    prefiltered(r"\b(?:metric|measure)s?,?\s+(?:(?:called|named|termed|dubbed|coined)\s+)?" + _QUOTE_OPEN + r"\s*([A-Za-z][\w -]{2,40}?)\s*" + _QUOTE_CLOSE),
    prefiltered(_QUOTE_OPEN + r"\s*([A-Za-z][\w -]{2,40}?)\s*" + _QUOTE_CLOSE + r"\s*(?:\([^()]{1,20}\)\s*)?(?:of\s+[^,.;]{1,60})?,\s+(?:a|an|the)\s+(?:new\s+|novel\s+|proposed\s+)?(?:metric|measure)\b"),
    prefiltered(r"\b(?:new|novel|proposed)\s+(?:[\w-]+\s+)?(?:metric|measure),?\s+(?:called|named|termed|dubbed|coined)\s+([A-Z][\w-]*[\w])"),
)


# an outcome a result changes: "reduces electricity costs by 14.2%", "a reduction of inventory holding
# costs", "the lowest peak hour demand", "reduces token usage and execution time" (operational metrics)
_CHANGE = prefiltered(
    r"(?i)\b(?:(?:reduc|lower|decreas|increas|improv|enhanc|boost|minimi[sz]|maximi[sz])(?:e|es|ed|ing|s)?|cut(?:s|ting)?"
    r"|(?:reduction|decrease|increase|improvement|drop|decline|gain|rise|saving)s?\s+(?:in|of)|(lowest|highest))"
    r"\s+(?:the\s+|their\s+|its\s+|our\s+)?(?=[a-z])"
)
_OUTCOME_CUES = ("reduc", "lower", "decreas", "increas", "improv", "enhanc", "boost", "minimi", "maximi", "cut", "drop", "decline", "gain", "rise", "saving", "lowest", "highest")
_CHANGE_STARTS = _stem_starts(*_OUTCOME_CUES)
_OUTCOME_LIST = re.compile(r"[^.;:()\[\]]{1,100}")
_OUTCOME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_OUTCOME_ENDS = frozenset(
    "by compared while from relative than over across with on in for of during when at to under without versus vs "
    "as per that which whereas respectively".split()
)
_OUTCOME_STOP = frozenset(
    "the a an their its our this these overall total average mean significant substantial considerable notable "
    "large small high low higher lower better worse best additional extra unnecessary excessive same both either".split()
)
# the sentence reports a result: a number, a comparison or a finding (not "congestion can increase the waiting time")
_RESULT = re.compile(
    r"(?i)\d|\b(?:results?|findings?|shows?|showed|demonstrat\w*|compared|than|baselines?|experiment\w*|achiev\w*|outperform\w*"
    r"|evaluat\w*|(?:the|our) (?:proposed )?(?:method|approach|framework|system|model))\b"
)
_OUTCOME_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
_ACHIEVES = re.compile(r"\b(?:achiev|attain|obtain|record|deliver)\w*\s+(?:the\s+)?$")


def outcome_metrics(text: str) -> list[Mention]:
    """Named quantities a result changes: "reduces electricity costs by 14.2%", "an improvement in
    product mix turnover", "enhances forecast reliability, critical success index and warning lead
    time". Each list item must end in an outcome head and have a modifier ("costs" alone is vague)."""
    heads = vocabulary().outcome_heads
    found: list[Mention] = []
    for m in matches_from(_CHANGE, text, _CHANGE_STARTS):
        chunk = _OUTCOME_LIST.match(text, m.end())
        if chunk is None:
            continue
        lo, hi = text.rfind(". ", 0, m.start()) + 1, text.find(". ", m.end())
        if not _RESULT.search(text, lo, hi if hi >= 0 else len(text)):
            continue
        if m.group(1) and not _ACHIEVES.search(text, max(0, m.start() - 30), m.start()):
            continue  # "the label yielding the highest score": a superlative counts only as an achieved result
        pos = m.end()
        for item in _OUTCOME_SPLIT.split(chunk.group()):
            if _CHANGE.match(item):
                break  # "... and reduces memory usage": the next change, read from its own cue
            words = item.split()
            cut = next((k for k, w in enumerate(words) if w.lower() in _OUTCOME_ENDS), len(words))
            phrase = words[:cut]
            start = text.find(item, pos) if item else -1
            if 2 <= len(phrase) <= 4 and all(_OUTCOME_WORD.fullmatch(w) for w in phrase) and phrase[-1] in heads \
                    and not any(w in _OUTCOME_STOP for w in phrase) and start >= 0:
                end = start + len(" ".join(phrase))
                if text[start:end] == " ".join(phrase):
                    found.append(Mention(start, end, "metric", "cue:outcome", 0.6))
            if cut < len(words) or len(words) > 4 or start < 0:
                break
            pos = start + len(item)
    return _same_quantity(found, text)


def _same_quantity(found: list[Mention], text: str) -> list[Mention]:
    """One quantity written twice: "electricity revenue" and "electricity selling revenue" (same first
    and last word, the longer holding the shorter's words) take the shorter's name."""
    if len(found) < 2:
        return found
    words = [text[m.start : m.end].lower().split() for m in found]
    out = []
    for m, w in zip(found, words):
        short = next((v for v in words if len(v) < len(w) and v[0] == w[0] and v[-1] == w[-1] and set(v) <= set(w)), None)
        out.append(m._replace(name=" ".join(short)) if short else m)
    return out


# quantities listed before "measures" or "metrics": "Utilizing cosine similarity and Wasserstein Distance
# measures, we find ...", "with the Preference Fairness and Position Consistency metrics"
_MEASURES_LIST = re.compile(
    r"(?i)\b(?:us(?:e|es|ed|ing)|utili[sz](?:e|es|ed|ing)|with|via|by|adopt(?:s|ed|ing)?|employ(?:s|ed|ing)?|report(?:s|ed|ing)?|both)\s+"
    r"(?:the\s+|two\s+|three\s+)?((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*){0,4})"
    r"\s+(?-i:measures|metrics)(?=\s*(?:[,.;:)]|$|(?:to|for|that|which|and|in|on|as|of|from|is|are|were|was)\b))"
)


# capitalised names of quantities computed or reported: "to compute both Preference Fairness and Position Consistency"
_COMPUTED_LIST = prefiltered(
    r"\b(?:compute[sd]?|computing|calculat(?:e|es|ed|ing)|measur(?:e|es|ed|ing)|report(?:s|ed|ing)?)\s+(?:both\s+|the\s+)?"
    r"((?:[A-Z][a-z][\w-]*\s+){0,2}[A-Z][a-z][\w-]*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[A-Z][a-z][\w-]*\s+){0,2}[A-Z][a-z][\w-]*)+)(?=\s*[.,;(])"
)


_MEASURES_STARTS = _stem_starts("us", "utili", "with", "via", "by", "adopt", "employ", "report", "both")
_COMPUTED_STARTS = _stem_starts("comput", "calculat", "measur", "report")


def measure_lists(text: str) -> list[Mention]:
    """The quantities a list before "measures" or "metrics" names, and a list of capitalised names
    computed or reported: each item a metric."""
    vocab = vocabulary()
    found: list[Mention] = []
    listed = matches_from(_MEASURES_LIST, text, _MEASURES_STARTS) if "measures" in text or "metrics" in text else ()
    for m in [*listed, *matches_from(_COMPUTED_LIST, text, _COMPUTED_STARTS)]:
        pos = m.start(1)
        for item in _OUTCOME_SPLIT.split(m.group(1)):
            start = text.find(item, pos)
            pos = start + len(item)
            words = item.lower().split()
            if any(w in vocab.modifier_stop for w in words) or item.lower() in vocab.generic_names or vocab.head_type(words[-1]) not in (None, "metric"):
                continue
            found.append(Mention(start, start + len(item), "metric", "cue:measures", 0.6))
    return found


# a task named as the kind of benchmark or task: "code-generation benchmarks", "retrieval benchmarks"
_TASK_NOUN_TAIL = re.compile(r"(?:benchmarks?|tasks?)\b")
_WORD_BEFORE = re.compile(r"(?<![\w-])((?:[a-z][a-z0-9]*-)*[a-z][a-z0-9]*)$")


def result_mentions(text: str) -> list[Mention]:
    """Metrics, datasets and tasks read from the way results are reported."""
    found: list[Mention] = []
    if "metric" in text or "measure" in text:
        quoted = any(q in text for q in ('"', "“", "‘", "``"))
        for k, pattern in enumerate(_NAMED_METRIC):
            for m in pattern.finditer(text) if quoted or k == 2 else ():
                found.append(Mention(m.start(1), m.end(1), "metric", "named:metric", 0.8))
    heads = vocabulary().heads["task"]
    for i in sorted([*_positions(text, "task"), *_positions(text, "benchmark")]):
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == i or j == 0 or not "a" <= text[j - 1] <= "z" or not _TASK_NOUN_TAIL.match(text, i):
            continue
        word = _WORD_BEFORE.search(text, max(0, j - 60), j)
        if word is None:
            continue
        name = word.group(1)
        head = name.rfind("-")
        if name[head + 1 :] in heads:
            display = name[:head] + " " + name[head + 1 :] if head > 0 else None
            found.append(Mention(word.start(1), word.end(1), "task", "cue:task-noun", 0.6, name=display))
    if "@" in text:
        for m in _AT_K.finditer(text):
            found.append(Mention(m.start(1), m.end(1), "metric", "cue:at-k", 0.7))
    for pattern in _ERROR:
        for m in pattern.finditer(text):
            found.append(Mention(m.start(1), m.end(1), "metric", "cue:error", 0.6, name="error"))
    if any(map(text.__contains__, _BENCHMARK_MARKS)) or "Eval" in text and _EVAL_SUFFIX.search(text):
        for m in _BENCHMARK.finditer(text):
            found.append(Mention(m.start(), m.end(), "dataset", "shape:benchmark", 0.7))
    low = text.lower() if "-to-" in text or "-To-" in text or "-TO-" in text else ""
    for i in _positions(low, "-to-") if low else ():
        left = _MODALITY_BEFORE.search(text, max(0, i - 8), i)
        m = _TO_MODALITY.match(text, left.start()) if left else None
        if m is None:
            continue
        if _SYNTHESIS_AFTER.match(text, m.end(1)):
            continue  # "text-to-image synthesis": the head phrase names it
        name = m.group(1).lower().replace("3d", "3D").replace("4d", "4D") + " generation"
        found.append(Mention(m.start(1), m.end(1), "task", "cue:modality", 0.6, name=name))
    found.extend(named_data(text))
    if ":" in text:
        found.extend(listed_data(text))
    found.extend(outcome_metrics(text))
    if " on " in text:
        found.extend(evaluated_on(text))
    if " data" in text:
        found.extend(source_data(text))
    found.extend(measure_lists(text))
    return found


# "mixed precision", "arbitrary precision", "FP16 precision": number formats, not the metric
_NUMERIC_BEFORE = re.compile(
    r"(?i)(?:\b(?:arbitrary|numerical|numeric|floating[- ]point|mixed|half|full|single|double|machine|"
    r"bit|[248]-bit|16-bit|32-bit|int\d+|fp\d+|bf16|bfloat16|float\d*)|\d-bit)[\s-]+$"
)
_NUMERIC_AFTER = re.compile(r"[\s-]+(?:training|arithmetic|formats?|floating|weights?|inference|quantization|computation|numbers?)\b", re.IGNORECASE)
# "precision farming", "precision medicine": a field named by its precision, not the metric
_FIELD_AFTER = re.compile(
    r"[\s-]+(?:farming|agriculture|medicine|oncology|health|healthcare|livestock|nutrition|irrigation|psychiatry|engineering|manufacturing)\b",
    re.IGNORECASE,
)


def without_number_formats(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions without a "precision" that names a number format or a field ("precision farming")."""
    return [
        m for m in mentions
        if not (m.type == "metric" and text[m.start : m.end].lower().endswith("precision")
                and (_NUMERIC_BEFORE.search(text, max(0, m.end - 29), m.end - 9) or _NUMERIC_AFTER.match(text, m.end)
                     or _FIELD_AFTER.match(text, m.end)))
    ]
