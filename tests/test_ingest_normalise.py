"""Text clean-up and ids: examples from real arXiv/BibTeX residue, and properties (hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg.ingest.normalise import (
    clean_text,
    parse_arxiv_id,
    parse_date,
    parse_doi,
    slugify,
    split_authors,
    split_bibtex_authors,
    title_id,
    title_key,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Multi-Electron Production at High\n  Transverse Momenta  ", "Multi-Electron Production at High Transverse Momenta"),
        ("the $(k,\\ell)$-pebble game", "the (k,ℓ)-pebble game"),
        ("a $\\epsilon$-greedy policy with $10\\times$ speed-up", "a ε-greedy policy with 10× speed-up"),
        ("$O(n^{2})$ time", "O(n^2) time"),
        ("$$x_{i} \\leq y$$", "x_i ≤ y"),
        ("we use \\emph{contrastive} and \\textbf{masked} losses", "we use contrastive and masked losses"),
        ("{BERT}: Pre-training of {Deep} Bidirectional Transformers", "BERT: Pre-training of Deep Bidirectional Transformers"),
        ("improves accuracy by 5\\% on ImageNet", "improves accuracy by 5% on ImageNet"),
        ("R\\&D and a\\_b", "R&D and a_b"),
        ("Rodol{\\`a}, M{\\\"u}ller, G\\'{e}rard, \\c{c}a, {\\'\\i}", "Rodolà, Müller, Gérard, ça, í"),
        ("{\\L}ukasz and \\ss", "Łukasz and ß"),
        ("code at \\url{https://github.com/a/b}", "code at https://github.com/a/b"),
        ("{Code}: https://github.com/x/y{Name}.", "Code: https://github.com/x/y{Name}."),
        ("code at {https://github.com/a/b}.", "code at https://github.com/a/b."),
        ("see \\href{https://x.io/p}{the project page}", "see the project page (https://x.io/p)"),
        ("as shown~\\cite{smith2020} before", "as shown before"),
        ("in $\\mathbb{R}^d$", "in ℝ^d"),
        ("Q&amp;A, &lt;tags&gt; &quot;quoted&quot; &#233;t&#xE9;", 'Q&A, <tags> "quoted" été'),
        ("double &amp;amp; escaped", "double & escaped"),
        ("self-\nsupervised and semi-\n  supervised", "self-supervised and semi-supervised"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("Cafe\u0301 (decomposed)", "Café (decomposed)"),
        ("costs $5 and $10 today", "costs $5 and $10 today"),
        ("line one\r\nline two", "line one line two"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_text_leaves_plain_text_alone() -> None:
    text = "Diffusion Models (DPM) reach 41.8 BLEU on WMT 2014: state-of-the-art, 3×faster; p<0.05."
    assert clean_text(text) == text


@given(st.text())
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text())
def test_clean_text_has_single_spaces_and_no_ends(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned and "\n" not in cleaned


@given(st.text(alphabet=st.characters(blacklist_characters="\\${}&\u00ad\u200b\u200c\u200d\u2060\ufeff", blacklist_categories=("Cs",))))
def test_clean_text_only_changes_whitespace_of_plain_text(text: str) -> None:
    import re
    import unicodedata

    assume(not re.search(r"-[ \t]*\r?\n", text))  # a word hyphenated at a line break is joined (tested above)
    assert clean_text(text) == " ".join(unicodedata.normalize("NFC", text).split())


@pytest.mark.parametrize(
    ("value", "arxiv_id"),
    [
        ("2101.00001", "2101.00001"),
        ("2101.00001v3", "2101.00001"),
        ("arXiv:1706.03762v7", "1706.03762"),
        ("http://arxiv.org/abs/2310.06625v2", "2310.06625"),
        ("https://arxiv.org/pdf/2310.06625.pdf", "2310.06625"),
        ("https://export.arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("math.CO/0601001", "math.CO/0601001"),
        ("0704.0001", "0704.0001"),
        ("1312.6120", "1312.6120"),
    ],
)
def test_parse_arxiv_id(value: str, arxiv_id: str) -> None:
    assert parse_arxiv_id(value) == arxiv_id


@pytest.mark.parametrize("value", ["seed-001", "2113.00001", "0712.123456", "1401.12345", "10.1000/x", "", "https://github.com/a/b", None, 2101])
def test_not_arxiv_ids(value: object) -> None:
    assert parse_arxiv_id(value) is None


@pytest.mark.parametrize(
    ("value", "doi"),
    [
        ("10.21437/Interspeech.2020-2650", "10.21437/interspeech.2020-2650"),
        ("https://doi.org/10.1103/PhysRevD.76.013009", "10.1103/physrevd.76.013009"),
        ("doi:10.1000/xyz.", "10.1000/xyz"),
        ("http://dx.doi.org/10.1000/abc", "10.1000/abc"),
    ],
)
def test_parse_doi(value: str, doi: str) -> None:
    assert parse_doi(value) == doi


def test_parse_doi_rejects_other_text() -> None:
    assert parse_doi("not a doi") is None and parse_doi("https://example.org/10.1000/x") is None


@pytest.mark.parametrize(
    ("value", "month", "expected"),
    [
        ("2023-09-11T17:59:50.000Z", None, date(2023, 9, 11)),
        ("2023-09-11", None, date(2023, 9, 11)),
        ("Mon, 2 Apr 2007 19:18:42 GMT", None, date(2007, 4, 2)),
        ("2023-09", None, date(2023, 9, 1)),
        ("2019", "sep", date(2019, 9, 1)),
        (2019, "October", date(2019, 10, 1)),
        ("2020", None, date(2020, 1, 1)),
        ("soon", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_parse_date(value: object, month: object, expected: date | None) -> None:
    assert parse_date(value, month) == expected


def test_split_authors() -> None:
    assert split_authors("C. Balázs, E. L. Berger and P. M. Nadolsky") == ("C. Balázs", "E. L. Berger", "P. M. Nadolsky")
    assert split_authors("A. Smith; B. Jones") == ("A. Smith", "B. Jones")
    assert split_authors([{"name": "Frédo Durand"}, "Song Han", ""]) == ("Frédo Durand", "Song Han")
    assert split_authors([["Streinu", "Ileana", ""], ["Yuan", "C. -P.", "Jr"]]) == ("Ileana Streinu", "C. -P. Yuan Jr")
    assert split_bibtex_authors("Vaswani, Ashish and Kaiser, {\\L}ukasz and Jon Doe and others") == (
        "Ashish Vaswani", "Łukasz Kaiser", "Jon Doe",
    )


def test_title_key_ignores_case_punctuation_and_spacing() -> None:
    assert title_key("Deep Networks Always Grok — and Here is Why!") == title_key("deep networks always grok and here is why")
    assert title_key("ResNet-50") != title_key("ResNet-101")


def test_title_id_is_readable_stable_and_distinct() -> None:
    pid = title_id("DεpS: Delayed ε-Shrinking for Faster Once-For-All Training")
    assert pid.startswith("dps-delayed-shrinking-for-faster-once-for-all-training-")
    assert pid == title_id("DεpS:  Delayed ε-Shrinking for Faster Once-For-All Training")
    assert title_id("Paper A") != title_id("Paper B")
    assert title_id("∑∏").startswith("paper-")


@given(st.text())
def test_slug_is_short_ascii_and_clean(text: str) -> None:
    slug = slugify(text)
    assert len(slug) <= 60
    assert slug == "" or (slug.isascii() and not slug.startswith("-") and not slug.endswith("-") and "--" not in slug)
