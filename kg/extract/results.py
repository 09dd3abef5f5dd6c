"""Rules that read how results are reported: "pass@1", "0.37% error", "XBench", "text-to-video".

Recent abstracts report results in a compact house style that the head-noun and shape rules of
``rules`` do not type: metrics at a cut-off (pass@1, NDCG@10, Recall@20), a bare error beside a
number, benchmarks named by a suffix (VBench, AlpacaEval, WebArena, SWE-bench) and tasks named by
the modalities they map between ("the standard text-to-image task"). Pure functions over the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

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


def _stem_starts(*stems: str) -> Callable[[str], list[int]]:
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
    heads = sorted((i, h) for h in _DATA_HEADS for i in _positions(text, h))
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
            if _CHANGE.pattern.match(item):  # at the item's start: no prefilter (its 21 literal searches cost ~10x the match)
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


# a task named as the kind of benchmark or task: "code-generation benchmarks", "retrieval benchmarks"
_TASK_NOUN_TAIL = re.compile(r"(?:benchmarks?|tasks?)\b")
# a task named as the kind of task by an activity noun outside the head list: "game development tasks",
# "program-by-construction tasks", "a morphological generalization task" (with one plain modifier before it)
_ACTIVITY_NOUN = re.compile(r"(?:tion|ment)$|(?:^|-)(?:coding|programming|answering|solving|writing)$")
_NOT_ACTIVITY = frozenset("evaluation application applications".split())  # "evaluation tasks", "application tasks": no kind of task
_MODIFIER_BEFORE = re.compile(r"(?<![\w-])([a-z][a-z-]*)\s+$")
_NOT_MODIFIER = frozenset(
    "the a an of on in for and or to with our these those this that such as other various several many multiple diverse "
    "downstream two three four five all different new both standard common existing complex challenging real-world popular "
    "each every across".split()
)
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
        elif _ACTIVITY_NOUN.search(name) and name not in _NOT_ACTIVITY:
            start = word.start(1)
            before = _MODIFIER_BEFORE.search(text, max(0, start - 30), start)
            if before and before.group(1) not in _NOT_MODIFIER and not before.group(1).endswith(("ing", "ed", "ly")):
                start = before.start(1)  # "game development tasks", not "across development tasks" or "resolving ..."
            found.append(Mention(start, word.end(1), "task", "cue:task-noun", 0.6))
    if "@" in text:
        for m in _AT_K.finditer(text):
            found.append(Mention(m.start(1), m.end(1), "metric", "cue:at-k", 0.7))
    for pattern in _ERROR:
        for m in pattern.finditer(text):
            found.append(Mention(m.start(1), m.end(1), "metric", "cue:error", 0.6, name="error"))
    if any(mark in text for mark in _BENCHMARK_MARKS) or "Eval" in text and _EVAL_SUFFIX.search(text):
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
    found.extend(outcome_metrics(text))
    found.extend(quantified_metrics(text))
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


# a time quantity named as a phase ("at inference time") or as a modifier ("runtime environments",
# "distributed runtime feedback"): no measured quantity
_TIME_METRIC = re.compile(r"(?:runtime|run time|running time|inference time|training time|test time)$", re.IGNORECASE)
_PHASE_BEFORE = re.compile(r"\b(?:at|during)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"[\s-]+(?!(?:of|is|was|were|are|be|by|and|or|on|in|for|with|to|compared|than|from|over|across|per|under|at|while|when|as|that|which"
    r"|performance|overhead|cost|costs|speedup|reduction|reductions|improvement|improvements|increase|increases|decrease|decreases)\b)[a-z]{3,}\b"
)


def without_time_phases(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions without a time metric that names a phase or modifies a noun."""
    return [
        m for m in mentions
        if not (m.type == "metric" and _TIME_METRIC.search(text, m.start, m.end)
                and (_PHASE_BEFORE.search(text, max(0, m.start - 8), m.start) or _NOUN_AFTER.match(text, m.end)))
    ]


# a quantity reported with a number (round 21): "reduces the average number of model calls by about 69
# percent", "improves structural validity by up to 134%", "8.8% improvement in engagement breadth and 19.4%
# in engagement depth", "instruction violations decreasing from 26.6% to 5.8%", "a 61% goal success rate",
# "98.7% structural/style consistency". The number is the cue, so the head needs no outcome word (except
# after a bare percentage, where it must name a measure).
_QUANTITY = re.compile(r"\d(?<![\w.]\d)\d*(?:[.,]\d+)?\s*(?:\\?%|percent\b|percentage\s+points?\b|(?:x|×|-fold)(?![\w-]))")
_PHRASE = r"((?:[a-z]+\s+)?(?:(?:number|share|fraction|proportion|amount|percentage)\s+of\s+)?(?:[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*\s+){0,3}[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*)"
_BY_BEFORE = re.compile(
    r"\b(?:improv|reduc|increas|decreas|lower|boost|rais|cut|enhanc)\w*\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    + _PHRASE + r"\s+by\s+(?:(?:up\s+to|about|over|nearly|approximately|around|roughly|more\s+than|almost|as\s+much\s+as|at\s+least)\s+)?$"
)
_FROM_VERB_TO = r"(?:increas|decreas|ris|dropp|improv|fall|fell|rose|grew|grow|went|jump|climb)\w*\s+from\s+\d+(?:[.,]\d+)?\s*(?:\\?%|percent)?\s+to\s+$"
_FROM_BEFORE = re.compile(_PHRASE + r"\s+(?:(?:is|are|was|were|has|have)\s+(?:been\s+)?)?" + _FROM_VERB_TO)
# what ends every match of _FROM_BEFORE: searched first, since the whole pattern, tried at each of the 90
# positions of its window with the phrase's nested repeats, costs up to ~700 us a window ("Speed round 12")
_FROM_TAIL = re.compile(_FROM_VERB_TO)
_IN_AFTER = re.compile(
    r"\s+(?:absolute\s+|relative\s+|average\s+)?(?:improvement|increase|reduction|decrease|gain|drop|rise|boost|lift)\s+in\s+(?:(?:the|terms\s+of)\s+)?" + _PHRASE
)
_BARE_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?" + _PHRASE)
_MEASURE_AFTER = re.compile(r"\s+" + _PHRASE)
_QUANTITY_ENDS = _OUTCOME_ENDS | frozenset("and or while whereas is are was were has have been".split())
_QUANTITY_VAGUE = frozenset(
    "performance performances quality efficiency effectiveness results result capability capabilities ability abilities "
    "baseline baselines model models method methods approach approaches it them this that data parameters tokens "
    "samples cases time times".split()
)
_PLAIN_AFTER_ING = frozenset(("accuracy", "precision"))
_KNOWN_FIRST = frozenset(("recall", "precision", "accuracy"))
_COUNTED = frozenset("number share fraction proportion amount percentage".split())
_QUANTITY_LEAD = frozenset(
    "improved reduced increased decreased lowered boosted less more fewer smaller larger faster slower greater".split()
)


def _has_quantity(text: str) -> bool:
    """A cheap anchor for ``_QUANTITY``: a percent or fold mark, or an "x" right after a digit ("3x")."""
    if "%" in text or "percent" in text or "fold" in text or "×" in text:
        return True
    i = text.find("x", 1)
    while i > 0:
        if text[i - 1].isdigit():
            return True
        i = text.find("x", i + 1)
    return False


def _quantity_phrase(
    text: str, start: int, phrase: str, measured: frozenset[str] | None, *, before_verb: bool = False
) -> Mention | None:
    """The reported quantity in ``phrase`` (at ``start``), cut at the first function word (at the last
    one when the phrase is the subject before its verb); None when vague, too long, or (``measured``
    given) not headed by a measure word."""
    words = phrase.split()
    if before_verb:
        ends = [k for k, w in enumerate(words) if w in _QUANTITY_ENDS]
        words = words[ends[-1] + 1 :] if ends else words
    while words and (words[0] in _OUTCOME_STOP or words[0] in _QUANTITY_LEAD):
        words = words[1:]
    cut = next((k for k, w in enumerate(words) if w in _QUANTITY_ENDS and not (w == "of" and k == 1 and words[0] in _COUNTED)), len(words))
    words = words[:cut]
    if not words or len(words) > 5 or words[-1] in _QUANTITY_VAGUE or any(w in _OUTCOME_STOP for w in words):
        return None
    if measured is not None and words[-1] not in measured:
        return None
    if len(words) >= 2 and words[-1] in _PLAIN_AFTER_ING and words[-2].endswith("ing"):
        return None  # "93.15% average tagging accuracy": TDMSci and round 20 keep the bare measure
    if measured is not None and (words[0] in _KNOWN_FIRST or words[0].startswith("inter-")):
        return None  # "66% recall rate" is recall; an inter-annotator figure rates the data, not a result
    if len(words) == 1 and measured is None:
        return None
    name = " ".join(words)
    i = text.find(name, start)
    if i < 0:
        return None
    return Mention(i, i + len(name), "metric", "cue:quantity", 0.6)


@cache
def _measure_heads() -> frozenset[str]:
    """Words that head a measure written after a percentage: metric, outcome and reported heads."""
    vocab = vocabulary()
    return vocab.outcome_heads | vocab.heads["metric"] | vocab.reported_heads


def quantified_metrics(text: str) -> list[Mention]:
    """Quantities a result reports with a number: the changed quantity ("improves X by 12%", "a 3x
    increase in X", "X decreasing from 26.6% to 5.8%") and a measure after a percentage ("61% goal
    success rate")."""
    if not _has_quantity(text):
        return []
    found: list[Mention] = []
    after_change = -1
    for q in _QUANTITY.finditer(text):
        lo = max(0, q.start() - 90)
        before = text[lo : q.start()]
        tail = before[-32:]
        m = _BY_BEFORE.search(before) if " by " in tail else None  # cheap anchors first (NOTES "Speed round 11")
        m_from = _FROM_BEFORE.search(before) if m is None and tail.endswith(" to ") and _FROM_TAIL.search(before) else None
        if m or m_from:
            m = m or m_from
            hit = _quantity_phrase(text, lo + m.start(1), m.group(1), None, before_verb=m_from is not None)
            if hit:
                found.append(hit)
            continue
        m = _IN_AFTER.match(text, q.end())
        if m is None and after_change >= 0 and text.find(".", after_change, q.start()) < 0:
            m = _BARE_IN_AFTER.match(text, q.end())
        if m:
            after_change = q.end()
            hit = _quantity_phrase(text, m.start(1), m.group(1), None)
            if hit:
                found.append(hit)
            continue
        if "%" in q.group() or q.group().endswith("percent"):
            m = _MEASURE_AFTER.match(text, q.end())
            if m:
                hit = _quantity_phrase(text, m.start(1), m.group(1), _measure_heads())
                if hit:
                    found.append(hit)
    return found
