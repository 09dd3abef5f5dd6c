"""Text clean-up and stable ids for papers from any source.

``clean_text`` removes what arXiv, BibTeX and web pages leave in titles and abstracts (LaTeX
residue, HTML entities, soft hyphens, ragged whitespace); it is idempotent. The id helpers give
every paper a stable id: ``arxiv:2101.00001``, ``doi:10.1000/x`` or ``a-readable-slug-1a2b3c4d``.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources
from typing import Any

# ---------------------------------------------------------------------------------------------
# text


@cache
def _latex() -> dict[str, Any]:
    return json.loads(resources.files("kg.ingest").joinpath("data/latex.json").read_text("utf-8"))


_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LINE_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n")  # a literal prefix: a fast first test for the above
_DISPLAY_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<!\\)\$(?=\S)([^$]+?)(?<=[^\s\\])\$")
_HREF = re.compile(r"\\href\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_CITE = re.compile(r"~?\\(?:cite[a-z]*|ref|eqref|autoref|cref|Cref|label)\*?\s*(?:\[[^\]]*\]\s*)*\{[^{}]*\}")
_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_MATHBB = re.compile(r"\\(?:mathbb|mathds|bbm)\s*\{\s*(\w)\s*\}")
_ACCENT_SYMBOL = re.compile(r"\\([\"'`^~=.])\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))")
_ACCENT_LETTER = re.compile(r"\\([uvHckr])(?:\s*\{\s*\\?([A-Za-z])\s*\}|\s+([A-Za-z]))")
_COMMAND_ARG = re.compile(r"\\([A-Za-z]+)\*?\s*\{([^{}]*)\}")
_FONT_GROUP = re.compile(r"\{\\(?:em|bf|it|tt|sc|rm|sf|sl|small|large|Large|footnotesize)\b\s*([^{}]*)\}")
_ESCAPE = re.compile(r"\\([%&_#$ ,;:!\-{}\\])")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
# a brace outside a link; a link (its whole token) is kept as written, so that the extractor still
# sees where its markup starts: "https://github.com/x/y{Name}." is the link https://github.com/x/y
# (GUIDELINES rule 6), where dropping the braces would make it .../yName
_BRACE_OR_LINK = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|[\w-]+(?:\.[\w-]+)+/)\S*|[{}]", re.IGNORECASE)


def clean_text(text: str | None) -> str:
    """Normalise a title, abstract or name: HTML entities, LaTeX residue, soft hyphens,
    words hyphenated across a line break, Unicode NFC, and whitespace collapsed to single spaces.

    Idempotent: ``clean_text(clean_text(s)) == clean_text(s)``. A hyphen at a line break is kept
    (``self-\\nsupervised`` becomes ``self-supervised``): in typed abstracts it is almost always a
    real compound, not a typesetting artefact.
    """
    if not text:
        return ""
    if not _needs_work(text):  # the common case: only whitespace and NFC to fix
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        return " ".join(text.split())
    text = _pass(text)
    for _ in range(50):
        if not _needs_work(text):
            break
        cleaned = _pass(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _needs_work(text: str) -> bool:
    """True when a pass would change more than whitespace (cheap substring tests first)."""
    return (
        "\\" in text
        or "$" in text
        or "&" in text
        or "{" in text
        or "}" in text
        or ("\n" in text and _HYPHEN_BREAK.search(text) is not None and _LINE_HYPHEN.search(text) is not None)
        or (not text.isascii() and _INVISIBLE.search(text) is not None)
    )


def _pass(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    if "\n" in text and _HYPHEN_BREAK.search(text) is not None:
        text = _LINE_HYPHEN.sub("-", text)
    if "\\" in text or "$" in text or "{" in text or "}" in text:
        text = _strip_latex(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def _strip_latex(text: str) -> str:
    latex = _latex()
    symbols: dict[str, str] = latex["symbols"]
    accents: dict[str, str] = latex["accents"]
    escapes: dict[str, str] = latex["escapes"]
    if "$" in text:
        if "$$" in text:
            text = _DISPLAY_MATH.sub(r"\1", text)
        text = _INLINE_MATH.sub(r"\1", text)
    if "\\" in text:  # each rule only when its command can be there: most text has none
        if "\\href" in text:
            text = _HREF.sub(lambda m: m[1] if m[1].strip() == m[2].strip() else f"{m[2]} ({m[1]})", text)
        if "ref" in text or "cite" in text or "label" in text:
            text = _CITE.sub("", text)
        text = _ACCENT_SYMBOL.sub(lambda m: unicodedata.normalize("NFC", (m[2] or m[3]) + accents[m[1]]), text)
        text = _ACCENT_LETTER.sub(lambda m: unicodedata.normalize("NFC", (m[2] or m[3]) + accents[m[1]]), text)
        if "\\math" in text or "\\bbm" in text:
            text = _MATHBB.sub(lambda m: latex["double_struck"].get(m[1], m[1]), text)
        if "frac" in text:
            text = _FRAC.sub(r"\1/\2", text)
        if "{" in text:
            text = _COMMAND_ARG.sub(lambda m: symbols.get(m[1], "") + m[2] if m[1] in symbols else m[2], text)
            text = _FONT_GROUP.sub(r"\1", text)
        text = _ESCAPE.sub(lambda m: escapes[m[1]], text)
        text = _COMMAND.sub(lambda m: symbols.get(m[1], m[1]), text)
    if "{" in text or "}" in text:
        text = _BRACE_OR_LINK.sub(_without_braces, text)
    return text


def _without_braces(match: re.Match[str]) -> str:
    """A brace goes; a link stays as written, except closing braces with no opening one in it
    ("{https://x.io/a}" -> "https://x.io/a")."""
    token = match[0]
    if token in "{}":
        return ""
    return token if "{" in token else token.replace("}", "")


# ---------------------------------------------------------------------------------------------
# ids

_WORD = re.compile(r"\w+")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_ARXIV_NEW = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(?:v\d+)?")
_ARXIV_OLD = re.compile(r"([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
_ARXIV_PREFIX = re.compile(
    r"^(?:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/)", re.IGNORECASE
)
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
SLUG_MAX_CHARS = 60


def title_key(title: str) -> str:
    """The de-duplication key of a title: case-folded words and digits only, no punctuation."""
    folded = title.lower() if title.isascii() else unicodedata.normalize("NFKC", title).casefold()
    return "".join(_WORD.findall(folded.replace("_", " ")))


def slugify(text: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """A readable ASCII slug: ``Deep Networks Always Grok!`` -> ``deep-networks-always-grok``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = ""
    for word in _SLUG_WORD.findall(ascii_text):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            return slug or candidate[:max_chars]
        slug = candidate
    return slug


def title_id(title: str) -> str:
    """The id of a paper known only by its title: slug plus 8 hex digits of a hash of its key."""
    digest = hashlib.sha1(title_key(title).encode("utf-8")).hexdigest()[:8]
    return f"{slugify(title) or 'paper'}-{digest}"


def is_generated_id(paper_id: str, title: str) -> bool:
    """True when ``paper_id`` is the slug id :func:`title_id` makes, not one the input gave."""
    return paper_id == title_id(title)


def parse_arxiv_id(value: Any) -> str | None:
    """The bare arXiv id (no version) in ``value``: ``arXiv:2101.00001v2``, an abs/pdf URL, or
    ``hep-th/9901001``; None when it is not one."""
    if not isinstance(value, str):
        return None
    text = _ARXIV_PREFIX.sub("", value.strip())
    if text.endswith(".pdf"):
        text = text[:-4]
    text = text.rstrip("/")
    match = _ARXIV_NEW.fullmatch(text)
    if match:
        month = int(match[2])
        if 1 <= month <= 12 and (len(match[3]) == 4 or int(match[1] + match[2]) >= 1501):
            return f"{match[1]}{match[2]}.{match[3]}"
        return None
    match = _ARXIV_OLD.fullmatch(text)
    return match[1] if match else None


def parse_doi(value: Any) -> str | None:
    """A DOI in canonical lower case (``10.1000/xyz``) from a bare DOI, ``doi:`` or doi.org URL."""
    if not isinstance(value, str):
        return None
    text = _DOI_PREFIX.sub("", value.strip())
    match = _DOI.fullmatch(text)
    return match[0].rstrip(".").lower() if match else None


def arxiv_key(arxiv_id: str) -> str:
    return f"arxiv:{arxiv_id}"


def doi_key(doi: str) -> str:
    return f"doi:{doi}"


# ---------------------------------------------------------------------------------------------
# dates and authors

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_RFC_DATE = re.compile(r"(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\b")
_YEAR = re.compile(r"(1[89]\d\d|2\d\d\d)")
_YEAR_MONTH = re.compile(r"(1[89]\d\d|2\d\d\d)-(\d{1,2})")


def parse_month(value: Any) -> int | None:
    """A month number from ``9``, ``"09"``, ``"sep"`` or ``"September"``."""
    if value is None:
        return None
    text = str(value).strip().lower().rstrip(".")
    if text.isdigit():
        month = int(text)
        return month if 1 <= month <= 12 else None
    return _MONTHS.get(text)


def parse_date(value: Any, month: Any = None) -> date | None:
    """A publication date from ISO dates and timestamps, RFC 2822 dates, ``2023-09`` or a year.

    A year alone (or year and month) gives the first day of that year (or month), so papers
    still sort and group by time; unparseable values give None.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return _year_date(str(value), month)
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _RFC_DATE.match(text)
    if match and match[2].lower() in _MONTHS:
        try:
            return date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    match = _YEAR_MONTH.fullmatch(text)
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1)
    return _year_date(text, month)


def _year_date(text: str, month: Any) -> date | None:
    if not _YEAR.fullmatch(text):
        return None
    return date(int(text), parse_month(month) or 1, 1)


_AND = re.compile(r"\s+and\s+|\s*;\s*|\s*\n\s*")
_AND_COMMA = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*;\s*")


def split_authors(value: Any) -> tuple[str, ...]:
    """Author names from a list of names or ``{"name": ...}`` objects, or from a string such as
    ``"A. Smith, B. Jones and C. Wu"`` or ``"A. Smith; B. Jones"``."""
    if not value:
        return ()
    if isinstance(value, str):
        parts = _AND_COMMA.split(value) if "," in value or " and " in value else _AND.split(value)
        names = [clean_text(p) for p in parts]
    elif isinstance(value, (list, tuple)):
        names = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("name") or " ".join(
                    str(item[k]) for k in ("forenames", "first", "given", "keyname", "last", "family") if item.get(k)
                )
            elif isinstance(item, (list, tuple)):  # arXiv snapshot authors_parsed: [last, first, suffix]
                item = " ".join(str(p) for p in (*item[1:2], *item[:1], *item[2:3]) if p)
            names.append(clean_text(str(item)) if item else "")
    else:
        return ()
    return tuple(n for n in names if n)


def split_bibtex_authors(value: str) -> tuple[str, ...]:
    """BibTeX ``author`` field (``Last, First and First Last``) to ``("First Last", ...)``."""
    names = []
    for part in re.split(r"\s+and\s+", value.strip()):
        part = clean_text(part)
        if not part or part.lower() == "others":
            continue
        if "," in part:
            pieces = [p.strip() for p in part.split(",")]
            part = " ".join([*pieces[2:], pieces[1], pieces[0]] if len(pieces) > 2 else [pieces[1], pieces[0]])
        names.append(" ".join(part.split()))
    return tuple(n for n in names if n)
