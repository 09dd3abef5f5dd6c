"""URL finding and normalisation (GUIDELINES rule 6) and classification."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.urls import classify_url, find_links, normalise_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://github.com/x/y{Name}.", "https://github.com/x/y"),
        ("https://github.com/GTmac/FastRP.", "https://github.com/GTmac/FastRP"),
        ("https://github.com/BienLuky/CacheQuant", "https://github.com/BienLuky/CacheQuant"),
        ("(https://github.com/a/b).", "https://github.com/a/b"),
        ("github.com/x/y,", "github.com/x/y"),
        ("\\url{https://x.github.io/p}", "https://x.github.io/p"),
        ('<a href="https://github.com/a/b">code</a>', "https://github.com/a/b"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("http://www.robots.ox.ac.uk/~qwang/SiamMask.", "http://www.robots.ox.ac.uk/~qwang/SiamMask"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise_url(raw) == expected


def test_scheme_less_links_are_found_with_offsets() -> None:
    text = "Code: github.com/owner/repo. Also www.example.org/page"
    links = find_links(text)
    assert [l.url for l in links] == ["github.com/owner/repo", "www.example.org/page"]
    assert text[links[0].start : links[0].end] == "github.com/owner/repo"


def test_detokenised_links_are_rebuilt_with_the_spaced_form_as_span() -> None:
    text = "The project website is http: // www. robots.ox.ac.uk / ˜qwang / SiamMask. Then"
    (link,) = find_links(text)
    assert link.url == "http://www.robots.ox.ac.uk/~qwang/SiamMask"
    assert text[link.start : link.end] == "http: // www. robots.ox.ac.uk / ˜qwang / SiamMask"
    (link,) = find_links("available at https: // github.com / a / b-c. [reference] The next sentence.")
    assert (link.url, link.kind) == ("https://github.com/a/b-c", "repository")
    # a capitalised word after a spaced dot starts a sentence, not a host label
    assert [l.url for l in find_links("see http: // example.org. The end")] == ["http://example.org"]


def test_scheme_less_project_pages_and_short_links() -> None:
    links = find_links("Project page: anon.github.io/proj. Website: bit.ly/grok-x. Mail a@b.github.io")
    assert [(l.url, l.kind) for l in links] == [("anon.github.io/proj", "project_page"), ("bit.ly/grok-x", "project_page")]


def test_not_urls() -> None:
    assert find_links("version 0.5.3 of e.g. the model, i.e. vs. x.y") == []
    assert find_links("mail me at someone@github.com") == []


@pytest.mark.parametrize(
    ("url", "kind", "reference"),
    [
        ("https://github.com/x/y", "repository", False),
        ("https://huggingface.co/datasets/x/y", "repository", False),
        ("https://zenodo.org/record/123", "repository", False),
        ("https://qihao067.github.io/projects/DiMR", "project_page", False),
        ("https://bit.ly/grok-adversarial", "project_page", False),
        ("https://arxiv.org/abs/2101.00001", "other", True),
        ("https://github.com/someone", "other", False),
    ],
)
def test_classify(url: str, kind: str, reference: bool) -> None:
    assert classify_url(url) == (kind, reference)


@given(st.text(max_size=200))
def test_links_are_substrings_without_trailing_punctuation(text: str) -> None:
    source = "see https://github.com/a/b" + text
    for link in find_links(source):
        assert link.url in source
        assert link.url[-1] not in ".,;:!?]}('\""
        if link.url.endswith(")"):  # only a wiki-style bracket that closes one inside the link
            assert not link.url.endswith("()") and link.url.count("(") >= link.url.count(")")
