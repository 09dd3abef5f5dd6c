"""Synthetic corpus generator for the scale benchmarks: realistic abstracts at any size.

Abstracts are recombined from real sentences (the bundled Daily Papers example and, when
present beside the repository, the public corpora under ``../shared/eval``: SciERC, SciREX,
TDMSci; never SciER, whose licence forbids shipping it). Names in those sentences (acronyms,
CamelCase and alphanumeric tokens, URLs) become typed slots, refilled per paper from a
Zipf-ranked vocabulary so that popular entities recur often and freshly invented names
("GraphFormer-3") appear rarely, the long tail a real corpus has. Paper ``i`` depends only on
the seed and ``i``: a corpus of 100,000 is the prefix of one of a million.

    python benchmarks/synth.py --n 100000 --seed 1 -o corpus.jsonl
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "daily-papers-sep-11.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
#: Public corpora used when present (span files: their gold mentions type the slots).
EVAL_FILES = (
    "scierc/train.jsonl",
    "scierc/dev.jsonl",
    "scierc/test.jsonl",
    "scirex/train_abstracts.jsonl",
    "tdmsci/train.jsonl",
    "tdmsci/test.jsonl",
)

URL = re.compile(r"https?://[^\s)\]}>,;]+[^\s)\]}>,;.\"]|https?\s*:\s*//\s*[\w.-]+(?:\s*/\s*[\w-][\w.-]*)*")
TOKEN = re.compile(r"(?<![\w/.@-])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![\w/@-])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
FRAGMENT = re.compile(r"^(?:Table|Figure|Fig\.|As shown in)\b|^[^(]*\)")
PROPOSING = re.compile(r"\b(?:propose|proposes|introduce|introduces|present|called|dubbed|named|termed)\b[^.]{0,40}$", re.I)

#: Morphemes for invented names (the long tail of new methods and datasets).
PREFIXES = (
    "Graph Deep Sparse Flash Meta Hyper Neural Auto Vision Token Mix Fast Tiny Mega Quant Diff "
    "Latent Cross Self Multi Uni Omni Dyna Poly Swin Conv Attn Retro Proto Contra Flow Wave "
    "Spectra Geo Chrono Lumi Astra Nova Zeta Orbit Echo Prism Delta Sigma Kernel Lattice"
).split()
SUFFIXES = "Net Former GAN BERT Diff Flow Mamba VAE Seg Det Fusion Align Prompt Tune Mixer Coder GPT RL Distill Rank".split()
VERSIONS = ("", "", "", "-2", "-3", "-XL", "-S", "-L", "v2", "++", "-Lite")
DATASET_SUFFIXES = ("Bench", "-1M", "QA", "Set", "-Eval", "-10K", "Corpus", "-Hard")
GIVEN = "Ana Wei Luca Priya Jonas Mei Omar Sara Yuki Pavel Lena Diego Chen Aisha Tom Ines Ravi Noor Kai Elif".split()
FAMILY = "Zhang Li Wang Smith Garcia Kumar Muller Rossi Tanaka Kim Nguyen Silva Novak Cohen Ahmed Sato Lopez Ivanova Brown Haddad".split()
CATEGORIES = ("cs.LG", "cs.CV", "cs.CL", "cs.AI", "stat.ML", "cs.NE", "cs.IR", "eess.AS", "cs.RO")

#: Slot types: gold-typed names from the corpora, untyped names, and code URLs.
NAME, URL_SLOT = "name", "url"
INVENTIVE = {"method": "method", NAME: "method", "dataset": "dataset"}
P_NEW = {"method": 0.04, NAME: 0.03, "dataset": 0.01}
P_NEW_PROPOSING = 0.8
P_REUSE = 0.35  # a name already used in the paper comes back, as in real abstracts
ZIPF_S = 1.05
POSITIONS = 4  # first sentence, early middle, late middle, last


@dataclass(frozen=True, slots=True)
class Slot:
    """A name to refill: its type, and whether the sentence proposes it ("we propose X")."""

    type: str
    proposing: bool = False


#: A sentence template: literal text and slots, alternating.
Template = tuple["str | Slot", ...]


@dataclass(frozen=True, slots=True)
class Source:
    """One real document: an optional title and its sentences."""

    title: str | None
    sentences: tuple[str, ...]
    spans: tuple[tuple[str, str], ...] = ()  # gold (mention text, type) pairs, for typing slots


# --------------------------------------------------------------------------- reading sources


def read_example(path: Path = EXAMPLE) -> list[Source]:
    """Titles and abstracts of a Daily Papers page saved as text (title line, blank, abstract)."""
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", b)) + 1
    return [
        Source(title, tuple(split_sentences(abstract)))
        for title, abstract in zip(blocks[start::2], blocks[start + 1 :: 2], strict=False)
    ]


def read_eval(path: Path) -> list[Source]:
    """Documents of one span-annotated corpus file (``text`` plus gold mention spans)."""
    sources = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            spans = tuple((e["text"], e["type"]) for e in record.get("entities") or ())
            sources.append(Source(record.get("title"), tuple(split_sentences(record["text"])), spans))
    return sources


def default_sources(shared_eval: Path | None = SHARED_EVAL) -> list[Source]:
    """The bundled example plus every public corpus found under ``shared_eval``."""
    sources = read_example()
    if shared_eval is not None:
        for name in EVAL_FILES:
            if (shared_eval / name).is_file():
                sources += read_eval(shared_eval / name)
    return sources


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, without fragments (table captions, cut citations)."""
    sentences = (s.strip() for s in SENTENCE_END.split(" ".join(text.split())))
    return [s for s in sentences if s and not FRAGMENT.search(s)]


# --------------------------------------------------------------------------- the model


def is_name(token: str) -> bool:
    """Acronyms, CamelCase and alphanumeric tokens: the names whose frequencies we reshape."""
    upper = sum(c.isupper() for c in token)
    return upper >= 2 or (upper >= 1 and any(c.isdigit() for c in token)) or bool(re.search(r"[a-z][A-Z]", token))


def defines(sentence: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is an acronym in parentheses after its long form, kept as written so that
    "Spiking Heidelberg Dataset (SHD)" stays one entity rather than pairing with a random name."""
    before, after = sentence[: match.start()], sentence[match.end() :]
    if not before.endswith("(") or not after.lstrip("s").startswith((")", ",", ";")):
        return False
    initial = match.group()[0].lower()
    words = re.findall(r"[A-Za-z]+", before[:-1])[-len(match.group()) - 2 :]
    return any(w[0].lower() == initial for w in words)


def templatize(sentence: str, types: dict[str, str]) -> tuple[Template, list[tuple[str, str]]]:
    """Cut ``sentence`` into literal text and slots; also return the (name, type) pairs cut out."""
    parts: list[str | Slot] = []
    names: list[tuple[str, str]] = []
    pos = 0
    matches = sorted([*((m, URL_SLOT) for m in URL.finditer(sentence)), *((m, None) for m in TOKEN.finditer(sentence))], key=lambda x: x[0].start())
    for match, kind in matches:
        if match.start() < pos:
            continue  # a token inside a URL
        text = match.group()
        if kind is None:
            if not is_name(text) or defines(sentence, match):
                continue
            kind = types.get(text, NAME)
            names.append((text, kind))
        parts.append(sentence[pos : match.start()])
        parts.append(Slot(kind, bool(PROPOSING.search(sentence[: match.start()]))))
        pos = match.end()
    parts.append(sentence[pos:])
    return tuple(p for p in parts if p != ""), names


class Vocabulary:
    """Names of one slot type ranked by real frequency, drawn with Zipf weights by rank."""

    def __init__(self, counts: Counter[str]) -> None:
        self.names = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        total, self.cum = 0.0, []
        for rank in range(1, len(self.names) + 1):
            total += rank**-ZIPF_S
            self.cum.append(total)

    def draw(self, rng: Random) -> str:
        return self.names[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


class Generator:
    """Builds the templates and vocabularies once; :meth:`paper` makes paper ``i`` of a seed."""

    def __init__(self, sources: Sequence[Source]) -> None:
        if not sources:
            raise ValueError("no source documents to recombine")
        types = _gold_types(sources)
        counts: dict[str, Counter[str]] = {}
        self.positions: list[list[Template]] = [[] for _ in range(POSITIONS)]
        self.titles: list[Template] = []
        self.lengths: list[int] = []
        for source in sources:
            n = len(source.sentences)
            if n >= 3:
                self.lengths.append(min(n, 14))
            if source.title:
                template, names = templatize(source.title, types)
                self.titles.append(template)
                _count(counts, names)
            for k, sentence in enumerate(source.sentences):
                template, names = templatize(sentence, types)
                _count(counts, names)
                for bucket in ([1, 2] if n == 1 else [_bucket(k, n)]):
                    self.positions[bucket].append(template)
        if not self.titles or not self.lengths or not all(self.positions):
            raise ValueError("the sources need titles and abstracts of three sentences or more")
        self.vocab = {kind: Vocabulary(c) for kind, c in counts.items() if c}

    def paper(self, seed: int, i: int) -> dict:
        """Paper ``i`` of corpus ``seed`` as a JSON-ready record (a function of both only)."""
        rng = Random((seed << 40) ^ i)
        own: dict[str, list[str]] = {}
        n = rng.choice(self.lengths)
        sentences = [self._fill(rng.choice(self.positions[_bucket(k, n)]), rng, own) for k in range(n)]
        title = self._fill(rng.choice(self.titles), rng, own)
        proposed = own.get("proposed:method")
        if proposed and not title.startswith(proposed[0]) and rng.random() < 0.5:
            title = f"{proposed[0]}: {title}"
        published = date(2012, 1, 1) + timedelta(days=int(5000 * rng.random() ** 0.5))
        return {
            "id": f"synth-{seed}-{i}",
            "title": title,
            "abstract": " ".join(sentences),
            "authors": [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(rng.randint(1, 8))],
            "published": published.isoformat(),
            "categories": sorted(rng.sample(CATEGORIES, rng.randint(1, 3))),
        }

    def papers(self, n: int, seed: int, start: int = 0) -> Iterator[dict]:
        for i in range(start, start + n):
            yield self.paper(seed, i)

    def _fill(self, template: Template, rng: Random, own: dict[str, list[str]]) -> str:
        out = []
        for part in template:
            out.append(part if isinstance(part, str) else self._name(part, rng, own))
        return "".join(out)

    def _name(self, slot: Slot, rng: Random, own: dict[str, list[str]]) -> str:
        """A name for ``slot``: the paper's own (URL, proposed method), one it used before,
        a new invention (rarely), or a known name drawn by Zipf rank."""
        if slot.type == URL_SLOT:
            if URL_SLOT not in own:
                own[URL_SLOT] = [f"https://github.com/{invent('method', rng).lower()}/{invent('method', rng)}"]
            return own[URL_SLOT][0]
        invented = INVENTIVE.get(slot.type)
        if invented is not None and slot.proposing and rng.random() < P_NEW_PROPOSING:
            return own.setdefault(f"proposed:{invented}", [invent(invented, rng)])[0]
        used = own.setdefault(slot.type, [])
        if used and rng.random() < P_REUSE:
            return rng.choice(used)
        if invented is not None and rng.random() < P_NEW[slot.type]:
            name = invent(invented, rng)
        else:
            vocab = self.vocab.get(slot.type) or self.vocab.get(NAME)
            name = vocab.draw(rng) if vocab else invent("method", rng)
        used.append(name)
        return name


def invent(kind: str, rng: Random) -> str:
    """A new, plausible name: ``GraphFormer-3``, ``MTQX``, ``LatentBench``."""
    if kind == "dataset":
        return rng.choice(PREFIXES) + rng.choice(DATASET_SUFFIXES)
    if rng.random() < 0.3:
        return "".join(chr(65 + rng.randrange(26)) for _ in range(rng.randint(3, 5)))
    return rng.choice(PREFIXES) + rng.choice(SUFFIXES) + rng.choice(VERSIONS)


def _gold_types(sources: Iterable[Source]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for source in sources:
        for text, kind in source.spans:
            if kind in ("method", "dataset", "metric", "task") and is_name(text):
                votes.setdefault(text, Counter())[kind] += 1
    return {text: c.most_common(1)[0][0] for text, c in votes.items()}


def _count(counts: dict[str, Counter[str]], names: Iterable[tuple[str, str]]) -> None:
    for text, kind in names:
        counts.setdefault(kind, Counter())[text] += 1


def _bucket(k: int, n: int) -> int:
    if k == 0:
        return 0
    if k == n - 1:
        return POSITIONS - 1
    return 1 if k < n / 2 else 2


# --------------------------------------------------------------------------- command line


def write(records: Iterable[dict], out) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        n += 1
    return n


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of papers")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--start", type=int, default=0, help="index of the first paper (default 0)")
    parser.add_argument("-o", "--output", default="-", help="JSON Lines file to write (default: stdout)")
    parser.add_argument("--example-only", action="store_true", help="recombine only the bundled example")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    args = parser.parse_args(argv)
    if args.n < 0 or args.seed < 0 or args.start < 0:
        parser.error("--n, --seed and --start must not be negative")
    sources = default_sources(None if args.example_only else SHARED_EVAL)
    generator = Generator(sources)
    if args.output == "-":
        write(generator.papers(args.n, args.seed, args.start), sys.stdout)
        return 0
    from kg.io import atomic_write

    out = Path(args.output)
    if out.exists() and not args.force:
        parser.error(f"{out} exists (use --force to overwrite)")
    with atomic_write(out) as fh:
        n = write(generator.papers(args.n, args.seed, args.start), fh)
    print(f"wrote {n} papers to {out} from {len(sources)} source documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
